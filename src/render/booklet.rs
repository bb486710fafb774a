//! A long PDF booklet, typeset in parts and joined: Typst holds a whole
//! document in memory (about 2 MiB per handout), so a booklet of thousands
//! of careers is made a run of chapters at a time, each part's pages
//! numbered as in the whole, and the parts joined into one tagged PDF.

use std::collections::HashMap;
use std::ops::Range;

use super::pdf::contents::{ContentsStart, tag_contents};
use super::view::{self, BookPart, BookSettings};
use super::{CareerIndex, Format, Renderer, pdf, template_error};
use crate::error::{Error, PdfDocument};

/// How much one part may take to typeset, as [`pdf::estimated_mebibytes`]
/// reckons it (which overstates a booklet about twice): some 45 handouts or
/// 10 full reports, about 100 MiB.
const PART_MEBIBYTES: u64 = 250;

/// How many careers of the contents one run of its pages lays out at most.
const CONTENTS_RUN: usize = 1_000;

/// The chapters (by their place in the contents) of each part of the PDF
/// booklet of `careers`: one part for a booklet that fits in one.
pub(super) fn plan_parts(
    careers: &CareerIndex,
    chapters: &HashMap<String, String>,
) -> Vec<Range<usize>> {
    let most_chapters = test_size("PATHWAYS_BOOK_PART_CHAPTERS").unwrap_or(usize::MAX);
    // What Typst takes to start is reckoned once per part.
    let start_up = pdf::estimated_mebibytes("");
    let mut parts = Vec::new();
    let mut start = 0;
    let mut reckoned = start_up;
    for (number, body) in chapter_order(careers, chapters)
        .map(|id| &chapters[id])
        .enumerate()
    {
        let cost = pdf::estimated_mebibytes(body) - start_up;
        if number > start && (reckoned + cost > PART_MEBIBYTES || number - start >= most_chapters) {
            parts.push(start..number);
            start = number;
            reckoned = start_up;
        }
        reckoned += cost;
    }
    let count = chapter_order(careers, chapters).count();
    if count > start {
        parts.push(start..count);
    }
    parts
}

/// A test's own size for parts (`PATHWAYS_BOOK_PART_CHAPTERS`: at most so
/// many chapters) and contents runs (`PATHWAYS_BOOK_CONTENTS_RUN`), to
/// typeset a short booklet in parts.
fn test_size(variable: &str) -> Option<usize> {
    std::env::var(variable)
        .ok()?
        .parse()
        .ok()
        .filter(|&n| n > 0)
}

/// The ids of the careers that have a chapter, in the order of the contents.
fn chapter_order<'a>(
    careers: &'a CareerIndex,
    chapters: &'a HashMap<String, String>,
) -> impl Iterator<Item = &'a str> {
    careers
        .entries()
        .iter()
        .map(|entry| entry.id())
        .filter(|id| chapters.contains_key(*id))
}

