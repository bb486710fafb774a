//! Where each field of a profile sits in its YAML text: field path → line and column.
//!
//! serde gives us typed values without positions; validation rules need to
//! point at `sections.salary.ranges[1].min`. This walks the parser's events
//! once and records the position of every key and value by field path.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Parser, Span};

use crate::finding::Position;

/// Positions of keys and values by field path (`sections.salary.ranges[1].min`).
#[derive(Debug, Default, Clone)]
pub struct Locations {
    entries: HashMap<String, Entry>,
    /// Nodes the document would have with every `*alias` copied out.
    expanded_nodes: u64,
    /// The alias at which the copies pass [`MAX_EXPANDED_NODES`].
    explosion_at: Option<Position>,
    /// The first key of the document, where findings about the whole file point.
    first_key: Option<Position>,
    /// Byte offset where each line starts (line 1 at index 0), so a finding
    /// is placed without rescanning the text from the top.
    line_starts: Vec<usize>,
}

/// More nodes than any career profile has (100,000 list items is about
/// 300,000), far fewer than an alias bomb expands to.
pub(super) const MAX_EXPANDED_NODES: u64 = 2_000_000;

#[derive(Debug, Default, Clone, Copy)]
struct Entry {
    key: Option<Position>,
    value: Option<Position>,
}

struct Container {
    kind: ContainerKind,
    /// Nodes inside so far, aliases counted as the size of what they copy.
    size: u64,
    /// Anchor id defined on this container (0 for none).
    anchor: usize,
}

enum ContainerKind {
    Mapping {
        path: String,
        /// The path and position of the key just read, waiting for its value.
        pending_key: Option<(String, Position)>,
    },
    Sequence {
        path: String,
        next_index: usize,
    },
}

impl Locations {
    /// Walk the YAML text. Stops quietly at a syntax error: the positions
    /// found up to there are still useful, and the syntax error itself is
    /// reported by the deserializer.
    pub fn scan(text: &str) -> Self {
        let mut locations = Locations {
            line_starts: std::iter::once(0).chain(line_breaks(text)).collect(),
            ..Locations::default()
        };
        let mut stack: Vec<Container> = Vec::new();
        let mut anchor_sizes: HashMap<usize, u64> = HashMap::new();
        // Past the parser's own limit the file is refused anyway; stopping
        // there keeps the memory for positions bounded.
        let most_events = 2 * super::yaml_errors::MAX_NODES;
        for event in Parser::new_from_str(text).take(most_events) {
            let Ok((event, span)) = event else { break };
            let position = position_of(&span);
            let node_size = match event {
                Event::Scalar(value, _, _, _) => {
                    if let Some(Container {
                        kind: ContainerKind::Mapping { path, pending_key },
                        ..
                    }) = stack.last_mut()
                        && pending_key.is_none()
                    {
                        locations.first_key.get_or_insert(position);
                        *pending_key = Some((join_key(path, &value), position));
                    } else if let Some((path, key)) = next_value_path(&mut stack) {
                        locations.record(path, key, position);
                    }
                    1
                }
                Event::Alias(anchor) => {
                    if let Some((path, key)) = next_value_path(&mut stack) {
                        locations.record(path, key, position);
                    }
                    // A scalar's anchor is not recorded: it counts as 1.
                    anchor_sizes.get(&anchor).copied().unwrap_or(1)
                }
                Event::MappingStart(_, anchor, _) | Event::SequenceStart(_, anchor, _) => {
                    let path = match next_value_path(&mut stack) {
                        Some((path, key)) => {
                            locations.record(path.clone(), key, position);
                            path
                        }
                        None => String::new(),
                    };
                    let kind = if matches!(event, Event::MappingStart(..)) {
                        ContainerKind::Mapping {
                            path,
                            pending_key: None,
                        }
                    } else {
                        ContainerKind::Sequence {
                            path,
                            next_index: 0,
                        }
                    };
                    stack.push(Container {
                        kind,
                        size: 1,
                        anchor,
                    });
                    continue;
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let Some(done) = stack.pop() else { continue };
                    if done.anchor != 0 {
                        anchor_sizes.insert(done.anchor, done.size);
                    }
                    done.size
                }
                _ => continue,
            };
            match stack.last_mut() {
                Some(parent) => parent.size = parent.size.saturating_add(node_size),
                None => {
                    locations.expanded_nodes = locations.expanded_nodes.saturating_add(node_size)
                }
            }
            let open: u64 = stack.iter().map(|c| c.size).fold(0, u64::saturating_add);
            if locations.explosion_at.is_none()
                && locations.expanded_nodes.saturating_add(open) > MAX_EXPANDED_NODES
            {
                locations.explosion_at = Some(position);
                break;
            }
        }
        // A key whose value never came (the text breaks off after it) still has a place.
        for container in stack {
            if let ContainerKind::Mapping {
                pending_key: Some((path, key)),
                ..
            } = container.kind
            {
                locations.entries.entry(path).or_insert(Entry {
                    key: Some(key),
                    value: None,
                });
            }
        }
        locations
    }

