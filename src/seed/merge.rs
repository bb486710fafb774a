//! `seed --merge`: what a draft adds to an office's own profile, written in
//! as new lines only, so nothing the office wrote (its words, comments,
//! order, line endings) changes.
//!
//! Added: other titles and codes the profile lacks, facts it lacks, and
//! sections it lacks or left empty (never the draft's TODO stubs), with the
//! database's source and credit line when anything was added. Kept: every
//! value the profile has, even where the database states another (listed).

use serde_saphyr::granit_parser::{Event, Parser, Span, StructureStyle};

/// A profile with a draft's additions written in.
#[derive(Debug)]
pub struct Merged {
    /// The profile's text with the added lines (unchanged when nothing was added).
    pub text: String,
    /// What was added.
    pub added: Vec<Change>,
    /// Where the profile and the database differ: the profile's value was kept.
    pub kept: Vec<Change>,
    /// What could not be added as lines of its own (the field is written
    /// on one line, as `[a, b]`): to be added by hand.
    pub by_hand: Vec<Change>,
}

/// One field and what happened to it.
#[derive(Debug, PartialEq, Eq)]
pub struct Change {
    /// Its field path (`codes.onet`).
    pub path: String,
    /// What was added or kept, in words.
    pub what: String,
}

/// Why a profile's text could not take a merge.
#[derive(Debug, PartialEq, Eq)]
pub enum MergeError {
    /// The text is not a YAML mapping of fields.
    NotAProfile,
    /// The merged text would not keep every value of the profile: nothing
    /// is written (a fault of pathways; the message asks for a report).
    WouldChange(String),
}

/// A draft's lines added to `profile` (a profile's text) where it lacks them.
pub fn merge(profile: &str, draft: &str) -> Result<Merged, MergeError> {
    let merged = merge_once(profile, draft)?;
    confirm(profile, &merged, draft)?;
    Ok(merged)
}

/// Refuses a merged text that does not keep every value of the profile, or
/// whose additions YAML would not read as meant (they would be added again).
fn confirm(profile: &str, merged: &Merged, draft: &str) -> Result<(), MergeError> {
    let before = parse(profile).ok_or(MergeError::NotAProfile)?;
    let after = parse(&merged.text)
        .ok_or_else(|| MergeError::WouldChange("the merged text would not be YAML".to_owned()))?;
    if let Some(path) = first_changed(&before, &after, "") {
        return Err(MergeError::WouldChange(path));
    }
    match merge_once(&merged.text, draft)?.added.first() {
        Some(change) => Err(MergeError::WouldChange(change.path.clone())),
        None => Ok(()),
    }
}

fn merge_once(profile: &str, draft: &str) -> Result<Merged, MergeError> {
    let office = parse(profile).ok_or(MergeError::NotAProfile)?;
    let seeded = parse(draft).ok_or(MergeError::NotAProfile)?;
    let (Value::Map(office_fields), Value::Map(seeded_fields)) = (&office.value, &seeded.value)
    else {
        return Err(MergeError::NotAProfile);
    };
    if !office.block {
        return Err(MergeError::NotAProfile);
    }
    let mut merger = Merger {
        draft,
        edits: Vec::new(),
        inline_edits: Vec::new(),
        merged: Merged {
            text: String::new(),
            added: Vec::new(),
            kept: Vec::new(),
            by_hand: Vec::new(),
        },
    };
    let top = Place {
        after_line: top_level_end(profile, office_fields),
        column: office_fields.first().map_or(0, |f| f.key_column),
    };
    let title = find(office_fields, "title").and_then(|f| f.value.text());
    for field in seeded_fields {
        let target = Target::of(find(office_fields, &field.key), top);
        match field.key.as_str() {
            "aliases" => merger.items(&target, field, "aliases", &|alias: &Node| {
                alias.text().is_some_and(|text| {
                    title.is_some_and(|title| same_title(title, text))
                        || target
                            .items()
                            .iter()
                            .any(|other| other.text().is_some_and(|other| same_title(other, text)))
                })
            }),
            "codes" => merger.mapping(&target, field, "codes", Inside::Lists),
            "facts" => merger.mapping(&target, field, "facts", Inside::Whole),
            "sections" => merger.mapping(&target, field, "sections", Inside::WholeUnlessStub),
            _ => {}
        }
    }
    if !merger.merged.added.is_empty()
        && let Some(sources) = find(seeded_fields, "sources")
    {
        let target = Target::of(find(office_fields, "sources"), top);
        merger.items(&target, sources, "sources", &|source: &Node| {
            let address = url(source);
            address.is_some() && target.items().iter().any(|other| url(other) == address)
        });
    }
    let mut merged = merger.merged;
    merged.text = insert(profile, merger.edits, merger.inline_edits);
    Ok(merged)
}

