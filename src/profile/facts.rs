//! What identifies a career and what a student looks for first: its
//! occupation codes, the other titles it goes by, and its quick facts, each
//! with where and when it was stated.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{PLAIN_TEXT, SourceRef};

/// Occupation codes, which join a profile to public data.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Codes {
    /// The SOC 2018 code (US Standard Occupational Classification), `25-4031`.
    #[schemars(pattern(r"^[0-9]{2}-[0-9]{4}$"))]
    pub soc: Option<String>,
    /// O*NET-SOC codes, `25-4031.00`.
    #[serde(default)]
    pub onet: Vec<OnetCode>,
    /// ISCO-08 unit groups (four digits), `4411`: SOC and ISCO map many to many.
    #[serde(default)]
    pub isco: Vec<IscoCode>,
    /// ESCO occupation URIs (`http://data.europa.eu/esco/occupation/…`),
    /// not ESCO's `code`, which changes between ESCO versions.
    #[serde(default)]
    pub esco: Vec<EscoUri>,
    /// An office's or country's own codes, by the classification's name.
    #[serde(default)]
    pub local: BTreeMap<String, String>,
}

/// An O*NET-SOC code.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct OnetCode(#[schemars(pattern(r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$"))] pub String);

/// An ISCO-08 unit group.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct IscoCode(#[schemars(pattern(r"^[0-9]{4}$"))] pub String);

/// An ESCO occupation URI.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct EscoUri(
    #[schemars(pattern(r"^http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}$"))]
    pub String,
);

impl Codes {
    /// Whether it holds no code at all.
    pub fn is_empty(&self) -> bool {
        self.soc.is_none()
            && self.onet.is_empty()
            && self.isco.is_empty()
            && self.esco.is_empty()
            && self.local.is_empty()
    }
}

/// Where a fact was stated, and for when: every fact's `source` and `year`.
#[derive(Debug, Clone, Copy)]
pub struct Stated<'a> {
    /// The source that states it.
    pub source: Option<&'a SourceRef>,
    /// The year the figure is for, or was stated in.
    pub year: Option<u16>,
}

/// Every fact's `source` and `year` fields, after its own.
macro_rules! stated_fields {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        pub struct $name {
            $($body)*
            /// The source that states it (a name, and a web address).
            pub source: Option<SourceRef>,
            /// The year the figure is for (`2024`), or was stated in.
            #[schemars(range(min = 1900, max = 2200))]
            pub year: Option<u16>,
        }

        impl $name {
            /// Where and when it was stated.
            pub fn stated(&self) -> Stated<'_> {
                Stated {
                    source: self.source.as_ref(),
                    year: self.year,
                }
            }
        }
    };
}

/// The quick facts: what a student asks first.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The education usually needed to start.
    pub entry_education: Option<EducationFact>,
    /// Work experience in a related occupation usually needed.
    pub work_experience: Option<TextFact>,
    /// Training on the job once hired.
    pub training: Option<TextFact>,
    /// How many people hold such jobs.
    pub jobs: Option<CountFact>,
    /// How employment is projected to change.
    pub outlook: Option<OutlookFact>,
    /// Openings each year, on average, over the projection.
    pub openings_per_year: Option<CountFact>,
    /// Usual hours per week.
    pub hours: Option<HoursFact>,
    /// Whether the work needs a licence or registration, and from whom.
    pub regulated: Option<RegulatedFact>,
}

impl Facts {
    /// Each fact's words (not its figures), by field name, for a
    /// translation to replace: `(name, [(field, text)], source)`.
    pub fn words_mut<'a>(&'a mut self) -> Vec<FactWords<'a>> {
        let mut all = Vec::new();
        let mut add = |name, texts, source: &'a mut Option<SourceRef>| {
            all.push(FactWords {
                name,
                texts,
                source: source.as_mut(),
            });
        };
        if let Some(f) = &mut self.entry_education {
            add(
                "entry_education",
                vec![("text", Words::Optional(&mut f.text))],
                &mut f.source,
            );
        }
        if let Some(f) = &mut self.work_experience {
            add(
                "work_experience",
                vec![("text", Words::Required(&mut f.text))],
                &mut f.source,
            );
        }
        if let Some(f) = &mut self.training {
            add(
                "training",
                vec![("text", Words::Required(&mut f.text))],
                &mut f.source,
            );
        }
        if let Some(f) = &mut self.jobs {
            add(
                "jobs",
                vec![("text", Words::Optional(&mut f.text))],
                &mut f.source,
            );
        }
        if let Some(f) = &mut self.outlook {
            add(
                "outlook",
                vec![("words", Words::Optional(&mut f.words))],
                &mut f.source,
            );
        }
        if let Some(f) = &mut self.openings_per_year {
            add(
                "openings_per_year",
                vec![("text", Words::Optional(&mut f.text))],
                &mut f.source,
            );
        }
        if let Some(f) = &mut self.hours {
            add(
                "hours",
                vec![("text", Words::Optional(&mut f.text))],
                &mut f.source,
            );
        }
        if let Some(f) = &mut self.regulated {
            add(
                "regulated",
                vec![
                    ("text", Words::Required(&mut f.text)),
                    ("body", Words::Optional(&mut f.body)),
                ],
                &mut f.source,
            );
        }
        all
    }

    /// The facts given, by field name, in the order reports print them.
    pub fn present(&self) -> Vec<(&'static str, Stated<'_>)> {
        [
            (
                "entry_education",
                self.entry_education.as_ref().map(EducationFact::stated),
            ),
            (
                "work_experience",
                self.work_experience.as_ref().map(TextFact::stated),
            ),
            ("training", self.training.as_ref().map(TextFact::stated)),
            ("jobs", self.jobs.as_ref().map(CountFact::stated)),
            ("outlook", self.outlook.as_ref().map(OutlookFact::stated)),
            (
                "openings_per_year",
                self.openings_per_year.as_ref().map(CountFact::stated),
            ),
            ("hours", self.hours.as_ref().map(HoursFact::stated)),
            (
                "regulated",
                self.regulated.as_ref().map(RegulatedFact::stated),
            ),
        ]
        .into_iter()
        .filter_map(|(name, stated)| Some((name, stated?)))
        .collect()
    }

    /// Whether it holds no fact.
    pub fn is_empty(&self) -> bool {
        self.present().is_empty()
    }
}

