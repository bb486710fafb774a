//! Draft profiles seeded from public occupation databases: what a database
//! states, credited as it asks, with what only a counsellor can write left
//! as TODOs for `check` to list.

mod csv;
pub mod esco;
pub mod merge;
pub mod onet;
mod table;

pub use table::RowProblem;

use std::fmt::Write as _;

use crate::profile::section_info;

/// Why a folder cannot be read as a database's download.
#[derive(Debug)]
pub enum OpenError {
    /// It lacks files every download of the database has: their names.
    NotTheDatabase(Vec<String>),
    /// A file could not be read: its name, and why.
    Read(String, std::io::Error),
}

/// A drafted profile.
#[derive(Debug)]
pub struct Draft {
    /// Its id, made from the title.
    pub id: String,
    /// The profile, as YAML.
    pub yaml: String,
    /// What was left out, for the person who seeded it.
    pub notes: Vec<String>,
}

/// A required section the database cannot fill, as `pathways new` stubs it.
fn stub(out: &mut String, id: &str) {
    if let Some(info) = section_info(id) {
        let _ = writeln!(out, "  # {}: {}", info.heading(), info.guidance);
        let _ = write!(out, "  {id}:\n{}", info.stub);
    }
}
