//! YAML parser settings, and turning the parser's errors into findings a counsellor can act on.

use crate::rules::Rule;

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error as YamlError, Options};

use super::Locations;
use crate::finding::{Finding, Position};

/// Parser limits: far above any real profile, far below what hurts.
/// An alias bomb or a deeply nested file is refused in milliseconds.
pub(super) fn options() -> Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: MAX_NODES,
            max_events: 2 * MAX_NODES,
            max_documents: 1,
            max_total_scalar_bytes: 8 * 1024 * 1024,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 50_000,
            max_replay_stack_depth: 16,
        },
        with_snippet: false,
    }
}

/// Fields every profile must have at its top level.
const TOP_LEVEL_REQUIRED: [&str; 3] = ["id", "title", "sections"];

/// Values (list entries, keys, texts) a file may hold: a full profile has a
/// few thousand, the longest allowed lists (1,000 entries in each of the 25
/// sections) about 100,000. Memory grows with this, about 500 bytes a value.
pub(super) const MAX_NODES: usize = 200_000;

pub(super) const TOO_MANY_VALUES: &str = "this file holds more than 200,000 values (list entries, keys, texts), far more than a career profile has";
pub(super) const TOO_MANY_VALUES_HINT: &str = "check that this is the right file; a section lists at most 1,000 entries, \
     so a career this long belongs in several profiles";
pub(super) const TOO_COMPLEX: &str = "this file is nested too deeply or repeats itself too often (`*alias` copies) to be a career profile";
pub(super) const TOO_COMPLEX_HINT: &str = "write the profile out plainly: no `&anchor`/`*alias` repetition, \
     and no more than a few levels of indentation";

/// A finding for a document the parser refused, located and explained.
pub(super) fn to_finding(error: &YamlError, locations: &Locations, text: &str) -> Finding {
    let error = error.without_snippet();
    let position = error
        // An unknown place has no location (lines count from 1).
        .location()
        .map(|l| {
            Position::new(
                l.line() as usize,
                l.column() as usize,
                (l.span().len() as usize).max(1),
            )
        })
        .unwrap_or(Position::new(1, 1, 1));
    // serde reports a missing field where the enclosing block ends, which
    // says nothing reliable about the field's own path.
    let path = if matches!(error, YamlError::SerdeMissingField { .. }) {
        String::new()
    } else {
        locations
            .path_at(position.line, position.column)
            .unwrap_or("")
            .to_owned()
    };
    let finding = describe(error, &path, text, position);
    // A missing top-level field is reported at the last top-level key read;
    // the top of the file is where a person would add it.
    if let YamlError::SerdeMissingField { field, .. } = error
        && locations
            .path_at(position.line, position.column)
            .is_some_and(|p| !p.contains(['.', '[']))
        && TOP_LEVEL_REQUIRED.contains(field)
    {
        let first_line = text
            .lines()
            .position(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let line = first_line.map_or(1, |i| i + 1);
        let mut finding = finding.at(Position::new(line, 1, 1)).path(*field);
        finding.hint = if *field == "sections" {
            "add `sections:` after the fields at the top, with the sections under it \
             (`pathways new` writes every one to fill in)"
                .to_owned()
        } else {
            format!("add a line `{field}: ...` near the top of the profile, before `sections:`")
        };
        return finding;
    }
    finding.at(position).path(path)
}

fn describe(error: &YamlError, path: &str, text: &str, position: Position) -> Finding {
    match error {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => unknown_key(field, expected, path),
        // serde notices a missing field where its mapping ends, so the
        // position is approximate and the path is not claimed.
        YamlError::SerdeMissingField { field, .. } => Finding::new(
            Rule::MissingField,
            format!("the required field `{field}` is missing"),
            format!("add a line `{field}: ...` to the block that should hold it"),
        ),
        YamlError::Unexpected { expected, .. } => Finding::new(
            Rule::WrongType,
            format!(
                "{} should be {}, but it is something else",
                field_name(path),
                plain_kind(expected)
            ),
            type_hint(expected),
        ),
        YamlError::InvalidScalar { ty, .. } => Finding::new(
            Rule::WrongType,
            format!(
                "{} should be {}, but this value is not",
                field_name(path),
                plain_kind(ty)
            ),
            type_hint(ty),
        ),
        YamlError::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        }
        | YamlError::MultipleDocuments { .. } => Finding::new(
            Rule::MultipleDocuments,
            "this file holds more than one YAML document (a `---` line starts a second one)",
            "keep one career per file: move the part after `---` into its own file",
        ),
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | YamlError::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Finding::new(
            Rule::WrongType,
            format!(
                "{} should be {}, but it is {}",
                field_name(path),
                plain_kind(expected),
                plain_kind(unexpected)
            ),
            type_hint(expected),
        ),
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let allowed = quoted_list(expected);
            let hint = match did_you_mean(variant, expected) {
                Some(best) => format!("did you mean `{best}`? Allowed values: {allowed}"),
                None => format!("use one of: {allowed}"),
            };
            Finding::new(
                Rule::UnknownValue,
                format!(
                    "`{variant}` is not an allowed value for {}",
                    field_name(path)
                ),
                hint,
            )
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("this key");
            Finding::new(
                Rule::DuplicateKey,
                format!("`{key}` appears twice in the same place"),
                "keep one of the two and merge their text; YAML allows each key only once",
            )
        }
        YamlError::Budget {
            breach:
                BudgetBreach::Nodes { .. }
                | BudgetBreach::Events { .. }
                | BudgetBreach::ScalarBytes { .. },
            ..
        } => Finding::new(Rule::YamlTooLarge, TOO_MANY_VALUES, TOO_MANY_VALUES_HINT),
        YamlError::Budget { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. }
        | YamlError::AliasReplayCounterOverflow { .. } => {
            Finding::new(Rule::YamlTooComplex, TOO_COMPLEX, TOO_COMPLEX_HINT)
        }
        YamlError::NullIntoString { .. } => Finding::new(
            Rule::WrongType,
            format!("{} is empty", field_name(path)),
            "write its text after the colon, on the same line",
        ),
        _ => syntax_error(error, text, position),
    }
}

