//! WRITE: standard output, or a file replaced atomically (temporary file in
//! the same folder, then rename), so a reader never sees half a report.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Where a report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file, replaced atomically.
    File(PathBuf),
}

/// Write `contents` to `destination`. A file is either fully replaced or left untouched.
pub fn write(destination: &Destination, contents: &[u8]) -> Result<(), Error> {
    match destination {
        Destination::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(contents)
                .and_then(|()| out.flush())
                .map_err(|source| Error::WriteStdout { source })
        }
        Destination::File(path) => write_atomically(path, contents),
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let keep_permissions = replaceable(path)?;
    // Written where the path leads, so a link to a report stays a link.
    // Messages name the path as the user gave it.
    let target = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let folder = match target.parent() {
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
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pathways-").suffix(".tmp");
    report_permissions(&mut builder, keep_permissions);
    let mut temporary = builder.tempfile_in(folder).map_err(write_error)?;
    temporary.write_all(bytes).map_err(write_error)?;
    temporary.as_file().sync_all().map_err(write_error)?;
    // On failure the temporary file is removed when dropped; the old file stays.
    temporary
        .persist(&target)
        .map_err(|e| write_error(e.error))?;
    Ok(())
}

/// Whether a report may be written at `path`: nothing is there (`None`), or
/// a writable regular file whose permissions the new report keeps. A folder,
/// a device, a pipe, a socket (or a link to one) and a read-only file are
/// refused: replacing them would break something that is not a report.
fn replaceable(path: &Path) -> Result<Option<std::fs::Permissions>, Error> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // Nothing there (or a dangling link, which the rename replaces).
        Err(_) => return Ok(None),
    };
    let path = path.to_path_buf();
    if meta.is_dir() {
        Err(Error::OutputIsFolder { path })
    } else if !meta.is_file() {
        Err(Error::OutputNotRegularFile { path })
    } else if meta.permissions().readonly() {
        Err(Error::OutputReadOnly { path })
    } else {
        Ok(Some(meta.permissions()))
    }
}

