//! `pathways seed onet`: draft profiles from an O*NET download, one per
//! occupation, each with a note of what is left for a counsellor to write.

use std::path::Path;

use crate::cli::args::{SeedArgs, SeedDatabase, SeedEscoArgs, SeedOnetArgs};
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::finding::visible;
use pathways::load::{Input, load, read_bytes};
use pathways::output::{Destination, OutputFolder, schema_reference, write};
use pathways::seed::esco::{self, Esco};
use pathways::seed::merge::{MergeError, merge};
use pathways::seed::onet::{self, Onet};
use pathways::seed::{OpenError, RowProblem};

/// Who modified O*NET's information, when `--office` does not say.
const SOME_OFFICE: &str = "The careers office that published this page";

pub fn run(args: &SeedArgs) -> Result<ExitStatus, Error> {
    match &args.database {
        SeedDatabase::Onet(args) => seed_onet(args),
        SeedDatabase::Esco(args) => seed_esco(args),
    }
}

fn seed_onet(args: &SeedOnetArgs) -> Result<ExitStatus, Error> {
    if args.merge.is_some() && args.codes.len() > 1 {
        return Err(one_at_a_time("O*NET-SOC code"));
    }
    if args.out.is_none() && (args.all || args.codes.len() > 1) {
        return Err(Error::Usage {
            message: "several occupations need --out DIR, the folder to write their profiles into"
                .to_owned(),
        });
    }
    let database = Onet::open(&args.db).map_err(|error| {
        not_opened(
            error,
            &args.db,
            "O*NET",
            "download the O*NET database in text format from the O*NET Resource Center's \
             database page (onetcenter.org/database.html), unzip it, and give its folder (such \
             as db_30_0_text) to --db",
        )
    })?;
    report_problems(&args.db, &database.problems);
    if let Some(words) = &args.search {
        let found = database.search(words);
        return Ok(list_found(
            found.iter().map(|o| (o.code.as_str(), o.title.as_str())),
            words,
        ));
    }
    let office = args.office.as_deref().unwrap_or(SOME_OFFICE);
    if let Some(profile) = &args.merge {
        let [code] = args.codes.as_slice() else {
            return Err(one_at_a_time("O*NET-SOC code"));
        };
        let Some(occupation) = database.occupation(code) else {
            return Ok(unknown_onet_code(code, &database, &args.db));
        };
        let draft = database.draft(occupation, office, None);
        return merge_into(profile, &draft.yaml, &format!("O*NET {code}"));
    }
    let (folder, schema) = output(args.out.as_deref())?;
    let mut status = ExitStatus::Success;
    let codes: Vec<&str> = if args.all {
        database
            .occupations()
            .iter()
            .map(|o| o.code.as_str())
            .collect()
    } else {
        args.codes.iter().map(String::as_str).collect()
    };
    // With --all, a bar on a terminal and a summary, not a line per profile.
    let bar = super::common::progress_bar(codes.len(), !args.all);
    let mut seeded = 0;
    for code in &codes {
        bar.inc(1);
        let Some(occupation) = database.occupation(code) else {
            status = unknown_onet_code(code, &database, &args.db);
            continue;
        };
        let draft = database.draft(occupation, office, schema.as_deref());
        let file = format!("{}.yaml", draft.id);
        let Some(destination) =
            bar.suspend(|| put(folder.as_ref(), &file, &draft.yaml, args.force))?
        else {
            status = ExitStatus::Failure;
            continue;
        };
        seeded += 1;
        if !args.all {
            errln!(
                "Seeded {code} {} → {destination} (id `{}`)",
                visible(&occupation.title),
                draft.id
            );
            for note in &draft.notes {
                errln!("  {note}");
            }
        }
    }
    bar.finish_and_clear();
    if let (true, Some(folder)) = (args.all, &folder) {
        errln!(
            "Seeded {seeded} of {} occupations into {}",
            codes.len(),
            folder.path().display()
        );
        for (file, part) in &database.missing {
            errln!("  {file} is not in the folder: {part} left to write");
        }
    }
    Ok(status)
}