/// A source's address.
fn url(source: &Node) -> Option<String> {
    source.field("url").and_then(Node::text).map(str::to_owned)
}

/// Two titles that name the same thing (case and a plural's `s` aside).
fn same_title(a: &str, b: &str) -> bool {
    let key = |title: &str| title.trim().to_lowercase().trim_end_matches('s').to_owned();
    key(a) == key(b)
}

/// What a mapping's fields are merged as.
#[derive(Clone, Copy)]
enum Inside {
    /// Lists of codes: missing entries are added to a list the profile has.
    Lists,
    /// Each field is added whole or kept whole (a fact: its figure and its
    /// source belong together).
    Whole,
    /// As `Whole`, and a draft's TODO stub is not added (a section).
    WholeUnlessStub,
}

/// Where new lines go: after a line, indented to a column.
#[derive(Clone, Copy, Debug)]
struct Place {
    after_line: usize,
    column: usize,
}

/// The profile's field a draft's field goes into.
enum Target<'a> {
    /// The profile lacks it: the whole field is added at `Place`.
    Missing(Place),
    /// It is there.
    Present(&'a Field),
}

impl<'a> Target<'a> {
    fn of(field: Option<&'a Field>, missing: Place) -> Self {
        field.map_or(Target::Missing(missing), Target::Present)
    }

    /// The items of a list the profile has.
    fn items(&self) -> &'a [Node] {
        match self {
            Target::Present(Field {
                value:
                    Node {
                        value: Value::Seq(items),
                        ..
                    },
                ..
            }) => items,
            _ => &[],
        }
    }
}

struct Merger<'d> {
    draft: &'d str,
    edits: Vec<Edit>,
    inline_edits: Vec<Inline>,
    merged: Merged,
}

