//! Salary rules: figures given, non-negative, min ≤ max, ranges in stage order, a real currency code.

use crate::rules::Rule;

use super::Findings;
use crate::finding::Finding;
use crate::profile::{Profile, SectionContent};

/// Career stages pathways knows, in the order a career goes through them.
pub(super) const STAGE_ORDER: [&str; 3] = ["entry", "mid", "senior"];

pub(super) fn check(profile: &Profile, findings: &mut Findings) {
    let Some(salary) = &profile.sections.salary else {
        return;
    };
    let base = "sections.salary";
    let prose = SectionContent::Salary(salary).prose();
    // A placeholder (a new profile's TODO) is reported as one, not as this.
    let placeholder = prose
        .intro
        .is_some_and(|intro| super::content::find_placeholder(intro).is_some());
    if !salary.has_figures() && !prose.is_empty() && !placeholder {
        findings.at_key(
            base,
            Finding::new(
                Rule::SalaryWithoutFigures,
                "the salary section has text but no figures, so handouts can only quote its text",
                "add `average:` and `ranges:` as plain numbers (for example `average: 36000`), so reports show a pay table",
            ),
        );
    }

    if let Some(code) = &salary.currency
        && !ISO_4217.contains(&code.as_str())
    {
        let hint = match ISO_4217.iter().find(|c| c.eq_ignore_ascii_case(code)) {
            Some(upper) => format!("currency codes are written in capitals: `{upper}`"),
            None => "use a three-letter ISO 4217 code such as USD, EUR, GBP, CAD or AUD".to_owned(),
        };
        findings.at_value(
            &format!("{base}.currency"),
            Finding::new(
                Rule::UnknownCurrency,
                format!("`{code}` is not a currency code"),
                hint,
            ),
        );
    }

    if salary.has_figures() && salary.currency.is_none() {
        findings.at_key(
            base,
            Finding::new(
                Rule::SalaryMissingCurrency,
                "the salary figures do not say which currency they are in (US dollars are assumed)",
                "add `currency: USD` (or the ISO code of the currency the figures are in)",
            ),
        );
    }

    if let Some(finding) = salary
        .average
        .and_then(|average| unusable("average", average))
    {
        findings.at_value(&format!("{base}.average"), finding);
    }

    let lowest = salary.ranges.iter().map(|r| r.min).reduce(f64::min);
    let highest = salary.ranges.iter().map(|r| r.max).reduce(f64::max);
    if let (Some(average), Some(lowest), Some(highest)) = (salary.average, lowest, highest)
        && (average < lowest || average > highest)
    {
        findings.at_value(
            &format!("{base}.average"),
            Finding::new(
                Rule::SalaryAverageOutsideRanges,
                format!(
                    "the average salary ({}) is outside the ranges given ({} to {})",
                    figure(average),
                    figure(lowest),
                    figure(highest)
                ),
                "check both figures against the source: an average normally falls within the ranges",
            ),
        );
    }

    let mut previous_stage: Option<(usize, &str)> = None;
    for (index, range) in salary.ranges.iter().enumerate() {
        let path = format!("{base}.ranges[{index}]");
        for (field, value) in [("min", range.min), ("max", range.max)] {
            if let Some(finding) = unusable(field, value) {
                findings.at_value(&format!("{path}.{field}"), finding);
            }
        }
        if range.min > range.max {
            findings.at_value(
                &format!("{path}.min"),
                Finding::new(
                    Rule::SalaryMinAboveMax,
                    format!(
                        "the {} range starts at {} but ends at {}: the minimum is above the maximum",
                        range.stage,
                        figure(range.min),
                        figure(range.max)
                    ),
                    "swap `min` and `max`, or correct the figure that was mistyped",
                ),
            );
        }
        let stage = range.stage.trim().to_lowercase();
        if let Some(rank) = STAGE_ORDER.iter().position(|s| *s == stage) {
            if let Some((previous_rank, previous)) = previous_stage
                && rank <= previous_rank
            {
                findings.at_value(
                    &format!("{path}.stage"),
                    Finding::new(
                        Rule::SalaryStageOrder,
                        format!("the `{stage}` range comes after the `{previous}` range"),
                        "list salary ranges in career order: entry, then mid, then senior, each once",
                    ),
                );
            }
            previous_stage = Some((rank, STAGE_ORDER[rank]));
        }
    }
}

