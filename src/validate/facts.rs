//! Occupation codes and quick facts: codes in their classification's shape,
//! every fact saying something, figures with their source and year and not
//! older than the policy allows, pay percentiles in order and the median
//! within the ranges, an outlook's percent with its period.

use crate::finding::Finding;
use crate::profile::{Profile, SalarySection, Stated};
use crate::rules::Rule;

use super::{Findings, Policy};

pub(super) fn check(profile: &Profile, policy: &Policy, findings: &mut Findings) {
    if let Some(codes) = &profile.codes {
        check_codes(codes, findings);
    }
    let reviewed = profile
        .updated
        .as_deref()
        .and_then(|date| date.get(..4)?.parse::<u16>().ok());
    let mut stated = Vec::new();
    if let Some(facts) = &profile.facts {
        check_facts(facts, findings);
        for (name, fact) in facts.present() {
            stated.push((format!("facts.{name}"), fact, figure_given(facts, name)));
        }
    }
    if let Some(salary) = &profile.sections.salary {
        check_salary(salary, findings);
        let figures = salary.median.is_some()
            || salary.median_hourly.is_some()
            || salary.percentiles.is_some();
        if figures {
            let fact = Stated {
                source: salary.source.as_ref(),
                year: salary.year,
            };
            stated.push(("sections.salary".to_owned(), fact, true));
        }
    }
    for (path, fact, figure) in stated {
        if figure && (fact.source.is_none() || fact.year.is_none()) {
            let missing = match (fact.source.is_none(), fact.year.is_none()) {
                (true, true) => "source and no year",
                (true, false) => "source",
                _ => "year",
            };
            findings.at_key(
                &path,
                Finding::new(
                    Rule::FactWithoutSource,
                    format!("this figure has no {missing}: sources disagree, and figures age"),
                    "add `source: { title: ..., url: ... }` and `year: 2024` (the year the figure is for)",
                ),
            );
        }
        // A year that cannot be is `fact-out-of-range` alone.
        if let (Some(year), Some(reviewed)) = (fact.year, reviewed)
            && YEARS.contains(&year)
            && reviewed.saturating_sub(year) > policy.max_fact_age_years
        {
            findings.at_value(
                &format!("{path}.year"),
                Finding::new(
                    Rule::StaleFact,
                    format!(
                        "this fact is for {year}, {} years before the profile's review ({reviewed}); the policy allows {}",
                        reviewed - year,
                        policy.max_fact_age_years
                    ),
                    "look the figure up again in its source and update it and its `year`",
                ),
            );
        }
    }
}

/// Whether the fact `name` gives a number (a count, a percent, hours), which
/// needs its source and year more than words do.
fn figure_given(facts: &crate::profile::Facts, name: &str) -> bool {
    match name {
        "jobs" => facts.jobs.as_ref().is_some_and(|f| f.count.is_some()),
        "openings_per_year" => facts
            .openings_per_year
            .as_ref()
            .is_some_and(|f| f.count.is_some()),
        "outlook" => facts.outlook.as_ref().is_some_and(|f| f.percent.is_some()),
        "hours" => facts
            .hours
            .as_ref()
            .is_some_and(|f| f.min.is_some() || f.max.is_some()),
        _ => false,
    }
}

fn check_codes(codes: &crate::profile::Codes, findings: &mut Findings) {
    let mut bad = |path: String, code: &str, shape: &str, example: &str| {
        findings.at_value(
            &path,
            Finding::new(
                Rule::InvalidCode,
                format!("`{code}` is not {shape}"),
                format!("write it as {example}, as the classification publishes it"),
            ),
        );
    };
    if let Some(soc) = &codes.soc
        && !matches_shape(soc, "dd-dddd")
    {
        bad("codes.soc".into(), soc, "a SOC 2018 code", "`25-4031`");
    }
    for (i, code) in codes.onet.iter().enumerate() {
        if !matches_shape(&code.0, "dd-dddd.dd") {
            bad(
                format!("codes.onet[{i}]"),
                &code.0,
                "an O*NET-SOC code",
                "`25-4031.00`",
            );
        }
    }
    for (i, code) in codes.isco.iter().enumerate() {
        if !matches_shape(&code.0, "dddd") {
            bad(
                format!("codes.isco[{i}]"),
                &code.0,
                "an ISCO-08 unit group (four digits)",
                "`4411`",
            );
        }
    }
    for (i, uri) in codes.esco.iter().enumerate() {
        let id = uri.0.strip_prefix(ESCO_OCCUPATION);
        if !id.is_some_and(|id| {
            id.len() == 36 && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
        }) {
            bad(
                format!("codes.esco[{i}]"),
                &uri.0,
                "an ESCO occupation URI",
                "`http://data.europa.eu/esco/occupation/` and the occupation's id (not ESCO's `code`, which changes between versions)",
            );
        }
    }
    for (name, value) in &codes.local {
        if value.trim().is_empty() {
            findings.at_value(
                &format!("codes.local.{name}"),
                Finding::new(
                    Rule::InvalidCode,
                    format!("the `{name}` code is empty"),
                    "write the code, or remove the line",
                ),
            );
        }
    }
}

