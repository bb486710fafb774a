//! What a translation file may hold: the base profile's text, in another
//! language, in the base's shape. Every field may be left out (the base text
//! is then used); lists are matched to the base's by position, and a `~`
//! entry keeps the base's entry.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::Deserialize;

/// One translation file, `<id>.<language>.yaml`, beside its base profile.
///
/// Keys that are not text (numbers, codes, dates, addresses, currency) are
/// reported by [`super::check_keys`], not here: they come from the base.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct Translation {
    /// When this translation was last checked against its base profile
    /// (`YYYY-MM-DD`); a base reviewed later makes it outdated.
    pub updated: Option<String>,
    /// The career's name in this language.
    pub title: Option<String>,
    /// Other titles in this language (replaces the base's whole list).
    pub aliases: Option<Vec<String>>,
    /// The field of work.
    pub category: Option<String>,
    /// The kind of career.
    pub career_type: Option<String>,
    /// The sources' titles and credit lines, by position.
    #[serde(default)]
    pub sources: Vec<Option<SourceText>>,
    /// The At a Glance entries, by position.
    #[serde(default)]
    pub summary: Vec<Option<SummaryText>>,
    /// The quick facts' words, by fact name.
    #[serde(default)]
    pub facts: BTreeMap<String, FactText>,
    /// The sections' text, by section id.
    #[serde(default)]
    pub sections: BTreeMap<String, SectionText>,
    /// An office's own sections, in the base's order, each with its `id`.
    #[serde(default)]
    pub extra_sections: Vec<ExtraSectionText>,
    /// A fingerprint of the base text each field was translated from, by
    /// field path, as `pathways new --translate` writes it: `check` names
    /// the fields the base profile has changed since. In the file, a line
    /// per field: its path, then its fingerprint (`summary[0].text 80585633`),
    /// a single text to read, however many fields there are.
    #[serde(default, deserialize_with = "fingerprint_lines")]
    #[schemars(with = "String", extend("default" = ""))]
    pub base_text: HashMap<String, u32>,
}

/// The `base_text` lines, by field path.
fn fingerprint_lines<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<HashMap<String, u32>, D::Error> {
    let text = String::deserialize(deserializer)?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let mut words = line.split_whitespace();
            let hash = |fingerprint: &str| {
                (fingerprint.len() == 8 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()))
                    .then(|| u32::from_str_radix(fingerprint, 16).ok())
                    .flatten()
            };
            match (words.next(), words.next().and_then(hash), words.next()) {
                (Some(path), Some(hash), None) => Ok((path.to_owned(), hash)),
                _ => Err(serde::de::Error::custom(format!(
                    "line {} of `base_text` is `{}`, not a field and its fingerprint \
                     (`summary[0].text 80585633`); leave the lines as `pathways new --translate` \
                     wrote them, or remove `base_text` to compare by dates",
                    index + 1,
                    line.trim()
                ))),
            }
        })
        .collect()
}

/// A source's words.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct SourceText {
    /// The source's name.
    pub title: Option<String>,
    /// The credit line, as the source gives it in this language.
    pub credit: Option<String>,
}

/// An At a Glance entry's words.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct SummaryText {
    /// The short heading.
    pub heading: Option<String>,
    /// The text under it (Markdown).
    pub text: Option<String>,
}

/// A quick fact's words.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct FactText {
    /// The fact in words.
    pub text: Option<String>,
    /// The outlook in words.
    pub words: Option<String>,
    /// The body that licenses the work.
    pub body: Option<String>,
    /// The fact's source.
    pub source: Option<SourceText>,
}

/// A section's words, whatever its shape.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct SectionText {
    /// Paragraphs before the list.
    pub intro: Option<String>,
    /// The list entries, by position.
    #[serde(default)]
    pub items: Vec<Option<ItemText>>,
    /// The titled sub-lists, by position.
    #[serde(default)]
    pub groups: Vec<Option<GroupText>>,
    /// The closing paragraph.
    pub outro: Option<String>,
    /// Salary: where the figures are for.
    pub region: Option<String>,
    /// Salary: the figures' source.
    pub source: Option<SourceText>,
}

/// A sub-list's words.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct GroupText {
    /// The sub-list's heading.
    pub heading: Option<String>,
    /// Text before the sub-list.
    pub intro: Option<String>,
    /// The entries, by position.
    #[serde(default)]
    pub items: Vec<Option<ItemText>>,
    /// Text after the sub-list.
    pub outro: Option<String>,
}

/// A list entry's words: plain text, or its parts.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(untagged)]
pub enum ItemText {
    /// An entry that is one text.
    Plain(String),
    /// An entry with a title and text, or a misconception's myth and reality.
    Parts(ItemParts),
}

/// The parts of a list entry.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct ItemParts {
    /// The short bold label.
    pub title: Option<String>,
    /// The entry's text.
    pub text: Option<String>,
    /// A misconception: what people wrongly believe.
    pub myth: Option<String>,
    /// A misconception: what is true instead.
    pub reality: Option<String>,
}

/// An office's own section's words; its `id` is the base's at the same place.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct ExtraSectionText {
    /// The base section's `id` (not translated).
    pub id: String,
    /// The heading.
    pub heading: Option<String>,
    /// Paragraphs before the list.
    pub intro: Option<String>,
    /// The list entries, by position.
    #[serde(default)]
    pub items: Vec<Option<ItemText>>,
    /// The titled sub-lists, by position.
    #[serde(default)]
    pub groups: Vec<Option<GroupText>>,
    /// The closing paragraph.
    pub outro: Option<String>,
}

/// Read as the text or the map it is, without buffering the entry first
/// (as `#[serde(untagged)]` would, which made a translation twice as slow to read).
impl<'de> Deserialize<'de> for ItemText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemTextVisitor;

        impl<'de> serde::de::Visitor<'de> for ItemTextVisitor {
            type Value = ItemText;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a `title` and `text` (or `myth` and `reality`) pair")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ItemText, E> {
                Ok(ItemText::Plain(text.to_owned()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<ItemText, A::Error> {
                ItemParts::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(ItemText::Parts)
            }
        }

        deserializer.deserialize_any(ItemTextVisitor)
    }
}
