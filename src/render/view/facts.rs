//! The quick facts, the occupation codes and the other titles of a career,
//! as reports print them: each fact a label and a value in the profile's
//! language, numbers as its locale writes them, years and words kept.

use std::sync::Arc;

use fluent_bundle::FluentArgs;

use super::Text;
use super::types::{
    CodeView, FactSourceView, NamedAmountView, OccupationDataView, PercentileView, QuickFactView,
    QuickFactsView,
};
use crate::profile::{Codes, PayPeriod, Profile, SalarySection, SourceRef};
use crate::render::cldr::{self, MoneyFormat};
use crate::render::labels::Labels;

/// The quick facts of `profile`, when it gives facts, or pay figures beyond
/// an average and ranges (which the salary section shows).
/// `plain` renders a label; `plain_at` the words of the field at a path
/// (marked with the base's language when a translation kept them).
pub(super) fn quick_facts(
    profile: &Profile,
    plain: &dyn Fn(&str) -> Text,
    plain_at: &dyn Fn(&str, &str) -> Text,
    labels: &Labels,
) -> Option<Arc<QuickFactsView>> {
    let salary = profile.sections.salary.as_ref();
    let pay_stated = salary.is_some_and(SalarySection::states_quick_facts);
    let facts = profile.facts.as_ref().filter(|f| !f.is_empty());
    if facts.is_none() && !pay_stated {
        return None;
    }
    let rows = fact_rows(profile, labels);

    // Each source once, with the years of the figures it gave and every
    // credit line given with it.
    let mut stated: Vec<(Option<&SourceRef>, Option<u16>)> = Vec::new();
    if let Some(salary) = salary {
        stated.push((salary.source.as_ref(), salary.year));
    }
    for (_, fact) in facts.iter().flat_map(|f| f.present()) {
        stated.push((fact.source, fact.year));
    }
    struct Listed<'p> {
        source: &'p SourceRef,
        years: Vec<u16>,
        credits: Vec<&'p str>,
    }
    let mut sources: Vec<Listed> = Vec::new();
    for (source, year) in stated {
        let Some(source) = source else { continue };
        let index = match sources
            .iter()
            .position(|s| s.source.title == source.title && s.source.url == source.url)
        {
            Some(index) => index,
            None => {
                sources.push(Listed {
                    source,
                    years: Vec::new(),
                    credits: Vec::new(),
                });
                sources.len() - 1
            }
        };
        let listed = &mut sources[index];
        if let Some(year) = year
            && !listed.years.contains(&year)
        {
            listed.years.push(year);
        }
        if let Some(credit) = source.credit.as_deref().map(str::trim)
            && !listed.credits.contains(&credit)
        {
            listed.credits.push(credit);
        }
    }
    let sources = sources
        .into_iter()
        .map(|mut listed| {
            listed.years.sort_unstable();
            Arc::new(FactSourceView {
                title: plain(&listed.source.title),
                url: listed
                    .source
                    .url
                    .clone()
                    .filter(|u| crate::links::is_web_link(u)),
                credit: (!listed.credits.is_empty()).then(|| plain(&listed.credits.join(" "))),
                years: (!listed.years.is_empty()).then(|| {
                    listed
                        .years
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
            })
        })
        .collect();
    Some(Arc::new(QuickFactsView {
        facts: rows
            .into_iter()
            .map(|(key, label, value)| {
                Arc::new(QuickFactView {
                    key,
                    label,
                    value: plain_at(&words_path(key), &value),
                })
            })
            .collect(),
        sources,
    }))
}

/// The field holding the words of the fact `key`: a fact's words are its
/// `text`, an outlook's its `words`.
pub(super) fn words_path(key: &str) -> String {
    let words = if key == "outlook" { "words" } else { "text" };
    format!("facts.{key}.{words}")
}

/// The facts in the order reports print them.
pub(super) const FACT_ORDER: [&str; 9] = [
    "pay",
    "entry_education",
    "work_experience",
    "training",
    "jobs",
    "openings_per_year",
    "outlook",
    "hours",
    "regulated",
];

/// Each fact `profile` gives, pay first: which it is, its label and its
/// value as reports print it (the year, where no source names it with its
/// own, and every word kept).
pub(super) fn fact_rows(profile: &Profile, labels: &Labels) -> Vec<(&'static str, String, String)> {
    let salary = profile.sections.salary.as_ref();
    let facts = profile.facts.as_ref();
    let locale = cldr::parse_locale(profile.locale());
    let number = |value: f64| cldr::format_number(value, &locale);
    // A fact's year, where no source lists it with the source's name.
    let with_year = |text: String, stated: crate::profile::Stated<'_>| match stated {
        crate::profile::Stated {
            source: None,
            year: Some(year),
        } => format!("{text} ({year})"),
        _ => text,
    };
    let joined = |parts: &[Option<String>]| -> String {
        parts
            .iter()
            .flatten()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rows: Vec<(&'static str, String, String)> = Vec::new();
    if let Some(salary) = salary.filter(|s| s.median.is_some() || s.average.is_some()) {
        rows.push(pay_row(salary, &locale, labels));
    }
    if let Some(facts) = facts {
        if let Some(fact) = &facts.entry_education {
            let level = fact
                .level
                .map(|level| labels.get(&format!("education-{}", level.id())));
            let value = match (level, fact.text.as_deref()) {
                (Some(level), Some(text)) => format!("{level} ({})", text.trim()),
                (level, text) => joined(&[level, text.map(str::to_owned)]),
            };
            rows.push((
                "entry_education",
                labels.get("fact-entry-education"),
                with_year(value, fact.stated()),
            ));
        }
        for (key, label, fact) in [
            (
                "work_experience",
                "fact-work-experience",
                &facts.work_experience,
            ),
            ("training", "fact-training", &facts.training),
        ] {
            if let Some(fact) = fact {
                rows.push((
                    key,
                    labels.get(label),
                    with_year(fact.text.trim().to_owned(), fact.stated()),
                ));
            }
        }
        for (key, label, fact) in [
            ("jobs", "fact-jobs", &facts.jobs),
            (
                "openings_per_year",
                "fact-openings",
                &facts.openings_per_year,
            ),
        ] {
            if let Some(fact) = fact {
                let count = fact.count.map(|count| number(count as f64));
                let value = joined(&[
                    count.map(|c| with_year(c, fact.stated())),
                    fact.text.clone(),
                ]);
                let value = if fact.count.is_none() {
                    with_year(value, fact.stated())
                } else {
                    value
                };
                rows.push((key, labels.get(label), value));
            }
        }
        if let Some(outlook) = &facts.outlook {
            let percent = outlook.percent.map(|percent| {
                let change = percent_change(percent, &locale, labels);
                match outlook.period.as_deref() {
                    Some(period) => format!("{change} ({})", period.trim()),
                    None => change,
                }
            });
            let value = joined(&[percent, outlook.words.clone()]);
            rows.push((
                "outlook",
                labels.get("fact-outlook"),
                with_year(value, outlook.stated()),
            ));
        }
        if let Some(hours) = &facts.hours {
            let range = match (hours.min, hours.max) {
                (Some(min), Some(max)) if min != max => Some(format!("{min}–{max}")),
                (Some(hours), _) | (None, Some(hours)) => Some(hours.to_string()),
                (None, None) => None,
            };
            let value = joined(&[range, hours.text.clone()]);
            rows.push((
                "hours",
                labels.get("fact-hours"),
                with_year(value, hours.stated()),
            ));
        }
        if let Some(fact) = &facts.regulated {
            let value = match fact.body.as_deref() {
                Some(body) => format!("{} ({})", fact.text.trim(), body.trim()),
                None => fact.text.trim().to_owned(),
            };
            rows.push((
                "regulated",
                labels.get("fact-regulated"),
                with_year(value, fact.stated()),
            ));
        }
    }

    rows
}

/// Pay: the median (or else the average) with its period, the hourly median
/// beside it, and the year and region of the figures.
fn pay_row(
    salary: &SalarySection,
    locale: &icu::locale::Locale,
    labels: &Labels,
) -> (&'static str, String, String) {
    let money = MoneyFormat::new(salary.currency(), locale);
    let period = labels.get(period_key(salary.period()));
    let (label, amount) = match (salary.median, salary.average) {
        (Some(median), _) => ("fact-pay-median", median),
        (None, Some(average)) => ("fact-pay-average", average),
        (None, None) => ("fact-pay-median", 0.0),
    };
    let mut value = format!("{} {period}", money.format(amount));
    if let Some(hourly) = salary.median_hourly {
        value.push_str(&format!(
            " ({} {})",
            money.format(hourly),
            labels.get("period-hour")
        ));
    }
    let basis: Vec<String> = salary
        .region
        .iter()
        .map(|r| r.trim().to_owned())
        .chain(salary.year.map(|y| y.to_string()))
        .collect();
    if !basis.is_empty() {
        value.push_str(&format!(", {}", basis.join(", ")));
    }
    ("pay", labels.get(label), value)
}

/// A change in percent with its sign, as `locale` writes the number: "+19%",
/// "−4%" (a minus sign, not a hyphen).
pub(super) fn percent_change(
    percent: f64,
    locale: &icu::locale::Locale,
    labels: &Labels,
) -> String {
    let digits = cldr::format_number(percent.abs(), locale);
    let signed = if percent > 0.0 {
        format!("+{digits}")
    } else if percent < 0.0 {
        format!("\u{2212}{digits}")
    } else {
        digits
    };
    let mut args = FluentArgs::new();
    args.set("percent", signed);
    labels
        .format("fact-percent", Some(&args))
        .unwrap_or_default()
}

/// The salary's percentiles, lowest first, each labelled.
pub(super) fn percentiles(
    salary: &SalarySection,
    money: &MoneyFormat,
    labels: &Labels,
) -> Vec<Arc<PercentileView>> {
    salary
        .percentiles
        .iter()
        .flat_map(|p| p.given())
        .map(|(rank, amount)| {
            let mut args = FluentArgs::new();
            args.set("rank", rank);
            Arc::new(PercentileView {
                label: labels
                    .format("salary-percentile", Some(&args))
                    .unwrap_or_default(),
                amount: money.format(amount),
            })
        })
        .collect()
}

/// The profile's codes, each with its classification and, where there is
/// one, its public page.
pub(super) fn codes(codes: Option<&Codes>, plain: &dyn Fn(&str) -> Text) -> Vec<Arc<CodeView>> {
    let Some(codes) = codes else {
        return Vec::new();
    };
    let mut views = Vec::new();
    let mut add = |scheme: &str, code: &str, url: Option<String>| {
        views.push(Arc::new(CodeView {
            scheme: plain(scheme),
            code: plain(code),
            url,
        }));
    };
    if let Some(soc) = &codes.soc {
        add("SOC 2018", soc, None);
    }
    for code in &codes.onet {
        add(
            "O*NET-SOC",
            &code.0,
            Some(format!(
                "https://www.onetonline.org/link/summary/{}",
                code.0
            )),
        );
    }
    for code in &codes.isco {
        add("ISCO-08", &code.0, None);
    }
    for uri in &codes.esco {
        add(
            "ESCO",
            &uri.0,
            crate::links::is_web_link(&uri.0).then(|| uri.0.clone()),
        );
    }
    for (name, code) in &codes.local {
        add(name, code, None);
    }
    views
}

/// Pay and education to start, as schema.org's Occupation takes them.
pub(super) fn occupation_data(profile: &Profile, labels: &Labels) -> OccupationDataView {
    let salary = profile.sections.salary.as_ref();
    let mut figures: Vec<(&'static str, f64)> = Vec::new();
    if let Some(salary) = salary {
        let median = salary
            .median
            .or_else(|| salary.percentiles.as_ref().and_then(|p| p.p50));
        figures.extend(median.map(|m| ("median", m)));
        for (rank, amount) in salary.percentiles.iter().flat_map(|p| p.given()) {
            let name = match rank {
                10 => "percentile10",
                25 => "percentile25",
                75 => "percentile75",
                90 => "percentile90",
                _ => continue,
            };
            figures.push((name, amount));
        }
    }
    let education = profile
        .facts
        .as_ref()
        .and_then(|f| f.entry_education.as_ref())
        .and_then(|e| match (e.level, e.text.as_deref()) {
            (Some(level), _) => Some(labels.get(&format!("education-{}", level.id()))),
            (None, text) => text.map(|t| t.trim().to_owned()),
        });
    OccupationDataView {
        currency: salary
            .filter(|_| !figures.is_empty())
            .map(|s| s.currency().to_owned()),
        duration: match salary.map(SalarySection::period) {
            Some(PayPeriod::Month) => "P1M",
            Some(PayPeriod::Hour) => "PT1H",
            _ => "P1Y",
        },
        salary: figures
            .into_iter()
            .map(|(name, amount)| {
                Arc::new(NamedAmountView {
                    name,
                    amount: amount.to_string(),
                })
            })
            .collect(),
        education,
        alternate_names: profile
            .aliases
            .iter()
            .map(|a| a.0.trim().to_owned())
            .collect(),
    }
}

/// The label of a pay period: `period-year`, `period-month`, `period-hour`.
pub(super) fn period_key(period: PayPeriod) -> &'static str {
    match period {
        PayPeriod::Year => "period-year",
        PayPeriod::Month => "period-month",
        PayPeriod::Hour => "period-hour",
    }
}