impl Renderer {
    /// The PDF booklet in `parts`, joined into `out`.
    pub(super) fn render_book_in_parts(
        &self,
        careers: &CareerIndex,
        chapters: &HashMap<String, String>,
        settings: &BookSettings,
        parts: &[Range<usize>],
        out: &mut dyn std::io::Write,
    ) -> Result<(), Error> {
        let labels = self.catalogues.labels(careers.locale());
        let name = Format::Pdf.template_file("book");
        let template = self.template(&name)?;
        let source_of = |part: &BookPart| -> Result<String, Error> {
            let view = view::build_book(careers, chapters, settings, part, Format::Pdf, &labels);
            let source = template.render(view).map_err(|e| template_error(&e))?;
            pdf::check_budget(&source, PdfDocument::Booklet)?;
            Ok(source)
        };

        // A chapter is its own run of pages: laid out alone, it takes as
        // many pages as in the booklet.
        let ids: Vec<&str> = chapter_order(careers, chapters).collect();
        let mut lengths = Vec::with_capacity(ids.len());
        for number in 0..ids.len() {
            let source = source_of(&BookPart::Chapters {
                chapters: number..number + 1,
                first_page: 1,
                total_pages: 1,
            })?;
            lengths.push(pdf::page_count(source, &name)?);
        }
        let body_pages: usize = lengths.iter().sum();
        let first_pages = |front_pages: usize| -> HashMap<String, usize> {
            let mut page = front_pages + 1;
            ids.iter()
                .zip(&lengths)
                .map(|(id, length)| {
                    let first = page;
                    page += length;
                    ((*id).to_owned(), first)
                })
                .collect()
        };

        // The contents, a run of pages at a time: each run lays out up to
        // CONTENTS_RUN careers and keeps its full pages, and the next run
        // starts with the career that began its last page. The contents print
        // the chapters' pages, which follow the contents: lay them out until
        // their length settles (the second time, as a rule).
        let position: HashMap<String, usize> = careers
            .entries()
            .iter()
            .enumerate()
            .map(|(place, entry)| (view::chapter_anchor(entry.id()), place))
            .collect();
        let entry_count = careers.entries().len();
        let mut front_pages = entry_count / 40 + 2;
        let mut settled = None;
        for _ in 0..4 {
            let chapter_pages = first_pages(front_pages);
            let total_pages = front_pages + body_pages;
            let mut runs = Vec::new();
            let (mut start, mut page) = (0, 1);
            while start < entry_count || runs.is_empty() {
                let run = test_size("PATHWAYS_BOOK_CONTENTS_RUN").unwrap_or(CONTENTS_RUN);
                let end = (start + run).min(entry_count);
                let source = source_of(&BookPart::Front {
                    entries: start..end,
                    first_page: page,
                    chapter_pages: &chapter_pages,
                    total_pages,
                })?;
                let (pages, marks) = pdf::marked_pages(source, &name)?;
                pdf::forget_reusable();
                let last_page_begins = marks
                    .iter()
                    .filter(|(_, on)| on + 1 == pages)
                    .filter_map(|(mark, _)| position.get(mark))
                    .min()
                    .copied();
                let (cut, kept) = match last_page_begins {
                    Some(cut) if end < entry_count && cut > start && pages > 1 => (cut, pages - 1),
                    _ => (end, pages),
                };
                runs.push((start..cut, page, kept));
                (start, page) = (cut, page + kept);
            }
            if page - 1 == front_pages {
                settled = Some((runs, chapter_pages));
                break;
            }
            front_pages = page - 1;
        }
        let (runs, chapter_pages) = settled.ok_or_else(|| Error::Template {
            message: "the booklet's contents did not settle on a number of pages".to_owned(),
        })?;
        let total_pages = front_pages + body_pages;

        let mut joiner = pdf::join::Joiner::new(out)?;
        let contents_heading = labels.get("contents");
        for (entries, first_page, pages) in runs {
            let source = source_of(&BookPart::Front {
                entries,
                first_page,
                chapter_pages: &chapter_pages,
                total_pages,
            })?;
            let start = if first_page == 1 {
                ContentsStart::AfterHeading(&contents_heading)
            } else {
                ContentsStart::AtTheStart
            };
            joiner.append(&tag_contents(self.typeset(source, &name)?, start)?)?;
            pdf::forget_reusable();
            if joiner.page_count() + 1 != first_page + pages {
                return Err(Error::Template {
                    message: format!(
                        "the booklet's contents from page {first_page} took {} pages, not {pages} as before",
                        joiner.page_count() + 1 - first_page
                    ),
                });
            }
        }
        let mut expected = front_pages;
        for part in parts {
            let source = source_of(&BookPart::Chapters {
                chapters: part.clone(),
                first_page: expected + 1,
                total_pages,
            })?;
            let before = joiner.page_count();
            joiner.append(&self.typeset(source, &name)?)?;
            pdf::forget_reusable();
            let reckoned: usize = lengths[part.clone()].iter().sum();
            if joiner.page_count() - before != reckoned {
                return Err(Error::Template {
                    message: format!(
                        "the booklet's chapters {} to {} took {} pages together, {reckoned} one by one",
                        part.start + 1,
                        part.end,
                        joiner.page_count() - before,
                    ),
                });
            }
            expected += reckoned;
        }
        // A screen reader says where a link of the contents goes, as Typst
        // does for a link within one document: the title and its page.
        let links: HashMap<String, (usize, String)> = careers
            .entries()
            .iter()
            .filter_map(|entry| {
                let page = *chapter_pages.get(entry.id())?;
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("page", page);
                args.set("pages", total_pages);
                let where_ = labels.format("page-of", Some(&args)).unwrap_or_default();
                let alt = format!("{}, {where_}", entry.title());
                Some((view::chapter_anchor(entry.id()), (page - 1, alt)))
            })
            .collect();
        joiner.finish(|anchor| links.get(anchor).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::IndexEntry;

    /// `count` careers with a chapter of `lines` lines each (one without a chapter).
    fn booklet(count: usize, lines: usize) -> (CareerIndex, HashMap<String, String>) {
        let entries = (0..=count)
            .map(|n| {
                IndexEntry::new(
                    &format!("c{n:03}"),
                    &format!("C {n:03}"),
                    None,
                    None,
                    100,
                    "en-US",
                )
            })
            .collect();
        let chapters = (1..=count)
            .map(|n| (format!("c{n:03}"), "A line of the chapter.\n".repeat(lines)))
            .collect();
        (CareerIndex::new(entries), chapters)
    }

    #[test]
    fn a_long_booklet_is_cut_into_parts_that_each_fit_the_budget() {
        // Each chapter reckons 6 MiB beyond Typst's 60: 31 fit in 250 MiB.
        let (careers, chapters) = booklet(100, 200);
        let parts = plan_parts(&careers, &chapters);
        assert_eq!(parts, [0..31, 31..62, 62..93, 93..100]);
    }

    #[test]
    fn a_short_booklet_is_one_part_and_a_huge_chapter_one_alone() {
        let (careers, chapters) = booklet(10, 200);
        assert_eq!(plan_parts(&careers, &chapters), vec![(0..10)]);
        let (careers, mut chapters) = booklet(3, 200);
        chapters.insert("c002".to_owned(), "A line.\n".repeat(20_000));
        assert_eq!(plan_parts(&careers, &chapters), [0..1, 1..2, 2..3]);
    }
}