/// The years a figure can be for.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2200;

/// Where ESCO's occupation URIs start.
const ESCO_OCCUPATION: &str = "http://data.europa.eu/esco/occupation/";

/// Whether `code` has the shape `pattern`, where `d` is a digit and any
/// other character stands for itself.
fn matches_shape(code: &str, pattern: &str) -> bool {
    code.len() == pattern.len()
        && code.bytes().zip(pattern.bytes()).all(|(c, p)| {
            if p == b'd' {
                c.is_ascii_digit()
            } else {
                c == p
            }
        })
}

fn check_facts(facts: &crate::profile::Facts, findings: &mut Findings) {
    let empty = |findings: &mut Findings, name: &str, needs: &str| {
        findings.at_key(
            &format!("facts.{name}"),
            Finding::new(
                Rule::EmptyFact,
                format!("the `{name}` fact says nothing: it has no {needs}"),
                format!("give its {needs}, or remove it"),
            ),
        );
    };
    let blank = |text: &Option<String>| text.as_deref().is_none_or(|t| t.trim().is_empty());
    if let Some(fact) = &facts.entry_education
        && fact.level.is_none()
        && blank(&fact.text)
    {
        empty(findings, "entry_education", "`level` or `text`");
    }
    for (name, fact) in [
        ("work_experience", &facts.work_experience),
        ("training", &facts.training),
    ] {
        if fact.as_ref().is_some_and(|f| f.text.trim().is_empty()) {
            empty(findings, name, "`text`");
        }
    }
    for (name, fact) in [
        ("jobs", &facts.jobs),
        ("openings_per_year", &facts.openings_per_year),
    ] {
        if let Some(fact) = fact
            && fact.count.is_none()
            && blank(&fact.text)
        {
            empty(findings, name, "`count` or `text`");
        }
    }
    if let Some(outlook) = &facts.outlook {
        if outlook.percent.is_none() && blank(&outlook.words) {
            empty(findings, "outlook", "`percent` or `words`");
        }
        if let Some(percent) = outlook.percent {
            if !percent.is_finite() || !(-100.0..=10_000.0).contains(&percent) {
                findings.at_value(
                    "facts.outlook.percent",
                    Finding::new(
                        Rule::FactOutOfRange,
                        format!("an employment change of {percent} percent cannot be"),
                        "write the percent change as a plain number between -100 and 10000, such as 19 or -4",
                    ),
                );
            }
            if blank(&outlook.period) {
                findings.at_key(
                    "facts.outlook",
                    Finding::new(
                        Rule::OutlookWithoutPeriod,
                        format!("the outlook gives a change of {percent} percent but not the years it is over"),
                        "add `period: 2024–34` (the projection's years, as the source states them)",
                    ),
                );
            }
        }
    }
    if let Some(hours) = &facts.hours {
        if hours.min.is_none() && hours.max.is_none() && blank(&hours.text) {
            empty(findings, "hours", "`min`, `max` or `text`");
        }
        for (field, value) in [("min", hours.min), ("max", hours.max)] {
            if let Some(value) = value
                && value > 168
            {
                findings.at_value(
                    &format!("facts.hours.{field}"),
                    Finding::new(
                        Rule::FactOutOfRange,
                        format!("{value} hours a week is more than a week has (168)"),
                        "write the usual hours per week, such as 40",
                    ),
                );
            }
        }
        if let (Some(min), Some(max)) = (hours.min, hours.max)
            && min > max
        {
            findings.at_value(
                "facts.hours.min",
                Finding::new(
                    Rule::FactOutOfRange,
                    format!("the hours start at {min} but end at {max} a week"),
                    "swap `min` and `max`, or correct the one that was mistyped",
                ),
            );
        }
    }
    if let Some(fact) = &facts.regulated
        && fact.text.trim().is_empty()
    {
        empty(findings, "regulated", "`text`");
    }
    for (name, stated) in facts.present() {
        check_year(stated.year, &format!("facts.{name}.year"), findings);
    }
}

