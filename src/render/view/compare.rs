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
    let r = Renditions::new(std::slice::from_ref(&format));
    let locale = leading(profiles).map_or("en", |p| p.locale());
    let titles: Vec<&str> = profiles.iter().map(|p| p.title.trim()).collect();
    let careers: Vec<Arc<CompareCareerView>> = profiles
        .iter()
        .map(|p| {
            Arc::new(CompareCareerView {
                id: p.id.clone(),
                title: r.plain(&p.title),
                category: p.category.as_deref().map(|c| r.plain(c)),
                career_type: p.career_type.as_deref().map(|c| r.plain(c)),
            })
        })
        .collect();
    let cells = Cells {
        r: &r,
        format,
        labels,
        careers: &careers,
    };
    let heading = |id: &str| labels.get(&section_key(id));
    let currencies = each_once(paid(profiles).map(SalarySection::currency));
    let currencies_differ = currencies.len() > 1;
    let mut rows = vec![
        cells.row("category", &labels.get("fact-category"), profiles, |p| {
            p.category
                .iter()
                .chain(&p.career_type)
                .map(|text| cells.plain(text))
                .collect()
        }),
        cells.row("salary", &heading("salary"), profiles, |p| {
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
            rows.push(cells.row(&format!("fact-{key}"), label, profiles, |p| {
                super::facts::fact_rows(p, labels)
                    .into_iter()
                    .filter(|(k, ..)| *k == key)
                    .map(|(_, _, value)| cells.plain(&value))
                    .collect()
            }));
        }
    }
    // A subject shown by its section's first paragraph.
    let lead_row = |id: &str| {
        cells.row(id, &heading(id), profiles, |p| {
            p.sections
                .get(id)
                .map_or_else(Vec::new, |section| cells.lead(section))
        })
    };
    rows.extend(LEAD_ROWS.map(lead_row));
    rows.push(
        cells.row("remote_work", &labels.get("remote-work"), profiles, |p| {
            let Some(remote) = &p.sections.remote_work else {
                return Vec::new();
            };
            match remote.level {
                Some(level) => vec![cells.plain(&labels.get(remote_level_key(level)))],
                None => cells.lead(SectionContent::RemoteWork(remote)),
            }
        }),
    );
    rows.push(cells.row("skills", &heading("skills"), profiles, |p| {
        p.sections.skills.as_ref().map_or_else(Vec::new, |skills| {
            skills
                .items
                .iter()
                .filter(|item| !item.is_empty())
                .take(SKILLS)
                .map(|item| cells.title_or_text(item))
                .collect()
        })
    }));
    rows.push(lead_row("work_environment"));
    rows.push(cells.row(
        "getting_started",
        &labels.get("compare-first-step"),
        profiles,
        |p| {
            let steps = p.sections.getting_started.as_ref();
            steps
                .and_then(|s| s.items.iter().find(|item| !item.is_empty()))
                .map(|step| {
                    let sentence = first_sentence(&step.text);
                    match step.title.as_deref().filter(|t| !t.trim().is_empty()) {
                        // A title is a label, not Markdown (as in reports):
                        // escaped before it joins the sentence's Markdown.
                        Some(title) => cells.inline(&format!(
                            "**{}** {sentence}",
                            crate::render::markdown::escape_markdown(
                                &labels
                                    .format("colon", Some(&label_arg(title.trim_end_matches(':'))))
                                    .unwrap_or_else(|| title.to_owned())
                            )
                        )),
                        None => cells.inline(sentence),
                    }
                })
                .or_else(|| {
                    steps
                        .and_then(|s| s.intro.as_deref())
                        .and_then(|intro| cells.first_paragraph(intro))
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
        careers,
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

/// Makes the cells of a comparison in one format.
struct Cells<'a> {
    r: &'a Renditions<'a>,
    format: Format,
    labels: &'a Labels,
    careers: &'a [Arc<CompareCareerView>],
}

impl Cells<'_> {
    /// A row: `lines` of each profile, "not described" where it has none.
    fn row(
        &self,
        id: &str,
        heading: &str,
        profiles: &[&Profile],
        lines: impl Fn(&Profile) -> Vec<Text>,
    ) -> Arc<CompareRowView> {
        Arc::new(CompareRowView {
            id: id.to_owned(),
            heading: self.r.plain(heading),
            cells: profiles
                .iter()
                .zip(self.careers)
                .map(|(profile, career)| {
                    let lines = lines(profile);
                    let described = !lines.is_empty();
                    Arc::new(CompareCellView {
                        career: career.title.clone(),
                        lines: if described {
                            lines
                        } else {
                            vec![self.plain(&self.labels.get("compare-not-described"))]
                        },
                        described,
                    })
                })
                .collect(),
        })
    }

    /// Literal text.
    fn plain(&self, text: &str) -> Text {
        self.r.plain(text)
    }

    /// Markdown on one line of a cell: a Markdown table cell cannot hold a
    /// line break or an unescaped `|`, a text cell is wrapped by the layout.
    fn inline(&self, markdown: &str) -> Text {
        let Text(values) = self.r.rich_inline(markdown);
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

    /// The first paragraph of `markdown`, if it has text, cut short.
    fn first_paragraph(&self, markdown: &str) -> Option<Text> {
        markdown
            .trim()
            .split("\n\n")
            .next()
            .filter(|lead| !lead.trim().is_empty())
            .map(|lead| self.inline(&shortened(lead)))
    }

    /// A section's first paragraph, with its first entries when it only
    /// leads into them ("... include:"); else its first entry.
    fn lead(&self, section: SectionContent) -> Vec<Text> {
        let prose = section.prose();
        let entries = prose
            .items
            .iter()
            .chain(prose.groups.iter().flat_map(|g| &g.items))
            .filter(|item| !item.is_empty());
        let first_paragraph = prose
            .intro
            .and_then(|intro| intro.trim().split("\n\n").next())
            .filter(|lead| !lead.trim().is_empty());
        match first_paragraph {
            Some(lead) if lead.trim_end().ends_with(':') => {
                std::iter::once(self.inline(&shortened(lead)))
                    .chain(
                        entries
                            .take(LEAD_IN_ENTRIES)
                            .map(|item| self.title_or_text(item)),
                    )
                    .collect()
            }
            Some(lead) => vec![self.inline(&shortened(lead))],
            None => entries
                .take(1)
                .map(|item| self.title_or_text(item))
                .collect(),
        }
    }

    /// An entry by its title; by its text when it has none.
    fn title_or_text(&self, item: &Item) -> Text {
        match item.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(title) => self.plain(title.trim().trim_end_matches(':')),
            None => self
                .first_paragraph(&item.text)
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
            return self.lead(SectionContent::Salary(salary));
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
