//! VALIDATE: check a parsed profile against the rules and a policy; pure, no I/O.
//!
//! Each rule family lives in its own file and adds located findings; the
//! policy then sets each finding's severity (or drops it, for a rule that is off).

use crate::rules::Rule;

mod collection;
mod content;
mod facts;
mod glyphs;
mod identity;
mod policy;

mod salary;
mod score;
mod sections;
mod translations;

pub use crate::id::{IdProblem, id_problem, is_reserved_stem};
pub use crate::locale::is_language_tag;
pub use collection::{IdClaim, duplicate_ids};
pub use policy::Policy;
pub use score::completeness;

pub(crate) use crate::id::{MAX_ID_LENGTH, RESERVED_IDS, slug_from};
pub(crate) use content::MAX_LIST_ENTRIES;
pub(crate) use salary::ISO_4217;

use crate::finding::{Finding, Position, Severity};
use crate::load::{Document, Input, LoadFailure, Locations};

/// All findings for one profile, in file order.
pub fn validate(document: &Document, policy: &Policy) -> Vec<Finding> {
    validate_scope(document, policy, Scope::All).0
}

/// Which findings a caller wants kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every finding, located (check, render, compare, preview).
    All,
    /// The errors, located; warnings only counted (a quiet export).
    ErrorsCountingWarnings,
}

/// A profile loaded and validated: the step every command starts with.
#[derive(Debug)]
pub struct Validated {
    /// The parsed profile, with its text.
    pub document: Document,
    /// The findings kept under the scope, in file order.
    pub findings: Vec<Finding>,
    /// Warnings counted but not kept (scope [`Scope::ErrorsCountingWarnings`]).
    pub counted_warnings: usize,
}

impl Validated {
    /// Whether any finding is an error: the profile is not to be rendered.
    pub fn has_errors(&self) -> bool {
        crate::finding::has_errors(&self.findings)
    }

    /// How many warnings it has, kept or counted.
    pub fn warnings(&self) -> usize {
        self.counted_warnings + self.findings.iter().filter(|f| !f.is_error()).count()
    }
}

/// Load `input` and validate it under `policy`, keeping the findings
/// `scope` asks for. A file that cannot be read or parsed is a
/// [`LoadFailure`], as from [`crate::load::load`].
pub fn load_and_validate(
    input: &Input,
    policy: &Policy,
    scope: Scope,
) -> Result<Validated, LoadFailure> {
    load_and_validate_sharing(input, policy, scope, None)
}

/// As [`load_and_validate`], sharing the profiles parsed last through
/// `recent` (see [`crate::load::Recent`]).
pub fn load_and_validate_sharing(
    input: &Input,
    policy: &Policy,
    scope: Scope,
    recent: Option<&crate::load::Recent>,
) -> Result<Validated, LoadFailure> {
    let document = crate::load::load_sharing(input, recent)?;
    let (findings, counted_warnings) = validate_scope(&document, policy, scope);
    Ok(Validated {
        document,
        findings,
        counted_warnings,
    })
}

fn validate_scope(document: &Document, policy: &Policy, scope: Scope) -> (Vec<Finding>, usize) {
    let mut findings = Findings {
        document,
        policy,
        scope,
        list: Vec::new(),
        warnings: 0,
    };
    let profile = &document.profile;
    identity::check(profile, &document.base_source().name, policy, &mut findings);
    if let Some(translation) = &document.translation {
        translations::check(translation, &mut findings);
    }
    sections::check(profile, policy, &mut findings);
    content::check(profile, &mut findings);
    if let Some(can_show) = policy.glyphs {
        glyphs::check(profile, can_show, &mut findings);
    }
    salary::check(profile, &mut findings);
    salary::check_summary(profile, &mut findings);
    facts::check(profile, policy, &mut findings);
    if let Some(minimum) = policy.min_score {
        let score = completeness(profile, policy);
        if score < minimum {
            findings.push(
                Finding::new(
                    Rule::LowScore,
                    format!("the profile is {score}% complete; the policy asks for at least {minimum}%"),
                    "fill in more of the catalogue sections (`pathways new` lists them all with guidance)",
                ),
                "",
                |locations, _| locations.start(),
            );
        }
    }
    let warnings = findings.warnings;
    let mut list = findings.list;
    // The file the user named first (a translation), then its base's.
    list.sort_by_key(|f| {
        (
            f.file != document.source.name,
            f.position.line,
            f.position.column,
        )
    });
    (list, warnings)
}