/// A year no figure can be is `fact-out-of-range`, at `path`.
fn check_year(year: Option<u16>, path: &str, findings: &mut Findings) {
    if let Some(year) = year
        && !YEARS.contains(&year)
    {
        findings.at_value(
            path,
            Finding::new(
                Rule::FactOutOfRange,
                format!("{year} is not a year a figure can be for"),
                "write the four-digit year the figure is for, such as 2024",
            ),
        );
    }
}

fn check_salary(salary: &SalarySection, findings: &mut Findings) {
    let base = "sections.salary";
    if let Some(percentiles) = &salary.percentiles {
        let given = percentiles.given();
        for pair in given.windows(2) {
            let ((low_rank, low), (high_rank, high)) = (pair[0], pair[1]);
            if low > high {
                findings.at_value(
                    &format!("{base}.percentiles.p{high_rank}"),
                    Finding::new(
                        Rule::SalaryPercentileOrder,
                        format!(
                            "the {high_rank}th percentile ({}) is below the {low_rank}th ({})",
                            super::salary::figure(high),
                            super::salary::figure(low)
                        ),
                        "percentiles rise from p10 to p90: check the figures against the source",
                    ),
                );
            }
        }
        if let (Some(median), Some(p50)) = (salary.median, percentiles.p50)
            && median != p50
        {
            findings.at_value(
                &format!("{base}.median"),
                Finding::new(
                    Rule::SalaryPercentileOrder,
                    format!(
                        "the median ({}) is not the 50th percentile ({}), which is the median",
                        super::salary::figure(median),
                        super::salary::figure(p50)
                    ),
                    "give the same figure for both, or leave `p50` out",
                ),
            );
        }
    }
    let lowest = salary.ranges.iter().map(|r| r.min).reduce(f64::min);
    let highest = salary.ranges.iter().map(|r| r.max).reduce(f64::max);
    if let (Some(median), Some(lowest), Some(highest)) = (salary.median, lowest, highest)
        && (median < lowest || median > highest)
    {
        findings.at_value(
            &format!("{base}.median"),
            Finding::new(
                Rule::SalaryMedianOutsideRanges,
                format!(
                    "the median salary ({}) is outside the ranges given ({} to {})",
                    super::salary::figure(median),
                    super::salary::figure(lowest),
                    super::salary::figure(highest)
                ),
                "check both against the source: half of the workers earn less than the median, so it lies within the ranges",
            ),
        );
    }
    let mut figures = vec![
        ("median".to_owned(), salary.median),
        ("median_hourly".to_owned(), salary.median_hourly),
    ];
    if let Some(percentiles) = &salary.percentiles {
        figures.extend(
            percentiles
                .given()
                .into_iter()
                .map(|(rank, value)| (format!("percentiles.p{rank}"), Some(value))),
        );
    }
    for (field, value) in figures {
        if let Some(finding) = value.and_then(|value| super::salary::unusable(&field, value)) {
            findings.at_value(&format!("{base}.{field}"), finding);
        }
    }
    check_year(salary.year, &format!("{base}.year"), findings);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings of this file's rules for a profile with `top` (before
    /// `sections`) and `salary` (inside the salary section).
    fn findings_of(top: &str, salary: &str, policy: &Policy) -> Vec<Finding> {
        let text = format!(
            "id: t\ntitle: T\nupdated: 2026-05-01\n{top}\nsections:\n  salary:\n    currency: USD\n    ranges:\n      - {{ stage: entry, min: 40000, max: 48000 }}\n      - {{ stage: senior, min: 60000, max: 75000 }}\n{salary}\n"
        );
        let document = crate::load::parse(crate::load::Source {
            name: "t.yaml".to_owned(),
            text,
        })
        .ok()
        .unwrap_or_else(|| panic!("the test profile parses"));
        let ours = [
            Rule::InvalidCode,
            Rule::EmptyFact,
            Rule::FactOutOfRange,
            Rule::FactWithoutSource,
            Rule::StaleFact,
            Rule::OutlookWithoutPeriod,
            Rule::SalaryPercentileOrder,
            Rule::SalaryMedianOutsideRanges,
            Rule::SalaryOutOfRange,
        ];
        crate::validate::validate(&document, policy)
            .into_iter()
            .filter(|f| ours.contains(&f.rule))
            .collect()
    }

    /// The rules a profile breaks, with their field paths (see [`findings_of`]).
    fn broken(top: &str, salary: &str, policy: &Policy) -> Vec<(Rule, String)> {
        findings_of(top, salary, policy)
            .into_iter()
            .map(|f| (f.rule, f.path))
            .collect()
    }

    fn found(rule: Rule, path: &str) -> (Rule, String) {
        (rule, path.to_owned())
    }

    #[test]
    fn codes_are_checked_for_their_classification_s_shape() {
        let policy = Policy::default();
        let good = "codes:\n  soc: 25-4031\n  onet: [25-4031.00]\n  isco: [\"4411\", \"3433\"]\n  esco: [http://data.europa.eu/esco/occupation/0a8d7d8e-4dd5-4cda-9c5b-7d5a4f5d3c1a]\n  local: { NOC: \"52100\" }";
        assert_eq!(broken(good, "", &policy), []);
        let bad = "codes:\n  soc: 25-40311\n  onet: [25-4031.0]\n  isco: [\"441\"]\n  esco: [https://data.europa.eu/esco/occupation/0a8d7d8e, http://data.europa.eu/esco/occupation/0a8d7d8e-4dd5-4cda-9c5b-7d5a4f5d3c1g]\n  local: { NOC: \" \" }";
        assert_eq!(
            broken(bad, "", &policy),
            [
                found(Rule::InvalidCode, "codes.soc"),
                found(Rule::InvalidCode, "codes.onet[0]"),
                found(Rule::InvalidCode, "codes.isco[0]"),
                found(Rule::InvalidCode, "codes.esco[0]"),
                found(Rule::InvalidCode, "codes.esco[1]"),
                found(Rule::InvalidCode, "codes.local.NOC"),
            ]
        );
    }

    #[test]
    fn facts_say_something_possible_with_their_source_and_year() {
        let policy = Policy::default();
        let source = "source: { title: BLS }, year: 2024";
        let good = format!(
            "facts:\n  entry_education: {{ level: associate }}\n  work_experience: {{ text: None }}\n  training: {{ text: Moderate-term on-the-job training }}\n  jobs: {{ count: 94400, {source} }}\n  outlook: {{ percent: -4, period: 2024–34, words: Decline, {source} }}\n  openings_per_year: {{ count: 8500, {source} }}\n  hours: {{ min: 35, max: 40, {source} }}\n  regulated: {{ text: None }}"
        );
        assert_eq!(broken(&good, "", &policy), []);
        let bad = "facts:\n  entry_education: { text: \" \" }\n  work_experience: { text: \"\" }\n  jobs: { count: 10, year: 1800 }\n  outlook: { percent: -200, source: { title: BLS }, year: 2024 }\n  openings_per_year: { text: many }\n  hours: { min: 50, max: 40, source: { title: BLS } }\n  regulated: { text: \" \" }";
        assert_eq!(
            broken(bad, "", &policy),
            [
                found(Rule::EmptyFact, "facts.entry_education"),
                found(Rule::EmptyFact, "facts.work_experience"),
                found(Rule::FactWithoutSource, "facts.jobs"),
                found(Rule::FactOutOfRange, "facts.jobs.year"),
                found(Rule::OutlookWithoutPeriod, "facts.outlook"),
                found(Rule::FactOutOfRange, "facts.outlook.percent"),
                found(Rule::FactWithoutSource, "facts.hours"),
                found(Rule::FactOutOfRange, "facts.hours.min"),
                found(Rule::EmptyFact, "facts.regulated"),
            ]
        );
    }

    /// A figure without its source or year is named with what it lacks;
    /// a median alone, yearly or hourly, is a figure.
    #[test]
    fn a_figure_says_whether_it_lacks_its_source_its_year_or_both() {
        let policy = Policy::default();
        let lacking = |top: &str, salary: &str| -> Vec<(String, String)> {
            findings_of(top, salary, &policy)
                .into_iter()
                .filter(|f| f.rule == Rule::FactWithoutSource)
                .map(|f| (f.path, f.message))
                .collect()
        };
        let said = |path: &str, what: &str| {
            (
                path.to_owned(),
                format!("this figure has no {what}: sources disagree, and figures age"),
            )
        };
        let facts = "facts:\n  jobs: { count: 94400 }\n  outlook: { percent: 5, period: 2024–34, year: 2024 }\n  openings_per_year: { count: 8500, year: 2024 }\n  hours: { min: 35, source: { title: BLS } }";
        assert_eq!(
            lacking(facts, "    median: 44000"),
            [
                said("facts.jobs", "source and no year"),
                said("facts.outlook", "source"),
                said("facts.openings_per_year", "source"),
                said("facts.hours", "year"),
                said("sections.salary", "source and no year"),
            ]
        );
        assert_eq!(
            lacking("", "    median_hourly: 21.5\n    source: { title: BLS }"),
            [said("sections.salary", "year")]
        );
    }

    #[test]
    fn a_fact_may_be_as_old_as_the_policy_allows() {
        let fact = "facts:\n  jobs: { count: 94400, source: { title: BLS }, year: 2021 }";
        assert_eq!(broken(fact, "", &Policy::default()), []);
        let strict = Policy {
            max_fact_age_years: 4,
            ..Policy::default()
        };
        assert_eq!(
            broken(fact, "", &strict),
            [found(Rule::StaleFact, "facts.jobs.year")]
        );
        let policy = Policy::from_yaml("max_fact_age_years: 4\n").unwrap();
        assert_eq!(policy.max_fact_age_years, 4);
    }

    #[test]
    fn pay_percentiles_rise_and_the_median_is_within_the_ranges() {
        let policy = Policy::default();
        let stated = "    year: 2024\n    source: { title: BLS }";
        let good = format!(
            "    median: 52000\n    median_hourly: 25\n    percentiles: {{ p10: 40000, p25: 45000, p50: 52000, p90: 80000 }}\n{stated}"
        );
        assert_eq!(broken("", &good, &policy), []);
        let bad = format!(
            "    median: 30000\n    median_hourly: .inf\n    percentiles: {{ p10: 40000, p25: 35000, p50: 52000 }}\n{stated}"
        );
        assert_eq!(
            broken("", &bad, &policy),
            [
                found(Rule::SalaryPercentileOrder, "sections.salary.median"),
                found(Rule::SalaryMedianOutsideRanges, "sections.salary.median"),
                found(Rule::SalaryOutOfRange, "sections.salary.median_hourly"),
                found(
                    Rule::SalaryPercentileOrder,
                    "sections.salary.percentiles.p25"
                ),
            ]
        );
        assert_eq!(
            broken("", "    median: 52000", &policy),
            [found(Rule::FactWithoutSource, "sections.salary")]
        );
        // Figures may touch their bounds: percentiles may repeat, and the
        // median may be the lowest or the highest figure of the ranges.
        let touching = format!(
            "    median: 40000\n    percentiles: {{ p10: 40000, p25: 40000, p50: 40000 }}\n{stated}"
        );
        assert_eq!(broken("", &touching, &policy), []);
        assert_eq!(
            broken("", &format!("    median: 75000\n{stated}"), &policy),
            []
        );
    }

    /// Hours may fill the week (168) and may start and end at the same figure.
    #[test]
    fn hours_may_be_a_whole_week_and_the_same_at_both_ends() {
        let policy = Policy::default();
        let stated = "source: { title: BLS }, year: 2024";
        for hours in ["min: 168, max: 168", "min: 40, max: 40"] {
            let top = format!("facts:\n  hours: {{ {hours}, {stated} }}");
            assert_eq!(broken(&top, "", &policy), [], "{hours}");
        }
        let top = format!("facts:\n  hours: {{ min: 40, max: 169, {stated} }}");
        assert_eq!(
            broken(&top, "", &policy),
            [found(Rule::FactOutOfRange, "facts.hours.max")]
        );
    }
}
