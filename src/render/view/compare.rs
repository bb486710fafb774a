//! The comparison of two to four careers: one row per subject, one cell per
//! career, each cell a few short lines (the first paragraph of a section,
//! the first skills, the salary figures in the profile's own currency).

use std::sync::Arc;

use minijinja::Value;

use super::build::{Renditions, first_sentence, remote_level_key, stage_label};
use super::facts::period_key;
use super::types::{CompareCareerView, CompareCellView, CompareRowView, CompareView};
use super::{Text, lens};
use crate::profile::{Item, Profile, SalarySection, SectionContent};
use crate::render::cldr::{self, MoneyFormat};
use crate::render::labels::{Labels, section_key};
use crate::render::{Format, PageSize};

/// The sections compared by their first paragraph, in the rows' order
/// after category and salary (then remote work and skills have rows of
/// their own, work environment is shown as these are, and the first step
/// of getting started ends the table).
const LEAD_ROWS: [&str; 4] = ["education", "training", "outlook", "demand"];

/// How many entries follow a first paragraph that leads into them.
const LEAD_IN_ENTRIES: usize = 3;

/// The longest a paragraph in a cell gets, in characters.
const PARAGRAPH_CHARS: usize = 240;

/// How many skills a career shows.
const SKILLS: usize = 5;

/// The comparison of `profiles` for `format`, labelled in `labels`' language
/// (the first profile's).
pub(in crate::render) fn build_compare(
    profiles: &[&Profile],
    format: Format,
    page_size: PageSize,
    width: usize,
    labels: &Labels,
) -> Value {
    let formats = std::slice::from_ref(&format);
    let locale = leading(profiles).map_or("en", |p| p.locale());
    let titles: Vec<&str> = profiles.iter().map(|p| p.title.trim()).collect();
    // Each career's text is marked where it is not in the comparison's
    // language (a career without the translation asked for, or a field a
    // translation left to its base).
    let columns: Vec<Column> = profiles
        .iter()
        .map(|&p| {
            let r = Renditions::new(formats).in_document(p, locale);
            let career = Arc::new(CompareCareerView {
                id: p.id.clone(),
                title: r.plain_at("title", &p.title),
                category: p.category.as_deref().map(|c| r.plain_at("category", c)),
                career_type: p
                    .career_type
                    .as_deref()
                    .map(|c| r.plain_at("career_type", c)),
            });
            Column {
                profile: p,
                r,
                career,
            }
        })
        .collect();
    let labels_only = Renditions::new(formats);
    let table = Table {
        r: &labels_only,
        format,
        labels,
        columns: &columns,
    };
    let heading = |id: &str| labels.get(&section_key(id));
    let currencies = each_once(paid(profiles).map(SalarySection::currency));
    let currencies_differ = currencies.len() > 1;
    let mut rows = vec![
        table.row("category", &labels.get("fact-category"), |cells, p| {
            let category = p.category.iter().map(|text| ("category", text));
            let career_type = p.career_type.iter().map(|text| ("career_type", text));
            category
                .chain(career_type)
                .map(|(path, text)| cells.plain_at(path, text))
                .collect()
        }),
        table.row("salary", &heading("salary"), |cells, p| {
            cells.salary(p, currencies_differ)
        }),
    ];
    // A row for each quick fact two or more of the careers give (pay is
    // the salary row's).
    let facts: Vec<Vec<(&str, String, String)>> = profiles
        .iter()
        .map(|p| super::facts::fact_rows(p, labels))
        .collect();
    for &key in &super::facts::FACT_ORDER[1..] {
        let given: Vec<&String> = facts
            .iter()
            .filter_map(|rows| {
                rows.iter()
                    .find(|(k, ..)| *k == key)
                    .map(|(_, label, _)| label)
            })
            .collect();
        if let [label, _, ..] = given.as_slice() {
            rows.push(table.row(&format!("fact-{key}"), label, |cells, p| {
                super::facts::fact_rows(p, labels)
                    .into_iter()
                    .filter(|(k, ..)| *k == key)
                    .map(|(_, _, value)| cells.plain_at(&super::facts::words_path(key), &value))
                    .collect()
            }));
        }
    }
    // A subject shown by its section's first paragraph.
    let lead_row = |id: &str| {
        table.row(id, &heading(id), |cells, p| {
            p.sections
                .get(id)
                .map_or_else(Vec::new, |section| cells.lead(id, section))
        })
    };
    rows.extend(LEAD_ROWS.map(lead_row));
    rows.push(
        table.row("remote_work", &labels.get("remote-work"), |cells, p| {
            let Some(remote) = &p.sections.remote_work else {
                return Vec::new();
            };
            match remote.level {
                Some(level) => vec![cells.plain(&labels.get(remote_level_key(level)))],
                None => cells.lead("remote_work", SectionContent::RemoteWork(remote)),
            }
        }),
    );
    rows.push(table.row("skills", &heading("skills"), |cells, p| {
        p.sections.skills.as_ref().map_or_else(Vec::new, |skills| {
            skills
                .items
                .iter()
                .enumerate()
                .filter(|(_, item)| !item.is_empty())
                .take(SKILLS)
                .map(|(index, item)| {
                    cells.title_or_text(&format!("sections.skills.items[{index}]"), item)
                })
                .collect()
        })
    }));
    rows.push(lead_row("work_environment"));
    rows.push(table.row(
        "getting_started",
        &labels.get("compare-first-step"),
        |cells, p| {
            let steps = p.sections.getting_started.as_ref();
            steps
                .and_then(|s| {
                    s.items
                        .iter()
                        .enumerate()
                        .find(|(_, item)| !item.is_empty())
                })
                .map(|(index, step)| {
                    let path = format!("sections.getting_started.items[{index}]");
                    let sentence = first_sentence(&step.text);
                    match step.title.as_deref().filter(|t| !t.trim().is_empty()) {
                        // A title is a label, not Markdown (as in reports):
                        // escaped before it joins the sentence's Markdown.
                        // Title and text are marked as one, by the text's language.
                        Some(title) => cells.inline_at(
                            &format!("{path}.text"),
                            &format!(
                                "**{}** {sentence}",
                                crate::render::markdown::escape_markdown(
                                    &labels
                                        .format(
                                            "colon",
                                            Some(&label_arg(title.trim_end_matches(':')))
                                        )
                                        .unwrap_or_else(|| title.to_owned())
                                )
                            ),
                        ),
                        None => cells.inline_at(&path, sentence),
                    }
                })
                .or_else(|| {
                    steps.and_then(|s| s.intro.as_deref()).and_then(|intro| {
                        cells.first_paragraph("sections.getting_started.intro", intro)
                    })
                })
                .into_iter()
                .collect()
        },
    ));
    let view = CompareView {
        page: super::build::page(locale, page_size, {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("careers", titles.join(", "));
            labels
                .format("compare-description", Some(&args))
                .unwrap_or_default()
        }),
        titles: titles.join(" · "),
        width,
        careers: columns.iter().map(|c| Arc::clone(&c.career)).collect(),
        rows,
        notes: pay_notes(profiles, &currencies, labels)
            .into_iter()
            .chain(untranslated_notes(profiles, labels))
            .collect(),
    };
    lens(&Arc::new(view), 0)
}

