//! `pathways render`: one profile → one report.

use crate::cli::console::errln;
use std::io::IsTerminal;
use std::path::Path;

use crate::cli::args::{FontArgs, FormatArg, RenderArgs};
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::finding::Finding;
use pathways::load::{Document, Input};
use pathways::output::{Destination, is_same_file, write};
use pathways::render::{Format, Renderer};
use pathways::validate::{Policy, Scope, load_and_validate};
use pathways::words::plural;

pub fn run(args: &RenderArgs, color: bool) -> Result<ExitStatus, Error> {
    let input = in_language(Input::from_arg(&args.profile), args.lang.as_deref())?;
    let format = choose_format(args.format, args.output.as_deref())?;
    let destination = destination(format, args.output.as_deref(), std::slice::from_ref(&input))?;
    let renderer = crate::cli::common::renderer(args.look.templates.as_deref())?
        .with_width(usize::from(args.width))
        .with_template(&args.look.template, &[format])?
        .with_page_size(super::common::page_size(args.look.page_size));
    super::common::use_fonts(&args.fonts)?;
    let pdf_fonts = (format == Format::Pdf).then_some(&args.fonts);
    let (document, warnings) = match load_checked(&input, &renderer, pdf_fonts, color) {
        Checked::Ready { document, warnings } => (document, warnings),
        Checked::Refused(status) => return Ok(status),
    };
    let report = renderer.render(&document.profile, format)?;
    write_report(&destination, &report, format, warnings)?;
    Ok(ExitStatus::Success)
}

/// The translation of `input` into `language`, when one is asked for.
pub(super) fn in_language(input: Input, language: Option<&str>) -> Result<Input, Error> {
    let Some(language) = language else {
        return Ok(input);
    };
    let Input::File(base) = &input else {
        return Err(Error::Usage {
            message: "`--lang` needs the profile's file, to find its translation beside it; \
                      standard input has no folder"
                .to_owned(),
        });
    };
    if pathways::translate::base_of(base).is_some() {
        return Err(Error::Usage {
            message: format!(
                "`{}` is already a translation; give its base profile with `--lang`, or the translation alone",
                input.display_name()
            ),
        });
    }
    let file = pathways::translate::file_for(base, language);
    if !file.is_file() {
        return Err(Error::NoTranslationFile {
            profile: base.clone(),
            file,
            language: language.to_owned(),
            available: pathways::translate::translations_of(base)
                .into_iter()
                .map(|(_, language)| language)
                .collect(),
        });
    }
    Ok(Input::File(file))
}

/// Where a report goes: the `-o` file (never one of the inputs), else
/// standard output unless that is a terminal and the format is not text.
pub(super) fn destination(
    format: Format,
    output: Option<&Path>,
    inputs: &[Input],
) -> Result<Destination, Error> {
    match output {
        Some(path) => {
            for input in inputs {
                if let Input::File(profile) = input
                    && is_same_file(profile, path)
                {
                    return Err(Error::OutputIsInput {
                        path: path.to_path_buf(),
                    });
                }
            }
            Ok(Destination::File(path.to_path_buf()))
        }
        // A PDF shown on a terminal is noise that can upset it.
        None if !format.is_text() && std::io::stdout().is_terminal() => Err(Error::Usage {
            message: format!(
                "a {} report is not written to a terminal; give -o FILE.{}, or redirect standard output to a file",
                format.name(),
                format.extension()
            ),
        }),
        None => Ok(Destination::Stdout),
    }
}

/// A profile loaded and validated, its findings printed.
pub(super) enum Checked {
    /// No errors: render it.
    Ready {
        document: Box<Document>,
        warnings: usize,
    },
    /// It has errors (exit 1), or could not be read (exit 2): said already.
    Refused(ExitStatus),
}

/// Load and validate one profile as `render` does, printing its findings;
/// a profile with errors is refused with a line saying so. `pdf_fonts`:
/// for a PDF, whose fonts must show every character.
pub(super) fn load_checked(
    input: &Input,
    renderer: &Renderer,
    pdf_fonts: Option<&FontArgs>,
    color: bool,
) -> Checked {
    let mut policy = Policy {
        // A template folder may add label catalogues.
        languages: renderer.languages(),
        ..Policy::default()
    };
    if let Some(fonts) = pdf_fonts {
        super::common::check_glyphs(&mut policy, fonts);
    }
    let checked = match load_and_validate(input, &policy, Scope::All) {
        Ok(checked) => checked,
        Err(failure) => {
            return Checked::Refused(if super::common::print_load_failure(&failure, color) {
                not_rendered(&input.display_name(), 1, 0);
                ExitStatus::Failure
            } else {
                ExitStatus::Error
            });
        }
    };
    let document = checked.document;
    let mut findings = checked.findings;
    // A template that fails here fails the same way when rendering, which says so.
    if pdf_fonts.is_some()
        && !findings.iter().any(Finding::is_error)
        && let Ok(Some(finding)) = super::common::unshown_in_pdf(renderer, &document, &policy)
    {
        findings.push(finding);
    }
    super::common::print_document_findings(&findings, &document, color);
    let warnings = findings.len();
    if findings.iter().any(Finding::is_error) {
        let errors = findings.iter().filter(|f| f.is_error()).count();
        not_rendered(&document.source.name, errors, warnings - errors);
        return Checked::Refused(ExitStatus::Failure);
    }
    Checked::Ready {
        document: Box::new(document),
        warnings,
    }
}

/// Write a rendered document and, for a file, say what was written.
pub(super) fn write_report(
    destination: &Destination,
    report: &[u8],
    format: Format,
    warnings: usize,
) -> Result<(), Error> {
    write(destination, report)?;
    if let Destination::File(path) = destination {
        errln!(
            "Wrote {} ({}, {}){}",
            path.display(),
            format.name(),
            size(report.len()),
            if warnings == 0 {
                String::new()
            } else {
                // A profile with errors is not rendered: these are warnings.
                format!(" with {}", plural(warnings, "warning"))
            }
        );
    }
    Ok(())
}

/// `--format`, else the output file's extension, else Markdown.
pub(super) fn choose_format(
    flag: Option<FormatArg>,
    output: Option<&Path>,
) -> Result<Format, Error> {
    if let Some(flag) = flag {
        return Ok(flag.into());
    }
    match output {
        Some(path) => Format::from_path(path).ok_or_else(|| Error::UnknownOutputExtension {
            path: path.to_path_buf(),
        }),
        None => Ok(Format::Markdown),
    }
}

fn not_rendered(name: &str, errors: usize, warnings: usize) {
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    errln!(
        "{name}: not rendered: {}{}. Fix the errors above and run the command again.",
        count(errors, "error"),
        if warnings > 0 {
            format!(" and {}", count(warnings, "warning"))
        } else {
            String::new()
        }
    );
}

fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
