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
    /// For a translation file: its base profile, and what came from where.
    pub translation: Option<Box<TranslationOf>>,
}

/// What a translated document knows of its base profile.
#[derive(Debug, Clone)]
pub struct TranslationOf {
    /// The base profile as loaded (shared with the other languages).
    base: std::sync::Arc<Document>,
    /// The base profile's review date.
    pub base_updated: Option<String>,
    /// The base profile's language.
    pub base_language: String,
    /// The translation's language (the tag in its file name).
    pub language: String,
    /// The field paths whose text the translation gave.
    pub translated: std::collections::BTreeSet<String>,
    /// The text field paths that kept the base's text.
    pub fallback: Vec<String>,
    /// What the translation holds that it may not, located in it.
    pub problems: Vec<Finding>,
    /// The fields whose base text has changed since the translation was
    /// made (by its `base_text` fingerprints), with each one's new fingerprint.
    pub changed: Vec<(String, String)>,
    /// Whether the translation has `base_text` fingerprints (then they, not
    /// the dates, say whether it is out of date).
    pub fingerprinted: bool,
}

impl TranslationOf {
    /// Whether a finding about `path` is about the translation's text (or
    /// a part holding some), rather than the base's.
    pub fn owns(&self, path: &str) -> bool {
        if path.is_empty() || self.translated.contains(path) {
            return true;
        }
        let holds_translated = self
            .translated
            .range::<str, _>((std::ops::Bound::Excluded(path), std::ops::Bound::Unbounded))
            .next()
            .is_some_and(|next| {
                next.strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
            });
        holds_translated
            || std::iter::successors(Some(path), |p| p.rfind(['.', '[']).map(|at| &p[..at]))
                .any(|ancestor| self.translated.contains(ancestor))
    }

    /// The base profile's file and text.
    pub fn base(&self) -> &Source {
        &self.base.source
    }

    /// Where each field of the base profile is.
    pub fn base_locations(&self) -> &Locations {
        self.base.locations()
    }
}

impl Document {
    /// Where each field is in the text (scanned on first use).
    pub fn locations(&self) -> &Locations {
        self.locations
            .get_or_init(|| Locations::scan(&self.source.text))
    }

    /// The file a finding about `path` is in, and where its fields are:
    /// the translation file for its own text, else the base profile.
    pub fn place(&self, path: &str) -> (&Source, &Locations) {
        match &self.translation {
            Some(translation) if !translation.owns(path) => {
                (translation.base(), translation.base_locations())
            }
            _ => (&self.source, self.locations()),
        }
    }

