//! Which files a command works on: files, folders (searched recursively for
//! `*.yaml`/`*.yml`) and glob patterns, in a stable order.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// Policy files can sit beside profiles; they are not profiles.
const POLICY_FILE_NAMES: [&str; 2] = ["pathways-policy.yaml", "pathways-policy.yml"];

/// The profile files named by `args`, sorted within each argument and
/// without repeats, plus one error for each argument that named nothing.
pub fn discover(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let before = files.len();
        if arg.is_dir() {
            if let Err(error) = walk(arg, &mut files) {
                errors.push(error);
            }
            if files.len() == before {
                errors.push(Error::NothingFound { path: arg.clone() });
            }
        } else if arg.exists() || arg.as_os_str() == "-" {
            files.push(arg.clone());
        } else if is_glob(arg) {
            match glob::glob(&arg.to_string_lossy()) {
                Ok(paths) => {
                    let mut matched: Vec<PathBuf> = paths
                        .filter_map(Result::ok)
                        .filter(|p| p.is_file() && is_profile_file(p))
                        .collect();
                    matched.sort();
                    files.extend(matched);
                }
                Err(error) => errors.push(Error::BadPattern {
                    pattern: arg.display().to_string(),
                    reason: error.msg.to_owned(),
                }),
            }
            if files.len() == before {
                errors.push(Error::NothingFound { path: arg.clone() });
            }
        } else {
            errors.push(Error::Read {
                path: arg.clone(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    (files, errors)
}

fn walk(folder: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let read_error = |source| Error::Read {
        path: folder.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(read_error)?
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
        if path.is_dir() {
            walk(&path, files)?;
        } else if is_profile_file(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_profile_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    (name.ends_with(".yaml") || name.ends_with(".yml")) && !POLICY_FILE_NAMES.contains(&name)
}

fn is_glob(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '['])
}
