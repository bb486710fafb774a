//! Content rules: placeholders left in, sentences cut off, unsafe links,
//! empty and repeated list entries.

use crate::rules::Rule;

use std::cell::OnceCell;

use super::Findings;
use crate::finding::{Finding, is_hidden_control, visible};
use crate::links::{is_web_link, link_urls};
use crate::profile::{Group, Item, Profile, Prose, SectionContent};

pub(super) fn check(profile: &Profile, findings: &mut Findings) {
    let walk = Walk::of(profile, false);
    // Field paths, written only once a finding needs one.
    let located = OnceCell::new();
    let paths = || located.get_or_init(|| Walk::of(profile, true));
    let want_placeholders = findings.wants(Rule::PlaceholderText);
    let want_endings = findings.wants(Rule::UnfinishedSentence);
    let want_links = findings.wants(Rule::UnsafeLink);
    let want_duplicates = findings.wants(Rule::DuplicateItem);
    for (number, field) in walk.texts.iter().enumerate() {
        let path = || paths().texts[number].path.as_str();
        if let Some(control) = field.text.chars().find(|&c| is_hidden_control(c)) {
            findings.at_value(
                path(),
                Finding::new(
                    Rule::ControlCharacter,
                    format!(
                        "this text holds a control character ({}, U+{:04X}), which would garble reports and terminals",
                        visible(&control.to_string()),
                        u32::from(control)
                    ),
                    "remove it: in a quoted YAML text it comes from an escape such as `\\e`, `\\x1b` or `\\u001b`",
                ),
            );
        }
        if field.kind == Kind::Label
            && let Some(line) = field.text.trim().lines().nth(1)
        {
            findings.at_text(
                path(),
                line,
                Finding::new(
                    Rule::LineBreakInLabel,
                    "this title or heading runs over more than one line",
                    "write it on one line; in YAML, a `|` or `>` after the key keeps line breaks, so leave them out",
                ),
            );
        }
        // Only white space is an empty text, which the rules on empty
        // fields report (and a policy may allow).
        if !field.text.trim().is_empty() && field.text.chars().all(is_invisible) {
            findings.at_value(
                path(),
                Finding::new(
                    Rule::InvisibleText,
                    "this text has nothing that can be seen: only spaces, zero-width characters or direction marks",
                    "write the text, or remove the field",
                ),
            );
        }
        if let Some(depth) = deeper_than_allowed(field.text) {
            findings.at_value(
                path(),
                Finding::new(
                    Rule::TooDeeplyNested,
                    format!(
                        "quotes and lists are nested {depth} deep here; reports lay out at most {MAX_NESTING}"
                    ),
                    "flatten the text: a career handout reads best with a list inside a list at most",
                ),
            );
        }
        // A placeholder is reported once, not again as an unfinished sentence.
        let placeholder = if want_placeholders || want_endings {
            find_placeholder(field.text)
        } else {
            None
        };
        if let Some(placeholder) = placeholder {
            findings.at_text(
                path(),
                placeholder,
                Finding::new(
                    Rule::PlaceholderText,
                    format!("placeholder text `{placeholder}` is still here"),
                    "replace it with the real content, or remove the entry",
                ),
            );
        }
        if want_endings
            && field.kind == Kind::Prose
            && placeholder.is_none()
            && let Some(last_line) = unfinished_ending(field.text)
        {
            findings.at_text(
                path(),
                last_line,
                Finding::new(
                    Rule::UnfinishedSentence,
                    format!(
                        "this text stops mid-sentence: \"…{}\"",
                        tail_words(last_line, 6)
                    ),
                    "finish the sentence (or remove it); a paragraph ends with a full stop, ? or !",
                ),
            );
        }
        // Markdown links need `[` (or `<` for autolinks); most text has neither.
        if want_links && field.kind != Kind::Label && field.text.contains(['[', '<']) {
            for url in link_urls(field.text) {
                if url.chars().count() > MAX_LINK_CHARS {
                    findings.at_text(
                        path(),
                        &url[..url.floor_char_boundary(60)],
                        link_too_long(&url),
                    );
                } else if !is_web_link(&url) {
                    findings.at_text(path(), &url, unsafe_link(&url));
                }
            }
        }
    }
    // Every source's address: the profile's, the salary figures' and each fact's.
    let mut sources: Vec<(String, &crate::profile::SourceRef)> = profile
        .sources
        .iter()
        .enumerate()
        .map(|(index, source)| (format!("sources[{index}]"), source))
        .collect();
    if let Some(source) = profile
        .sections
        .salary
        .as_ref()
        .and_then(|s| s.source.as_ref())
    {
        sources.push(("sections.salary.source".to_owned(), source));
    }
    for (name, stated) in profile.facts.iter().flat_map(|f| f.present()) {
        sources.extend(
            stated
                .source
                .map(|source| (format!("facts.{name}.source"), source)),
        );
    }
    for (at, source) in sources {
        let Some(url) = &source.url else { continue };
        let path = format!("{at}.url");
        if url.chars().count() > MAX_LINK_CHARS {
            findings.at_value(&path, link_too_long(url));
        } else if !is_web_link(url) {
            findings.at_value(&path, unsafe_link(url));
        }
    }
    for (number, list) in walk.lists.iter().enumerate() {
        let list_path = || paths().lists[number].path.as_str();
        if list.items.len() > MAX_LIST_ENTRIES {
            findings.at_key(
                list_path(),
                Finding::new(
                    Rule::TooManyItems,
                    format!(
                        "this list has {} entries; a career profile lists at most {MAX_LIST_ENTRIES}",
                        list.items.len()
                    ),
                    "check that this is the right file; a list this long belongs in a source, not a profile",
                ),
            );
            continue;
        }
        // Lists are short (at most MAX_LIST_ENTRIES): a plain list of fingerprints will do.
        let mut seen: Vec<u64> = Vec::with_capacity(list.items.len());
        for (index, item) in list.items.iter().enumerate() {
            let path = || format!("{}[{index}]", list_path());
            if item.text.trim().is_empty() {
                findings.at_key(
                    &path(),
                    Finding::new(
                        Rule::EmptyItem,
                        "this list entry has no text",
                        "write the entry's text, or remove the line",
                    ),
                );
                continue;
            }
            // Entries still to write (`TODO`) are each reported as placeholders, not as repeats.
            if !want_duplicates || find_placeholder(&item.text).is_some() {
                continue;
            }
            let fingerprint = normalise(item);
            if seen.contains(&fingerprint) {
                findings.at_key(
                    &path(),
                    Finding::new(
                        Rule::DuplicateItem,
                        "this entry repeats an earlier entry of the same list",
                        "remove one of the two, or make them say different things",
                    ),
                );
            }
            seen.push(fingerprint);
        }
    }
    for (number, (_, group)) in walk.groups.iter().enumerate() {
        if group.is_empty() {
            findings.at_key(
                &paths().groups[number].0,
                Finding::new(
                    Rule::EmptyItem,
                    format!("the sub-list `{}` has nothing in it", group.heading),
                    "add `items:` or an `intro:` under it, or remove it",
                ),
            );
        }
    }
    for (index, entry) in profile.summary.iter().enumerate() {
        if entry.text.trim().is_empty() {
            findings.at_key(
                &format!("summary[{index}]"),
                Finding::new(
                    Rule::EmptyItem,
                    format!("the summary entry `{}` has no text", entry.heading),
                    "write its `text:`, or remove the entry",
                ),
            );
        }
    }
    if let Some(misconceptions) = &profile.sections.misconceptions {
        for (index, pair) in misconceptions.items.iter().enumerate() {
            for (field, text) in [("myth", &pair.myth), ("reality", &pair.reality)] {
                if text.trim().is_empty() {
                    findings.at_key(
                        &format!("sections.misconceptions.items[{index}].{field}"),
                        Finding::new(
                            Rule::EmptyItem,
                            format!("this misconception has no `{field}` text"),
                            "write both the misconception and the reality, or remove the pair",
                        ),
                    );
                }
            }
        }
    }
}

