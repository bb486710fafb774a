//! Tab-separated database files read by their header names: a release may
//! add, drop or reorder columns, and a row that does not fit is reported
//! with its file and line, never guessed at.

use std::path::Path;

/// A row that could not be read, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The file's name (`Task Statements.txt`).
    pub file: String,
    /// Its line, counting the header as line 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl RowProblem {
    /// A row of `fields` that does not fit its file's `header`.
    pub(super) fn width(file: &str, line: usize, fields: &[String], header: &[String]) -> Self {
        RowProblem {
            file: file.to_owned(),
            line,
            message: format!(
                "{} fields where the header has {}; the row is skipped",
                fields.len(),
                header.len()
            ),
        }
    }
}

/// One file of a database: its header and its rows, each with its line.
pub(super) struct Table {
    pub(super) file: String,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Reads `folder/name`; `None` when the file is not there.
    pub(super) fn read(folder: &Path, name: &str) -> std::io::Result<Option<Table>> {
        let path = folder.join(name);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        Ok(Some(Table::parse(name, &String::from_utf8_lossy(&bytes))))
    }

    pub(super) fn parse(name: &str, text: &str) -> Table {
        let mut lines = text.lines().enumerate();
        let header = lines
            .next()
            .map(|(_, line)| split(line))
            .unwrap_or_default();
        let rows = lines
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, line)| (index + 1, split(line)))
            .collect();
        Table {
            file: name.to_owned(),
            header,
            rows,
        }
    }

    /// The rows, each with the named columns' values in the order asked
    /// for; a row without as many fields as the header is reported and
    /// left out, as is a file without one of the columns (every row then).
    pub(super) fn select<const N: usize>(
        &self,
        columns: [&str; N],
        problems: &mut Vec<RowProblem>,
    ) -> Vec<Row<'_, N>> {
        let mut at = [0usize; N];
        for (slot, column) in at.iter_mut().zip(columns) {
            match self.header.iter().position(|name| name == column) {
                Some(index) => *slot = index,
                None => {
                    problems.push(RowProblem {
                        file: self.file.clone(),
                        line: 1,
                        message: format!(
                            "the header has no column `{column}` (it has: {}); this file is not read",
                            self.header.join(", ")
                        ),
                    });
                    return Vec::new();
                }
            }
        }
        self.rows
            .iter()
            .filter_map(|(line, fields)| {
                if fields.len() != self.header.len() {
                    problems.push(RowProblem::width(&self.file, *line, fields, &self.header));
                    return None;
                }
                Some(Row {
                    line: *line,
                    values: at.map(|index| fields[index].as_str()),
                })
            })
            .collect()
    }
}

/// A row's values for the columns asked for, and its line.
pub(super) struct Row<'t, const N: usize> {
    pub(super) line: usize,
    pub(super) values: [&'t str; N],
}

fn split(line: &str) -> Vec<String> {
    line.trim_end_matches('\r')
        .split('\t')
        .map(|field| field.trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_and_short_rows_are_reported_at_their_line() {
        let table = Table::parse(
            "Job Zones.txt",
            "Date\tO*NET-SOC Code\tJob Zone\r\n08/2022\t25-4031.00\t3\r\n25-4022.00\t5\r\n",
        );
        let mut problems = Vec::new();
        let rows = table.select(["O*NET-SOC Code", "Job Zone"], &mut problems);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].values, ["25-4031.00", "3"]);
        assert_eq!(rows[0].line, 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0]
                .message
                .starts_with("2 fields where the header has 3")
        );
        let mut problems = Vec::new();
        assert!(table.select(["Title"], &mut problems).is_empty());
        assert!(
            problems[0].message.contains("no column `Title`"),
            "{problems:?}"
        );
    }
}