/// Education levels, as the US Bureau of Labor Statistics names them for
/// entry to an occupation.
/// Ordered from the least education to the most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EducationLevel {
    /// No formal educational credential.
    None,
    /// A high school diploma or equivalent.
    HighSchool,
    /// A postsecondary nondegree award (a certificate).
    PostsecondaryNondegree,
    /// Some college, no degree.
    SomeCollege,
    /// An associate's degree.
    Associate,
    /// A bachelor's degree.
    Bachelor,
    /// A master's degree.
    Master,
    /// A doctoral or professional degree.
    Doctoral,
}

impl EducationLevel {
    /// Its name in a profile (`high-school`), and its label's key.
    pub fn id(self) -> &'static str {
        match self {
            EducationLevel::None => "none",
            EducationLevel::HighSchool => "high-school",
            EducationLevel::PostsecondaryNondegree => "postsecondary-nondegree",
            EducationLevel::SomeCollege => "some-college",
            EducationLevel::Associate => "associate",
            EducationLevel::Bachelor => "bachelor",
            EducationLevel::Master => "master",
            EducationLevel::Doctoral => "doctoral",
        }
    }
}

stated_fields! {
/// The education needed to start: a level, words, or both.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EducationFact {
    /// The level, from a fixed list.
    pub level: Option<EducationLevel>,
    /// In words, as the source puts it (Markdown not read).
    #[schemars(pattern(PLAIN_TEXT))]
    pub text: Option<String>,
}
}

stated_fields! {
/// A fact stated in words.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextFact {
    /// The fact, as the source puts it ("None", "Moderate-term on-the-job training").
    #[schemars(pattern(PLAIN_TEXT))]
    pub text: String,
}
}

stated_fields! {
/// A number of people or jobs, or words instead.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountFact {
    /// The number, as a plain whole number (94400, not "94,400").
    #[schemars(range(max = 1_000_000_000_000u64))]
    pub count: Option<u64>,
    /// In words, beside or instead of the number.
    #[schemars(pattern(PLAIN_TEXT))]
    pub text: Option<String>,
}
}

stated_fields! {
/// How employment is projected to change.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutlookFact {
    /// The change over the period, in percent (`-4`, `19`).
    #[schemars(range(min = -100, max = 10_000))]
    pub percent: Option<f64>,
    /// The period the change is projected over, `2024–34`.
    #[schemars(pattern(PLAIN_TEXT))]
    pub period: Option<String>,
    /// The source's words for it, "much faster than average".
    #[schemars(pattern(PLAIN_TEXT))]
    pub words: Option<String>,
}
}

stated_fields! {
/// Usual hours per week.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursFact {
    /// The fewest hours per week.
    #[schemars(range(max = 168))]
    pub min: Option<u8>,
    /// The most hours per week.
    #[schemars(range(max = 168))]
    pub max: Option<u8>,
    /// In words, beside or instead of the numbers ("evenings and weekends").
    #[schemars(pattern(PLAIN_TEXT))]
    pub text: Option<String>,
}
}

stated_fields! {
/// Whether the work needs a licence or registration.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegulatedFact {
    /// What is needed ("A state licence").
    #[schemars(pattern(PLAIN_TEXT))]
    pub text: String,
    /// The body that grants it ("State board of electrical examiners").
    #[schemars(pattern(PLAIN_TEXT))]
    pub body: Option<String>,
}
}

/// Pay at the 10th, 25th, 50th, 75th and 90th percentiles.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Percentiles {
    /// A tenth earn less.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub p10: Option<f64>,
    /// A quarter earn less.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub p25: Option<f64>,
    /// Half earn less: the median.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub p50: Option<f64>,
    /// Three quarters earn less.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub p75: Option<f64>,
    /// Nine tenths earn less.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub p90: Option<f64>,
}

impl Percentiles {
    /// The percentiles given, with their rank, lowest first.
    pub fn given(&self) -> Vec<(u8, f64)> {
        [
            (10, self.p10),
            (25, self.p25),
            (50, self.p50),
            (75, self.p75),
            (90, self.p90),
        ]
        .into_iter()
        .filter_map(|(rank, value)| Some((rank, value?)))
        .collect()
    }
}

/// One fact's words, for a translation to replace.
#[derive(Debug)]
pub struct FactWords<'a> {
    /// The fact's field name (`entry_education`).
    pub name: &'static str,
    /// Its text fields, by key (`text`, `words`, `body`).
    pub texts: Vec<(&'static str, Words<'a>)>,
    /// Its source, if it names one.
    pub source: Option<&'a mut SourceRef>,
}

/// A text field a fact always has, or may have.
#[derive(Debug)]
pub enum Words<'a> {
    /// Always there.
    Required(&'a mut String),
    /// May be left out.
    Optional(&'a mut Option<String>),
}