impl Merger<'_> {
    /// Adds the draft's list items the profile's list lacks (`has` says
    /// which it has), or the list of them when the profile has none.
    fn items(&mut self, target: &Target, field: &Field, path: &str, has: &dyn Fn(&Node) -> bool) {
        let Value::Seq(items) = &field.value.value else {
            return;
        };
        let new: Vec<&Node> = items.iter().filter(|item| !has(item)).collect();
        if new.is_empty() {
            return;
        }
        let (place, mut text, column) = match target {
            Target::Missing(place) => (
                *place,
                self.lines(
                    place.column,
                    field.key_column,
                    field.key_line,
                    field.key_line,
                ),
                place.column + 2,
            ),
            Target::Present(present) => match &present.value.value {
                Value::Seq(existing) if present.value.block && !existing.is_empty() => {
                    let column = existing[0].dash_column;
                    (present.value.place_after(column), String::new(), column)
                }
                Value::Null => {
                    let column = present.key_column + 2;
                    (present.place_after_key(), String::new(), column)
                }
                Value::Seq(existing) => {
                    let flow: Vec<String> = new.iter().map(|item| flow(item)).collect();
                    let separator = if existing.is_empty() { "" } else { ", " };
                    self.inline(&present.value, format!("{separator}{}", flow.join(", ")));
                    for item in new {
                        self.merged.added.push(Change {
                            path: path.to_owned(),
                            what: describe(item),
                        });
                    }
                    return;
                }
                _ => {
                    for item in new {
                        self.merged.by_hand.push(Change {
                            path: path.to_owned(),
                            what: describe(item),
                        });
                    }
                    return;
                }
            },
        };
        for item in new {
            text += &self.lines(column, item.dash_column, item.first_line, item.last_line);
            self.merged.added.push(Change {
                path: path.to_owned(),
                what: describe(item),
            });
        }
        self.edits.push(Edit { place, text });
    }

    /// Adds to the profile's list `mine` the draft's entries it lacks (a
    /// list of codes: entries are the same when their text is).
    fn missing_entries(&mut self, mine: &Field, field: &Field, path: &str) {
        let target = Target::Present(mine);
        self.items(&target, field, path, &|code: &Node| {
            target
                .items()
                .iter()
                .any(|other| other.text() == code.text())
        });
    }

    /// Adds the draft's fields the profile's mapping lacks.
    fn mapping(&mut self, target: &Target, field: &Field, path: &str, inside: Inside) {
        let Value::Map(fields) = &field.value.value else {
            return;
        };
        let wanted: Vec<&Field> = fields
            .iter()
            .filter(|f| match inside {
                Inside::WholeUnlessStub => !f.value.has_todo(),
                Inside::Lists | Inside::Whole => true,
            })
            .collect();
        if wanted.is_empty() {
            return;
        }
        let present = match target {
            Target::Missing(place) => {
                let mut text = self.lines(
                    place.column,
                    field.key_column,
                    field.key_line,
                    field.key_line,
                );
                text += &self.fields(place.column + 2, &wanted, path);
                self.edits.push(Edit {
                    place: *place,
                    text,
                });
                return;
            }
            Target::Present(present) => present,
        };
        let (own, place) = match &present.value.value {
            Value::Map(own) if present.value.block && !own.is_empty() => {
                (own.as_slice(), present.value.place_after(own[0].key_column))
            }
            Value::Null => (&[][..], present.place_after_key()),
            Value::Map(own) => {
                self.flow_fields(&present.value, own, &wanted, path);
                return;
            }
            _ => {
                for f in wanted {
                    if find(own_fields(present), &f.key).is_none() {
                        self.merged.by_hand.push(Change {
                            path: format!("{path}.{}", f.key),
                            what: describe(&f.value),
                        });
                    }
                }
                return;
            }
        };
        let mut new = Vec::new();
        for f in wanted {
            let child = format!("{path}.{}", f.key);
            match (find(own, &f.key), inside) {
                (None, _) => new.push(f),
                (Some(mine), Inside::Lists) if matches!(f.value.value, Value::Seq(_)) => {
                    self.missing_entries(mine, f, &child);
                }
                (Some(mine), Inside::Lists) => {
                    if mine.value.text() != f.value.text() {
                        self.merged.kept.push(Change {
                            path: child,
                            what: format!(
                                "yours, {}; the database gives {}",
                                describe(&mine.value),
                                describe(&f.value)
                            ),
                        });
                    }
                }
                (Some(mine), _) if matches!(mine.value.value, Value::Null) => {
                    let Value::Map(inner) = &f.value.value else {
                        continue;
                    };
                    let inner: Vec<&Field> = inner.iter().collect();
                    let text = self.fields(mine.key_column + 2, &inner, "");
                    self.edits.push(Edit {
                        place: mine.place_after_key(),
                        text,
                    });
                    self.merged.added.push(Change {
                        path: child,
                        what: describe(&f.value),
                    });
                }
                (Some(_), _) => {}
            }
        }
        if !new.is_empty() {
            let text = self.fields(place.column, &new, path);
            self.edits.push(Edit { place, text });
        }
    }

    /// Adds to a mapping written on one line (`{soc: 25-4031}`) the fields
    /// it lacks, and to its lists the entries they lack.
    fn flow_fields(&mut self, map: &Node, own: &[Field], wanted: &[&Field], path: &str) {
        let mut text = String::new();
        for f in wanted {
            let child = format!("{path}.{}", f.key);
            match find(own, &f.key) {
                None => {
                    let separator = if own.is_empty() && text.is_empty() {
                        ""
                    } else {
                        ", "
                    };
                    text += &format!("{separator}{}: {}", f.key, flow(&f.value));
                    self.merged.added.push(Change {
                        path: child,
                        what: describe(&f.value),
                    });
                }
                // Only lists get entries added (`items` leaves the rest).
                Some(mine) => {
                    self.missing_entries(mine, f, &child);
                }
            }
        }
        if !text.is_empty() {
            self.inline(map, text);
        }
    }

    /// Adds `text` just before a flow node's closing `]` or `}`.
    fn inline(&mut self, node: &Node, text: String) {
        let (line, column) = node.close;
        self.inline_edits.push(Inline { line, column, text });
    }

    /// The lines of whole fields, at `column`, each listed as added under
    /// `path` (none when `path` is empty).
    fn fields(&mut self, column: usize, fields: &[&Field], path: &str) -> String {
        let mut text = String::new();
        for f in fields {
            text += &self.lines(column, f.key_column, f.key_line, f.value.last_line);
            if !path.is_empty() {
                self.merged.added.push(Change {
                    path: format!("{path}.{}", f.key),
                    what: describe(&f.value),
                });
            }
        }
        text
    }

    /// The draft's lines `first..=last`, moved from column `from` to `to`.
    fn lines(&self, to: usize, from: usize, first: usize, last: usize) -> String {
        shift(lines(self.draft, first, last), to as isize - from as isize)
    }
}

