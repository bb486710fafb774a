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
    /// A median, never passed off as the average.
    pub median: Option<f64>,
    /// A median per hour beside yearly figures (a page's quick facts).
    pub median_hourly: Option<f64>,
    /// The year the figures are for, when the page says.
    pub year: Option<u16>,
    /// (stage, min, max), in career order.
    pub ranges: Vec<(&'static str, f64, f64)>,
}

use crate::pay_text::{Amount, amounts_with_dollar, periods_in, ranges_in, sentences};

/// Words that make a single figure the average, in the four languages.
const AVERAGE_WORDS: [&str; 6] = [
    "average",
    "typical",
    "typically earn",
    "promedio",
    "moyen",
    "durchschnitt",
];

/// Words that make a single figure the median (before the average words:
/// "typical pay: the median salary is ..." is a median).
const MEDIAN_WORDS: [&str; 2] = ["median", "médian"];

/// Career stages in the order pay rises.
const STAGE_ORDER: [&str; 3] = ["entry", "mid", "senior"];

/// What a salary section says, in the pieces stages are read from.
#[derive(Debug, Clone)]
pub(super) enum Passage {
    /// Running text, read sentence by sentence.
    Prose(String),
    /// A table: each row a label and its figures (`Entry: $17 – $20`), the
    /// label naming the row's stage; the header row's words may name the period.
    Table { header: String, rows: Vec<String> },
}

