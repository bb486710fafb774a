//! Plain-text layout: wrap a rendered report at a width, with hanging indents.
//!
//! Text templates write logical lines (a whole paragraph or list item per
//! line). This pass wraps each line, continuing list items under their text
//! and indented lines at their indent, so templates never deal with widths.

use textwrap::core::display_width;

/// Wrap every logical line of `report` at `width` columns. An underline
/// (a line of `=` or `-` under a heading) takes the width of the longest
/// line its heading wrapped into; the report ends with one newline.
pub(super) fn wrap_report(report: &str, width: usize) -> String {
    let mut out = String::with_capacity(report.len() + report.len() / 16);
    // Where the previous logical line's wrapped lines start in `out`: their
    // width is measured only when an underline follows.
    let mut previous: Option<usize> = None;
    for line in report.lines() {
        if let Some(mark) = underline_mark(line)
            && let Some(start) = previous
        {
            let previous_width = out[start..].lines().map(width_of).max().unwrap_or(0);
            if previous_width > 0 {
                for _ in 0..previous_width {
                    out.push(mark);
                }
                out.push('\n');
                previous = None;
                continue;
            }
        }
        previous = Some(out.len());
        wrap_logical_line(line, width, &mut out);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The character of an underline: a line of at least three `=` or `-` and nothing else.
fn underline_mark(line: &str) -> Option<char> {
    let line = line.trim_end();
    let mark = line.chars().next().filter(|c| matches!(c, '=' | '-'))?;
    (line.len() >= 3 && line.chars().all(|c| c == mark)).then_some(mark)
}

/// One logical line, wrapped, each resulting line ending in a newline.
fn wrap_logical_line(line: &str, width: usize, out: &mut String) {
    let line = line.trim_end();
    // Most lines of a report are short: nothing to wrap.
    if line.len() <= width {
        out.push_str(line);
        out.push('\n');
        return;
    }
    let start = out.len();
    let hang = hanging_indent(line);
    let broken = wrap_line(line, width.max(hang + 10), hang, out);
    // A line that fits is kept as written, runs of spaces and all. It is
    // measured whole only when wrapping found no break: wrapping measures
    // its words anyway.
    if !broken && width_of(line) <= width {
        out.truncate(start);
        out.push_str(line);
        out.push('\n');
    }
}

/// `wrap_report` as a writer: each line is wrapped as soon as it is complete.
pub(super) struct WrapWriter<W: std::io::Write> {
    inner: W,
    width: usize,
    line: Vec<u8>,
    wrapped: String,
}

impl<W: std::io::Write> WrapWriter<W> {
    pub(super) fn new(inner: W, width: usize) -> Self {
        WrapWriter {
            inner,
            width,
            line: Vec::new(),
            wrapped: String::new(),
        }
    }

    fn write_line(&mut self) -> std::io::Result<()> {
        let line = String::from_utf8_lossy(&self.line);
        let line = line.strip_suffix('\r').unwrap_or(&line);
        self.wrapped.clear();
        wrap_logical_line(line, self.width, &mut self.wrapped);
        self.line.clear();
        self.inner.write_all(self.wrapped.as_bytes())
    }

    /// Write out the last line, if it had no newline, and flush.
    pub(super) fn finish(mut self) -> std::io::Result<()> {
        if !self.line.is_empty() {
            self.write_line()?;
        }
        self.inner.flush()
    }
}

impl<W: std::io::Write> std::io::Write for WrapWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for piece in buf.split_inclusive(|&b| b == b'\n') {
            match piece.strip_suffix(b"\n") {
                Some(line) => {
                    self.line.extend_from_slice(line);
                    self.write_line()?;
                }
                None => self.line.extend_from_slice(piece),
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Greedy (first-fit) wrapping: as many words as fit on each line; a word
/// longer than the width (a long web address) gets a line of its own and is
/// never split, nor are hyphenated words. Runs of spaces between words
/// become one space. Text written without spaces (Japanese, Chinese) breaks
/// where Unicode's line-breaking rules allow, next to a wide character.
/// Whether the line was broken.
fn wrap_line(line: &str, width: usize, hang: usize, out: &mut String) -> bool {
    let lead = line.len() - line.trim_start_matches(' ').len();
    out.push_str(&line[..lead]);
    let mut used = lead;
    let mut broken = false;
    // Pieces already placed on the current line, not yet copied out: a
    // stretch of `line` whose pieces are one space apart or touching.
    let mut pending: Option<(usize, usize)> = None;
    let pieces: Box<dyn Iterator<Item = Piece>> = if !may_hold_wide(line) {
        Box::new(words(line, lead).map(|(start, end)| Piece {
            start,
            end,
            spaced: true,
        }))
    } else {
        Box::new(pieces(line, lead))
    };
    for Piece { start, end, spaced } in pieces {
        let piece = &line[start..end];
        let piece_width = width_of(piece);
        let gap = usize::from(spaced);
        match pending {
            Some((from, to)) if used + gap + piece_width > width => {
                out.push_str(&line[from..to]);
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', hang));
                broken = true;
                used = hang + piece_width;
                pending = Some((start, end));
            }
            Some((from, to)) => {
                used += gap + piece_width;
                if start == to + gap {
                    pending = Some((from, end));
                } else {
                    out.push_str(&line[from..to]);
                    if spaced {
                        out.push(' ');
                    }
                    pending = Some((start, end));
                }
            }
            None => {
                used += piece_width;
                pending = Some((start, end));
            }
        }
    }
    if let Some((from, to)) = pending {
        out.push_str(&line[from..to]);
    }
    out.push('\n');
    broken
}

/// A stretch of a line that wrapping keeps whole.
struct Piece {
    start: usize,
    end: usize,
    /// Whether a space separates it from the piece before.
    spaced: bool,
}

/// The pieces of `line` from `from` on: its space-separated words, each cut
/// further where it holds East Asian wide characters and Unicode's
/// line-breaking rules (UAX #14) allow a break next to one.
fn pieces(line: &str, from: usize) -> impl Iterator<Item = Piece> + '_ {
    words(line, from).flat_map(move |(start, end)| {
        let word = &line[start..end];
        let whole = Piece {
            start,
            end,
            spaced: true,
        };
        if !may_hold_wide(word) {
            // The common case (any alphabetic script), without allocating.
            return WordPieces::Whole(Some(whole));
        }
        let mut cut = Vec::new();
        let mut piece_start = start;
        for at in unicode_linebreak::linebreaks(word).map(|(at, _)| at) {
            if at > 0 && at < word.len() && next_to_wide(word, at) {
                cut.push(Piece {
                    start: piece_start,
                    end: start + at,
                    spaced: piece_start == start,
                });
                piece_start = start + at;
            }
        }
        cut.push(Piece {
            start: piece_start,
            end,
            spaced: piece_start == start,
        });
        WordPieces::Cut(cut.into_iter())
    })
}

/// A word whole, or cut into pieces.
enum WordPieces {
    Whole(Option<Piece>),
    Cut(std::vec::IntoIter<Piece>),
}

impl Iterator for WordPieces {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        match self {
            WordPieces::Whole(piece) => piece.take(),
            WordPieces::Cut(pieces) => pieces.next(),
        }
    }
}

/// Whether `text` may hold a character two columns wide. None comes
/// before U+1100 (Hangul Jamo, the first East Asian Wide block), and UTF-8
/// writes every character from there on with a first byte of 0xE1 or more:
/// text in Latin, Greek, Cyrillic, Arabic or Hebrew letters needs no closer
/// look, and no character is decoded to tell.
fn may_hold_wide(text: &str) -> bool {
    text.bytes().any(|byte| byte >= 0xE1)
}

/// Whether the character before or after byte `at` of `word` is two columns wide.
fn next_to_wide(word: &str, at: usize) -> bool {
    let wide = |c: char| display_width(c.encode_utf8(&mut [0; 4])) > 1;
    word[..at].chars().next_back().is_some_and(wide) || word[at..].chars().next().is_some_and(wide)
}

/// Start and end of each space-separated word of `line` from `from` on.
/// The pieces come from `split`, so the walk ends with the line whatever
/// the arithmetic: a mistake gives wrong words, never a hang.
fn words(line: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    line[from..]
        .split(' ')
        .scan(from, |offset, word| {
            let start = *offset;
            *offset = start + word.len() + 1;
            Some((start, start + word.len()))
        })
        .filter(|(start, end)| end > start)
}

/// Columns a piece of text takes: its length for ASCII, else its display width.
fn width_of(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        display_width(text)
    }
}

/// How far continuation lines are indented: the leading spaces, plus a list
/// marker (`- `, `* `, `• `, `12. `) if the line starts with one.
fn hanging_indent(line: &str) -> usize {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[spaces..];
    let marker = if rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("• ") {
        2
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(". ") {
            digits + 2
        } else {
            0
        }
    };
    spaces + marker
}

/// The `hang(n)` template filter: lines after the first indented by `n`
/// spaces (blank lines left empty), so a list entry's later paragraphs sit
/// under its text: `{{ "- " ~ item.text | hang(2) }}`. Text of one line, the
/// usual case, is passed through untouched (and stays safe HTML if it was).
pub(super) fn hang(value: minijinja::Value, width: usize) -> minijinja::Value {
    let Some(text) = value.as_str() else {
        return value;
    };
    if !text.contains('\n') {
        return value;
    }
    let text = text.strip_suffix('\n').unwrap_or(text);
    let mut out = String::with_capacity(text.len() + 16 * width);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.extend(std::iter::repeat_n(' ', width));
            }
        }
        out.push_str(line);
    }
    if value.is_safe() {
        minijinja::Value::from_safe_string(out)
    } else {
        minijinja::Value::from(out)
    }
}