/// `{ $label }` for the `colon` label.
fn label_arg(label: &str) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("label", label.trim().to_owned());
    args
}

/// The career whose language a comparison is written in: the first one
/// translated (`compare --lang`), else the first.
pub(in crate::render) fn leading<'p>(profiles: &[&'p Profile]) -> Option<&'p Profile> {
    profiles
        .iter()
        .find(|p| p.languages.base_text.is_some())
        .or(profiles.first())
        .copied()
}

/// Said under the table for each career shown in its own language because
/// it has no translation into the one asked for.
fn untranslated_notes(profiles: &[&Profile], labels: &Labels) -> Vec<String> {
    profiles
        .iter()
        .filter_map(|profile| {
            let language = profile.languages.missing_translation.as_deref()?;
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("career", profile.title.trim().to_owned());
            args.set("language", crate::locale::autonym(language));
            args.set("shown", crate::locale::autonym(profile.locale()));
            labels.format("compare-untranslated", Some(&args))
        })
        .collect()
}

/// Said under the table when the careers are paid in different currencies
/// or per different periods: the figures are never converted.
fn pay_notes(profiles: &[&Profile], currencies: &[&str], labels: &Labels) -> Vec<String> {
    let periods = each_once(paid(profiles).map(SalarySection::period));
    let mut notes = Vec::new();
    if currencies.len() > 1 {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("currencies", currencies.join(", "));
        notes.extend(labels.format("compare-currencies-differ", Some(&args)));
    }
    if periods.len() > 1 {
        let mut args = fluent_bundle::FluentArgs::new();
        let names: Vec<String> = periods.iter().map(|p| labels.get(period_key(*p))).collect();
        args.set("periods", names.join(", "));
        notes.extend(labels.format("compare-periods-differ", Some(&args)));
    }
    notes
}

