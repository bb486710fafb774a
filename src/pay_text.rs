//! Pay in ordinary prose, in English, Spanish, French and German: sums of
//! money ("$38,000", "£24k", "36 000 €", "3.500 Euro", "$8,000 pesos"),
//! ranges ("between $38,000 and $45,000", "entre 8.000 y 11.000 pesos",
//! "de 2 000 à 2 500 €", "3.000 bis 3.500 Euro") with the career stage a
//! sentence names, and pay periods. Import reads salary sections with it,
//! and validation compares what a summary says with the salary figures.

/// A sum of money found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Amount {
    pub(crate) value: f64,
    /// ISO 4217 code, from the sign, code or word.
    pub(crate) currency: &'static str,
    /// Byte offsets of the amount in its sentence, its currency included.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Currency signs and the codes they stand for. `$` is the page's dollar
/// (`amounts_with_dollar`): US dollars unless the page says pesos or
/// another dollar.
const SIGNS: [(char, &str); 3] = [('$', "USD"), ('£', "GBP"), ('€', "EUR")];

/// ISO codes written beside an amount (`EUR 3.000`, `5'000 CHF`).
const CODES: [&str; 7] = ["USD", "EUR", "GBP", "MXN", "CAD", "CHF", "AUD"];

/// Currency words after an amount, lower case, longest first where one
/// starts another.
const CURRENCY_WORDS: [(&str, &str); 16] = [
    ("pesos mexicanos", "MXN"),
    ("pesos", "MXN"),
    ("peso", "MXN"),
    ("dollars canadiens", "CAD"),
    ("canadian dollars", "CAD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("dólares", "USD"),
    ("pounds", "GBP"),
    ("livres sterling", "GBP"),
    ("francs suisses", "CHF"),
    ("franken", "CHF"),
    ("francs", "CHF"),
    ("franc", "CHF"),
];

/// What joins the two ends of a range, in the four languages.
const RANGE_JOINS: [&str; 14] = [
    "to",
    "and",
    "-",
    "–",
    "—",
    "and up to",
    "y",
    "a",
    "hasta",
    "à",
    "et",
    "jusqu'à",
    "bis",
    "und",
];

/// Words that name a career stage, and the stage, in the four languages.
/// A word ending in `*` also names it as the start of a longer word
/// (`débutant*`: débutants, débutante); the others only as whole words.
const STAGES: [(&str, &str); 63] = [
    // English
    ("entry-level", "entry"),
    ("entry level", "entry"),
    ("entry", "entry"),
    ("starting", "entry"),
    ("junior", "entry"),
    ("new", "entry"),
    ("beginner*", "entry"),
    ("short term", "entry"),
    ("trainee*", "entry"),
    ("mid-career", "mid"),
    ("mid career", "mid"),
    ("mid-level", "mid"),
    ("mid level", "mid"),
    ("medium term", "mid"),
    ("experienced", "mid"),
    ("intermediate", "mid"),
    ("senior", "senior"),
    ("top", "senior"),
    ("specialist*", "senior"),
    ("lead", "senior"),
    ("long term", "senior"),
    // Spanish
    ("inicial*", "entry"),
    ("principiante*", "entry"),
    ("al comenzar", "entry"),
    ("al inicio", "entry"),
    ("recién", "entry"),
    ("de entrada", "entry"),
    ("con experiencia", "mid"),
    ("experimentado*", "mid"),
    ("intermedio*", "mid"),
    ("a mediano plazo", "mid"),
    ("sénior", "senior"),
    ("especialista*", "senior"),
    ("supervisor*", "senior"),
    ("jefe*", "senior"),
    ("a largo plazo", "senior"),
    // French
    ("débutant*", "entry"),
    ("début de carrière", "entry"),
    ("premier emploi", "entry"),
    ("expérimenté*", "mid"),
    ("confirmé*", "mid"),
    ("milieu de carrière", "mid"),
    ("intermédiaire*", "mid"),
    ("spécialiste*", "senior"),
    ("chef*", "senior"),
    ("expert*", "senior"),
    ("fin de carrière", "senior"),
    // German
    ("einstieg*", "entry"),
    ("einsteiger*", "entry"),
    ("berufseinsteiger*", "entry"),
    ("berufsanfänger*", "entry"),
    ("anfänger*", "entry"),
    ("auszubildende*", "entry"),
    ("mit berufserfahrung", "mid"),
    ("erfahrene*", "mid"),
    ("berufserfahrene*", "mid"),
    ("mittlere*", "mid"),
    ("spezialist*", "senior"),
    ("leitend*", "senior"),
    ("leitung", "senior"),
    ("führungskr*", "senior"),
    ("experte*", "senior"),
    ("fachexpert*", "senior"),
];

/// Words that name a pay period, in the four languages.
const PERIOD_WORDS: [(&str, &[&str]); 3] = [
    (
        "hour",
        &[
            "an hour",
            "per hour",
            "hourly",
            "/hour",
            "/hr",
            "an hr",
            "por hora",
            "la hora",
            "/hora",
            "par heure",
            "de l'heure",
            "de l’heure",
            "/h",
            "pro stunde",
            "stundenlohn",
            "die stunde",
            "/std",
        ],
    ),
    (
        "month",
        &[
            "a month",
            "per month",
            "monthly",
            "/month",
            "al mes",
            "por mes",
            "mensual",
            "/mes",
            "par mois",
            "mensuel",
            "/mois",
            "pro monat",
            "im monat",
            "monatlich",
            "monatsgehalt",
            "/monat",
        ],
    ),
    (
        "year",
        &[
            "a year",
            "per year",
            "annually",
            "per annum",
            "yearly",
            "/year",
            "annual",
            "al año",
            "por año",
            "anual",
            "/año",
            "par an",
            "annuel",
            "/an",
            "pro jahr",
            "im jahr",
            "jährlich",
            "jahresgehalt",
            "/jahr",
        ],
    ),
];

/// Sentences: split at `.`, `;` or `!` followed by a space or the end (not inside `$36.50`).
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b';' | b'!')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
        {
            out.push(&text[start..=i]);
            start = i + 1;
        }
    }
    // The rest, unless the text ended with a stop (an empty sentence holds
    // no figures, so it is passed over).
    out.push(&text[start..]);
    out
}

