//! The booklet of an export: a cover, the contents (the export index's
//! groups) and each career's chapter, rendered beforehand from its report's
//! (or handout's) block `career`.

use std::collections::HashMap;
use std::sync::Arc;

use minijinja::Value;

use super::build::{Renditions, css_string};
use super::index::{chapter_anchor, index_groups_within};
use super::lens;
use super::types::{BookView, ChapterView};
use crate::render::labels::Labels;
use crate::render::{CareerIndex, Format, PageSize};

/// What a booklet is made with besides its careers.
pub(in crate::render) struct BookSettings<'a> {
    pub(in crate::render) title: &'a str,
    pub(in crate::render) template_set: &'a str,
    pub(in crate::render) page_size: PageSize,
}

/// Which part of a booklet to typeset: the whole, or (for a long PDF
/// booklet, typeset in parts and joined) the cover and contents, or a run of
/// chapters.
pub(in crate::render) enum BookPart<'a> {
    Whole,
    /// A run of the contents: the careers `entries` (by their place in the
    /// index), after the cover when they are the first, with each chapter's
    /// first page by id.
    Front {
        entries: std::ops::Range<usize>,
        /// The page the run starts on.
        first_page: usize,
        chapter_pages: &'a HashMap<String, usize>,
        total_pages: usize,
    },
    /// Chapters `chapters` (by their place in the contents), the first on
    /// page `first_page`.
    Chapters {
        chapters: std::ops::Range<usize>,
        first_page: usize,
        total_pages: usize,
    },
}

/// The booklet's view for `format` (HTML or PDF), or of its `part`:
/// `chapters` holds each career's rendered block by id; a career without one
/// is left out.
pub(in crate::render) fn build_book(
    careers: &CareerIndex,
    chapters: &HashMap<String, String>,
    parts: &BookSettings,
    part: &BookPart,
    format: Format,
    labels: &Labels,
) -> Value {
    let r = Renditions::new(std::slice::from_ref(&format));
    let count = careers
        .entries()
        .iter()
        .filter(|entry| chapters.contains_key(entry.id()))
        .count();
    let locale = careers.locale();
    let chapters: Vec<Arc<ChapterView>> = careers
        .entries()
        .iter()
        .filter_map(|entry| Some((entry, chapters.get(entry.id())?)))
        .enumerate()
        .filter(|(number, _)| match part {
            BookPart::Whole => true,
            BookPart::Front { .. } => false,
            BookPart::Chapters { chapters, .. } => chapters.contains(number),
        })
        .map(|(number, (entry, body))| {
            Arc::new(ChapterView {
                anchor: chapter_anchor(entry.id()),
                page: format!("chapter-{}", number + 1),
                lang: entry.locale().to_owned(),
                title: r.plain(entry.title()),
                title_css: css_string(entry.title()),
                title_typst: crate::render::pdf::markup::string_literal(entry.title()),
                body: Value::from_safe_string(body.clone()),
            })
        })
        .collect();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("title", parts.title.to_owned());
    args.set("count", count);
    let entries = match part {
        BookPart::Front { entries, .. } => entries.clone(),
        _ => 0..careers.entries().len(),
    };
    let (first_page, total_pages, chapter_pages) = match part {
        BookPart::Whole => (None, None, None),
        BookPart::Front {
            chapter_pages,
            total_pages,
            first_page,
            ..
        } => {
            let by_anchor: std::collections::BTreeMap<String, usize> = chapter_pages
                .iter()
                .map(|(id, page)| (chapter_anchor(id), *page))
                .collect();
            (
                Some(*first_page),
                Some(*total_pages),
                Some(Value::from(by_anchor)),
            )
        }
        BookPart::Chapters {
            first_page,
            total_pages,
            ..
        } => (Some(*first_page), Some(*total_pages), None),
    };
    let view = BookView {
        page: super::build::page(
            locale,
            parts.page_size,
            labels
                .format("book-description", Some(&args))
                .unwrap_or_default(),
        ),
        title: parts.title.to_owned(),
        set: parts.template_set.to_owned(),
        count,
        // A run of chapters prints no contents: laid out once per chapter
        // to count its pages, it must not group the whole collection each time.
        groups: if matches!(part, BookPart::Chapters { .. }) {
            Vec::new()
        } else {
            index_groups_within(careers, format, labels, entries.clone())
        },
        chapters,
        front: !matches!(part, BookPart::Chapters { .. }),
        cover: entries.start == 0 && !matches!(part, BookPart::Chapters { .. }),
        first_page,
        total_pages,
        chapter_pages,
    };
    lens(&Arc::new(view), 0)
}
