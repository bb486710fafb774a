//! Rules for the identifying fields: `id`, `title`, `updated`, `locale`.

use crate::locale::{is_language_tag, language_of};
use crate::rules::Rule;

use std::path::Path;

use super::{Findings, Policy};
use crate::finding::Finding;
#[cfg(test)]
use crate::id::is_reserved_stem;
use crate::id::{IdProblem, MAX_ID_LENGTH, id_problem, is_slug, slug_from};
use crate::profile::Profile;

pub(super) fn check(profile: &Profile, file: &str, policy: &Policy, findings: &mut Findings) {
    required_fields(profile, policy, findings);
    if let (Some(updated), Some(max_age), Some(today)) =
        (&profile.updated, policy.max_age_days, policy.today)
        && let Some(reviewed) = days_from_date(updated)
        && today - reviewed > i64::from(max_age)
    {
        findings.at_value(
            "updated",
            Finding::new(
                Rule::Outdated,
                format!(
                    "this profile was last reviewed on {updated}, {} days ago; the policy allows {max_age}",
                    today - reviewed
                ),
                "review the figures and text against current sources, then set `updated` to today's date",
            ),
        );
    }
    let stem = Path::new(file).file_stem().and_then(|s| s.to_str());
    if file != "<stdin>"
        && !file.is_empty()
        && let Some(stem) = stem
        && stem != profile.id
        && is_slug(&profile.id)
    {
        findings.at_value(
            "id",
            Finding::new(
                Rule::IdFileName,
                format!(
                    "the id `{}` does not match the file name `{stem}`",
                    profile.id
                ),
                format!(
                    "rename the file to `{}.yaml`, or change the id, so both name the same career",
                    profile.id
                ),
            ),
        );
    }
    match id_problem(&profile.id) {
        Some(IdProblem::NotSlug) => findings.at_value(
            "id",
            Finding::new(
                Rule::InvalidId,
                format!("the id `{}` is not a valid identifier", profile.id),
                format!(
                    "use lower-case letters, digits and single hyphens only, e.g. `{}`; \
                     report file names are made from it",
                    slug_from(&profile.id)
                ),
            ),
        ),
        Some(IdProblem::Reserved) => findings.at_value(
            "id",
            Finding::new(
                Rule::ReservedId,
                format!(
                    "the id `{}` is a name pathways keeps for itself",
                    profile.id
                ),
                format!(
                    "{}; choose another, e.g. `{}-career`",
                    IdProblem::Reserved.reason(),
                    profile.id
                ),
            ),
        ),
        Some(IdProblem::TooLong) => findings.at_value(
            "id",
            Finding::new(
                Rule::IdTooLong,
                format!(
                    "the id is {} characters long; at most {MAX_ID_LENGTH} are allowed",
                    profile.id.len()
                ),
                format!("shorten it, e.g. to `{}`", slug_from(&profile.id)),
            ),
        ),
        None => {}
    }
    if profile.title.trim().is_empty() {
        findings.at_value(
            "title",
            Finding::new(
                Rule::EmptyTitle,
                "the title is empty",
                "write the career's name, e.g. `title: Library Technicians`",
            ),
        );
    }
    if let Some(updated) = &profile.updated
        && !is_iso_date(updated)
    {
        findings.at_value(
            "updated",
            Finding::new(
                Rule::InvalidDate,
                format!("`{updated}` is not a date in the form YYYY-MM-DD"),
                "write the date of the last review as year-month-day, e.g. `updated: 2026-03-31`",
            ),
        );
    }
    if let Some(locale) = &profile.locale {
        if !is_language_tag(locale) {
            findings.at_value(
                "locale",
                Finding::new(
                    Rule::InvalidLocale,
                    format!("`{locale}` is not a language tag"),
                    "use a language code with an optional country, e.g. `en-US`, `en-GB` or `fr-CA`",
                ),
            );
        } else if !policy.languages.contains(&language_of(locale)) {
            findings.at_value(
                "locale",
                Finding::new(
                    Rule::NoTranslation,
                    format!(
                        "there are no labels in the language of `{locale}`: its reports will have English headings and labels"
                    ),
                    format!(
                        "that is fine if English labels will do; to translate them, add `locales/{}.ftl` to a template folder (start from a copy of `en.ftl` written by `pathways templates --dump`) and render with --templates; built in: {}",
                        language_of(locale),
                        policy.languages.join(", ")
                    ),
                ),
            );
        }
    }
}

