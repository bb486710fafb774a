//! `pathways schema`: print the profile JSON Schema, or write it to a file.

use pathways::error::Error;
use pathways::output::{Destination, write};
use pathways::schema::{profile_schema, translation_schema};

use crate::cli::args::SchemaArgs;
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;

pub fn run(args: &SchemaArgs) -> Result<ExitStatus, Error> {
    let destination = match &args.output {
        Some(path) => Destination::File(path.clone()),
        None => Destination::Stdout,
    };
    let schema = if args.translation {
        translation_schema()
    } else {
        profile_schema()
    };
    write(&destination, schema.as_bytes())?;
    if let Destination::File(path) = &destination {
        errln!(
            "Wrote {}. Name it in a profile's first line for checks as you type: \
             # yaml-language-server: $schema={}",
            path.display(),
            path.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned())
        );
    }
    Ok(ExitStatus::Success)
}
