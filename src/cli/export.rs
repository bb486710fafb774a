//! `pathways export`: a whole collection of profiles → a folder of reports and an index.
//!
//! Profiles are processed in parallel, each loaded, checked, rendered in
//! every format, staged to temporary files and renamed into place at once,
//! then dropped: memory does not grow with the collection (what is kept per
//! profile is its index entry), and at any moment only a few files are
//! staged. Ctrl-C lets the profiles under way finish, then stops (exit 130).
//! Two profiles claiming one id are both set aside, their reports removed.

use crate::cli::console::{err, errln};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::args::{ExportArgs, FormatArg};
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::finding::{Finding, Position, Severity};
use pathways::load::{Discovered, Input, LoadFailure};
use pathways::output::OutputFolder;
use pathways::profile::Alternate;
use pathways::render::{CareerIndex, Document, Format, IndexEntry, IndexSort, Renderer};
use pathways::report;
use pathways::rules::Rule;
use pathways::validate::{
    IdClaim, Policy, Scope, completeness, duplicate_ids, is_reserved_stem,
    load_and_validate_sharing,
};
use pathways::words::plural;

/// What became of one profile (the file it came from is known by its place in the list).
enum Outcome {
    /// Rendered and written (`<id>.<extension>` for each format).
    Exported(Exported),
    /// Rendered, but a profile earlier in the list had claimed its id: nothing written.
    SameIdAs { id: String, id_at: Position },
    /// The profile has errors (or shares its id): this one is reported, nothing written.
    Skipped(Finding),
    /// The file could not be read, or a report could not be written.
    Failed(Error),
    /// Not started: the run was interrupted.
    NotReached,
}

/// A profile whose reports were written.
struct Exported {
    entry: IndexEntry,
    /// Where its `id` value is, for a duplicate-id finding.
    id_at: Position,
    /// Its number of warnings and, under `--verbose`, the warnings as printed.
    warnings: usize,
    listed: Option<String>,
    /// Its chapter of the booklet, under `--book`.
    chapter: Option<String>,
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
    let mut folder = OutputFolder::open(&args.out)?;
    let book = args
        .book
        .as_deref()
        .map(|path| book_file(path, &args.out))
        .transpose()?;
    let mut template_formats = formats.clone();
    template_formats.extend(book.as_ref().map(|(_, format)| *format));
    let renderer = crate::cli::common::renderer(args.look.templates.as_deref())?
        .with_template(&args.look.template, &template_formats)?
        .with_page_size(super::common::page_size(args.look.page_size));
    let mut policy = super::common::load_policy(args.policy.as_deref())?;
    // A template folder may add label catalogues.
    policy.languages = renderer.languages();
    super::common::use_fonts(&args.fonts)?;
    let makes_pdf = template_formats.contains(&Format::Pdf);
    if makes_pdf {
        super::common::check_glyphs(&mut policy, &args.fonts);
    }
    let Discovered {
        files,
        errors: discovery_errors,
        ..
    } = super::common::discover_profiles(&args.paths);
    for error in &discovery_errors {
        super::console::print_error(None, error);
    }
    folder.protect(files.iter().map(PathBuf::as_path));
    if let Some((name, _)) = &book {
        folder.check_name(name)?;
    }
    if files.is_empty() {
        return if discovery_errors.is_empty() {
            Err(Error::Usage {
                message: "no profiles to export".to_owned(),
            })
        } else {
            Ok(ExitStatus::Error)
        };
    }
    stop_on_signal();

    let progress = super::common::progress_bar(files.len(), args.quiet);
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
        book_format: book.as_ref().map(|(_, format)| *format),
        folder: &folder,
        claimed_ids: Mutex::new(HashMap::new()),
        languages: &Languages::of(&files, args.site_url.as_deref()),
        recent: pathways::load::Recent::default(),
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
                        let outcome = job.export_one(index, file);
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

