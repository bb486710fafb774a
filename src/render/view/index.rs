//! The export index: every exported career, kept compactly until the index
//! is written, and the view its templates read one career at a time.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::build::Renditions;
use super::lens;
use super::types::{IndexEntryView, IndexView};
use crate::render::cldr::{self, Collation};
use crate::render::labels::Labels;
use crate::render::{Format, PageSize};

/// One career in an export's index. An export keeps one per profile until
/// the index is written, so the text is packed into a single allocation.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The id, the title, the category and the locale, one after another.
    text: Box<str>,
    id_len: usize,
    title_len: usize,
    locale_len: usize,
    has_category: bool,
    /// Completeness score, 0–100.
    pub score: u8,
}

impl IndexEntry {
    /// An entry for the career `id`, titled `title`, with its completeness
    /// `score` (0–100), from a profile written for `locale`.
    pub fn new(id: &str, title: &str, category: Option<&str>, score: u8, locale: &str) -> Self {
        IndexEntry {
            text: [id, title, category.unwrap_or(""), locale]
                .concat()
                .into_boxed_str(),
            id_len: id.len(),
            title_len: title.len(),
            locale_len: locale.len(),
            has_category: category.is_some(),
            score,
        }
    }

    /// The career's id (its reports are `<id>.<extension>`).
    pub fn id(&self) -> &str {
        &self.text[..self.id_len]
    }

    /// The career's title.
    pub fn title(&self) -> &str {
        &self.text[self.id_len..self.id_len + self.title_len]
    }

    /// The career's category, when the profile gives one.
    pub fn category(&self) -> Option<&str> {
        let end = self.text.len() - self.locale_len;
        self.has_category
            .then(|| &self.text[self.id_len + self.title_len..end])
    }

    /// The locale of the career's profile.
    pub fn locale(&self) -> &str {
        &self.text[self.text.len() - self.locale_len..]
    }
}

/// The careers of an index, sorted by title in the order of the index's
/// locale (then by id).
#[derive(Debug, Clone)]
pub struct CareerIndex {
    entries: Arc<[IndexEntry]>,
    locale: String,
}

impl CareerIndex {
    /// An index of `entries`. Its locale (labels, sorting) is the one most
    /// of the profiles are written for, the first in title order on a tie:
    /// "Ángel" comes before "Beta" in a Spanish index.
    pub fn new(mut entries: Vec<IndexEntry>) -> Self {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for entry in &entries {
            *counts.entry(entry.locale()).or_default() += 1;
        }
        let locale = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or(crate::profile::DEFAULT_LOCALE, |(locale, _)| locale)
            .to_owned();
        let collation = Collation::new(&cldr::parse_locale(&locale));
        entries.sort_by(|a, b| {
            collation
                .compare(a.title(), b.title())
                .then_with(|| a.id().cmp(b.id()))
        });
        CareerIndex {
            entries: entries.into(),
            locale,
        }
    }

    /// The locale the index is written for.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// How many careers it lists.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it lists no career.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The index view for `format`, as the template context.
pub(in crate::render) fn build_index(
    careers: &CareerIndex,
    format: Format,
    page_size: PageSize,
    labels: &Labels,
) -> Value {
    let mut count = fluent_bundle::FluentArgs::new();
    count.set("count", careers.len());
    let view = IndexView {
        lang: careers.locale.clone(),
        dir: if cldr::is_right_to_left(&cldr::parse_locale(&careers.locale)) {
            "rtl"
        } else {
            "ltr"
        },
        language: crate::locale::language_of(&careers.locale),
        page_size: page_size.css(),
        generator: format!("pathways {}", env!("CARGO_PKG_VERSION")),
        description: labels
            .format("index-description", Some(&count))
            .unwrap_or_default(),
        careers: Value::from_object(CareerList {
            entries: Arc::clone(&careers.entries),
            format,
        }),
    };
    lens(&Arc::new(view), 0)
}

#[derive(Debug)]
struct CareerList {
    entries: Arc<[IndexEntry]>,
    format: Format,
}

impl Object for CareerList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let entry = self.entries.get(key.as_usize()?)?;
        let r = Renditions::new(std::slice::from_ref(&self.format));
        let view = IndexEntryView {
            title: r.plain(entry.title()),
            category: entry.category().map(|c| r.plain(c)),
            score: entry.score,
            href: format!("{}.{}", entry.id(), self.format.extension()),
        };
        Some(lens(&Arc::new(view), 0))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.entries.len())
    }
}