/// A range a summary entry states for a career stage ("Entry-level ...
/// between $30,000 and $40,000") that the salary section's range for that
/// stage contradicts: one of the two is out of date. Both places are
/// reported, each naming the other's line.
pub(super) fn check_summary(profile: &Profile, findings: &mut Findings) {
    let Some(salary) = &profile.sections.salary else {
        return;
    };
    if !findings.wants(Rule::SummaryContradictsSalary) {
        return;
    }
    for (entry_index, entry) in profile.summary.iter().enumerate() {
        for sentence in crate::pay_text::sentences(&entry.text) {
            let amounts = crate::pay_text::amounts_in(sentence);
            for (low, high, stage) in crate::pay_text::ranges_in(sentence, &amounts) {
                let (low, high) = (&amounts[low], &amounts[high]);
                let Some(stage) = stage else { continue };
                let Some((range_index, range)) = salary
                    .ranges
                    .iter()
                    .enumerate()
                    .find(|(_, r)| r.stage.trim().eq_ignore_ascii_case(stage))
                else {
                    continue;
                };
                if low.currency != salary.currency()
                    || (low.value == range.min && high.value == range.max)
                {
                    continue;
                }
                let summary_path = format!("summary[{entry_index}].text");
                let range_path = format!("sections.salary.ranges[{range_index}]");
                let stated = format!(
                    "{} to {}",
                    &sentence[low.start..low.end],
                    &sentence[high.start..high.end]
                );
                // Each message names the other place's line, which takes
                // the file's positions: not worked out for findings that
                // are only counted (an export's warnings).
                let (range_line, summary_line) = if findings.keeps(Rule::SummaryContradictsSalary) {
                    let document = findings.document;
                    let (_, locations) = document.place(&range_path);
                    let range_line = locations.value(&range_path).map_or(0, |p| p.line);
                    let (source, locations) = document.place(&summary_path);
                    let summary_line = locations.value(&summary_path).map_or(0, |start| {
                        let needle = &sentence[low.start..low.end];
                        super::find_after(locations, &source.text, start, needle)
                            .unwrap_or(start)
                            .line
                    });
                    (range_line, summary_line)
                } else {
                    (0, 0)
                };
                let sign: String = sentence[low.start..].chars().take(1).collect();
                let figures = format!(
                    "{sign}{} to {sign}{}",
                    grouped(range.min),
                    grouped(range.max)
                );
                findings.at_text(
                    &summary_path,
                    &sentence[low.start..low.end],
                    Finding::new(
                        Rule::SummaryContradictsSalary,
                        format!(
                            "the summary gives {stage} pay as {stated}, but the salary section's {stage} range (line {range_line}) is {figures}"
                        ),
                        "check both against the source and make them agree: handouts print both",
                    ),
                );
                findings.at_value(
                    &range_path,
                    Finding::new(
                        Rule::SummaryContradictsSalary,
                        format!(
                            "the {stage} range ({figures}) differs from what the summary says ({stated}, line {summary_line})"
                        ),
                        "check both against the source and make them agree: handouts print both",
                    ),
                );
            }
        }
    }
}

/// No pay reaches this in any currency; a figure past it is a slip (or
/// `.inf`, `1e308`) that no report could print whole.
const MOST_PAY: f64 = 1e12;

/// A figure no report can show as pay: not a finite number, too large, or negative.
pub(super) fn unusable(field: &str, value: f64) -> Option<Finding> {
    if !value.is_finite() || value.abs() > MOST_PAY {
        Some(Finding::new(
            Rule::SalaryOutOfRange,
            format!("the salary `{field}` ({value:e}) is not an amount of pay"),
            "write the amount as a plain number, such as 36000, at most 1000000000000",
        ))
    } else if value < 0.0 {
        Some(negative(field, value))
    } else {
        None
    }
}

fn negative(field: &str, value: f64) -> Finding {
    Finding::new(
        Rule::SalaryNegative,
        format!("the salary `{field}` is negative ({})", figure(value)),
        "salary figures are amounts of money earned: write them without a minus sign",
    )
}

/// `25000` as `25,000` (the summary's amounts are written so).
fn grouped(value: f64) -> String {
    let whole = figure(value.abs());
    let (digits, rest) = whole
        .split_once('.')
        .map_or((whole.as_str(), ""), |(d, r)| (d, r));
    let mut out = String::from(if value < 0.0 { "-" } else { "" });
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    out
}

pub(super) fn figure(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// Active ISO 4217 currency codes.
pub(crate) const ISO_4217: [&str; 155] = [
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn figures_are_grouped_in_thousands() {
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(950.0), "950");
        assert_eq!(grouped(25000.0), "25,000");
        assert_eq!(grouped(1234567.5), "1,234,567.5");
        assert_eq!(grouped(-45000.0), "-45,000");
    }
}
