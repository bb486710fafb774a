//! Draft profiles seeded from public occupation databases: what a database
//! states, credited as it asks, with what only a counsellor can write left
//! as TODOs for `check` to list.

pub mod onet;
mod table;

pub use table::RowProblem;