impl Node {
    /// Where lines continuing this node at `column` go.
    fn place_after(&self, column: usize) -> Place {
        Place {
            after_line: self.last_line,
            column,
        }
    }
}

impl Field {
    /// Where lines filling this field's empty value go.
    fn place_after_key(&self) -> Place {
        Place {
            after_line: self.key_line,
            column: self.key_column + 2,
        }
    }
}

fn own_fields(field: &Field) -> &[Field] {
    match &field.value.value {
        Value::Map(fields) => fields,
        _ => &[],
    }
}

/// A value in words, for the list of changes: a text (cut short), a list's
/// first entries, or an entry's title.
fn describe(node: &Node) -> String {
    describe_within(node, 60)
}

fn describe_within(node: &Node, most_chars: usize) -> String {
    const SHOWN: usize = 3;
    match &node.value {
        Value::Scalar(text) => {
            // Prose is cut short; a code or an address never is.
            let text = crate::finding::visible(text);
            match text.char_indices().nth(most_chars) {
                Some((cut, _)) if text.contains(' ') => format!("{}…", &text[..cut]),
                _ => text.into_owned(),
            }
        }
        Value::Seq(items) => {
            let first: Vec<String> = items
                .iter()
                .take(SHOWN)
                .map(|item| {
                    describe_within(item, if items.len() > SHOWN { 24 } else { most_chars })
                })
                .collect();
            if items.len() <= SHOWN {
                first.join(", ")
            } else {
                format!("{} items: {}, …", items.len(), first.join(", "))
            }
        }
        Value::Map(fields) => match fields.iter().find(|f| f.key == "title") {
            Some(title) => describe_within(&title.value, most_chars),
            None if fields.len() == 1 => describe_within(&fields[0].value, most_chars),
            None => fields
                .iter()
                .map(|f| f.key.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        },
        Value::Null | Value::Other => String::new(),
    }
}

/// The line new top-level fields go after: before `sections` and the
/// comment lines above it, or at the end.
fn top_level_end(text: &str, fields: &[Field]) -> usize {
    let Some(sections) = find(fields, "sections") else {
        return fields.iter().map(|f| f.value.last_line).max().unwrap_or(0);
    };
    let all: Vec<&str> = text.lines().collect();
    let mut line = sections.key_line - 1;
    while line > 0 && all[line - 1].trim_start().starts_with('#') {
        line -= 1;
    }
    line
}

/// The text of lines `first..=last` (1-based), each ending in `\n`.
fn lines(text: &str, first: usize, last: usize) -> String {
    let mut out: String = text
        .split_inclusive('\n')
        .skip(first - 1)
        .take(last + 1 - first)
        .collect();
    // A block scalar's span takes in the blank lines after it.
    let content = out.trim_end_matches(['\n', ' ']).len();
    out.truncate(content);
    out.push('\n');
    out
}

/// Lines moved right (or left) by `by` columns; blank lines stay blank.
fn shift(text: String, by: isize) -> String {
    if by == 0 {
        return text;
    }
    text.split_inclusive('\n')
        .map(|line| {
            if line.trim().is_empty() {
                line.to_owned()
            } else if by > 0 {
                format!("{}{line}", " ".repeat(by.unsigned_abs()))
            } else {
                let spaces = line.len() - line.trim_start_matches(' ').len();
                line[spaces.min(by.unsigned_abs())..].to_owned()
            }
        })
        .collect()
}

/// Lines to add, and where.
struct Edit {
    place: Place,
    text: String,
}

/// Text to add inside a line, before the character at `column`.
struct Inline {
    line: usize,
    column: usize,
    text: String,
}

/// A node written for a flow collection (`[a, "b, c"]`, `{k: v}`).
fn flow(node: &Node) -> String {
    match &node.value {
        Value::Scalar(text) => crate::import::yaml_flow_scalar(text),
        Value::Seq(items) => format!(
            "[{}]",
            items.iter().map(flow).collect::<Vec<_>>().join(", ")
        ),
        Value::Map(fields) => format!(
            "{{{}}}",
            fields
                .iter()
                .map(|f| format!(
                    "{}: {}",
                    crate::import::yaml_flow_scalar(&f.key),
                    flow(&f.value)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Null | Value::Other => "null".to_owned(),
    }
}

/// The text with each edit's lines inserted after its line (0: at the top),
/// in the text's own line endings. Of edits after the same line, the more
/// indented go first: they continue the field that ends on that line.
fn insert(text: &str, mut edits: Vec<Edit>, mut inline: Vec<Inline>) -> String {
    inline.sort_by_key(|edit| (edit.line, std::cmp::Reverse(edit.column)));
    edits.sort_by_key(|edit| (edit.place.after_line, std::cmp::Reverse(edit.place.column)));
    let crlf = text.contains("\r\n");
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut pending = edits.into_iter().peekable();
    let mut put = |out: &mut String, after: usize| {
        while let Some(Edit { text: lines, .. }) =
            pending.next_if(|edit| edit.place.after_line <= after)
        {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(if crlf { "\r\n" } else { "\n" });
            }
            if crlf {
                out.push_str(&lines.replace('\n', "\r\n"));
            } else {
                out.push_str(&lines);
            }
        }
    };
    put(&mut out, 0);
    let mut inline = inline.into_iter().peekable();
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let mut line = line.to_owned();
        while let Some(edit) = inline.next_if(|edit| edit.line == index + 1) {
            let at = line
                .char_indices()
                .nth(edit.column)
                .map_or(line.len(), |(at, _)| at);
            line.insert_str(at, &edit.text);
        }
        out.push_str(&line);
        put(&mut out, index + 1);
    }
    put(&mut out, usize::MAX);
    out
}

/// The first field path whose value `before` has and `after` does not keep.
fn first_changed(before: &Node, after: &Node, path: &str) -> Option<String> {
    let here = || {
        if path.is_empty() {
            "the profile".to_owned()
        } else {
            path.to_owned()
        }
    };
    match (&before.value, &after.value) {
        (Value::Map(old), Value::Map(new)) => old.iter().find_map(|field| {
            let child = if path.is_empty() {
                field.key.clone()
            } else {
                format!("{path}.{}", field.key)
            };
            match find(new, &field.key) {
                Some(kept) => first_changed(&field.value, &kept.value, &child),
                None => Some(child),
            }
        }),
        (Value::Seq(old), Value::Seq(new)) => old.iter().enumerate().find_map(|(i, item)| {
            let child = format!("{path}[{i}]");
            match new.get(i) {
                Some(kept) => first_changed(item, kept, &child),
                None => Some(child),
            }
        }),
        (Value::Scalar(old), Value::Scalar(new)) if old == new => None,
        (Value::Null, Value::Null) | (Value::Other, Value::Other) => None,
        // A field the profile left empty may be filled.
        (Value::Null, _) => None,
        _ => Some(here()),
    }
}

/// A YAML node with the lines it is written on.
#[derive(Debug)]
struct Node {
    value: Value,
    first_line: usize,
    last_line: usize,
    /// The column of the `- ` before it, for a list item.
    dash_column: usize,
    /// Written in block style (lines), not flow style (`[a, b]`).
    block: bool,
    /// For flow style, where its closing `]` or `}` is (line, column).
    close: (usize, usize),
}

#[derive(Debug)]
enum Value {
    Map(Vec<Field>),
    Seq(Vec<Node>),
    Scalar(String),
    Null,
    /// An alias (`*name`): never merged into.
    Other,
}

#[derive(Debug)]
struct Field {
    key: String,
    key_line: usize,
    key_column: usize,
    value: Node,
}

impl Node {
    fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(text) => Some(text),
            _ => None,
        }
    }

    fn field(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(fields) => find(fields, key).map(|f| &f.value),
            _ => None,
        }
    }

    /// Whether any text in it is a TODO (a draft's stub).
    fn has_todo(&self) -> bool {
        match &self.value {
            Value::Scalar(text) => text.trim() == "TODO",
            Value::Seq(items) => items.iter().any(Node::has_todo),
            Value::Map(fields) => fields.iter().any(|f| f.value.has_todo()),
            Value::Null | Value::Other => false,
        }
    }
}

