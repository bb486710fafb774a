//! The career profile model: what a YAML profile may hold, and the section catalogue.
//!
//! Field names and shapes are the profile format of README.md (The profile format). Every struct denies unknown
//! keys, so a typo is reported instead of silently dropping content.

mod catalogue;
mod facts;

pub use catalogue::{CATALOGUE, SectionInfo, Sections, default_required_sections, section_info};
pub use facts::{
    Codes, CountFact, EducationFact, EducationLevel, EscoUri, FactWords, Facts, HoursFact,
    IscoCode, OnetCode, OutlookFact, Percentiles, RegulatedFact, Stated, TextFact, Words,
};

use std::fmt;

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// Schema pattern for text pathways requires: at least one visible
/// character, and no control characters but tab and line breaks.
const FILLED_TEXT: &str =
    r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B-\x1F\x7F-\x9F]*$";
/// Schema pattern for any other text: no control characters but tab and line breaks.
const PLAIN_TEXT: &str = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*$";

/// One career, as written in one YAML file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Stable identifier (`[a-z0-9]+(-[a-z0-9]+)*`); output file names derive from it.
    pub id: String,
    /// The career's name, e.g. "Library Technicians".
    #[schemars(pattern(FILLED_TEXT))]
    pub title: String,
    /// Other titles people search for, e.g. "Library Assistants".
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// Occupation codes (SOC, O*NET, ISCO, ESCO, local), which join the
    /// profile to public data.
    pub codes: Option<Codes>,
    /// The quick facts: education to start, experience, training, jobs,
    /// outlook, openings, hours, licensing; each with its source and year.
    pub facts: Option<Facts>,
    /// The field of work, e.g. "Education & Training".
    #[schemars(pattern(PLAIN_TEXT))]
    pub category: Option<String>,
    /// The kind of career, e.g. "Stable Careers".
    #[schemars(pattern(PLAIN_TEXT))]
    pub career_type: Option<String>,
    /// When the content was last reviewed (ISO date, `YYYY-MM-DD`).
    #[schemars(pattern(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub updated: Option<String>,
    /// BCP 47 language tag of the content; `en-US` when absent.
    #[schemars(pattern(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub locale: Option<String>,
    /// Where the facts and figures come from.
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    /// The short counselling overview that opens the page.
    #[serde(default)]
    pub summary: Vec<SummaryItem>,
    /// The body of the profile, one entry per catalogue section.
    pub sections: Sections,
    /// An office's own sections, printed after the catalogue.
    #[serde(default)]
    pub extra_sections: Vec<ExtraSection>,
    /// Set by pathways, never read from a file: which of a translation's
    /// fields kept the base's text, and the career's other languages.
    #[serde(skip)]
    #[schemars(skip)]
    pub languages: Languages,
}

/// How a profile relates to its other languages.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// For a translation: the base's language and the fields that kept its
    /// text (documents mark them with that language).
    pub base_text: Option<std::sync::Arc<BaseText>>,
    /// The same career in other languages, written beside it by an
    /// export: each language tag with its reports' file stem (`a.es-MX`).
    pub alternates: Vec<Alternate>,
    /// A language it was asked for in and has no translation into
    /// (`compare --lang`): it is shown in its own, and the document says so.
    pub missing_translation: Option<String>,
}

/// A translation's fields that print in the base's language.
#[derive(Debug, Clone, Default)]
pub struct BaseText {
    /// The base profile's language tag.
    pub language: String,
    /// The field paths (`sections.overview.intro`) that kept the base text.
    pub fields: std::collections::HashSet<String>,
}

/// The same career in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// Its language tag (`es-MX`).
    pub language: String,
    /// Its reports' file name without the extension (`library-technicians.es-MX`).
    pub stem: String,
    /// Where the folder it is in is published (`https://careers.example.org/`),
    /// when an export is told: search engines take only full addresses.
    pub site: Option<String>,
}

impl Profile {
    /// The locale to format money and set the document language with.
    pub fn locale(&self) -> &str {
        self.locale.as_deref().unwrap_or(DEFAULT_LOCALE)
    }
}

/// The locale of a profile that names none.
pub const DEFAULT_LOCALE: &str = "en-US";

/// Another title of the career.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Alias(#[schemars(pattern(FILLED_TEXT))] pub String);

/// A source the profile's facts come from.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The name of the source, e.g. "Occupational Outlook Handbook".
    #[schemars(pattern(PLAIN_TEXT))]
    pub title: String,
    /// A web address (http, https or mailto) where the source can be found.
    pub url: Option<String>,
    /// The credit line the source asks a page reusing it to carry, word for
    /// word (O*NET's "This page includes information from the O*NET 27.0
    /// Database ..."); printed under the facts and in the sources.
    #[schemars(pattern(PLAIN_TEXT))]
    pub credit: Option<String>,
}

