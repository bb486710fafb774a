//! Ways of showing findings to people and machines.

pub mod human;
