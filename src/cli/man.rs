//! `pathways man`: the manual page on standard output, or one page per
//! subcommand written into a folder.

use clap::CommandFactory;

use crate::cli::args::{Cli, ManArgs};
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::output::{Destination, OutputFolder, write};

pub fn run(args: &ManArgs) -> Result<ExitStatus, Error> {
    let mut command = Cli::command();
    // Building names each subcommand as its page is called: `pathways-render`.
    command.build();
    let Some(dir) = &args.out else {
        write(&Destination::Stdout, &page(&command))?;
        return Ok(ExitStatus::Success);
    };
    let folder = OutputFolder::open(dir)?;
    let mut written = vec!["pathways.1".to_owned()];
    folder.write("pathways.1", &page(&command))?;
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help" && !sub.is_hide_set())
    {
        let file = format!(
            "{}.1",
            sub.get_display_name().unwrap_or_else(|| sub.get_name())
        );
        folder.write(&file, &page(sub))?;
        written.push(file);
    }
    errln!(
        "Wrote {} manual pages to {}: {}. Read one with `man -l {}/pathways.1`, or put the folder on MANPATH.",
        written.len(),
        dir.display(),
        written.join(", "),
        dir.display()
    );
    Ok(ExitStatus::Success)
}

/// The date of the manual's last change, for the page footer (`.TH`): set
/// by hand, so the same version always makes the same pages.
const MANUAL_DATE: &str = "2026-12-06";

/// The roff source of `command`'s page: clap's sections, then EXIT STATUS,
/// tidied of paragraph macros that roff would skip.
fn page(command: &clap::Command) -> Vec<u8> {
    let man = clap_mangen::Man::new(command.clone())
        .date(MANUAL_DATE)
        .source(format!("pathways {}", env!("CARGO_PKG_VERSION")))
        .manual("pathways manual");
    let mut roff = Vec::new();
    // Writing into memory cannot fail.
    if man.render(&mut roff).is_err() {
        return Vec::new();
    }
    let mut text = String::from_utf8_lossy(&roff).into_owned();
    text.push_str(&exit_status_section());
    tidy_paragraphs(&text).into_bytes()
}

/// `.SH "EXIT STATUS"`, one tagged paragraph per status.
fn exit_status_section() -> String {
    let mut out = String::from(".SH \"EXIT STATUS\"\n");
    for status in ExitStatus::ALL {
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            status as u8,
            roff_text(status.meaning())
        ));
    }
    out
}

/// Text for a roff line: a backslash doubled, and a line never starting with
/// a control character.
fn roff_text(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// Drop paragraph macros that do nothing, which `mandoc -T lint` warns of
/// ("skipping paragraph macro"): one straight after a section heading, a
/// `.TP` tag, another paragraph macro or a blank line (which is a paragraph
/// break itself), or straight before one of those, or at the very end.
fn tidy_paragraphs(roff: &str) -> String {
    let is_break = |line: &str| matches!(line, ".PP" | ".P" | ".LP" | ".br" | "" | ".sp");
    let opens = |line: &str| line.starts_with(".SH") || line.starts_with(".SS") || line == ".TP";
    let lines: Vec<&str> = roff.lines().collect();
    let mut out = String::with_capacity(roff.len());
    let mut previous: Option<&str> = None;
    for (index, line) in lines.iter().enumerate() {
        let macro_break = is_break(line) && !line.is_empty();
        let after = previous.is_some_and(|p| opens(p) || is_break(p));
        let next = lines.get(index + 1).copied();
        let before =
            next.is_none_or(|n| opens(n) || is_break(n) || n == ".IP" || n.starts_with(".IP "));
        if macro_break && (after || before) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        previous = Some(line);
    }
    out
}