/// The longest link address: what browsers and PDF readers take whole.
const MAX_LINK_CHARS: usize = 2_000;

fn link_too_long(url: &str) -> Finding {
    Finding::new(
        Rule::LinkTooLong,
        format!(
            "this link's address has {} characters; at most {MAX_LINK_CHARS} work everywhere",
            url.chars().count()
        ),
        "link to the page itself (a short address), not to a search or a generated address",
    )
}

/// How deep quotes and lists may nest: PDF lays out at most this many.
const MAX_NESTING: usize = 10;

/// How deep quotes and lists nest in `markdown`, when more than
/// [`MAX_NESTING`]. Most text has no line that could start such depth, so
/// it is parsed only when a line's leading quote marks, list markers and
/// indentation could add up to it.
fn deeper_than_allowed(markdown: &str) -> Option<usize> {
    let could = markdown.lines().any(|line| {
        let mut levels = 0;
        let mut spaces = 0;
        for c in line.chars() {
            match c {
                '>' | '-' | '*' | '+' => levels += 1,
                ' ' => spaces += 1,
                '\t' => spaces += 4,
                '0'..='9' | '.' | ')' => {}
                _ => break,
            }
        }
        levels + spaces / 2 > MAX_NESTING
    });
    if !could {
        return None;
    }
    let depth = crate::links::nesting_depth(markdown);
    (depth > MAX_NESTING).then_some(depth)
}

