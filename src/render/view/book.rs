//! The booklet of an export: a cover, the contents (the export index's
//! groups) and each career's chapter, rendered beforehand from its report's
//! (or handout's) block `career`.

use std::collections::HashMap;
use std::sync::Arc;

use minijinja::Value;

use super::build::{Renditions, css_string, direction, region_of};
use super::index::{chapter_anchor, index_groups};
use super::lens;
use super::types::{BookView, ChapterView};
use crate::render::labels::Labels;
use crate::render::{CareerIndex, Format, PageSize};

/// What a booklet is made of besides its careers.
pub(in crate::render) struct BookParts<'a> {
    pub(in crate::render) title: &'a str,
    pub(in crate::render) template_set: &'a str,
    pub(in crate::render) page_size: PageSize,
}

/// The booklet's view for `format` (HTML or PDF): `chapters` holds each
/// career's rendered block by id; a career without one is left out.
pub(in crate::render) fn build_book(
    careers: &CareerIndex,
    chapters: &HashMap<String, String>,
    parts: &BookParts,
    format: Format,
    labels: &Labels,
) -> Value {
    let r = Renditions::new(std::slice::from_ref(&format));
    let locale = careers.locale();
    let chapters: Vec<Arc<ChapterView>> = careers
        .entries()
        .iter()
        .filter_map(|entry| Some((entry, chapters.get(entry.id())?)))
        .enumerate()
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
    args.set("count", chapters.len());
    let view = BookView {
        lang: locale.to_owned(),
        dir: direction(locale),
        language: crate::locale::language_of(locale),
        region: region_of(locale),
        generator: super::build::generator(),
        page_size: parts.page_size.css(),
        title: parts.title.to_owned(),
        description: labels
            .format("book-description", Some(&args))
            .unwrap_or_default(),
        set: parts.template_set.to_owned(),
        count: chapters.len(),
        groups: index_groups(careers, format),
        chapters,
    };
    lens(&Arc::new(view), 0)
}