/// The dollar a page means by `$`: Mexican pesos when it speaks of pesos,
/// Canadian dollars when it says so, else US dollars.
pub(crate) fn dollar_of(text: &str) -> &'static str {
    let says = |hint: &Option<regex::Regex>| hint.as_ref().is_some_and(|h| h.is_match(text));
    if says(&PESOS) {
        "MXN"
    } else if says(&CANADIAN_DOLLARS) {
        "CAD"
    } else {
        "USD"
    }
}

/// Words that say `$` is pesos, or Canadian dollars (ASCII patterns, which
/// the regex crate searches for at the speed of a plain substring search).
static PESOS: std::sync::LazyLock<Option<regex::Regex>> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?i-u:peso)|(?-u:\bMXN\b)").ok());
static CANADIAN_DOLLARS: std::sync::LazyLock<Option<regex::Regex>> =
    std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i-u:canadian dollar|dollars canadiens)|(?-u:\bCAD\b)").ok()
    });

/// Whether `text` may hold a sum of money: a currency sign, code or word.
/// A quick test before the full reading of a page's every line.
pub(crate) fn may_hold_money(text: &str) -> bool {
    MONEY_HINT.as_ref().is_none_or(|hint| hint.is_match(text))
}

static MONEY_HINT: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"[$£€]|(?-u:\b(?:USD|EUR|GBP|MXN|CAD|CHF|AUD)\b)|(?i-u:euro|peso|dollar|franc|franken|pound|livre)|[dD]ólar",
    )
    .ok()
});

/// Every amount in `sentence`, `$` read as US dollars.
pub(crate) fn amounts_in(sentence: &str) -> Vec<Amount> {
    amounts_with_dollar(sentence, "USD")
}

/// A number in `sentence` and the currency written beside it, if any.
struct Figure {
    value: f64,
    currency: Option<&'static str>,
    start: usize,
    end: usize,
    /// Written as a year would be (`2024`, 1900 to 2100): never a range's
    /// first end by inheritance.
    year_like: bool,
}