fn required_fields(profile: &Profile, policy: &Policy, findings: &mut Findings) {
    for field in &policy.required_fields {
        let present = match field.as_str() {
            "category" => profile
                .category
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty()),
            "career_type" => profile
                .career_type
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty()),
            "updated" => profile.updated.is_some(),
            "locale" => profile.locale.is_some(),
            "sources" => !profile.sources.is_empty(),
            "summary" => !profile.summary.is_empty(),
            "aliases" => !profile.aliases.is_empty(),
            "codes" => profile.codes.as_ref().is_some_and(|c| !c.is_empty()),
            "facts" => profile.facts.as_ref().is_some_and(|f| !f.is_empty()),
            _ => true,
        };
        if !present {
            let example = match field.as_str() {
                "updated" => "`updated: 2026-01-31` (the date of the last review)",
                "sources" => "`sources:` with at least one `- title: ...` (and `url: ...`)",
                "locale" => "`locale: en-US`",
                "codes" => "`codes:` with at least `soc: 25-4031` (or `onet`, `isco`, `esco`)",
                "facts" => "`facts:` with the quick facts (`pathways new` shows each)",
                "aliases" => "`aliases:` with the other titles people search for",
                _ => "a line for it near the top",
            };
            findings.at_key(
                field,
                Finding::new(
                    Rule::RequiredField,
                    format!("the policy requires `{field}`, and this profile has none"),
                    format!("add {example}"),
                ),
            );
        }
    }
}

