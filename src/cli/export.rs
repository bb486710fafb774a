//! `pathways export`: a whole collection of profiles → a folder of reports and an index.
//!
//! Profiles are processed in parallel, each loaded, checked, rendered in
//! every format, staged to temporary files and renamed into place at once,
//! then dropped: memory does not grow with the collection (what is kept per
//! profile is its index entry), and at any moment only a few files are
//! staged. Ctrl-C lets the profiles under way finish, then stops (exit 130).
//! Two profiles claiming one id are both set aside, their reports removed.

use crate::cli::console::{err, errln};
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cli::args::{ExportArgs, FormatArg};
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::finding::Finding;
use pathways::load::{Discovered, Input, LoadFailure, load};
use pathways::output::OutputFolder;
use pathways::render::{CareerIndex, Format, IndexEntry, Renderer};
use pathways::report::{self, plural};
use pathways::validate::{Policy, completeness, validate, validate_errors_counting_warnings};

/// What became of one profile (the file it came from is known by its place in the list).
enum Outcome {
    /// Rendered and written (`<id>.<extension>` for each format), with its
    /// number of warnings and, under `--verbose`, the warnings as printed.
    Exported(IndexEntry, usize, Option<String>),
    /// Rendered, but another profile had already claimed its id: nothing written.
    SameIdAs(String),
    /// The profile has errors (or shares its id): reported, not written.
    Skipped(String),
    /// The file could not be read, or a report could not be written.
    Failed(Error),
    /// Not started: the run was interrupted.
    NotReached,
}

/// Set by Ctrl-C (SIGINT), SIGTERM or SIGHUP: finish what is under way, start nothing new.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The first signal asks the workers to stop between profiles; a second
/// one ends the program at once (a later run removes what it staged).
fn stop_on_signal() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(ExitStatus::Interrupted as i32);
        }
    });
}

