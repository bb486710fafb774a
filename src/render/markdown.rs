//! Markdown inside profile fields, through comrak: safe HTML, normalised CommonMark, plain text.
//!
//! Each field is parsed once into comrak's tree, made safe there (raw HTML
//! becomes visible text, images become links so the page loads nothing from
//! outside), and then written out in the format asked for.

use std::fmt::Write as _;

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, format_commonmark, format_html, parse_document};
use textwrap::core::display_width;

use super::Format;
use super::blocks::join_blocks;
use crate::links::{is_safe_destination, markdown_options as options};

/// Render one field's Markdown into `format`.
pub(super) fn render(markdown: &str, format: Format) -> String {
    render_many(markdown, &[format]).pop().unwrap_or_default()
}

/// Render one field's Markdown into several formats, parsing it once.
pub(super) fn render_many(markdown: &str, formats: &[Format]) -> Vec<String> {
    if is_plain_prose(markdown) {
        return render_plain_prose(markdown, formats);
    }
    if formats.iter().all(|f| *f == Format::Markdown) && is_plain_commonmark(markdown) {
        return formats.iter().map(|_| tidy(markdown)).collect();
    }
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    neutralise(&arena, root);
    formats
        .iter()
        .map(|&format| {
            let mut out = String::new();
            match format {
                // Writing into a String cannot fail.
                Format::Html => {
                    let _ = format_html(root, &options, &mut out);
                }
                Format::Markdown if is_plain_commonmark(markdown) => out = tidy(markdown),
                Format::Markdown => {
                    let _ = format_commonmark(root, &options, &mut out);
                }
                Format::Text => write_text_blocks(root, &mut out),
                Format::Pdf => super::pdf::markup::write_blocks(root, &mut out),
            }
            out.truncate(out.trim_end().len());
            out
        })
        .collect()
}

/// Most fields are plain sentences: no character that could start Markdown
/// markup and no line that could start a block. Those are written out
/// directly, exactly as comrak would write them, without parsing.
fn is_plain_prose(markdown: &str) -> bool {
    !markdown.bytes().any(|b| MARKUP_BYTES[usize::from(b)])
        && !markdown.lines().any(could_start_block)
}

/// Bytes that could start Markdown markup (or need comrak's handling),
/// as a table: every byte of every field is looked up.
const MARKUP_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let markup = b"*_[]<>&\\`!#|~\t\r=";
    let mut i = 0;
    while i < markup.len() {
        table[markup[i] as usize] = true;
        i += 1;
    }
    table
};

/// A line that could open a list or code block, or end in a hard line break.
fn could_start_block(line: &str) -> bool {
    let trimmed = line.trim_start();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    line.len() - trimmed.len() >= 4
        || trimmed.starts_with(['-', '+'])
        || (digits > 0 && trimmed[digits..].starts_with(['.', ')']))
        || (line.ends_with("  ") && !trimmed.is_empty())
        // Blank to Rust's `trim` but not to Markdown (a no-break space).
        || (trimmed.is_empty() && !line.bytes().all(|b| b == b' '))
}

