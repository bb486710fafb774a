//! The translation file `pathways new --translate` writes: every text field
//! of the base, in its shape, as a TODO under a comment holding the base
//! text, so a translator works from top to bottom.

use crate::profile::Profile;

/// One step of a field path: a key, or a list position.
#[derive(Debug, Clone, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            steps.push(Step::Key(key));
        }
        for index in pieces {
            let index = index.trim_end_matches(']').parse().unwrap_or(0);
            steps.push(Step::Index(index));
        }
    }
    steps
}

/// The translation file for `base` (read from `base_file`) into `language`.
pub fn skeleton(base: &Profile, base_file: &str, language: &str, schema: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(schema) = schema {
        out.push_str(&format!("# yaml-language-server: $schema={schema}\n"));
    }
    out.push_str(&format!(
        "# The {language} translation of {base_file} ({}).\n\
         # Replace each TODO with the text in the comment above it, in {language}.\n\
         # Leave a field out (or write ~ for a list entry) to print the base text;\n\
         # figures, codes, dates and addresses come from the base profile.\n\
         # When done, set `updated` to the day you checked it against the base:\n\
         # updated: YYYY-MM-DD\n",
        base.title.replace('\n', " ")
    ));
    let mut texts = crate::translate::texts_of(base);
    // The aliases are one field to a translation (any number of them); they follow the title.
    if !base.aliases.is_empty() {
        let at = texts
            .iter()
            .position(|(path, _)| path != "title")
            .unwrap_or(texts.len());
        let aliases = base
            .aliases
            .iter()
            .enumerate()
            .map(|(i, alias)| (format!("aliases[{i}]"), alias.0.clone()));
        texts.splice(at..at, aliases);
    }
    let mut previous: Vec<Step<'_>> = Vec::new();
    for (path, text) in &texts {
        let steps = steps(path);
        let shared = previous
            .iter()
            .zip(&steps)
            .take_while(|(a, b)| a == b)
            .count();
        let mut line_start: Option<String> = None;
        for (depth, step) in steps.iter().enumerate().skip(shared) {
            let last = depth + 1 == steps.len();
            let indent = line_start.take().unwrap_or_else(|| "  ".repeat(depth));
            match step {
                Step::Key(key) if last => {
                    out.push_str(&comment(&"  ".repeat(depth), text));
                    out.push_str(&format!("{indent}{key}: TODO\n"));
                }
                Step::Key(key) => out.push_str(&format!("{indent}{key}:\n")),
                Step::Index(_) if last => {
                    out.push_str(&comment(&"  ".repeat(depth), text));
                    out.push_str(&format!("{indent}- TODO\n"));
                }
                Step::Index(_) => {
                    // The entry's first key goes on the `- ` line.
                    line_start = Some(format!("{indent}- "));
                    if let Some(Step::Key(key)) = steps.get(depth + 1)
                        && depth + 2 == steps.len()
                    {
                        out.push_str(&comment(&"  ".repeat(depth), text));
                        out.push_str(&format!("{indent}- {key}: TODO\n"));
                        break;
                    }
                }
            }
        }
        previous = steps;
    }
    out.push_str(&base_text_block(base));
    out
}

/// The `base_text:` block a translation ends with: a fingerprint of every
/// base text it translates, for `check` to name what changes later.
fn base_text_block(base: &Profile) -> String {
    let mut out = String::from(
        "\n# What the profile said when this translation was made (a fingerprint of\n\
         # each text): `pathways check` names the fields changed since. Leave it be;\n\
         # after bringing a field up to date, put in the fingerprint check gives.\n\
         base_text: |\n",
    );
    let mut texts = crate::translate::texts_of(base);
    if !base.aliases.is_empty() {
        texts.push(("aliases".to_owned(), super::aliases_text(base)));
    }
    for (path, text) in texts {
        out.push_str(&format!(
            "  {path} {}\n",
            crate::translate::fingerprint(&text)
        ));
    }
    out
}

/// `text` as YAML comment lines at `indent`.
fn comment(indent: &str, text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|line| {
            let line: String = line
                .chars()
                .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
                .collect();
            format!("{indent}# {line}\n").replace(" \n", "\n")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Source, parse, parse_as};
    use crate::translate::{Translation, project};

    fn profile(text: &str) -> Profile {
        let source = Source {
            name: "a.yaml".to_owned(),
            text: text.to_owned(),
        };
        parse(source).map_err(|_| "a profile").unwrap().profile
    }

    const BASE: &str = "id: a\ntitle: Archivists\naliases: [Records keepers]\ncategory: Heritage\n\
        sections:\n  overview:\n    intro: \"First\\tline.\\n\\nSecond.\"\n  career_path:\n    groups:\n\
        \x20     - heading: Stages\n        items:\n          - { title: Start, text: Assist. }\n\
        \x20         - Lead.\n      - heading: Later\n        intro: Then.\n  skills:\n    items: [Care., Order.]\n";

    /// What `new --translate` writes reads back as a translation that gives
    /// every text of its base (each a TODO) and adds nothing.
    #[test]
    fn every_base_text_is_there_to_translate_in_the_base_s_shape() {
        let base = profile(BASE);
        let written = skeleton(&base, "a.yaml", "fr", None);
        let source = Source {
            name: "a.fr.yaml".to_owned(),
            text: written.clone(),
        };
        let translation: Translation = parse_as(&source).unwrap();
        let projection = project(&base, &translation, "fr");
        assert_eq!(projection.problems, vec![], "{written}");
        assert_eq!(projection.fallback, Vec::<String>::new(), "{written}");
        assert_eq!(projection.profile.aliases.len(), 1);
        assert!(
            written.contains("# Archivists\ntitle: TODO\naliases:\n  # Records keepers\n  - TODO\n# Heritage\ncategory: TODO\n"),
            "{written}"
        );
        // A tab in the base text stays a tab in its comment.
        assert!(
            written.contains("    # First\tline.\n    #\n    # Second.\n"),
            "{written}"
        );
        assert!(written.contains("\n  aliases "), "{written}");
        assert_eq!(
            translation
                .base_text
                .get("title")
                .map(|hash| format!("{hash:08x}")),
            Some(crate::translate::fingerprint("Archivists"))
        );
    }

    #[test]
    fn a_base_text_line_that_is_not_a_field_and_its_fingerprint_is_named() {
        let source = |base_text: &str| Source {
            name: "a.fr.yaml".to_owned(),
            text: format!("title: Archivistes\nbase_text: |\n{base_text}"),
        };
        let read: Translation =
            parse_as(&source("  title 0123abcd\n\n  aliases 89ABCDEF\n")).unwrap();
        assert_eq!(read.base_text.len(), 2);
        for bad in [
            "  title\n",
            "  title 0123abc\n",
            "  title 0123abcg\n",
            "  a b c\n",
        ] {
            let error = parse_as::<Translation>(&source(&format!("  aliases 0123abcd\n{bad}")))
                .unwrap_err();
            assert!(
                error
                    .message
                    .contains(&format!("line 2 of `base_text` is `{}`", bad.trim())),
                "{bad:?}: {}",
                error.message
            );
        }
    }

    #[test]
    fn a_base_without_aliases_gets_no_aliases_to_translate() {
        let base = profile(&BASE.replace("aliases: [Records keepers]\n", ""));
        let written = skeleton(&base, "a.yaml", "fr", None);
        assert!(!written.contains("aliases"), "{written}");
    }
}
