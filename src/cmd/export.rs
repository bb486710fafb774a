//! `pathways export`: a whole collection of profiles → a folder of reports and an index.
//!
//! Profiles are processed in parallel, each loaded, checked, rendered in
//! every format and staged to temporary files, then dropped, so memory does
//! not grow with the collection: what is kept per profile is its index entry.
//! Reports are renamed into place only after every profile is done and ids
//! are known to be unique.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{ExportArgs, FormatArg};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::finding::Finding;
use crate::load::{Input, LoadFailure, discover, load};
use crate::output::OutputFolder;
use crate::render::{Format, IndexEntry, Renderer};
use crate::report::plural;
use crate::validate::{Policy, completeness, validate_errors};

pub fn run(args: &ExportArgs, color: bool) -> ExitStatus {
    match try_run(args, color) {
        Ok(status) => status,
        Err(error) => {
            eprintln!("error: {error}");
            ExitStatus::Error
        }
    }
}

/// What became of one profile.
enum Outcome {
    /// Rendered and staged (`<id>.<extension>` for each format), not yet committed.
    Exported {
        entry: IndexEntry,
        file: String,
        /// Tells this profile's staged files apart from another's with the same id.
        tag: usize,
    },
    /// The profile has errors (or shares its id): reported, not written.
    Skipped { file: String, reason: String },
    /// The file could not be read, or a report could not be written.
    Failed { file: String, error: Error },
}

