//! The export index: every exported career, kept compactly until the index
//! is written, and the view its templates read one career at a time.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::build::Renditions;
use super::lens;
use super::types::{IndexEntryView, IndexGroupView, IndexTypeView, IndexView};
use crate::render::cldr::{self, Collation};
use crate::render::labels::Labels;
use crate::render::{Format, PageSize};

/// One career in an export's index. An export keeps one per profile until
/// the index is written, so the text is packed into a single allocation.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The id, the title, the category, the career type and the locale,
    /// one after another.
    text: Box<str>,
    id_len: usize,
    title_len: usize,
    /// `None` when the profile gives none.
    category_len: Option<usize>,
    career_type_len: Option<usize>,
    locale_len: usize,
    /// Completeness score, 0–100.
    pub score: u8,
}

impl IndexEntry {
    /// An entry for the career `id`, titled `title`, in `category` and
    /// `career_type` when the profile gives them, with its completeness
    /// `score` (0–100), from a profile written for `locale`.
    pub fn new(
        id: &str,
        title: &str,
        category: Option<&str>,
        career_type: Option<&str>,
        score: u8,
        locale: &str,
    ) -> Self {
        IndexEntry {
            text: [
                id,
                title,
                category.unwrap_or(""),
                career_type.unwrap_or(""),
                locale,
            ]
            .concat()
            .into_boxed_str(),
            id_len: id.len(),
            title_len: title.len(),
            category_len: category.map(str::len),
            career_type_len: career_type.map(str::len),
            locale_len: locale.len(),
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
        let start = self.id_len + self.title_len;
        self.category_len.map(|len| &self.text[start..start + len])
    }

    /// The career's type, when the profile gives one.
    pub fn career_type(&self) -> Option<&str> {
        let start = self.id_len + self.title_len + self.category_len.unwrap_or(0);
        self.career_type_len
            .map(|len| &self.text[start..start + len])
    }

    /// The locale of the career's profile.
    pub fn locale(&self) -> &str {
        &self.text[self.text.len() - self.locale_len..]
    }
}

/// The careers of an index, grouped by category, then by career type, each
/// group sorted by title in the order of the index's locale (then by id);
/// careers without a category or type come after the named groups.
#[derive(Debug, Clone)]
pub struct CareerIndex {
    entries: Arc<[IndexEntry]>,
    groups: Arc<[CategoryGroup]>,
    locale: String,
    /// Whether the index shows each career's completeness score (for staff;
    /// a published index leaves it out).
    scores: bool,
}

/// The careers of one category: entries `start..end`, in career-type groups.
#[derive(Debug)]
struct CategoryGroup {
    start: usize,
    end: usize,
    types: Vec<(usize, usize)>,
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
        // A named group before the unnamed one, names in dictionary order.
        let by_name = |a: Option<&str>, b: Option<&str>| match (a, b) {
            (Some(a), Some(b)) => collation.compare(a, b),
            (a, b) => b.is_some().cmp(&a.is_some()),
        };
        entries.sort_by(|a, b| {
            by_name(a.category(), b.category())
                .then_with(|| by_name(a.career_type(), b.career_type()))
                .then_with(|| collation.compare(a.title(), b.title()))
                .then_with(|| a.id().cmp(b.id()))
        });
        let groups = groups(&entries);
        CareerIndex {
            entries: entries.into(),
            groups: groups.into(),
            locale,
            scores: false,
        }
    }

    /// Show each career's completeness score (`export --index-scores`).
    pub fn with_scores(mut self, scores: bool) -> Self {
        self.scores = scores;
        self
    }

