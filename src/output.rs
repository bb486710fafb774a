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

/// True when `output` names the same file as `input` (so writing would destroy the profile).
pub fn is_same_file(input: &Path, output: &Path) -> bool {
    match (input.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