fn syntax_error(error: &YamlError, text: &str, position: Position) -> Finding {
    let line = text
        .lines()
        .nth(position.line.saturating_sub(1))
        .unwrap_or("");
    let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
    let reason = error.to_string();
    let reason = reason
        .split(" at line ")
        .next()
        .unwrap_or(&reason)
        .trim_end_matches('.');
    let hint = if indent.contains('\t') {
        "YAML does not allow tabs for indentation: replace the tab at the start of this line with spaces"
    } else if reason.contains("quote") {
        "close the quote: a text that starts with \" needs a \" at its end (on the same line, or where the text ends)"
    } else if reason.contains("bracket") {
        "close the bracket: a list that starts with [ needs a ] at its end, and { needs }"
    } else if matches!(line.trim_end().chars().last(), Some(':')) || line.contains(": ") {
        "check the indentation of this line against the lines above it, and put text that contains `: ` or starts with a quote inside quotes"
    } else {
        "check the indentation of this line and the one before it, and that quotes and brackets are closed"
    };
    Finding::new(
        Rule::YamlSyntax,
        format!("the YAML cannot be read here: {reason}"),
        hint,
    )
}

fn unknown_key(field: &str, expected: &[&str], path: &str) -> Finding {
    let place = match path.rsplit_once('.') {
        Some((parent, _)) => format!(" under `{parent}`"),
        None => String::new(),
    };
    let hint = match did_you_mean(field, expected) {
        Some(best) => format!(
            "did you mean `{best}`? A misspelt key would drop its content, so pathways stops here"
        ),
        None => format!("the keys allowed here are: {}", quoted_list(expected)),
    };
    Finding::new(
        Rule::UnknownKey,
        format!("`{field}` is not a key pathways knows{place}"),
        hint,
    )
}

/// The closest allowed name, if one is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(given: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let given = given.to_lowercase();
    allowed
        .iter()
        .map(|candidate| (strsim::jaro_winkler(&given, candidate), *candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The field a path ends in, quoted (`` `items[2]` ``); the whole file
/// when the path is empty.
fn field_name(path: &str) -> String {
    match path.rsplit('.').next() {
        Some(last) if !last.is_empty() => format!("`{last}`"),
        _ => "the file".to_owned(),
    }
}

/// serde's type names, in words a counsellor knows: the first entry whose
/// pattern the name contains. A name not listed is shown as it is.
const PLAIN_KINDS: [(&str, &str); 13] = [
    // The list entry's own description (see `Item`'s deserializer).
    ("a text, or", "text, or a `title:` and `text:` pair"),
    ("f64", "a number"),
    ("f32", "a number"),
    ("floating point", "a number"),
    ("integer", "a number"),
    ("a number", "a number"),
    ("string", "text"),
    ("sequence", "a list (lines starting with `- `)"),
    ("map", "a group of `key: value` lines"),
    ("struct ", "a group of `key: value` lines"),
    ("unit value", "empty"),
    ("null", "empty"),
    ("boolean", "yes/no (true or false)"),
];

fn plain_kind(kind: &str) -> String {
    let kind = kind.trim();
    PLAIN_KINDS
        .iter()
        .find(|(pattern, _)| kind.contains(pattern))
        .map_or(kind, |(_, words)| words)
        .to_owned()
}

fn type_hint(expected: &str) -> String {
    match plain_kind(expected).as_str() {
        "a number" => {
            "write the number alone, without currency signs or commas (36000, not \"$36,000\")"
                .to_owned()
        }
        "text" => {
            "write the text after the colon; put it in quotes if it looks like a number or a date"
                .to_owned()
        }
        "a list (lines starting with `- `)" => {
            "start each entry on its own line with `- `, indented under the key".to_owned()
        }
        "a group of `key: value` lines" => {
            "indent the fields that belong here under this key, one `key: value` per line"
                .to_owned()
        }
        other => format!("change this value to {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let allowed = ["outlook", "overview", "skills"];
        assert_eq!(did_you_mean("outlok", &allowed), Some("outlook"));
        assert_eq!(did_you_mean("Overveiw", &allowed), Some("overview"));
        assert_eq!(did_you_mean("zzz", &allowed), None);
    }

    #[test]
    fn type_names_are_put_in_plain_words() {
        for (serde, plain) in [
            ("f64", "a number"),
            ("floating point `1.5`", "a number"),
            ("integer `3`", "a number"),
            ("a string", "text"),
            ("string \"x\"", "text"),
            ("a sequence", "a list (lines starting with `- `)"),
            ("a map", "a group of `key: value` lines"),
            ("mapping", "a group of `key: value` lines"),
            ("struct Profile", "a group of `key: value` lines"),
            ("unit value", "empty"),
            ("null", "empty"),
            ("boolean `true`", "yes/no (true or false)"),
            (
                "a text, or a `title` and `text` pair",
                "text, or a `title:` and `text:` pair",
            ),
            ("something new", "something new"),
        ] {
            assert_eq!(plain_kind(serde), plain, "{serde}");
        }
    }
}