    /// Note where a field's key (none for a list entry) and value start; a
    /// key written twice is where it was written last.
    fn record(&mut self, path: String, key: Option<Position>, value: Position) {
        self.entries.insert(
            path,
            Entry {
                key,
                value: Some(value),
            },
        );
    }

    /// Every field path written in the document, with where its key (or,
    /// for a list entry, its value) is.
    pub fn paths(&self) -> impl Iterator<Item = (&str, Position)> {
        self.entries
            .iter()
            .filter_map(|(path, entry)| Some((path.as_str(), entry.key.or(entry.value)?)))
    }

    /// Where the document's `*alias` copies grow past what a profile could
    /// need (an alias bomb), if they do.
    pub fn alias_explosion(&self) -> Option<Position> {
        self.explosion_at
    }

    /// Position of the key of a field (`title:`), if it is written.
    pub fn key(&self, path: &str) -> Option<Position> {
        self.entries.get(path).and_then(|e| e.key)
    }

    /// Position of a field's value, or of the list entry at that path.
    pub fn value(&self, path: &str) -> Option<Position> {
        self.entries.get(path).and_then(|e| e.value)
    }

    /// Position of a field's value if it has one, else of its key.
    pub fn value_or_key(&self, path: &str) -> Option<Position> {
        self.entries.get(path).and_then(|e| e.value.or(e.key))
    }

    /// The best position for a finding about `path`: its key, else its value,
    /// else the nearest written ancestor (a missing field is reported where
    /// its parent is), else the start of the file.
    pub fn nearest(&self, path: &str) -> Position {
        // Each step drops a part of the path: at most as many steps as it has characters.
        std::iter::successors(Some(path), |current| parent_path(current))
            .take(path.len() + 1)
            .find_map(|current| {
                self.entries
                    .get(current)
                    .and_then(|entry| entry.key.or(entry.value))
            })
            .unwrap_or_else(|| self.start())
    }

    /// Where the document starts: its first key (comments above it skipped).
    pub fn start(&self) -> Position {
        self.first_key.unwrap_or(Position::new(1, 1, 1))
    }

    /// Line `number` (counted from 1) of `text`, the text this was scanned
    /// from, without its `\n`; `None` past the end.
    pub fn line<'t>(&self, text: &'t str, number: usize) -> Option<&'t str> {
        let start = *self.line_starts.get(number.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(number)
            .map_or(text.len(), |next| next - 1);
        text.get(start..end)
    }

    /// The field path whose key or value starts at `line`/`column`.
    pub fn path_at(&self, line: usize, column: usize) -> Option<&str> {
        let starts_here =
            |p: Option<Position>| p.is_some_and(|p| p.line == line && p.column == column);
        self.entries
            .iter()
            .filter(|(_, entry)| starts_here(entry.key) || starts_here(entry.value))
            // The deepest path wins: a mapping's first key starts where the mapping does.
            .max_by_key(|(path, _)| path.len())
            .map(|(path, _)| path.as_str())
    }
}

/// The byte offsets just after each `\n`.
fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

