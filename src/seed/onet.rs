//! `pathways seed onet`: a draft profile for an O*NET-SOC occupation, from
//! the text files of an O*NET database download: what O*NET states (title,
//! other titles, description, tasks, skills, technology, education and job
//! zone), credited as O*NET asks, and the sections only a counsellor can
//! write (pay, outlook, first steps) left as TODOs.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::table::{RowProblem, Table};
use super::{Draft, OpenError, stub};
use crate::import::yaml_scalar as scalar;

/// The files every O*NET text download has; without them a folder is not one.
pub const REQUIRED_FILES: [&str; 2] = ["Occupation Data.txt", "Read Me.txt"];

/// The other files read, each for a part of the profile.
pub const OPTIONAL_FILES: [(&str, &str); 8] = [
    ("Alternate Titles.txt", "aliases"),
    ("Task Statements.txt", "responsibilities"),
    ("Skills.txt", "skills"),
    ("Technology Skills.txt", "tools"),
    ("Education, Training, and Experience.txt", "education"),
    (
        "Education, Training, and Experience Categories.txt",
        "education",
    ),
    ("Job Zones.txt", "education"),
    ("Job Zone Reference.txt", "education"),
];

/// The most other titles a profile gets (O*NET lists up to a hundred).
const MOST_ALIASES: usize = 10;
/// The most skills listed: those O*NET rates important (3 of 5 or more).
const MOST_SKILLS: usize = 10;
const IMPORTANT_SKILL: f64 = 3.0;
/// The most technology examples listed, those employers ask for most first.
const MOST_TOOLS: usize = 12;

/// An O*NET database folder, read whole.
#[derive(Debug, Default)]
pub struct Onet {
    /// The release, as its Read Me names it (`27.0`).
    pub release: String,
    /// The release's month (`August 2022 Release`).
    pub release_date: String,
    occupations: Vec<Occupation>,
    /// Each occupation's other titles, with how many of O*NET's sources give each.
    alternate_titles: HashMap<String, Vec<(String, usize)>>,
    tasks: HashMap<String, Vec<(String, String)>>,
    skills: HashMap<String, Vec<(String, f64)>>,
    not_relevant: HashMap<String, Vec<String>>,
    tools: HashMap<String, Vec<(String, bool)>>,
    education: HashMap<String, Vec<(String, f64)>>,
    education_levels: HashMap<String, String>,
    job_zones: HashMap<String, String>,
    zone_reference: HashMap<String, (String, String)>,
    /// Rows that could not be read, with file and line.
    pub problems: Vec<RowProblem>,
    /// The optional files the folder lacks, with the part each would give.
    pub missing: Vec<(&'static str, &'static str)>,
}

/// One occupation of `Occupation Data.txt`.
#[derive(Debug, Clone)]
pub struct Occupation {
    /// Its O*NET-SOC code (`25-4031.00`).
    pub code: String,
    /// Its title.
    pub title: String,
    description: String,
}

/// Whether `code` has the shape of an O*NET-SOC code: `25-4031.00`.
pub fn is_onet_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, b)| match at {
            2 => *b == b'-',
            7 => *b == b'.',
            _ => b.is_ascii_digit(),
        })
}

