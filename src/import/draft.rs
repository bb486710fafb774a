//! From page blocks to a draft profile: summary, sections, lists, groups,
//! misconception pairs and salary figures.

use super::headings::{Headings, Target};
use super::language::{self, PageLanguage};
use super::markers::list_marker;
use super::page::{Block, HeadingKind, Line};
use super::salary::{self, Passage, SalaryFigures};
use super::table::{Piece, Table, pieces};
use crate::profile::{CATALOGUE, section_info};

#[derive(Debug, Default)]
pub(super) struct Draft {
    pub title: Option<String>,
    pub category: Option<String>,
    pub career_type: Option<String>,
    pub summary: Vec<(String, String)>,
    /// Catalogue sections by id, in page order.
    pub sections: Vec<(&'static str, DraftSection)>,
    /// Sections under headings pathways does not know: (heading, section).
    pub extras: Vec<(String, DraftSection)>,
    /// What a person should look at: (page line, note).
    pub review: Vec<(usize, String)>,
    /// What was found where: (page line, note).
    pub found: Vec<(usize, String)>,
    /// Page lines read as structure rather than content (the title line).
    pub structural_lines: Vec<usize>,
}

#[derive(Debug, Default, Clone)]
pub(super) struct DraftSection {
    pub intro: Vec<String>,
    pub items: Vec<DraftItem>,
    pub groups: Vec<DraftGroup>,
    pub outro: Vec<String>,
    pub myths: Vec<(String, String)>,
    pub salary: Option<SalaryFigures>,
}

#[derive(Debug, Clone)]
pub(super) struct DraftItem {
    pub title: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub(super) struct DraftGroup {
    pub heading: String,
    pub intro: Vec<String>,
    pub items: Vec<DraftItem>,
}

/// Sections whose text is a set of names: a line listing them with commas
/// ("Pharmacist, Pharmacy Aide, Medical Assistant") becomes their items.
const LIST_LIKE: [&str; 5] = [
    "related_careers",
    "tools",
    "employers",
    "famous_people",
    "industry_sectors",
];

pub(super) fn draft(blocks: &[Block], headings: &Headings, language: &PageLanguage) -> Draft {
    let mut draft = Draft::default();
    for block in blocks {
        match &block.kind {
            HeadingKind::Overview => overview(block, &mut draft),
            HeadingKind::PageName => {
                // Lines under the page name (the title line, usually) are read as the overview's.
                overview(block, &mut draft);
            }
            HeadingKind::Category | HeadingKind::CareerType => {
                let (field, label) = match block.kind {
                    HeadingKind::Category => (&mut draft.category, "career category"),
                    _ => (&mut draft.career_type, "career type"),
                };
                *field = first_line(block);
                draft.found.push((block.line, label.to_owned()));
                // Lines after the value have no heading of their own: kept, not dropped.
                if block.lines.len() > 1 {
                    let heading = "More About This Career".to_owned();
                    draft.review.push((
                        block.lines[1].number,
                        format!(
                            "lines after the {label} had no heading of their own: kept as the extra section `{heading}`"
                        ),
                    ));
                    draft
                        .extras
                        .push((heading, section_from(&block.lines[1..], SectionKind::Plain)));
                }
            }
            HeadingKind::Section(id) => {
                let kind = match *id {
                    "misconceptions" => SectionKind::Misconceptions,
                    id if LIST_LIKE.contains(&id) => SectionKind::Names,
                    _ => SectionKind::Plain,
                };
                let mut section = section_from(&block.lines, kind);
                if *id == "salary" {
                    section.salary =
                        salary_figures(&block.lines, block.line, language.dollar, &mut draft);
                } else {
                    note_pay_figures(block, language.dollar, &mut draft);
                }
                let heading = section_info(id).map_or(*id, |info| info.heading());
                if let Some(Target::Section(other)) =
                    headings.also_names(&block.heading, Target::Section(id))
                {
                    let other = section_info(other).map_or(other, |info| info.heading());
                    draft.review.push((
                        block.line,
                        format!(
                            "`{}` names two sections: its text went into {heading}; move what belongs to {other} there",
                            block.heading.trim_end_matches(':')
                        ),
                    ));
                }
                draft.found.push((
                    block.line,
                    format!("{heading} (`{id}`): {}", describe(&section)),
                ));
                if let Some((_, existing)) = draft.sections.iter_mut().find(|(i, _)| i == id) {
                    draft.review.push((
                        block.line,
                        format!("a second `{heading}` heading: its text was added to the first"),
                    ));
                    existing
                        .outro
                        .extend(section.intro.into_iter().chain(section.outro));
                    existing.items.extend(section.items);
                } else {
                    draft.sections.push((id, section));
                }
            }
            HeadingKind::Unknown(heading) => {
                let section = section_from(&block.lines, SectionKind::Plain);
                draft.review.push((
                    block.line,
                    format!(
                        "`{heading}` is not a section pathways knows: kept as an extra section"
                    ),
                ));
                draft.extras.push((heading.clone(), section));
            }
        }
    }
    let missing: Vec<&str> = CATALOGUE
        .iter()
        .filter(|info| !draft.sections.iter().any(|(id, _)| *id == info.id))
        .map(|info| info.heading())
        .collect();
    if !missing.is_empty() {
        draft
            .review
            .push((0, format!("not on the page: {}", missing.join(", "))));
    }
    draft
}

/// A median pay the page states outside its salary section goes into that
/// section's figures (made when the page has none), unless the section
/// reads another median: then it is for review.
pub(super) fn place_median(draft: &mut Draft, facts: &super::facts::PageFacts) {
    let Some(median) = &facts.median else { return };
    let at = match draft.sections.iter().position(|(id, _)| *id == "salary") {
        Some(at) => at,
        None => {
            draft.sections.push(("salary", DraftSection::default()));
            draft.sections.len() - 1
        }
    };
    let salary = &mut draft.sections[at].1;
    let figures = salary.salary.get_or_insert_with(|| SalaryFigures {
        currency: Some(median.currency),
        period: Some(median.period),
        ..SalaryFigures::default()
    });
    let same_terms =
        figures.currency == Some(median.currency) && figures.period == Some(median.period);
    match figures.median {
        None if same_terms => {
            figures.median = Some(median.value);
            figures.median_hourly = median.hourly;
            figures.year = figures.year.or(median.year);
        }
        Some(value) if same_terms && value == median.value => {}
        _ => draft.review.push((
            0,
            format!(
                "the page's median pay ({} {} per {}) was not put with the salary section's figures, which differ: enter it by hand",
                median.value, median.currency, median.period
            ),
        )),
    }
}

/// A sum of money outside the salary section is not read as pay, but a
/// person should see it: it may belong there.
fn note_pay_figures(block: &Block, dollar: &'static str, draft: &mut Draft) {
    for line in &block.lines {
        if salary::has_amount(&line.text, dollar) {
            draft.review.push((
                line.number,
                format!(
                    "a sum of money under `{}` was left in the text, not read as salary: move it to the salary section if it is pay",
                    block.heading.trim_end_matches(':')
                ),
            ));
        }
    }
}

fn first_line(block: &Block) -> Option<String> {
    block.lines.first().map(|l| l.text.trim().to_owned())
}

fn describe(section: &DraftSection) -> String {
    let mut parts = Vec::new();
    if !section.intro.is_empty() {
        parts.push(format!(
            "{} paragraph{}",
            section.intro.len(),
            if section.intro.len() == 1 { "" } else { "s" }
        ));
    }
    if !section.items.is_empty() {
        parts.push(format!("{} items", section.items.len()));
    }
    if !section.groups.is_empty() {
        let sizes: Vec<String> = section
            .groups
            .iter()
            .map(|g| g.items.len().to_string())
            .collect();
        parts.push(format!(
            "{} lists ({} items)",
            section.groups.len(),
            sizes.join(" + ")
        ));
    }
    if !section.myths.is_empty() {
        parts.push(format!(
            "{} misconception/reality pairs",
            section.myths.len()
        ));
    }
    if !section.outro.is_empty() {
        parts.push("a closing paragraph".to_owned());
    }
    if parts.is_empty() {
        "no text".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The opening block: the page's title and the counselling overview, whose
/// bold labels become summary headings.
fn overview(block: &Block, draft: &mut Draft) {
    let mut current: Option<(String, Vec<String>)> = None;
    let mut loose: Vec<String> = Vec::new();
    for line in &block.lines {
        let text = line.text.trim();
        if let Some(name) = language::title_in(text) {
            draft.structural_lines.push(line.number);
            draft.title.get_or_insert_with(|| name.to_owned());
            draft.found.push((line.number, format!("title: {name}")));
            continue;
        }
        if text.starts_with('#') {
            let heading = text.trim_start_matches('#').trim();
            let name = heading.rsplit_once(": ").map_or(heading, |(_, name)| name);
            // A heading naming the career is the title (or repeats it);
            // any other stays in the text.
            match &draft.title {
                None => {
                    draft.title = Some(name.to_owned());
                    draft.found.push((line.number, format!("title: {name}")));
                    draft.structural_lines.push(line.number);
                    continue;
                }
                Some(title) if title.eq_ignore_ascii_case(name) => {
                    draft.structural_lines.push(line.number);
                    continue;
                }
                Some(_) => {}
            }
        }
        if let Some(label) = bold_label(text) {
            if let Some(entry) = current.take() {
                draft.summary.push((entry.0, join_markdown(&entry.1)));
            }
            current = Some((label, Vec::new()));
            continue;
        }
        let markdown = match list_marker(text) {
            Some((at, false)) => format!("- {}", text[at..].trim()),
            Some((at, true)) => format!("1. {}", text[at..].trim()),
            None => text.to_owned(),
        };
        match &mut current {
            Some((_, lines)) => lines.push(markdown),
            None => loose.push(markdown),
        }
    }
    if let Some(entry) = current.take() {
        draft.summary.push((entry.0, join_markdown(&entry.1)));
    }
    if !loose.is_empty() {
        draft
            .summary
            .insert(0, ("Overview".to_owned(), join_markdown(&loose)));
    }
    if !draft.summary.is_empty() {
        draft.found.push((
            block.line,
            format!(
                "counselling overview: {} summary {}",
                draft.summary.len(),
                if draft.summary.len() == 1 {
                    "entry"
                } else {
                    "entries"
                }
            ),
        ));
    }
}

/// `**Label:**` alone on a line → `Label`.
fn bold_label(text: &str) -> Option<String> {
    let inner = text.strip_prefix("**")?.strip_suffix("**")?;
    if inner.contains("**") {
        return None;
    }
    Some(inner.trim().trim_end_matches(':').trim().to_owned())
}

/// Lines of Markdown joined: list lines one after another, other lines as paragraphs.
fn join_markdown(lines: &[String]) -> String {
    let mut out = String::new();
    let mut previous_was_list = false;
    for (i, line) in lines.iter().enumerate() {
        let is_list = list_marker(line).is_some();
        if i > 0 {
            out.push_str(if is_list && previous_was_list {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(line);
        previous_was_list = is_list;
    }
    out
}

/// What a section's text is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    Plain,
    /// Misconception and reality pairs.
    Misconceptions,
    /// A set of names (related careers, tools, employers, people).
    Names,
}

fn section_from(lines: &[Line], kind: SectionKind) -> DraftSection {
    let raw: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
    if kind == SectionKind::Misconceptions || raw.iter().any(|t| language::myth_part(t).is_some()) {
        return myths(&raw);
    }
    // Each table becomes one Markdown table; a line naming a set, items.
    let has_list = raw.iter().any(|t| list_marker(t).is_some());
    let mut owned: Vec<String> = Vec::with_capacity(raw.len());
    for piece in pieces(&raw) {
        match piece {
            Piece::Table(table) => owned.push(table.markdown()),
            Piece::Line(text) => match names_in(text) {
                Some(names) if kind == SectionKind::Names && !has_list => {
                    owned.extend(names.into_iter().map(|name| format!("- {name}")));
                }
                _ => owned.push(text.to_owned()),
            },
        }
    }
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    // Runs of list lines, and the plain lines before each.
    let mut runs: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    let mut lead: Vec<&str> = Vec::new();
    for text in &texts {
        if list_marker(text).is_some() {
            if lead.is_empty()
                && let Some((_, items)) = runs.last_mut()
            {
                items.push(text);
            } else {
                runs.push((std::mem::take(&mut lead), vec![text]));
            }
        } else {
            lead.push(text);
        }
    }
    let trailing = lead;
    let mut section = DraftSection::default();
    match runs.len() {
        0 => section.intro = trailing.iter().map(|t| (*t).to_owned()).collect(),
        1 => {
            let (lead, items) = &runs[0];
            section.intro = lead.iter().map(|t| (*t).to_owned()).collect();
            section.items = items.iter().map(|t| item(t)).collect();
            section.outro = trailing.iter().map(|t| (*t).to_owned()).collect();
        }
        _ => {
            for (index, (lead, items)) in runs.iter().enumerate() {
                let mut lead: Vec<String> = lead.iter().map(|t| (*t).to_owned()).collect();
                let heading = match lead.pop() {
                    Some(last) => {
                        bold_label(&last).unwrap_or_else(|| last.trim_end_matches(':').to_owned())
                    }
                    None => format!("List {}", index + 1),
                };
                section.groups.push(DraftGroup {
                    heading,
                    intro: lead,
                    items: items.iter().map(|t| item(t)).collect(),
                });
            }
            section.outro = trailing.iter().map(|t| (*t).to_owned()).collect();
        }
    }
    section
}

/// The names a line lists, when it is nothing but a list of three or more
/// short names apart by commas or semicolons ("Pharmacist, Pharmacy Aide
/// and Medical Assistant"); a sentence that leads into names ("… include:
/// A, B, and C.") stays a sentence.
fn names_in(text: &str) -> Option<Vec<String>> {
    let bare = text.trim().trim_end_matches('.');
    let separator = if bare.contains(';') { ';' } else { ',' };
    let mut names: Vec<String> = bare
        .split(separator)
        .map(|part| part.trim().to_owned())
        .collect();
    // "A, B and C": the last part holds two names.
    if let Some(last) = names.pop() {
        let joined = [
            " and ", " or ", " y ", " o ", " et ", " ou ", " und ", " oder ",
        ]
        .iter()
        .find_map(|join| last.split_once(join));
        match joined {
            Some((one, other)) if !one.trim().is_empty() => {
                names.push(one.trim().to_owned());
                names.push(other.trim().to_owned());
            }
            _ => names.push(last),
        }
    }
    for name in &mut names {
        for join in ["and ", "or ", "y ", "o ", "et ", "ou ", "und ", "oder "] {
            if let Some(rest) = name.strip_prefix(join) {
                *name = rest.trim().to_owned();
            }
        }
    }
    let short = |name: &String| {
        let words = name.split_whitespace().count();
        (1..=6).contains(&words) && !name.contains([':', '.', '!', '?'])
    };
    (names.len() >= 3 && names.iter().all(short)).then_some(names)
}

/// One list line → an item, with a title when the line starts with one
/// (`**Title**: text`, `**Title:** text`, or a short `Title: text`).
fn item(text: &str) -> DraftItem {
    let at = list_marker(text).map_or(0, |(at, _)| at);
    let rest = text[at..].trim();
    if let Some(after) = rest.strip_prefix("**")
        && let Some((title, text)) = after.split_once("**")
    {
        let text = text.trim_start_matches(':').trim();
        if !text.is_empty() {
            return DraftItem {
                title: Some(title.trim().trim_end_matches(':').trim().to_owned()),
                text: text.to_owned(),
            };
        }
    }
    if let Some((title, text)) = rest.split_once(": ")
        && title.chars().count() <= 60
        && !title.contains(['.', '(', ')'])
        && !text.trim().is_empty()
    {
        return DraftItem {
            title: Some(title.trim().to_owned()),
            text: text.trim().to_owned(),
        };
    }
    DraftItem {
        title: None,
        text: rest.to_owned(),
    }
}

fn myths(texts: &[&str]) -> DraftSection {
    let mut section = DraftSection::default();
    let mut pending: Option<String> = None;
    for text in texts {
        if let Some(myth) = language::myth_part(text) {
            if let Some(previous) = pending.replace(myth.to_owned()) {
                section.myths.push((previous, String::new()));
            }
        } else if let Some(reality) = language::reality_part(text) {
            let myth = pending.take().unwrap_or_default();
            section.myths.push((myth, reality.to_owned()));
        } else if let Some(myth) = pending.as_mut() {
            // A line after a misconception, before its reality, goes on with it.
            myth.push_str("\n\n");
            myth.push_str(text);
        } else if let Some((_, reality)) = section.myths.last_mut() {
            // A line after a reality belongs to it, unless it closes the
            // section ("Overall, ...") or comes after the closing.
            if language::is_closing(text) || !section.outro.is_empty() {
                section.outro.push((*text).to_owned());
            } else {
                reality.push_str("\n\n");
                reality.push_str(text);
            }
        } else {
            section.intro.push((*text).to_owned());
        }
    }
    if let Some(myth) = pending {
        section.myths.push((myth, String::new()));
    }
    section
}

/// Salary figures the wording states unambiguously: an average, and ranges
/// whose career stage the sentence names.
fn salary_figures(
    lines: &[Line],
    heading_line: usize,
    dollar: &'static str,
    draft: &mut Draft,
) -> Option<SalaryFigures> {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let mut passages: Vec<Passage> = Vec::new();
    for piece in pieces(&texts) {
        match (piece, passages.last_mut()) {
            (Piece::Line(text), Some(Passage::Prose(prose))) => {
                prose.push(' ');
                prose.push_str(text);
            }
            (Piece::Line(text), _) => passages.push(Passage::Prose(text.to_owned())),
            (Piece::Table(table), _) => passages.push(table_passage(&table)),
        }
    }
    let mut review = Vec::new();
    let figures = salary::read(&passages, dollar, &mut review);
    draft
        .review
        .extend(review.into_iter().map(|note| (heading_line, note)));
    if let Some(figures) = &figures {
        let ranges: Vec<String> = figures
            .ranges
            .iter()
            .map(|(stage, min, max)| format!("{stage} {min}–{max}"))
            .collect();
        let currency = figures.currency.unwrap_or("USD");
        draft.found.push((
            heading_line,
            format!(
                "salary figures ({currency} per {}): {}ranges {}",
                figures.period.unwrap_or("year"),
                [("median", figures.median), ("average", figures.average)]
                    .iter()
                    .filter_map(|(name, figure)| figure.map(|f| format!("{name} {f}, ")))
                    .collect::<String>(),
                if ranges.is_empty() {
                    "none".to_owned()
                } else {
                    ranges.join(", ")
                }
            ),
        ));
        draft.review.push((
            heading_line,
            format!("the salary currency was read from the page as {currency}: check it"),
        ));
    }
    figures
}

/// A pay table as the salary reader takes it: each row its label, a colon
/// and its figures (`Entry: $17 – $20`; two cells of one figure each are a
/// range), the rows before the first with figures as the header.
fn table_passage(table: &Table) -> Passage {
    let has_figure = |cell: &String| cell.chars().any(|c| c.is_ascii_digit());
    let first_with_figures = table
        .rows
        .iter()
        .position(|row| row[1..].iter().any(has_figure))
        .unwrap_or(table.rows.len());
    let header = table.rows[..first_with_figures]
        .iter()
        .map(|row| row.join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let rows = table.rows[first_with_figures..]
        .iter()
        .map(|row| {
            let (figures, words): (Vec<&String>, Vec<&String>) =
                row[1..].iter().partition(|c| has_figure(c));
            let words: Vec<&str> = words.iter().map(|c| c.as_str()).collect();
            match figures.as_slice() {
                [low, high] => format!("{}: {low} – {high} {}", row[0], words.join(" ")),
                _ => format!("{}: {}", row[0], row[1..].join(" ")),
            }
        })
        .collect();
    Passage::Table { header, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_with_and_without_titles() {
        let titled = item("1. **Entry-level position**: Typically, individuals start.");
        assert_eq!(titled.title.as_deref(), Some("Entry-level position"));
        assert_eq!(titled.text, "Typically, individuals start.");
        let titled = item("2. **Repetitive Tasks:** Library technicians may find.");
        assert_eq!(titled.title.as_deref(), Some("Repetitive Tasks"));
        let titled = item("3. Assist patrons: Library technicians help patrons.");
        assert_eq!(titled.title.as_deref(), Some("Assist patrons"));
        let plain = item("4. Library Management Software (e.g., Koha, Evergreen)");
        assert_eq!(plain.title, None);
        let plain = item("– Dealing with budget cuts in public libraries.");
        assert_eq!(plain.text, "Dealing with budget cuts in public libraries.");
    }
}