/// Each value once, in the order first met (the order of the columns).
fn each_once<T: PartialEq>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut once = Vec::new();
    for value in values {
        if !once.contains(&value) {
            once.push(value);
        }
    }
    once
}

/// The salary sections that give figures.
fn paid<'a>(profiles: &[&'a Profile]) -> impl Iterator<Item = &'a SalarySection> {
    profiles
        .iter()
        .filter_map(|p| p.sections.salary.as_ref())
        .filter(|s| s.average.is_some() || !s.ranges.is_empty())
}

/// One career's column: its profile, its title as the header shows it,
/// and how its text is rendered and marked.
struct Column<'a> {
    profile: &'a Profile,
    r: Renditions<'a>,
    career: Arc<CompareCareerView>,
}

/// The comparison's careers, made into rows in one format.
struct Table<'a> {
    /// Renders the table's own words (headings, "not described").
    r: &'a Renditions<'a>,
    format: Format,
    labels: &'a Labels,
    columns: &'a [Column<'a>],
}

impl Table<'_> {
    /// A row: `lines` of each career, "not described" where it has none.
    fn row(
        &self,
        id: &str,
        heading: &str,
        lines: impl Fn(&Cells, &Profile) -> Vec<Text>,
    ) -> Arc<CompareRowView> {
        Arc::new(CompareRowView {
            id: id.to_owned(),
            heading: self.r.plain(heading),
            cells: self
                .columns
                .iter()
                .map(|column| {
                    let cells = Cells {
                        r: &column.r,
                        format: self.format,
                        labels: self.labels,
                    };
                    let lines = lines(&cells, column.profile);
                    let described = !lines.is_empty();
                    Arc::new(CompareCellView {
                        career: column.career.title.clone(),
                        lines: if described {
                            lines
                        } else {
                            vec![self.r.plain(&self.labels.get("compare-not-described"))]
                        },
                        described,
                    })
                })
                .collect(),
        })
    }
}

/// Makes one career's cells in one format.
struct Cells<'a> {
    r: &'a Renditions<'a>,
    format: Format,
    labels: &'a Labels,
}

impl Cells<'_> {
    /// Literal text of the table's own (a label, a figure).
    fn plain(&self, text: &str) -> Text {
        self.r.plain(text)
    }

    /// Literal text of the career's field at `path`.
    fn plain_at(&self, path: &str, text: &str) -> Text {
        self.r.plain_at(path, text)
    }

    /// Markdown on one line of a cell: a Markdown table cell cannot hold a
    /// line break or an unescaped `|`, a text cell is wrapped by the layout.
    /// The field at `path` gives the words (and so their language).
    fn inline_at(&self, path: &str, markdown: &str) -> Text {
        let Text(values) = self.r.rich_inline_at(path, markdown);
        let format = self.format;
        Text(
            values
                .into_vec()
                .into_iter()
                .map(|value| match format {
                    Format::Markdown => Value::from(table_cell(&value.to_string())),
                    Format::Text => Value::from(one_line(&value.to_string())),
                    Format::Html | Format::Pdf => value,
                })
                .collect(),
        )
    }

    /// The first paragraph of `markdown`, the field at `path`, if it has
    /// text, cut short.
    fn first_paragraph(&self, path: &str, markdown: &str) -> Option<Text> {
        markdown
            .trim()
            .split("\n\n")
            .next()
            .filter(|lead| !lead.trim().is_empty())
            .map(|lead| self.inline_at(path, &shortened(lead)))
    }

    /// A section's first paragraph, with its first entries when it only
    /// leads into them ("... include:"); else its first entry.
    fn lead(&self, id: &str, section: SectionContent) -> Vec<Text> {
        let prose = section.prose();
        let path = format!("sections.{id}");
        let items = prose
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| (format!("{path}.items[{index}]"), item));
        let grouped = prose.groups.iter().enumerate().flat_map(|(group, g)| {
            let path = &path;
            g.items
                .iter()
                .enumerate()
                .map(move |(index, item)| (format!("{path}.groups[{group}].items[{index}]"), item))
        });
        let entries = items.chain(grouped).filter(|(_, item)| !item.is_empty());
        let first_paragraph = prose
            .intro
            .and_then(|intro| intro.trim().split("\n\n").next())
            .filter(|lead| !lead.trim().is_empty());
        let intro = format!("{path}.intro");
        match first_paragraph {
            Some(lead) if lead.trim_end().ends_with(':') => {
                std::iter::once(self.inline_at(&intro, &shortened(lead)))
                    .chain(
                        entries
                            .take(LEAD_IN_ENTRIES)
                            .map(|(path, item)| self.title_or_text(&path, item)),
                    )
                    .collect()
            }
            Some(lead) => vec![self.inline_at(&intro, &shortened(lead))],
            None => entries
                .take(1)
                .map(|(path, item)| self.title_or_text(&path, item))
                .collect(),
        }
    }

    /// An entry (the one at `path`) by its title; by its text when it has none.
    fn title_or_text(&self, path: &str, item: &Item) -> Text {
        match item.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(title) => {
                self.plain_at(&format!("{path}.title"), title.trim().trim_end_matches(':'))
            }
            None => self
                .first_paragraph(path, &item.text)
                .unwrap_or_else(|| self.plain("")),
        }
    }

    /// The average and each stage's range in the profile's own currency and
    /// number format, then the currency and period; the section's first
    /// paragraph when it gives no figures.
    fn salary(&self, profile: &Profile, with_code: bool) -> Vec<Text> {
        let Some(salary) = &profile.sections.salary else {
            return Vec::new();
        };
        if salary.average.is_none() && salary.ranges.is_empty() {
            return self.lead("salary", SectionContent::Salary(salary));
        }
        // Beside careers paid in other currencies, "$" could be dollars or
        // pesos: each amount then carries its ISO code.
        let locale = cldr::parse_locale(profile.locale());
        let money = if with_code {
            MoneyFormat::with_code(salary.currency(), &locale)
        } else {
            MoneyFormat::new(salary.currency(), &locale)
        };
        let colon = |label: &str| {
            self.labels
                .format("colon", Some(&label_arg(label)))
                .unwrap_or_else(|| label.to_owned())
        };
        let mut lines = Vec::new();
        if let Some(average) = salary.average {
            lines.push(self.plain(&format!(
                "{} {}",
                colon(&self.labels.get("salary-average-short")),
                money.format(average)
            )));
        }
        for range in &salary.ranges {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("min", money.format(range.min));
            args.set("max", money.format(range.max));
            lines.push(self.plain(&format!(
                "{} {}",
                colon(&stage_label(&range.stage, self.labels)),
                self.labels
                    .format("salary-range", Some(&args))
                    .unwrap_or_default()
            )));
        }
        lines.push(self.plain(&format!(
            "{}, {}",
            salary.currency(),
            self.labels.get(period_key(salary.period()))
        )));
        lines
    }
}