/// Whether `c` prints as nothing: white space, or a zero-width or
/// direction-setting format character.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

fn unsafe_link(url: &str) -> Finding {
    // A warning: reports make such links inert, so nothing unsafe reaches a reader.
    Finding::new(
        Rule::UnsafeLink,
        format!("the link `{url}` is not a web or e-mail address"),
        "link to a full address starting with https:// (or http://), or mailto: for e-mail",
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Paragraphs: should end a sentence.
    Prose,
    /// A list entry without a title: often a phrase, not a sentence.
    ListEntry,
    /// Titles and headings: plain text, not Markdown.
    Label,
}

pub(super) struct TextField<'a> {
    pub(super) path: String,
    pub(super) text: &'a str,
    kind: Kind,
}

/// Every text field and every list of a profile, always in the same order.
/// Field paths are written only `with_paths`: most profiles have no finding,
/// and a path for every field costs more than the checks themselves.
#[derive(Default)]
pub(super) struct Walk<'a> {
    with_paths: bool,
    pub(super) texts: Vec<TextField<'a>>,
    lists: Vec<ItemList<'a>>,
    groups: Vec<(String, &'a Group)>,
}

struct ItemList<'a> {
    path: String,
    items: &'a [Item],
}

/// `format!` when the walk writes paths, else an empty string (no allocation).
macro_rules! path {
    ($walk:expr, $($format:tt)*) => {
        if $walk.with_paths {
            format!($($format)*)
        } else {
            String::new()
        }
    };
}

