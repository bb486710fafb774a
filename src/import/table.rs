//! Tables on a page: pipe tables (`| Entry | $17 – $20 |`) and text aligned
//! in columns (cells apart by a tab or two spaces, each column starting at
//! the same place on every row). A salary section reads each row as a range
//! with its stage; elsewhere a table is kept as a Markdown table.

use super::markers::starts_list;

/// A table read from consecutive page lines.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    /// Rows of cells, the header (if the page has one) first.
    pub rows: Vec<Vec<String>>,
    /// Whether the page marked its first row as the header (a `|---|` row below it).
    pub has_header: bool,
}

/// A run of a section's lines: one line, or the lines of one table.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece<'a> {
    Line(&'a str),
    Table(Table),
}

/// The section's lines, with each table's lines gathered into one piece.
pub(super) fn pieces<'a>(texts: &[&'a str]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < texts.len() {
        if let Some((table, used)) = table_at(&texts[at..]) {
            out.push(Piece::Table(table));
            at += used;
        } else {
            out.push(Piece::Line(texts[at]));
            at += 1;
        }
    }
    out
}

/// The table starting at the first line, and how many lines it takes: two
/// rows at least, every row with the same number of cells.
fn table_at(texts: &[&str]) -> Option<(Table, usize)> {
    pipe_table(texts).or_else(|| aligned_table(texts))
}

fn pipe_table(texts: &[&str]) -> Option<(Table, usize)> {
    let rows: Vec<&str> = texts
        .iter()
        .take_while(|text| {
            let text = text.trim();
            text.starts_with('|') && text.len() > 1 && text[1..].contains('|')
        })
        .copied()
        .collect();
    if rows.len() < 2 {
        return None;
    }
    let mut table = Table {
        rows: Vec::new(),
        has_header: false,
    };
    for (index, row) in rows.iter().enumerate() {
        let inner = row.trim().trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let cells: Vec<String> = inner.split('|').map(|c| c.trim().to_owned()).collect();
        let is_rule = cells.iter().all(|cell| {
            let bare = cell.trim_matches(':');
            !bare.is_empty() && bare.chars().all(|c| c == '-')
        });
        if is_rule {
            if index == 1 {
                table.has_header = true;
            }
            continue;
        }
        table.rows.push(cells);
    }
    let width = table.rows.first()?.len();
    (table.rows.len() >= 2 && width >= 2 && table.rows.iter().all(|r| r.len() == width))
        .then_some((table, rows.len()))
}

/// Cells of an aligned row, each with the column (in characters) it starts at.
fn aligned_cells(text: &str) -> Option<Vec<(usize, String)>> {
    if !(text.contains('\t') || text.trim().contains("  ")) || starts_list(text) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut cells: Vec<(usize, String)> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        while at < chars.len() && chars[at] == ' ' {
            at += 1;
        }
        let start = at;
        let mut cell = String::new();
        while at < chars.len() {
            let gap = chars[at] == '\t' || (chars[at] == ' ' && chars.get(at + 1) == Some(&' '));
            if gap {
                break;
            }
            cell.push(chars[at]);
            at += 1;
        }
        if !cell.trim().is_empty() {
            cells.push((start, cell.trim().to_owned()));
        }
        while at < chars.len() && (chars[at] == '\t' || chars[at] == ' ') {
            at += 1;
        }
    }
    // Prose that happens to hold a wide space ends its sentence; cells do not.
    let prose = cells
        .last()
        .is_some_and(|(_, cell)| cell.ends_with(['.', '!', '?', ':']));
    (cells.len() >= 2 && !prose).then_some(cells)
}

fn aligned_table(texts: &[&str]) -> Option<(Table, usize)> {
    let first = aligned_cells(texts.first()?)?;
    let tabbed = texts[0].contains('\t');
    let columns: Vec<usize> = first.iter().map(|(column, _)| *column).collect();
    let mut rows = vec![first.into_iter().map(|(_, cell)| cell).collect::<Vec<_>>()];
    for text in &texts[1..] {
        let Some(cells) = aligned_cells(text) else {
            break;
        };
        let same_columns = cells.len() == columns.len()
            && (tabbed && text.contains('\t')
                || cells
                    .iter()
                    .map(|(column, _)| *column)
                    .eq(columns.iter().copied()));
        if !same_columns {
            break;
        }
        rows.push(cells.into_iter().map(|(_, cell)| cell).collect());
    }
    (rows.len() >= 2).then(|| {
        let used = rows.len();
        (
            Table {
                rows,
                has_header: false,
            },
            used,
        )
    })
}

impl Table {
    /// The table as a Markdown pipe table, its first row the header.
    pub(super) fn markdown(&self) -> String {
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
            format!("| {} |", cells.join(" | "))
        };
        let mut lines = Vec::with_capacity(self.rows.len() + 1);
        for (index, cells) in self.rows.iter().enumerate() {
            lines.push(row(cells));
            if index == 0 {
                lines.push(format!("|{}", " --- |".repeat(cells.len())));
            }
        }
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(texts: &[&str]) -> Option<Table> {
        match pieces(texts).into_iter().next()? {
            Piece::Table(table) => Some(table),
            Piece::Line(_) => None,
        }
    }

    #[test]
    fn pipe_tables_with_and_without_a_header_rule() {
        let read = table(&["| Stage | Pay |", "|---|:---:|", "| Entry | $17 – $20 |"]).unwrap();
        assert!(read.has_header);
        assert_eq!(read.rows, [["Stage", "Pay"], ["Entry", "$17 – $20"]]);
        let read = table(&["| Entry | $17 |", "| Senior | $30 |"]).unwrap();
        assert!(!read.has_header);
        assert_eq!(read.rows.len(), 2);
        assert_eq!(
            read.markdown(),
            "| Entry | $17 |\n| --- | --- |\n| Senior | $30 |"
        );
        // One row, or rows of different widths, are not a table.
        assert_eq!(table(&["| Entry | $17 |", "Text."]), None);
        assert_eq!(table(&["| a | b |", "| c |"]), None);
    }

    #[test]
    fn aligned_text_tables_need_their_columns_to_line_up() {
        let read = table(&[
            "Entry        $17 – $20",
            "Experienced  $21 – $25",
            "Specialist   $26 – $32",
        ])
        .unwrap();
        assert_eq!(read.rows[2], ["Specialist", "$26 – $32"]);
        assert_eq!(table(&["Entry\t$17", "Senior\t$30"]).unwrap().rows.len(), 2);
        // Prose with a double space is not a table.
        assert_eq!(
            table(&[
                "They help  patrons find books.",
                "Most work  full time, in libraries."
            ]),
            None
        );
        assert_eq!(table(&["- a  b", "- c  d"]), None);
    }
}