    let duplicates = policy.severity(Rule::DuplicateId);
    set_aside_duplicate_ids(&mut outcomes, &display_name, &folder, &formats, duplicates);
    // The careers of each language: the base profiles (`None`), then the
    // translations into each language, each with its booklet chapters.
    let mut by_language: ByLanguage = BTreeMap::new();
    let mut skipped: Vec<(String, Finding)> = Vec::new();
    let mut failed: Vec<(String, Error)> = Vec::new();
    let mut warnings = 0;
    for (index, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Some(Outcome::Exported(one)) => {
                let (entries, chapters) = by_language
                    .entry(one.entry.translation().map(str::to_owned))
                    .or_default();
                if let Some(chapter) = one.chapter {
                    chapters.insert(one.entry.id().to_owned(), chapter);
                }
                entries.push(one.entry);
                warnings += one.warnings;
                if let Some(listed) = one.listed {
                    err!("{listed}");
                }
            }
            Some(Outcome::Skipped(finding)) => skipped.push((display_name(index), finding)),
            Some(Outcome::Failed(error)) => failed.push((display_name(index), error)),
            // Set aside above, or not reached when interrupted.
            Some(Outcome::SameIdAs { .. } | Outcome::NotReached) | None => {}
        }
    }

    for (file, finding) in &skipped {
        errln!(
            "skipped {file}:{}:{}: {} [{}]",
            finding.position.line,
            finding.position.column,
            finding.message,
            finding.rule
        );
    }
    for (file, error) in &failed {
        super::console::print_error(Some(file), error);
    }
    let exported_count: usize = by_language.values().map(|(entries, _)| entries.len()).sum();
    // With nothing exported, the index still says so.
    by_language.entry(None).or_default();
    let mut written = exported_count * formats.len();
    let indexes = language_indexes(by_language, args.index_scores, args.site_url.as_deref());
    if INTERRUPTED.load(Ordering::SeqCst) {
        errln!(
            "Interrupted: exported {} of {} to {} before stopping; no partial file is left, \
             and the index was not updated.",
            exported_count,
            plural(files.len(), "profile"),
            folder.path().display(),
        );
        return Ok(ExitStatus::Interrupted);
    }
    // The booklets' names, once they are written.
    let mut booklets_written: Vec<String> = Vec::new();
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
    } else {
        for (language, exported, chapters) in &indexes {
            if !args.no_index {
                written += write_index(&folder, &renderer, exported, &formats)?;
            }
            if book.is_some() && !failed.is_empty() {
                errln!(
                    "The booklet was not written: {} could not be rendered (see above).",
                    plural(failed.len(), "profile")
                );
                break;
            }
            let Some((name, format)) = &book else {
                continue;
            };
            let name = match language {
                Some(language) => in_language(name, language),
                None => name.clone(),
            };
            // (`index.*` is a reserved name, refused before the export.)
            let replaced_report = indexes.iter().any(|(_, careers, _)| {
                careers.entries().iter().any(|entry| {
                    formats
                        .iter()
                        .any(|&f| report_name(&entry.stem(), f) == name)
                })
            });
            if replaced_report {
                return Err(Error::Usage {
                    message: format!(
                        "the booklet `{name}` would replace a report of this export; give --book another name"
                    ),
                });
            }
            let title = args
                .book_title
                .clone()
                .unwrap_or_else(|| renderer.label(exported.locale(), "book-title"));
            folder.write_with(&name, |out| {
                let booklet = Document::Booklet {
                    title: &title,
                    careers: exported,
                    chapters,
                };
                renderer.render_document(&booklet, *format, out)
            })?;
            written += 1;
            booklets_written.push(name);
        }
    }
    if !args.quiet || !skipped.is_empty() || !failed.is_empty() {
        let warned = match (warnings, args.verbose) {
            (0, _) => String::new(),
            (n, true) => format!(" with {}", plural(n, "warning")),
            (n, false) => format!(" with {} (--verbose lists them)", plural(n, "warning")),
        };
        errln!(
            "Exported {}{warned}, skipped {}, failed {}: wrote {} to {}{} in {:.1} s.",
            plural(exported_count, "profile"),
            skipped.len(),
            failed.len(),
            plural(written, "file"),
            folder.path().display(),
            if folder.created() {
                " (a new folder)"
            } else {
                ""
            },
            started.elapsed().as_secs_f64()
        );
    }
    if !booklets_written.is_empty() && !skipped.is_empty() {
        let name = booklets_written.join(", ");
        let left_out: Vec<&str> = skipped.iter().map(|(file, _)| file.as_str()).collect();
        errln!(
            "Not in the booklet {name} ({}): {}",
            plural(left_out.len(), "profile"),
            left_out.join(", ")
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
    /// `--book`: each profile's chapter is rendered in this format.
    book_format: Option<Format>,
    folder: &'a OutputFolder,
    /// The report names (`<id>` or `<id>.<language>`) written so far, each
    /// with the place in the list of the profile whose reports hold it.
    claimed_ids: Mutex<HashMap<String, usize>>,
    /// The languages of the translation files in this export, by the base
    /// profile they translate, and whether that base is in it too.
    languages: &'a Languages,
    /// The profiles parsed last: a base and its translations are parsed once.
    recent: pathways::load::Recent,
}

impl Job<'_> {
    fn export_one(&self, place: usize, file: &Path) -> Outcome {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Outcome::NotReached;
        }
        let scope = if self.verbose {
            Scope::All
        } else {
            Scope::ErrorsCountingWarnings
        };
        let input = Input::from_arg(file);
        let validated =
            match load_and_validate_sharing(&input, self.policy, scope, Some(&self.recent)) {
                Ok(validated) => validated,
                Err(LoadFailure::Invalid { finding, .. }) => {
                    return Outcome::Skipped(*finding);
                }
                Err(LoadFailure::Unreadable(error)) => return Outcome::Failed(error),
            };
        let mut warnings = validated.warnings();
        let mut document = validated.document;
        let language = document.translation.as_ref().map(|t| t.language.clone());
        document.profile.languages.alternates = self.languages.alternates(file, &document);
        let mut findings = validated.findings;
        let makes_pdf =
            self.formats.contains(&Format::Pdf) || self.book_format == Some(Format::Pdf);
        // Only a profile without errors is rendered (deep nesting, say, is refused first).
        if makes_pdf
            && !findings.iter().any(Finding::is_error)
            && let Ok(Some(finding)) =
                super::common::unshown_in_pdf(self.renderer, &document, self.policy)
        {
            if !finding.is_error() {
                warnings += 1;
            }
            if finding.is_error() || self.verbose {
                findings.push(finding);
            }
        }
        let (errors, listed): (Vec<Finding>, Vec<Finding>) =
            findings.into_iter().partition(Finding::is_error);
        // Listed only with --verbose (else warnings are only counted).
        let listed = (!listed.is_empty()).then(|| {
            let lines = report::source_lines(&document.source.text, &listed, None);
            report::human::render(&listed, &lines, self.color)
        });
        if let Some(error) = errors.into_iter().next() {
            return Outcome::Skipped(error);
        }
        // A translation has no `id` of its own (its base's is used): it is
        // named as a whole, without reading it all in search of one.
        let id_at = match document.translation {
            Some(_) => None,
            None => document.top_level_value("id"),
        }
        .unwrap_or(Position::new(1, 1, 1));
        let profile = &document.profile;
        let stem = match &language {
            Some(language) => format!("{}.{language}", profile.id),
            None => profile.id.clone(),
        };
        let reports = match self.renderer.render_all(profile, self.formats) {
            Ok(reports) => reports,
            Err(error) => return Outcome::Failed(error),
        };
        let chapter = match self
            .book_format
            .map(|format| self.renderer.render_chapter(profile, format))
            .transpose()
        {
            Ok(chapter) => chapter,
            Err(error) => return Outcome::Failed(error),
        };
        // The id is a validated slug, so these name files inside the folder.
        let names: Vec<String> = self
            .formats
            .iter()
            .map(|&format| report_name(&stem, format))
            .collect();
        // Staged under its place in the list, so two profiles claiming one
        // id never write the same staging file.
        let discard = |staged: &[String]| {
            for name in staged {
                self.folder.discard(name, place);
            }
        };
        // A profile whose place is taken (by a folder, say) fails whole:
        // what was staged for it is discarded, so no half set is left.
        for (index, (report, name)) in reports.iter().zip(&names).enumerate() {
            if let Err(error) = self.folder.stage(name, place, report) {
                discard(&names[..index]);
                return Outcome::Failed(error);
            }
        }
        if INTERRUPTED.load(Ordering::SeqCst) {
            discard(&names);
            return Outcome::NotReached;
        }
        // Of profiles sharing an id, the one first in the list holds the
        // name whatever order the workers finish in: claiming and renaming
        // into place happen under one lock.
        let Ok(mut claimed) = self.claimed_ids.lock() else {
            discard(&names);
            return Outcome::NotReached;
        };
        if claimed.get(&stem).is_some_and(|&holder| holder < place) {
            discard(&names);
            return Outcome::SameIdAs { id: stem, id_at };
        }
        for (index, name) in names.iter().enumerate() {
            if let Err(error) = self.folder.commit(name, place) {
                discard(&names[index + 1..]);
                return Outcome::Failed(error);
            }
        }
        claimed.insert(stem, place);
        drop(claimed);
        let entry = IndexEntry::new(
            &profile.id,
            &profile.title,
            profile.category.as_deref(),
            profile.career_type.as_deref(),
            completeness(profile, self.policy),
            profile.locale(),
        )
        .with_facts_of(profile)
        .with_languages_of(profile);
        Outcome::Exported(Exported {
            entry: match &language {
                Some(language) => entry.translated_into(language),
                None => entry,
            },
            id_at,
            warnings,
            listed,
            chapter,
        })
    }
}