impl<'a> Walk<'a> {
    pub(super) fn of(profile: &'a Profile, with_paths: bool) -> Self {
        let mut walk = Walk {
            with_paths,
            ..Walk::default()
        };
        walk.text(path!(walk, "title"), &profile.title, Kind::Label);
        if let Some(category) = &profile.category {
            walk.text(path!(walk, "category"), category, Kind::Label);
        }
        if let Some(career_type) = &profile.career_type {
            walk.text(path!(walk, "career_type"), career_type, Kind::Label);
        }
        for (i, alias) in profile.aliases.iter().enumerate() {
            walk.text(path!(walk, "aliases[{i}]"), &alias.0, Kind::Label);
        }
        if let Some(codes) = &profile.codes {
            for (name, code) in &codes.local {
                walk.text(path!(walk, "codes.local.{name}"), code, Kind::Label);
            }
        }
        if let Some(facts) = &profile.facts {
            walk.facts(facts);
        }
        if let Some(salary) = &profile.sections.salary {
            if let Some(region) = &salary.region {
                walk.text(path!(walk, "sections.salary.region"), region, Kind::Label);
            }
            if let Some(source) = &salary.source {
                walk.source("sections.salary.source", source);
            }
        }
        for (i, source) in profile.sources.iter().enumerate() {
            walk.source(&path!(walk, "sources[{i}]"), source);
        }
        for (i, entry) in profile.summary.iter().enumerate() {
            walk.text(
                path!(walk, "summary[{i}].heading"),
                &entry.heading,
                Kind::Label,
            );
            walk.text(path!(walk, "summary[{i}].text"), &entry.text, Kind::Prose);
        }
        for (info, content) in profile.sections.in_order() {
            let path = path!(walk, "sections.{}", info.id);
            walk.prose(&path, content.prose());
            if let SectionContent::Misconceptions(section) = content {
                for (i, pair) in section.items.iter().enumerate() {
                    walk.text(
                        path!(walk, "{path}.items[{i}].myth"),
                        &pair.myth,
                        Kind::Prose,
                    );
                    walk.text(
                        path!(walk, "{path}.items[{i}].reality"),
                        &pair.reality,
                        Kind::Prose,
                    );
                }
            }
        }
        for (i, extra) in profile.extra_sections.iter().enumerate() {
            let path = path!(walk, "extra_sections[{i}]");
            walk.text(path!(walk, "{path}.heading"), &extra.heading, Kind::Label);
            walk.prose(&path, extra.prose());
        }
        walk
    }

