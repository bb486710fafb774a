//! `pathways seed esco`: a draft profile for an ESCO occupation, from the
//! CSV download (one file per language, joined on the concept's URI): the
//! title and other titles, the codes, the description, whether the
//! profession is regulated, and the ESCO credit line; each further language
//! becomes a translation file beside the profile.

use std::fmt::Write as _;
use std::path::Path;

use super::csv::Csv;
use super::table::RowProblem;
use super::{Draft, OpenError};
use crate::import::yaml_scalar as scalar;

/// The credit line ESCO asks for.
pub const CREDIT: &str = "This service uses the ESCO classification of the European Commission.";

/// The most other titles a profile gets.
const MOST_ALIASES: usize = 10;

/// ESCO's occupations in one or more languages.
#[derive(Debug, Default)]
pub struct Esco {
    /// The languages read, the first being the profile's.
    pub languages: Vec<String>,
    /// Each language's occupations.
    occupations: Vec<Vec<Occupation>>,
    /// Records that could not be read, with file and line.
    pub problems: Vec<RowProblem>,
}

/// One occupation in one language.
#[derive(Debug, Clone, Default)]
pub struct Occupation {
    /// Its concept URI, the same in every language.
    pub uri: String,
    /// Its preferred label (both grammatical genders, when the language has them).
    pub label: String,
    alt_labels: Vec<String>,
    isco_group: String,
    description: String,
    regulated_note: String,
}

/// The occupations file of `language`.
pub fn file_of(language: &str) -> String {
    format!("occupations_{language}.csv")
}

impl Esco {
    /// Reads the occupations of each of `languages` in `folder`.
    pub fn open(folder: &Path, languages: &[String]) -> Result<Esco, OpenError> {
        let missing: Vec<String> = languages
            .iter()
            .map(|language| file_of(language))
            .filter(|name| !folder.join(name).is_file())
            .collect();
        if !missing.is_empty() {
            return Err(OpenError::NotTheDatabase(missing));
        }
        let mut esco = Esco {
            languages: languages.to_vec(),
            ..Esco::default()
        };
        for language in languages {
            let name = file_of(language);
            let bytes = std::fs::read(folder.join(&name))
                .map_err(|error| OpenError::Read(name.clone(), error))?;
            let csv = Csv::parse(&name, &String::from_utf8_lossy(&bytes));
            if !csv.has("conceptUri") || !csv.has("preferredLabel") {
                return Err(OpenError::NotTheDatabase(vec![format!(
                    "{name} with the columns conceptUri and preferredLabel"
                )]));
            }
            let columns = [
                "conceptUri",
                "preferredLabel",
                "altLabels",
                "iscoGroup",
                "description",
                "regulatedProfessionNote",
            ];
            let occupations = csv
                .select(columns, &mut esco.problems)
                .into_iter()
                .map(
                    |(_, [uri, label, alt, isco, description, note])| Occupation {
                        uri: uri.trim().to_owned(),
                        label: label.trim().to_owned(),
                        alt_labels: alt
                            .lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(str::to_owned)
                            .collect(),
                        isco_group: isco.trim().to_owned(),
                        description: description
                            .trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
                            .to_owned(),
                        regulated_note: note.trim().to_owned(),
                    },
                )
                .collect();
            esco.occupations.push(occupations);
        }
        Ok(esco)
    }

    /// The occupation with concept `uri` in the first language.
    pub fn occupation(&self, uri: &str) -> Option<&Occupation> {
        self.occupations.first()?.iter().find(|o| o.uri == uri)
    }

    /// The occupations of the first language whose labels hold every one of `words`.
    pub fn search(&self, words: &str) -> Vec<&Occupation> {
        let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
        self.occupations
            .first()
            .into_iter()
            .flatten()
            .filter(|o| {
                let labels = format!("{}\n{}", o.label, o.alt_labels.join("\n")).to_lowercase();
                words.iter().all(|word| labels.contains(word.as_str()))
            })
            .collect()
    }

