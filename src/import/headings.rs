//! Which part of a profile a page's heading names: the headings offices use
//! in English, Spanish, French and German (`headings.yaml`,
//! `headings.<language>.yaml`, data kept in one place, plus the section
//! headings of the label catalogues) and an office's own (`import --headings
//! FILE`, in the same form, checked like any input).

use crate::rules::Rule;

use std::collections::HashMap;

use crate::finding::{Finding, Position};
use crate::load::{Locations, Source, parse_as};
use crate::profile::CATALOGUE;

/// The built-in lists, embedded, by language.
const BUILT_IN: [(&str, &str); 4] = [
    ("en", include_str!("headings.yaml")),
    ("es", include_str!("headings.es.yaml")),
    ("fr", include_str!("headings.fr.yaml")),
    ("de", include_str!("headings.de.yaml")),
];

/// What a heading names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A catalogue section, by id.
    Section(&'static str),
    /// The page's career category.
    Category,
    /// The page's career type.
    CareerType,
    /// The counselling overview that opens a page: the profile's summary.
    Summary,
    /// The website's name for the page: dropped.
    PageName,
}

impl Target {
    fn from_name(name: &str) -> Option<Target> {
        match name {
            "category" => Some(Target::Category),
            "career_type" => Some(Target::CareerType),
            "summary" => Some(Target::Summary),
            "page_name" => Some(Target::PageName),
            id => CATALOGUE
                .iter()
                .find(|info| info.id == id)
                .map(|info| Target::Section(info.id)),
        }
    }
}

/// Heading (normalised) → what it names.
#[derive(Debug, Clone)]
pub struct Headings {
    known: HashMap<String, Target>,
    /// The language of each built-in heading (an office's own have none).
    languages: HashMap<String, &'static str>,
}

impl Headings {
    /// The built-in lists, and every section's own heading in each
    /// language of the label catalogues.
    pub fn built_in() -> Self {
        let mut headings = Headings {
            known: HashMap::new(),
            languages: HashMap::new(),
        };
        for (language, text) in BUILT_IN {
            for info in CATALOGUE {
                let key = format!("section-{}", info.id);
                if let Some(heading) = crate::locale::simple_label(language, &key) {
                    headings.learn(heading, Target::Section(info.id), language);
                }
            }
            for (heading, name) in built_in_entries(text) {
                if let Some(target) = Target::from_name(name) {
                    let key = normalise(heading);
                    headings.languages.entry(key.clone()).or_insert(language);
                    headings.known.insert(key, target);
                }
            }
        }
        headings
    }

    fn learn(&mut self, heading: &str, target: Target, language: &'static str) {
        let key = normalise(heading);
        self.languages.entry(key.clone()).or_insert(language);
        self.known.entry(key).or_insert(target);
    }

    /// The language of a built-in heading (`Perspectivas laborales` → `es`).
    pub(super) fn language_of(&self, heading: &str) -> Option<&'static str> {
        self.languages.get(&normalise(heading)).copied()
    }

    /// Add (or override) headings from an office's file: a YAML map of
    /// heading → section id (or `category`, `career_type`, `summary`,
    /// `page_name`). A wrong id is a located finding, like any profile error.
    pub fn add(&mut self, source: &Source) -> Result<(), Box<Finding>> {
        let map: HashMap<String, String> = parse_as(source)?;
        let mut entries: Vec<(String, String)> = map.into_iter().collect();
        entries.sort();
        for (heading, name) in entries {
            let Some(target) = Target::from_name(name.trim()) else {
                let locations = Locations::scan(&source.text);
                let position = locations.value(&heading).unwrap_or(Position::new(1, 1, 1));
                let ids: Vec<&str> = CATALOGUE.iter().map(|info| info.id).collect();
                return Err(Box::new(
                    Finding::new(
                        Rule::UnknownValue,
                        format!(
                            "`{name}` is not a section pathways knows (for the heading `{heading}`)"
                        ),
                        format!(
                            "use a section id ({}), or category, career_type, summary or page_name",
                            ids.join(", ")
                        ),
                    )
                    .at(position)
                    .path(heading.as_str())
                    .in_file(&source.name),
                ));
            };
            self.known.insert(normalise(&heading), target);
        }
        Ok(())
    }

    /// What `heading` names, if pathways knows it.
    pub fn find(&self, heading: &str) -> Option<Target> {
        self.known.get(&normalise(heading)).copied()
    }

    /// For a heading that joins two sections' names (`Education & Training`,
    /// read as `target`, education), the other section it names (training).
    /// A section whose own name joins two words (Challenges & Rewards) names
    /// only itself.
    pub fn also_names(&self, heading: &str, target: Target) -> Option<Target> {
        let normal = normalise(heading);
        let parts: Vec<Target> = normal
            .split(" & ")
            .filter_map(|part| self.known.get(part).copied())
            .collect();
        if !parts.contains(&target) {
            return None;
        }
        parts
            .into_iter()
            .find(|other| *other != target && matches!(other, Target::Section(_)))
    }
}

