//! `pathways import`: legacy career pages → profiles, with a report of what
//! was found and what needs a person's review.

use std::path::Path;

use crate::cli::args::ImportArgs;
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::{Error, SettingsFile};
use pathways::finding::{Severity, has_errors, visible};
use pathways::import::{
    Headings, ImportError, ImportOptions, Imported, MAX_HEADINGS, decode_page, import,
};
use pathways::load::{Input, Source, read_bytes};
use pathways::output::{Destination, OutputFolder, schema_reference, write};
use pathways::validate::id_problem;

pub fn run(args: &ImportArgs) -> Result<ExitStatus, Error> {
    if let Some(id) = &args.id {
        if args.pages.len() > 1 {
            return Err(usage(
                "--id names one profile; with several pages, ids are made from their titles",
            ));
        }
        if let Some(problem) = id_problem(id) {
            return Err(Error::InvalidId {
                id: id.clone(),
                problem,
            });
        }
    }
    let folder = match &args.out {
        Some(dir) => Some(OutputFolder::open(dir)?),
        None if args.pages.len() > 1 => {
            return Err(usage(
                "several pages need --out DIR, the folder to write their profiles into",
            ));
        }
        None => None,
    };
    if let Some(path) = &args.output
        && path.exists()
    {
        return Err(Error::OutputExists { path: path.clone() });
    }

    if let Some(locale) = &args.locale
        && !pathways::validate::is_language_tag(locale)
    {
        return Err(usage(&format!(
            "--locale `{locale}` is not a language tag; give one such as es-MX, fr-CA or de"
        )));
    }
    let mut headings = Headings::built_in();
    if let Some(path) = &args.headings {
        let text = pathways::load::read_settings(path)?;
        let source = Source {
            name: path.display().to_string(),
            text,
        };
        if let Err(mut finding) = headings.add(&source) {
            finding.file.clone_from(&source.name);
            return Err(Error::UnusableSettings {
                kind: SettingsFile::Headings,
                path: path.clone(),
                finding,
                text: source.text,
            });
        }
    }

    let mut status = ExitStatus::Success;
    for page in &args.pages {
        // One page that cannot be imported never stops the others.
        status = worse(status, import_page(page, args, folder.as_ref(), &headings)?);
    }
    Ok(status)
}

/// Import one page and say what became of it.
fn import_page(
    page: &Path,
    args: &ImportArgs,
    folder: Option<&OutputFolder>,
    headings: &Headings,
) -> Result<ExitStatus, Error> {
    let input = Input::from_arg(page);
    let name = visible(&input.display_name()).into_owned();
    let text = match read_bytes(&input) {
        Ok(bytes) => decode_page(&bytes),
        Err(error) => {
            super::console::print_error(None, &error);
            return Ok(ExitStatus::Error);
        }
    };
    let schema = schema_reference(match (folder, &args.output) {
        (Some(folder), _) => folder.path(),
        (None, Some(path)) => path.parent().unwrap_or(Path::new(".")),
        (None, None) => Path::new("."),
    });
    let imported = match text.and_then(|text| {
        let options = ImportOptions {
            id: args.id.as_deref(),
            schema: schema.as_deref(),
            headings,
            locale: args.locale.as_deref(),
        };
        import(&text, &name, options)
    }) {
        Ok(imported) => imported,
        Err(error) => {
            let reason = match error {
                ImportError::Empty => "the page is empty; there is nothing to import".to_owned(),
                ImportError::NotText => "not a text page (it holds NUL bytes or mostly control \
                     characters); save the page as plain text (UTF-8) and import that"
                    .to_owned(),
                ImportError::TooManyHeadings(count) => format!(
                    "the page has {count} headings, more than a career page has \
                     (at most {MAX_HEADINGS}); check that it is the right file"
                ),
                ImportError::Unreadable(reason) => format!(
                    "the profile made from this page does not read back ({reason}): please report this page"
                ),
            };
            super::console::print_error(Some(&name), &reason);
            return Ok(ExitStatus::Failure);
        }
    };
    let written = match (folder, &args.output) {
        (Some(folder), _) => {
            let file = format!("{}.yaml", imported.id);
            if folder.path().join(&file).exists() {
                errln!(
                    "skipped {name}: {} already exists; pathways will not overwrite it",
                    folder.path().join(&file).display()
                );
                return Ok(ExitStatus::Failure);
            }
            folder
                .write(&file, imported.yaml.as_bytes())
                .map(|()| folder.path().join(file).display().to_string())
        }
        (None, Some(path)) => write(&Destination::File(path.clone()), imported.yaml.as_bytes())
            .map(|()| path.display().to_string()),
        (None, None) => write(&Destination::Stdout, imported.yaml.as_bytes())
            .map(|()| "standard output".to_owned()),
    };
    let destination = match written {
        Ok(destination) => destination,
        // A closed pipe or a full disk behind standard output ends the run.
        Err(error @ Error::WriteStdout { .. }) => return Err(error),
        Err(error) => {
            super::console::print_error(Some(&name), &error);
            return Ok(ExitStatus::Error);
        }
    };
    report(&name, &destination, &imported);
    Ok(
        if has_errors(&imported.findings) || !imported.missing.is_empty() {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        },
    )
}

/// The import report, on standard error.
fn report(page: &str, destination: &str, imported: &Imported) {
    errln!("Imported {page} → {destination} (id `{}`)", imported.id);
    errln!("  found:");
    for (line, note) in &imported.found {
        errln!("    {}{}", at(*line), visible(note));
    }
    if !imported.missing.is_empty() {
        errln!(
            "  NOT in the profile ({} of the page; copy them in by hand):",
            if imported.missing.len() == 1 {
                "1 line".to_owned()
            } else {
                format!("{} lines", imported.missing.len())
            }
        );
        for (line, text) in &imported.missing {
            errln!("    page line {line}: {}", visible(text));
        }
    }
    if !imported.review.is_empty() || !imported.findings.is_empty() {
        errln!("  for a person to review:");
        for (line, note) in &imported.review {
            errln!("    {}{}", at(*line), visible(note));
        }
        if !imported.headings_to_map.is_empty() {
            errln!(
                "  headings to map (paste into a file, put a section id after each colon, then import with --headings FILE):"
            );
            for heading in &imported.headings_to_map {
                errln!("    {}:", yaml_key(heading));
            }
            let ids: Vec<&str> = pathways::profile::CATALOGUE
                .iter()
                .map(|info| info.id)
                .collect();
            errln!("    (section ids: {})", ids.join(", "));
        }
        for finding in &imported.findings {
            errln!(
                "    profile line {}: {}[{}]: {}",
                finding.position.line,
                if finding.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                },
                finding.rule,
                finding.message
            );
        }
    }
}

/// A heading as a YAML key: quoted when YAML would read it otherwise.
fn yaml_key(heading: &str) -> String {
    let plain = heading
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '(' | ')' | '/' | ','))
        && heading.chars().next().is_some_and(char::is_alphanumeric);
    if plain {
        visible(heading).into_owned()
    } else {
        format!(
            "\"{}\"",
            visible(heading).replace('\\', "\\\\").replace('"', "\\\"")
        )
    }
}

fn at(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!("page line {line}: ")
    }
}

fn usage(message: &str) -> Error {
    Error::Usage {
        message: message.to_owned(),
    }
}

fn worse(a: ExitStatus, b: ExitStatus) -> ExitStatus {
    if (b as u8) > (a as u8) { b } else { a }
}