/// Every amount in `sentence`: a number with a currency sign, code or word
/// before or after it (`$38,000`, `36 000 €`, `EUR 3.000`, `3.500 Euro`,
/// `$8,000 pesos`), an optional `k` or `M` after the digits; and a bare
/// number that starts a range whose other end has a currency (`entre 8.000
/// y 11.000 pesos`). `dollar` is what `$` stands for.
pub(crate) fn amounts_with_dollar(sentence: &str, dollar: &'static str) -> Vec<Amount> {
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut figures: Vec<Figure> = Vec::new();
    let bytes = sentence.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts_number = bytes[at].is_ascii_digit()
            && (at == 0 || !sentence[..at].ends_with(|c: char| c.is_alphanumeric()));
        if !starts_number {
            at += 1;
            continue;
        }
        let Some((mut value, length)) = number_at(&sentence[at..]) else {
            at += 1;
            continue;
        };
        let mut end = at + length;
        let multiplier = match sentence[end..].chars().next() {
            Some('k' | 'K') => Some(1_000.0),
            Some('m' | 'M') => Some(1_000_000.0),
            _ => None,
        };
        if let Some(multiplier) = multiplier
            && !sentence[end + 1..].starts_with(|c: char| c.is_alphabetic())
        {
            value *= multiplier;
            end += 1;
        }
        let digits = &sentence[at..at + length];
        let year_like = digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (1900.0..=2100.0).contains(&value);
        // A sign the amount before has taken ("30 € 40 €") is not this one's.
        let taken_until = figures.last().map_or(0, |figure| figure.end);
        let before =
            currency_before(sentence, at, dollar).filter(|(_, start)| *start >= taken_until);
        let (currency, start, end) = match before {
            Some((currency, start)) => (Some(currency), start, end),
            None => match currency_after(sentence, end, dollar) {
                Some((currency, after)) => (Some(currency), at, after),
                None => (None, at, end),
            },
        };
        // `$8,000 pesos`: a word (not the next amount's sign) after a sign
        // says which dollar it is.
        let word_follows = !sentence[end..]
            .trim_start()
            .starts_with(|c: char| SIGNS.iter().any(|(sign, _)| *sign == c));
        let (currency, end) = match (currency, currency_after(sentence, end, dollar)) {
            (Some(_), Some((word, after)))
                if word_follows && sentence[start..].starts_with('$') =>
            {
                (Some(word), after)
            }
            (currency, _) => (currency, end),
        };
        figures.push(Figure {
            value,
            currency,
            start,
            end,
            year_like,
        });
        // A number is at least one digit long: `end` is past `at`.
        at = end;
    }
    // A bare number starts a range whose other end names the currency.
    for i in (0..figures.len().saturating_sub(1)).rev() {
        let (first, rest) = figures.split_at_mut(i + 1);
        let (this, next) = (&mut first[i], &rest[0]);
        if this.currency.is_none()
            && !this.year_like
            && let Some(currency) = next.currency
            && is_range_join(&sentence[this.end..next.start])
        {
            this.currency = Some(currency);
        }
    }
    figures
        .into_iter()
        .filter_map(|figure| {
            Some(Amount {
                value: figure.value,
                currency: figure.currency?,
                start: figure.start,
                end: figure.end,
            })
        })
        .collect()
}

/// A number as pages in the four languages write it, at the start of
/// `text`: groups of three digits after `,` `.` a space `'` or `’`
/// (`1,234`, `1.234`, `1 234`, `1'234`), then an optional decimal part of
/// one or two digits after the other mark (`36.50`, `2.500,50`). Returns
/// the value and the bytes read.
fn number_at(text: &str) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let digits_from = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let lead = digits_from(0);
    if lead == 0 {
        return None;
    }
    let digits_value = |digits: &str| digits.parse::<f64>().ok();
    let mut value = digits_value(&text[..lead])?;
    let mut at = lead;
    let mut group_mark: Option<char> = None;
    if lead <= 3 {
        while let Some(mark) = text[at..].chars().next() {
            let is_mark = matches!(mark, ',' | '.' | ' ' | '\'' | '’');
            if !is_mark || group_mark.is_some_and(|m| m != mark) {
                break;
            }
            let after = at + mark.len_utf8();
            if digits_from(after) != 3 {
                break;
            }
            group_mark = Some(mark);
            value = value * 1000.0 + digits_value(&text[after..after + 3])?;
            at = after + 3;
        }
    }
    if let Some(mark) = text[at..].chars().next()
        && matches!(mark, ',' | '.')
        && group_mark != Some(mark)
    {
        let fraction = digits_from(at + 1);
        if (1..=2).contains(&fraction) {
            let decimals: f64 = text[at + 1..at + 1 + fraction].parse().ok()?;
            value += decimals / 10f64.powi(i32::try_from(fraction).ok()?);
            at += 1 + fraction;
        }
    }
    Some((value, at))
}