/// `--book PATH`: the booklet's file name in the `--out` folder, and its
/// format (HTML or PDF, by the extension). A path elsewhere is refused:
/// an export writes only into its folder.
fn book_file(path: &Path, out: &Path) -> Result<(String, Format), Error> {
    let usage = |message: String| Error::Usage { message };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| usage(format!("--book {} is not a file name", path.display())))?;
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent {
        let same = std::fs::canonicalize(parent)
            .ok()
            .zip(std::fs::canonicalize(out).ok())
            .is_some_and(|(a, b)| a == b);
        if !same {
            return Err(usage(format!(
                "the booklet is written into the --out folder: give a file name, such as --book {name}"
            )));
        }
    }
    if is_reserved_stem(name) {
        return Err(usage(format!(
            "`{name}` cannot name the booklet: `index` is the export's index, and Windows keeps \
             CON, PRN, AUX, NUL, COM1-9 and LPT1-9 for devices; give --book another name"
        )));
    }
    match Format::from_path(Path::new(name)) {
        Some(format @ (Format::Html | Format::Pdf)) => Ok((name.to_owned(), format)),
        _ => Err(usage(format!(
            "a booklet is HTML or PDF: give --book a name ending in .html or .pdf, not `{name}`"
        ))),
    }
}

/// `<stem>.<extension>`: the stem is the id, then the language for a translation.
fn report_name(stem: &str, format: Format) -> String {
    format!("{stem}.{}", format.extension())
}