/// Plain prose in each of `formats`, in one pass: paragraphs are separated
/// by blank lines; within one, line breaks are soft (spaces in text, kept in
/// HTML and Markdown).
fn render_plain_prose(markdown: &str, formats: &[Format]) -> Vec<String> {
    let mut outs: Vec<String> = formats
        .iter()
        .map(|_| String::with_capacity(markdown.len() + 16))
        .collect();
    let mut in_paragraph = false;
    let mut paragraphs = 0;
    for line in markdown.split('\n').map(|line| line.trim_matches(' ')) {
        if line.is_empty() {
            if in_paragraph {
                for (out, format) in outs.iter_mut().zip(formats) {
                    if *format == Format::Html {
                        out.push_str("</p>");
                    }
                }
                in_paragraph = false;
            }
            continue;
        }
        for (out, format) in outs.iter_mut().zip(formats) {
            match (format, in_paragraph) {
                (Format::Html, false) if paragraphs > 0 => out.push_str("\n<p>"),
                (Format::Html, false) => out.push_str("<p>"),
                (Format::Markdown | Format::Text | Format::Pdf, false) if paragraphs > 0 => {
                    out.push_str("\n\n");
                }
                (Format::Markdown | Format::Text | Format::Pdf, false) => {}
                (Format::Html | Format::Markdown, true) => out.push('\n'),
                (Format::Text | Format::Pdf, true) => out.push(' '),
            }
            match format {
                Format::Html if line.contains('"') => out.push_str(&line.replace('"', "&quot;")),
                // Plain prose has no markup, but `-`, `.`, `(` and the like
                // still mean something to Typst.
                Format::Pdf => out.push_str(&super::pdf::markup::escape(line)),
                _ => out.push_str(line),
            }
        }
        if !in_paragraph {
            paragraphs += 1;
            in_paragraph = true;
        }
    }
    if in_paragraph {
        for (out, format) in outs.iter_mut().zip(formats) {
            if *format == Format::Html {
                out.push_str("</p>");
            }
        }
    }
    outs
}

/// Text with nothing for the Markdown output to neutralise (raw HTML,
/// images, entities, links) or normalise (tabs, setext headings, `*` bullets) is
/// already the CommonMark the report prints, so it is kept as written.
/// comrak's CommonMark writer costs more than everything else in a report.
fn is_plain_commonmark(markdown: &str) -> bool {
    // `[` may start a link, whose destination must pass the link policy.
    !markdown
        .bytes()
        .any(|b| matches!(b, b'<' | b'&' | b'\t' | b'\r' | b'`' | b'\\' | b'!' | b'['))
        && markdown.lines().all(|line| {
            let trimmed = line.trim_start();
            // Four spaces in may start a code block (or continue a list
            // entry); two at the end may be a hard line break.
            line.len() - trimmed.len() < 4
                && !line.ends_with("  ")
                && !starts_block_to_normalise(trimmed)
        })
}

/// Lines that comrak would rewrite: `*`/`+` bullets, setext underlines,
/// headings, quotes, tables, fences, thematic breaks.
fn starts_block_to_normalise(line: &str) -> bool {
    line.starts_with(['*', '+', '=', '#', '>', '|', '~'])
        || line.starts_with("---")
        || line.starts_with("___")
        || (line.starts_with('-') && line.trim_end().chars().all(|c| c == '-' || c == ' '))
}

