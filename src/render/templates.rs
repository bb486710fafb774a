//! The built-in templates, embedded in the binary, and the lookup that lets a
//! user's template folder override any of them by file name.

use std::path::{Component, Path, PathBuf};

// `BUILT_IN`: every file of `templates/`, embedded by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// Finds a template by name: the user's folder first, then the built-in set.
#[derive(Debug, Clone)]
pub(super) struct TemplateSource {
    user_folder: Option<PathBuf>,
}

impl TemplateSource {
    pub(super) fn new(user_folder: Option<PathBuf>) -> Self {
        TemplateSource { user_folder }
    }

    /// The source of `name`, if there is one. Names that would leave the
    /// template folder (`../x`, `/etc/x`) are never looked up on disk.
    pub(super) fn load(&self, name: &str) -> std::io::Result<Option<String>> {
        if let Some(folder) = &self.user_folder
            && is_plain_relative(name)
        {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return std::fs::read_to_string(candidate).map(Some);
            }
        }
        Ok(BUILT_IN
            .iter()
            .find(|(built_in, _)| *built_in == name)
            .map(|(_, source)| (*source).to_owned()))
    }
}

impl TemplateSource {
    /// The source of `name` in the user's folder only.
    pub(super) fn load_user(&self, name: &str) -> std::io::Result<Option<String>> {
        match &self.user_folder {
            Some(folder) if is_plain_relative(name) && folder.join(name).is_file() => {
                std::fs::read_to_string(folder.join(name)).map(Some)
            }
            _ => Ok(None),
        }
    }
}

/// Whether a template of this file name is there: in the user's folder or
/// built in.
pub fn has_template(user_folder: Option<&Path>, name: &str) -> bool {
    BUILT_IN.iter().any(|(built_in, _)| *built_in == name)
        || user_folder.is_some_and(|folder| is_plain_relative(name) && folder.join(name).is_file())
}

/// The base every HTML document extends: not a set to render a career with
/// (nor are the documents about many careers, `DOCUMENT_SETS`).
const BASE: &str = "base";

/// Names of the template sets (`report`, `handout`, and any in the user's
/// folder): the part before `.<format>.j2`, sorted, each once.
pub fn template_sets(user_folder: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = BUILT_IN
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    if let Some(folder) = user_folder
        && let Ok(entries) = std::fs::read_dir(folder)
    {
        names.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned()),
        );
    }
    let mut sets: Vec<String> = names
        .iter()
        .filter_map(|name| {
            let stem = name.strip_suffix(".j2")?;
            let (set, format) = stem.rsplit_once('.')?;
            (["md", "html", "txt", "typ"].contains(&format)
                && set != BASE
                && !super::DOCUMENT_SETS.contains(&set))
            .then(|| set.to_owned())
        })
        .collect();
    sets.sort();
    sets.dedup();
    sets
}

fn is_plain_relative(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty()
        && !name.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_names_that_leave_the_folder() {
        assert!(is_plain_relative("report.html.j2"));
        assert!(is_plain_relative("partials/x.j2"));
        assert!(!is_plain_relative("../x"));
        assert!(!is_plain_relative("/etc/passwd"));
        assert!(!is_plain_relative("a/../../x"));
    }
}