/// One entry of the "At a Glance" summary: a heading and a short text.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SummaryItem {
    /// A short heading, e.g. "Earning Potential".
    #[schemars(pattern(PLAIN_TEXT))]
    pub heading: String,
    /// The text under the heading (Markdown).
    #[schemars(pattern(FILLED_TEXT))]
    pub text: String,
}

/// The shared shape of most sections: prose, an optional list, optional titled sub-lists.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(extend("minProperties" = 1))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Paragraphs before the list (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub intro: Option<String>,
    /// The list entries: text, or a `title` and `text` pair.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Titled sub-lists, for sections with two lists.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The closing paragraph (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub outro: Option<String>,
}

/// A titled sub-list inside a section (for sections with two lists).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The sub-list's heading, e.g. "Rewards".
    #[schemars(pattern(PLAIN_TEXT))]
    pub heading: String,
    /// Text before the sub-list (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub intro: Option<String>,
    /// The sub-list's entries.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Text after the sub-list (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub outro: Option<String>,
}

/// A list entry: either plain text, or `{title, text}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// A short bold label before the text ("Cataloging:").
    pub title: Option<String>,
    /// Markdown.
    pub text: String,
}

/// `average`, `ranges` and the shared prose fields.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(extend("minProperties" = 1))]
#[serde(deny_unknown_fields)]
pub struct SalarySection {
    /// ISO 4217 code; USD when absent.
    pub currency: Option<String>,
    /// What the figures are paid per: year (the default), month or hour.
    pub period: Option<PayPeriod>,
    /// The average (mean) pay, as a plain number (36000, not "$36,000").
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub average: Option<f64>,
    /// The median pay: half earn more, half less. Not the average.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub median: Option<f64>,
    /// The median per hour, beside figures per year or month (sources
    /// such as the BLS give both).
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub median_hourly: Option<f64>,
    /// Pay at the 10th, 25th, 50th, 75th and 90th percentiles.
    pub percentiles: Option<Percentiles>,
    /// The year the figures are for.
    #[schemars(range(min = 1900, max = 2200))]
    pub year: Option<u16>,
    /// Where the figures are for ("United States", "Ontario").
    #[schemars(pattern(PLAIN_TEXT))]
    pub region: Option<String>,
    /// The source of the figures.
    pub source: Option<SourceRef>,
    /// Pay by career stage, in career order.
    #[serde(default)]
    pub ranges: Vec<SalaryRange>,
    /// Paragraphs before the list (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub intro: Option<String>,
    /// The list entries: text, or a `title` and `text` pair.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Titled sub-lists, for sections with two lists.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The closing paragraph (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub outro: Option<String>,
}

impl SalarySection {
    /// The ISO 4217 currency code (`USD` when none is given).
    pub fn currency(&self) -> &str {
        self.currency.as_deref().unwrap_or("USD")
    }

    /// What the figures are per (a year when none is given).
    pub fn period(&self) -> PayPeriod {
        self.period.unwrap_or(PayPeriod::Year)
    }

    /// Whether it gives any pay figure: an average, a median, percentiles
    /// or ranges.
    pub fn has_figures(&self) -> bool {
        self.average.is_some()
            || self.median.is_some()
            || self.median_hourly.is_some()
            || self
                .percentiles
                .as_ref()
                .is_some_and(|p| !p.given().is_empty())
            || !self.ranges.is_empty()
    }

    /// Whether it says more than an average and stage ranges (which the
    /// salary section shows): a median, percentiles, or the year, region or
    /// source of its figures, which the quick facts show.
    pub fn states_quick_facts(&self) -> bool {
        self.median.is_some()
            || self.median_hourly.is_some()
            || self.percentiles.is_some()
            || self.year.is_some()
            || self.region.is_some()
            || self.source.is_some()
    }
}

/// The pay of one career stage.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SalaryRange {
    /// `entry`, `mid`, `senior`, or a free label.
    pub stage: String,
    /// The lower end of the range, as a plain number.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub min: f64,
    /// The upper end of the range, as a plain number.
    #[schemars(range(min = 0, max = 1_000_000_000_000.0))]
    pub max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
/// What salary figures are paid per.
pub enum PayPeriod {
    /// Per year.
    Year,
    /// Per month.
    Month,
    /// Per hour.
    Hour,
}