/// Days since 1970-01-01 for a `YYYY-MM-DD` date (proleptic Gregorian).
pub(crate) fn days_from_date(date: &str) -> Option<i64> {
    if !is_iso_date(date) {
        return None;
    }
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match (number(year, 4), number(month, 2), number(day, 2)) {
        (Some(year), Some(month), Some(day)) => {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match month {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&day)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names_are_reserved_in_any_case_and_with_any_extension() {
        for name in [
            "CON.html",
            "con",
            "Nul.pdf",
            "lpt9.tar.gz",
            "index.html",
            "con .html",
            "CONIN$.html",
            "conout$.pdf",
            "com0.pdf",
            "LPT0.html",
            "COM¹.html",
        ] {
            assert!(is_reserved_stem(name), "{name}");
        }
        for id in ["com0", "lpt0", "con"] {
            assert_eq!(id_problem(id), Some(IdProblem::Reserved), "{id}");
        }
        for name in ["console.html", "careers.pdf", "com10.html", "my-con.html"] {
            assert!(!is_reserved_stem(name), "{name}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("library-technicians"));
        assert!(is_slug("a1"));
        assert!(!is_slug("Library Technicians"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("../etc"));
        assert_eq!(slug_from("Library Technicians!"), "library-technicians");
    }

    #[test]
    fn ids_from_any_text_are_usable() {
        assert_eq!(slug_from("Index"), "index-career");
        assert_eq!(slug_from("CON"), "con-career");
        assert_eq!(slug_from("¿?"), "career");
        // Letters of every script in ASCII, never dropped.
        assert_eq!(slug_from("Técnicos en Farmacia"), "tecnicos-en-farmacia");
        assert_eq!(slug_from("Ärzte und Ärztinnen"), "arzte-und-arztinnen");
        assert_eq!(slug_from("Œnologue"), "oenologue");
        assert_eq!(slug_from("Библиотекарь"), "bibliotekar");
        assert_eq!(slug_from("图书馆员"), "tu-shu-guan-yuan");
        let long = "word ".repeat(60);
        let id = slug_from(&long);
        assert!(id.len() <= MAX_ID_LENGTH && id.ends_with("word"), "{id}");
        assert_eq!(id_problem(&id), None);
        let unbroken = "x".repeat(150);
        assert_eq!(slug_from(&unbroken).len(), MAX_ID_LENGTH);
        assert_eq!(id_problem(&"a".repeat(100)), None);
        assert_eq!(id_problem(&"a".repeat(101)), Some(IdProblem::TooLong));
        assert_eq!(id_problem("index"), Some(IdProblem::Reserved));
        assert_eq!(id_problem("lpt9"), Some(IdProblem::Reserved));
        assert_eq!(id_problem("indexes"), None);
        assert_eq!(id_problem("Index"), Some(IdProblem::NotSlug));
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("31/01/2024"));
        // Leap years: every fourth, but not centuries unless every fourth.
        assert!(is_iso_date("2000-02-29"));
        assert!(!is_iso_date("1900-02-29"));
        assert!(!is_iso_date("2025-02-29"));
        assert!(is_iso_date("2025-02-28"));
        // Month lengths, and the shape: four, two and two digits.
        assert!(is_iso_date("2026-04-30") && !is_iso_date("2026-04-31"));
        assert!(is_iso_date("2026-01-31") && !is_iso_date("2026-01-32"));
        assert!(!is_iso_date("2026-00-10") && !is_iso_date("2026-11-00"));
        assert!(!is_iso_date("2026-1-10") && !is_iso_date("26-11-10"));
        assert!(!is_iso_date("2026-11-1x") && !is_iso_date("2026-11-28-01"));
    }

    #[test]
    fn language_tags_have_a_language_then_subtags() {
        for good in [
            "en",
            "fil",
            "en-US",
            "zh-Hant-TW",
            "es-419",
            "de-CH-1996",
            "th-TH-u-nu-thai",
            "de-DE-u-co-phonebk",
            "en-US-x-office",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "e",
            "engl",
            "e1-US",
            "en-U",
            "en-abcdefghi",
            "en-U$",
            "en_US",
            "",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(days_from_date("1970-01-01"), Some(0));
        assert_eq!(days_from_date("2000-03-01"), Some(11_017));
        assert_eq!(days_from_date("2026-11-28"), Some(20_785));
        assert_eq!(days_from_date("2026-02-30"), None);
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en-US"));
        assert!(is_language_tag("fr"));
        assert!(!is_language_tag("english please"));
    }

    fn parsed(text: String) -> crate::load::Document {
        crate::load::parse(crate::load::Source {
            name: "t.yaml".to_owned(),
            text,
        })
        .ok()
        .unwrap_or_else(|| panic!("the test profile parses"))
    }

    /// Each field a policy can require is missing when absent (or blank),
    /// and present when written.
    #[test]
    fn required_fields_are_found_missing_or_present() {
        use crate::validate::policy::REQUIRABLE_FIELDS;
        let policy = Policy {
            required_fields: REQUIRABLE_FIELDS.iter().map(|f| (*f).to_owned()).collect(),
            ..Policy::default()
        };
        let missing = |text: &str| -> Vec<String> {
            crate::validate::validate(&parsed(text.to_owned()), &policy)
                .into_iter()
                .filter(|f| f.rule == Rule::RequiredField)
                .map(|f| f.path)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        let body = "sections:\n  overview:\n    intro: Fine.\n";
        assert_eq!(
            missing(&format!("id: t\ntitle: T\ncategory: \"  \"\n{body}")),
            {
                let mut all = REQUIRABLE_FIELDS.map(str::to_owned).to_vec();
                all.sort();
                all
            }
        );
        let full = format!(
            "id: t\ntitle: T\ncategory: Education\ncareer_type: Office\nupdated: 2026-01-31\nlocale: en-US\n\
             aliases: [Library Aides]\ncodes: {{ soc: 25-4031 }}\nfacts: {{ training: {{ text: None }} }}\n\
             summary:\n  - heading: Pay\n    text: Fair.\nsources:\n  - title: ALA\n{body}"
        );
        assert_eq!(missing(&full), Vec::<String>::new());
        // Codes and facts without one are not there either.
        assert_eq!(
            missing(
                &full
                    .replace("codes: { soc: 25-4031 }", "codes: {}")
                    .replace("facts: { training: { text: None } }", "facts: {}")
            ),
            ["codes", "facts"]
        );
        // Each says what to write.
        let hints: Vec<String> =
            crate::validate::validate(&parsed(format!("id: t\ntitle: T\n{body}")), &policy)
                .into_iter()
                .filter(|f| f.rule == Rule::RequiredField)
                .map(|f| format!("{}: {}", f.path, f.hint))
                .collect();
        for expected in [
            "updated: add `updated: 2026-01-31` (the date of the last review)",
            "sources: add `sources:` with at least one `- title: ...` (and `url: ...`)",
            "locale: add `locale: en-US`",
            "category: add a line for it near the top",
        ] {
            assert!(hints.iter().any(|h| h == expected), "{expected}: {hints:?}");
        }
    }

    #[test]
    fn ids_made_from_titles() {
        assert_eq!(slug_from("  (Library) Technicians"), "library-technicians");
        let exact = "a".repeat(MAX_ID_LENGTH);
        assert_eq!(slug_from(&exact), exact);
        let words = format!("{} tail", "word ".repeat(30));
        let cut = slug_from(&words);
        assert!(cut.len() <= MAX_ID_LENGTH && cut.ends_with("word"), "{cut}");
        assert_eq!(slug_from(&"x".repeat(150)), "x".repeat(MAX_ID_LENGTH));
        assert_eq!(slug_from("Index"), "index-career");
        assert_eq!(slug_from("¿?"), "career");
        // Letters of every script in ASCII, never dropped.
        assert_eq!(slug_from("Técnicos en Farmacia"), "tecnicos-en-farmacia");
        assert_eq!(slug_from("Ärzte und Ärztinnen"), "arzte-und-arztinnen");
        assert_eq!(slug_from("Œnologue"), "oenologue");
        assert_eq!(slug_from("Библиотекарь"), "bibliotekar");
        assert_eq!(slug_from("图书馆员"), "tu-shu-guan-yuan");
    }

    /// A profile exactly as old as the policy allows is not outdated; one
    /// day more is.
    #[test]
    fn the_age_limit_is_exact() {
        let profile = |updated: &str| {
            parsed(format!(
                "id: t\ntitle: T\nupdated: {updated}\nsections:\n  overview:\n    intro: Fine.\n"
            ))
        };
        let policy = Policy {
            max_age_days: Some(10),
            today: days_from_date("2026-11-28"),
            ..Policy::default()
        };
        let outdated = |updated: &str| {
            crate::validate::validate(&profile(updated), &policy)
                .iter()
                .any(|f| f.rule == Rule::Outdated)
        };
        assert!(!outdated("2026-11-18"));
        assert!(outdated("2026-11-17"));
    }
}
