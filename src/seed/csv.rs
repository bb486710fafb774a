//! Comma-separated files as ESCO publishes them (RFC 4180): quoted fields
//! may hold commas, doubled quotes and line breaks (bare LF inside a field,
//! CRLF between records), and columns are found by their header names.

use super::table::RowProblem;

/// A file's records, each with the line it starts on, by header name.
pub(super) struct Csv {
    pub(super) file: String,
    header: Vec<String>,
    records: Vec<(usize, Vec<String>)>,
}

impl Csv {
    pub(super) fn parse(file: &str, text: &str) -> Csv {
        let mut records = split_records(text.strip_prefix('\u{feff}').unwrap_or(text));
        let header = if records.is_empty() {
            Vec::new()
        } else {
            records.remove(0).1
        };
        Csv {
            file: file.to_owned(),
            header,
            records,
        }
    }

    /// Whether the header names `column`.
    pub(super) fn has(&self, column: &str) -> bool {
        self.header.iter().any(|name| name == column)
    }

    /// Each record's values for the named columns (empty for a column the
    /// file lacks); a record with another number of fields than the header
    /// is reported and left out.
    pub(super) fn select<const N: usize>(
        &self,
        columns: [&str; N],
        problems: &mut Vec<RowProblem>,
    ) -> Vec<(usize, [&str; N])> {
        let at = columns.map(|column| self.header.iter().position(|name| name == column));
        self.records
            .iter()
            .filter_map(|(line, fields)| {
                if fields.len() != self.header.len() {
                    problems.push(RowProblem::width(&self.file, *line, fields, &self.header));
                    return None;
                }
                Some((
                    *line,
                    at.map(|index| index.map_or("", |i| fields[i].as_str())),
                ))
            })
            .collect()
    }
}

/// The records of `text`, each with the line it starts on (1 for the first).
fn split_records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                line += 1;
                fields.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut fields)));
                start = line;
            }
            ('\n', true) => {
                line += 1;
                field.push('\n');
            }
            ('\r', true) if chars.peek() == Some(&'\n') => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push((start, fields));
    }
    records
        .into_iter()
        .filter(|(_, fields)| !(fields.len() == 1 && fields[0].is_empty()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks_and_records_end_in_crlf() {
        let csv = Csv::parse(
            "occupations_en.csv",
            "conceptUri,preferredLabel,altLabels\r\nu1,\"a, b\",\"one\ntwo\"\r\nu2,\"say \"\"hi\"\"\",\r\nu3,short\r\n",
        );
        let mut problems = Vec::new();
        let rows = csv.select(["altLabels", "conceptUri", "missing"], &mut problems);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], (2, ["one\ntwo", "u1", ""]));
        assert_eq!(rows[1].1[1], "u2");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            (problems[0].line, problems[0].file.as_str()),
            (5, "occupations_en.csv")
        );
        let labels = csv.select(["preferredLabel"], &mut Vec::new());
        assert_eq!(labels[1].1, ["say \"hi\""]);
        assert!(csv.has("altLabels") && !csv.has("code"));
    }
}
