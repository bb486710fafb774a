//! Pay figures in a page's ordinary wording: "a median of about $58,000",
//! "between $38,000 and $45,000", "$38k", "£24,000", "$18 to $24 an hour".
//! What is read becomes numbers (the sentence stays in the prose); what is
//! ambiguous is never guessed, but listed for a person to review.

/// Figures read from a salary section.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct SalaryFigures {
    /// ISO 4217 code, from the currency sign.
    pub currency: Option<&'static str>,
    /// `year`, `month` or `hour`.
    pub period: Option<&'static str>,
    pub average: Option<f64>,
    /// (stage, min, max), in career order.
    pub ranges: Vec<(&'static str, f64, f64)>,
}

/// A sum of money found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount {
    value: f64,
    currency: &'static str,
    /// Byte offsets of the amount in its sentence.
    start: usize,
    end: usize,
}

/// Currency signs and the codes they stand for.
const SIGNS: [(char, &str); 3] = [('$', "USD"), ('£', "GBP"), ('€', "EUR")];

/// Words that name a career stage, and the stage.
const STAGES: [(&str, &str); 12] = [
    ("entry-level", "entry"),
    ("entry level", "entry"),
    ("starting", "entry"),
    ("short term", "entry"),
    ("beginner", "entry"),
    ("mid-career", "mid"),
    ("mid career", "mid"),
    ("mid-level", "mid"),
    ("medium term", "mid"),
    ("experienced", "senior"),
    ("senior", "senior"),
    ("long term", "senior"),
];

/// Words that make a single figure the average.
const AVERAGE_WORDS: [&str; 4] = ["average", "median", "typical", "typically earn"];

/// Read the figures in `text` (the salary section's lines joined). Notes
/// for a person go to `review`, what was read to the returned figures.
pub(super) fn read(text: &str, review: &mut Vec<String>) -> Option<SalaryFigures> {
    let mut amounts_seen = false;
    let mut figures = SalaryFigures::default();
    let mut currencies: Vec<&'static str> = Vec::new();
    let mut periods: Vec<&'static str> = Vec::new();
    for sentence in sentences(text) {
        let amounts = amounts_in(sentence);
        if amounts.is_empty() {
            continue;
        }
        amounts_seen = true;
        for amount in &amounts {
            if !currencies.contains(&amount.currency) {
                currencies.push(amount.currency);
            }
        }
        let lower = sentence.to_lowercase();
        // A period word counts only where figures are read: "Hourly work
        // pays $18 to $24" with no stage must not make yearly ranges hourly.
        let read_before = (figures.average.is_some(), figures.ranges.len());
        let pairs = ranges_in(sentence, &amounts);
        let paired: Vec<usize> = pairs.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
        for (low, high, stage) in pairs {
            let (min, max) = (amounts[low].value, amounts[high].value);
            match stage {
                Some(stage) if !figures.ranges.iter().any(|(s, ..)| *s == stage) => {
                    figures.ranges.push((stage, min, max));
                }
                Some(stage) => review.push(format!(
                    "a second {stage} range ({min} to {max}) was not read: check which is right"
                )),
                None => review.push(format!(
                    "the range {min} to {max} names no career stage (entry, mid-career, senior), so it was not read"
                )),
            }
        }
        let single: Vec<&Amount> = amounts
            .iter()
            .enumerate()
            .filter(|(i, _)| !paired.contains(i))
            .map(|(_, a)| a)
            .collect();
        if single.len() == 1 && AVERAGE_WORDS.iter().any(|w| lower.contains(w)) {
            if figures.average.is_none() {
                figures.average = Some(single[0].value);
            } else {
                review.push(format!(
                    "a second average ({}) was not read",
                    single[0].value
                ));
            }
        } else {
            for amount in single {
                review.push(format!(
                    "the figure {} in \"{}\" is neither an average nor a range: it was not read",
                    amount.value,
                    sentence.trim()
                ));
            }
        }
        if (figures.average.is_some(), figures.ranges.len()) != read_before {
            for period in periods_in(&lower) {
                if !periods.contains(&period) {
                    periods.push(period);
                }
            }
        }
    }
    if !amounts_seen {
        review.push(
            "no salary figures could be read from this section: add `average` and `ranges` by hand"
                .to_owned(),
        );
        return None;
    }
    if currencies.len() > 1 {
        review.push(format!(
            "the salary figures are in more than one currency ({}), so none were read: enter them by hand",
            currencies.join(", ")
        ));
        return None;
    }
    if periods.len() > 1 {
        review.push(format!(
            "the salary figures are per {}, so none were read: enter them by hand in one period",
            periods.join(" and per ")
        ));
        return None;
    }
    if figures.average.is_none() && figures.ranges.is_empty() {
        review.push("the salary section has figures, but none could be read as an average or a range: enter them by hand".to_owned());
        return None;
    }
    figures.currency = currencies.first().copied();
    figures.period = Some(periods.first().copied().unwrap_or("year"));
    let order = |stage: &str| ["entry", "mid", "senior"].iter().position(|s| *s == stage);
    figures.ranges.sort_by_key(|(stage, ..)| order(stage));
    Some(figures)
}