/// The entries of a built-in list, one `heading: target` per line (read
/// without a YAML parser: every process reads them; a test checks that YAML
/// reads them the same).
fn built_in_entries(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.rsplit_once(": "))
        .map(|(heading, name)| (heading.trim(), name.trim()))
}

/// Lower case, single spaces, "and" as "&", `’` as `'`, without a leading
/// `#`, `**`, `¿` or a trailing `:` or `?`.
pub(super) fn normalise(heading: &str) -> String {
    let bare = heading
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches('*')
        .trim()
        .trim_end_matches([':', '?'])
        .trim()
        .trim_start_matches('¿')
        .trim();
    let bare = if bare.contains('’') {
        std::borrow::Cow::Owned(bare.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(bare)
    };
    bare.to_lowercase()
        .split_whitespace()
        .map(|word| if word == "and" { "&" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_list_reads_and_names_only_known_parts() {
        for (language, text) in BUILT_IN {
            let source = Source {
                name: format!("headings.{language}.yaml"),
                text: text.to_owned(),
            };
            let mut headings = Headings {
                known: HashMap::new(),
                languages: HashMap::new(),
            };
            headings.add(&source).unwrap();
            assert!(headings.known.len() > 60, "{language}");
            // Read line by line, as `built_in` does, the same entries.
            let lines: HashMap<String, Target> = built_in_entries(text)
                .map(|(heading, name)| (normalise(heading), Target::from_name(name).unwrap()))
                .collect();
            assert_eq!(lines, headings.known, "{language}");
        }
    }

    #[test]
    fn headings_are_matched_loosely() {
        let headings = Headings::built_in();
        for (heading, id) in [
            ("Did You Know?", "fun_facts"),
            ("**Salary Expectations:**", "salary"),
            ("## Education and Training", "education"),
            ("KEY SKILLS", "skills"),
            ("Job   Outlook:", "outlook"),
            ("How to Get Started", "getting_started"),
        ] {
            assert_eq!(
                headings.find(heading),
                Some(Target::Section(id)),
                "{heading}"
            );
        }
        assert_eq!(headings.find("Why Join an Association?"), None);
        assert_eq!(
            headings.also_names("Education & Training", Target::Section("education")),
            Some(Target::Section("training"))
        );
        assert_eq!(
            headings.also_names("Education and Qualifications", Target::Section("education")),
            None
        );
        assert_eq!(
            headings.also_names(
                "Challenges & Rewards",
                Target::Section("challenges_rewards")
            ),
            None
        );
    }

    #[test]
    fn an_office_list_is_checked() {
        let mut headings = Headings::built_in();
        let good = Source {
            name: "office.yaml".to_owned(),
            text: "Salary Scale: salary\nWhere to Study: education\n".to_owned(),
        };
        headings.add(&good).unwrap();
        assert_eq!(
            headings.find("salary scale"),
            Some(Target::Section("salary"))
        );
        let bad = Source {
            name: "office.yaml".to_owned(),
            text: "Salary Scale: salary\nPerks: benefits\n".to_owned(),
        };
        let finding = headings.add(&bad).unwrap_err();
        assert_eq!(finding.rule, Rule::UnknownValue);
        assert_eq!((finding.position.line, finding.position.column), (2, 8));
        assert!(
            finding.message.contains("`benefits`"),
            "{}",
            finding.message
        );
    }
}
