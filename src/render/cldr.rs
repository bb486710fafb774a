//! Numbers, money, dates, sorting and writing direction as readers of a
//! locale expect them: CLDR data compiled into the binary by ICU4X, no data
//! files at run time.

use std::cmp::Ordering;

use icu::calendar::Date;
use icu::collator::{Collator, CollatorBorrowed, options::CollatorOptions};
use icu::datetime::{DateTimeFormatter, fieldsets::YMD};
use icu::decimal::{DecimalFormatter, input::Decimal};
use icu::experimental::dimension::currency::{CurrencyType, formatter::CurrencyFormatter};
use icu::locale::{Locale, LocaleDirectionality, LocaleExpander, locale};

/// `tag` as an ICU locale; English (United States) when it is not a BCP 47
/// tag (a profile with a bad `locale` is never rendered, so only a caller
/// outside validation sees this).
pub(crate) fn parse_locale(tag: &str) -> Locale {
    Locale::try_from_str(tag).unwrap_or(locale!("en-US"))
}

/// Amounts of one currency written for readers of one locale.
pub(crate) struct MoneyFormat {
    currency: Option<CurrencyFormatter<DecimalFormatter>>,
    number: Option<DecimalFormatter>,
    code: String,
}

impl MoneyFormat {
    /// `currency` is an ISO 4217 code (`USD`): a symbol where the locale has
    /// one for it (`$`, `€`), else the code as CLDR places it (`CHF 36’000.00`).
    pub(crate) fn new(currency: &str, locale: &Locale) -> MoneyFormat {
        Self::made(currency, locale, false)
    }

    /// Always the ISO code, placed as CLDR places it (`MXN 8,000`,
    /// `8.000,00 EUR`): beside amounts in other currencies, where `$` alone
    /// could be dollars or pesos.
    pub(crate) fn with_code(currency: &str, locale: &Locale) -> MoneyFormat {
        Self::made(currency, locale, true)
    }

    fn made(currency: &str, locale: &Locale, code_only: bool) -> MoneyFormat {
        let formatter = currency
            .to_ascii_lowercase()
            .parse::<CurrencyType>()
            .ok()
            .and_then(|code| {
                let symbol = if code_only {
                    None
                } else {
                    CurrencyFormatter::try_new_symbol(locale.into(), code, Default::default()).ok()
                };
                symbol.or_else(|| {
                    CurrencyFormatter::try_new_code(locale.into(), code, Default::default()).ok()
                })
            });
        MoneyFormat {
            currency: formatter,
            number: DecimalFormatter::try_new(locale.into(), Default::default()).ok(),
            code: currency.to_owned(),
        }
    }

    /// `amount` with the currency's symbol, grouping and decimals; a whole
    /// amount without the decimals (`$36,000`, as `trailingZeroDisplay:
    /// "stripIfInteger"` does in JavaScript's `Intl.NumberFormat`).
    pub(crate) fn format(&self, amount: f64) -> String {
        let Some(value) = decimal(amount) else {
            return format!("{amount} {}", self.code);
        };
        let (Some(currency), Some(number)) = (&self.currency, &self.number) else {
            return match &self.number {
                Some(number) => format!("{}\u{a0}{}", number.format(&value), self.code),
                None => format!("{amount} {}", self.code),
            };
        };
        let written = currency.format_fixed_decimal(&value).to_string();
        if amount.fract() != 0.0 {
            return written;
        }
        // CLDR pads to the currency's decimals (`36,000.00`): take the
        // padded number out of the currency pattern and put the whole one in.
        let whole = number.format(&value).to_string();
        (1..=4)
            .rev()
            .map(|digits| {
                let mut padded = value.clone();
                padded.pad_end(-digits);
                number.format(&padded).to_string()
            })
            .find(|padded| written.contains(padded.as_str()))
            .map_or(written.clone(), |padded| {
                written.replacen(&padded, &whole, 1)
            })
    }
}

/// `value` as readers of `locale` write a number: its grouping and
/// decimal separator (`94,400`, `94 400`, `94.400`).
pub(crate) fn format_number(value: f64, locale: &Locale) -> String {
    match (
        decimal(value),
        DecimalFormatter::try_new(locale.into(), Default::default()),
    ) {
        (Some(decimal), Ok(formatter)) => formatter.format(&decimal).to_string(),
        _ => value.to_string(),
    }
}

/// `amount` as an exact decimal.
pub(crate) fn decimal(amount: f64) -> Option<Decimal> {
    // `Display` for f64 is the shortest text that reads back as the same
    // number, never in exponent form.
    format!("{amount}").parse::<Decimal>().ok()
}

/// An ISO date (`2026-11-28`) in the locale's long form: "November 28,
/// 2026" in en-US, "28 November 2026" in en-GB, "28. November 2026" in
/// de-DE, in the locale's own calendar. `None` when `iso` is not a date.
pub(crate) fn format_date(iso: &str, locale: &Locale) -> Option<String> {
    let mut parts = iso.trim().splitn(3, '-');
    let year = parts.next()?.parse::<i32>().ok()?;
    let month = parts.next()?.parse::<u8>().ok()?;
    let day = parts.next()?.parse::<u8>().ok()?;
    let date = Date::try_new_iso(year, month, day).ok()?;
    let formatter = DateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?;
    Some(formatter.format(&date).to_string())
}