    /// The base profile's file: this one, unless it is a translation.
    pub fn base_source(&self) -> &Source {
        self.translation.as_ref().map_or(&self.source, |t| t.base())
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

/// Read and parse one profile, or a translation file
/// (`<id>.<language>.yaml`) with its base profile beside it.
pub fn load(input: &Input) -> Result<Document, LoadFailure> {
    load_sharing(input, None)
}

/// How many parsed profiles a [`Recent`] keeps.
const RECENT_PROFILES: usize = 16;

/// The profiles parsed last, for a collection whose translations sit beside
/// their base profiles (an export): a base and its translations, met one
/// after another in name order, are parsed once between them. It keeps a
/// few profiles, so memory does not grow with the collection.
#[derive(Debug, Default)]
pub struct Recent {
    documents: std::sync::Mutex<std::collections::VecDeque<(PathBuf, std::sync::Arc<Document>)>>,
}

impl Recent {
    fn get(&self, path: &Path) -> Option<std::sync::Arc<Document>> {
        let documents = self.documents.lock().ok()?;
        documents
            .iter()
            .find(|(at, _)| at == path)
            .map(|(_, document)| std::sync::Arc::clone(document))
    }

    fn keep(&self, path: &Path, document: Document) -> std::sync::Arc<Document> {
        let shared = std::sync::Arc::new(document);
        if let Ok(mut documents) = self.documents.lock() {
            if documents.len() == RECENT_PROFILES {
                documents.pop_front();
            }
            documents.push_back((path.to_path_buf(), std::sync::Arc::clone(&shared)));
        }
        shared
    }

    /// The base profile at `path`, parsed now or taken from those kept.
    fn base(&self, path: &Path) -> Result<std::sync::Arc<Document>, LoadFailure> {
        if let Some(document) = self.get(path) {
            return Ok(document);
        }
        let document = parse(read_source(&Input::File(path.to_path_buf()))?)?;
        Ok(self.keep(path, document))
    }
}

/// As [`load`], with the profiles parsed last kept in `recent` and taken
/// from it (an export of profiles with translations).
pub fn load_sharing(input: &Input, recent: Option<&Recent>) -> Result<Document, LoadFailure> {
    if let (Input::File(path), Some(recent)) = (input, recent)
        && crate::translate::base_of(path).is_none()
        && let Some(document) = recent.get(path)
    {
        return Ok((*document).clone());
    }
    let source = read_source(input)?;
    if let Input::File(path) = input
        && let Some((base, language)) = crate::translate::base_of(path)
    {
        return load_translation(source, &base, language, recent);
    }
    parse(source)
}

fn load_translation(
    source: Source,
    base: &Path,
    language: String,
    recent: Option<&Recent>,
) -> Result<Document, LoadFailure> {
    let invalid = |finding: Finding, source: Source| LoadFailure::Invalid {
        finding: Box::new(finding.in_file(&source.name)),
        source: Some(source),
    };
    let base_input = Input::File(base.to_path_buf());
    if !base.is_file() {
        let finding = Finding::new(
            Rule::TranslationOrphan,
            format!(
                "this is a translation into `{language}` (by its name), but its base profile `{}` is not there",
                base_input.display_name()
            ),
            "put the translation beside its base profile, named `<id>.<language>.yaml` after the base's \
             `<id>.yaml`; a file that is not a translation must not have a language tag before `.yaml`",
        )
        .at(Position::new(1, 1, 0));
        return Err(invalid(finding, source));
    }
    let base = match recent {
        Some(recent) => recent.base(base)?,
        None => std::sync::Arc::new(parse(read_source(&base_input)?)?),
    };
    let (translation, unknown_keys) =
        match parse_yaml_noting_unknown_keys::<crate::translate::Translation>(&source) {
            Ok(parsed) => parsed,
            Err(finding) => return Err(invalid(*finding, source)),
        };
    let projection = crate::translate::project(&base.profile, &translation, &language);
    // Positions are worked out only for a translation with something to report.
    let locations = OnceLock::new();
    let scanned = || locations.get_or_init(|| Locations::scan(&source.text));
    let mut problems = if unknown_keys {
        crate::translate::check_keys(scanned().paths(), &language, &base.source.name)
    } else {
        Vec::new()
    };
    problems.extend(projection.problems.into_iter().map(|finding| {
        let position = scanned().nearest(&finding.path);
        finding.at(position)
    }));
    let mut profile = projection.profile;
    profile.languages.base_text = Some(std::sync::Arc::new(crate::profile::BaseText {
        language: base.profile.locale().to_owned(),
        fields: projection.fallback.iter().cloned().collect(),
    }));
    Ok(Document {
        translation: Some(Box::new(TranslationOf {
            base_updated: base.profile.updated.clone(),
            base_language: base.profile.locale().to_owned(),
            language,
            translated: projection.translated,
            fallback: projection.fallback,
            problems,
            changed: projection.changed,
            fingerprinted: !translation.base_text.is_empty(),
            base,
        })),
        source,
        profile,
        locations,
    })
}

fn read_source(input: &Input) -> Result<Source, LoadFailure> {
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
    Ok(Source { name, text })
}

/// Parse profile text that is already in memory (tests, benches, import).
pub fn parse(source: Source) -> Result<Document, LoadFailure> {
    match parse_yaml::<Profile>(&source) {
        Ok(profile) => Ok(Document {
            source,
            profile,
            locations: OnceLock::new(),
            translation: None,
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
    parse_yaml_with(source, |text| {
        serde_saphyr::from_str_with_options::<T>(text, yaml_errors::options())
    })
}

/// As [`parse_yaml`], saying also whether any key was passed over (one `T`
/// has no field for): only then are a translation's keys looked at one by one.
fn parse_yaml_noting_unknown_keys<T: DeserializeOwned>(
    source: &Source,
) -> Result<(T, bool), Box<Finding>> {
    parse_yaml_with(source, |text| {
        serde_saphyr::with_deserializer_from_str_with_options(
            text,
            yaml_errors::options(),
            |deserializer| {
                let mut unknown = false;
                let value = serde_ignored::deserialize(deserializer, |_| unknown = true)?;
                Ok((value, unknown))
            },
        )
    })
}

fn parse_yaml_with<T>(
    source: &Source,
    parse: impl FnOnce(&str) -> Result<T, serde_saphyr::Error>,
) -> Result<T, Box<Finding>> {
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
    match parse(&source.text) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A profile and its translations share one parse; the keeper holds a
    /// few profiles, the last ones parsed, so memory does not grow.
    #[test]
    fn recent_profiles_are_parsed_once_and_only_the_last_ones_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..=RECENT_PROFILES)
            .map(|n| {
                let path = dir.path().join(format!("career-{n}.yaml"));
                std::fs::write(
                    &path,
                    format!("id: career-{n}\ntitle: Career {n}\nsections: {{}}\n"),
                )
                .unwrap();
                path
            })
            .collect();
        let recent = Recent::default();
        let first = recent.base(&paths[0]).unwrap();
        assert_eq!(first.profile.id, "career-0");
        assert!(std::sync::Arc::ptr_eq(
            &first,
            &recent.base(&paths[0]).unwrap()
        ));
        for path in &paths[1..] {
            recent.base(path).unwrap();
        }
        assert!(recent.get(&paths[0]).is_none());
        for path in &paths[1..] {
            assert!(recent.get(path).is_some(), "{}", path.display());
        }
    }
}
