//! The import checks itself: every content line of the page must be in the
//! profile it wrote, so nothing is ever dropped without a word.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Parser};

use super::page::Block;

/// Page lines whose words are not in `profile_yaml`: (page line, text).
/// Lines are compared as words, list markers, `**` and a colon ending a
/// word aside. Within a block, lines are looked for after the previous
/// one; a line found only elsewhere in the profile still counts as kept.
/// `structural` lines (the one that gave the title) are not content.
pub(super) fn missing_lines(
    blocks: &[Block],
    structural: &[usize],
    profile_yaml: &str,
) -> Vec<(usize, String)> {
    let values = scalar_values(profile_yaml);
    let words: Vec<String> = values.iter().flat_map(|v| words_of(v)).collect();
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, word) in words.iter().enumerate() {
        at.entry(word.as_str()).or_default().push(index);
    }
    let mut missing = Vec::new();
    for block in blocks {
        let mut from = 0;
        for line in &block.lines {
            if structural.contains(&line.number) {
                continue;
            }
            let wanted = words_of(without_pair_label(&line.text));
            if wanted.is_empty() {
                continue;
            }
            match find_run(&words, &at, &wanted, from).or_else(|| find_run(&words, &at, &wanted, 0))
            {
                Some(end) => from = end,
                None => missing.push((line.number, line.text.trim().to_owned())),
            }
        }
    }
    missing
}

/// A misconception line without its label (`Misconception:`, `Mito:`,
/// `Reality:`, …), which the profile holds as the pair's structure (`myth`,
/// `reality`).
fn without_pair_label(text: &str) -> &str {
    super::language::myth_part(text)
        .or_else(|| super::language::reality_part(text))
        .unwrap_or(text)
}

/// Where `wanted` stands as consecutive words at or after `from`; the index just past it.
fn find_run(
    words: &[String],
    at: &HashMap<&str, Vec<usize>>,
    wanted: &[String],
    from: usize,
) -> Option<usize> {
    let starts = at.get(wanted[0].as_str())?;
    let first = starts.partition_point(|&i| i < from);
    starts[first..]
        .iter()
        .find(|&&i| {
            words
                .get(i..i + wanted.len())
                .is_some_and(|run| run == wanted)
        })
        .map(|&i| i + wanted.len())
}

/// The values (not the keys) of a YAML document, in document order.
fn scalar_values(yaml: &str) -> Vec<String> {
    // For each open mapping: whether the next scalar in it is a key.
    let mut stack: Vec<Option<bool>> = Vec::new();
    let mut values = Vec::new();
    for event in Parser::new_from_str(yaml) {
        let Ok((event, _)) = event else { break };
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if let Some(Some(expecting_key)) = stack.last_mut() {
                    *expecting_key = true;
                }
                stack.push(matches!(event, Event::MappingStart(..)).then_some(true));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Scalar(value, ..) => match stack.last_mut() {
                Some(Some(expecting_key)) if *expecting_key => *expecting_key = false,
                Some(Some(expecting_key)) => {
                    *expecting_key = true;
                    values.push(value.into_owned());
                }
                _ => values.push(value.into_owned()),
            },
            _ => {}
        }
    }
    values
}

/// Words that join the last entry of a list written on one line ("A, B and
/// C"), which import leaves out when it makes the list's items.
const LIST_JOINS: [&str; 9] = ["and", "or", "y", "o", "e", "et", "ou", "und", "oder"];

/// A text as words: each line without its list marker, `**` removed,
/// quotes made plain, punctuation around a word (a colon, a comma, a table's
/// `|`) dropped, and the words that join a list's last entry left out.
fn words_of(text: &str) -> Vec<String> {
    use std::borrow::Cow;
    let mut words = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let line: Cow<str> = if line.contains("**") {
            Cow::Owned(line.replace("**", ""))
        } else {
            Cow::Borrowed(line)
        };
        let line = match super::markers::list_marker(&line) {
            Some((at, _)) => &line[at..],
            None => &line[..],
        };
        // Split on any white space, the no-break space included.
        for word in line.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty()
                || (word.len() <= 4 && LIST_JOINS.iter().any(|j| j.eq_ignore_ascii_case(word)))
            {
                continue;
            }
            words.push(if word.contains(['’', '‘', '“', '”']) {
                word.replace(['’', '‘'], "'").replace(['“', '”'], "\"")
            } else {
                word.to_owned()
            });
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::page::{HeadingKind, Line};

    fn block(lines: &[(usize, &str)]) -> Block {
        Block {
            kind: HeadingKind::Overview,
            heading: String::new(),
            line: 1,
            lines: lines
                .iter()
                .map(|(number, text)| Line {
                    number: *number,
                    text: (*text).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_line_missing_from_the_profile_is_found() {
        let page = [block(&[
            (3, "First line here."),
            (4, "1. **Step:** do a thing"),
            (5, "Lost sentence."),
        ])];
        let profile = "id: x\nsections:\n  overview:\n    intro: First line here.\n    items:\n      - title: Step\n        text: do a thing\n";
        assert_eq!(
            missing_lines(&page, &[], profile),
            [(5, "Lost sentence.".to_owned())]
        );
        let whole = format!("{profile}    outro: Lost sentence.\n");
        assert!(missing_lines(&page, &[], &whole).is_empty());
        // Keys are not text: a line that only matches a key is missing.
        let keys = [block(&[(1, "intro")])];
        assert_eq!(missing_lines(&keys, &[], profile).len(), 1);
        assert!(missing_lines(&keys, &[1], profile).is_empty());
        // A key after a list, or after a nested mapping, is still a key.
        let nested = "sections:\n  overview:\n    items:\n      - a\n    outro: b\n  skills:\n    intro: c\n";
        for key in ["outro", "skills"] {
            assert_eq!(
                missing_lines(&[block(&[(1, key)])], &[], nested).len(),
                1,
                "{key}"
            );
        }
    }
}
