//! Quick facts and occupation codes stated on a page: a box of labelled
//! lines as the BLS prints one ("2024 Median Pay: $45,980 per year",
//! "Job Outlook, 2024-34: 9% (Much faster than average)") and the same facts
//! in prose ("projected to grow 19 percent from 2024 to 2034", "about
//! 14,000 openings each year", "SOC 25-4031"). Each fact read is listed
//! with its page line; a second, different value for a fact is listed for
//! review and not read, and nothing is guessed.

use std::sync::LazyLock;

use regex::Regex;

use super::page::Line;
use crate::pay_text::amounts_in;

/// The facts a page states.
#[derive(Debug, Default, PartialEq)]
pub(super) struct PageFacts {
    pub soc: Option<String>,
    pub onet: Vec<String>,
    /// A median pay figure, its period (`year`, `hour`), currency and year.
    pub median: Option<Median>,
    /// An education level of the fixed list (`associate`), and the page's
    /// words where they say more than the level's name.
    pub entry_education: Option<(Option<&'static str>, Option<String>)>,
    pub work_experience: Option<String>,
    pub training: Option<String>,
    /// The count, and the year it is for.
    pub jobs: Option<(u64, Option<u16>)>,
    pub outlook: Option<Outlook>,
    pub openings_per_year: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Median {
    pub value: f64,
    /// The median per hour, given beside one per year or month.
    pub hourly: Option<f64>,
    pub currency: &'static str,
    pub period: &'static str,
    pub year: Option<u16>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Outlook {
    pub percent: Option<f64>,
    /// `2024–34`, or the page's own words ("the next ten years").
    pub period: Option<String>,
    pub words: Option<String>,
}

/// What was read, and what a person must look at: (page line, note).
#[derive(Debug, Default)]
pub(super) struct Notes {
    pub found: Vec<(usize, String)>,
    pub review: Vec<(usize, String)>,
}

/// The education levels, by the words pages use for them.
const EDUCATION_LEVELS: [(&str, &str); 9] = [
    ("no formal educational credential", "none"),
    ("high school diploma", "high-school"),
    ("postsecondary nondegree award", "postsecondary-nondegree"),
    ("some college, no degree", "some-college"),
    ("associate's degree", "associate"),
    ("bachelor's degree", "bachelor"),
    ("master's degree", "master"),
    ("doctoral or professional degree", "doctoral"),
    ("doctoral degree", "doctoral"),
];

/// The BLS's words for an outlook, longest first, as the profile writes them.
const OUTLOOK_WORDS: [(&str, &str); 6] = [
    ("much faster than average", "Much faster than average"),
    ("faster than average", "Faster than average"),
    ("as fast as average", "As fast as average"),
    ("slower than average", "Slower than average"),
    ("little or no change", "Little or no change"),
    ("decline", "Decline"),
];

/// The patterns facts are read with, compiled once.
struct Patterns {
    year: Regex,
    period: Regex,
    percent: Regex,
    change: Regex,
    count: Regex,
    openings: Regex,
    jobs_held: Regex,
    onet: Regex,
    soc: Regex,
    next_years: Regex,
}

/// `None` only if a pattern were mistyped, which the tests below would show.
static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(|| {
    Some(Patterns {
        year: Regex::new(r"\b(19|20)\d\d\b").ok()?,
        period: Regex::new(r"\b((?:19|20)\d\d)\s*(?:[-–—]|to|through)\s*((?:19|20)?\d\d)\b").ok()?,
        percent: Regex::new(r"([-−–]?\d+(?:\.\d+)?)\s*(?:%|percent\b)").ok()?,
        change: Regex::new(r"\b(grow|grows|growth|increase|increases|rise|rises|decline|declines|decrease|decreases|fall|falls|change)\b[^.%]*?(\d+(?:\.\d+)?)\s*(?:%|percent\b)").ok()?,
        count: Regex::new(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b").ok()?,
        openings: Regex::new(r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:job\s+)?openings\b([^.]*)").ok()?,
        jobs_held: Regex::new(r"\bheld\s+(?:about\s+|nearly\s+|over\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+jobs\b").ok()?,
        onet: Regex::new(r"\b(\d{2}-\d{4})\.(\d{2})\b").ok()?,
        soc: Regex::new(r"\bSOC\b[^0-9\n]{0,30}(\d{2}-\d{4})\b").ok()?,
        next_years: Regex::new(r"\b(?:over|in|during)\s+(the\s+next\s+(?:ten|10|five|5)\s+years|the\s+(?:next\s+|coming\s+)?decade)\b").ok()?,
    })
});

/// The facts stated on the page's `lines`.
pub(super) fn read(lines: &[Line]) -> (PageFacts, Notes) {
    let Some(p) = PATTERNS.as_ref() else {
        return (PageFacts::default(), Notes::default());
    };
    let mut reader = Reader {
        p,
        facts: PageFacts::default(),
        notes: Notes::default(),
    };
    for line in lines {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        reader.codes(line.number, text);
        match text.split_once(':') {
            Some((label, value))
                if label.len() <= 60 && labelled(&mut reader, line.number, label, value) => {}
            _ => reader.prose(line.number, text),
        }
    }
    (reader.facts, reader.notes)
}

struct Reader {
    p: &'static Patterns,
    facts: PageFacts,
    notes: Notes,
}

/// A fact from a line "Label: value"; false when the label names none.
fn labelled(reader: &mut Reader, number: usize, label: &str, value: &str) -> bool {
    let label_lower = label.to_lowercase();
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    let year = reader
        .p
        .year
        .find(label)
        .and_then(|m| m.as_str().parse::<u16>().ok());
    if label_lower.contains("median")
        && (label_lower.contains("pay")
            || label_lower.contains("wage")
            || label_lower.contains("salary"))
    {
        reader.median(number, value, year);
    } else if label_lower.contains("entry-level education")
        || label_lower.contains("education needed")
    {
        let lower = value.to_lowercase().replace('’', "'");
        let matched = EDUCATION_LEVELS
            .iter()
            .find(|(words, _)| lower.contains(words));
        let says_more = matched.is_none_or(|(words, _)| lower.trim_end_matches('.') != *words);
        let fact = (
            matched.map(|(_, level)| *level),
            says_more.then(|| value.to_owned()),
        );
        reader.set(number, "entry education", |f| &mut f.entry_education, fact);
    } else if label_lower.contains("work experience") {
        reader.set(
            number,
            "work experience",
            |f| &mut f.work_experience,
            value.to_owned(),
        );
    } else if label_lower.contains("on-the-job training") {
        reader.set(
            number,
            "training on the job",
            |f| &mut f.training,
            value.to_owned(),
        );
    } else if label_lower.contains("number of jobs") {
        match first_count(reader.p, value) {
            Some(count) => reader.set(number, "number of jobs", |f| &mut f.jobs, (count, year)),
            None => reader.notes.review.push((
                number,
                format!("the number of jobs \"{value}\" is not a number: enter it by hand"),
            )),
        }
    } else if label_lower.contains("job outlook") {
        let percent = reader.p.percent.captures(value).and_then(|c| signed(&c[1]));
        let outlook = Outlook {
            percent,
            period: reader
                .p
                .period
                .captures(label)
                .map(|c| period(&c[1], &c[2])),
            words: outlook_words(value),
        };
        if outlook.percent.is_some() && outlook.period.is_none() {
            reader.notes.review.push((
                number,
                "the outlook's percent has no period (such as 2024–34): add `period`".to_owned(),
            ));
        }
        reader.set(number, "job outlook", |f| &mut f.outlook, outlook);
    } else if label_lower.contains("openings") {
        match first_count(reader.p, value) {
            Some(count) => reader.set(
                number,
                "openings each year",
                |f| &mut f.openings_per_year,
                count,
            ),
            None => return false,
        }
    } else {
        return false;
    }
    true
}

impl Reader {
    /// `fact` for the field `field` of the facts: read if the field is
    /// empty, listed for review if it holds another value.
    fn set<T: PartialEq + Describe>(
        &mut self,
        number: usize,
        name: &str,
        field: impl Fn(&mut PageFacts) -> &mut Option<T>,
        fact: T,
    ) {
        let slot = field(&mut self.facts);
        match slot {
            None => {
                self.notes
                    .found
                    .push((number, format!("{name}: {}", fact.describe())));
                *slot = Some(fact);
            }
            Some(existing) if *existing == fact => {}
            Some(existing) => {
                let existing = existing.describe();
                self.notes.review.push((
                    number,
                    format!(
                        "a second {name} ({}) differs from the one read ({existing}): it was not read; check which is right",
                        fact.describe()
                    ),
                ));
            }
        }
    }

    fn median(&mut self, number: usize, text: &str, year: Option<u16>) {
        let amounts = amounts_in(text);
        let Some(first) = amounts.first() else {
            self.notes.review.push((
                number,
                "a median pay is named here without a sum of money: enter it by hand".to_owned(),
            ));
            return;
        };
        let until_next = amounts.get(1).map_or(text.len(), |next| next.start);
        let after = text[first.end..until_next].to_lowercase();
        let period = crate::pay_text::periods_in(&after)
            .first()
            .copied()
            .unwrap_or("year");
        // "$45,980 per year $22.11 per hour": the hourly figure beside it.
        let hourly = amounts.get(1).filter(|second| {
            period != "hour"
                && second.currency == first.currency
                && crate::pay_text::periods_in(&text[second.end..].to_lowercase()).first()
                    == Some(&"hour")
        });
        let median = Median {
            value: first.value,
            hourly: hourly.map(|h| h.value),
            currency: first.currency,
            period,
            year,
        };
        self.set(number, "median pay", |f| &mut f.median, median);
    }

    fn prose(&mut self, number: usize, text: &str) {
        let lower = text.to_lowercase();
        for sentence in crate::pay_text::sentences(&lower) {
            if sentence.contains("median")
                && (sentence.contains("pay")
                    || sentence.contains("wage")
                    || sentence.contains("salar")
                    || sentence.contains("earn"))
                && !amounts_in(sentence).is_empty()
            {
                let year = self
                    .p
                    .year
                    .find(sentence)
                    .and_then(|m| m.as_str().parse().ok());
                self.median(number, sentence, year);
            }
            if let Some(change) = self.p.change.captures(sentence) {
                let falling = [
                    "decline",
                    "declines",
                    "decrease",
                    "decreases",
                    "fall",
                    "falls",
                ]
                .contains(&&change[1]);
                let percent = change[2]
                    .parse::<f64>()
                    .ok()
                    .map(|p| if falling { -p } else { p });
                let period = self.p.period
                    .captures(sentence)
                    .map(|c| period(&c[1], &c[2]))
                    .or_else(|| {
                        self.p.next_years.captures(sentence).map(|c| {
                            self.notes.review.push((
                                number,
                                format!("the outlook's period is \"{}\", as the page says: give its years (such as 2024–34)", &c[1]),
                            ));
                            c[1].to_owned()
                        })
                    });
                if period.is_none() {
                    self.notes.review.push((
                        number,
                        "a projected change in percent without its years: add the outlook's `period`".to_owned(),
                    ));
                }
                let outlook = Outlook {
                    percent,
                    period,
                    words: outlook_words(sentence),
                };
                self.set(number, "job outlook", |f| &mut f.outlook, outlook);
            } else if let Some(words) = outlook_words(sentence)
                .filter(|_| sentence.contains("average") || sentence.contains("employment"))
            {
                let outlook = Outlook {
                    words: Some(words),
                    ..Outlook::default()
                };
                match &mut self.facts.outlook {
                    // Words after the percent's sentence complete it.
                    Some(existing) if existing.words.is_none() => {
                        self.notes.found.push((
                            number,
                            format!(
                                "job outlook: {}",
                                outlook.words.as_deref().unwrap_or_default()
                            ),
                        ));
                        existing.words = outlook.words;
                    }
                    _ => self.set(number, "job outlook", |f| &mut f.outlook, outlook),
                }
            }
            if let Some(openings) = self.p.openings.captures(sentence) {
                let yearly = ["each year", "per year", "a year", "annually", "every year"]
                    .iter()
                    .any(|w| openings[2].contains(w));
                match (yearly, count(&openings[1])) {
                    (true, Some(count)) => {
                        self.set(
                            number,
                            "openings each year",
                            |f| &mut f.openings_per_year,
                            count,
                        );
                    }
                    _ => self.notes.review.push((
                        number,
                        format!(
                            "{} openings, but not said to be each year: it was not read",
                            &openings[1]
                        ),
                    )),
                }
            }
            if let Some(held) = self.p.jobs_held.captures(sentence)
                && let Some(count) = count(&held[1])
            {
                let year = self
                    .p
                    .year
                    .find(sentence)
                    .and_then(|m| m.as_str().parse().ok());
                self.set(number, "number of jobs", |f| &mut f.jobs, (count, year));
            }
        }
    }

    fn codes(&mut self, number: usize, text: &str) {
        for code in self.p.onet.captures_iter(text) {
            let onet = format!("{}.{}", &code[1], &code[2]);
            if !self.facts.onet.contains(&onet) {
                self.notes
                    .found
                    .push((number, format!("O*NET-SOC code {onet}")));
                self.facts.onet.push(onet);
            }
            let soc = code[1].to_owned();
            self.set(number, "SOC code", |f| &mut f.soc, soc);
        }
        for code in self.p.soc.captures_iter(text) {
            // An O*NET code's first part is the SOC code, read above.
            let Some(found) = code.get(1) else { continue };
            if self.p.onet.is_match(&text[found.start()..]) {
                continue;
            }
            self.set(
                number,
                "SOC code",
                |f| &mut f.soc,
                found.as_str().to_owned(),
            );
        }
    }
}

/// A fact as the import report shows it.
trait Describe {
    fn describe(&self) -> String;
}

impl Describe for String {
    fn describe(&self) -> String {
        format!("\"{self}\"")
    }
}

impl Describe for u64 {
    fn describe(&self) -> String {
        self.to_string()
    }
}

impl Describe for (u64, Option<u16>) {
    fn describe(&self) -> String {
        match self.1 {
            Some(year) => format!("{} in {year}", self.0),
            None => self.0.to_string(),
        }
    }
}

impl Describe for (Option<&'static str>, Option<String>) {
    fn describe(&self) -> String {
        match (self.0, &self.1) {
            (Some(level), Some(text)) => format!("`{level}`, \"{text}\""),
            (Some(level), None) => format!("`{level}`"),
            (None, text) => format!(
                "\"{}\" (no level of the list: kept as text)",
                text.as_deref().unwrap_or_default()
            ),
        }
    }
}

impl Describe for Median {
    fn describe(&self) -> String {
        let year = self.year.map(|y| format!(", {y}")).unwrap_or_default();
        let hourly = self
            .hourly
            .map(|h| format!(" ({h} per hour)"))
            .unwrap_or_default();
        format!(
            "{} {} per {}{hourly}{year}",
            self.value, self.currency, self.period
        )
    }
}

impl Describe for Outlook {
    fn describe(&self) -> String {
        let parts: Vec<String> = [
            self.percent.map(|p| format!("{p:+}%")),
            self.period.clone(),
            self.words.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        parts.join(", ")
    }
}

/// `2024`, `34` → `2024–34`; `2024`, `2034` → `2024–34`.
fn period(start: &str, end: &str) -> String {
    let end = if end.len() == 4 { &end[2..] } else { end };
    format!("{start}–{end}")
}

fn signed(text: &str) -> Option<f64> {
    let negative = text.starts_with(['-', '−', '–']);
    let digits = text.trim_start_matches(['-', '−', '–']);
    digits
        .parse::<f64>()
        .ok()
        .map(|p| if negative { -p } else { p })
}

fn outlook_words(text: &str) -> Option<String> {
    let lower = text.to_lowercase().replace(" the average", " average");
    OUTLOOK_WORDS
        .iter()
        .find(|(words, _)| lower.contains(words))
        .map(|(_, written)| (*written).to_owned())
}

fn count(text: &str) -> Option<u64> {
    text.replace(',', "").parse().ok()
}

fn first_count(p: &Patterns, text: &str) -> Option<u64> {
    p.count.find(text).and_then(|m| count(m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> (PageFacts, Notes) {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, text)| Line {
                number: i + 1,
                text: text.to_owned(),
            })
            .collect();
        read(&lines)
    }

    #[test]
    fn every_pattern_compiles() {
        assert!(PATTERNS.is_some());
    }

    /// Facts in prose: growth and decline with their years, openings each
    /// year, jobs held, a median wage, codes; each listed with its line.
    #[test]
    fn facts_in_ordinary_wording() {
        let (facts, notes) = page(
            "Employment is projected to grow 19 percent from 2024 to 2034, much faster than the average.\n\
             About 14,000 openings are projected each year.\n\
             Technicians held about 94,400 jobs in 2024.\n\
             The median annual wage was $44,700 in May 2024.\n\
             O*NET-SOC 25-4031.00",
        );
        assert_eq!(
            facts.outlook,
            Some(Outlook {
                percent: Some(19.0),
                period: Some("2024–34".to_owned()),
                words: Some("Much faster than average".to_owned()),
            })
        );
        assert_eq!(facts.openings_per_year, Some(14_000));
        assert_eq!(facts.jobs, Some((94_400, Some(2024))));
        let median = facts.median.unwrap();
        assert_eq!(
            (median.value, median.period, median.year),
            (44_700.0, "year", Some(2024))
        );
        assert_eq!(
            (facts.soc.as_deref(), &facts.onet[..]),
            (Some("25-4031"), &["25-4031.00".to_owned()][..])
        );
        let lines: Vec<usize> = notes.found.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 5], "{:?}", notes.found);
        assert!(notes.review.is_empty(), "{:?}", notes.review);
        let (facts, _) = page("Employment is projected to decline 4 percent from 2024 to 2034.");
        assert_eq!(facts.outlook.unwrap().percent, Some(-4.0));
    }

    /// What cannot be placed is listed for review, not guessed: openings
    /// not said to be yearly, a change without years, a second value.
    #[test]
    fn what_cannot_be_placed_is_for_review() {
        let (facts, notes) = page(
            "About 5,000 openings are expected.\n\
             The field will grow 12 percent over the next ten years.\n\
             Number of Jobs, 2024: 10,000\n\
             Number of Jobs, 2024: 12,000\n\
             Median pay: good\n\
             Median salary: varies by state\n\
             Starting pay: $40,000 a year",
        );
        assert_eq!(facts.openings_per_year, None);
        assert_eq!(
            facts.median, None,
            "pay that is not called the median is not one"
        );
        assert_eq!(facts.jobs, Some((10_000, Some(2024))));
        let review: Vec<(usize, &str)> = notes
            .review
            .iter()
            .map(|(line, note)| (*line, note.as_str()))
            .collect();
        assert_eq!(
            review,
            [
                (
                    1,
                    "5,000 openings, but not said to be each year: it was not read"
                ),
                (
                    2,
                    "the outlook's period is \"the next ten years\", as the page says: give its years (such as 2024–34)"
                ),
                (
                    4,
                    "a second number of jobs (12000 in 2024) differs from the one read (10000 in 2024): it was not read; check which is right"
                ),
                (
                    5,
                    "a median pay is named here without a sum of money: enter it by hand"
                ),
                (
                    6,
                    "a median pay is named here without a sum of money: enter it by hand"
                ),
            ]
        );
    }

    /// The BLS's box: each labelled line, the median with its hourly
    /// figure and year, the outlook's period from its label.
    #[test]
    fn a_box_of_labelled_facts() {
        let (facts, notes) = page(
            "2024 Median Pay: $45,980 per year $22.11 per hour\n\
             Typical Entry-Level Education: See How to Become One\n\
             Job Outlook, 2024-34: -3% (Decline)",
        );
        let median = facts.median.unwrap();
        assert_eq!(
            (median.value, median.hourly, median.year),
            (45_980.0, Some(22.11), Some(2024))
        );
        assert_eq!(
            facts.entry_education,
            Some((None, Some("See How to Become One".to_owned())))
        );
        assert_eq!(
            facts.outlook,
            Some(Outlook {
                percent: Some(-3.0),
                period: Some("2024–34".to_owned()),
                words: Some("Decline".to_owned()),
            })
        );
        assert!(notes.review.is_empty(), "{:?}", notes.review);
        // A level's own name says nothing more: no text beside it. The same
        // fact stated twice (the box, then prose) is read once, not for review.
        let (facts, notes) = page(
            "Typical Entry-Level Education: Associate's degree.\n\
             Number of Jobs, 2024: 134,200\n\
             Technicians held about 134,200 jobs in 2024.",
        );
        assert_eq!(facts.entry_education, Some((Some("associate"), None)));
        assert!(notes.review.is_empty(), "{:?}", notes.review);
        assert_eq!(notes.found.len(), 2, "{:?}", notes.found);
        // An hourly figure beside the median only when the median is not
        // itself hourly, and in the same currency.
        for text in [
            "Median pay: $20 per hour ($21 per hour in cities)",
            "Median pay: $45,980 per year (€20 per hour)",
        ] {
            let (facts, _) = page(text);
            assert_eq!(facts.median.unwrap().hourly, None, "{text}");
        }
    }

    /// Prose that names pay without calling it the median is not a median;
    /// the median salary or wage is.
    #[test]
    fn only_a_median_is_read_as_the_median() {
        let (facts, _) = page("Starting pay is $40,000 a year.\nThe median age is 42.");
        assert_eq!(facts.median, None);
        for text in [
            "The median salary is $50,000.",
            "The median wage is $50,000.",
            "They earn a median of $50,000.",
        ] {
            let (facts, _) = page(text);
            assert_eq!(facts.median.map(|m| m.value), Some(50_000.0), "{text}");
        }
    }

    /// The outlook's words alone, or after the sentence with its percent,
    /// complete it; words that differ from those read are for review.
    #[test]
    fn outlook_words_complete_the_percent_or_stand_alone() {
        let (facts, notes) = page("Growth will be much faster than the average.");
        assert_eq!(
            facts.outlook,
            Some(Outlook {
                words: Some("Much faster than average".to_owned()),
                ..Outlook::default()
            })
        );
        assert_eq!(
            notes.found,
            [(1, "job outlook: Much faster than average".to_owned())]
        );
        let (facts, _) = page("Employment will show little or no change.");
        assert_eq!(
            facts.outlook.and_then(|o| o.words).as_deref(),
            Some("Little or no change")
        );
        let (facts, notes) = page(
            "Employment is projected to grow 9 percent from 2024 to 2034.\n\
             That is much faster than the average.",
        );
        assert_eq!(
            facts.outlook,
            Some(Outlook {
                percent: Some(9.0),
                period: Some("2024–34".to_owned()),
                words: Some("Much faster than average".to_owned()),
            })
        );
        assert!(notes.review.is_empty(), "{:?}", notes.review);
        let (facts, notes) = page(
            "Employment is projected to grow 9 percent from 2024 to 2034, much faster than the average.\n\
             Growth is slower than average in rural areas.",
        );
        assert_eq!(
            facts.outlook.and_then(|o| o.words).as_deref(),
            Some("Much faster than average")
        );
        assert_eq!(notes.review.len(), 1, "{:?}", notes.review);
        assert!(
            notes.review[0]
                .1
                .starts_with("a second job outlook (Slower than average)")
        );
    }

    /// The import report says what was read, in words and numbers.
    #[test]
    fn each_fact_read_is_reported_as_read() {
        let (_, notes) = page(
            "Work Experience in a Related Occupation: None\n\
             About 14,000 openings are projected each year.\n\
             Typical Entry-Level Education: Associate's degree\n\
             Number of Jobs, 2024: 134,200\n\
             2024 Median Pay: $45,980 per year $22.11 per hour\n\
             Job Outlook, 2024-34: -3% (Decline)\n\
             Technicians held about 5,000 jobs.",
        );
        let found: Vec<String> = notes
            .found
            .iter()
            .map(|(line, note)| format!("{line}: {note}"))
            .collect();
        assert_eq!(
            found,
            [
                "1: work experience: \"None\"",
                "2: openings each year: 14000",
                "3: entry education: `associate`",
                "4: number of jobs: 134200 in 2024",
                "5: median pay: 45980 USD per year (22.11 per hour), 2024",
                "6: job outlook: -3%, 2024–34, Decline",
            ]
        );
        assert_eq!(
            notes.review,
            [(7, "a second number of jobs (5000) differs from the one read (134200 in 2024): it was not read; check which is right".to_owned())]
        );
        let (_, notes) = page(
            "Typical Entry-Level Education: See How to Become One\nEducation needed: a bachelor's degree in biology",
        );
        assert_eq!(
            notes.found[0].1,
            "entry education: \"See How to Become One\" (no level of the list: kept as text)"
        );
        assert_eq!(
            notes.review[0].1,
            "a second entry education (`bachelor`, \"a bachelor's degree in biology\") differs from the one read (\"See How to Become One\" (no level of the list: kept as text)): it was not read; check which is right"
        );
    }
}
