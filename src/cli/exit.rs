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

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status as u8)
    }
}