fn find<'a>(fields: &'a [Field], key: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.key == key)
}

/// The document's root node, or `None` for text that is not one YAML document.
fn parse(text: &str) -> Option<Node> {
    let mut events = Parser::new_from_str(text).map(|event| event.ok());
    let lines: Vec<&str> = text.lines().collect();
    loop {
        match events.next()?? {
            (Event::StreamStart | Event::DocumentStart(..), _) => {}
            (event, span) => return node(event, span, &mut events, &lines),
        }
    }
}

fn node<'a>(
    event: Event<'a>,
    span: Span,
    events: &mut impl Iterator<Item = Option<(Event<'a>, Span)>>,
    lines: &[&str],
) -> Option<Node> {
    let first_line = span.start.line();
    let dash_column = dash_before(lines, first_line, span.start.col());
    let mut last_line = first_line;
    let mut close = (0, 0);
    let (value, block) = match event {
        Event::Scalar(value, style, _, _) => {
            last_line = end_line(&span, lines);
            let empty = matches!(style, serde_saphyr::granit_parser::ScalarStyle::Plain)
                && matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL");
            let value = if empty {
                Value::Null
            } else {
                Value::Scalar(value.into_owned())
            };
            (value, true)
        }
        Event::SequenceStart(style, _, _) => {
            let mut items = Vec::new();
            loop {
                let (event, span) = events.next()??;
                if matches!(event, Event::SequenceEnd) {
                    closed_at(style, &span, &mut last_line, &mut close);
                    break;
                }
                let item = node(event, span, events, lines)?;
                last_line = last_line.max(item.last_line);
                items.push(item);
            }
            (Value::Seq(items), style == StructureStyle::Block)
        }
        Event::MappingStart(style, _, _) => {
            let mut fields = Vec::new();
            loop {
                let (event, span) = events.next()??;
                if matches!(event, Event::MappingEnd) {
                    closed_at(style, &span, &mut last_line, &mut close);
                    break;
                }
                let Event::Scalar(key, ..) = event else {
                    return None;
                };
                let (key_line, key_column) = (span.start.line(), span.start.col());
                let (event, span) = events.next()??;
                let mut value = node(event, span, events, lines)?;
                if matches!(value.value, Value::Null) {
                    value.first_line = key_line;
                    value.last_line = key_line;
                }
                last_line = last_line.max(value.last_line).max(key_line);
                fields.push(Field {
                    key: key.into_owned(),
                    key_line,
                    key_column,
                    value,
                });
            }
            (Value::Map(fields), style == StructureStyle::Block)
        }
        Event::Alias(_) => (Value::Other, true),
        _ => return None,
    };
    Some(Node {
        value,
        first_line,
        last_line,
        dash_column,
        block,
        close,
    })
}