/// `guide.pdf` in `language`: `guide.es-MX.pdf`.
fn in_language(name: &str, language: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{language}.{extension}"),
        None => format!("{name}.{language}"),
    }
}

/// The careers exported in each language (`None`: the base profiles), each
/// with its booklet chapters by id.
type ByLanguage = BTreeMap<Option<String>, (Vec<IndexEntry>, HashMap<String, String>)>;

/// An index of each language's careers, each linking to the others.
fn language_indexes(
    by_language: ByLanguage,
    scores: bool,
    site: Option<&str>,
) -> Vec<(Option<String>, CareerIndex, HashMap<String, String>)> {
    let indexes: Vec<(Option<String>, CareerIndex, HashMap<String, String>)> = by_language
        .into_iter()
        .map(|(language, (entries, chapters))| {
            (
                language,
                CareerIndex::new(entries).with_scores(scores),
                chapters,
            )
        })
        .collect();
    let every: Vec<(Option<String>, Alternate)> = indexes
        .iter()
        .map(|(language, careers, _)| {
            let alternate = Alternate {
                language: language
                    .clone()
                    .unwrap_or_else(|| careers.locale().to_owned()),
                stem: careers
                    .clone()
                    .for_language(language.as_deref(), Vec::new())
                    .file_name(None, "")
                    .trim_end_matches('.')
                    .to_owned(),
                site: site.map(str::to_owned),
            };
            (language.clone(), alternate)
        })
        .collect();
    indexes
        .into_iter()
        .map(|(language, careers, chapters)| {
            let others = every
                .iter()
                .filter(|(other, _)| *other != language)
                .map(|(_, alternate)| alternate.clone())
                .collect();
            let careers = careers.for_language(language.as_deref(), others);
            (language, careers, chapters)
        })
        .collect()
}

/// Write an index in each of `formats` (and, for HTML, a page per sort);
/// how many files were written.
fn write_index(
    folder: &OutputFolder,
    renderer: &Renderer,
    exported: &CareerIndex,
    formats: &[Format],
) -> Result<usize, Error> {
    let mut written = 0;
    for &format in formats {
        folder.write_with(&exported.file_name(None, format.extension()), |out| {
            renderer.render_document(&Document::Index(exported), format, out)
        })?;
        written += 1;
        // HTML sorts by a column without a script: a page per order.
        if format == Format::Html {
            let sorts = exported.sorts();
            for &sort in &sorts {
                let sorted = exported.sorted_by(sort);
                folder.write_with(&exported.file_name(Some(sort), "html"), |out| {
                    renderer.render_document(&Document::Index(&sorted), format, out)
                })?;
                written += 1;
            }
            // A sorted page an earlier export wrote, by a column no
            // career has now, would list careers that are gone.
            for sort in IndexSort::ALL.into_iter().filter(|s| !sorts.contains(s)) {
                folder.remove(&exported.file_name(Some(sort), "html"));
            }
        }
    }
    Ok(written)
}

