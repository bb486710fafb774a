//! Money for people: `36000` in USD for en-US is `$36,000`; in EUR for de-DE, `36.000 €`.

/// Format an amount of `currency` the way readers of `locale` expect.
pub(super) fn format_money(amount: f64, currency: &str, locale: &str) -> String {
    let style = NumberStyle::for_locale(locale);
    let number = group_digits(amount, style);
    let country = locale.split(['-', '_']).nth(1).unwrap_or("");
    let symbol = symbol(currency, country);
    match (style.symbol_after, symbol) {
        (false, Some(symbol)) => format!("{symbol}{number}"),
        (true, Some(symbol)) => format!("{number}\u{a0}{symbol}"),
        (_, None) => format!("{number}\u{a0}{currency}"),
    }
}

#[derive(Debug, Clone, Copy)]
struct NumberStyle {
    group: &'static str,
    decimal: char,
    symbol_after: bool,
}

impl NumberStyle {
    fn for_locale(locale: &str) -> Self {
        let language = locale
            .split(['-', '_'])
            .next()
            .unwrap_or("en")
            .to_ascii_lowercase();
        match language.as_str() {
            "de" | "es" | "it" | "nl" | "pt" | "da" | "id" | "tr" | "el" | "ro" | "hr" | "sl" => {
                NumberStyle {
                    group: ".",
                    decimal: ',',
                    symbol_after: true,
                }
            }
            "fr" | "sv" | "nb" | "no" | "fi" | "pl" | "cs" | "sk" | "ru" | "uk" | "hu" | "bg"
            | "lt" | "lv" | "et" => NumberStyle {
                group: "\u{202f}",
                decimal: ',',
                symbol_after: true,
            },
            _ => NumberStyle {
                group: ",",
                decimal: '.',
                symbol_after: false,
            },
        }
    }
}

fn group_digits(amount: f64, style: NumberStyle) -> String {
    let negative = amount < 0.0;
    let cents = (amount.abs() * 100.0).round() as u64;
    let (whole, fraction) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push_str(style.group);
        }
        grouped.push(digit);
    }
    if fraction > 0 {
        grouped.push(style.decimal);
        grouped.push_str(&format!("{fraction:02}"));
    }
    if negative {
        grouped.insert(0, '-');
    }
    grouped
}

/// The symbol readers in `country` know for `currency`, if it is unambiguous there.
fn symbol(currency: &str, country: &str) -> Option<&'static str> {
    let home = |c: &str| country.eq_ignore_ascii_case(c);
    Some(match currency {
        "USD" if home("US") || country.is_empty() => "$",
        "USD" => "US$",
        "CAD" if home("CA") => "$",
        "CAD" => "CA$",
        "AUD" if home("AU") => "$",
        "AUD" => "A$",
        "NZD" if home("NZ") => "$",
        "NZD" => "NZ$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "NGN" => "₦",
        "PHP" => "₱",
        "ILS" => "₪",
        "VND" => "₫",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_for_the_reader() {
        assert_eq!(format_money(36000.0, "USD", "en-US"), "$36,000");
        assert_eq!(format_money(1234567.5, "USD", "en-US"), "$1,234,567.50");
        assert_eq!(format_money(18.25, "GBP", "en-GB"), "£18.25");
        assert_eq!(format_money(36000.0, "EUR", "de-DE"), "36.000\u{a0}€");
        assert_eq!(
            format_money(36000.0, "CAD", "fr-CA"),
            "36\u{202f}000\u{a0}$"
        );
        assert_eq!(format_money(500.0, "CHF", "de-CH"), "500\u{a0}CHF");
        assert_eq!(format_money(900.0, "USD", "en-CA"), "US$900");
    }
}