/// The remote-work section: how much of the work can be done from home, and prose.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(extend("minProperties" = 1))]
#[serde(deny_unknown_fields)]
pub struct RemoteWorkSection {
    /// How much of the work can be done remotely: none, limited, moderate or high.
    pub level: Option<RemoteLevel>,
    /// Paragraphs before the list (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub intro: Option<String>,
    /// The list entries: text, or a `title` and `text` pair.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Titled sub-lists, for sections with two lists.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The closing paragraph (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub outro: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
/// How much of the work can be done remotely.
pub enum RemoteLevel {
    /// The work cannot be done remotely.
    None,
    /// Some tasks can be done remotely.
    Limited,
    /// A good part of the work can be done remotely.
    Moderate,
    /// Most of the work can be done remotely.
    High,
}

/// The common-misconceptions section: myths, each with the reality.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(extend("minProperties" = 1))]
#[serde(deny_unknown_fields)]
pub struct MisconceptionsSection {
    /// Text before the list (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub intro: Option<String>,
    /// Misconception and reality pairs.
    #[serde(default)]
    pub items: Vec<Misconception>,
    /// The closing paragraph (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub outro: Option<String>,
}

/// A common belief about the career, and what is true instead.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Misconception {
    /// What people wrongly believe (Markdown).
    #[schemars(pattern(FILLED_TEXT))]
    pub myth: String,
    /// What is actually true (Markdown).
    #[schemars(pattern(FILLED_TEXT))]
    pub reality: String,
}

/// An office's own section, printed after the catalogue sections.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraSection {
    /// A short identifier for the section, e.g. `local-employers`.
    pub id: String,
    /// The heading reports print.
    #[schemars(pattern(PLAIN_TEXT))]
    pub heading: String,
    /// Paragraphs before the list (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub intro: Option<String>,
    /// The list entries: text, or a `title` and `text` pair.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Titled sub-lists, for sections with two lists.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The closing paragraph (Markdown).
    #[schemars(pattern(PLAIN_TEXT))]
    pub outro: Option<String>,
}

/// A borrowed view of one present section, whatever its shape.
#[derive(Debug, Clone, Copy)]
pub enum SectionContent<'a> {
    /// A section of prose and lists.
    General(&'a Section),
    /// The salary section, with its figures.
    Salary(&'a SalarySection),
    /// The remote-work section, with its level.
    RemoteWork(&'a RemoteWorkSection),
    /// The misconceptions section, with its pairs.
    Misconceptions(&'a MisconceptionsSection),
}

/// A mutable view of one present section, whatever its shape.
#[derive(Debug)]
pub enum SectionContentMut<'a> {
    /// A section of prose and lists.
    General(&'a mut Section),
    /// The salary section.
    Salary(&'a mut SalarySection),
    /// The remote-work section.
    RemoteWork(&'a mut RemoteWorkSection),
    /// The misconceptions section.
    Misconceptions(&'a mut MisconceptionsSection),
}

impl SectionContentMut<'_> {
    /// The prose fields to change; a misconceptions section's pairs are not
    /// among them, so it has none.
    pub fn prose_mut(&mut self) -> Option<ProseMut<'_>> {
        let (intro, items, groups, outro) = match self {
            SectionContentMut::General(s) => {
                (&mut s.intro, &mut s.items, &mut s.groups, &mut s.outro)
            }
            SectionContentMut::Salary(s) => {
                (&mut s.intro, &mut s.items, &mut s.groups, &mut s.outro)
            }
            SectionContentMut::RemoteWork(s) => {
                (&mut s.intro, &mut s.items, &mut s.groups, &mut s.outro)
            }
            SectionContentMut::Misconceptions(_) => return None,
        };
        Some(ProseMut {
            intro,
            items,
            groups,
            outro,
        })
    }
}

/// The prose fields of a section, to change (a translation's projection).
#[derive(Debug)]
pub struct ProseMut<'a> {
    /// The paragraphs before the list.
    pub intro: &'a mut Option<String>,
    /// The list.
    pub items: &'a mut [Item],
    /// Lists under their own headings.
    pub groups: &'a mut [Group],
    /// The paragraphs after the lists.
    pub outro: &'a mut Option<String>,
}

/// The prose fields every section shape has.
#[derive(Debug, Clone, Copy)]
pub struct Prose<'a> {
    /// The paragraphs before the list.
    pub intro: Option<&'a str>,
    /// The list.
    pub items: &'a [Item],
    /// Lists under their own headings.
    pub groups: &'a [Group],
    /// The paragraphs after the lists.
    pub outro: Option<&'a str>,
}

impl<'a> SectionContent<'a> {
    /// The kind of a section of prose and lists, an office's own sections
    /// among them.
    pub const GENERAL_KIND: &'static str = "general";

    /// The shape's name, as templates read it (`section.kind`): `general`,
    /// `salary`, `remote_work` or `misconceptions`.
    pub fn kind(self) -> &'static str {
        match self {
            SectionContent::General(_) => Self::GENERAL_KIND,
            SectionContent::Salary(_) => "salary",
            SectionContent::RemoteWork(_) => "remote_work",
            SectionContent::Misconceptions(_) => "misconceptions",
        }
    }

    /// The shared prose fields; misconception pairs are not among them.
    pub fn prose(self) -> Prose<'a> {
        match self {
            SectionContent::General(s) => Prose {
                intro: s.intro.as_deref(),
                items: &s.items,
                groups: &s.groups,
                outro: s.outro.as_deref(),
            },
            SectionContent::Salary(s) => Prose {
                intro: s.intro.as_deref(),
                items: &s.items,
                groups: &s.groups,
                outro: s.outro.as_deref(),
            },
            SectionContent::RemoteWork(s) => Prose {
                intro: s.intro.as_deref(),
                items: &s.items,
                groups: &s.groups,
                outro: s.outro.as_deref(),
            },
            SectionContent::Misconceptions(s) => Prose {
                intro: s.intro.as_deref(),
                items: &[],
                groups: &[],
                outro: s.outro.as_deref(),
            },
        }
    }

    /// A section is empty when none of its fields holds any text (or figure).
    pub fn is_empty(self) -> bool {
        let prose_empty = self.prose().is_empty();
        let typed_empty = match self {
            SectionContent::General(_) => true,
            SectionContent::Salary(s) => !s.has_figures(),
            SectionContent::RemoteWork(s) => s.level.is_none(),
            SectionContent::Misconceptions(s) => s
                .items
                .iter()
                .all(|m| m.myth.trim().is_empty() && m.reality.trim().is_empty()),
        };
        prose_empty && typed_empty
    }
}