/// A sign or code just before byte `at` (one space allowed between):
/// the currency and where it starts.
fn currency_before(
    sentence: &str,
    at: usize,
    dollar: &'static str,
) -> Option<(&'static str, usize)> {
    let before = &sentence[..at];
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    let sign = trimmed.chars().next_back()?;
    if let Some(currency) = sign_currency(sign, dollar) {
        return Some((currency, trimmed.len() - sign.len_utf8()));
    }
    CODES.iter().find_map(|code| {
        let start = trimmed.strip_suffix(code)?.len();
        let bounded = !trimmed[..start].ends_with(|c: char| c.is_alphanumeric());
        bounded.then_some((*code, start))
    })
}

/// A sign, code or currency word just after byte `at` (one space allowed
/// between): the currency and where it ends.
fn currency_after(
    sentence: &str,
    at: usize,
    dollar: &'static str,
) -> Option<(&'static str, usize)> {
    let rest = &sentence[at..];
    let gap = usize::from(rest.starts_with(' '));
    let rest = &rest[gap..];
    if let Some(sign) = rest.chars().next()
        && let Some(currency) = sign_currency(sign, dollar)
    {
        return Some((currency, at + gap + sign.len_utf8()));
    }
    let word_end = |length: usize| {
        (!rest[length..].starts_with(|c: char| c.is_alphanumeric())).then_some(at + gap + length)
    };
    if let Some(code) = CODES.iter().find(|code| rest.starts_with(**code))
        && let Some(end) = word_end(code.len())
    {
        return Some((code, end));
    }
    CURRENCY_WORDS.iter().find_map(|(word, code)| {
        let head = rest.get(..word.len())?;
        let same = head.eq_ignore_ascii_case(word)
            || head.chars().flat_map(char::to_lowercase).eq(word.chars());
        same.then_some(())?;
        Some((*code, word_end(word.len())?))
    })
}

fn sign_currency(sign: char, dollar: &'static str) -> Option<&'static str> {
    match sign {
        '$' => Some(dollar),
        _ => SIGNS
            .iter()
            .find(|(s, _)| *s == sign)
            .map(|(_, currency)| *currency),
    }
}

/// Whether `between` (the text between two amounts) joins them into a range.
fn is_range_join(between: &str) -> bool {
    let between = between.trim().to_lowercase();
    RANGE_JOINS.contains(&between.as_str())
}

/// Pairs of amounts that form a range ("$38,000 to $45,000", "between
/// $38k and $45k", "$18–$24", "de 2 000 à 2 500 €"), each with the stage
/// named before it, or else in its own clause after it.
pub(crate) fn ranges_in(
    sentence: &str,
    amounts: &[Amount],
) -> Vec<(usize, usize, Option<&'static str>)> {
    let mut pairs = Vec::new();
    let mut context_start = 0;
    // The second amount of a pair does not start another.
    let mut taken = false;
    for i in 0..amounts.len().saturating_sub(1) {
        if std::mem::take(&mut taken) {
            continue;
        }
        let joined = is_range_join(&sentence[amounts[i].end..amounts[i + 1].start]);
        if joined && amounts[i].value <= amounts[i + 1].value {
            // The stage is named before the range ("senior archivists $70,000 to
            // $90,000"), or else after it ("$35,000 to $45,000 in the medium term").
            let before = sentence[context_start..amounts[i].start].to_lowercase();
            let after_end = amounts.get(i + 2).map_or(sentence.len(), |next| next.start);
            // After the range, only its own clause (up to a comma) names
            // its stage; that clause is not the next range's context.
            let after = &sentence[amounts[i + 1].end..after_end];
            let clause = after.find([',', ';']).map_or(after, |end| &after[..end]);
            let (stage, context_end) = match stage_in(&before) {
                Some(stage) => (Some(stage), amounts[i + 1].end),
                None => (
                    stage_in(&clause.to_lowercase()),
                    amounts[i + 1].end + clause.len(),
                ),
            };
            pairs.push((i, i + 1, stage));
            context_start = context_end;
            taken = true;
        }
    }
    pairs
}

/// The last stage word in `context` (lower case), as a word of its own.
pub(crate) fn stage_in(context: &str) -> Option<&'static str> {
    STAGES
        .iter()
        .filter_map(|(word, stage)| {
            let (word, prefix) = match word.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (*word, false),
            };
            context
                .match_indices(word)
                .filter(|(at, _)| {
                    let starts_word = !context[..*at].ends_with(char::is_alphanumeric);
                    let ends_word =
                        prefix || !context[at + word.len()..].starts_with(char::is_alphanumeric);
                    starts_word && ends_word
                })
                .last()
                .map(|(at, _)| (at + word.len(), *stage))
        })
        .max_by_key(|(end, _)| *end)
        .map(|(_, stage)| stage)
}