/// A range read, with the stage its words name (if any).
type FoundRange = (f64, f64, Option<&'static str>);

/// Read the figures in a salary section's passages; `dollar` is what `$`
/// stands for on the page. Notes for a person go to `review`, what was read
/// to the returned figures.
pub(super) fn read(
    passages: &[Passage],
    dollar: &'static str,
    review: &mut Vec<String>,
) -> Option<SalaryFigures> {
    let mut amounts_seen = false;
    let mut figures = SalaryFigures::default();
    let mut currencies: Vec<&'static str> = Vec::new();
    let mut periods: Vec<&'static str> = Vec::new();
    // Stages are inferred from order within one sentence or one table.
    let units: Vec<(Vec<&str>, &str)> = passages
        .iter()
        .flat_map(|passage| match passage {
            Passage::Prose(text) => sentences(text)
                .into_iter()
                .map(|sentence| (vec![sentence], ""))
                .collect::<Vec<_>>(),
            Passage::Table { header, rows } => {
                vec![(rows.iter().map(String::as_str).collect(), header.as_str())]
            }
        })
        .collect();
    for (unit, header) in units {
        let mut unit_ranges: Vec<FoundRange> = Vec::new();
        // For each range, its sentence; for each sentence, the periods it
        // names and whether an average or median was read from it. A period
        // word counts only where figures are read: "Hourly work pays $18 to
        // $24" with no stage must not make yearly ranges hourly.
        let mut range_sentence: Vec<usize> = Vec::new();
        let mut sentence_periods: Vec<(Vec<&'static str>, bool)> = Vec::new();
        for sentence in unit {
            let amounts = amounts_with_dollar(sentence, dollar);
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
            let singles_before = figures.average.is_some() || figures.median.is_some();
            let pairs = ranges_in(sentence, &amounts);
            range_sentence.extend(pairs.iter().map(|_| sentence_periods.len()));
            let paired: Vec<usize> = pairs.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
            unit_ranges.extend(
                pairs
                    .into_iter()
                    .map(|(low, high, stage)| (amounts[low].value, amounts[high].value, stage)),
            );
            let single: Vec<&Amount> = amounts
                .iter()
                .enumerate()
                .filter(|(i, _)| !paired.contains(i))
                .map(|(_, a)| a)
                .collect();
            let kind = if MEDIAN_WORDS.iter().any(|w| lower.contains(w)) {
                Some(("median", &mut figures.median))
            } else if AVERAGE_WORDS.iter().any(|w| lower.contains(w)) {
                Some(("average", &mut figures.average))
            } else {
                None
            };
            if let (1, Some((name, figure))) = (single.len(), kind) {
                if figure.is_none() {
                    *figure = Some(single[0].value);
                } else {
                    review.push(format!(
                        "a second {name} ({}) was not read",
                        single[0].value
                    ));
                }
            } else {
                for amount in single {
                    review.push(format!(
                        "the figure {} in \"{}\" is neither an average (or median) nor a range: it was not read",
                        amount.value,
                        sentence.trim()
                    ));
                }
            }
            let single_read =
                (figures.average.is_some() || figures.median.is_some()) != singles_before;
            let mut named = periods_in(&lower);
            named.extend(periods_in(&header.to_lowercase()));
            sentence_periods.push((named, single_read));
        }
        let read = place_ranges(unit_ranges, &mut figures, review);
        for (at, (named, single_read)) in sentence_periods.iter().enumerate() {
            let range_read = range_sentence
                .iter()
                .zip(&read)
                .any(|(sentence, read)| *sentence == at && *read);
            if *single_read || range_read {
                for period in named {
                    if !periods.contains(period) {
                        periods.push(period);
                    }
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
    if figures.average.is_none() && figures.median.is_none() && figures.ranges.is_empty() {
        review.push("the salary section has figures, but none could be read as an average, a median or a range: enter them by hand".to_owned());
        return None;
    }
    figures.currency = currencies.first().copied();
    figures.period = Some(periods.first().copied().unwrap_or("year"));
    let order = |stage: &str| STAGE_ORDER.iter().position(|s| *s == stage);
    figures.ranges.sort_by_key(|(stage, ..)| order(stage));
    Some(figures)
}

/// Put one sentence's (or table's) ranges with their stages. Ranges whose
/// words name no stage take one from their place when the ranges rise in
/// order (at most three: entry, mid, senior), and each such stage goes to
/// review; otherwise they are not read, and listed. Returns, for each
/// range, whether it was read.
fn place_ranges(
    mut found: Vec<FoundRange>,
    figures: &mut SalaryFigures,
    review: &mut Vec<String>,
) -> Vec<bool> {
    if found.iter().any(|(.., stage)| stage.is_none()) {
        match stages_from_order(&found) {
            Some(stages) if found.len() > 1 => {
                for ((min, max, stage), inferred) in found.iter_mut().zip(stages) {
                    if stage.is_none() {
                        *stage = Some(inferred);
                        review.push(format!(
                            "the range {min} to {max} names no career stage: it was read as {inferred} from its place among ranges that rise in order; check it"
                        ));
                    }
                }
            }
            _ => {
                for (min, max, _) in found.iter().filter(|(.., stage)| stage.is_none()) {
                    review.push(format!(
                        "the range {min} to {max} names no career stage (entry, mid-career, senior), so it was not read"
                    ));
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(min, max, stage)| {
            let Some(stage) = stage else { return false };
            // The same range said again (a table, then a sentence) is no conflict.
            if figures.ranges.contains(&(stage, min, max)) {
                return false;
            }
            if figures.ranges.iter().any(|(s, ..)| *s == stage) {
                review.push(format!(
                    "a second {stage} range ({min} to {max}) was not read: check which is right"
                ));
                false
            } else {
                figures.ranges.push((stage, min, max));
                true
            }
        })
        .collect()
}

/// The stage of each range from its place, when the ranges rise (each
/// starts and ends higher than the one before) and the stages named keep
/// that order: unnamed ranges take the lowest stage left for their place.
fn stages_from_order(found: &[FoundRange]) -> Option<Vec<&'static str>> {
    let rises = found
        .windows(2)
        .all(|pair| pair[1].0 >= pair[0].0 && pair[1].1 >= pair[0].1 && pair[1] != pair[0]);
    if !rises || found.len() > STAGE_ORDER.len() {
        return None;
    }
    let rank = |stage: &str| STAGE_ORDER.iter().position(|s| *s == stage);
    let mut stages = Vec::with_capacity(found.len());
    let mut previous: Option<usize> = None;
    for (at, (.., stage)) in found.iter().enumerate() {
        let this = match stage {
            Some(stage) => rank(stage)?,
            None => {
                let next_named = found[at + 1..]
                    .iter()
                    .find_map(|(.., stage)| stage.and_then(rank))
                    .unwrap_or(STAGE_ORDER.len());
                let lowest = previous.map_or(0, |p| p + 1);
                if lowest >= next_named {
                    return None;
                }
                lowest
            }
        };
        if previous.is_some_and(|p| p >= this) {
            return None;
        }
        previous = Some(this);
        stages.push(STAGE_ORDER[this]);
    }
    Some(stages)
}

/// Whether `text` holds a sum of money (for figures outside the salary section).
pub(super) fn has_amount(text: &str, dollar: &'static str) -> bool {
    !amounts_with_dollar(text, dollar).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> (Option<SalaryFigures>, Vec<String>) {
        let mut review = Vec::new();
        let passages = [Passage::Prose(text.to_owned())];
        (read(&passages, "USD", &mut review), review)
    }

    /// An average and a median are read as what they are, never one as
    /// the other.
    #[test]
    fn averages_and_medians_in_ordinary_wording() {
        for (text, median) in [
            ("Archivists earn a median of about $58,000 a year.", true),
            ("The average is $58,000.", false),
            ("Typical pay: the median salary is $58k per year.", true),
            ("They typically earn $58,000.", false),
        ] {
            let (read, review) = figures(text);
            let read = read.unwrap_or_else(|| panic!("{text}: {review:?}"));
            let (read_median, read_average) = if median {
                (Some(58_000.0), None)
            } else {
                (None, Some(58_000.0))
            };
            assert_eq!(
                (read.median, read.average),
                (read_median, read_average),
                "{text}"
            );
            assert_eq!(read.currency, Some("USD"));
            assert_eq!(read.period, Some("year"));
        }
        let (read, review) = figures("The median is $50,000. The average is $55,000.");
        assert!(review.is_empty(), "{review:?}");
        let read = read.unwrap();
        assert_eq!(
            (read.median, read.average),
            (Some(50_000.0), Some(55_000.0))
        );
        let (_, review) = figures("The median is $50,000. Another median is $52,000.");
        assert_eq!(review, ["a second median (52000) was not read"]);
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
        let read = read.unwrap();
        assert_eq!((read.median, read.period), (Some(36.5), Some("hour")));
        let (read, _) = figures("The average is $36.50 an hour.");
        let read = read.unwrap();
        assert_eq!((read.average, read.period), (Some(36.5), Some("hour")));
        // A period word where nothing is read does not set the period.
        let (read, _) = figures("The median is $50,000. Some earn $25 an hour.");
        let read = read.unwrap();
        assert_eq!((read.median, read.period), (Some(50_000.0), Some("year")));
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
                .any(|r| r.contains("neither an average (or median) nor a range")),
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

    /// Ranges that rise in order, in words that name no stage, take entry,
    /// mid and senior from their place, and each is listed for review.
    #[test]
    fn ascending_ranges_with_unknown_stage_words_are_inferred_and_reviewed() {
        let (read, review) = figures(
            "Level one staff earn $30,000 to $35,000, level two $36,000 to $44,000, and level three $45,000 to $60,000.",
        );
        assert_eq!(
            read.unwrap().ranges,
            [
                ("entry", 30_000.0, 35_000.0),
                ("mid", 36_000.0, 44_000.0),
                ("senior", 45_000.0, 60_000.0)
            ]
        );
        assert_eq!(review.len(), 3, "{review:?}");
        assert!(
            review
                .iter()
                .all(|r| r.contains("from its place among ranges that rise in order")),
            "{review:?}"
        );
        // A named stage keeps its place; the unnamed one takes what is left below it.
        let (read, review) =
            figures("Trainees earn $20 to $24 an hour, specialists $30 to $40 an hour.");
        assert_eq!(
            read.unwrap().ranges,
            [("entry", 20.0, 24.0), ("senior", 30.0, 40.0)]
        );
        assert!(review.is_empty(), "{review:?}");
        let (read, review) =
            figures("Grade A pays $20 to $24 an hour, grade B $30 to $40 an hour.");
        assert_eq!(
            read.unwrap().ranges,
            [("entry", 20.0, 24.0), ("mid", 30.0, 40.0)]
        );
        assert_eq!(review.len(), 2, "{review:?}");
        // Ranges that do not rise are not given stages.
        let (read, review) = figures("Grade A pays $30 to $40, grade B $20 to $24.");
        assert_eq!(read, None);
        assert_eq!(
            review
                .iter()
                .filter(|r| r.contains("names no career stage"))
                .count(),
            2,
            "{review:?}"
        );
    }

    /// "Experienced" is mid-career, "top" senior: the prose.
    #[test]
    fn experienced_is_mid_career_and_top_is_senior() {
        let (read, review) = figures(
            "Starting technicians earn between $36,000 and $44,000, experienced technicians earn $48,000 to $62,000, and top technicians earn $68,000 to $85,000.",
        );
        assert!(review.is_empty(), "{review:?}");
        assert_eq!(
            read.unwrap().ranges,
            [
                ("entry", 36_000.0, 44_000.0),
                ("mid", 48_000.0, 62_000.0),
                ("senior", 68_000.0, 85_000.0)
            ]
        );
    }

    /// A table's row label is its stage; unknown labels are inferred from
    /// order and reviewed; the header's words give the period.
    #[test]
    fn table_rows_are_ranges_with_their_labels_as_stages() {
        let table = |labels: [&str; 3]| Passage::Table {
            header: "Level Hourly pay".to_owned(),
            rows: vec![
                format!("{}: $17 – $20", labels[0]),
                format!("{}: $21 – $25", labels[1]),
                format!("{}: $26 – $32", labels[2]),
            ],
        };
        let mut review = Vec::new();
        let read = read(
            &[table(["Entry", "Experienced", "Specialist"])],
            "USD",
            &mut review,
        )
        .unwrap();
        assert!(review.is_empty(), "{review:?}");
        assert_eq!(read.period, Some("hour"));
        assert_eq!(
            read.ranges,
            [
                ("entry", 17.0, 20.0),
                ("mid", 21.0, 25.0),
                ("senior", 26.0, 32.0)
            ]
        );
        let mut review = Vec::new();
        let read =
            super::read(&[table(["Band 1", "Band 2", "Band 3"])], "USD", &mut review).unwrap();
        assert_eq!(read.ranges.len(), 3);
        assert_eq!(review.len(), 3, "{review:?}");
    }

    /// Pesos per month, in Spanish: the currency from the page, the
    /// period from the words.
    #[test]
    fn pesos_per_month_in_spanish() {
        let mut review = Vec::new();
        let passages = [Passage::Prose(
            "El salario promedio es de $10,500 pesos mensuales. Al comenzar, un técnico gana entre $8,000 y $11,000 pesos mensuales.".to_owned(),
        )];
        let read = read(&passages, "MXN", &mut review).unwrap();
        assert!(review.is_empty(), "{review:?}");
        assert_eq!(
            (read.currency, read.period, read.average),
            (Some("MXN"), Some("month"), Some(10_500.0))
        );
        assert_eq!(read.ranges, [("entry", 8_000.0, 11_000.0)]);
    }
}