/// Trailing spaces removed (they would be hard line breaks) and runs of blank lines collapsed.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank_run = 0;
    // Only ASCII spaces: a no-break space is text to Markdown.
    for line in markdown.trim_matches([' ', '\n']).lines() {
        let line = line.trim_end_matches(' ');
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// A whole Markdown report as Markdown linters want it, whatever the
/// template: no runs of blank lines (a field left out leaves one), no
/// heading text twice (a repeat is named after the heading above it:
/// `### Challenges (Challenges & Rewards)`), no heading ending in `.`, `:`,
/// `!` and the like (a profile's "Pay is good." heads its paragraph as
/// `### Pay is good`; the words stay), trailing spaces gone and one newline
/// at the end. Fenced code is left as it is.
pub(super) fn tidy_document(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut fence: Option<&str> = None;
    let mut blank_run = 0;
    let mut seen: Vec<String> = Vec::new();
    // The latest heading at each level, 1 to 6.
    let mut open: [Option<String>; 6] = Default::default();
    for line in markdown.lines() {
        let line = line.trim_end();
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if line.is_empty() {
            blank_run += 1;
            if blank_run == 1 && !out.is_empty() {
                out.push('\n');
            }
            continue;
        }
        blank_run = 0;
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        }
        match heading_of(line) {
            Some((level, text)) => {
                let text = match text.trim_end_matches(HEADING_STOPS).trim_end() {
                    "" => text,
                    words => words,
                };
                let mut unique = text.to_owned();
                if seen.contains(&unique) {
                    let parent = open[..level - 1].iter().rev().flatten().next();
                    unique = match parent {
                        Some(parent) => format!("{text} ({parent})"),
                        None => text.to_owned(),
                    };
                    // Among `seen.len() + 1` numbers one is free.
                    if seen.contains(&unique) {
                        unique = (2..=seen.len() + 2)
                            .map(|number| format!("{text} ({number})"))
                            .find(|candidate| !seen.contains(candidate))
                            .unwrap_or(unique);
                    }
                }
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&unique);
                out.push('\n');
                open[level - 1] = Some(text.to_owned());
                open[level..].iter_mut().for_each(|deeper| *deeper = None);
                seen.push(unique);
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// What markdownlint (MD026) does not want at the end of a heading.
const HEADING_STOPS: &[char] = &['.', ',', ';', ':', '!', '。', '，', '；', '：', '！'];

/// `## Text` → (2, "Text"), for an ATX heading line.
fn heading_of(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let text = line[level..].strip_prefix(' ')?;
    ((1..=6).contains(&level) && !text.trim().is_empty()).then(|| (level, text.trim()))
}

/// Plain text written as Markdown, escaped so that it prints as written.
/// Only characters that could start markup are escaped, so the file stays
/// readable: `Education & Training` stays as it is.
pub(in crate::render) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` would be read as an entity; a lone `&` is fine.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    // Text that would start a heading or a list where it stands at a line start.
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// Raw HTML becomes literal text and images become links, before any output is written.
fn neutralise<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) {
    for node in root.descendants() {
        let replacement = {
            let mut ast = node.data.borrow_mut();
            match &mut ast.value {
                NodeValue::HtmlInline(raw) => Some(NodeValue::Text(std::mem::take(raw).into())),
                NodeValue::HtmlBlock(block) => {
                    let text = std::mem::take(&mut block.literal);
                    ast.value = NodeValue::Paragraph;
                    let child = arena.alloc(AstNode::from(NodeValue::Text(
                        text.trim_end().to_owned().into(),
                    )));
                    drop(ast);
                    node.append(child);
                    None
                }
                NodeValue::Image(link) => Some(NodeValue::Link(link.clone())),
                _ => None,
            }
        };
        if let Some(value) = replacement {
            node.data.borrow_mut().value = value;
        }
    }
    // Unwrapped after the walk: the tree may not change while it is walked.
    let unsafe_links: Vec<&AstNode<'_>> = root
        .descendants()
        .filter(|node| {
            matches!(
                &node.data.borrow().value,
                NodeValue::Link(link) if !is_safe_destination(&link.url)
            )
        })
        .collect();
    for link in unsafe_links {
        // The link's text stays where it was; its destination goes.
        for child in link.children().collect::<Vec<_>>() {
            link.insert_before(child);
        }
        link.detach();
    }
}

/// Blocks as logical lines: paragraphs on one line each, separated by blank
/// lines; list items start with their marker. Wrapping happens later, once,
/// over the whole report (see `text::wrap_report`).
fn write_text_blocks<'a>(node: &'a AstNode<'a>, out: &mut String) {
    join_blocks(node, out, write_text_block);
}

fn write_text_block<'a>(node: &'a AstNode<'a>, out: &mut String) {
    let value = node.data.borrow().value.clone();
    match value {
        NodeValue::Paragraph => write_inlines(node, out),
        NodeValue::Heading(_) => {
            let mut heading = String::new();
            write_inlines(node, &mut heading);
            let underline = "-".repeat(heading.chars().count());
            let _ = write!(out, "{heading}\n{underline}");
        }
        NodeValue::List(list) => {
            let mut first = true;
            for (number, item) in (list.start..).zip(node.children()) {
                if !first {
                    out.push_str(if list.tight { "\n" } else { "\n\n" });
                }
                first = false;
                let marker = match list.list_type {
                    ListType::Bullet => "- ".to_owned(),
                    ListType::Ordered => format!("{number}. "),
                };
                let mut body = String::new();
                write_text_blocks(item, &mut body);
                out.push_str(&marker);
                out.push_str(&indent_after_first(&body, marker.len()));
            }
        }
        NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
            let mut body = String::new();
            write_text_blocks(node, &mut body);
            let quoted: Vec<String> = body
                .lines()
                .map(|line| match line {
                    "" => ">".to_owned(),
                    line => format!("> {line}"),
                })
                .collect();
            out.push_str(&quoted.join("\n"));
        }
        NodeValue::CodeBlock(code) => {
            let lines: Vec<String> = code
                .literal
                .trim_end()
                .lines()
                .map(|line| format!("    {line}"))
                .collect();
            out.push_str(&lines.join("\n"));
        }
        NodeValue::ThematicBreak => out.push_str("* * *"),
        NodeValue::Table(_) => write_text_table(node, out),
        _ => write_text_blocks(node, out),
    }
}

/// The widest table text lines up in columns: a report's usual 80 columns,
/// less a list's indent (the wrap comes later, over the whole report).
const TABLE_WIDTH: usize = 76;

/// A table as text: columns lined up under a rule when they fit in a
/// line of the report, otherwise each row's cells apart by ` | `.
fn write_text_table<'a>(table: &'a AstNode<'a>, out: &mut String) {
    let rows: Vec<Vec<String>> = table
        .children()
        .map(|row| {
            row.children()
                .map(|cell| {
                    let mut text = String::new();
                    write_inlines(cell, &mut text);
                    text.replace('\n', " ")
                })
                .collect()
        })
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| display_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let aligned = widths.iter().sum::<usize>() + 2 * columns <= TABLE_WIDTH;
    let mut lines: Vec<String> = Vec::with_capacity(rows.len() + 1);
    for (index, row) in rows.iter().enumerate() {
        let line = if aligned {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(cell, width)| {
                    let pad = width - display_width(cell);
                    format!("{cell}{}", " ".repeat(pad))
                })
                .collect();
            cells.join("  ").trim_end().to_owned()
        } else {
            row.join(" | ")
        };
        lines.push(line);
        if index == 0 && aligned {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            lines.push(rule.join("  "));
        }
    }
    out.push_str(&lines.join("\n"));
}

fn write_inlines<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        let value = child.data.borrow().value.clone();
        match value {
            NodeValue::Text(text) => out.push_str(&text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak => out.push(' '),
            NodeValue::LineBreak => out.push('\n'),
            NodeValue::Link(link) | NodeValue::Image(link) => {
                let mut label = String::new();
                write_inlines(child, &mut label);
                out.push_str(&label);
                let url = link.url.strip_prefix("mailto:").unwrap_or(&link.url);
                if !url.is_empty() && label.trim() != url {
                    let _ = write!(out, " ({url})");
                }
            }
            _ => write_inlines(child, out),
        }
    }
}

/// Indent every line but the first, so list item bodies line up under their text.
fn indent_after_first(text: &str, width: usize) -> String {
    let pad = " ".repeat(width);
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_raw_html_and_drops_script_links() {
        let html = render(
            "Hi <script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e.com/a.png)",
            Format::Html,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn headings_lose_the_stops_markdownlint_refuses_and_keep_their_words() {
        assert_eq!(
            tidy_document(
                "## Pay is good.\n\n### Why: \n\n### Great!!\n\n### ¿Qué?\n\n### 給料。\n\n### ...\n"
            ),
            "## Pay is good\n\n### Why\n\n### Great\n\n### ¿Qué?\n\n### 給料\n\n### ...\n"
        );
    }

    #[test]
    fn documents_have_single_blank_lines_and_unique_headings() {
        let document = "# T\n\n\n\n## Biggest Challenges\n\n### Challenges\n\n- a  \n\n\
                        ## Challenges & Rewards\n\n### Challenges\n\n### Rewards\n\n\
                        ```\ncode\n\n\n\nmore\n```\n\n## Sources\n\n### Challenges\n\n\n";
        assert_eq!(
            tidy_document(document),
            "# T\n\n## Biggest Challenges\n\n### Challenges\n\n- a\n\n\
             ## Challenges & Rewards\n\n### Challenges (Challenges & Rewards)\n\n### Rewards\n\n\
             ```\ncode\n\n\n\nmore\n```\n\n## Sources\n\n### Challenges (Sources)\n"
        );
        assert_eq!(
            tidy_document("# A\n\n# A\n\n# A\n"),
            "# A\n\n# A (2)\n\n# A (3)\n"
        );
        assert_eq!(heading_of("#hashtag"), None);
        assert_eq!(heading_of("####### seven"), None);
    }

    #[test]
    fn text_keeps_list_structure_and_link_targets() {
        let text = render(
            "Intro **bold** [ALA](https://ala.org)\n\n- one\n- two\n  wrapped",
            Format::Text,
        );
        assert_eq!(
            text,
            "Intro bold ALA (https://ala.org)\n\n- one\n- two wrapped"
        );
    }

    #[test]
    fn labels_are_escaped_only_where_markdown_would_misread_them() {
        assert_eq!(
            escape_markdown("Education & Training"),
            "Education & Training"
        );
        assert_eq!(escape_markdown("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape_markdown("1. Step"), "1\\. Step");
        assert_eq!(escape_markdown(") aside. Or . dot"), ") aside. Or . dot");
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("&amp;"), "\\&amp;");
    }

    #[test]
    fn markdown_is_normalised() {
        assert_eq!(render("*a*  \n\n\n* b", Format::Markdown), "*a*\n\n- b");
        assert_eq!(render("a  \n\n\n- b", Format::Markdown), "a\n\n- b");
        assert_eq!(render("x <b>y</b>", Format::Markdown), "x \\<b\\>y\\</b\\>");
    }

    /// `markdown` in `format` the long way: parsed, made safe and written
    /// by comrak, with no shortcut.
    fn through_comrak(markdown: &str, format: Format) -> String {
        let options = options();
        let arena = Arena::new();
        let root = parse_document(&arena, markdown, &options);
        neutralise(&arena, root);
        let mut out = String::new();
        match format {
            Format::Html => format_html(root, &options, &mut out).unwrap(),
            Format::Markdown => format_commonmark(root, &options, &mut out).unwrap(),
            Format::Text => write_text_blocks(root, &mut out),
            Format::Pdf => crate::render::pdf::markup::write_blocks(root, &mut out),
        }
        out.truncate(out.trim_end().len());
        out
    }

    #[test]
    fn plain_prose_is_written_as_comrak_would_write_it() {
        let samples = [
            "One line.",
            "Two\nlines of \"one\" paragraph.\n\nAnd a second: with a colon; (and $36,000).",
            "Trailing newline\n",
            "  indented a little\n\n\n\nmany blank lines",
            "a line\n   \nthen a paragraph after spaces",
            "\n\nleading blank lines",
        ];
        for sample in samples {
            assert!(is_plain_prose(sample), "{sample:?}");
            for format in Format::ALL {
                assert_eq!(
                    render_plain_prose(sample, &[format])[0],
                    through_comrak(sample, format),
                    "{format:?} {sample:?}"
                );
            }
        }
        for not_plain in [
            "**bold**",
            "- item",
            "1. step",
            "a <b>",
            "x\n    code",
            "[l](u)",
            "a  \nb",
            "a\n\u{a0}\nb",
        ] {
            assert!(!is_plain_prose(not_plain), "{not_plain:?}");
        }
        for markup in "*_[]<>&\\`!#|~\t\r=".chars() {
            assert!(!is_plain_prose(&format!("a {markup} b")), "{markup:?}");
        }
    }

    /// The shortcuts (plain prose, CommonMark kept as written) are only
    /// quicker: for every kind of block, each format is what comrak writes.
    #[test]
    fn every_shortcut_writes_what_comrak_writes() {
        let samples = [
            "* a\n* b",
            "+ a\n+ b",
            "- a\n- b",
            "Title\n===",
            "Sub\n---",
            "# Heading",
            "> quote",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "~~~\ncode\n~~~",
            "---",
            "___",
            "- - -",
            "1. one\n2. two",
            "1) one",
            "10. ten",
            ") not a list",
            ". not a list",
            "1.5 is a number",
            "The 1990s.",
            "    code",
            "line  \nnext",
            "a\n\u{a0}\nb",
            "text with *emph* and a [link](https://x.org)",
            "a line\n\n\n\nanother",
            "\u{a0}starts with one",
            "  two spaces in\n   three",
            "Salary: $36,000 (entry) - $45,000.",
            "- item\n\n    more of it",
        ];
        for sample in samples {
            for format in [Format::Markdown, Format::Html, Format::Text] {
                assert_eq!(
                    render(sample, format),
                    through_comrak(sample, format),
                    "{format:?} {sample:?}"
                );
            }
        }
    }

    /// Plain text keeps what each kind of block and inline says, without
    /// Markdown's marks: headings underlined, quotes and code indented or
    /// marked, raw HTML shown as the text it is, links followed by their
    /// address (unless the label is the address).
    #[test]
    fn plain_text_says_what_each_block_and_inline_says() {
        for (markdown, text) in [
            ("# Getting *started*", "Getting started\n---------------"),
            ("> first\n>\n> second", "> first\n>\n> second"),
            ("```\nfn a()\n  b\n```", "    fn a()\n      b"),
            ("a\n\n***\n\nb", "a\n\n* * *\n\nb"),
            ("use `pathways check` daily", "use pathways check daily"),
            ("x <b>bold</b> y", "x <b>bold</b> y"),
            ("one\\\ntwo", "one\ntwo"),
            ("[ALA](https://ala.org)", "ALA (https://ala.org)"),
            ("[https://ala.org](https://ala.org)", "https://ala.org"),
            ("[write](mailto:a@b.org)", "write (a@b.org)"),
            ("[a@b.org](mailto:a@b.org)", "a@b.org"),
            ("[no address]()", "no address"),
            ("- one\n\n  more\n- two", "- one\n\n  more\n\n- two"),
            ("3. three\n4. four", "3. three\n4. four"),
        ] {
            assert_eq!(render(markdown, Format::Text), text, "{markdown:?}");
        }
        // In HTML, a raw block is text to read, not markup.
        assert_eq!(
            render("<div onclick=\"x\">hi</div>", Format::Html),
            "<p>&lt;div onclick=&quot;x&quot;&gt;hi&lt;/div&gt;</p>"
        );
    }

    /// A link whose destination is not safe keeps its text only.
    #[test]
    fn unsafe_destinations_lose_their_link() {
        assert_eq!(
            render(
                "[a](javascript:x) and <javascript:y> [ok](https://x.org)",
                Format::Markdown
            ),
            "a and javascript:y [ok](https://x.org)"
        );
    }

    #[test]
    fn one_parse_gives_every_format() {
        let all = [Format::Markdown, Format::Html, Format::Text];
        let [md, html, text] =
            <[String; 3]>::try_from(render_many("**a** [b](https://x.org)", &all)).unwrap();
        assert_eq!(md, "**a** [b](https://x.org)");
        assert_eq!(
            html,
            "<p><strong>a</strong> <a href=\"https://x.org\">b</a></p>"
        );
        assert_eq!(text, "a b (https://x.org)");
    }
}