/// A paragraph of at most [`PARAGRAPH_CHARS`] characters: cut after its last
/// sentence that ends within them (or after its first sentence), with `…`.
/// A comparison shows the gist; each career's report has the whole text.
fn shortened(paragraph: &str) -> String {
    let paragraph = paragraph.trim();
    if paragraph.chars().count() <= PARAGRAPH_CHARS {
        return paragraph.to_owned();
    }
    let ends: Vec<usize> = paragraph
        .char_indices()
        .filter(|&(at, c)| {
            matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
                && paragraph[at + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(at, c)| at + c.len_utf8())
        .collect();
    let limit = paragraph
        .char_indices()
        .nth(PARAGRAPH_CHARS)
        .map_or(paragraph.len(), |(at, _)| at);
    let end = ends
        .iter()
        .copied()
        .rfind(|&end| end <= limit)
        .or_else(|| ends.first().copied());
    match end {
        Some(end) if end < paragraph.len() => format!("{} …", &paragraph[..end]),
        _ => paragraph.to_owned(),
    }
}

/// Text on one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// CommonMark for a table cell: on one line, every `|` escaped.
fn table_cell(markdown: &str) -> String {
    let line = one_line(markdown);
    let mut out = String::with_capacity(line.len());
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_paragraph_is_cut_after_a_sentence() {
        let long = format!(
            "{}. Second sentence here. {}.",
            "a".repeat(150),
            "b".repeat(200)
        );
        assert_eq!(
            shortened(&long),
            format!("{}. Second sentence here. …", "a".repeat(150))
        );
        let one = format!("{} end. More.", "c".repeat(300));
        assert_eq!(shortened(&one), format!("{} end. …", "c".repeat(300)));
        assert_eq!(shortened("Short. Text."), "Short. Text.");
        assert_eq!(shortened(&"x".repeat(300)), "x".repeat(300));
    }

    #[test]
    fn a_table_cell_is_one_line_with_every_pipe_escaped() {
        assert_eq!(table_cell("a | b\nc"), "a \\| b c");
        assert_eq!(table_cell("`x|y` and \\| kept"), "`x\\|y` and \\| kept");
        assert_eq!(table_cell("ends in \\\\|"), "ends in \\\\\\|");
    }
}