/// Whether `text` holds a sum of money (for figures outside the salary section).
pub(super) fn has_amount(text: &str) -> bool {
    !amounts_in(text).is_empty()
}

/// Sentences: split at `.`, `;` or `!` followed by a space or the end (not inside `$36.50`).
fn sentences(text: &str) -> Vec<&str> {
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

/// Every amount in `sentence`: a currency sign, digits with `,` or `.`, and
/// an optional `k` (thousands) or `m` (millions) right after.
fn amounts_in(sentence: &str) -> Vec<Amount> {
    let mut amounts = Vec::new();
    for (start, sign) in sentence.char_indices() {
        let Some(&(_, currency)) = SIGNS.iter().find(|(s, _)| *s == sign) else {
            continue;
        };
        let after = start + sign.len_utf8();
        let digits_len = sentence[after..]
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
            .count();
        let digits = sentence[after..after + digits_len].trim_end_matches(['.', ',']);
        let Ok(mut value) = digits.replace(',', "").parse::<f64>() else {
            continue;
        };
        let mut end = after + digits.len();
        let next = sentence[end..].chars().next();
        let multiplier = match next {
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
        amounts.push(Amount {
            value,
            currency,
            start,
            end,
        });
    }
    amounts
}

/// Pairs of amounts that form a range ("$38,000 to $45,000", "between
/// $38k and $45k", "$18–$24"), each with the stage named before it.
fn ranges_in(sentence: &str, amounts: &[Amount]) -> Vec<(usize, usize, Option<&'static str>)> {
    let mut pairs = Vec::new();
    let mut context_start = 0;
    // The second amount of a pair does not start another.
    let mut taken = false;
    for i in 0..amounts.len().saturating_sub(1) {
        if std::mem::take(&mut taken) {
            continue;
        }
        let between = sentence[amounts[i].end..amounts[i + 1].start]
            .trim()
            .to_lowercase();
        let joined = matches!(
            between.as_str(),
            "to" | "and" | "-" | "–" | "—" | "and up to"
        );
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

/// The last stage word in `context`.
fn stage_in(context: &str) -> Option<&'static str> {
    STAGES
        .iter()
        .filter_map(|(word, stage)| context.rfind(word).map(|at| (at, *stage)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, stage)| stage)
}

/// The periods a sentence names: `hour`, `month`, `year`.
fn periods_in(lower: &str) -> Vec<&'static str> {
    const WORDS: [(&str, &[&str]); 3] = [
        (
            "hour",
            &["an hour", "per hour", "hourly", "/hour", "/hr", "an hr"],
        ),
        ("month", &["a month", "per month", "monthly", "/month"]),
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
            ],
        ),
    ];
    WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(period, _)| *period)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> (Option<SalaryFigures>, Vec<String>) {
        let mut review = Vec::new();
        (read(text, &mut review), review)
    }

    #[test]
    fn averages_in_ordinary_wording() {
        for text in [
            "Archivists earn a median of about $58,000 a year.",
            "The average is $58,000.",
            "Typical pay: the median salary is $58k per year.",
        ] {
            let (read, review) = figures(text);
            let read = read.unwrap_or_else(|| panic!("{text}: {review:?}"));
            assert_eq!(read.average, Some(58_000.0), "{text}");
            assert_eq!(read.currency, Some("USD"));
            assert_eq!(read.period, Some("year"));
        }
    }

    #[test]
    fn several_ranges_in_one_sentence_with_their_stages() {
        let (read, review) = figures(
            "Entry-level archivists earn between $38,000 and $45,000, mid-career archivists \
             $50,000 to $65,000, and senior archivists $70,000 to $90,000.",
        );
        assert!(review.is_empty(), "{review:?}");
        assert_eq!(
            read.unwrap().ranges,
            [
                ("entry", 38_000.0, 45_000.0),
                ("mid", 50_000.0, 65_000.0),
                ("senior", 70_000.0, 90_000.0)
            ]
        );
    }

    #[test]
    fn currencies_periods_and_shorthand() {
        let (read, _) = figures("Starting pay is £24,000 to £28,000 a year.");
        let read = read.unwrap();
        assert_eq!(
            (read.currency, read.ranges[0]),
            (Some("GBP"), ("entry", 24_000.0, 28_000.0))
        );
        let (read, _) = figures("Beginners earn €30k–€35k annually.");
        assert_eq!(read.unwrap().ranges, [("entry", 30_000.0, 35_000.0)]);
        let (read, _) = figures("Entry-level aides make $18 to $24 an hour.");
        let read = read.unwrap();
        assert_eq!((read.period, read.ranges[0].1), (Some("hour"), 18.0));
        let (read, _) = figures("The median is $36.50 an hour.");
        assert_eq!(read.unwrap().average, Some(36.5));
    }

    /// `k` and `M` multiply only as a suffix (`$60k`, not `$60kg`); two
    /// amounts are a range only when joined by "to", "and" or a dash and
    /// rising; the stage may follow the range, before the next amount; a
    /// last sentence needs no full stop.
    #[test]
    fn suffixes_joins_and_stages_after_the_range() {
        let ranges = |text: &str| figures(text).0.map(|f| f.ranges).unwrap_or_default();
        assert_eq!(
            ranges("Senior staff earn $60k to $80K."),
            [("senior", 60_000.0, 80_000.0)]
        );
        let (_, review) = figures("Senior staff carry $60kg.");
        assert!(review[0].starts_with("the figure 60 in"), "{review:?}");
        assert_eq!(
            ranges("Senior staff earn $1.2M to $2m"),
            [("senior", 1_200_000.0, 2_000_000.0)]
        );
        assert_eq!(
            ranges("Pay is $30k to $40k for beginners, senior staff $60k to $80k."),
            [
                ("entry", 30_000.0, 40_000.0),
                ("senior", 60_000.0, 80_000.0)
            ]
        );
        assert!(ranges("Entry-level pay is $30,000 or $40,000.").is_empty());
        assert!(ranges("Entry-level pay is $40,000 to $30,000.").is_empty());
        assert_eq!(
            ranges(
                "Pay is $35,000 to $45,000 in the medium term, and $60,000 to $80,000 for senior staff."
            ),
            [("mid", 35_000.0, 45_000.0), ("senior", 60_000.0, 80_000.0)]
        );
    }

    #[test]
    fn the_seed_page_wording() {
        let (read, review) = figures(
            "In the United States, the average salary for Library Technicians is around $36,000 per year. \
             In the short term, someone starting out can expect to earn around the entry-level salary, which is \
             typically between $25,000 to $30,000 per year. As they gain more experience, they can potentially \
             earn higher salaries, ranging from $35,000 to $45,000 per year in the medium term. In the long term, \
             Library Technicians can earn salaries upwards of $50,000 to $60,000 per year.",
        );
        assert!(review.is_empty(), "{review:?}");
        let read = read.unwrap();
        assert_eq!(read.average, Some(36_000.0));
        assert_eq!(
            read.ranges,
            [
                ("entry", 25_000.0, 30_000.0),
                ("mid", 35_000.0, 45_000.0),
                ("senior", 50_000.0, 60_000.0)
            ]
        );
    }

    #[test]
    fn what_is_ambiguous_is_not_guessed() {
        let (read, review) = figures("Pay ranges from $30,000 to $40,000 a year.");
        assert_eq!(read, None);
        assert!(review[0].contains("names no career stage"), "{review:?}");
        let (read, review) =
            figures("Entry-level pay is $30,000 to $40,000, or £25,000 to £32,000 in London.");
        assert_eq!(read, None);
        assert!(
            review.iter().any(|r| r.contains("more than one currency")),
            "{review:?}"
        );
        let (read, review) = figures("The average is $20 an hour, or $3,000 a month.");
        assert_eq!(read, None);
        assert!(
            review
                .iter()
                .any(|r| r.contains("neither an average nor a range")),
            "{review:?}"
        );
        let (read, review) =
            figures("The median is $20 an hour. Senior staff earn $3,000 to $4,000 a month.");
        assert_eq!(read, None);
        assert!(
            review.iter().any(|r| r.contains("per hour and per month")),
            "{review:?}"
        );
        // A period word where nothing is read does not change the period
        // of what is: these yearly ranges stay yearly.
        let (read, review) =
            figures("Entry-level staff earn $38k to $45k. Hourly work pays $18.50 to $24.75.");
        let read = read.unwrap_or_default();
        assert_eq!(read.period, Some("year"));
        assert_eq!(read.ranges, [("entry", 38_000.0, 45_000.0)]);
        assert!(
            review[0].contains("the range 18.5 to 24.75 names no career stage"),
            "{review:?}"
        );
        assert_eq!(figures("Pay is good and rising.").0, None);
    }
}
