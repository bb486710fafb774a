//! `pathways new`: write a profile scaffold.

use crate::cli::args::NewArgs;
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use std::path::Path;

use pathways::load::Input;

use pathways::output::{Destination, schema_reference, write};
use pathways::scaffold::scaffold;
use pathways::validate::id_problem;

pub fn run(args: &NewArgs) -> Result<ExitStatus, Error> {
    if let (Some(base), Some(language)) = (&args.translate, &args.lang) {
        return translate(base, language, args.output.as_deref());
    }
    let (Some(id), Some(title)) = (&args.id, &args.title) else {
        unreachable!("clap requires an id and a title without --translate")
    };
    if let Some(problem) = id_problem(id) {
        return Err(Error::InvalidId {
            id: id.clone(),
            problem,
        });
    }
    let destination = match &args.output {
        Some(path) if path.exists() => return Err(Error::OutputExists { path: path.clone() }),
        Some(path) => Destination::File(path.clone()),
        None => Destination::Stdout,
    };
    let folder = match &destination {
        Destination::File(path) => path.parent().unwrap_or(Path::new(".")),
        Destination::Stdout => Path::new("."),
    };
    // A new office's first profile goes into a folder it has not made yet.
    std::fs::create_dir_all(folder).map_err(|source| Error::Write {
        path: folder.to_path_buf(),
        source,
    })?;
    let schema = schema_reference(folder);
    let file = match &destination {
        Destination::File(path) => Some(path.display().to_string()),
        Destination::Stdout => None,
    };
    write(
        &destination,
        scaffold(id, title, schema.as_deref(), file.as_deref()).as_bytes(),
    )?;
    if let Destination::File(path) = &destination {
        errln!(
            "Wrote {}. Replace each TODO, then run: pathways check {}",
            path.display(),
            path.display()
        );
    }
    Ok(ExitStatus::Success)
}

/// `new --translate BASE --lang LANGUAGE`: a translation file to fill in.
fn translate(base: &Path, language: &str, output: Option<&Path>) -> Result<ExitStatus, Error> {
    if !pathways::validate::is_language_tag(language) {
        return Err(Error::Usage {
            message: format!(
                "`{language}` is not a language tag; give one such as `es-MX`, `fr-CA` or `de`"
            ),
        });
    }
    if pathways::translate::base_of(base).is_some() {
        return Err(Error::Usage {
            message: format!(
                "`{}` is a translation itself; start from its base profile",
                base.display()
            ),
        });
    }
    let document = match pathways::load::load(&Input::File(base.to_path_buf())) {
        Ok(document) => document,
        Err(failure) => {
            return Ok(if crate::cli::common::print_load_failure(&failure, false) {
                ExitStatus::Failure
            } else {
                ExitStatus::Error
            });
        }
    };
    let path = output.map_or_else(
        || pathways::translate::file_for(base, language),
        Path::to_path_buf,
    );
    if path.exists() {
        return Err(Error::OutputExists { path });
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    let schema = pathways::output::schema_file_reference(folder, "translation.schema.json");
    let text = pathways::translate::skeleton(
        &document.profile,
        &base.display().to_string(),
        language,
        schema.as_deref(),
    );
    write(&Destination::File(path.clone()), text.as_bytes())?;
    errln!(
        "Wrote {}. Replace each TODO with the text above it in {language}, then run: pathways check {}",
        path.display(),
        path.display()
    );
    Ok(ExitStatus::Success)
}