/// Collects findings: applies the policy's severity (dropping rules that
/// are off), then places each at the right spot in the file.
struct Findings<'a> {
    document: &'a Document,
    policy: &'a Policy,
    scope: Scope,
    list: Vec<Finding>,
    /// Warnings counted but not kept (scope `ErrorsCountingWarnings`).
    warnings: usize,
}

impl Findings<'_> {
    /// Whether findings of `rule` would be kept: a check can skip work for
    /// a rule the policy turns off.
    fn wants(&self, rule: Rule) -> bool {
        self.policy.severity(rule).is_some()
    }

    /// Whether findings of `rule` would be kept with their message and place
    /// (not only counted, as warnings are when only errors are wanted): a
    /// check can skip working out what only a kept message says.
    fn keeps(&self, rule: Rule) -> bool {
        match self.policy.severity(rule) {
            None => false,
            Some(severity) => self.scope == Scope::All || severity != Severity::Warning,
        }
    }

    /// The severity a finding of `rule` is kept with; `None` when the
    /// policy turns it off or the scope only counts it.
    fn kept_severity(&mut self, rule: Rule) -> Option<Severity> {
        let severity = self.policy.severity(rule)?;
        if self.scope == Scope::ErrorsCountingWarnings && severity == Severity::Warning {
            self.warnings += 1;
            return None;
        }
        Some(severity)
    }

    /// Keep `finding` about `path` if the policy and scope want it, placed
    /// in the file that holds `path` (a translation's own text is in the
    /// translation) by `locate`.
    fn push(
        &mut self,
        mut finding: Finding,
        path: &str,
        locate: impl FnOnce(&Locations, &str) -> Position,
    ) {
        let Some(severity) = self.kept_severity(finding.rule) else {
            return;
        };
        finding.severity = severity;
        let (source, locations) = self.document.place(path);
        let position = locate(locations, &source.text);
        self.list
            .push(finding.at(position).path(path).in_file(&source.name));
    }

    /// Keep a finding already placed in the file the user named.
    fn placed(&mut self, mut finding: Finding) {
        let Some(severity) = self.kept_severity(finding.rule) else {
            return;
        };
        finding.severity = severity;
        self.list.push(finding.in_file(&self.document.source.name));
    }

    /// Report a problem with a value (`min: 50000`): points at the value.
    fn at_value(&mut self, path: &str, finding: Finding) {
        self.push(finding, path, |locations, _| {
            locations
                .value(path)
                .unwrap_or_else(|| locations.nearest(path))
        });
    }

    /// Report a problem with a field as a whole (`salary:`), or a missing one:
    /// points at its key, or for a missing field at its nearest parent.
    fn at_key(&mut self, path: &str, finding: Finding) {
        self.push(finding, path, |locations, _| locations.nearest(path));
    }

    /// Report a problem with a piece of text inside a value: points at the
    /// line where `needle` appears (block scalars span many lines), else at
    /// the value.
    fn at_text(&mut self, path: &str, needle: &str, finding: Finding) {
        self.push(finding, path, |locations, text| {
            let start = locations
                .value(path)
                .unwrap_or_else(|| locations.nearest(path));
            find_after(locations, text, start, needle).unwrap_or(start)
        });
    }
}

/// How far past a value's start the words of a finding are looked for:
/// more than any paragraph, and little enough that thousands of findings
/// in one huge line still take linear time.
const SEARCH_BYTES: usize = 8 * 1024;

/// The first place at or after `start` where `needle` (compared without
/// regard to case) begins, within [`SEARCH_BYTES`] and 400 lines.
fn find_after(
    locations: &Locations,
    text: &str,
    start: Position,
    needle: &str,
) -> Option<Position> {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return None;
    }
    let mut budget = SEARCH_BYTES;
    for offset in 0..400 {
        let line = locations.line(text, start.line + offset)?;
        let skip_chars = if offset == 0 {
            start.column.saturating_sub(1)
        } else {
            0
        };
        let from = line
            .char_indices()
            .nth(skip_chars)
            .map_or(line.len(), |(i, _)| i);
        let limit = line.len().min(from + budget);
        let until = (from..=limit)
            .rev()
            .find(|&i| line.is_char_boundary(i))
            .unwrap_or(from);
        let searched = &line[from..until];
        budget -= searched.len();
        if let Some(byte) = find_ignoring_case(searched, &needle) {
            let column = skip_chars + searched[..byte].chars().count() + 1;
            return Some(Position::new(
                start.line + offset,
                column,
                needle.chars().count(),
            ));
        }
        if budget == 0 {
            return None;
        }
    }
    None
}

