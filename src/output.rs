//! WRITE: standard output, or a file replaced atomically (temporary file in
//! the same folder, then rename), so a reader never sees half a report.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Where a report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
}

/// Write `contents` to `destination`. A file is either fully replaced or left untouched.
pub fn write(destination: &Destination, contents: &str) -> Result<(), Error> {
    match destination {
        Destination::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(contents.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|source| Error::WriteStdout { source })
        }
        Destination::File(path) => write_atomically(path, contents.as_bytes()),
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if path.is_dir() {
        return Err(Error::OutputIsFolder {
            path: path.to_path_buf(),
        });
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(Error::OutputFolderMissing {
            path: path.to_path_buf(),
        });
    }
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".pathways-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(write_error)?;
    temporary.write_all(bytes).map_err(write_error)?;
    temporary.as_file().sync_all().map_err(write_error)?;
    // On failure the temporary file is removed when dropped; the old file stays.
    temporary.persist(path).map_err(|e| write_error(e.error))?;
    Ok(())
}

/// A folder that reports are written into. Files are staged as temporary
/// files inside it, then committed (renamed into place) together, so a run
/// that stops early leaves complete files or none, never half a report.
#[derive(Debug)]
pub struct OutputFolder {
    root: PathBuf,
}

/// A file written to a temporary name, waiting to be renamed into place.
/// Dropping it without [`Staged::commit`] removes the temporary file.
#[derive(Debug)]
pub struct Staged {
    temporary: tempfile::TempPath,
    target: PathBuf,
}

impl OutputFolder {
    /// The folder must exist and be writable; this is checked up front so a
    /// long export does not fail at the end.
    pub fn open(path: &Path) -> Result<Self, Error> {
        if !path.is_dir() {
            return Err(if path.exists() {
                Error::OutputNotFolder {
                    path: path.to_path_buf(),
                }
            } else {
                Error::OutputFolderMissing {
                    path: path.to_path_buf(),
                }
            });
        }
        tempfile::Builder::new()
            .prefix(".pathways-")
            .tempfile_in(path)
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(OutputFolder {
            root: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Write `contents` under a temporary name, to become `file_name`.
    /// `file_name` must be a plain file name: nothing is written outside the folder.
    pub fn stage(&self, file_name: &str, contents: &[u8]) -> Result<Staged, Error> {
        let target = self.root.join(file_name);
        let plain = Path::new(file_name)
            .file_name()
            .is_some_and(|n| n == file_name)
            && !file_name.starts_with('.')
            && !file_name.contains(['/', '\\']);
        if !plain {
            return Err(Error::OutsideOutputFolder {
                name: file_name.to_owned(),
            });
        }
        let write_error = |source| Error::Write {
            path: target.clone(),
            source,
        };
        let mut file = tempfile::Builder::new()
            .prefix(".pathways-")
            .suffix(".tmp")
            .tempfile_in(&self.root)
            .map_err(write_error)?;
        // No fsync per file: the rename makes each report appear whole or not
        // at all if pathways is stopped; thousands of fsyncs would dominate an export.
        file.write_all(contents).map_err(write_error)?;
        Ok(Staged {
            temporary: file.into_temp_path(),
            target,
        })
    }

    /// Write one file atomically, now.
    pub fn write(&self, file_name: &str, contents: &[u8]) -> Result<(), Error> {
        self.stage(file_name, contents)?.commit()
    }
}

impl Staged {
    /// Rename the file into place, replacing any older file of that name.
    pub fn commit(self) -> Result<(), Error> {
        let target = self.target;
        self.temporary.persist(&target).map_err(|e| Error::Write {
            path: target.clone(),
            source: e.error,
        })
    }
}

/// True when `output` names the same file as `input` (so writing would destroy the profile).
pub fn is_same_file(input: &Path, output: &Path) -> bool {
    match (input.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
