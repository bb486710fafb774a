//! Integration tests: they run the built `pathways` binary over the fixtures.

mod common;
mod fidelity;
mod invalid;
mod render;