pub fn run(args: &ExportArgs, color: bool) -> Result<ExitStatus, Error> {
    let started = Instant::now();
    let formats = chosen_formats(&args.format);
    let folder = OutputFolder::open(&args.out)?;
    let renderer = Renderer::new(args.look.templates.as_deref())?
        .with_template(&args.look.template, &formats)?
        .with_page_size(super::common::page_size(args.look.page_size));
    let policy = super::common::load_policy(args.policy.as_deref())?;
    let Discovered {
        files,
        errors: discovery_errors,
        ..
    } = super::common::discover_profiles(&args.paths);
    for error in &discovery_errors {
        errln!("error: {error}");
    }
    if files.is_empty() {
        if discovery_errors.is_empty() {
            errln!("error: no profiles to export");
        }
        return Ok(ExitStatus::Error);
    }
    stop_on_signal();

    let progress = progress_bar(files.len(), args.quiet);
    let jobs = args
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::WorkerThreads {
            jobs,
            reason: e.to_string(),
        })?;
    let job = Job {
        verbose: args.verbose,
        color,
        renderer: &renderer,
        policy: &policy,
        formats: &formats,
        folder: &folder,
        claimed_ids: Mutex::new(HashSet::new()),
    };
    // Outcomes are handed to this thread as they come and kept by the
    // profile's place in the list.
    let (sender, receiver) = std::sync::mpsc::channel();
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(files.len());
    outcomes.resize_with(files.len(), || None);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.install(|| {
                files
                    .par_iter()
                    .enumerate()
                    .for_each_with(sender, |sender, (index, file)| {
                        let outcome = job.export_one(file);
                        progress.inc(1);
                        let _ = sender.send((index, outcome));
                    });
            });
        });
        for (index, outcome) in receiver {
            outcomes[index] = Some(outcome);
        }
    });
    progress.finish_and_clear();
    let display_name = |index: usize| Input::from_arg(&files[index]).display_name();

    set_aside_duplicate_ids(&mut outcomes, &display_name, &folder, &formats);
    let mut exported: Vec<IndexEntry> = Vec::new();
    let mut skipped: Vec<(String, String)> = Vec::new();
    let mut failed: Vec<(String, Error)> = Vec::new();
    let mut warnings = 0;
    for (index, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Some(Outcome::Exported(entry, count, listed)) => {
                exported.push(entry);
                warnings += count;
                if let Some(listed) = listed {
                    err!("{listed}");
                }
            }
            Some(Outcome::Skipped(reason)) => skipped.push((display_name(index), reason)),
            Some(Outcome::Failed(error)) => failed.push((display_name(index), error)),
            // Set aside above, or not reached when interrupted.
            Some(Outcome::SameIdAs(_) | Outcome::NotReached) | None => {}
        }
    }

    for (file, reason) in &skipped {
        // A duplicate id is about the file as a whole; the rest carry line:column.
        let separator = if reason.starts_with(|c: char| c.is_ascii_digit()) {
            ":"
        } else {
            ": "
        };
        errln!("skipped {file}{separator}{reason}");
    }
    for (file, error) in &failed {
        errln!("error: {file}: {error}");
    }
    let mut written = exported.len() * formats.len();
    let exported = CareerIndex::new(exported);
    if INTERRUPTED.load(Ordering::SeqCst) {
        errln!(
            "Interrupted: exported {} of {} to {} before stopping; no partial file is left, \
             and the index was not updated.",
            exported.len(),
            plural(files.len(), "profile"),
            folder.path().display(),
        );
        return Ok(ExitStatus::Interrupted);
    }
    let unwritten = failed
        .iter()
        .filter(|(_, error)| error.is_about_output())
        .count();
    if unwritten > 0 {
        errln!(
            "The index was not updated, so it still lists the previous export: \
             the reports of {} could not be written.",
            plural(unwritten, "profile")
        );
    } else if !args.no_index {
        for &format in &formats {
            folder.write_with(&format!("index.{}", format.extension()), |out| {
                renderer.render_index(&exported, format, out)
            })?;
            written += 1;
        }
    }
    if !args.quiet || !skipped.is_empty() || !failed.is_empty() {
        let warned = match (warnings, args.verbose) {
            (0, _) => String::new(),
            (n, true) => format!(" with {}", plural(n, "warning")),
            (n, false) => format!(" with {} (--verbose lists them)", plural(n, "warning")),
        };
        errln!(
            "Exported {}{warned}, skipped {}, failed {}: wrote {} to {} in {:.1} s.",
            plural(exported.len(), "profile"),
            skipped.len(),
            failed.len(),
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

/// What every worker shares.
struct Job<'a> {
    /// Whether each profile's warnings are listed, not only counted.
    verbose: bool,
    color: bool,
    renderer: &'a Renderer,
    policy: &'a Policy,
    formats: &'a [Format],
    folder: &'a OutputFolder,
    /// The ids written so far; a profile whose id is here already writes nothing.
    claimed_ids: Mutex<HashSet<String>>,
}

impl Job<'_> {
    fn export_one(&self, file: &Path) -> Outcome {
        // One staging name per report: a profile is staged and committed by one worker.
        const TAG: usize = 0;
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Outcome::NotReached;
        }
        let document = match load(&Input::from_arg(file)) {
            Ok(document) => document,
            Err(LoadFailure::Invalid { finding, .. }) => {
                return Outcome::Skipped(first_error(&finding));
            }
            Err(LoadFailure::Unreadable(error)) => return Outcome::Failed(error),
        };
        let (errors, warnings, listed) = if self.verbose {
            let findings = validate(&document, self.policy);
            let (errors, warnings): (Vec<Finding>, Vec<Finding>) =
                findings.into_iter().partition(Finding::is_error);
            let lines = report::source_lines(&document.source.text, &warnings, None);
            let listed = (!warnings.is_empty())
                .then(|| report::human::render(&warnings, &lines, self.color));
            (errors, warnings.len(), listed)
        } else {
            let (errors, warnings) = validate_errors_counting_warnings(&document, self.policy);
            (errors, warnings, None)
        };
        if let Some(error) = errors.first() {
            return Outcome::Skipped(first_error(error));
        }
        let profile = &document.profile;
        let reports = match self.renderer.render_all(profile, self.formats) {
            Ok(reports) => reports,
            Err(error) => return Outcome::Failed(error),
        };
        let first_claim = self
            .claimed_ids
            .lock()
            .map(|mut ids| ids.insert(profile.id.clone()))
            .unwrap_or(true);
        if !first_claim {
            return Outcome::SameIdAs(profile.id.clone());
        }
        // The id is a validated slug, so these name files inside the folder.
        let names: Vec<String> = self
            .formats
            .iter()
            .map(|&format| report_name(&profile.id, format))
            .collect();
        let discard = |staged: &[String]| {
            for name in staged {
                self.folder.discard(name, TAG);
            }
        };
        // A profile whose place is taken (by a folder, say) fails whole:
        // what was staged for it is discarded, so no half set is left.
        for (index, (report, name)) in reports.iter().zip(&names).enumerate() {
            if let Err(error) = self.folder.stage(name, TAG, report.as_bytes()) {
                discard(&names[..index]);
                return Outcome::Failed(error);
            }
        }
        if INTERRUPTED.load(Ordering::SeqCst) {
            discard(&names);
            return Outcome::NotReached;
        }
        for (index, name) in names.iter().enumerate() {
            if let Err(error) = self.folder.commit(name, TAG) {
                discard(&names[index + 1..]);
                return Outcome::Failed(error);
            }
        }
        Outcome::Exported(
            IndexEntry::new(
                &profile.id,
                &profile.title,
                profile.category.as_deref(),
                completeness(profile, self.policy),
            ),
            warnings,
            listed,
        )
    }
}

/// `<id>.<extension>`
fn report_name(id: &str, format: Format) -> String {
    format!("{id}.{}", format.extension())
}

/// `line:column: message [rule]` of a profile's first error.
fn first_error(finding: &Finding) -> String {
    format!(
        "{}:{}: {} [{}]",
        finding.position.line, finding.position.column, finding.message, finding.rule
    )
}

/// Profiles sharing an id are all skipped, and the reports of the one that
/// claimed it first are removed: one report would silently replace the other.
fn set_aside_duplicate_ids(
    outcomes: &mut [Option<Outcome>],
    display_name: &dyn Fn(usize) -> String,
    folder: &OutputFolder,
    formats: &[Format],
) {
    // Places of profiles with an id, sorted by id: profiles sharing one are neighbours.
    let mut by_id: Vec<(&str, usize)> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(index, outcome)| match outcome {
            Some(Outcome::Exported(entry, ..)) => Some((entry.id(), index)),
            Some(Outcome::SameIdAs(id)) => Some((id.as_str(), index)),
            _ => None,
        })
        .collect();
    by_id.sort_unstable();
    let sharing: Vec<(String, Vec<usize>)> = by_id
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .map(|run| (run[0].0.to_owned(), run.iter().map(|&(_, i)| i).collect()))
        .collect();
    for (id, places) in sharing {
        for &format in formats {
            folder.remove(&report_name(&id, format));
        }
        for &index in &places {
            let others: Vec<String> = places
                .iter()
                .filter(|&&other| other != index)
                .map(|&other| format!("`{}`", display_name(other)))
                .collect();
            outcomes[index] = Some(Outcome::Skipped(format!(
                "the id `{id}` is also used by {}; neither was exported [duplicate-id]",
                others.join(", ")
            )));
        }
    }
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
