//! Exit codes: 0 success, 1 the profiles have problems, 2 the command could not run.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success = 0,
    /// The profiles have problems (errors, or findings the user asked to fail on).
    Failure = 1,
    /// The command could not run: usage, I/O, templates.
    Error = 2,
    /// Stopped by Ctrl-C or a termination signal (128 + SIGINT, as shells report it).
    Interrupted = 130,
}

impl ExitStatus {
    /// Every status, in order, for the manual's EXIT STATUS section.
    pub const ALL: [ExitStatus; 4] = [
        ExitStatus::Success,
        ExitStatus::Failure,
        ExitStatus::Error,
        ExitStatus::Interrupted,
    ];

    /// What the status tells a person or a CI job, in a sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            ExitStatus::Success => {
                "Success: every profile was read, passed its checks and was written."
            }
            ExitStatus::Failure => {
                "The profiles have problems: a profile has errors (or warnings, under \
                 --strict), or an export skipped some profiles. What could be done was done; \
                 the messages name each problem with its file and line."
            }
            ExitStatus::Error => {
                "The command could not run: a wrong option, a file that cannot be read or \
                 written, a broken template. Nothing was checked or written for what failed."
            }
            ExitStatus::Interrupted => {
                "Stopped by Ctrl-C or a termination signal; no partial file is left."
            }
        }
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status as u8)
    }
}