    /// The careers, in the index's order.
    pub fn entries(&self) -> &[IndexEntry] {
        &self.entries
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

/// Where each category, and each career type within it, starts and ends in
/// sorted `entries`.
fn groups(entries: &[IndexEntry]) -> Vec<CategoryGroup> {
    let mut groups: Vec<CategoryGroup> = Vec::new();
    for (at, entry) in entries.iter().enumerate() {
        let same_category = groups
            .last()
            .is_some_and(|group| entries[group.start].category() == entry.category());
        if !same_category {
            groups.push(CategoryGroup {
                start: at,
                end: at,
                types: Vec::new(),
            });
        }
        if let Some(group) = groups.last_mut() {
            group.end = at + 1;
            let same_type = group
                .types
                .last()
                .is_some_and(|&(start, _)| entries[start].career_type() == entry.career_type());
            match group.types.last_mut() {
                Some(last) if same_type => last.1 = at + 1,
                _ => group.types.push((at, at + 1)),
            }
        }
    }
    groups
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
        page: super::build::page(
            &careers.locale,
            page_size,
            labels
                .format("index-description", Some(&count))
                .unwrap_or_default(),
        ),
        scores: careers.scores,
        careers: Value::from_object(CareerList {
            entries: Arc::clone(&careers.entries),
            range: 0..careers.entries.len(),
            format,
            locale: careers.locale.as_str().into(),
        }),
        groups: index_groups(careers, format),
    };
    lens(&Arc::new(view), 0)
}

/// The id of a career's chapter in a booklet.
pub(in crate::render) fn chapter_anchor(id: &str) -> String {
    format!("career-{id}")
}

/// The careers of `careers` by category, then career type.
pub(super) fn index_groups(careers: &CareerIndex, format: Format) -> Vec<Arc<IndexGroupView>> {
    index_groups_within(careers, format, 0..careers.entries.len())
}

/// The careers `within` (by their place in the index) by category, then
/// career type; a group begun before them is marked `continued`.
pub(super) fn index_groups_within(
    careers: &CareerIndex,
    format: Format,
    within: std::ops::Range<usize>,
) -> Vec<Arc<IndexGroupView>> {
    let clip = |start: usize, end: usize| start.max(within.start)..end.min(within.end);
    careers
        .groups
        .iter()
        .filter(|group| !clip(group.start, group.end).is_empty())
        .map(|group| {
            let first = &careers.entries[group.start];
            let r = Renditions::new(std::slice::from_ref(&format));
            let entries = &careers.entries[group.start..group.end];
            Arc::new(IndexGroupView {
                category: first.category().map(|c| r.plain(c)),
                lang: text_language(entries, &careers.locale),
                count: group.end - group.start,
                continued: group.start < within.start,
                types: group
                    .types
                    .iter()
                    .filter(|&&(start, end)| !clip(start, end).is_empty())
                    .map(|&(start, end)| {
                        let shown = clip(start, end);
                        Arc::new(IndexTypeView {
                            continued: start < within.start,
                            career_type: careers.entries[start].career_type().map(|t| r.plain(t)),
                            named: careers.entries[start].career_type().is_some()
                                || group.types.len() > 1,
                            lang: text_language(&careers.entries[start..end], &careers.locale),
                            count: end - start,
                            careers: Value::from_object(CareerList {
                                entries: Arc::clone(&careers.entries),
                                range: shown,
                                format,
                                locale: careers.locale.as_str().into(),
                            }),
                        })
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The language a group's name is written in, when it is not the index's:
/// the locale all its careers share (a Spanish category in an English
/// index is marked as Spanish, so it is read as Spanish).
fn text_language(entries: &[IndexEntry], index_locale: &str) -> Option<String> {
    let first = entries.first()?.locale();
    let shared = entries.iter().all(|entry| entry.locale() == first);
    (shared && crate::locale::language_of(first) != crate::locale::language_of(index_locale))
        .then(|| first.to_owned())
}

/// Entries `range` of an index, made into views one at a time.
#[derive(Debug)]
struct CareerList {
    entries: Arc<[IndexEntry]>,
    range: std::ops::Range<usize>,
    format: Format,
    /// The index's locale: a career written in another language is marked so.
    locale: Arc<str>,
}

impl Object for CareerList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let index = key.as_usize()?;
        if index >= self.range.len() {
            return None;
        }
        let entry = self.entries.get(self.range.start + index)?;
        let r = Renditions::new(std::slice::from_ref(&self.format));
        let view = IndexEntryView {
            title: r.plain(entry.title()),
            category: entry.category().map(|c| r.plain(c)),
            score: entry.score,
            lang: (crate::locale::language_of(entry.locale())
                != crate::locale::language_of(&self.locale))
            .then(|| entry.locale().to_owned()),
            href: format!("{}.{}", entry.id(), self.format.extension()),
            anchor: chapter_anchor(entry.id()),
        };
        Some(lens(&Arc::new(view), 0))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.range.len())
    }
}
