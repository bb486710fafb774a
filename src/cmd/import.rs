//! `pathways import`: legacy career pages → profiles, with a report of what
//! was found and what needs a person's review.

use crate::cli::ImportArgs;
use crate::console::errln;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::finding::{Severity, has_errors};
use crate::import::{ImportError, Imported, import};
use crate::load::{Input, read_bytes};
use crate::output::{Destination, OutputFolder, write};
use crate::validate::id_problem;

pub fn run(args: &ImportArgs) -> ExitStatus {
    match try_run(args) {
        Ok(status) => status,
        Err(error) => {
            errln!("error: {error}");
            ExitStatus::Error
        }
    }
}

fn try_run(args: &ImportArgs) -> Result<ExitStatus, Error> {
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
        return Err(usage(&format!(
            "`{}` already exists; pathways will not overwrite it (choose another name, or delete it first)",
            path.display()
        )));
    }

    let mut status = ExitStatus::Success;
    for page in &args.pages {
        let input = Input::from_arg(page);
        let name = input.display_name();
        let text = match read_page(&input) {
            Ok(text) => text,
            Err(error) => {
                errln!("error: {error}");
                status = ExitStatus::Error;
                continue;
            }
        };
        let imported = match import(&text, &name, args.id.as_deref()) {
            Ok(imported) => imported,
            Err(ImportError::Empty) => {
                errln!("error: {name}: the page is empty; there is nothing to import");
                status = worse(status, ExitStatus::Failure);
                continue;
            }
            Err(ImportError::Unreadable(finding)) => {
                errln!(
                    "error: {name}: the profile made from this page does not read back ({}): please report this page",
                    finding.message
                );
                status = worse(status, ExitStatus::Failure);
                continue;
            }
        };
        let destination = match (&folder, &args.output) {
            (Some(folder), _) => {
                let file = format!("{}.yaml", imported.id);
                if folder.path().join(&file).exists() {
                    errln!(
                        "skipped {name}: {} already exists; pathways will not overwrite it",
                        folder.path().join(&file).display()
                    );
                    status = worse(status, ExitStatus::Failure);
                    continue;
                }
                folder.write(&file, imported.yaml.as_bytes())?;
                folder.path().join(file).display().to_string()
            }
            (None, Some(path)) => {
                write(&Destination::File(path.clone()), &imported.yaml)?;
                path.display().to_string()
            }
            (None, None) => {
                write(&Destination::Stdout, &imported.yaml)?;
                "standard output".to_owned()
            }
        };
        report(&name, &destination, &imported);
        if has_errors(&imported.findings) {
            status = worse(status, ExitStatus::Failure);
        }
    }
    Ok(status)
}

/// The import report, on standard error.
fn report(page: &str, destination: &str, imported: &Imported) {
    errln!("Imported {page} → {destination} (id `{}`)", imported.id);
    errln!("  found:");
    for (line, note) in &imported.found {
        errln!("    {}{note}", at(*line));
    }
    if !imported.review.is_empty() || !imported.findings.is_empty() {
        errln!("  for a person to review:");
        for (line, note) in &imported.review {
            errln!("    {}{note}", at(*line));
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

fn at(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!("page line {line}: ")
    }
}

/// A page's text; pages are not always clean UTF-8, so bad bytes become U+FFFD.
fn read_page(input: &Input) -> Result<String, Error> {
    read_bytes(input).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

fn usage(message: &str) -> Error {
    Error::Usage {
        message: message.to_owned(),
    }
}

fn worse(a: ExitStatus, b: ExitStatus) -> ExitStatus {
    if (b as u8) > (a as u8) { b } else { a }
}
