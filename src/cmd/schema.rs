//! `pathways schema`: print the profile JSON Schema, or write it to a file.

use crate::cli::SchemaArgs;
use crate::console::errln;
use crate::exit::ExitStatus;
use crate::output::{Destination, write};
use crate::schema::profile_schema;

pub fn run(args: &SchemaArgs) -> ExitStatus {
    let destination = match &args.output {
        Some(path) => Destination::File(path.clone()),
        None => Destination::Stdout,
    };
    match write(&destination, &profile_schema()) {
        Ok(()) => {
            if let Destination::File(path) = &destination {
                errln!(
                    "Wrote {}. Name it in a profile's first line for checks as you type: \
                     # yaml-language-server: $schema={}",
                    path.display(),
                    path.file_name()
                        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
                );
            }
            ExitStatus::Success
        }
        Err(error) => {
            errln!("error: {error}");
            ExitStatus::Error
        }
    }
}
