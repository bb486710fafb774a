//! `pathways new`: write a profile scaffold.

use crate::cli::NewArgs;
use crate::console::errln;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::output::{Destination, write};
use crate::scaffold::scaffold;
use crate::validate::is_slug;

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
    if !is_slug(&args.id) {
        return Err(Error::Usage {
            message: format!(
                "`{}` cannot be an id: use lower-case letters, digits and single hyphens, e.g. `school-librarians`",
                args.id
            ),
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
    write(&destination, &scaffold(&args.id, &args.title))?;
    if let Destination::File(path) = &destination {
        errln!(
            "Wrote {}. Replace each TODO, then run: pathways check {}",
            path.display(),
            path.display()
        );
    }
    Ok(())
}