/// Temporary files are private by default; a report is for reading (a web
/// server, a colleague), so a new one gets the usual permissions of a new
/// file, and a replaced one keeps those it had (a private 0600 report stays private).
fn report_permissions(builder: &mut tempfile::Builder, existing: Option<std::fs::Permissions>) {
    match existing {
        Some(permissions) => {
            builder.permissions(permissions);
        }
        #[cfg(unix)]
        None => {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        #[cfg(not(unix))]
        None => {}
    }
}

/// A folder that reports are written into. A report is first staged under a
/// temporary name beside its final one, then committed (renamed into place),
/// so a run that stops early leaves complete reports or none, never half of one.
#[derive(Debug)]
pub struct OutputFolder {
    root: PathBuf,
    /// Whether [`OutputFolder::open`] made the folder (it did not exist).
    created: bool,
    /// Names of files in the folder that are inputs of this run (profiles
    /// read from it): never replaced.
    inputs: std::collections::HashSet<std::ffi::OsString>,
}

impl OutputFolder {
    /// The folder, made (with its parents) when it does not exist yet, and
    /// checked writable up front so a long export does not fail at the end.
    /// A path that exists and is not a folder is refused. Staging files that
    /// a killed run of pathways left here are removed.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let created = !path.exists() && std::fs::symlink_metadata(path).is_err();
        if created {
            std::fs::create_dir_all(path).map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
        }
        if !path.is_dir() {
            return Err(Error::OutputNotFolder {
                path: path.to_path_buf(),
            });
        }
        tempfile::Builder::new()
            .prefix(".pathways-")
            .tempfile_in(path)
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
        let folder = OutputFolder {
            root: path.to_path_buf(),
            created,
            inputs: std::collections::HashSet::new(),
        };
        folder.remove_stale_staging();
        Ok(folder)
    }

    /// Refuse `file_name` up front, as writing it would be refused: a name
    /// outside the folder, or an input of this run.
    pub fn check_name(&self, file_name: &str) -> Result<(), Error> {
        self.target(file_name).map(drop)
    }

    /// Whether the folder did not exist and was made by [`OutputFolder::open`].
    pub fn created(&self) -> bool {
        self.created
    }

    /// Keep these input files from being replaced: a report, index or
    /// booklet whose name is one of them is refused
    /// ([`Error::OutputIsInput`]) instead of written over the profile.
    pub fn protect<'a>(&mut self, inputs: impl IntoIterator<Item = &'a Path>) {
        let Ok(root) = self.root.canonicalize() else {
            return;
        };
        for input in inputs {
            if let Ok(input) = input.canonicalize()
                && input.parent() == Some(root.as_path())
                && let Some(name) = input.file_name()
            {
                self.inputs.insert(name.to_owned());
            }
        }
    }

    /// Remove `.<name>.<pid>-<tag>.pathways-tmp` files of runs that are no
    /// longer running (a run killed outright cannot clean up after itself).
    fn remove_stale_staging(&self) {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(staging_pid) else {
                continue;
            };
            if pid != std::process::id() && !process_is_running(pid) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// The folder, as the user named it.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Write `contents` under a temporary name, to become `file_name` on
    /// [`commit`](Self::commit). `file_name` must be a plain file name:
    /// nothing is ever written outside the folder. `tag` tells apart two
    /// stagings of the same name (two profiles claiming one id).
    pub fn stage(&self, file_name: &str, tag: usize, contents: &[u8]) -> Result<(), Error> {
        self.stage_with(file_name, tag, |out| {
            out.write_all(contents).map_err(|source| Error::Write {
                path: PathBuf::from(file_name),
                source,
            })
        })
    }

    /// Like [`stage`](Self::stage), with the contents written by `fill`
    /// (buffered). If `fill` or a write fails, nothing is left behind.
    fn stage_with(
        &self,
        file_name: &str,
        tag: usize,
        fill: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let target = self.target(file_name)?;
        let existing_permissions = replaceable_in_folder(&target)?;
        let temporary = self.temporary(file_name, tag);
        let write_error = |source| Error::Write {
            path: target.clone(),
            source,
        };
        // No fsync per file: the rename makes each report appear whole or not
        // at all if pathways is stopped; thousands of fsyncs would dominate an export.
        let file = std::fs::File::create_new(&temporary).map_err(write_error)?;
        if let Some(permissions) = existing_permissions {
            let _ = file.set_permissions(permissions);
        }
        let mut writer = FirstError {
            inner: std::io::BufWriter::new(file),
            error: None,
        };
        let filled = fill(&mut writer);
        let flushed = writer.flush();
        // A failed write surfaces in `fill` as whatever it made of it; the
        // write error itself is what the user needs to see.
        let result = match (writer.error.take(), filled, flushed) {
            (Some(source), _, _) | (None, Ok(()), Err(source)) => Err(write_error(source)),
            (None, Err(error), _) => Err(error),
            (None, Ok(()), Ok(())) => Ok(()),
        };
        drop(writer);
        if result.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        result
    }

    /// Remove a committed report (of a profile that turned out not to be exported).
    pub fn remove(&self, file_name: &str) {
        if let Ok(target) = self.target(file_name) {
            let _ = std::fs::remove_file(target);
        }
    }

    /// Rename a staged file into place, replacing any older file of that name.
    pub fn commit(&self, file_name: &str, tag: usize) -> Result<(), Error> {
        let target = self.target(file_name)?;
        std::fs::rename(self.temporary(file_name, tag), &target).map_err(|source| {
            self.discard(file_name, tag);
            Error::Write {
                path: target,
                source,
            }
        })
    }

    /// Remove a staged file that will not be committed.
    pub fn discard(&self, file_name: &str, tag: usize) {
        let _ = std::fs::remove_file(self.temporary(file_name, tag));
    }

    /// Write one file atomically, now.
    pub fn write(&self, file_name: &str, contents: &[u8]) -> Result<(), Error> {
        self.stage(file_name, usize::MAX, contents)?;
        self.commit(file_name, usize::MAX)
    }

    /// Write one file atomically, now, from what `fill` writes into it (buffered).
    /// If `fill` or a write fails, the file is not written and nothing is left behind.
    pub fn write_with(
        &self,
        file_name: &str,
        fill: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.stage_with(file_name, usize::MAX, fill)?;
        self.commit(file_name, usize::MAX)
    }

    fn target(&self, file_name: &str) -> Result<PathBuf, Error> {
        let plain = Path::new(file_name)
            .file_name()
            .is_some_and(|n| n == file_name)
            && !file_name.starts_with('.')
            && !file_name.contains(['/', '\\']);
        if plain && self.inputs.contains(std::ffi::OsStr::new(file_name)) {
            Err(Error::OutputIsInput {
                path: self.root.join(file_name),
            })
        } else if plain {
            Ok(self.root.join(file_name))
        } else {
            Err(Error::OutsideOutputFolder {
                name: file_name.to_owned(),
            })
        }
    }

    /// `.library-technicians.html.1234-7.pathways-tmp`: hidden, unique to this
    /// process and tag, and derived from the name, so nothing needs remembering.
    fn temporary(&self, file_name: &str, tag: usize) -> PathBuf {
        self.root.join(format!(
            ".{file_name}.{}-{tag}.pathways-tmp",
            std::process::id()
        ))
    }
}

/// [`replaceable`], with links refused as well.
fn replaceable_in_folder(target: &Path) -> Result<Option<std::fs::Permissions>, Error> {
    match std::fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => Err(Error::OutputNotRegularFile {
            path: target.to_path_buf(),
        }),
        _ => replaceable(target),
    }
}

/// The process id in a staging file name of pathways' own making
/// (`.<name>.<pid>-<tag>.pathways-tmp`), if `name` is one.
fn staging_pid(name: &str) -> Option<u32> {
    let stem = name.strip_prefix('.')?.strip_suffix(".pathways-tmp")?;
    let (_, pid_and_tag) = stem.rsplit_once('.')?;
    let (pid, tag) = pid_and_tag.split_once('-')?;
    tag.parse::<usize>().ok()?;
    pid.parse().ok()
}