    /// A draft profile for `occupation`, and a translation file's text for
    /// each further language that has it; `schema` and `translation_schema`
    /// are what their first lines name for editors, when there are some.
    pub fn draft(
        &self,
        occupation: &Occupation,
        schema: Option<&str>,
        translation_schema: Option<&str>,
    ) -> (Draft, Vec<(String, String)>) {
        let language = &self.languages[0];
        let names = Names::of(occupation);
        let id = crate::id::slug_from(&names.title);
        let mut out = crate::scaffold::schema_header(schema);
        let _ = writeln!(
            out,
            "# Seeded by `pathways seed esco` from the ESCO classification for\n\
             # {}.\n\
             # Write every TODO (what only a counsellor can), review the rest, then run:\n\
             #   pathways check {id}.yaml",
            occupation.uri
        );
        let _ = writeln!(
            out,
            "id: {id}\ntitle: {}\nlocale: {language}",
            scalar(&names.title, 2)
        );
        write_aliases(&mut out, &names.aliases);
        out.push_str("codes:\n");
        if is_isco_group(&occupation.isco_group) {
            let _ = writeln!(out, "  isco:\n    - \"{}\"", occupation.isco_group);
        }
        let _ = writeln!(out, "  esco:\n    - {}", occupation.uri);
        let source = format!(
            "{{ title: ESCO classification, url: {} }}",
            scalar(&occupation.uri, 4)
        );
        if is_regulated(&occupation.regulated_note) {
            let _ = writeln!(
                out,
                "facts:\n  regulated:\n    text: A regulated profession in at least one European country (ESCO)\n    source: {source}"
            );
        }
        let _ = writeln!(
            out,
            "sources:\n  - title: ESCO classification\n    url: {}\n    credit: {}",
            occupation.uri,
            scalar(CREDIT, 6)
        );
        out.push_str("\nsummary:\n  - heading: TODO\n    text: TODO\n\nsections:\n");
        if !occupation.description.is_empty() {
            let _ = writeln!(
                out,
                "  overview:\n    intro: {}",
                scalar(&occupation.description, 6)
            );
        }
        for id in [
            "education",
            "responsibilities",
            "salary",
            "outlook",
            "skills",
            "getting_started",
        ] {
            super::stub(&mut out, id);
        }
        let mut notes = Vec::new();
        if let Some(other) = &names.other_form {
            notes.push(format!(
                "title `{}`; its other form `{other}` is kept as an alias",
                names.title
            ));
        }
        let mut translations = Vec::new();
        for (language, occupations) in self.languages.iter().zip(&self.occupations).skip(1) {
            match occupations.iter().find(|o| o.uri == occupation.uri) {
                Some(translated) => translations.push((
                    language.clone(),
                    translation(translated, translation_schema),
                )),
                None => notes.push(format!(
                    "no {language} record for this occupation: no translation written"
                )),
            }
        }
        (
            Draft {
                id,
                yaml: out,
                notes,
            },
            translations,
        )
    }
}

/// The title and other titles of an occupation: of a label holding both
/// grammatical genders (`électricien/électricienne`), the first is the
/// title and the other an alias.
struct Names {
    title: String,
    other_form: Option<String>,
    aliases: Vec<String>,
}

impl Names {
    fn of(occupation: &Occupation) -> Names {
        let forms: Vec<&str> = occupation
            .label
            .split('/')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let title = sentence_case(forms.first().copied().unwrap_or(&occupation.label));
        let other_form = forms.get(1).map(|f| sentence_case(f));
        let mut seen = vec![title.to_lowercase()];
        let mut aliases = Vec::new();
        for name in other_form.iter().cloned().chain(
            occupation
                .alt_labels
                .iter()
                .flat_map(|l| l.split('/'))
                .map(|l| sentence_case(l.trim())),
        ) {
            if aliases.len() < MOST_ALIASES
                && !name.is_empty()
                && !seen.contains(&name.to_lowercase())
            {
                seen.push(name.to_lowercase());
                aliases.push(name);
            }
        }
        Names {
            title,
            other_form,
            aliases,
        }
    }
}

/// ESCO's labels are lower case: `library assistant` → `Library assistant`.
fn sentence_case(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A regulated-profession note that says the profession is regulated.
fn is_regulated(note: &str) -> bool {
    !note.is_empty() && !note.ends_with("/unregulated")
}

fn is_isco_group(code: &str) -> bool {
    code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())
}

fn write_aliases(out: &mut String, aliases: &[String]) {
    if !aliases.is_empty() {
        out.push_str("aliases:\n");
        for alias in aliases {
            let _ = writeln!(out, "  - {}", scalar(alias, 4));
        }
    }
}

/// The translation file of a profile into the language of `occupation`.
fn translation(occupation: &Occupation, schema: Option<&str>) -> String {
    let names = Names::of(occupation);
    let mut out = schema
        .map(|path| format!("# yaml-language-server: $schema={path}\n"))
        .unwrap_or_default();
    out.push_str("# Seeded by `pathways seed esco` from the ESCO classification.\n");
    let _ = writeln!(out, "title: {}", scalar(&names.title, 2));
    write_aliases(&mut out, &names.aliases);
    if !occupation.description.is_empty() {
        let _ = writeln!(
            out,
            "sections:\n  overview:\n    intro: {}",
            scalar(&occupation.description, 6)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_with_both_genders_gives_the_first_as_title_and_keeps_the_other() {
        let names = Names::of(&Occupation {
            label: "électricien/électricienne".to_owned(),
            alt_labels: vec!["électricien de chantier/électricienne de chantier".to_owned()],
            ..Occupation::default()
        });
        assert_eq!(names.title, "Électricien");
        assert_eq!(
            names.aliases,
            [
                "Électricienne",
                "Électricien de chantier",
                "Électricienne de chantier"
            ]
        );
    }

    #[test]
    fn only_a_note_that_is_not_unregulated_makes_a_regulated_profession() {
        assert!(!is_regulated(
            "http://data.europa.eu/esco/regulated-professions/unregulated"
        ));
        assert!(!is_regulated(""));
        assert!(is_regulated(
            "http://data.europa.eu/esco/regulated-professions/regulated"
        ));
    }
}