/// The translation files of an export, by the base profile they translate.
struct Languages {
    /// Each base profile's file, with the languages of its translations in the export.
    translations: HashMap<PathBuf, Vec<String>>,
    /// Every file of the export.
    files: HashSet<PathBuf>,
    /// `--site-url`.
    site: Option<String>,
}

impl Languages {
    fn of(files: &[PathBuf], site: Option<&str>) -> Self {
        let mut translations: HashMap<PathBuf, Vec<String>> = HashMap::new();
        for file in files {
            if let Some((base, language)) = pathways::translate::base_of(file) {
                translations.entry(base).or_default().push(language);
            }
        }
        Languages {
            translations,
            files: files.iter().cloned().collect(),
            site: site.map(str::to_owned),
        }
    }

    /// The same career in the export's other languages, for `document`
    /// read from `file`.
    fn alternates(&self, file: &Path, document: &pathways::load::Document) -> Vec<Alternate> {
        let id = &document.profile.id;
        let (base, own) = match &document.translation {
            Some(translation) => match pathways::translate::base_of(file) {
                Some((base, _)) => (base, Some(translation.language.as_str())),
                None => return Vec::new(),
            },
            None => (file.to_path_buf(), None),
        };
        let mut alternates = Vec::new();
        if let Some(translation) = &document.translation
            && self.files.contains(&base)
        {
            alternates.push(Alternate {
                language: translation.base_language.clone(),
                stem: id.clone(),
                site: self.site.clone(),
            });
        }
        for language in self.translations.get(&base).into_iter().flatten() {
            if Some(language.as_str()) != own {
                alternates.push(Alternate {
                    language: language.clone(),
                    stem: format!("{id}.{language}"),
                    site: self.site.clone(),
                });
            }
        }
        alternates
    }
}

/// Profiles sharing an id cannot all be written: one report would replace
/// the other. When the policy keeps `duplicate-id` an error (the default),
/// all of them are skipped and the reports written under the id removed;
/// when it makes it a warning or turns it off, the profile first in the list
/// keeps its reports and only the others are skipped.
fn set_aside_duplicate_ids(
    outcomes: &mut [Option<Outcome>],
    display_name: &dyn Fn(usize) -> String,
    folder: &OutputFolder,
    formats: &[Format],
    severity: Option<Severity>,
) {
    let names: Vec<String>;
    let found = {
        let claimed: Vec<(usize, String, Position)> = outcomes
            .iter()
            .enumerate()
            .filter_map(|(index, outcome)| match outcome {
                Some(Outcome::Exported(one)) => Some((index, one.entry.stem(), one.id_at)),
                Some(Outcome::SameIdAs { id, id_at }) => Some((index, id.clone(), *id_at)),
                _ => None,
            })
            .collect();
        names = claimed
            .iter()
            .map(|&(index, ..)| display_name(index))
            .collect();
        let claims: Vec<IdClaim> = claimed
            .iter()
            .zip(&names)
            .map(|((_, id, position), file)| IdClaim {
                id,
                file,
                position: *position,
            })
            .collect();
        let found: Vec<(usize, String, Finding)> = duplicate_ids(&claims)
            .into_iter()
            .map(|(place, finding)| (claimed[place].0, claims[place].id.to_owned(), finding))
            .collect();
        found
    };
    let mut kept: HashSet<String> = HashSet::new();
    for (index, id, mut finding) in found {
        let keeps_name = severity != Some(Severity::Error)
            && matches!(outcomes[index], Some(Outcome::Exported(_)))
            && kept.insert(id.clone());
        if keeps_name {
            continue;
        }
        if severity == Some(Severity::Error) {
            for &format in formats {
                folder.remove(&report_name(&id, format));
            }
        }
        finding.severity = severity.unwrap_or(Severity::Warning);
        outcomes[index] = Some(Outcome::Skipped(finding));
    }
}

/// `--format` values in a fixed order (Markdown, HTML, text), each once; all three by default.
fn chosen_formats(requested: &[FormatArg]) -> Vec<Format> {
    if requested.is_empty() {
        return Format::TEXT.to_vec();
    }
    Format::ALL
        .into_iter()
        .filter(|format| requested.iter().any(|&r| Format::from(r) == *format))
        .collect()
}