/// Notes where a flow collection's `]` or `}` is: its last line, and where
/// entries are added to it.
fn closed_at(
    style: StructureStyle,
    span: &Span,
    last_line: &mut usize,
    close: &mut (usize, usize),
) {
    if style == StructureStyle::Flow {
        *last_line = span.start.line();
        *close = (span.start.line(), span.start.col());
    }
}

/// The last line a scalar's text is on (a block scalar's span ends where
/// the next field starts, on the line after it).
fn end_line(span: &Span, lines: &[&str]) -> usize {
    let (start, end) = (span.start.line(), span.end.line());
    let before_end = lines
        .get(end.saturating_sub(1))
        .map_or("", |line| line.get(..span.end.col()).unwrap_or(line));
    if end > start && before_end.trim().is_empty() {
        end - 1
    } else {
        end
    }
}

/// The column of a `- ` just before `column` on `line`, or `column`.
fn dash_before(lines: &[&str], line: usize, column: usize) -> usize {
    let Some(line_text) = lines.get(line.saturating_sub(1)) else {
        return column;
    };
    let before: String = line_text.chars().take(column).collect();
    let trimmed = before.trim_end();
    if trimmed.ends_with('-') && trimmed[..trimmed.len() - 1].trim().is_empty() {
        trimmed.len() - 1
    } else {
        column
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "\
# Seeded.
id: electricians
title: Electricians
aliases:
  - Wireman
  - Electrician
  - Journeyman Electrician
codes:
  soc: 47-2111
  onet:
    - 47-2111.00
sources:
  - title: O*NET 27.0 Database
    url: https://www.onetonline.org/link/summary/47-2111.00
    credit: |-
      Credit line.
facts:
  regulated:
    text: A licence is needed.

summary:
  - heading: TODO
    text: TODO

sections:
  overview:
    intro: |-
      Install electrical wiring.

      And repair it.
  skills:
    items:
      - Troubleshooting
      - Critical Thinking
  # Job Outlook: stub.
  outlook:
    intro: TODO
";

    fn added(merged: &Merged) -> Vec<String> {
        merged
            .added
            .iter()
            .map(|c| format!("{}: {}", c.path, c.what))
            .collect()
    }

    #[test]
    fn adds_what_the_profile_lacks_and_keeps_every_line_it_has() {
        let profile = "\
# Our own words.
id: electrician
title: Electrician   # singular, as we say it
codes:
    soc: 47-2111
sources:
  - title: Our survey
    url: https://example.org/survey

# The sections.
sections:
    overview:
        intro: We wrote this.
    salary:
        intro: Pay.
";
        let merged = merge(profile, DRAFT).unwrap();
        assert_eq!(
            added(&merged),
            [
                "aliases: Wireman",
                "aliases: Journeyman Electrician",
                "codes.onet: 47-2111.00",
                "facts.regulated: A licence is needed.",
                "sections.skills: Troubleshooting, Critical Thinking",
                "sources: O*NET 27.0 Database",
            ]
        );
        assert_eq!(
            merged.text,
            "\
# Our own words.
id: electrician
title: Electrician   # singular, as we say it
codes:
    soc: 47-2111
    onet:
      - 47-2111.00
sources:
  - title: Our survey
    url: https://example.org/survey
  - title: O*NET 27.0 Database
    url: https://www.onetonline.org/link/summary/47-2111.00
    credit: |-
      Credit line.

aliases:
  - Wireman
  - Journeyman Electrician
facts:
  regulated:
    text: A licence is needed.
# The sections.
sections:
    overview:
        intro: We wrote this.
    salary:
        intro: Pay.
    skills:
      items:
        - Troubleshooting
        - Critical Thinking
"
        );
        assert!(merged.kept.is_empty());
    }

    #[test]
    fn a_profile_with_everything_is_left_as_it_is() {
        let profile = "\
id: electricians
title: Electricians
aliases: [Wireman, Journeyman Electrician]
codes: {soc: 47-2111, onet: [47-2111.00]}
facts: {regulated: {text: Ours}}
sections:
  overview:
    intro: Ours.
  skills:
    intro: Ours.
";
        let merged = merge(profile, DRAFT).unwrap();
        assert!(merged.added.is_empty(), "{:?}", merged.added);
        assert!(merged.by_hand.is_empty(), "{:?}", merged.by_hand);
        assert_eq!(merged.text, profile);
    }

    #[test]
    fn a_different_code_is_kept_and_said() {
        let profile =
            "id: e\ntitle: E\ncodes:\n  soc: 47-2112\nsections:\n  overview:\n    intro: x\n";
        let merged = merge(profile, DRAFT).unwrap();
        assert_eq!(
            merged.kept,
            [Change {
                path: "codes.soc".to_owned(),
                what: "yours, 47-2112; the database gives 47-2111".to_owned()
            }]
        );
        assert!(
            merged
                .text
                .contains("  soc: 47-2112\n  onet:\n    - 47-2111.00\n")
        );
    }

    #[test]
    fn fields_written_on_one_line_get_their_additions_on_that_line() {
        let profile = "id: e\ntitle: E\naliases: [Sparky, \"Wire, man\"]\ncodes: {soc: 47-2111}\nsections: {overview: {intro: x},\n  salary: {}}\n";
        let merged = merge(profile, DRAFT).unwrap();
        assert!(merged.by_hand.is_empty(), "{:?}", merged.by_hand);
        assert_eq!(
            merged.text,
            "id: e\ntitle: E\naliases: [Sparky, \"Wire, man\", Wireman, Electrician, Journeyman Electrician]\n\
             codes: {soc: 47-2111, onet: [\"47-2111.00\"]}\n\
             facts:\n  regulated:\n    text: A licence is needed.\n\
             sources:\n  - title: O*NET 27.0 Database\n    url: https://www.onetonline.org/link/summary/47-2111.00\n    credit: |-\n      Credit line.\n\
             sections: {overview: {intro: x},\n  salary: {}, skills: {items: [Troubleshooting, Critical Thinking]}}\n"
        );
    }

    #[test]
    fn an_alias_is_never_merged_into() {
        let profile = "id: e\ntitle: E\nnames: &n [Sparky]\naliases: *n\nsections:\n  overview:\n    intro: x\n";
        let merged = merge(profile, DRAFT).unwrap();
        let by_hand: Vec<&str> = merged.by_hand.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(by_hand, ["aliases", "aliases", "aliases"]);
        assert!(!merged.text.contains("Wireman"));
    }

    #[test]
    fn an_empty_section_is_filled_and_crlf_kept() {
        let profile =
            "id: e\r\ntitle: E\r\nsections:\r\n  overview:\r\n  skills:\r\n    intro: ours\r\n";
        let merged = merge(profile, DRAFT).unwrap();
        assert!(
            merged
                .text
                .starts_with("id: e\r\ntitle: E\r\naliases:\r\n  - Wireman\r\n"),
            "{}",
            merged.text
        );
        assert!(
            merged.text.contains(
                "  overview:\r\n    intro: |-\r\n      Install electrical wiring.\r\n\r\n      And repair it.\r\n  skills:\r\n    intro: ours\r\n"
            ),
            "{}",
            merged.text
        );
        assert!(!merged.text.contains("TODO"), "stubs are not merged");
    }

    #[test]
    fn text_that_is_not_a_mapping_is_refused() {
        assert_eq!(
            merge("- a\n- b\n", DRAFT).unwrap_err(),
            MergeError::NotAProfile
        );
        assert_eq!(merge("a: [\n", DRAFT).unwrap_err(), MergeError::NotAProfile);
    }

    #[test]
    fn empty_fields_are_filled_at_their_own_indentation() {
        let profile = "\
id: e
title: E
aliases:
codes:
facts:
sections:
    overview:
        intro: Ours.
    skills:
";
        let merged = merge(profile, DRAFT).unwrap();
        assert_eq!(
            merged.text,
            "\
id: e
title: E
aliases:
  - Wireman
  - Electrician
  - Journeyman Electrician
codes:
  soc: 47-2111
  onet:
    - 47-2111.00
facts:
  regulated:
    text: A licence is needed.
sources:
  - title: O*NET 27.0 Database
    url: https://www.onetonline.org/link/summary/47-2111.00
    credit: |-
      Credit line.
sections:
    overview:
        intro: Ours.
    skills:
      items:
        - Troubleshooting
        - Critical Thinking
"
        );
    }

    #[test]
    fn a_missing_mapping_is_added_whole_and_a_list_gets_only_its_missing_entries() {
        let profile = "\
id: e
title: Electricians
codes:
  onet:
    - 47-2111.01
sources:
  - url: https://www.onetonline.org/link/summary/47-2111.00
sections:
  overview:
    intro: Ours.
";
        let merged = merge(profile, DRAFT).unwrap();
        assert_eq!(
            merged.text,
            "\
id: e
title: Electricians
codes:
  onet:
    - 47-2111.01
    - 47-2111.00
  soc: 47-2111
sources:
  - url: https://www.onetonline.org/link/summary/47-2111.00
aliases:
  - Wireman
  - Journeyman Electrician
facts:
  regulated:
    text: A licence is needed.
sections:
  overview:
    intro: Ours.
  skills:
    items:
      - Troubleshooting
      - Critical Thinking
"
        );
        let again = merge(&merged.text, DRAFT).unwrap();
        assert!(again.added.is_empty());
        assert_eq!(again.text, merged.text);
    }

    #[test]
    fn a_merged_text_that_loses_a_value_or_an_addition_is_refused() {
        let profile = "id: e\ntitle: E\nsections:\n  overview:\n    intro: x\n";
        let merged = merge(profile, DRAFT).unwrap();
        let lost_title = Merged {
            text: merged.text.replace("title: E\n", ""),
            ..merged
        };
        assert_eq!(
            confirm(profile, &lost_title, DRAFT),
            Err(MergeError::WouldChange("title".to_owned()))
        );
        let not_written = Merged {
            text: profile.to_owned(),
            ..lost_title
        };
        assert_eq!(
            confirm(profile, &not_written, DRAFT),
            Err(MergeError::WouldChange("aliases".to_owned()))
        );
        let broken = Merged {
            text: format!("{profile}  - [\n"),
            ..not_written
        };
        assert!(matches!(
            confirm(profile, &broken, DRAFT),
            Err(MergeError::WouldChange(_))
        ));
        let changed_list = Merged {
            text: "id: e\ntitle: E\nsections:\n  overview:\n    intro: [x]\n".to_owned(),
            ..broken
        };
        assert_eq!(
            confirm(profile, &changed_list, DRAFT),
            Err(MergeError::WouldChange(
                "sections.overview.intro".to_owned()
            ))
        );
    }
}
