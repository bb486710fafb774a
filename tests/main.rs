//! Integration tests: they run the built `pathways` binary over the fixtures.

// Tests fail loudly on anything unexpected; that is what unwrap is for here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod book;
mod browser;
mod check;
mod common;
mod compare;
mod examples;
mod export;
mod faults;
pub mod fidelity;
mod handout;
mod hostile;
mod import;
mod invalid;
mod links;
pub mod locales;
mod new_and_schema;
mod pdf;
mod preview;
mod properties;
mod render;
mod sarif;
mod schema_parity;
mod seed;
mod shell;
mod streams;
mod targets;
mod translations;
mod walking;