impl Prose<'_> {
    /// No text in any of the prose fields.
    pub fn is_empty(&self) -> bool {
        is_blank(self.intro)
            && is_blank(self.outro)
            && self.items.iter().all(Item::is_empty)
            && self.groups.iter().all(Group::is_empty)
    }
}

impl ExtraSection {
    /// Its prose parts, whatever kind of section it is.
    pub fn prose(&self) -> Prose<'_> {
        Prose {
            intro: self.intro.as_deref(),
            items: &self.items,
            groups: &self.groups,
            outro: self.outro.as_deref(),
        }
    }
}

impl Sections {
    /// Present sections in catalogue order.
    pub fn in_order(&self) -> impl Iterator<Item = (&'static SectionInfo, SectionContent<'_>)> {
        CATALOGUE
            .iter()
            .filter_map(|info| self.get(info.id).map(|content| (info, content)))
    }
}

impl Item {
    /// Whether it has no text at all.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && is_blank(self.title.as_deref())
    }
}

impl Group {
    /// Whether it has no text at all.
    pub fn is_empty(&self) -> bool {
        is_blank(self.intro.as_deref())
            && is_blank(self.outro.as_deref())
            && self.items.iter().all(Item::is_empty)
    }
}

fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// Items may be written as a plain string or as a `{title, text}` mapping.
impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            title: Option<String>,
            text: String,
        }

        struct ItemVisitor;

        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a `title` and `text` pair")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Item, E> {
                Ok(Item {
                    title: None,
                    text: text.to_owned(),
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                let fields = Fields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Item {
                    title: fields.title,
                    text: fields.text,
                })
            }
        }

        deserializer.deserialize_any(ItemVisitor)
    }
}

impl JsonSchema for Item {
    fn schema_name() -> Cow<'static, str> {
        "Item".into()
    }

    fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A list entry: plain text, or a `title` and `text` pair.",
            "oneOf": [
                {
                    "type": "string",
                    "description": "The entry's text (Markdown).",
                    "pattern": FILLED_TEXT
                },
                {
                    "type": "object",
                    "properties": {
                        "title": {
                            "type": ["string", "null"],
                            "description": "A short label printed in bold before the text.",
                            "pattern": PLAIN_TEXT
                        },
                        "text": {
                            "type": "string",
                            "description": "The entry's text (Markdown).",
                            "pattern": FILLED_TEXT
                        }
                    },
                    "required": ["text"],
                    "additionalProperties": false
                }
            ]
        })
    }
}
