//! What several subcommands share: finding the profiles, reading the
//! policy, choosing colour, printing findings.

use crate::cli::console::{err, errln};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::args::ColorChoice;
use pathways::error::{Error, SettingsFile};
use pathways::finding::Finding;
use pathways::load::{Discovered, Document, LoadFailure, discover};
use pathways::report::{self, human};
use pathways::validate::Policy;

/// The profiles named on the command line; what the walk passed over (a
/// pipe named like a profile) is said here, once for every command.
pub fn discover_profiles(paths: &[PathBuf]) -> Discovered {
    let found = discover(paths);
    for warning in &found.warnings {
        errln!("warning: {warning}");
    }
    found
}

/// Whether messages on standard error get colour.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => colour_on_auto(Console {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            is_terminal: std::io::stderr().is_terminal(),
            term_supports_color: anstyle_query::term_supports_color(),
            takes_ansi: console_takes_ansi,
        }),
    }
}

/// What decides whether messages are coloured when no `--color` is given.
struct Console<F: FnOnce() -> bool> {
    /// `NO_COLOR` is set to something.
    no_color: bool,
    /// Standard error is a terminal, not a file or a pipe.
    is_terminal: bool,
    /// `TERM` is not `dumb` (on Unix, is set at all).
    term_supports_color: bool,
    /// Whether the console shows ANSI colour codes (on Windows, asks it to;
    /// only called when everything else says yes).
    takes_ansi: F,
}

fn colour_on_auto(console: Console<impl FnOnce() -> bool>) -> bool {
    !console.no_color
        && console.is_terminal
        && console.term_supports_color
        && (console.takes_ansi)()
}

/// Windows 10's console and Windows Terminal show colour codes once asked
/// to; an older console cannot, and then messages stay plain.
fn console_takes_ansi() -> bool {
    #[cfg(windows)]
    {
        anstyle_query::windows::enable_ansi_colors().unwrap_or(false)
    }
    #[cfg(not(windows))]
    {
        true
    }
}

/// Print findings about one file to standard error.
pub fn print_findings(findings: &[Finding], text: Option<&str>, color: bool) {
    if !findings.is_empty() {
        let lines = report::source_lines(text.unwrap_or(""), findings, None);
        err!("{}", human::render(findings, &lines, color));
    }
}

/// Print findings about a document to standard error, each with its own
/// file's lines (a translation's findings may be in its base profile).
pub fn print_document_findings(findings: &[Finding], document: &Document, color: bool) {
    let sources =
        std::iter::once(&document.source).chain(document.translation.as_ref().map(|t| t.base()));
    for source in sources {
        let in_file: Vec<Finding> = findings
            .iter()
            .filter(|f| f.file == source.name)
            .cloned()
            .collect();
        print_findings(&in_file, Some(&source.text), color);
    }
}

/// Print a profile that could not be loaded; true when it was a problem in
/// the profile (exit 1) rather than a failure to run (exit 2).
pub fn print_load_failure(failure: &LoadFailure, color: bool) -> bool {
    match failure {
        LoadFailure::Unreadable(error) => {
            super::console::print_error(None, error);
            false
        }
        LoadFailure::Invalid { finding, source } => {
            let text = source.as_ref().map(|s| s.text.as_str());
            print_findings(std::slice::from_ref(finding), text, color);
            true
        }
    }
}

/// The policy file used when `--policy` is not given, if it exists.
pub const DEFAULT_POLICY_FILE: &str = "pathways-policy.yaml";

/// `--policy FILE`, else `pathways-policy.yaml` here, else the default;
/// today's date set for the age rule.
pub fn load_policy(path: Option<&Path>) -> Result<Policy, Error> {
    let path = match path {
        Some(path) => path.to_path_buf(),
        None if Path::new(DEFAULT_POLICY_FILE).is_file() => PathBuf::from(DEFAULT_POLICY_FILE),
        None => return Ok(with_today(Policy::default())),
    };
    let text = pathways::load::read_settings(&path)?;
    match Policy::from_yaml(&text) {
        Ok(policy) => Ok(with_today(policy)),
        Err(mut finding) => {
            finding.file = path.display().to_string();
            finding.message = format!("in the policy file: {}", finding.message);
            Err(Error::UnusableSettings {
                kind: SettingsFile::Policy,
                path,
                finding,
                text,
            })
        }
    }
}

fn with_today(mut policy: Policy) -> Policy {
    policy.today = Some(today());
    policy
}

/// Days since 1970-01-01, from the system clock.
fn today() -> i64 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (seconds / 86_400) as i64
}

/// `--page-size`, as the renderer takes it.
pub fn page_size(arg: Option<crate::cli::args::PageSizeArg>) -> Option<pathways::render::PageSize> {
    arg.map(|size| match size {
        crate::cli::args::PageSizeArg::A4 => pathways::render::PageSize::A4,
        crate::cli::args::PageSizeArg::Letter => pathways::render::PageSize::Letter,
    })
}

/// The renderer of a command: templates from `templates` (a folder, or the
/// built-in ones), and a folder's own Typst typeset in a limited process.
/// The environment variable with more font folders (`:`-separated), which
/// also carries `--font-path` to the typesetter's own process.
pub const FONT_PATH_VARIABLE: &str = "PATHWAYS_FONT_PATH";
/// Set to `0` for the typesetter's process under `--no-system-fonts`.
pub const SYSTEM_FONTS_VARIABLE: &str = "PATHWAYS_SYSTEM_FONTS";