fn try_run(args: &ExportArgs, color: bool) -> Result<ExitStatus, Error> {
    let started = Instant::now();
    let formats = chosen_formats(&args.format);
    let folder = OutputFolder::open(&args.out)?;
    let renderer = Renderer::new(args.look.templates.as_deref())?
        .with_template(&args.look.template, &formats)?
        .with_page_size(super::page_size(args.look.page_size));
    let policy = match super::load_policy(args.policy.as_deref(), color) {
        Ok(policy) => policy,
        Err(status) => return Ok(status),
    };
    let (files, discovery_errors) = discover(&args.paths);
    for error in &discovery_errors {
        eprintln!("error: {error}");
    }
    if files.is_empty() {
        if discovery_errors.is_empty() {
            eprintln!("error: no profiles to export");
        }
        return Ok(ExitStatus::Error);
    }

    let progress = progress_bar(files.len(), args.quiet);
    let jobs = args
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::Usage {
            message: format!("cannot start {jobs} worker threads: {e}"),
        })?;
    // Outcomes are handed to this thread as they come and copied here, so
    // what outlives a profile is not scattered through the workers' memory.
    let (sender, receiver) = std::sync::mpsc::channel();
    let mut outcomes: Vec<(usize, Outcome)> = Vec::with_capacity(files.len());
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.install(|| {
                files
                    .par_iter()
                    .enumerate()
                    .for_each_with(sender, |sender, (index, file)| {
                        let outcome =
                            export_one(file, index, &renderer, &policy, &formats, &folder);
                        progress.inc(1);
                        let _ = sender.send((index, outcome));
                    });
            });
        });
        outcomes.extend(
            receiver
                .iter()
                .map(|(index, outcome)| (index, outcome.compacted())),
        );
    });
    progress.finish_and_clear();
    outcomes.sort_by_key(|(index, _)| *index);
    let outcomes: Vec<Outcome> = outcomes.into_iter().map(|(_, outcome)| outcome).collect();

    let outcomes = set_aside_duplicate_ids(outcomes, &folder, &formats);
    let mut exported: Vec<IndexEntry> = Vec::new();
    let mut skipped: Vec<(String, String)> = Vec::new();
    let mut failed: Vec<(String, Error)> = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Exported { entry, file, tag } => {
                let committed = formats
                    .iter()
                    .try_for_each(|f| folder.commit(&report_name(&entry.id, *f), tag));
                match committed {
                    Ok(()) => exported.push(entry),
                    Err(error) => failed.push((file, error)),
                }
            }
            Outcome::Skipped { file, reason } => skipped.push((file, reason)),
            Outcome::Failed { file, error } => failed.push((file, error)),
        }
    }

    let mut written = exported.len() * formats.len();
    if !args.no_index {
        for &format in &formats {
            let index = renderer.render_index(&exported, format)?;
            folder.write(&format!("index.{}", format.extension()), index.as_bytes())?;
            written += 1;
        }
    }

    if !args.quiet || !skipped.is_empty() || !failed.is_empty() {
        for (file, reason) in &skipped {
            // A duplicate id is about the file as a whole; the rest carry line:column.
            let separator = if reason.starts_with(|c: char| c.is_ascii_digit()) {
                ":"
            } else {
                ": "
            };
            eprintln!("skipped {file}{separator}{reason}");
        }
        for (file, error) in &failed {
            eprintln!("error: {file}: {error}");
        }
    }
    if !args.quiet {
        eprintln!(
            "Exported {}, skipped {}: wrote {} to {} in {:.1} s.",
            plural(exported.len(), "profile"),
            skipped.len(),
            plural(written, "file"),
            folder.path().display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if !failed.is_empty() || !discovery_errors.is_empty() {
        ExitStatus::Error
    } else if !skipped.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn export_one(
    file: &Path,
    tag: usize,
    renderer: &Renderer,
    policy: &Policy,
    formats: &[Format],
    folder: &OutputFolder,
) -> Outcome {
    let input = Input::from_arg(file);
    let name = input.display_name();
    let document = match load(&input) {
        Ok(document) => document,
        Err(LoadFailure::Invalid { finding, .. }) => {
            return Outcome::Skipped {
                reason: first_error(&finding),
                file: name,
            };
        }
        Err(LoadFailure::Unreadable(error)) => return Outcome::Failed { file: name, error },
    };
    let errors = validate_errors(&document, policy);
    if let Some(error) = errors.first() {
        return Outcome::Skipped {
            file: name,
            reason: first_error(error),
        };
    }
    let profile = &document.profile;
    let reports = match renderer.render_all(profile, formats) {
        Ok(reports) => reports,
        Err(error) => return Outcome::Failed { file: name, error },
    };
    for (index, (report, &format)) in reports.iter().zip(formats).enumerate() {
        // The id is a validated slug, so this names a file inside the folder.
        if let Err(error) = folder.stage(&report_name(&profile.id, format), tag, report.as_bytes())
        {
            for &staged in &formats[..index] {
                folder.discard(&report_name(&profile.id, staged), tag);
            }
            return Outcome::Failed { file: name, error };
        }
    }
    Outcome::Exported {
        entry: IndexEntry {
            id: profile.id.clone(),
            title: profile.title.clone(),
            category: profile.category.clone(),
            score: completeness(profile, policy),
        },
        file: name,
        tag,
    }
}

/// `<id>.<extension>`
fn report_name(id: &str, format: Format) -> String {
    format!("{id}.{}", format.extension())
}

impl Outcome {
    /// The same outcome with its text copied into fresh, tight allocations.
    fn compacted(self) -> Outcome {
        let tight = |s: String| s.as_str().to_owned();
        match self {
            Outcome::Exported { entry, file, tag } => Outcome::Exported {
                entry: IndexEntry {
                    id: tight(entry.id),
                    title: tight(entry.title),
                    category: entry.category.map(tight),
                    score: entry.score,
                },
                file: tight(file),
                tag,
            },
            other => other,
        }
    }
}

/// `line:column: message [rule]` of a profile's first error.
fn first_error(finding: &Finding) -> String {
    format!(
        "{}:{}: {} [{}]",
        finding.position.line, finding.position.column, finding.message, finding.rule
    )
}

/// Profiles sharing an id are all skipped (their staged files deleted):
/// one report would silently replace the other.
fn set_aside_duplicate_ids(
    outcomes: Vec<Outcome>,
    folder: &OutputFolder,
    formats: &[Format],
) -> Vec<Outcome> {
    let mut files_by_id: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for outcome in &outcomes {
        if let Outcome::Exported { entry, file, .. } = outcome {
            files_by_id
                .entry(entry.id.clone())
                .or_default()
                .push(file.clone());
        }
    }
    outcomes
        .into_iter()
        .map(|outcome| match outcome {
            Outcome::Exported { entry, file, tag }
                if files_by_id.get(&entry.id).is_some_and(|f| f.len() > 1) =>
            {
                for &format in formats {
                    folder.discard(&report_name(&entry.id, format), tag);
                }
                let others: Vec<String> = files_by_id[&entry.id]
                    .iter()
                    .filter(|other| **other != file)
                    .map(|other| format!("`{other}`"))
                    .collect();
                Outcome::Skipped {
                    reason: format!(
                        "the id `{}` is also used by {}; neither was exported [duplicate-id]",
                        entry.id,
                        others.join(", ")
                    ),
                    file,
                }
            }
            other => other,
        })
        .collect()
}

/// `--format` values in a fixed order (Markdown, HTML, text), each once; all three by default.
fn chosen_formats(requested: &[FormatArg]) -> Vec<Format> {
    if requested.is_empty() {
        return Format::ALL.to_vec();
    }
    Format::ALL
        .into_iter()
        .filter(|format| {
            requested.iter().any(|r| {
                matches!(
                    (r, format),
                    (FormatArg::Markdown, Format::Markdown)
                        | (FormatArg::Html, Format::Html)
                        | (FormatArg::Text, Format::Text)
                )
            })
        })
        .collect()
}

fn progress_bar(total: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} profiles  {per_sec:0}  about {eta} left")
    {
        bar.set_style(style);
    }
    bar
}