/// Says that `code` is not an occupation in the database: exit 1.
fn unknown_onet_code(code: &str, database: &Onet, db: &Path) -> ExitStatus {
    let reason = if onet::is_onet_code(code) {
        format!(
            "the O*NET {} database in `{}` has no occupation {code}",
            database.release,
            db.display()
        )
    } else {
        "not an O*NET-SOC code (they look like 25-4031.00)".to_owned()
    };
    super::console::print_error(Some(&visible(code)), &reason);
    ExitStatus::Failure
}

/// The usage error for `--merge` with several occupations.
fn one_at_a_time(what: &str) -> Error {
    Error::Usage {
        message: format!("--merge adds one occupation to one profile: give one {what}"),
    }
}

/// Adds to the profile at `path` what `draft` has and it lacks, and lists
/// each addition; a profile with problems is reported, not changed.
fn merge_into(path: &Path, draft: &str, database: &str) -> Result<ExitStatus, Error> {
    let input = Input::File(path.to_path_buf());
    let document = match load(&input) {
        Ok(document) => document,
        Err(failure) => {
            return if super::common::print_load_failure(&failure, false) {
                Ok(ExitStatus::Failure)
            } else {
                Ok(ExitStatus::Error)
            };
        }
    };
    if document.translation.is_some() {
        return Err(Error::Usage {
            message: format!(
                "`{}` is a translation; --merge adds to the profile it translates (the file without a language in its name)",
                input.display_name()
            ),
        });
    }
    let bytes = read_bytes(&input)?;
    let text = String::from_utf8_lossy(&bytes);
    let (bom, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text.as_ref()),
    };
    let merged = merge(text, draft).map_err(|problem| Error::MergeRefused {
        path: path.to_path_buf(),
        field: match problem {
            MergeError::NotAProfile => None,
            MergeError::WouldChange(field) => Some(field),
        },
    })?;
    let name = input.display_name();
    if merged.added.is_empty() {
        errln!("Nothing to add to {name}: it has all that {database} gives");
    } else {
        write(
            &Destination::File(path.to_path_buf()),
            format!("{bom}{}", merged.text).as_bytes(),
        )?;
        errln!("Added to {name} from {database}:");
        for change in &merged.added {
            errln!("  + {}: {}", change.path, change.what);
        }
    }
    for change in &merged.kept {
        errln!("  kept {}: {}", change.path, change.what);
    }
    if !merged.by_hand.is_empty() {
        errln!("Not added, as the profile writes these fields on one line; add by hand if wanted:");
        for change in &merged.by_hand {
            errln!("  {}: {}", change.path, change.what);
        }
    }
    if !merged.added.is_empty() {
        errln!("Review the additions, then run: pathways check {name}");
    }
    Ok(ExitStatus::Success)
}

fn seed_esco(args: &SeedEscoArgs) -> Result<ExitStatus, Error> {
    for language in &args.lang {
        if !pathways::validate::is_language_tag(language) {
            return Err(Error::Usage {
                message: format!(
                    "--lang `{}` is not a language tag; give ones such as en,fr",
                    visible(language)
                ),
            });
        }
    }
    if args.merge.is_some() && args.concepts.len() > 1 {
        return Err(one_at_a_time("concept URI"));
    }
    if args.merge.is_some() && args.lang.len() > 1 {
        return Err(Error::Usage {
            message: "--merge adds to a profile in one language: give one --lang (translations are seeded without --merge)".to_owned(),
        });
    }
    if args.out.is_none() && (args.concepts.len() > 1 || args.lang.len() > 1) {
        return Err(Error::Usage {
            message: "several occupations or languages need --out DIR, the folder to write the profiles and translations into"
                .to_owned(),
        });
    }
    let database = Esco::open(&args.db, &args.lang).map_err(|error| {
        not_opened(
            error,
            &args.db,
            "ESCO",
            "download the ESCO classification from the European Commission's ESCO portal \
             (esco.ec.europa.eu, Download), in CSV, with each language you want, unzip it, and \
             give its folder to --db",
        )
    })?;
    report_problems(&args.db, &database.problems);
    if let Some(words) = &args.search {
        let found = database.search(words);
        return Ok(list_found(
            found.iter().map(|o| (o.uri.as_str(), o.label.as_str())),
            words,
        ));
    }
    if let Some(profile) = &args.merge {
        let [concept] = args.concepts.as_slice() else {
            return Err(one_at_a_time("concept URI"));
        };
        let Some(occupation) = database.occupation(concept) else {
            return Ok(unknown_concept(concept, &database, &args.db));
        };
        let (draft, _) = database.draft(occupation, None, None);
        return merge_into(profile, &draft.yaml, "ESCO");
    }
    let (folder, schema) = output(args.out.as_deref())?;
    let mut status = ExitStatus::Success;
    for concept in &args.concepts {
        let Some(occupation) = database.occupation(concept) else {
            status = unknown_concept(concept, &database, &args.db);
            continue;
        };
        let translation_schema = pathways::output::schema_file_reference(
            folder.as_ref().map_or(Path::new("."), |f| f.path()),
            "translation.schema.json",
        );
        let (draft, translations) =
            database.draft(occupation, schema.as_deref(), translation_schema.as_deref());
        let Some(destination) = put(
            folder.as_ref(),
            &format!("{}.yaml", draft.id),
            &draft.yaml,
            args.force,
        )?
        else {
            status = ExitStatus::Failure;
            continue;
        };
        errln!(
            "Seeded {} → {destination} (id `{}`)",
            visible(&occupation.label),
            draft.id
        );
        for note in &draft.notes {
            errln!("  {note}");
        }
        for (language, text) in translations {
            match put(
                folder.as_ref(),
                &format!("{}.{language}.yaml", draft.id),
                &text,
                args.force,
            )? {
                Some(destination) => errln!("  {language} translation → {destination}"),
                None => status = ExitStatus::Failure,
            }
        }
    }
    Ok(status)
}