impl Onet {
    /// Reads the database in `folder`.
    pub fn open(folder: &Path) -> Result<Onet, OpenError> {
        let missing: Vec<&str> = REQUIRED_FILES
            .into_iter()
            .filter(|name| !folder.join(name).is_file())
            .collect();
        if !missing.is_empty() {
            return Err(OpenError::NotTheDatabase(
                missing.into_iter().map(str::to_owned).collect(),
            ));
        }
        let read = |name: &'static str| {
            Table::read(folder, name).map_err(|error| OpenError::Read(name.to_owned(), error))
        };
        let mut onet = Onet::default();
        let readme = std::fs::read(folder.join("Read Me.txt"))
            .map_err(|error| OpenError::Read("Read Me.txt".to_owned(), error))?;
        let readme = String::from_utf8_lossy(&readme);
        let mut lines = readme.lines().map(str::trim).filter(|l| !l.is_empty());
        let title = lines.next().unwrap_or_default();
        onet.release = title
            .strip_prefix("O*NET")
            .and_then(|rest| rest.trim().strip_suffix("Database"))
            .map(|release| release.trim().to_owned())
            .unwrap_or_default();
        onet.release_date = lines
            .next()
            .filter(|l| l.ends_with("Release"))
            .unwrap_or_default()
            .to_owned();
        let mut tables = HashMap::new();
        for (name, part) in OPTIONAL_FILES {
            match read(name)? {
                Some(table) => {
                    tables.insert(name, table);
                }
                None => onet.missing.push((name, part)),
            }
        }
        let occupations = read("Occupation Data.txt")?.unwrap_or_else(|| Table::parse("", ""));
        onet.read_occupations(&occupations);
        onet.read_lists(&tables);
        onet.read_education(&tables);
        Ok(onet)
    }

    fn read_occupations(&mut self, table: &Table) {
        for row in table.select(
            ["O*NET-SOC Code", "Title", "Description"],
            &mut self.problems,
        ) {
            let [code, title, description] = row.values;
            if !is_onet_code(code) {
                self.problems.push(RowProblem {
                    file: table.file.clone(),
                    line: row.line,
                    message: format!(
                        "`{code}` is not an O*NET-SOC code (such as 25-4031.00); the row is skipped"
                    ),
                });
                continue;
            }
            if title.is_empty() {
                self.problems.push(RowProblem {
                    file: table.file.clone(),
                    line: row.line,
                    message: format!("occupation {code} has no title; the row is skipped"),
                });
                continue;
            }
            self.occupations.push(Occupation {
                code: code.to_owned(),
                title: title.to_owned(),
                description: description.to_owned(),
            });
        }
    }

    fn read_lists(&mut self, tables: &HashMap<&str, Table>) {
        let problems = &mut self.problems;
        if let Some(table) = tables.get("Alternate Titles.txt") {
            let columns = ["O*NET-SOC Code", "Alternate Title", "Source(s)"];
            for row in table.select(columns, problems) {
                let [code, title, sources] = row.values;
                if !title.is_empty() && title != "n/a" {
                    let sources = sources.split(',').filter(|s| !s.trim().is_empty()).count();
                    self.alternate_titles
                        .entry(code.to_owned())
                        .or_default()
                        .push((title.to_owned(), sources));
                }
            }
        }
        if let Some(table) = tables.get("Task Statements.txt") {
            for row in table.select(["O*NET-SOC Code", "Task", "Task Type"], problems) {
                let [code, task, kind] = row.values;
                self.tasks
                    .entry(code.to_owned())
                    .or_default()
                    .push((task.to_owned(), kind.to_owned()));
            }
        }
        if let Some(table) = tables.get("Skills.txt") {
            let columns = [
                "O*NET-SOC Code",
                "Element Name",
                "Scale ID",
                "Data Value",
                "Not Relevant",
            ];
            for row in table.select(columns, problems) {
                let [code, name, scale, value, not_relevant] = row.values;
                if not_relevant == "Y" {
                    self.not_relevant
                        .entry(code.to_owned())
                        .or_default()
                        .push(name.to_owned());
                }
                if scale != "IM" {
                    continue;
                }
                if let Some(value) = number(table, row.line, value, problems) {
                    self.skills
                        .entry(code.to_owned())
                        .or_default()
                        .push((name.to_owned(), value));
                }
            }
        }
        if let Some(table) = tables.get("Technology Skills.txt") {
            for row in table.select(["O*NET-SOC Code", "Example", "Hot Technology"], problems) {
                let [code, example, hot] = row.values;
                self.tools
                    .entry(code.to_owned())
                    .or_default()
                    .push((example.to_owned(), hot == "Y"));
            }
        }
    }

    fn read_education(&mut self, tables: &HashMap<&str, Table>) {
        let problems = &mut self.problems;
        if let Some(table) = tables.get("Education, Training, and Experience Categories.txt") {
            for row in table.select(["Scale ID", "Category", "Category Description"], problems) {
                let [scale, category, description] = row.values;
                if scale == "RL" {
                    self.education_levels
                        .insert(category.to_owned(), short_level(description));
                }
            }
        }
        if let Some(table) = tables.get("Education, Training, and Experience.txt") {
            let columns = ["O*NET-SOC Code", "Scale ID", "Category", "Data Value"];
            for row in table.select(columns, problems) {
                let [code, scale, category, value] = row.values;
                if scale != "RL" {
                    continue;
                }
                if let Some(percent) = number(table, row.line, value, problems) {
                    self.education
                        .entry(code.to_owned())
                        .or_default()
                        .push((category.to_owned(), percent));
                }
            }
        }
        if let Some(table) = tables.get("Job Zones.txt") {
            for row in table.select(["O*NET-SOC Code", "Job Zone"], problems) {
                let [code, zone] = row.values;
                self.job_zones.insert(code.to_owned(), zone.to_owned());
            }
        }
        if let Some(table) = tables.get("Job Zone Reference.txt") {
            for row in table.select(["Job Zone", "Name", "Education"], problems) {
                let [zone, name, education] = row.values;
                self.zone_reference
                    .insert(zone.to_owned(), (name.to_owned(), education.to_owned()));
            }
        }
    }

    /// The occupation with `code`, if the database has it.
    pub fn occupation(&self, code: &str) -> Option<&Occupation> {
        self.occupations.iter().find(|o| o.code == code)
    }

    /// The occupations whose title or other titles hold every one of
    /// `words` (in any case), in the file's order.
    pub fn search(&self, words: &str) -> Vec<&Occupation> {
        let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
        self.occupations
            .iter()
            .filter(|occupation| {
                let mut titles = occupation.title.to_lowercase();
                for (title, _) in self
                    .alternate_titles
                    .get(&occupation.code)
                    .into_iter()
                    .flatten()
                {
                    titles.push('\n');
                    titles.push_str(&title.to_lowercase());
                }
                words.iter().all(|word| titles.contains(word.as_str()))
            })
            .collect()
    }

    /// Every occupation, in the file's order.
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }

    /// The source entry every seeded profile names.
    fn source_title(&self) -> String {
        match (self.release.as_str(), self.release_date.as_str()) {
            ("", _) => "O*NET Database".to_owned(),
            (release, "") => format!("O*NET {release} Database"),
            (release, date) => format!("O*NET {release} Database ({date})"),
        }
    }

    /// The credit line O*NET asks for, naming `office` as the one that
    /// modified the information.
    fn credit(&self, office: &str) -> String {
        let database = match self.release.as_str() {
            "" => "O*NET Database".to_owned(),
            release => format!("O*NET {release} Database"),
        };
        format!(
            "This page includes information from the {database} by the U.S. Department of Labor, \
             Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. \
             O*NET® is a trademark of USDOL/ETA. {office} has modified all or some of this \
             information. USDOL/ETA has not approved, endorsed, or tested these modifications."
        )
    }

    /// A draft profile for `occupation`, as YAML, with notes on what was
    /// left out; `office` names who modified O*NET's information.
    pub fn draft(&self, occupation: &Occupation, office: &str, schema: Option<&str>) -> Draft {
        let code = &occupation.code;
        let id = crate::id::slug_from(&occupation.title);
        let mut notes = Vec::new();
        let mut out = crate::scaffold::schema_header(schema);
        let _ = writeln!(
            out,
            "# Seeded by `pathways seed onet` from the {} for {code}.\n\
             # Write every TODO (what only a counsellor can), review the rest, then run:\n\
             #   pathways check {id}.yaml",
            self.source_title()
        );
        let _ = writeln!(
            out,
            "id: {id}\ntitle: {}\nlocale: en-US",
            scalar(&occupation.title, 2)
        );
        let aliases = self.aliases(occupation);
        if !aliases.is_empty() {
            out.push_str("aliases:\n");
            for alias in &aliases {
                let _ = writeln!(out, "  - {}", scalar(alias, 4));
            }
        }
        let _ = writeln!(out, "codes:\n  soc: {}\n  onet:\n    - {code}", &code[..7]);
        let _ = writeln!(
            out,
            "sources:\n  - title: {}\n    url: https://www.onetonline.org/link/summary/{code}\n    credit: {}",
            scalar(&self.source_title(), 6),
            scalar(&self.credit(office), 6),
        );
        out.push_str("\nsummary:\n  - heading: TODO\n    text: TODO\n\nsections:\n");
        let description = occupation.description.trim_end_matches(['\u{a0}', ' ']);
        if !description.is_empty() {
            let _ = writeln!(out, "  overview:\n    intro: {}", scalar(description, 6));
        }
        match self.education_text(code) {
            Some(text) => {
                let _ = writeln!(out, "  education:\n    intro: {}", scalar(&text, 6));
            }
            None => stub(&mut out, "education"),
        }
        let tasks = self.tasks.get(code).map(Vec::as_slice).unwrap_or_default();
        let core: Vec<&str> = tasks
            .iter()
            .filter(|(_, kind)| kind != "Supplemental")
            .map(|(task, _)| task.as_str())
            .collect();
        let supplemental = tasks.len() - core.len();
        if supplemental > 0 {
            notes.push(format!(
                "{} left out (O*NET's core tasks are listed)",
                crate::words::plural(supplemental, "supplemental task")
            ));
        }
        list_or_stub(&mut out, "responsibilities", &core);
        stub(&mut out, "salary");
        stub(&mut out, "outlook");
        let skills = self.skills_of(code);
        list_or_stub(&mut out, "skills", &skills);
        let tools = self.tools_of(code);
        if !tools.is_empty() {
            let texts: Vec<&str> = tools.iter().map(String::as_str).collect();
            list_or_stub(&mut out, "tools", &texts);
        }
        stub(&mut out, "getting_started");
        for (file, part) in &self.missing {
            notes.push(format!("{file} is not in the folder: {part} left to write"));
        }
        Draft {
            id,
            yaml: out,
            notes,
        }
    }

    /// The other titles, those most of O*NET's sources give first, each
    /// once (not the title, nor its singular), up to [`MOST_ALIASES`].
    fn aliases(&self, occupation: &Occupation) -> Vec<String> {
        let key = |title: &str| title.to_lowercase().trim_end_matches('s').to_owned();
        let mut titles: Vec<&(String, usize)> = self
            .alternate_titles
            .get(&occupation.code)
            .into_iter()
            .flatten()
            .collect();
        titles.sort_by_key(|(_, sources)| std::cmp::Reverse(*sources));
        let mut seen = vec![key(&occupation.title)];
        let mut aliases = Vec::new();
        for (title, _) in titles {
            if aliases.len() < MOST_ALIASES && !seen.contains(&key(title)) {
                seen.push(key(title));
                aliases.push(title.clone());
            }
        }
        aliases
    }

    /// The skills O*NET rates important for `code`, most important first.
    fn skills_of(&self, code: &str) -> Vec<&str> {
        let not_relevant = self
            .not_relevant
            .get(code)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut skills: Vec<&(String, f64)> = self
            .skills
            .get(code)
            .into_iter()
            .flatten()
            .filter(|(name, value)| *value >= IMPORTANT_SKILL && !not_relevant.contains(name))
            .collect();
        skills.sort_by(|a, b| b.1.total_cmp(&a.1));
        skills
            .iter()
            .take(MOST_SKILLS)
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Technology examples, those employers ask for most first.
    fn tools_of(&self, code: &str) -> Vec<String> {
        let mut tools: Vec<&(String, bool)> = self.tools.get(code).into_iter().flatten().collect();
        tools.sort_by_key(|(_, hot)| !hot);
        tools
            .iter()
            .take(MOST_TOOLS)
            .map(|(example, hot)| {
                if *hot {
                    format!("{example} (often asked for in job postings)")
                } else {
                    example.clone()
                }
            })
            .collect()
    }

    /// What O*NET says of the education the work takes: the answers of
    /// people in the occupation (a distribution, never "typical") and its
    /// job zone.
    fn education_text(&self, code: &str) -> Option<String> {
        let mut paragraphs = Vec::new();
        let mut answers: Vec<&(String, f64)> = self
            .education
            .get(code)
            .into_iter()
            .flatten()
            .filter(|(_, percent)| *percent >= 1.0)
            .collect();
        answers.sort_by(|a, b| b.1.total_cmp(&a.1));
        let named: Vec<String> = answers
            .iter()
            .take(3)
            .map(|(category, percent)| {
                let level = self
                    .education_levels
                    .get(category)
                    .cloned()
                    .unwrap_or_else(|| format!("level {category}"));
                format!("{level} ({percent:.0} %)")
            })
            .collect();
        if let Some((first, rest)) = named.split_first() {
            let mut text = format!(
                "When O*NET asked people in this occupation what education the work requires, \
                 the most common answer was {first}"
            );
            if !rest.is_empty() {
                let _ = write!(text, ", then {}", rest.join(" and "));
            }
            text.push('.');
            paragraphs.push(text);
        }
        if let Some((name, education)) = self
            .job_zones
            .get(code)
            .and_then(|zone| self.zone_reference.get(zone))
        {
            paragraphs.push(format!("O*NET places it in {name}. {education}"));
        }
        (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
    }
}

/// The `Data Value` at `line` of `table` as a number; else a problem, and
/// the row is skipped.
fn number(table: &Table, line: usize, value: &str, problems: &mut Vec<RowProblem>) -> Option<f64> {
    let number = value.parse().ok();
    if number.is_none() {
        problems.push(RowProblem {
            file: table.file.clone(),
            line,
            message: format!("`{value}` is not a number (Data Value); the row is skipped"),
        });
    }
    number
}

/// `Associate's Degree (or other 2-year degree)` → `Associate's Degree`.
fn short_level(description: &str) -> String {
    let cut = [" - ", " ("]
        .iter()
        .filter_map(|mark| description.find(mark))
        .min()
        .unwrap_or(description.len());
    description[..cut].trim().to_owned()
}

fn list_or_stub(out: &mut String, id: &str, items: &[&str]) {
    if items.is_empty() {
        stub(out, id);
        return;
    }
    let _ = writeln!(out, "  {id}:\n    items:");
    for item in items {
        let _ = writeln!(out, "      - {}", scalar(item, 8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_o_net_soc_shape() {
        assert!(is_onet_code("25-4031.00"));
        for bad in [
            "25-4031",
            "25-4031.0",
            "254031.00",
            "25-4031,00",
            "2a-4031.00",
            "25-4031.000",
        ] {
            assert!(!is_onet_code(bad), "{bad}");
        }
    }

    #[test]
    fn an_education_level_is_named_without_its_explanation() {
        assert_eq!(
            short_level("Associate's Degree (or other 2-year degree)"),
            "Associate's Degree"
        );
        assert_eq!(
            short_level("Post-Secondary Certificate - awarded for training (for example, in x)"),
            "Post-Secondary Certificate"
        );
        assert_eq!(short_level("Doctoral Degree"), "Doctoral Degree");
    }
}
