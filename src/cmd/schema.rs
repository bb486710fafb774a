//! `pathways schema`: print the profile JSON Schema.

use std::io::Write;

use crate::exit::ExitStatus;
use crate::schema::profile_schema;

pub fn run() -> ExitStatus {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(profile_schema().as_bytes()) {
        Ok(()) => ExitStatus::Success,
        Err(error) => {
            eprintln!("error: cannot write to standard output: {error}");
            ExitStatus::Error
        }
    }
}
