//! Profile text as Typst markup that shows it literally: Markdown from
//! comrak's tree becomes Typst's emphasis, lists and links, and every other
//! character that means something to Typst is escaped, so text in a profile
//! can never run Typst code (`#read(...)`, `#import`, `$ x $`, `<label>`).

use std::fmt::Write as _;

use comrak::nodes::{AstNode, ListType, NodeValue};

/// `source` with each direction isolate (U+2066 … U+2069, which Typst's own
/// bidi does not act on) made a box of Typst text in that direction: an
/// English label on a right-to-left page keeps its punctuation at its end
/// (a box is set apart from the line's bidi, as an isolate is; Typst's
/// `text(dir:)` alone would turn a line that starts with it left to right).
/// Only pairs that open and close are kept (text from a profile may hold a
/// stray one); a pair is one piece of markup, as every label and escaped
/// text is.
pub(crate) fn isolates_as_text_direction(source: String) -> String {
    if !source.contains(['\u{2066}', '\u{2067}', '\u{2068}']) {
        return source.replace('\u{2069}', "");
    }
    // Which opening isolates have their pop, matched innermost first.
    let mut open: Vec<usize> = Vec::new();
    let mut paired = std::collections::HashSet::new();
    for (at, c) in source.char_indices() {
        match c {
            '\u{2066}'..='\u{2068}' => open.push(at),
            '\u{2069}' => {
                if let Some(start) = open.pop() {
                    paired.insert(start);
                    paired.insert(at);
                }
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(source.len() + paired.len() * 8);
    for (at, c) in source.char_indices() {
        match c {
            '\u{2066}' if paired.contains(&at) => out.push_str("#box[#text(dir: ltr)["),
            '\u{2067}' if paired.contains(&at) => out.push_str("#box[#text(dir: rtl)["),
            '\u{2068}' if paired.contains(&at) => out.push_str("#box[#["),
            '\u{2069}' if paired.contains(&at) => out.push_str("]]"),
            '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` as markup showing exactly that text. Every ASCII punctuation
/// character is escaped with a backslash (Typst reads `\` and any
/// non-space character as that character); line breaks become spaces.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8 + 2);
    push_escaped(text, &mut out);
    out
}

/// After this many characters without a place to break the line, a zero-
/// width space lets it break: Typst never breaks a word it has no place for,
/// so a longer one (an address, a code, a hostile run of letters) would run
/// off the page and lose its end. Shorter words are left whole, and text
/// that can break anywhere (Chinese, Japanese, Thai) gets none: a zero-width
/// space would show in the text copied from the PDF.
const UNBROKEN_RUN: usize = 40;

fn push_escaped(text: &str, out: &mut String) {
    // Where the line may break (UAX #14, as Typst breaks lines), looked for
    // only in text that has a long run without a space.
    let mut breaks = has_long_run(text).then(|| {
        unicode_linebreak::linebreaks(text)
            .map(|(at, _)| at)
            .peekable()
    });
    let mut run = 0;
    for (at, c) in text.char_indices() {
        if let Some(breaks) = breaks.as_mut() {
            while breaks.next_if(|&next| next <= at).is_some() {
                run = 0;
            }
            run += 1;
            if run > UNBROKEN_RUN {
                out.push('\u{200B}');
                run = 1;
            }
        }
        match c {
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Whether `text` has more than [`UNBROKEN_RUN`] bytes without white space
/// (most text has not, and is escaped without looking for line breaks).
fn has_long_run(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace())
        .any(|word| word.len() > UNBROKEN_RUN)
}

/// Text up to this long (in characters of Typst markup) always fits on one
/// page, even in a comparison's narrow column: it is kept together.
const KEPT_TOGETHER: usize = 800;

/// The `breakable` filter: `false` (keep the block, row or entry on one
/// page) for a value whose text is short, `true` for a long one, which a
/// page could not hold whole: Typst would let it run off the page and lose
/// its end.
pub(crate) fn breakable(value: minijinja::Value) -> minijinja::Value {
    let long = value.to_string().chars().nth(KEPT_TOGETHER).is_some();
    minijinja::Value::from_safe_string(long.to_string())
}

/// The `typst_lang` filter: a BCP 47 tag as the arguments of Typst's
/// `text`: `es-MX` → `lang: "es", region: "MX"`, and `region: none` when the
/// tag names no two-letter region (so the page's region is not mixed in:
/// `es` alone on a US page is not `es-US`).
pub(crate) fn typst_lang(tag: &str) -> minijinja::Value {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts
        .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))
        .map_or_else(
            || "none".to_owned(),
            |region| string_literal(&region.to_ascii_uppercase()),
        );
    minijinja::Value::from_safe_string(format!(
        "lang: {}, region: {region}",
        string_literal(&language)
    ))
}

/// `text` as a Typst string literal, quotes included.
pub(crate) fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Isolates become markup (`isolates_as_text_direction`), which
            // has no place inside a string.
            '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The blocks of a parsed (and neutralised) field, separated by blank lines.
pub(crate) fn write_blocks<'a>(node: &'a AstNode<'a>, out: &mut String) {
    crate::render::blocks::join_blocks(node, out, write_block);
}

fn write_block<'a>(node: &'a AstNode<'a>, out: &mut String) {
    let value = node.data.borrow().value.clone();
    match value {
        NodeValue::Paragraph => write_inlines(node, out),
        // A heading inside a field is bold text: the report's own headings
        // are the document's outline.
        NodeValue::Heading(_) => {
            out.push_str("#strong[");
            write_inlines(node, out);
            out.push(']');
        }
        NodeValue::List(list) => {
            match list.list_type {
                ListType::Bullet => out.push_str("#list(tight: "),
                ListType::Ordered => {
                    let _ = write!(out, "#enum(start: {}, tight: ", list.start);
                }
            }
            out.push_str(if list.tight { "true" } else { "false" });
            for item in node.children() {
                out.push_str(", [");
                write_blocks(item, out);
                out.push(']');
            }
            out.push(')');
        }
        NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
            out.push_str("#quote(block: true)[");
            write_blocks(node, out);
            out.push(']');
        }
        NodeValue::CodeBlock(code) => {
            let _ = write!(
                out,
                "#raw(block: true, {})",
                string_literal(code.literal.trim_end())
            );
        }
        NodeValue::ThematicBreak => out.push_str("#line(length: 100%)"),
        NodeValue::Table(table) => {
            let _ = write!(out, "#table(columns: {}", table.num_columns);
            for row in node.children() {
                let header = matches!(row.data.borrow().value, NodeValue::TableRow(true));
                out.push_str(if header { ", table.header(" } else { "" });
                for (index, cell) in row.children().enumerate() {
                    out.push_str(match (header, index) {
                        (true, 0) => "[#strong[",
                        (true, _) => ", [#strong[",
                        (false, _) => ", [",
                    });
                    write_inlines(cell, out);
                    out.push_str(if header { "]]" } else { "]" });
                }
                if header {
                    out.push(')');
                }
            }
            out.push(')');
        }
        _ => write_blocks(node, out),
    }
}

fn write_inlines<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        let value = child.data.borrow().value.clone();
        match value {
            NodeValue::Text(text) => push_escaped(&text, out),
            NodeValue::Code(code) => {
                let _ = write!(out, "#raw({})", string_literal(&code.literal));
            }
            NodeValue::SoftBreak => out.push(' '),
            NodeValue::LineBreak => out.push_str("#linebreak()"),
            NodeValue::Emph => wrap("#emph[", child, out),
            NodeValue::Strong => wrap("#strong[", child, out),
            // Only links a reader may follow are left (see `neutralise`):
            // clickable, with the address after them for paper.
            NodeValue::Link(link) if link.url.trim().is_empty() => write_inlines(child, out),
            NodeValue::Link(link) => {
                let mut label = String::new();
                write_inlines(child, &mut label);
                let _ = write!(out, "#link({})[{label}]", string_literal(&link.url));
                let shown = link.url.strip_prefix("mailto:").unwrap_or(&link.url);
                let mut plain_label = String::new();
                plain_text(child, &mut plain_label);
                if !shown.is_empty() && plain_label.trim() != shown {
                    out.push_str(" \\(");
                    push_escaped(shown, out);
                    out.push_str("\\)");
                }
            }
            _ => write_inlines(child, out),
        }
    }
}