/// Choose the fonts PDF is made with, from `args` and the environment,
/// before anything is typeset. A font folder that is not there is refused.
pub fn use_fonts(args: &crate::cli::args::FontArgs) -> Result<(), Error> {
    let mut font_paths = args.font_path.clone();
    if let Some(more) = std::env::var_os(FONT_PATH_VARIABLE) {
        font_paths.extend(std::env::split_paths(&more).filter(|p| !p.as_os_str().is_empty()));
    }
    for folder in &font_paths {
        if !folder.is_dir() {
            return Err(Error::Usage {
                message: format!(
                    "the font folder {} does not exist (from --font-path or {FONT_PATH_VARIABLE}); give a folder that holds .ttf, .otf or .ttc files",
                    folder.display()
                ),
            });
        }
    }
    pathways::render::use_fonts(pathways::render::FontOptions {
        font_paths,
        system_fonts: system_fonts(args, std::env::var_os(SYSTEM_FONTS_VARIABLE)),
    });
    Ok(())
}

/// Whether system fonts are searched: not under `--no-system-fonts`, nor in
/// a typesetter process told `PATHWAYS_SYSTEM_FONTS=0`.
fn system_fonts(args: &crate::cli::args::FontArgs, variable: Option<std::ffi::OsString>) -> bool {
    !args.no_system_fonts && variable.is_none_or(|value| value != "0")
}

/// The policy's additions for a command that makes PDF: text no font
/// shows is `missing-glyph`, an error under `--accessible-pdf`.
pub fn check_glyphs(policy: &mut pathways::validate::Policy, args: &crate::cli::args::FontArgs) {
    policy.glyphs = Some(pathways::render::pdf_can_show);
    if args.accessible_pdf {
        policy.severities.insert(
            pathways::rules::Rule::MissingGlyph,
            Some(pathways::finding::Severity::Error),
        );
    }
}

/// `missing-glyph` for what a PDF of `document` prints besides its own text
/// (labels, money, dates) that no font shows: its own text is checked with
/// the other rules, where each field is known. Its severity is the policy's
/// (an error under `--accessible-pdf`, see [`check_glyphs`]; none if turned off).
pub fn unshown_in_pdf(
    renderer: &pathways::render::Renderer,
    document: &pathways::load::Document,
    policy: &pathways::validate::Policy,
) -> Result<Option<pathways::finding::Finding>, Error> {
    let Some(severity) = policy.severity(pathways::rules::Rule::MissingGlyph) else {
        return Ok(None);
    };
    let unshown: String = renderer
        .unshown_in_pdf(&document.profile)?
        .into_iter()
        .filter(|&c| !document.source.text.contains(c))
        .flat_map(|c| [c, ' '])
        .collect();
    if unshown.is_empty() {
        return Ok(None);
    }
    let locale = document.profile.locale();
    let mut finding = pathways::finding::Finding::new(
        pathways::rules::Rule::MissingGlyph,
        format!(
            "no font here shows {}, which a PDF in {locale} prints (in its labels, money or dates): \
             the PDF would print boxes, and it cannot be accessible (PDF/UA)",
            unshown.trim_end()
        ),
        "install a font that has them (on Debian or Ubuntu: `apt install fonts-noto-core fonts-noto-cjk`), \
         or give `--font-path DIR` with one; `--accessible-pdf` refuses such a PDF",
    )
    .at(document
        .locations()
        .value("locale")
        .unwrap_or_else(|| document.locations().start()))
    .path("locale")
    .in_file(&document.source.name);
    finding.severity = severity;
    Ok(Some(finding))
}

pub fn renderer(templates: Option<&Path>) -> Result<pathways::render::Renderer, Error> {
    Ok(pathways::render::Renderer::new(templates)?
        .with_untrusted_typesetter(std::sync::Arc::new(super::typeset::isolated)))
}

/// A bar on standard error for `total` profiles, when it is a terminal
/// (hidden when `quiet`, or when the output goes to a file or a pipe).
pub fn progress_bar(total: usize, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} profiles  {per_sec:0}  about {eta} left",
    ) {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_fonts_unless_the_flag_or_the_typesetters_variable_says_not() {
        let on = crate::cli::args::FontArgs::default();
        let off = crate::cli::args::FontArgs {
            no_system_fonts: true,
            ..Default::default()
        };
        assert!(system_fonts(&on, None));
        assert!(system_fonts(&on, Some("1".into())));
        assert!(!system_fonts(&on, Some("0".into())));
        assert!(!system_fonts(&off, None));
        assert!(!system_fonts(&off, Some("1".into())));
    }

    #[test]
    fn colour_only_on_a_terminal_that_shows_it_and_not_under_no_color() {
        let console = |no_color, is_terminal, term_supports_color, takes_ansi: bool| Console {
            no_color,
            is_terminal,
            term_supports_color,
            takes_ansi: move || takes_ansi,
        };
        assert!(colour_on_auto(console(false, true, true, true)));
        assert!(!colour_on_auto(console(true, true, true, true)), "NO_COLOR");
        assert!(!colour_on_auto(console(false, false, true, true)), "a pipe");
        assert!(
            !colour_on_auto(console(false, true, false, true)),
            "TERM=dumb"
        );
        assert!(
            !colour_on_auto(console(false, true, true, false)),
            "an old Windows console"
        );
        // The console is asked only when colour would otherwise be used.
        let mut asked = false;
        colour_on_auto(Console {
            no_color: false,
            is_terminal: false,
            term_supports_color: true,
            takes_ansi: || {
                asked = true;
                true
            },
        });
        assert!(!asked);
    }
}
