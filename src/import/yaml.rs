//! Writing a draft profile as YAML a person can read and edit.

use std::fmt::Write as _;

use super::draft::{Draft, DraftItem, DraftSection};
use super::facts::PageFacts;
use crate::profile::CATALOGUE;
use crate::scaffold::schema_header;

/// What names the profile: its id, title and locale.
#[derive(Debug, Clone, Copy)]
pub(super) struct Identity<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub locale: &'a str,
}

pub(super) fn write(
    draft: &Draft,
    facts: &PageFacts,
    identity: Identity<'_>,
    source: &str,
    schema: Option<&str>,
) -> String {
    let Identity { id, title, locale } = identity;
    let mut out = schema_header(schema);
    let _ = writeln!(
        out,
        "# Imported by `pathways import` from {source}; review it, then run `pathways check`."
    );
    let _ = writeln!(out, "id: {}", scalar(id, 2));
    let _ = writeln!(out, "title: {}", scalar(title, 2));
    if let Some(category) = &draft.category {
        let _ = writeln!(out, "category: {}", scalar(category, 2));
    }
    if let Some(career_type) = &draft.career_type {
        let _ = writeln!(out, "career_type: {}", scalar(career_type, 2));
    }
    let _ = writeln!(out, "locale: {}", scalar(locale, 2));
    write_codes_and_facts(&mut out, facts);
    if !draft.summary.is_empty() {
        out.push_str("\nsummary:\n");
        for (heading, text) in &draft.summary {
            let _ = writeln!(out, "  - heading: {}", scalar(heading, 6));
            let _ = writeln!(out, "    text: {}", scalar(text, 6));
        }
    }
    out.push_str("\nsections:\n");
    let mut sections: Vec<&(&str, DraftSection)> = draft.sections.iter().collect();
    sections.sort_by_key(|(id, _)| CATALOGUE.iter().position(|info| info.id == *id));
    if sections.is_empty() {
        out.push_str("  {}\n");
    }
    for (id, section) in sections {
        let _ = writeln!(out, "  {id}:");
        write_section(&mut out, section, 4);
    }
    if !draft.extras.is_empty() {
        out.push_str("\nextra_sections:\n");
        for (heading, section) in &draft.extras {
            let _ = writeln!(
                out,
                "  - id: {}",
                scalar(&crate::validate::slug_from(heading), 6)
            );
            let _ = writeln!(out, "    heading: {}", scalar(heading, 6));
            write_section(&mut out, section, 4);
        }
    }
    out
}

/// The page's occupation codes and quick facts (the median goes with the
/// salary figures). Written without a source: `check` asks for one.
fn write_codes_and_facts(out: &mut String, facts: &PageFacts) {
    if facts.soc.is_some() || !facts.onet.is_empty() {
        out.push_str("codes:\n");
        if let Some(soc) = &facts.soc {
            let _ = writeln!(out, "  soc: {}", scalar(soc, 4));
        }
        if !facts.onet.is_empty() {
            out.push_str("  onet:\n");
            for code in &facts.onet {
                let _ = writeln!(out, "    - {}", scalar(code, 6));
            }
        }
    }
    let mut lines = String::new();
    if let Some((level, text)) = &facts.entry_education {
        lines.push_str("  entry_education:\n");
        if let Some(level) = level {
            let _ = writeln!(lines, "    level: {level}");
        }
        if let Some(text) = text {
            let _ = writeln!(lines, "    text: {}", scalar(text, 6));
        }
    }
    for (name, text) in [
        ("work_experience", &facts.work_experience),
        ("training", &facts.training),
    ] {
        if let Some(text) = text {
            let _ = writeln!(lines, "  {name}:\n    text: {}", scalar(text, 6));
        }
    }
    if let Some((count, year)) = facts.jobs {
        let _ = writeln!(lines, "  jobs:\n    count: {count}");
        if let Some(year) = year {
            let _ = writeln!(lines, "    year: {year}");
        }
    }
    if let Some(outlook) = &facts.outlook {
        lines.push_str("  outlook:\n");
        if let Some(percent) = outlook.percent {
            let _ = writeln!(lines, "    percent: {percent}");
        }
        if let Some(period) = &outlook.period {
            let _ = writeln!(lines, "    period: {}", scalar(period, 6));
        }
        if let Some(words) = &outlook.words {
            let _ = writeln!(lines, "    words: {}", scalar(words, 6));
        }
    }
    if let Some(count) = facts.openings_per_year {
        let _ = writeln!(lines, "  openings_per_year:\n    count: {count}");
    }
    if !lines.is_empty() {
        out.push_str("facts:\n");
        out.push_str(&lines);
    }
}