/// The periods a sentence (lower case) names: `hour`, `month`, `year`.
pub(crate) fn periods_in(lower: &str) -> Vec<&'static str> {
    PERIOD_WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(period, _)| *period)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, currency) of each amount in `sentence`.
    fn read(sentence: &str, dollar: &'static str) -> Vec<(f64, &'static str)> {
        amounts_with_dollar(sentence, dollar)
            .iter()
            .map(|amount| (amount.value, amount.currency))
            .collect()
    }

    /// The first range of `sentence`: (min, max, stage).
    fn range(sentence: &str, dollar: &'static str) -> Option<(f64, f64, Option<&'static str>)> {
        let amounts = amounts_with_dollar(sentence, dollar);
        ranges_in(sentence, &amounts)
            .first()
            .map(|(low, high, stage)| (amounts[*low].value, amounts[*high].value, *stage))
    }

    #[test]
    fn thousands_separators_of_each_locale() {
        for (text, value) in [
            ("$1,234", 1_234.0),
            ("1.234 €", 1_234.0),
            ("1 234 €", 1_234.0),
            ("1'234 CHF", 1_234.0),
            ("1’234 CHF", 1_234.0),
            ("$1,234,567", 1_234_567.0),
            ("2.500,50 €", 2_500.5),
            ("$36.50", 36.5),
            ("12,5 €", 12.5),
            ("$38k", 38_000.0),
        ] {
            assert_eq!(
                read(text, "USD").first().map(|a| a.0),
                Some(value),
                "{text}"
            );
        }
        // Amounts never overlap: a sign between two numbers goes with the
        // first ("30 € 40 €", "$30 $40", "EUR 3 EUR 4").
        assert_eq!(read("30 € 40 €", "USD"), [(30.0, "EUR"), (40.0, "EUR")]);
        assert_eq!(read("$30 $40", "USD"), [(30.0, "USD"), (40.0, "USD")]);
        assert_eq!(read("EUR 3 EUR 4", "USD"), [(3.0, "EUR"), (4.0, "EUR")]);
        for text in [
            "30 € 40 €",
            "$30 $40 $50",
            "EUR 3 EUR 4 EUR",
            "1 € 2 € 3 € 4 €",
        ] {
            let amounts = amounts_with_dollar(text, "USD");
            assert!(
                amounts.windows(2).all(|pair| pair[0].end <= pair[1].start),
                "{text}: {amounts:?}"
            );
            // Reading ranges over them never slices backwards.
            let _ = ranges_in(text, &amounts);
        }
        // A year is not grouped with what follows it, nor are groups
        // written with two different marks.
        assert_eq!(read("In 2024 360 € a month", "USD"), [(360.0, "EUR")]);
        assert_eq!(read("$1,234 567 staff", "USD"), [(1_234.0, "USD")]);
        // Digits inside a word are not a number ("Form W2").
        assert_eq!(read("Form W2 $40", "USD"), [(40.0, "USD")]);
        // A bare number starts a range whose end has a currency; a year does not.
        assert_eq!(
            read("entre 8.000 y 11.000 pesos", "USD"),
            [(8_000.0, "MXN"), (11_000.0, "MXN")]
        );
        assert_eq!(
            read("entre 8000 y 11000 pesos", "USD"),
            [(8_000.0, "MXN"), (11_000.0, "MXN")]
        );
        assert_eq!(read("Desde 2024 - 2.500 €", "USD"), [(2_500.0, "EUR")]);
    }

    #[test]
    fn currencies_by_sign_code_and_word() {
        for (text, dollar, currency) in [
            ("$40,000", "USD", "USD"),
            ("£24,000", "USD", "GBP"),
            ("€30k", "USD", "EUR"),
            ("36 000 €", "USD", "EUR"),
            ("EUR 3.000", "USD", "EUR"),
            ("3.000 EUR", "USD", "EUR"),
            ("5'000 CHF", "USD", "CHF"),
            ("3.000 Euro", "USD", "EUR"),
            ("2 000 euros", "USD", "EUR"),
            ("4.500 Franken", "USD", "CHF"),
            ("$8,000 pesos", "USD", "MXN"),
            ("9.000 pesos", "USD", "MXN"),
            ("$8,000", "MXN", "MXN"),
            ("45,000 dollars", "USD", "USD"),
        ] {
            assert_eq!(read(text, dollar), [(text_value(text), currency)], "{text}");
        }
        // A number alone is not money, nor a currency word inside another word.
        assert!(read("in 2024 about 94,400 jobs", "USD").is_empty());
        assert!(read("3 europeans", "USD").is_empty());
    }

    fn text_value(text: &str) -> f64 {
        amounts_with_dollar(text, "USD")
            .first()
            .map_or(f64::NAN, |amount| amount.value)
    }

    #[test]
    fn ranges_in_every_language() {
        type Expected = (f64, f64, Option<&'static str>);
        let cases: [(&str, &str, Expected); 9] = [
            (
                "Entry-level staff earn between $38,000 and $45,000.",
                "USD",
                (38_000.0, 45_000.0, Some("entry")),
            ),
            (
                "Al comenzar, un técnico gana entre $8,000 y $11,000 pesos mensuales.",
                "MXN",
                (8_000.0, 11_000.0, Some("entry")),
            ),
            (
                "Con experiencia gana entre 12.000 y 16.000 pesos al mes.",
                "MXN",
                (12_000.0, 16_000.0, Some("mid")),
            ),
            (
                "Un especialista gana de $17,000 a $22,000 pesos mensuales.",
                "MXN",
                (17_000.0, 22_000.0, Some("senior")),
            ),
            (
                "Un débutant gagne de 1 900 € à 2 300 € brut par mois.",
                "USD",
                (1_900.0, 2_300.0, Some("entry")),
            ),
            (
                "Un archiviste expérimenté gagne de 2 500 à 3 200 euros brut par an.",
                "USD",
                (2_500.0, 3_200.0, Some("mid")),
            ),
            (
                "Berufseinsteiger verdienen 3.200 bis 3.700 Euro im Monat.",
                "USD",
                (3_200.0, 3_700.0, Some("entry")),
            ),
            (
                "Spezialisten verdienen zwischen 4.900 und 5.800 Euro.",
                "USD",
                (4_900.0, 5_800.0, Some("senior")),
            ),
            (
                "Der Stundenlohn liegt bei 18,50 bis 24 Euro.",
                "USD",
                (18.5, 24.0, None),
            ),
        ];
        for (text, dollar, expected) in cases {
            assert_eq!(range(text, dollar), Some(expected), "{text}");
        }
    }

    #[test]
    fn periods_in_every_language() {
        for (text, period) in [
            ("$18 to $24 an hour", "hour"),
            ("$3,000 a month", "month"),
            ("$45,000 a year", "year"),
            ("8,000 pesos mensuales", "month"),
            ("9.000 pesos al mes", "month"),
            ("120 pesos por hora", "hour"),
            ("2 000 € par mois", "month"),
            ("30 000 € brut par an", "year"),
            ("de 12 € de l’heure", "hour"),
            ("Stundenlohn 18 Euro", "hour"),
            ("3.500 Euro im Monat", "month"),
            ("52.000 Euro brutto jährlich", "year"),
        ] {
            assert_eq!(periods_in(&text.to_lowercase()), [period], "{text}");
        }
    }

    /// The quick tests compile, and pass what holds money.
    #[test]
    fn the_money_hints_compile_and_find_money() {
        assert!(MONEY_HINT.is_some() && PESOS.is_some() && CANADIAN_DOLLARS.is_some());
        for text in [
            "$5",
            "5 €",
            "5 EUR",
            "5 Euro",
            "5 pesos",
            "5 dólares",
            "5 Franken",
        ] {
            assert!(may_hold_money(text), "{text}");
        }
        assert!(!may_hold_money("1. Apply in 2024."));
        assert_eq!(dollar_of("$8,000 pesos"), "MXN");
        assert_eq!(dollar_of("$8,000 CAD"), "CAD");
        assert_eq!(dollar_of("$8,000 a year"), "USD");
    }

    /// Stage words count as words: "top" is not in "laptop", nor "new" in
    /// "renewal"; a word ending in `*` also starts longer words.
    #[test]
    fn stage_words_are_whole_words() {
        assert_eq!(stage_in("top earners"), Some("senior"));
        assert_eq!(stage_in("with a laptop"), None);
        assert_eq!(stage_in("after renewal"), None);
        assert_eq!(stage_in("new technicians"), Some("entry"));
        assert_eq!(stage_in("experienced staff"), Some("mid"));
        assert_eq!(stage_in("beginners"), Some("entry"));
        assert_eq!(stage_in("débutants puis spécialistes"), Some("senior"));
        assert_eq!(stage_in("einstiegsgehalt"), Some("entry"));
        assert_eq!(stage_in("entry-level, then mid-career"), Some("mid"));
    }
}