/// Where the value of the top-level `key` is (as [`Locations::value`] would
/// say), reading the text only as far as that key: what every profile needs
/// (its `id`, for a duplicate-id finding) without the walk of the whole file
/// that only findings need. `None` when the document is not a mapping or has
/// no such key.
pub(super) fn top_level_value(text: &str, key: &str) -> Option<Position> {
    let mut depth = 0usize;
    // Keys and values alternate at the top of a mapping.
    let mut next_is_key = true;
    let mut wanted = false;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let starts_node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(_)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        if depth == 1 && starts_node {
            if wanted {
                return Some(position_of(&span));
            }
            if next_is_key {
                wanted = matches!(&event, Event::Scalar(name, ..) if name == key);
            }
            next_is_key = !next_is_key;
        }
        match event {
            Event::MappingStart(..) => depth += 1,
            Event::SequenceStart(..) if depth == 0 => return None,
            Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

fn position_of(span: &Span) -> Position {
    let length = if span.end.line() == span.start.line() {
        span.end.col().saturating_sub(span.start.col())
    } else {
        0
    };
    Position::new(span.start.line(), span.start.col() + 1, length.max(1))
}

/// The path of the value about to be read, with the position of its key
/// (none for a list entry), advancing the enclosing container.
fn next_value_path(stack: &mut [Container]) -> Option<(String, Option<Position>)> {
    match &mut stack.last_mut()?.kind {
        ContainerKind::Mapping { pending_key, .. } => {
            let (path, key) = pending_key.take()?;
            Some((path, Some(key)))
        }
        ContainerKind::Sequence { path, next_index } => {
            let item = format!("{path}[{next_index}]");
            *next_index += 1;
            Some((item, None))
        }
    }
}

fn join_key(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// `a.b[2]` → `a.b`, `a.b` → `a`, `a` → none.
fn parent_path(path: &str) -> Option<&str> {
    let cut = path.rfind(['.', '['])?;
    Some(&path[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str =
        "id: x\nsections:\n  salary:\n    ranges:\n      - stage: entry\n        min: 5\n";

    /// The short walk to a top-level value finds what the whole scan does,
    /// wherever the key is and whatever comes before it.
    #[test]
    fn a_top_level_value_is_where_the_whole_scan_puts_it() {
        let texts = [
            YAML,
            "title: T\nsections:\n  a: {id: no}\n  b: [id, 1]\nid: late\n",
            "{title: T, id: flow}\n",
            "summary:\n  - id: nested\nid: &a anchored\n",
            "id:\n  - a list\n",
            "title: no id here\nmore: {id: x}\n",
            "- a\n- list\n",
            "- id\n- x\n",
            "title: id\nother: 1\n",
            "title: id\nid: real\n",
            "",
        ];
        for text in texts {
            assert_eq!(
                top_level_value(text, "id"),
                Locations::scan(text).value("id"),
                "{text:?}"
            );
        }
        assert!(top_level_value(YAML, "id").is_some());
    }

    #[test]
    fn records_keys_and_values_by_path() {
        let locations = Locations::scan(YAML);
        assert_eq!(locations.key("id"), Some(Position::new(1, 1, 2)));
        assert_eq!(locations.value("id"), Some(Position::new(1, 5, 1)));
        assert_eq!(
            locations.value("sections.salary.ranges[0].min"),
            Some(Position::new(6, 14, 1))
        );
        assert_eq!(
            locations.key("sections.salary.ranges[0].min"),
            Some(Position::new(6, 9, 3))
        );
    }

    #[test]
    fn a_key_cut_off_by_a_syntax_error_is_still_placed() {
        let locations = Locations::scan("id: a\nsummary:\n  title: \"never closed\n");
        let key = locations.key("summary.title").map(|p| (p.line, p.column));
        assert_eq!(key, Some((3, 3)));
        assert_eq!(locations.value("summary.title"), None);
    }

    #[test]
    fn missing_fields_point_at_the_nearest_parent() {
        let locations = Locations::scan(YAML);
        assert_eq!(locations.nearest("sections.overview").line, 2);
        assert_eq!(locations.nearest("sections.salary.ranges[0].max").line, 5);
    }

    #[test]
    fn counts_alias_copies() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n\
                    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n\
                    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n\
                    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n\
                    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n\
                    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n\
                    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
        assert_eq!(
            Locations::scan(bomb).alias_explosion().map(|p| p.line),
            Some(7)
        );
        assert_eq!(Locations::scan(YAML).alias_explosion(), None);
        let few = "a: &a [x, y]\nb: *a\nc: *a\n";
        assert_eq!(Locations::scan(few).alias_explosion(), None);
        // The limit is exact: a list of 507 values (508 nodes with the list)
        // copied 3,936 times makes, with the mapping and its two keys,
        // 4 + 508 × 3,937 = 2,000,000 nodes, which is allowed; one more
        // copy is not.
        let copies = |n: usize| {
            format!(
                "a: &a [{}]\nb: [{}]\n",
                vec!["x"; 507].join(", "),
                vec!["*a"; n].join(", ")
            )
        };
        assert_eq!(4 + 508 * 3_937, MAX_EXPANDED_NODES);
        assert_eq!(Locations::scan(&copies(3_936)).alias_explosion(), None);
        assert!(Locations::scan(&copies(3_937)).alias_explosion().is_some());
    }

    #[test]
    fn gives_each_line_by_number() {
        let locations = Locations::scan(YAML);
        assert_eq!(locations.line(YAML, 1), Some("id: x"));
        assert_eq!(locations.line(YAML, 6), Some("        min: 5"));
        assert_eq!(locations.line(YAML, 7), Some(""));
        assert_eq!(locations.line(YAML, 8), None);
        assert_eq!(locations.line(YAML, 0), None);
        let no_final_newline = "a: 1\nb: 2";
        let locations = Locations::scan(no_final_newline);
        assert_eq!(locations.line(no_final_newline, 2), Some("b: 2"));
    }

    #[test]
    fn finds_the_path_at_a_position() {
        let locations = Locations::scan(YAML);
        assert_eq!(
            locations.path_at(6, 9),
            Some("sections.salary.ranges[0].min")
        );
    }
}
