//! `pathways new`: write a profile scaffold.

use crate::cli::args::NewArgs;
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use std::path::Path;

use pathways::output::{Destination, schema_reference, write};
use pathways::scaffold::scaffold;
use pathways::validate::id_problem;

pub fn run(args: &NewArgs) -> Result<ExitStatus, Error> {
    if let Some(problem) = id_problem(&args.id) {
        return Err(Error::InvalidId {
            id: args.id.clone(),
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
        scaffold(&args.id, &args.title, schema.as_deref(), file.as_deref()).as_bytes(),
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