    /// The words of the quick facts, and their sources' names.
    fn facts(&mut self, facts: &'a crate::profile::Facts) {
        let mut words: Vec<(&'static str, &'static str, &'a str)> = Vec::new();
        let mut sources: Vec<(&'static str, &'a crate::profile::SourceRef)> = Vec::new();
        if let Some(f) = &facts.entry_education {
            words.extend(f.text.as_deref().map(|t| ("entry_education", "text", t)));
        }
        for (name, fact) in [
            ("work_experience", &facts.work_experience),
            ("training", &facts.training),
        ] {
            words.extend(fact.as_ref().map(|f| (name, "text", f.text.as_str())));
        }
        for (name, fact) in [
            ("jobs", &facts.jobs),
            ("openings_per_year", &facts.openings_per_year),
        ] {
            words.extend(
                fact.as_ref()
                    .and_then(|f| f.text.as_deref())
                    .map(|t| (name, "text", t)),
            );
        }
        if let Some(f) = &facts.outlook {
            words.extend(f.period.as_deref().map(|t| ("outlook", "period", t)));
            words.extend(f.words.as_deref().map(|t| ("outlook", "words", t)));
        }
        if let Some(f) = &facts.hours {
            words.extend(f.text.as_deref().map(|t| ("hours", "text", t)));
        }
        if let Some(f) = &facts.regulated {
            words.push(("regulated", "text", f.text.as_str()));
            words.extend(f.body.as_deref().map(|t| ("regulated", "body", t)));
        }
        for (name, stated) in facts.present() {
            sources.extend(stated.source.map(|s| (name, s)));
        }
        for (name, field, text) in words {
            self.text(path!(self, "facts.{name}.{field}"), text, Kind::Label);
        }
        for (name, source) in sources {
            self.source(&path!(self, "facts.{name}.source"), source);
        }
    }

    /// A source's title and credit line, under the path `at`.
    fn source(&mut self, at: &str, source: &'a crate::profile::SourceRef) {
        self.text(path!(self, "{at}.title"), &source.title, Kind::Label);
        if let Some(credit) = &source.credit {
            self.text(path!(self, "{at}.credit"), credit, Kind::Label);
        }
    }

    fn text(&mut self, path: String, text: &'a str, kind: Kind) {
        self.texts.push(TextField { path, text, kind });
    }

    fn prose(&mut self, path: &str, prose: Prose<'a>) {
        if let Some(intro) = prose.intro {
            self.text(path!(self, "{path}.intro"), intro, Kind::Prose);
        }
        self.items(path!(self, "{path}.items"), prose.items);
        for (i, group) in prose.groups.iter().enumerate() {
            let group_path = path!(self, "{path}.groups[{i}]");
            self.text(
                path!(self, "{group_path}.heading"),
                &group.heading,
                Kind::Label,
            );
            if let Some(intro) = &group.intro {
                self.text(path!(self, "{group_path}.intro"), intro, Kind::Prose);
            }
            self.items(path!(self, "{group_path}.items"), &group.items);
            if let Some(outro) = &group.outro {
                self.text(path!(self, "{group_path}.outro"), outro, Kind::Prose);
            }
            self.groups.push((group_path, group));
        }
        if let Some(outro) = prose.outro {
            self.text(path!(self, "{path}.outro"), outro, Kind::Prose);
        }
    }

    fn items(&mut self, path: String, items: &'a [Item]) {
        for (i, item) in items.iter().enumerate() {
            match &item.title {
                // A titled entry's text explains the title in sentences.
                Some(title) => {
                    self.text(path!(self, "{path}[{i}].title"), title, Kind::Label);
                    self.text(path!(self, "{path}[{i}].text"), &item.text, Kind::Prose);
                }
                None => self.text(path!(self, "{path}[{i}]"), &item.text, Kind::ListEntry),
            }
        }
        self.lists.push(ItemList { path, items });
    }
}

/// More entries than any list in a career profile needs.
pub(crate) const MAX_LIST_ENTRIES: usize = 1_000;

/// Placeholder words (the first-letter test in `find_placeholder` must match).
const PLACEHOLDER_WORDS: [&str; 4] = ["todo", "tbd", "fixme", "xxx"];

/// The placeholder as written in `text`, if there is one. Runs over every
/// text field of every profile, so it scans the bytes once, word by word,
/// without allocating.
pub(super) fn find_placeholder(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    // Words are the runs between non-word bytes: `split` bounds the walk.
    let words = bytes.split(|&b| !is_word_byte(b)).scan(0, |offset, word| {
        let start = *offset;
        *offset = start + word.len() + 1;
        Some((start, start + word.len()))
    });
    for (start, end) in words {
        // Every placeholder word starts with one of these letters.
        if !(3..=5).contains(&(end - start))
            || !matches!(bytes[start] | 0x20, b't' | b'f' | b'x' | b'l')
        {
            continue;
        }
        let word = &text[start..end];
        // "todo" is also Spanish and Portuguese for "all": only `TODO` in
        // capitals, or a `todo:` note, is a placeholder.
        let ordinary_word =
            word.eq_ignore_ascii_case("todo") && word != "TODO" && bytes.get(end) != Some(&b':');
        if !ordinary_word
            && PLACEHOLDER_WORDS
                .iter()
                .any(|p| word.eq_ignore_ascii_case(p))
        {
            return Some(word);
        }
        if word.eq_ignore_ascii_case("lorem")
            && bytes
                .get(end..end + " ipsum".len())
                .is_some_and(|next| next.eq_ignore_ascii_case(b" ipsum"))
        {
            return text.get(start..end + " ipsum".len());
        }
    }
    if text.as_bytes().contains(&b'?') && text.contains("???") {
        return Some("???");
    }
    None
}

/// Letters, digits and any byte of a non-ASCII character.
fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES[usize::from(byte)]
}

