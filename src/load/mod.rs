//! LOAD: read a profile file (or standard input) and parse it into the model.
//!
//! Reading can fail in two ways that the exit code tells apart: the file
//! cannot be read at all (exit 2), or it can be read but is not a usable
//! profile (a [`Finding`], exit 1).

use crate::rules::Rule;

mod discover;
mod locations;
mod yaml_errors;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use discover::{Discovered, discover};
pub use locations::Locations;
pub(crate) use yaml_errors::did_you_mean;

use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::finding::{Finding, Position};
use crate::profile::Profile;

/// Profiles larger than this are refused before parsing.
pub const MAX_PROFILE_BYTES: u64 = 4 * 1024 * 1024;

/// Where a profile comes from: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// `-` means standard input; anything else is a path.
    pub fn from_arg(arg: &Path) -> Self {
        if arg.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(arg.to_path_buf())
        }
    }

    /// The name messages use for it (control characters shown, not sent).
    pub fn display_name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::File(path) => crate::finding::visible(&path.display().to_string()).into_owned(),
        }
    }
}

/// The text of a profile, ready to parse: BOM removed, line endings `\n`.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name messages use: the path as given, or `<stdin>`.
    pub name: String,
    /// The whole text.
    pub text: String,
}

/// A parsed profile with its text, for locating findings.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from, and its text (findings point into it).
    pub source: Source,
    /// The parsed profile.
    pub profile: Profile,
    /// Found on first use: a profile without findings never needs them.
    locations: OnceLock<Locations>,
}

impl Document {
    /// Where each field is in the text (scanned on first use).
    pub fn locations(&self) -> &Locations {
        self.locations
            .get_or_init(|| Locations::scan(&self.source.text))
    }

    /// Whether [`Document::locations`] has walked the file yet.
    #[cfg(test)]
    pub(crate) fn was_scanned(&self) -> bool {
        self.locations.get().is_some()
    }

    /// Where the value of the top-level `key` is (`id`), reading the text
    /// only as far as that key: no walk of the whole file.
    pub fn top_level_value(&self, key: &str) -> Option<Position> {
        locations::top_level_value(&self.source.text, key)
    }
}

/// Why a profile could not be loaded.
#[derive(Debug)]
pub enum LoadFailure {
    /// The file could not be read (missing, unreadable): the command could not run.
    Unreadable(Error),
    /// The file was read but is not a valid profile: a problem in the profile.
    Invalid {
        /// What is wrong, and where.
        finding: Box<Finding>,
        /// The text, when it was readable, so the message can show the line.
        source: Option<Source>,
    },
}

/// Read and parse one profile.
pub fn load(input: &Input) -> Result<Document, LoadFailure> {
    let bytes = read_bytes(input).map_err(LoadFailure::Unreadable)?;
    let name = input.display_name();
    let text = decode(&bytes).map_err(|finding| LoadFailure::Invalid {
        finding: Box::new(finding.in_file(&name)),
        // Shown with the bad bytes replaced, so the caret has a line to point into.
        source: Some(Source {
            name: name.clone(),
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }),
    })?;
    parse(Source { name, text })
}

/// Parse profile text that is already in memory (tests, benches, import).
pub fn parse(source: Source) -> Result<Document, LoadFailure> {
    match parse_yaml::<Profile>(&source) {
        Ok(profile) => Ok(Document {
            source,
            profile,
            locations: OnceLock::new(),
        }),
        Err(finding) => Err(LoadFailure::Invalid {
            finding: Box::new(finding.in_file(&source.name)),
            source: Some(source),
        }),
    }
}

/// Parse YAML text into any serde type with the same limits and messages as
/// profiles (used for policy files).
pub fn parse_as<T: DeserializeOwned>(source: &Source) -> Result<T, Box<Finding>> {
    parse_yaml(source)
}

/// The parser's own limits keep hostile input (alias bombs, deep nesting)
/// bounded; positions are only worked out when something is wrong.
fn parse_yaml<T: DeserializeOwned>(source: &Source) -> Result<T, Box<Finding>> {
    if is_blank_yaml(&source.text) {
        return Err(Box::new(
            Finding::new(
                Rule::EmptyFile,
                if source.text.trim().is_empty() {
                    "this file is empty"
                } else {
                    "this file holds only comments and blank lines, no profile"
                },
                "a profile needs at least `id`, `title` and `sections`; \
             `pathways new` writes a starting point",
            )
            .at(Position::new(1, 1, 0)),
        ));
    }
    match serde_saphyr::from_str_with_options::<T>(&source.text, yaml_errors::options()) {
        Ok(value) => Ok(value),
        Err(error) => {
            let locations = Locations::scan(&source.text);
            // An alias bomb may fail on something else first (an unknown key);
            // the real problem is the bomb.
            if let Some(position) = locations.alias_explosion() {
                return Err(Box::new(
                    Finding::new(
                        Rule::YamlTooComplex,
                        yaml_errors::TOO_COMPLEX,
                        yaml_errors::TOO_COMPLEX_HINT,
                    )
                    .at(position),
                ));
            }
            Err(Box::new(yaml_errors::to_finding(
                &error,
                &locations,
                &source.text,
            )))
        }
    }
}

/// The bytes of a file or standard input, refused past [`MAX_PROFILE_BYTES`].
pub fn read_bytes(input: &Input) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let too_large = |bytes: &Vec<u8>| bytes.len() as u64 > MAX_PROFILE_BYTES;
    match input {
        Input::Stdin => {
            std::io::stdin()
                .lock()
                .take(MAX_PROFILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::ReadStdin { source })?;
        }
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            file.take(MAX_PROFILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
        }
    }
    if too_large(&bytes) {
        return Err(Error::TooLarge {
            name: input.display_name(),
            limit: MAX_PROFILE_BYTES,
        });
    }
    Ok(bytes)
}

/// A settings file (a policy, a headings file) as text, refused past
/// [`MAX_PROFILE_BYTES`] as a profile is: `/dev/zero` or a wrong file is
/// stopped, not read until memory runs out.
pub fn read_settings(path: &std::path::Path) -> Result<String, Error> {
    let bytes = read_bytes(&Input::File(path.to_path_buf()))?;
    String::from_utf8(bytes).map_err(|_| Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text"),
    })
}

/// UTF-8 with an optional BOM; CRLF and lone CR become LF.
fn decode(bytes: &[u8]) -> Result<String, Box<Finding>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        let finding = Finding::new(
            Rule::NotUtf8,
            "this file is not UTF-8 text",
            "save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8); \
             the first bad byte is marked",
        )
        .at(Position::new(line, column, 1));
        Box::new(finding)
    })?;
    if text.contains('\r') {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(text.to_owned())
    }
}

/// True when the text holds nothing but blank lines and comments.
fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}
