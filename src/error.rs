//! Errors that stop a command from running (exit 2): I/O, usage, templates.
//!
//! Problems inside a profile are not errors but [`crate::finding::Finding`]s.
//! Each variant's `Display` is the message the user reads.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why a command could not run. Callers tell the cases apart by variant; the
/// `Display` text is for people.
#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read.
    Read {
        /// What could not be read, as the user named it.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Standard input could not be read.
    ReadStdin {
        /// Why.
        source: io::Error,
    },
    /// An input is far larger than any career profile.
    TooLarge {
        /// The input, as the user named it.
        name: String,
        /// The most pathways reads, in bytes.
        limit: u64,
    },
    /// A report could not be written.
    Write {
        /// Where it was going.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Standard output failed (a closed pipe, a full disk).
    WriteStdout {
        /// Why.
        source: io::Error,
    },
    /// The output file is the profile being read.
    OutputIsInput {
        /// The output file.
        path: PathBuf,
    },
    /// The output file named is a folder.
    OutputIsFolder {
        /// The folder.
        path: PathBuf,
    },
    /// The output file named is a device, pipe or socket.
    OutputNotRegularFile {
        /// The special file.
        path: PathBuf,
    },
    /// The output file is read-only, so pathways leaves it alone.
    OutputReadOnly {
        /// The read-only file.
        path: PathBuf,
    },
    /// The output file's folder does not exist.
    OutputFolderMissing {
        /// The output file.
        path: PathBuf,
    },
    /// The output file's extension names no format, and none was given.
    UnknownOutputExtension {
        /// The output file.
        path: PathBuf,
    },
    /// A `--templates` folder could not be read.
    TemplateFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A template is missing, does not compile, or failed while rendering.
    Template {
        /// What went wrong, naming the template and line.
        message: String,
    },
    /// A folder or pattern named on the command line holds no profile.
    NothingFound {
        /// The folder or pattern.
        path: PathBuf,
    },
    /// A file pattern that cannot be used.
    BadPattern {
        /// The pattern, as given.
        pattern: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A policy or headings file that does not read: its finding says where.
    UnusableSettings {
        /// Which kind of file.
        kind: SettingsFile,
        /// The file.
        path: PathBuf,
        /// What is wrong in it, and where.
        finding: Box<crate::finding::Finding>,
        /// The file's text, to show the line the finding points at.
        text: String,
    },
    /// The preview's web server could not start, or stopped.
    Server {
        /// What failed: "cannot start the preview server".
        what: &'static str,
        /// Why.
        source: std::io::Error,
    },
    /// A command line that asks for something impossible.
    Usage {
        /// What is wrong and what to do instead.
        message: String,
    },
    /// `--lang` names a language the profile has no translation file for.
    NoTranslationFile {
        /// The base profile.
        profile: PathBuf,
        /// The translation file looked for.
        file: PathBuf,
        /// The language asked for.
        language: String,
        /// The languages it has translations into.
        available: Vec<String>,
    },
    /// `new` or `import -o FILE` would replace a file that is already there.
    OutputExists {
        /// The existing file.
        path: PathBuf,
    },
    /// The worker threads of an export could not be started.
    WorkerThreads {
        /// How many were asked for.
        jobs: usize,
        /// Why they could not start.
        reason: String,
    },
    /// `--out` names a file, not a folder.
    OutputNotFolder {
        /// The file.
        path: PathBuf,
    },
    /// A report name that would leave the output folder.
    OutsideOutputFolder {
        /// The name refused.
        name: String,
    },
    /// A profile far too large to typeset as PDF within the memory allowed.
    TooLargeForPdf {
        /// What typesetting it would take, in MiB.
        estimate: u64,
        /// The most allowed, in MiB.
        limit: u64,
        /// Which document.
        document: PdfDocument,
    },
    /// `seed --db` names a folder that is not the database's download.
    NotADatabase {
        /// The folder, as the user named it.
        folder: PathBuf,
        /// Which database (`O*NET`).
        database: &'static str,
        /// The files it lacks.
        missing: Vec<String>,
        /// Where the database is downloaded from, in words.
        download: &'static str,
    },
    /// `seed --merge` could not add to a profile without changing it.
    MergeRefused {
        /// The profile.
        path: PathBuf,
        /// The field the merged text would have changed; `None` when the
        /// file is not a mapping of fields.
        field: Option<String>,
    },
    /// An id given on the command line that is not a usable id.
    InvalidId {
        /// The id, as given.
        id: String,
        /// What is wrong with it.
        problem: crate::id::IdProblem,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => {
                write!(f, "cannot read `{}`: {}", shown(path), plain_io(source))
            }
            Error::ReadStdin { source } => {
                write!(f, "cannot read standard input: {}", plain_io(source))
            }
            Error::TooLarge { name, limit } => write!(
                f,
                "`{name}` is larger than {} MiB, far more than any career profile or settings file; \
                 check that it is the right file",
                limit / (1024 * 1024)
            ),
            Error::Write { path, source } => {
                write!(f, "cannot write `{}`: {}", shown(path), plain_io(source))
            }
            Error::WriteStdout { source } => {
                write!(f, "cannot write to standard output: {}", plain_io(source))
            }
            Error::OutputIsInput { path } => write!(
                f,
                "refusing to write the report over the profile itself (`{}`); choose another output file",
                shown(path)
            ),
            Error::OutputIsFolder { path } => write!(
                f,
                "`{}` is a folder; give a file name such as `{}/report.html`",
                shown(path),
                shown(path)
            ),
            Error::OutputNotRegularFile { path } => write!(
                f,
                "`{}` is not a regular file; pathways only replaces report files",
                shown(path)
            ),
            Error::OutputReadOnly { path } => write!(
                f,
                "`{}` is read-only, so pathways leaves it as it is; make it writable or choose another name",
                shown(path)
            ),
            Error::OutputFolderMissing { path } => write!(
                f,
                "cannot write to `{}`: the folder does not exist; create it first or choose another place",
                shown(path)
            ),
            Error::UnknownOutputExtension { path } => write!(
                f,
                "cannot tell the format from `{}`; end the name with .html, .md, .txt or .pdf, or pass --format",
                shown(path)
            ),
            Error::TemplateFolder { path, source } => write!(
                f,
                "cannot use the template folder `{}`: {}",
                shown(path),
                plain_io(source)
            ),
            Error::Template { message } | Error::Usage { message } => f.write_str(message),
            Error::Server { what, source } => write!(f, "{what}: {source}"),
            Error::UnusableSettings { kind, path, .. } => match kind {
                SettingsFile::Policy => write!(
                    f,
                    "the policy `{}` cannot be used; nothing was checked",
                    shown(path)
                ),
                SettingsFile::Headings => write!(
                    f,
                    "the headings file `{}` cannot be used; nothing was imported",
                    shown(path)
                ),
            },
            Error::NoTranslationFile {
                profile,
                file,
                language,
                available,
            } => write!(
                f,
                "`{}` has no translation into `{language}` (a file `{}` beside it); {}",
                shown(profile),
                shown(file),
                if available.is_empty() {
                    "it has no translations: `pathways new --translate PROFILE --lang LANGUAGE` starts one".to_owned()
                } else {
                    format!("it has: {}", available.join(", "))
                }
            ),
            Error::OutputExists { path } => write!(
                f,
                "`{}` already exists; pathways will not overwrite it (choose another name, or delete it first)",
                shown(path)
            ),
            Error::WorkerThreads { jobs, reason } => {
                write!(f, "cannot start {jobs} worker threads: {reason}")
            }
            Error::OutputNotFolder { path } => write!(
                f,
                "`{}` is a file, not a folder; give the folder the reports should go in",
                shown(path)
            ),
            Error::OutsideOutputFolder { name } => write!(
                f,
                "refusing to write `{name}`: report names must be plain file names inside the output folder"
            ),
            Error::TooLargeForPdf {
                estimate,
                limit,
                document,
            } => {
                let (what, instead) = match document {
                    PdfDocument::Profile => (
                        "this profile",
                        "make it as HTML (which has no such limit) or as a handout \
                         (--template handout), or split the profile",
                    ),
                    PdfDocument::Booklet => (
                        "this booklet",
                        "make the booklet as HTML (--book FILE.html), of handouts \
                         (--template handout), or of fewer careers at a time; with the \
                         built-in Typst templates (none of your own in --templates), a long \
                         booklet is typeset in parts and has no such limit",
                    ),
                    PdfDocument::Index => (
                        "this export's index",
                        "export the index as HTML, leave it out (--no-index), or export \
                         fewer careers at a time",
                    ),
                };
                write!(
                    f,
                    "{what} is too large to make into a PDF: typesetting it would take about \
                     {estimate} MiB of memory by pathways' reckoning, and it allows {limit}; {instead}"
                )
            }
            Error::NotADatabase {
                folder,
                database,
                missing,
                download,
            } => write!(
                f,
                "`{}` is not an {database} database download: it has no {}; {download}",
                shown(folder),
                missing
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            Error::MergeRefused { path, field: None } => write!(
                f,
                "`{}` is not a profile to add to: its top level is not a list of fields such as `title:`",
                shown(path)
            ),
            Error::MergeRefused {
                path,
                field: Some(field),
            } => write!(
                f,
                "adding to `{}` would have changed its `{}`, so nothing was written; this is a fault in pathways: please report it with the profile",
                shown(path),
                crate::finding::visible(field)
            ),
            Error::InvalidId { id, problem } => write!(
                f,
                "`{}` cannot be an id: {}; try `{}`",
                crate::finding::visible(id),
                problem.reason(),
                crate::id::slug_from(id)
            ),
            Error::NothingFound { path } => write!(
                f,
                "no profiles (.yaml or .yml files) found at `{}`",
                shown(path)
            ),
            Error::BadPattern { pattern, reason } => write!(
                f,
                "`{}` is not a usable file pattern: {reason}",
                crate::finding::visible(pattern)
            ),
        }
    }
}

/// Which PDF [`Error::TooLargeForPdf`] is about: one profile's document (a
/// report, a handout, a comparison), or a whole export's booklet or index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfDocument {
    /// A report, handout or comparison.
    Profile,
    /// An export's booklet.
    Booklet,
    /// An export's `index.pdf`.
    Index,
}

/// Which settings file [`Error::UnusableSettings`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsFile {
    /// `--policy FILE` or `pathways-policy.yaml` (for `check` and `export`).
    Policy,
    /// `import --headings FILE`.
    Headings,
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. }
            | Error::ReadStdin { source }
            | Error::Write { source, .. }
            | Error::WriteStdout { source }
            | Error::TemplateFolder { source, .. }
            | Error::Server { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// The file or folder this error is about, when it is about one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Read { path, .. }
            | Error::Write { path, .. }
            | Error::NothingFound { path }
            | Error::OutputIsFolder { path }
            | Error::OutputNotRegularFile { path }
            | Error::OutputReadOnly { path }
            | Error::TemplateFolder { path, .. } => Some(path),
            _ => None,
        }
    }

    /// Whether this is about writing a report (a full disk, a target in the
    /// way), as opposed to reading a profile or running a template.
    pub fn is_about_output(&self) -> bool {
        matches!(
            self,
            Error::Write { .. }
                | Error::OutputIsFolder { .. }
                | Error::OutputNotRegularFile { .. }
                | Error::OutputReadOnly { .. }
        )
    }
}

/// A path for a message: control characters in a file name (an escape
/// sequence) are shown, never sent to the terminal.
fn shown(path: &std::path::Path) -> String {
    crate::finding::visible(&path.display().to_string()).into_owned()
}

/// I/O errors in words, without OS error numbers.
fn plain_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_owned(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A preview server that fails says what failed and why, and keeps the
    /// cause for a caller that walks the chain.
    #[test]
    fn a_server_failure_says_what_failed_and_keeps_its_cause() {
        let error = Error::Server {
            what: "the preview server stopped",
            source: std::io::Error::other("connection reset"),
        };
        assert_eq!(
            error.to_string(),
            "the preview server stopped: connection reset"
        );
        let cause = std::error::Error::source(&error).expect("a cause");
        assert_eq!(cause.to_string(), "connection reset");
    }
}