/// Byte offset in `haystack` of `lower_needle` (already lower case),
/// ignoring case; ASCII needles are compared in place, without a copy.
fn find_ignoring_case(haystack: &str, lower_needle: &str) -> Option<usize> {
    if lower_needle.is_ascii() {
        // ASCII lower-casing keeps every byte where it was.
        return haystack.to_ascii_lowercase().find(lower_needle);
    }
    // Lower-casing can change byte lengths; map back through char positions.
    let lowered: String = haystack.to_lowercase();
    let byte = lowered.find(lower_needle)?;
    let chars = lowered[..byte].chars().count();
    Some(
        haystack
            .char_indices()
            .nth(chars)
            .map_or(haystack.len(), |(i, _)| i),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, start: Position, needle: &str) -> Option<(usize, usize)> {
        let locations = Locations::scan(text);
        find_after(&locations, text, start, needle).map(|p| (p.line, p.column))
    }

    #[test]
    fn finds_words_after_the_start_ignoring_case() {
        let text = "a: TODO\nb: |\n  first line\n  then Lorem ipsum\n";
        assert_eq!(find(text, Position::new(1, 4, 4), "todo"), Some((1, 4)));
        assert_eq!(find(text, Position::new(2, 4, 1), "lorem"), Some((4, 8)));
        assert_eq!(find(text, Position::new(2, 4, 1), "absent"), None);
        // Text before the start on its line does not count.
        assert_eq!(find("x TODO y", Position::new(1, 4, 1), "todo"), None);
        assert_eq!(
            find("Ünï TODO", Position::new(1, 1, 1), "todo"),
            Some((1, 5))
        );
        assert_eq!(find("x ÉTÉ", Position::new(1, 1, 1), "été"), Some((1, 3)));
    }

    const MINIMAL: &str = include_str!("../../tests/fixtures/valid/minimal.yaml");

    /// The rules `yaml` breaks, under `policy`.
    fn rules_broken(yaml: &str, policy: &Policy) -> Vec<Rule> {
        let document = crate::load::parse(crate::load::Source {
            name: "minimal.yaml".to_owned(),
            text: yaml.to_owned(),
        })
        .unwrap_or_else(|_| panic!("parses: {yaml}"));
        validate(&document, policy).iter().map(|f| f.rule).collect()
    }

    /// An export only counts warnings: counting them never walks the file
    /// for positions (the seed's warnings would double its parsing time),
    /// and its `id` is found by reading only to the key.
    #[test]
    fn counted_warnings_and_the_id_cost_no_walk_of_the_file() {
        let seed = include_str!("../../profiles/library-technicians.yaml");
        let document = crate::load::parse(crate::load::Source {
            name: "seed.yaml".to_owned(),
            text: seed.to_owned(),
        })
        .expect("the seed parses");
        let (errors, warnings) =
            validate_scope(&document, &Policy::default(), Scope::ErrorsCountingWarnings);
        assert_eq!(document.top_level_value("id").map(|p| p.line), Some(3));
        assert!(!document.was_scanned());
        // Kept, the same warnings name each other's lines.
        let all = validate(&document, &Policy::default());
        assert_eq!((errors.len(), warnings), (0, all.len()));
        assert!(
            all.iter().any(|f| f.message.contains("range (line 181)")),
            "{all:?}"
        );
        assert!(document.was_scanned());
    }

    /// The same for a translation: the shipped Spanish seed, complete and
    /// up to date, is loaded and its warnings counted without a walk of
    /// either file.
    #[test]
    fn a_complete_translation_costs_no_walk_of_its_file() {
        let document = crate::load::load(&crate::load::Input::File(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/profiles/library-technicians.es-MX.yaml"
            )
            .into(),
        ))
        .expect("the Spanish seed loads");
        let translation = document.translation.as_ref().expect("a translation");
        assert_eq!(translation.problems, Vec::new());
        validate_scope(&document, &Policy::default(), Scope::ErrorsCountingWarnings);
        assert!(!document.was_scanned());
    }

    /// The one step every command starts with: a profile with an error says
    /// so, and its warnings are counted whether kept or not.
    #[test]
    fn load_and_validate_says_whether_a_profile_has_errors() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            Input::File(path)
        };
        let policy = Policy::default();
        let clean = load_and_validate(&file("minimal.yaml", MINIMAL), &policy, Scope::All).unwrap();
        assert!(!clean.has_errors());
        assert_eq!(clean.warnings(), 0);
        let broken = with_salary("      - { stage: entry, min: -1, max: 10 }\n", "40000");
        let broken =
            load_and_validate(&file("minimal.yaml", &broken), &policy, Scope::All).unwrap();
        assert!(broken.has_errors());
        let seed = include_str!("../../profiles/library-technicians.yaml");
        let all = load_and_validate(&file("library-technicians.yaml", seed), &policy, Scope::All)
            .unwrap();
        let counted = load_and_validate(
            &file("library-technicians.yaml", seed),
            &policy,
            Scope::ErrorsCountingWarnings,
        )
        .unwrap();
        assert!(all.warnings() > 0 && !all.has_errors());
        assert_eq!(counted.warnings(), all.warnings());
        assert!(counted.findings.is_empty());
    }

    fn with_salary(ranges: &str, average: &str) -> String {
        MINIMAL.replace(
            "    average: 52000\n    ranges:\n      - { stage: entry, min: 40000, max: 48000 }\n      - { stage: senior, min: 60000, max: 75000 }\n",
            &format!("    average: {average}\n    ranges:\n{ranges}"),
        )
    }

    #[test]
    fn salary_boundaries_are_valid_figures() {
        let policy = Policy::default();
        assert_eq!(rules_broken(MINIMAL, &policy), Vec::<Rule>::new());
        // Zero is a figure (unpaid internships), equal ends a fixed salary.
        let zero = with_salary("      - { stage: entry, min: 0, max: 0 }\n", "0");
        assert_eq!(rules_broken(&zero, &policy), Vec::<Rule>::new(), "{zero}");
        let fixed = with_salary(
            "      - { stage: entry, min: 40000, max: 40000 }\n",
            "40000",
        );
        assert_eq!(rules_broken(&fixed, &policy), Vec::<Rule>::new());
        // Just below zero, and min just above max, are errors.
        let negative = with_salary("      - { stage: entry, min: -1, max: 10 }\n", "-0.5");
        assert_eq!(
            rules_broken(&negative, &policy),
            [Rule::SalaryNegative, Rule::SalaryNegative]
        );
        let crossed = with_salary(
            "      - { stage: entry, min: 40001, max: 40000 }\n",
            "40000",
        );
        assert!(rules_broken(&crossed, &policy).contains(&Rule::SalaryMinAboveMax));
        // The average on a range's end is inside it.
        let at_ends = with_salary(
            "      - { stage: entry, min: 30000, max: 50000 }\n",
            "50000",
        );
        assert_eq!(rules_broken(&at_ends, &policy), Vec::<Rule>::new());
        let outside = with_salary(
            "      - { stage: entry, min: 30000, max: 50000 }\n",
            "50001",
        );
        assert_eq!(
            rules_broken(&outside, &policy),
            [Rule::SalaryAverageOutsideRanges]
        );
        let below = with_salary(
            "      - { stage: entry, min: 30000, max: 50000 }\n",
            "29999",
        );
        assert_eq!(
            rules_broken(&below, &policy),
            [Rule::SalaryAverageOutsideRanges]
        );
    }

    #[test]
    fn salary_figures_their_currency_and_their_wording() {
        let policy = Policy::default();
        let salary = |body: &str| {
            MINIMAL.replace(
                "    currency: USD\n    average: 52000\n    ranges:\n      - { stage: entry, min: 40000, max: 48000 }\n      - { stage: senior, min: 60000, max: 75000 }\n",
                body,
            )
        };
        let prose = "    intro: Pay follows the teachers' scale.\n";
        assert_eq!(
            rules_broken(&salary(prose), &policy),
            [Rule::SalaryWithoutFigures]
        );
        let average_only = format!("    currency: USD\n    average: 52000\n{prose}");
        assert_eq!(
            rules_broken(&salary(&average_only), &policy),
            Vec::<Rule>::new()
        );
        let ranges_only = format!(
            "    currency: USD\n    ranges:\n      - {{ stage: entry, min: 1, max: 2 }}\n{prose}"
        );
        assert_eq!(
            rules_broken(&salary(&ranges_only), &policy),
            Vec::<Rule>::new()
        );
        assert_eq!(
            rules_broken(&salary("    intro: TODO\n"), &policy),
            [Rule::PlaceholderText]
        );
        // Figures need their currency; prose alone does not.
        let no_currency = "    average: 52000\n";
        assert_eq!(
            rules_broken(&salary(no_currency), &policy),
            [Rule::SalaryMissingCurrency]
        );
        let no_currency_ranges = "    ranges:\n      - { stage: entry, min: 1, max: 2 }\n";
        assert_eq!(
            rules_broken(&salary(no_currency_ranges), &policy),
            [Rule::SalaryMissingCurrency]
        );
        assert_eq!(
            rules_broken(&salary(&format!("    currency: EUR\n{prose}")), &policy),
            [Rule::SalaryWithoutFigures]
        );
        // Codes are checked: unknown and lower-case ones are errors.
        for code in ["XYZ", "usd"] {
            let body = format!("    currency: {code}\n    average: 1\n");
            assert_eq!(
                rules_broken(&salary(&body), &policy),
                [Rule::UnknownCurrency],
                "{code}"
            );
        }
    }

    #[test]
    fn figures_in_messages_are_written_as_people_write_them() {
        let document = crate::load::parse(crate::load::Source {
            name: "minimal.yaml".to_owned(),
            text: with_salary("      - { stage: entry, min: 40000.5, max: 40000 }\n", "-2"),
        })
        .unwrap_or_else(|_| panic!("parses"));
        let messages: Vec<String> = validate(&document, &Policy::default())
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert!(
            messages.iter().any(|m| m.contains("negative (-2)")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("starts at 40000.5 but ends at 40000:")),
            "{messages:?}"
        );
    }

    #[test]
    fn policy_minimums_count_every_entry_and_pass_at_exactly_the_minimum() {
        // responsibilities: 2 items; overview intro: 8 words.
        let at_minimum =
            Policy::from_yaml("min_items: { responsibilities: 2 }\nmin_words: { overview: 8 }\n")
                .unwrap_or_else(|_| panic!("policy"));
        assert_eq!(rules_broken(MINIMAL, &at_minimum), Vec::<Rule>::new());
        let one_more =
            Policy::from_yaml("min_items: { responsibilities: 3 }\nmin_words: { overview: 9 }\n")
                .unwrap_or_else(|_| panic!("policy"));
        assert_eq!(
            rules_broken(MINIMAL, &one_more),
            [Rule::TooFewWords, Rule::TooFewItems]
        );
        // Entries in groups and misconception pairs count as entries.
        let grouped = format!(
            "{MINIMAL}  challenges_rewards:\n    groups:\n      - heading: Challenges\n        items: [Long hours., Low pay.]\n      - heading: Rewards\n        items: [Helping people.]\n  misconceptions:\n    items:\n      - {{ myth: It is easy., reality: It is not. }}\n      - {{ myth: It pays well., reality: It does not. }}\n"
        );
        let three_and_two =
            Policy::from_yaml("min_items: { challenges_rewards: 3, misconceptions: 2 }\n")
                .unwrap_or_else(|_| panic!("policy"));
        assert_eq!(rules_broken(&grouped, &three_and_two), Vec::<Rule>::new());
        let four_and_three =
            Policy::from_yaml("min_items: { challenges_rewards: 4, misconceptions: 3 }\n")
                .unwrap_or_else(|_| panic!("policy"));
        assert_eq!(
            rules_broken(&grouped, &four_and_three),
            [Rule::TooFewItems, Rule::TooFewItems]
        );
    }

    #[test]
    fn searches_a_bounded_stretch_of_text() {
        let far = format!("a: {}TODO\n", "x".repeat(SEARCH_BYTES));
        assert_eq!(find(&far, Position::new(1, 4, 1), "todo"), None);
        let near = format!("a: {}TODO\n", "x".repeat(SEARCH_BYTES - 10));
        assert_eq!(
            find(&near, Position::new(1, 4, 1), "todo"),
            Some((1, SEARCH_BYTES - 10 + 4))
        );
    }
}
