//! The export index: every exported career, kept compactly until the index
//! is written, and the view its templates read one career at a time.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::build::Renditions;
use super::lens;
use super::types::{IndexEntryView, IndexView};
use crate::render::{Format, PageSize};

/// One career in an export's index. An export keeps one per profile until
/// the index is written, so the text is packed into a single allocation.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The id, the title and the category, one after another.
    text: Box<str>,
    id_len: usize,
    title_len: usize,
    has_category: bool,
    /// Completeness score, 0–100.
    pub score: u8,
}

impl IndexEntry {
    /// An entry for the career `id`, titled `title`, with its completeness `score` (0–100).
    pub fn new(id: &str, title: &str, category: Option<&str>, score: u8) -> Self {
        IndexEntry {
            text: [id, title, category.unwrap_or("")]
                .concat()
                .into_boxed_str(),
            id_len: id.len(),
            title_len: title.len(),
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
        self.has_category
            .then(|| &self.text[self.id_len + self.title_len..])
    }
}

/// The careers of an index, sorted by title (ignoring case), then id.
#[derive(Debug, Clone)]
pub struct CareerIndex {
    entries: Arc<[IndexEntry]>,
}

impl CareerIndex {
    /// An index of `entries`, sorted by title (ignoring case), then id.
    pub fn new(mut entries: Vec<IndexEntry>) -> Self {
        let folded = |text: &str| {
            text.chars()
                .flat_map(char::to_lowercase)
                .collect::<Vec<_>>()
        };
        // Compared without allocating: a sort compares each entry many times.
        entries.sort_by(|a, b| {
            let (a_title, b_title) = (a.title(), b.title());
            if a_title.is_ascii() && b_title.is_ascii() {
                a_title
                    .bytes()
                    .map(|c| c.to_ascii_lowercase())
                    .cmp(b_title.bytes().map(|c| c.to_ascii_lowercase()))
            } else {
                folded(a_title).cmp(&folded(b_title))
            }
            .then_with(|| a.id().cmp(b.id()))
        });
        CareerIndex {
            entries: entries.into(),
        }
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
) -> Value {
    let view = IndexView {
        page_size: page_size.css(),
        generator: format!("pathways {}", env!("CARGO_PKG_VERSION")),
        description: format!(
            "Career profiles: {}, each with what the work is, education, pay, outlook and how to get started.",
            crate::words::plural(careers.len(), "career")
        ),
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