/// Regions whose paper is US Letter: CLDR's supplemental `paperSize` data
/// (`supplementalData.xml`, measurementData), which ICU4X does not carry.
const LETTER_REGIONS: [&str; 14] = [
    "BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE",
];

/// Whether readers of `locale` print on US Letter (else A4); a locale
/// without a region takes its likeliest one.
pub(crate) fn uses_letter_paper(locale: &Locale) -> bool {
    let mut id = locale.id.clone();
    if id.region.is_none() {
        LocaleExpander::new_common().maximize(&mut id);
    }
    id.region
        .is_some_and(|region| LETTER_REGIONS.contains(&region.as_str()))
}

/// Whether `locale`'s script is written right to left (Arabic, Hebrew, …).
pub(crate) fn is_right_to_left(locale: &Locale) -> bool {
    LocaleDirectionality::new_common().is_right_to_left(&locale.id)
}

/// Compares text in the order of `locale`'s dictionaries ("Ángel" before
/// "Beta" in Spanish).
pub(crate) struct Collation {
    collator: Option<CollatorBorrowed<'static>>,
}

impl Collation {
    /// The collation of `locale`; code-point order if CLDR has none.
    pub(crate) fn new(locale: &Locale) -> Collation {
        Collation {
            collator: Collator::try_new(locale.into(), CollatorOptions::default()).ok(),
        }
    }