/// `is_word_byte` as a table: the scan asks once per byte of every text.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b >= 0x80;
        byte += 1;
    }
    table
};

/// The last line of `text` when it stops mid-sentence.
fn unfinished_ending(text: &str) -> Option<&str> {
    let last_line = text.trim_end().rsplit('\n').next()?.trim();
    // A list entry, a heading or a table row is not a sentence.
    if last_line.is_empty() || is_list_line(last_line) || last_line.starts_with(['#', '|']) {
        return None;
    }
    let ending = last_line.trim_end_matches([
        '*', '_', '`', '"', '\'', '’', '”', ')', ']', '»', '」', '』', '）',
    ]);
    // Full stops and marks of other scripts too: Chinese and Japanese `。！？`,
    // Arabic `؟` and `۔`, Devanagari `।`.
    let finished = ending.ends_with([
        '.', '!', '?', ':', ';', '…', '。', '！', '？', '؟', '۔', '।',
    ]) || ending.ends_with("...");
    (!finished).then_some(last_line)
}

fn is_list_line(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.starts_with(['-', '*', '+', '•', '–'])
        || (digits > 0 && line[digits..].starts_with(['.', ')']))
}

fn tail_words(line: &str, count: usize) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    words[words.len().saturating_sub(count)..].join(" ")
}

/// A fingerprint of an entry that ignores case and spacing (FNV-1a over
/// its words), so repeated entries are found without building strings.
fn normalise(item: &Item) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for part in [item.title.as_deref().unwrap_or(""), "\0", &item.text] {
        for word in part.split_whitespace() {
            for byte in word.bytes() {
                feed(byte.to_ascii_lowercase());
            }
            feed(b' ');
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        assert_eq!(find_placeholder("TODO: write this"), Some("TODO"));
        assert_eq!(find_placeholder("Figures tbd."), Some("tbd"));
        assert_eq!(find_placeholder("Lorem ipsum dolor"), Some("Lorem ipsum"));
        assert_eq!(find_placeholder("Salary: ???"), Some("???"));
        assert_eq!(find_placeholder("Call xxx for details"), Some("xxx"));
        assert_eq!(find_placeholder("Todos los días"), None);
        assert_eq!(find_placeholder("casi todo el trabajo"), None);
        assert_eq!(find_placeholder("Todo el día."), None);
        assert_eq!(find_placeholder("todo: add figures"), Some("todo"));
        assert_eq!(find_placeholder("XXXL uniforms"), None);
        assert_eq!(find_placeholder("A finished sentence."), None);
    }

    #[test]
    fn unfinished_sentences() {
        assert_eq!(
            unfinished_ending("To succeed as a library technician"),
            Some("To succeed as a library technician")
        );
        assert_eq!(unfinished_ending("Done."), None);
        assert_eq!(
            unfinished_ending("Pay:\n\n| Entry | $17 |\n| --- | --- |\n| Senior | $30 |"),
            None
        );
        assert_eq!(unfinished_ending("求められます。"), None);
        assert_eq!(unfinished_ending("「有利です。」"), None);
        assert_eq!(unfinished_ending("هل هذا صحيح؟"), None);
        assert_eq!(unfinished_ending("求められます"), Some("求められます"));
        assert_eq!(unfinished_ending("They include:"), None);
        assert_eq!(unfinished_ending("Is it *really* done?**"), None);
        assert_eq!(unfinished_ending("(see the “Outlook” section.)"), None);
        assert_eq!(
            unfinished_ending("Duties:\n\n- shelving\n- cataloguing"),
            None
        );
    }

    #[test]
    fn links() {
        assert!(is_web_link("https://www.ala.org/"));
        assert!(is_web_link("mailto:careers@example.org"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("ftp://example.org"));
        assert!(!is_web_link("/relative/page"));
        assert!(!is_web_link("https://"));
    }
}
