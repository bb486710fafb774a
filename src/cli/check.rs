//! `pathways check`: validate many profiles against a policy, for people and CI.

use pathways::rules::Rule;

use crate::cli::console::{err, out};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cli::args::{CheckArgs, ReportFormat};
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::finding::{Finding, Position, Severity};
use pathways::load::{Discovered, Document, Input, LoadFailure, Source};
use pathways::report::{self, Base, CheckReport, ProfileReport};
use pathways::validate::{
    IdClaim, Policy, Scope, Validated, completeness, duplicate_ids, load_and_validate,
};

pub fn run(args: &CheckArgs, color: bool) -> Result<ExitStatus, Error> {
    let mut policy = super::common::load_policy(args.policy.as_deref())?;
    if let Some(minimum) = args.min_score {
        policy.min_score = Some(minimum);
    }

    let Discovered {
        files,
        errors: discovery_errors,
        ..
    } = super::common::discover_profiles(&args.paths);
    let mut report = check_files(&files, &policy);
    report.strict = args.strict;
    report.base = report_base(args.base.as_deref())?;
    report
        .unreadable
        .extend(discovery_errors.iter().map(|error| {
            let file = error.path().map(|p| p.display().to_string());
            (file.unwrap_or_default(), error.to_string())
        }));

    match args.format {
        ReportFormat::Human => err!("{}", report::human::render_check(&report, color)),
        ReportFormat::Json => out!("{}", report::json::render(&report)),
        ReportFormat::Github => out!("{}", report::github::render(&report)),
        ReportFormat::Sarif => out!("{}", report::sarif::render(&report)),
        ReportFormat::Junit => out!("{}", report::junit::render(&report)),
    }
    Ok(
        if !report.unreadable.is_empty() || (files.is_empty() && discovery_errors.is_empty()) {
            ExitStatus::Error
        } else if report.failed() {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        },
    )
}

/// `--base DIR`, else the repository root (the nearest folder up with a
/// `.git`), else the current folder.
fn report_base(base: Option<&Path>) -> Result<Base, Error> {
    let current = std::env::current_dir().map_err(|source| Error::Read {
        path: PathBuf::from("."),
        source,
    })?;
    let root = match base {
        Some(dir) => dir.canonicalize().map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?,
        None => current
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(&current)
            .to_path_buf(),
    };
    Ok(Base::new(&root, &current))
}

/// Check every file (in parallel), then look for ids used twice.
pub fn check_files(files: &[PathBuf], policy: &Policy) -> CheckReport {
    let results: Vec<Result<Checked, (String, String)>> = files
        .par_iter()
        .map(|file| check_one(file, policy))
        .collect();
    let mut report = CheckReport::default();
    let mut checked = Vec::new();
    for result in results {
        match result {
            Ok(one) => checked.push(one),
            Err(unreadable) => report.unreadable.push(unreadable),
        }
    }
    if let Some(severity) = policy.severity(Rule::DuplicateId) {
        add_duplicate_ids(&mut checked, severity);
    }
    report.profiles = checked.into_iter().map(|c| c.report).collect();
    report
}

struct Checked {
    report: ProfileReport,
    /// Where the `id` value is, for a duplicate-id finding.
    id_position: Option<Position>,
    /// Whether it names an id of its own (a translation has its base's).
    claims_id: bool,
}

fn check_one(file: &Path, policy: &Policy) -> Result<Checked, (String, String)> {
    let input = Input::from_arg(file);
    let name = input.display_name();
    match load_and_validate(&input, policy, Scope::All) {
        Ok(Validated {
            document,
            mut findings,
            ..
        }) => {
            // A translation's findings about its base's text are its base's,
            // reported when the base is checked; its id is its base's.
            let translated = document.translation.is_some();
            if translated {
                findings.retain(|f| f.file == document.source.name);
            } else {
                findings.extend(missing_languages(file, &document, policy));
                findings.sort_by_key(|f| (f.position.line, f.position.column));
            }
            let id_position = document.top_level_value("id");
            let lines = report::source_lines(
                &document.source.text,
                &findings,
                id_position.map(|p| p.line),
            );
            Ok(Checked {
                report: ProfileReport {
                    file: name,
                    id: Some(document.profile.id.clone()),
                    score: Some(completeness(&document.profile, policy)),
                    findings,
                    lines,
                },
                id_position,
                claims_id: !translated,
            })
        }
        Err(LoadFailure::Invalid { finding, source }) => {
            let findings = vec![*finding];
            let lines = source
                .as_ref()
                .map(|s: &Source| report::source_lines(&s.text, &findings, None))
                .unwrap_or_default();
            Ok(Checked {
                report: ProfileReport {
                    file: name,
                    id: None,
                    score: None,
                    findings,
                    lines,
                },
                id_position: None,
                claims_id: false,
            })
        }
        Err(LoadFailure::Unreadable(error)) => Err((name, error.to_string())),
    }
}

/// A finding for each language the policy requires that `file` (a base
/// profile) is neither written in nor translated into.
fn missing_languages(file: &Path, document: &Document, policy: &Policy) -> Vec<Finding> {
    let Some(severity) = policy.severity(Rule::MissingLanguage) else {
        return Vec::new();
    };
    let own = document.profile.locale();
    let missing: Vec<&str> = policy
        .require_languages
        .iter()
        .map(String::as_str)
        .filter(|language| !language.eq_ignore_ascii_case(own))
        .filter(|language| !pathways::translate::file_for(file, language).is_file())
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let position = document
        .top_level_value("locale")
        .or_else(|| document.top_level_value("id"))
        .unwrap_or(Position::new(1, 1, 1));
    let mut finding = Finding::new(
        Rule::MissingLanguage,
        format!(
            "the policy asks for every profile in {}; this one (in {own}) has no translation into {}",
            policy.require_languages.join(", "),
            missing.join(", ")
        ),
        format!(
            "start each with `pathways new --translate {} --lang {}`",
            file.display(),
            missing[0]
        ),
    )
    .at(position)
    .in_file(&document.source.name);
    finding.severity = severity;
    vec![finding]
}

/// Each profile whose id another profile also uses gets a finding naming the others.
fn add_duplicate_ids(checked: &mut [Checked], severity: Severity) {
    let claims: Vec<(usize, IdClaim)> = checked
        .iter()
        .enumerate()
        .filter(|(_, one)| one.claims_id)
        .filter_map(|(index, one)| {
            let id = one.report.id.as_deref()?;
            let claim = IdClaim {
                id,
                file: &one.report.file,
                position: one.id_position.unwrap_or(Position::new(1, 1, 1)),
            };
            Some((index, claim))
        })
        .collect();
    let just_claims: Vec<IdClaim> = claims.iter().map(|(_, claim)| *claim).collect();
    let found: Vec<(usize, Finding)> = duplicate_ids(&just_claims)
        .into_iter()
        .map(|(place, finding)| (claims[place].0, finding))
        .collect();
    for (index, mut finding) in found {
        finding.severity = severity;
        let findings = &mut checked[index].report.findings;
        findings.push(finding);
        findings.sort_by_key(|f| (f.position.line, f.position.column));
    }
}