/// Whether process `pid` is alive. Where that cannot be told (no `/proc`),
/// it is taken as gone: its staging files are stale in all likelihood.
fn process_is_running(pid: u32) -> bool {
    Path::new("/proc/self").exists() && Path::new(&format!("/proc/{pid}")).exists()
}

/// The path, relative to `folder`, of the `profile.schema.json` a profile
/// written there should name for editors: in `folder` or a folder above it,
/// directly or in its `profiles/` folder. `None` when there is none.
pub fn schema_reference(folder: &Path) -> Option<String> {
    schema_file_reference(folder, "profile.schema.json")
}

/// As [`schema_reference`], for the schema file named `name` (the
/// translation schema, `translation.schema.json`).
pub fn schema_file_reference(folder: &Path, name: &str) -> Option<String> {
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let absolute = folder.canonicalize().ok()?;
    for (depth, dir) in absolute.ancestors().enumerate() {
        let up = "../".repeat(depth);
        for candidate in [name.to_owned(), format!("profiles/{name}")] {
            if dir.join(&candidate).is_file() {
                return Some(format!("{up}{candidate}"));
            }
        }
    }
    None
}

/// True when `output` names the same file as `input` (so writing would destroy the profile).
pub fn is_same_file(input: &Path, output: &Path) -> bool {
    match (input.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A writer that keeps the first error it met, for `write_with` to report.
struct FirstError<W: Write> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> Write for FirstError<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| self.keep(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().inspect_err(|e| self.keep(e))
    }
}

impl<W: Write> FirstError<W> {
    fn keep(&mut self, error: &std::io::Error) {
        if self.error.is_none() {
            self.error = Some(std::io::Error::new(error.kind(), error.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn only_plain_names_are_written_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let folder = OutputFolder::open(dir.path()).unwrap();
        for plain in ["a.html", "index.md", "x-1.txt"] {
            assert_eq!(folder.target(plain).unwrap(), dir.path().join(plain));
        }
        for outside in [
            "",
            ".hidden.html",
            "../x.html",
            "a/b.html",
            "a\\b.html",
            "/etc/x",
            ".",
        ] {
            assert!(
                matches!(
                    folder.target(outside),
                    Err(Error::OutsideOutputFolder { .. })
                ),
                "{outside:?}"
            );
        }
    }

    /// A writer whose flush fails, as a full disk makes a buffered write fail.
    struct FailingFlush;

    impl Write for FailingFlush {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        }
    }

    #[test]
    fn a_failed_flush_is_kept_and_reported() {
        let mut writer = FirstError {
            inner: FailingFlush,
            error: None,
        };
        writer.write_all(b"fine so far").unwrap();
        assert!(writer.error.is_none());
        assert!(writer.flush().is_err());
        assert_eq!(
            writer.error.as_ref().map(std::io::Error::kind),
            Some(std::io::ErrorKind::StorageFull)
        );
    }

    #[test]
    fn staging_names_are_recognised_and_stale_ones_removed() {
        assert_eq!(staging_pid(".a.html.1234-7.pathways-tmp"), Some(1234));
        assert_eq!(
            staging_pid(".a.b.html.99-18446744073709551615.pathways-tmp"),
            Some(99)
        );
        assert_eq!(staging_pid("a.html.1234-7.pathways-tmp"), None);
        assert_eq!(staging_pid(".a.html.x-7.pathways-tmp"), None);
        assert_eq!(staging_pid(".a.html.pathways-tmp"), None);
        let dir = tempfile::tempdir().unwrap();
        // No process has this id: Linux ids stay below 2^22.
        let stale = ".x.html.4194304999-3.pathways-tmp";
        let own = format!(".y.html.{}-3.pathways-tmp", std::process::id());
        for name in [stale, own.as_str(), "z.html", ".hidden"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        OutputFolder::open(dir.path()).unwrap();
        assert_eq!(names_in(dir.path()), [".hidden", own.as_str(), "z.html"]);
    }

    #[test]
    fn write_with_commits_what_was_written_and_leaves_nothing_when_it_fails() {
        let dir = tempfile::tempdir().unwrap();
        let folder = OutputFolder::open(dir.path()).unwrap();
        folder
            .write_with("index.txt", |out| {
                out.write_all(b"one\n").unwrap();
                out.write_all(b"two\n").unwrap();
                Ok(())
            })
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("index.txt")).unwrap(),
            "one\ntwo\n"
        );
        let failed = folder.write_with("index.md", |out| {
            out.write_all(b"half").unwrap();
            Err(Error::Template {
                message: "broken".into(),
            })
        });
        assert!(matches!(failed, Err(Error::Template { .. })));
        assert_eq!(names_in(dir.path()), ["index.txt"]);
    }
}
