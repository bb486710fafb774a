//! `pathways schema`: print the profile JSON Schema.

use crate::console::out;
use crate::exit::ExitStatus;
use crate::schema::profile_schema;

pub fn run() -> ExitStatus {
    out!("{}", profile_schema());
    ExitStatus::Success
}