    /// The order of `a` and `b`.
    pub(crate) fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.collator {
            Some(collator) => collator.compare(a, b),
            None => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Node's `Intl.NumberFormat(locale, {style: "currency", currency,
    /// trailingZeroDisplay: "stripIfInteger"})` prints (Node 20, ICU 78.2, CLDR 48);
    /// `.ci/run` also compares with the Node on the machine
    /// (`money_and_dates_match_node_intl`).
    const MONEY: [(&str, &str, [&str; 4]); 12] = [
        ("en-US", "USD", ["$0", "$950", "$36,000", "$1,234,567.50"]),
        ("en-GB", "GBP", ["£0", "£950", "£36,000", "£1,234,567.50"]),
        ("en-IN", "INR", ["₹0", "₹950", "₹36,000", "₹12,34,567.50"]),
        (
            "de-DE",
            "EUR",
            [
                "0\u{a0}€",
                "950\u{a0}€",
                "36.000\u{a0}€",
                "1.234.567,50\u{a0}€",
            ],
        ),
        (
            "de-CH",
            "CHF",
            [
                "CHF\u{a0}0",
                "CHF\u{a0}950",
                "CHF\u{a0}36'000",
                "CHF\u{a0}1'234'567.50",
            ],
        ),
        (
            "fr-FR",
            "EUR",
            [
                "0\u{a0}€",
                "950\u{a0}€",
                "36\u{202f}000\u{a0}€",
                "1\u{202f}234\u{202f}567,50\u{a0}€",
            ],
        ),
        (
            "fr-CA",
            "CAD",
            [
                "0\u{a0}$",
                "950\u{a0}$",
                "36\u{a0}000\u{a0}$",
                "1\u{a0}234\u{a0}567,50\u{a0}$",
            ],
        ),
        (
            "es-ES",
            "EUR",
            [
                "0\u{a0}€",
                "950\u{a0}€",
                "36.000\u{a0}€",
                "1.234.567,50\u{a0}€",
            ],
        ),
        ("es-MX", "MXN", ["$0", "$950", "$36,000", "$1,234,567.50"]),
        (
            "pt-BR",
            "BRL",
            [
                "R$\u{a0}0",
                "R$\u{a0}950",
                "R$\u{a0}36.000",
                "R$\u{a0}1.234.567,50",
            ],
        ),
        ("ja-JP", "JPY", ["￥0", "￥950", "￥36,000", "￥1,234,568"]),
        ("hi-IN", "INR", ["₹0", "₹950", "₹36,000", "₹12,34,567.50"]),
    ];

    #[test]
    fn money_as_readers_of_each_locale_write_it() {
        let mut wrong = Vec::new();
        for (tag, currency, expected) in MONEY {
            let format = MoneyFormat::new(currency, &parse_locale(tag));
            for (amount, expected) in [0.0, 950.0, 36000.0, 1234567.5].into_iter().zip(expected) {
                let written = format.format(amount);
                if written != expected {
                    wrong.push(format!(
                        "{tag} {currency} {amount}: {written:?}, expected {expected:?}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// Differences from the Node on the machine that come from its CLDR
    /// version, not from pathways: `(locale, what, pathways, Node)`.
    /// pathways' data is ICU4X 2.4's compiled data, which its crates state
    /// was generated from CLDR 49.0.0 (`icu_datetime_data` 2.4.0, README);
    /// Node 20.20 carries ICU 78.2 with CLDR 48. For the data pathways ships,
    /// pathways is right: it formats with ICU4X and that data and changes
    /// nothing after, so its date is CLDR 49's pattern as written.
    const CLDR_VERSION_DIFFERENCES: [(&str, &str, &str, &str); 1] = [
        // CLDR 49's Hindi long date pattern is `d MMMM, y`: a comma after
        // the month, which CLDR 48's `d MMMM y` lacks. Checked by
        // `hindi_long_dates_follow_cldr_49` below.
        ("hi-IN", "date", "28 नवंबर, 2026", "28 नवंबर 2026"),
    ];

    /// The shipped data is CLDR 49 (as the ICU4X data crate says), whose
    /// Hindi long date has the comma: what pathways prints for hi-IN, in
    /// the Gregorian calendar India uses for such dates.
    #[test]
    fn hindi_long_dates_follow_cldr_49() {
        assert_eq!(
            format_date("2026-11-28", &parse_locale("hi-IN")).as_deref(),
            Some("28 नवंबर, 2026")
        );
    }

    /// Every locale of [`MONEY`] and a few more, each amount and the date,
    /// as pathways writes them and as Node's `Intl` (another ICU) does.
    #[test]
    #[ignore = "needs Node; .ci/run runs it"]
    fn money_and_dates_match_node_intl() {
        let amounts = [0.0, 950.0, 36000.0, 1234567.5, 18.25];
        let mut cases: Vec<(&str, &str)> = MONEY.iter().map(|(l, c, _)| (*l, *c)).collect();
        cases.extend([
            ("en-CA", "USD"),
            ("ar-EG", "EGP"),
            ("zh-CN", "CNY"),
            ("ko-KR", "KRW"),
        ]);
        let script = format!(
            "const cases = {cases}; const amounts = {amounts};
             const out = cases.map(([l, c]) => [
               ...amounts.map(a => new Intl.NumberFormat(l, {{style: 'currency', currency: c, trailingZeroDisplay: 'stripIfInteger'}}).format(a)),
               new Intl.DateTimeFormat(l, {{dateStyle: 'long', timeZone: 'UTC'}}).format(new Date(Date.UTC(2026, 10, 28)))]);
             console.log(JSON.stringify(out));",
            cases = serde_json::to_string(&cases).unwrap(),
            amounts = serde_json::to_string(&amounts).unwrap(),
        );
        let output = std::process::Command::new("node")
            .args(["-e", &script])
            .output()
            .expect("node runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let node: Vec<Vec<String>> = serde_json::from_slice(&output.stdout).unwrap();
        let mut differences = Vec::new();
        for ((tag, currency), node) in cases.iter().zip(node) {
            let locale = parse_locale(tag);
            let format = MoneyFormat::new(currency, &locale);
            let ours = amounts
                .iter()
                .map(|a| format.format(*a))
                .chain(format_date("2026-11-28", &locale));
            for ((ours, node), what) in ours
                .zip(&node)
                .zip(amounts.iter().map(|a| a.to_string()).chain(["date".into()]))
            {
                let known = CLDR_VERSION_DIFFERENCES.iter().any(|d| {
                    (d.0, d.1, d.2, d.3) == (*tag, what.as_str(), ours.as_str(), node.as_str())
                });
                if ours != *node && !known {
                    differences.push(format!(
                        "{tag} {currency} {what}: pathways {ours:?}, Node {node:?}"
                    ));
                }
            }
        }
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    #[test]
    fn dates_in_the_long_form_of_each_locale() {
        for (tag, expected) in [
            ("en-US", "November 28, 2026"),
            ("en-GB", "28 November 2026"),
            ("de-DE", "28. November 2026"),
            ("fr-FR", "28 novembre 2026"),
            ("es-MX", "28 de noviembre de 2026"),
        ] {
            assert_eq!(
                format_date("2026-11-28", &parse_locale(tag)).as_deref(),
                Some(expected),
                "{tag}"
            );
        }
        assert_eq!(format_date("2026-02-30", &parse_locale("en-US")), None);
    }

    #[test]
    fn collation_follows_the_locale() {
        let spanish = Collation::new(&parse_locale("es"));
        assert_eq!(spanish.compare("Ángel", "Beta"), Ordering::Less);
        assert_eq!("Ángel".cmp("Beta"), Ordering::Greater, "code points differ");
    }

    #[test]
    fn paper_follows_the_region() {
        for (tag, letter) in [
            ("en-US", true),
            ("en", true),
            ("es-MX", true),
            ("fr-CA", true),
            ("en-GB", false),
            ("es", false),
            ("de-CH", false),
            ("ja-JP", false),
        ] {
            assert_eq!(uses_letter_paper(&parse_locale(tag)), letter, "{tag}");
        }
    }

    #[test]
    fn arabic_and_hebrew_are_right_to_left() {
        assert!(is_right_to_left(&parse_locale("ar")));
        assert!(is_right_to_left(&parse_locale("he-IL")));
        assert!(!is_right_to_left(&parse_locale("en-US")));
    }
}