/// The narrowest a career's column may be in a plain-text comparison.
const MIN_COLUMN: usize = 16;
/// The widest the column of row headings gets (longer headings wrap).
const MAX_HEADING_COLUMN: usize = 18;
/// Spaces between columns.
const GAP: usize = 2;

/// The `columns(careers, rows, width)` template function: a comparison as
/// aligned columns within `width`, a row heading on the left and a column
/// per career (headed by its `title`); each row's `cells` hold `lines`,
/// each wrapped within its column. `none` when the columns would be narrower than 16
/// characters or a word would not fit in one: the template then shows one
/// block per career instead.
pub(super) fn columns(
    careers: minijinja::Value,
    rows: minijinja::Value,
    width: usize,
) -> Result<minijinja::Value, minijinja::Error> {
    let strings = |value: minijinja::Value| -> Result<Vec<String>, minijinja::Error> {
        Ok(value.try_iter()?.map(|v| v.to_string()).collect())
    };
    let titles: Vec<String> = careers
        .try_iter()?
        .map(|career| career.get_attr("title").map(|t| t.to_string()))
        .collect::<Result<_, _>>()?;
    let count = titles.len().max(1);
    let mut table: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for row in rows.try_iter()? {
        let cells = row
            .get_attr("cells")?
            .try_iter()?
            .map(|cell| cell.get_attr("lines").and_then(strings))
            .collect::<Result<_, _>>()?;
        table.push((row.get_attr("heading")?.to_string(), cells));
    }
    let heading_width = table
        .iter()
        .map(|(heading, ..)| display_width(heading))
        .max()
        .unwrap_or(0)
        .min(MAX_HEADING_COLUMN)
        // A heading's longest word is never cut.
        .max(
            table
                .iter()
                .flat_map(|(heading, ..)| heading.split_whitespace())
                .map(display_width)
                .max()
                .unwrap_or(0),
        );
    let Some(column) = width
        .checked_sub(heading_width + GAP * count)
        .map(|room| room / count)
        .filter(|&column| column >= MIN_COLUMN)
    else {
        return Ok(minijinja::Value::from(()));
    };
    let wrap = |text: &str, width: usize| -> Vec<String> {
        let mut out = String::new();
        wrap_line(text.trim(), width, 0, &mut out);
        out.lines().map(str::to_owned).collect()
    };
    let mut widths = vec![heading_width];
    widths.extend(std::iter::repeat_n(column, count));
    let mut out = String::new();
    let mut fits = true;
    let mut push_row = |cells: Vec<Vec<String>>, out: &mut String| {
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        for line in 0..height {
            let mut text = String::new();
            for (index, cell) in cells.iter().enumerate() {
                let part = cell.get(line).map_or("", String::as_str);
                let used = display_width(part);
                fits &= used <= widths[index];
                if index > 0 {
                    text.push_str(&" ".repeat(GAP));
                }
                text.push_str(part);
                text.push_str(&" ".repeat(widths[index].saturating_sub(used)));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
    };
    let mut header = vec![Vec::new()];
    header.extend(titles.iter().map(|title| wrap(title, column)));
    push_row(header, &mut out);
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    out.push_str(&rule.join(&" ".repeat(GAP)));
    out.push('\n');
    for (heading, cells) in table {
        out.push('\n');
        let mut row = vec![wrap(&heading, heading_width)];
        row.extend(cells.iter().map(|lines| {
            lines
                .iter()
                .flat_map(|line| wrap(line, column))
                .collect::<Vec<_>>()
        }));
        push_row(row, &mut out);
    }
    Ok(if fits {
        minijinja::Value::from(out)
    } else {
        minijinja::Value::from(())
    })
}

/// `Title` → `Title\n=====`: a heading underlined to its own width.
pub(super) fn underline(text: &str, character: &str) -> String {
    let width = display_width(text);
    format!("{text}\n{}", character.repeat(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_lines_hang_under_the_text_of_their_marker() {
        for (line, hang) in [
            ("- a", 2),
            ("* a", 2),
            ("• a", 2),
            ("  - a", 4),
            ("1. a", 3),
            ("123. a", 5),
            (". a", 0),
            ("12 a", 0),
            ("a", 0),
            ("   text", 3),
        ] {
            assert_eq!(hanging_indent(line), hang, "{line:?}");
        }
    }

    /// The shortcut `pieces` takes for alphabetic words holds: no
    /// character it passes over is two columns wide.
    #[test]
    fn no_character_taken_for_narrow_is_wide() {
        let passed_over = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| !may_hold_wide(c.encode_utf8(&mut [0; 4])));
        for c in passed_over {
            assert!(
                display_width(c.encode_utf8(&mut [0; 4])) <= 1,
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert!(may_hold_wide("資料"));
        assert!(!may_hold_wide("información"));
    }

    #[test]
    fn japanese_wraps_by_display_width_at_allowed_breaks() {
        let japanese = "図書館技術者は、図書館員を補佐して資料の貸し出しや返却、目録作成、利用者への案内を行います。多くの職場では準学士号が求められます。";
        let wrapped = wrap_report(&format!("- {japanese}\n"), 30);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 4, "{wrapped}");
        for line in &lines {
            assert!(
                width_of(line) <= 30,
                "{line:?} is {} columns",
                width_of(line)
            );
        }
        // Later lines hang under the text; nothing is lost or added.
        assert!(
            lines[1..]
                .iter()
                .all(|line| line.starts_with("  ") && !line[2..].starts_with(' '))
        );
        let joined: String = lines
            .iter()
            .map(|line| line.trim_start_matches(['-', ' ']))
            .collect();
        assert_eq!(joined, japanese);
        // No line starts with a closing mark: UAX #14 forbids a break before it.
        assert!(
            lines
                .iter()
                .all(|line| !line.trim_start().starts_with(['、', '。']))
        );
        // Latin text keeps its words whole, hyphenated ones too.
        assert_eq!(
            wrap_report("entry-level café workers\n", 12),
            "entry-level\ncafé workers\n"
        );
    }

    #[test]
    fn lines_fill_exactly_to_the_width_and_no_further() {
        assert_eq!(wrap_report("aaaaaa bbbbb", 12), "aaaaaa bbbbb\n");
        assert_eq!(wrap_report("aaaaaa bbbbbb", 12), "aaaaaa\nbbbbbb\n");
        // A continuation line starts at the hang and fills to the width.
        assert_eq!(
            wrap_report("- aaaa bbbb cccc dddd eeee", 12),
            "- aaaa bbbb\n  cccc dddd\n  eeee\n"
        );
        assert_eq!(
            wrap_report("1. aaaa bbbb cccc dddd", 13),
            "1. aaaa bbbb\n   cccc dddd\n"
        );
        // Widths below ten columns past the hang are raised to that.
        assert_eq!(wrap_report("aaaa bbbb cccc", 4), "aaaa bbbb\ncccc\n");
        // A line that fits by display width is kept as written, spaces and all.
        assert_eq!(wrap_report("éé  éé", 8), "éé  éé\n");
        // One that does not is wrapped, though it needs no break.
        assert_eq!(wrap_report("éé    éé", 6), "éé éé\n");
    }

    /// A writer whose flush fails, as a full disk does.
    struct FailingFlush;

    impl std::io::Write for FailingFlush {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        }
    }

    #[test]
    fn the_streaming_wrapper_reports_a_failed_flush() {
        use std::io::Write as _;
        let mut writer = WrapWriter::new(FailingFlush, 80);
        writer.write_all(b"a line\n").unwrap();
        assert!(writer.flush().is_err());
        assert!(WrapWriter::new(FailingFlush, 80).finish().is_err());
    }

    #[test]
    fn underlines_fit_the_wrapped_heading_and_the_report_ends_once() {
        let title = "A VERY LONG CAREER TITLE THAT WILL NOT FIT";
        let report = format!("{}\n\ntext\n\n\n", underline(title, "="));
        assert_eq!(
            wrap_report(&report, 20),
            "A VERY LONG CAREER\nTITLE THAT WILL NOT\nFIT\n===================\n\ntext\n"
        );
        assert_eq!(wrap_report("Short\n-----", 20), "Short\n-----\n");
        // A rule under a blank line is not an underline.
        assert_eq!(wrap_report("\n---\n", 20), "\n---\n");
        assert_eq!(underline_mark("a=="), None);
        assert_eq!(underline_mark("=="), None);
    }

    #[test]
    fn wraps_list_items_with_hanging_indent() {
        let text = "12. one two three four five six seven eight nine ten";
        assert_eq!(
            wrap_report(text, 24),
            "12. one two three four\n    five six seven eight\n    nine ten\n"
        );
    }

    #[test]
    fn runs_of_spaces_become_one_and_lines_fill_up_to_the_width() {
        let text = "  one  two three   four five six seven eight nine";
        assert_eq!(
            wrap_report(text, 16),
            "  one two three\n  four five six\n  seven eight\n  nine\n"
        );
        assert_eq!(wrap_report("aaaa bbbb cccc", 9), "aaaa bbbb\ncccc\n");
    }

    #[test]
    fn keeps_hyphenated_words_and_long_urls_whole() {
        let text = "a hands-on https://example.org/a/very/long/path/that/is/long";
        let wrapped = wrap_report(text, 12);
        assert!(wrapped.contains("hands-on"));
        assert!(wrapped.contains("https://example.org/a/very/long/path/that/is/long"));
    }

    #[test]
    fn hang_indents_lines_after_the_first_but_not_blank_ones() {
        let hung = hang(minijinja::Value::from("one\n\ntwo\nthree\n"), 3);
        assert_eq!(hung.as_str(), Some("one\n\n   two\n   three"));
        let single = hang(minijinja::Value::from_safe_string("<p>one</p>".into()), 3);
        assert_eq!(single.as_str(), Some("<p>one</p>"));
        assert!(single.is_safe());
    }

    #[test]
    fn the_writer_wraps_as_wrap_report_does() {
        let report =
            "Title\n- one two three four five six seven eight nine ten\r\n\nlast line no newline";
        let mut written = Vec::new();
        let mut writer = WrapWriter::new(&mut written, 24);
        for piece in report.as_bytes().chunks(7) {
            std::io::Write::write_all(&mut writer, piece).unwrap();
        }
        writer.finish().unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), wrap_report(report, 24));
    }

    #[test]
    fn underlines_by_display_width() {
        assert_eq!(underline("Café", "="), "Café\n====");
    }
}
