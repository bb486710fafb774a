//! From page blocks to a draft profile: summary, sections, lists, groups,
//! misconception pairs and salary figures.

use super::page::{Block, HeadingKind, Line, list_marker};
use crate::profile::{CATALOGUE, section_info};

#[derive(Debug, Default)]
pub struct Draft {
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
}

#[derive(Debug, Default, Clone)]
pub struct DraftSection {
    pub intro: Vec<String>,
    pub items: Vec<DraftItem>,
    pub groups: Vec<DraftGroup>,
    pub outro: Vec<String>,
    pub myths: Vec<(String, String)>,
    pub salary: Option<SalaryFigures>,
}

#[derive(Debug, Clone)]
pub struct DraftItem {
    pub title: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct DraftGroup {
    pub heading: String,
    pub intro: Vec<String>,
    pub items: Vec<DraftItem>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SalaryFigures {
    pub currency: Option<&'static str>,
    pub average: Option<f64>,
    /// (stage, min, max)
    pub ranges: Vec<(&'static str, f64, f64)>,
}

pub fn draft(blocks: &[Block]) -> Draft {
    let mut draft = Draft::default();
    for block in blocks {
        match &block.kind {
            HeadingKind::Overview => overview(block, &mut draft),
            HeadingKind::PageName => {
                // Lines under the page name (the title line, usually) are read as the overview's.
                overview(block, &mut draft);
            }
            HeadingKind::Category => {
                draft.category = first_line(block);
                draft.found.push((block.line, "career category".to_owned()));
            }
            HeadingKind::CareerType => {
                draft.career_type = first_line(block);
                draft.found.push((block.line, "career type".to_owned()));
            }
            HeadingKind::Section(id) => {
                let mut section = section_from(&block.lines, *id == "misconceptions");
                if *id == "salary" {
                    section.salary = salary_figures(&block.lines, block.line, &mut draft);
                }
                let heading = section_info(id).map_or(*id, |info| info.heading);
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
                let section = section_from(&block.lines, false);
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
        .map(|info| info.heading)
        .collect();
    if !missing.is_empty() {
        draft
            .review
            .push((0, format!("not on the page: {}", missing.join(", "))));
    }
    draft
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
        if let Some(name) = text.strip_prefix("Career List ") {
            draft.title.get_or_insert_with(|| name.trim().to_owned());
            draft
                .found
                .push((line.number, format!("title: {}", name.trim())));
            continue;
        }
        if text.starts_with('#') {
            let heading = text.trim_start_matches('#').trim();
            let name = heading.rsplit_once(": ").map_or(heading, |(_, name)| name);
            if draft.title.is_none() {
                draft.title = Some(name.to_owned());
                draft.found.push((line.number, format!("title: {name}")));
            }
            continue;
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
                "counselling overview: {} summary entries",
                draft.summary.len()
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

fn section_from(lines: &[Line], misconceptions: bool) -> DraftSection {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
    if misconceptions
        || texts
            .iter()
            .any(|t| misconception_part(t, "Misconception").is_some())
    {
        return myths(&texts);
    }
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

/// `**Misconception:** text` → `text`.
fn misconception_part<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let at = list_marker(text).map_or(0, |(at, _)| at);
    let rest = text[at..].trim();
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    let rest = rest.strip_prefix(label)?;
    let rest = rest
        .trim_start_matches(':')
        .trim_start_matches("**")
        .trim_start_matches(':');
    Some(rest.trim())
}

fn myths(texts: &[&str]) -> DraftSection {
    let mut section = DraftSection::default();
    let mut pending: Option<String> = None;
    for text in texts {
        if let Some(myth) = misconception_part(text, "Misconception") {
            if let Some(previous) = pending.replace(myth.to_owned()) {
                section.myths.push((previous, String::new()));
            }
        } else if let Some(reality) = misconception_part(text, "Reality") {
            let myth = pending.take().unwrap_or_default();
            section.myths.push((myth, reality.to_owned()));
        } else if section.myths.is_empty() && pending.is_none() {
            section.intro.push((*text).to_owned());
        } else if let Some((_, reality)) = section.myths.last_mut().filter(|_| pending.is_none()) {
            // A line after a reality belongs to it, unless it closes the section.
            if text.starts_with("Overall") {
                section.outro.push((*text).to_owned());
            } else {
                reality.push_str("\n\n");
                reality.push_str(text);
            }
        } else {
            section.outro.push((*text).to_owned());
        }
    }
    if let Some(myth) = pending {
        section.myths.push((myth, String::new()));
    }
    section
}

/// Salary figures the wording states unambiguously: an average, and ranges
/// whose career stage the sentence names.
fn salary_figures(lines: &[Line], heading_line: usize, draft: &mut Draft) -> Option<SalaryFigures> {
    let mut figures = SalaryFigures::default();
    let text: String = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !text.contains('$') {
        return None;
    }
    figures.currency = Some("USD");
    for sentence in text.split_inclusive(['.', ';']) {
        let amounts = money_amounts(sentence);
        let lower = sentence.to_lowercase();
        if lower.contains("average") && amounts.len() == 1 && figures.average.is_none() {
            figures.average = Some(amounts[0]);
            continue;
        }
        if amounts.len() == 2 && amounts[0] <= amounts[1] {
            let stage = if lower.contains("entry")
                || lower.contains("short term")
                || lower.contains("starting")
            {
                Some("entry")
            } else if lower.contains("medium term")
                || lower.contains("mid-career")
                || lower.contains("mid career")
            {
                Some("mid")
            } else if lower.contains("long term") || lower.contains("senior") {
                Some("senior")
            } else {
                None
            };
            match stage {
                Some(stage) if !figures.ranges.iter().any(|(s, ..)| *s == stage) => {
                    figures.ranges.push((stage, amounts[0], amounts[1]));
                }
                _ => draft.review.push((
                    heading_line,
                    format!(
                        "salary figures {} to {} not assigned to a career stage",
                        amounts[0], amounts[1]
                    ),
                )),
            }
        }
    }
    let order = |stage: &str| ["entry", "mid", "senior"].iter().position(|s| *s == stage);
    figures.ranges.sort_by_key(|(stage, ..)| order(stage));
    draft.found.push((
        heading_line,
        format!(
            "salary figures (USD, from `$`): average {}, ranges {}",
            figures.average.map_or("none".to_owned(), |a| a.to_string()),
            if figures.ranges.is_empty() {
                "none".to_owned()
            } else {
                figures
                    .ranges
                    .iter()
                    .map(|(stage, min, max)| format!("{stage} {min}–{max}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ),
    ));
    draft.review.push((
        heading_line,
        "the salary currency was read from `$` as US dollars: check it".to_owned(),
    ));
    Some(figures)
}

/// `$36,000` → 36000.0, every amount in `text`, in order.
fn money_amounts(text: &str) -> Vec<f64> {
    let mut amounts = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let digits: String = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        let digits = digits.trim_end_matches(['.', ',']);
        if let Ok(amount) = digits.replace(',', "").parse::<f64>() {
            amounts.push(amount);
        }
        rest = &rest[at + 1..];
    }
    amounts
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

    #[test]
    fn money() {
        assert_eq!(
            money_amounts("between $25,000 to $30,000 per year."),
            vec![25000.0, 30000.0]
        );
        assert_eq!(money_amounts("around $36,000."), vec![36000.0]);
    }
}