fn write_section(out: &mut String, section: &DraftSection, indent: usize) {
    let pad = " ".repeat(indent);
    if let Some(salary) = &section.salary {
        let fields = [
            ("currency", salary.currency.map(str::to_owned)),
            ("period", salary.period.map(str::to_owned)),
            ("average", salary.average.map(|v| v.to_string())),
            ("median", salary.median.map(|v| v.to_string())),
            ("median_hourly", salary.median_hourly.map(|v| v.to_string())),
            ("year", salary.year.map(|v| v.to_string())),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                let _ = writeln!(out, "{pad}{key}: {value}");
            }
        }
        if !salary.ranges.is_empty() {
            let _ = writeln!(out, "{pad}ranges:");
            for (stage, min, max) in &salary.ranges {
                let _ = writeln!(out, "{pad}  - {{ stage: {stage}, min: {min}, max: {max} }}");
            }
        }
    }
    let empty = section.intro.is_empty()
        && section.items.is_empty()
        && section.groups.is_empty()
        && section.outro.is_empty()
        && section.myths.is_empty()
        && section.salary.is_none();
    if empty {
        let _ = writeln!(out, "{pad}intro: \"\"");
        return;
    }
    if !section.intro.is_empty() {
        let _ = writeln!(
            out,
            "{pad}intro: {}",
            scalar(&section.intro.join("\n\n"), indent + 2)
        );
    }
    write_items(out, &section.items, indent);
    if !section.myths.is_empty() {
        let _ = writeln!(out, "{pad}items:");
        for (myth, reality) in &section.myths {
            let _ = writeln!(out, "{pad}  - myth: {}", scalar(myth, indent + 6));
            let _ = writeln!(out, "{pad}    reality: {}", scalar(reality, indent + 6));
        }
    }
    if !section.groups.is_empty() {
        let _ = writeln!(out, "{pad}groups:");
        for group in &section.groups {
            let _ = writeln!(
                out,
                "{pad}  - heading: {}",
                scalar(&group.heading, indent + 6)
            );
            if !group.intro.is_empty() {
                let _ = writeln!(
                    out,
                    "{pad}    intro: {}",
                    scalar(&group.intro.join("\n\n"), indent + 6)
                );
            }
            write_items(out, &group.items, indent + 4);
        }
    }
    if !section.outro.is_empty() {
        let _ = writeln!(
            out,
            "{pad}outro: {}",
            scalar(&section.outro.join("\n\n"), indent + 2)
        );
    }
}

fn write_items(out: &mut String, items: &[DraftItem], indent: usize) {
    if items.is_empty() {
        return;
    }
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}items:");
    for item in items {
        match &item.title {
            Some(title) => {
                let _ = writeln!(out, "{pad}  - title: {}", scalar(title, indent + 6));
                let _ = writeln!(out, "{pad}    text: {}", scalar(&item.text, indent + 6));
            }
            None => {
                let _ = writeln!(out, "{pad}  - {}", scalar(&item.text, indent + 4));
            }
        }
    }
}