fn wrap<'a>(open: &str, node: &'a AstNode<'a>, out: &mut String) {
    out.push_str(open);
    write_inlines(node, out);
    out.push(']');
}

/// The text of an inline node, without markup.
fn plain_text<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        match &child.data.borrow().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            _ => plain_text(child, out),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_long_run_with_no_place_to_break_gets_a_zero_width_space() {
        let letters = "abcdefghij".repeat(10);
        let escaped = super::escape(&letters);
        assert_eq!(escaped.matches('\u{200B}').count(), 2, "every 40 letters");
        assert_eq!(escaped.replace('\u{200B}', ""), letters);
        // Words of ordinary length, and Chinese or Japanese, which may
        // break between any two characters, are left as they are.
        for text in [
            "A sentence of ordinary words, long enough to wrap.",
            &"图书馆技术员负责整理馆藏".repeat(10),
        ] {
            assert!(!super::escape(text).contains('\u{200B}'), "{text}");
        }
        // A hyphenated run breaks at its hyphens.
        let hyphens = "well-known-".repeat(10);
        assert!(!super::escape(&hyphens).contains('\u{200B}'));
    }

    use super::*;

    #[test]
    fn every_character_typst_reads_as_markup_is_escaped() {
        let escaped =
            escape(r#"#read("/etc/passwd") $x$ <label> @ref *b* _i_ `c` [a] \ ~ = - + / 1."#);
        for c in "#$<>@*_`[]\\~=-+/.\"()".chars() {
            for (at, _) in escaped.match_indices(c) {
                let before = &escaped[..at];
                let backslashes = before.len() - before.trim_end_matches('\\').len();
                assert!(
                    c == '\\' || backslashes % 2 == 1,
                    "`{c}` at {at} is not escaped: {escaped}"
                );
            }
        }
        assert_eq!(escape("a-b"), "a\\-b");
        assert_eq!(escape("Café 36"), "Café 36");
    }

    /// Each Markdown construct a profile may use, as Typst markup.
    #[test]
    fn markdown_becomes_typst_markup() {
        let typst =
            |markdown: &str| crate::render::markdown::render(markdown, crate::render::Format::Pdf);
        assert_eq!(typst("# Title\n\nText"), "#strong[Title]\n\nText");
        assert_eq!(typst("- a\n- b"), "#list(tight: true, [a], [b])");
        assert_eq!(
            typst("3. a\n\n4. b"),
            "#enum(start: 3, tight: false, [a], [b])"
        );
        assert_eq!(typst("> quoted"), "#quote(block: true)[quoted]");
        assert_eq!(
            typst("```\ncode \"x\"\n```"),
            r#"#raw(block: true, "code \"x\"")"#
        );
        assert_eq!(typst("a\n\n---\n\nb"), "a\n\n#line(length: 100%)\n\nb");
        assert_eq!(typst("use `x`"), r#"use #raw("x")"#);
        assert_eq!(typst("a  \nb"), "a#linebreak()b");
        assert_eq!(typst("*e* **s**"), "#emph[e] #strong[s]");
        assert_eq!(
            typst("[site](https://example.org)"),
            r#"#link("https://example.org")[site] \(https\:\/\/example\.org\)"#
        );
        assert_eq!(
            typst("[mail](mailto:a@b.org)"),
            r#"#link("mailto:a@b.org")[mail] \(a\@b\.org\)"#
        );
        // A link that shows its own address is not followed by it again.
        assert_eq!(
            typst("[`https://e.org`](https://e.org)"),
            r#"#link("https://e.org")[#raw("https://e.org")]"#
        );
        assert_eq!(
            typst("[https://e.org](https://e.org)"),
            r#"#link("https://e.org")[https\:\/\/e\.org]"#
        );
        // Typst refuses a link to nowhere: its text is kept.
        assert_eq!(typst("[x]()"), "x");
        assert_eq!(
            typst("[x](mailto:)"),
            r#"#link("mailto:")[x]"#,
            "no empty address after it"
        );
        // Links a reader may not follow lose their destination, keep their text.
        assert_eq!(typst("[x](javascript:alert(1))"), "x");
    }

    #[test]
    fn isolates_become_runs_of_text_only_in_pairs() {
        let label = "#strong[\u{2066}Salary \\(EGP\\):\u{2069}] x";
        assert_eq!(
            isolates_as_text_direction(label.to_owned()),
            "#strong[#box[#text(dir: ltr)[Salary \\(EGP\\):]]] x"
        );
        // A stray isolate from a profile is dropped, and cannot close
        // markup that is not its own.
        let stray = "a\u{2069}] b \u{2066}c";
        assert_eq!(isolates_as_text_direction(stray.to_owned()), "a] b c");
        let nested = "\u{2067}a\u{2066}b\u{2069}\u{2069}";
        assert_eq!(
            isolates_as_text_direction(nested.to_owned()),
            "#box[#text(dir: rtl)[a#box[#text(dir: ltr)[b]]]]"
        );
        assert_eq!(
            isolates_as_text_direction("\u{2068}x\u{2069}".to_owned()),
            "#box[#[x]]"
        );
        assert_eq!(string_literal("a\u{2066}b"), "\"ab\"");
    }

    #[test]
    fn string_literals_close_only_where_they_end() {
        assert_eq!(string_literal(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
