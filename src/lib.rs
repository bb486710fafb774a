//! pathways turns YAML career profiles into reports. The pipeline:
//!
//! 1. [`load`]: read a profile file and parse it into the [`profile::Profile`] model;
//! 2. [`validate`]: check it, producing located [`finding::Finding`]s;
//! 3. [`render`]: turn it into Markdown, HTML or plain text through templates;
//! 4. [`output`]: write the report to standard output or atomically to a file.
//!
//! [`report`] writes the findings of many profiles for people and CI (human,
//! JSON, GitHub, SARIF, JUnit); [`import`] turns legacy career pages into
//! profiles, and [`seed`] drafts them from occupation databases. `links`
//! (how Markdown is read, which links a reader may follow) sits below both
//! `validate` and `render`.
//!
//! The command line (`src/main.rs` and `src/cli/`) is a thin user of this
//! library: it parses arguments, calls these steps and prints.

#![warn(missing_docs, unreachable_pub)]

pub mod error;
pub mod finding;
mod id;
pub mod import;
mod links;
pub mod load;
pub mod locale;
pub mod output;
mod pay_text;
pub mod profile;
pub mod render;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod seed;
pub mod translate;
pub mod validate;
pub mod words;
