//! `pathways new`: write a profile scaffold.

use crate::cli::NewArgs;
use crate::console::errln;
use crate::error::Error;
use crate::exit::ExitStatus;
use std::path::Path;

use crate::output::{Destination, schema_reference, write};
use crate::scaffold::scaffold;
use crate::validate::id_problem;

pub fn run(args: &NewArgs) -> ExitStatus {
    match try_run(args) {
        Ok(()) => ExitStatus::Success,
        Err(error) => {
            errln!("error: {error}");
            ExitStatus::Error
        }
    }
}

fn try_run(args: &NewArgs) -> Result<(), Error> {
    if let Some(problem) = id_problem(&args.id) {
        return Err(Error::InvalidId {
            id: args.id.clone(),
            problem,
        });
    }
    let destination = match &args.output {
        Some(path) if path.exists() => {
            return Err(Error::Usage {
                message: format!(
                    "`{}` already exists; pathways will not overwrite it (choose another name, or delete it first)",
                    path.display()
                ),
            });
        }
        Some(path) => Destination::File(path.clone()),
        None => Destination::Stdout,
    };
    let folder = match &destination {
        Destination::File(path) => path.parent().unwrap_or(Path::new(".")),
        Destination::Stdout => Path::new("."),
    };
    let schema = schema_reference(folder);
    write(
        &destination,
        &scaffold(&args.id, &args.title, schema.as_deref()),
    )?;
    if let Destination::File(path) = &destination {
        errln!(
            "Wrote {}. Replace each TODO, then run: pathways check {}",
            path.display(),
            path.display()
        );
    }
    Ok(())
}