/// Says that `concept` is not an occupation in the database: exit 1.
fn unknown_concept(concept: &str, database: &Esco, db: &Path) -> ExitStatus {
    super::console::print_error(
        Some(&visible(concept)),
        &format!(
            "{} in `{}` has no such concept (give its URI, as `--search WORDS` lists them)",
            esco::file_of(&database.languages[0]),
            db.display()
        ),
    );
    ExitStatus::Failure
}

/// Lists what a search found, a line each (its code or URI, then its
/// title); nothing found is said, and exits 1.
fn list_found<'a>(found: impl Iterator<Item = (&'a str, &'a str)>, words: &str) -> ExitStatus {
    let mut any = false;
    for (code, title) in found {
        crate::cli::console::outln!("{code}  {}", visible(title));
        any = true;
    }
    if !any {
        errln!("no occupation's titles hold all of: {}", visible(words));
        return ExitStatus::Failure;
    }
    ExitStatus::Success
}

/// The error for a database folder that could not be opened.
fn not_opened(
    error: OpenError,
    db: &Path,
    database: &'static str,
    download: &'static str,
) -> Error {
    match error {
        OpenError::NotTheDatabase(missing) => Error::NotADatabase {
            folder: db.to_path_buf(),
            database,
            missing,
            download,
        },
        OpenError::Read(name, source) => Error::Read {
            path: db.join(name),
            source,
        },
    }
}

/// The folder to write into, when there is one, and the schema reference
/// its profiles get.
fn output(out: Option<&Path>) -> Result<(Option<OutputFolder>, Option<String>), Error> {
    let folder = out.map(OutputFolder::open).transpose()?;
    let schema = schema_reference(folder.as_ref().map_or(Path::new("."), |f| f.path()));
    Ok((folder, schema))
}

/// The rows a database file could not give, as warnings.
fn report_problems(db: &Path, problems: &[RowProblem]) {
    for problem in problems {
        errln!(
            "warning: {}:{}: {}",
            visible(&db.join(&problem.file).display().to_string()),
            problem.line,
            visible(&problem.message)
        );
    }
}

/// Writes `text` as `file` in `folder`, or to standard output without one;
/// where it went, or `None` when a file there is kept (without `force`).
fn put(
    folder: Option<&OutputFolder>,
    file: &str,
    text: &str,
    force: bool,
) -> Result<Option<String>, Error> {
    let Some(folder) = folder else {
        write(&Destination::Stdout, text.as_bytes())?;
        return Ok(Some("standard output".to_owned()));
    };
    let path = folder.path().join(file);
    if path.exists() && !force {
        errln!(
            "skipped {}: it already exists; pathways will not overwrite it (--force replaces it)",
            path.display()
        );
        return Ok(None);
    }
    folder.write(file, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}
