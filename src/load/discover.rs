//! Which files a command works on: files, folders (searched recursively for
//! `*.yaml`/`*.yml`) and glob patterns, in a stable order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Policy files can sit beside profiles; they are not profiles.
const POLICY_FILE_NAMES: [&str; 2] = ["pathways-policy.yaml", "pathways-policy.yml"];

/// What a walk over the command line's paths found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Profile files, sorted within each argument, without repeats.
    pub files: Vec<PathBuf>,
    /// Arguments that named nothing, and folders that could not be read.
    pub errors: Vec<Error>,
    /// Things passed over that a person may want to know about.
    pub warnings: Vec<String>,
}

/// The profile files named by `args`. Folders are searched recursively,
/// following links but visiting each real folder once; inside them only
/// regular files are taken (a pipe named `x.yaml` would never end).
pub fn discover(args: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    let mut visited = HashSet::new();
    for arg in args {
        let before = found.files.len();
        if arg.is_dir() {
            walk(arg, &mut found, &mut visited);
            if found.files.len() == before {
                found.errors.push(Error::NothingFound { path: arg.clone() });
            }
        } else if arg.exists() || arg.as_os_str() == "-" {
            found.files.push(arg.clone());
        } else if is_glob(arg) {
            match glob::glob(&arg.to_string_lossy()) {
                Ok(paths) => {
                    let mut matched: Vec<PathBuf> = paths
                        .filter_map(Result::ok)
                        .filter(|p| p.is_file() && is_profile_file(p))
                        .collect();
                    matched.sort();
                    found.files.extend(matched);
                }
                Err(error) => found.errors.push(Error::BadPattern {
                    pattern: arg.display().to_string(),
                    reason: error.msg.to_owned(),
                }),
            }
            if found.files.len() == before {
                found.errors.push(Error::NothingFound { path: arg.clone() });
            }
        } else {
            found.errors.push(Error::Read {
                path: arg.clone(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
    }
    // The same file reached twice (named twice, or through a link, as a
    // `**` pattern following a link to a parent does) is checked once.
    let mut seen = HashSet::new();
    found
        .files
        .retain(|f| seen.insert(f.canonicalize().unwrap_or_else(|_| f.clone())));
    found
}

fn walk(folder: &Path, found: &mut Discovered, visited: &mut HashSet<PathBuf>) {
    // A link back to a parent would otherwise be walked again and again.
    if let Ok(real) = folder.canonicalize()
        && !visited.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(source) => {
            found.errors.push(Error::Read {
                path: folder.to_path_buf(),
                source,
            });
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            // A dangling link: reading it reports the missing profile.
            if is_profile_file(&path) {
                found.files.push(path);
            }
            continue;
        };
        if meta.is_dir() {
            walk(&path, found, visited);
        } else if is_profile_file(&path) {
            if meta.is_file() {
                found.files.push(path);
            } else {
                found.warnings.push(format!(
                    "skipped `{}`: it is not a regular file (a pipe, socket or device), so it was not read",
                    path.display()
                ));
            }
        }
    }
}

fn is_profile_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    (name.ends_with(".yaml") || name.ends_with(".yml")) && !POLICY_FILE_NAMES.contains(&name)
}

fn is_glob(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '['])
}