/// A YAML scalar for `text`: plain when that reads back unchanged, quoted
/// when short, else a literal block indented by `indent`.
pub(crate) fn scalar(text: &str, indent: usize) -> String {
    if is_plain_safe(text) {
        return text.to_owned();
    }
    // Characters a block scalar cannot hold (found by fuzzing) go into a
    // double-quoted scalar, escaped.
    let needs_escapes = text
        .chars()
        .any(|c| (c.is_control() && c != '\n') || !yaml_printable(c));
    if needs_escapes || (!text.contains('\n') && text.chars().count() <= 70) {
        return double_quoted(text);
    }
    let pad = " ".repeat(indent);
    let mut out = String::from("|-");
    for line in text.lines() {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out
}

/// A YAML scalar for `text` inside `[...]` or `{...}`: plain when that
/// reads back unchanged, else double-quoted.
pub(crate) fn flow_scalar(text: &str) -> String {
    if is_plain_safe(text) && !text.contains([',', '[', ']', '{', '}']) {
        text.to_owned()
    } else {
        double_quoted(text)
    }
}

/// YAML's printable characters, less the ones it reads as line breaks or a BOM.
fn yaml_printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// `"..."` with `\\`, `"` and every character outside printable ASCII-safe text escaped.
fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            // Noncharacters YAML refuses even escaped.
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // All of these are in the Basic Multilingual Plane: four digits do.
            c if c.is_control() || !yaml_printable(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_plain_safe(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    !text.is_empty()
        && text.chars().count() <= 70
        && text.chars().next().is_some_and(char::is_alphabetic)
        && !text.ends_with(' ')
        && !text.ends_with(':')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.chars().any(|c| c.is_control() || !yaml_printable(c))
        && !["yes", "no", "true", "false", "null", "on", "off", "y", "n"].contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: control characters in a page made unreadable YAML.
    #[test]
    fn every_scalar_reads_back_as_written() {
        let samples = [
            "plain text",
            "a: colon",
            "- dash",
            "line one\nline two",
            "line one \u{1}\nline two",
            "bell \u{1} inside",
            "tab\tinside",
            "next line \u{85} and separator \u{2028}",
            "\u{feff}bom",
            "delete \u{7f} and c1 \u{9b}",
            "quote \" and backslash \\ in a long enough line to go into a block scalar otherwise yes",
            "ends with colon:",
            "# hash",
            "yes",
            "  leading spaces",
        ];
        for sample in samples {
            let yaml = format!("value: {}\n", scalar(sample, 2));
            let read: std::collections::BTreeMap<String, String> = serde_saphyr::from_str(&yaml)
                .unwrap_or_else(|e| panic!("{sample:?} as {yaml:?}: {e}"));
            assert_eq!(read["value"], sample, "{yaml:?}");
        }
        // What a person reads in the profile: text as written, escapes
        // only for what YAML cannot hold.
        assert_eq!(
            scalar("Café – “quoted”: yes", 2),
            "\"Café – “quoted”: yes\""
        );
        assert_eq!(
            scalar("bell \u{7} and c1 \u{85}", 2),
            "\"bell \\u0007 and c1 \\u0085\""
        );
        // What YAML 1.1 readers take for line breaks, and a byte-order
        // mark, are escaped too; so is a control in a text of several lines,
        // which a block scalar cannot hold.
        assert_eq!(
            scalar("a \u{2028} b \u{feff} c", 2),
            "\"a \\u2028 b \\uFEFF c\""
        );
        assert_eq!(scalar("one \u{1}\ntwo", 2), "\"one \\u0001\\ntwo\"");
        assert_eq!(scalar("a \u{2028}\nb", 2), "\"a \\u2028\\nb\"");
        for nonchar in ["\u{fffe}", "\u{ffff}"] {
            let yaml = format!("value: {}\n", scalar(&format!("x {nonchar} y"), 2));
            let read: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).unwrap();
            assert_eq!(read["value"], "x \u{fffd} y");
        }
    }
}
