//! `pathways compare`: two to four profiles → one document, a column per career.

use crate::cli::args::CompareArgs;
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use crate::cli::render::{Checked, choose_format, destination, load_checked, write_report};
use pathways::error::Error;
use pathways::load::Input;
use pathways::render::{Document, MAX_COMPARED};

pub fn run(args: &CompareArgs, color: bool) -> Result<ExitStatus, Error> {
    let count = args.profiles.len();
    if !(2..=MAX_COMPARED).contains(&count) {
        return Err(Error::Usage {
            message: format!(
                "compare puts two to four careers side by side, and {} given; \
                 give two, three or four profiles",
                if count == 1 {
                    "one profile was".to_owned()
                } else {
                    format!("{count} profiles were")
                }
            ),
        });
    }
    let asked: Vec<Input> = args.profiles.iter().map(|p| Input::from_arg(p)).collect();
    // Each career's translation into --lang where it has one.
    let inputs: Vec<Input> = asked
        .iter()
        .map(|input| match (input, args.lang.as_deref()) {
            (Input::File(path), Some(language))
                if pathways::translate::base_of(path).is_none()
                    && pathways::translate::file_for(path, language).is_file() =>
            {
                Input::File(pathways::translate::file_for(path, language))
            }
            _ => input.clone(),
        })
        .collect();
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        return Err(Error::Usage {
            message: "standard input (`-`) can be read only once; give the other profiles as files"
                .to_owned(),
        });
    }
    let format = choose_format(args.format, args.output.as_deref())?;
    let destination = destination(format, args.output.as_deref(), &inputs)?;
    let renderer = crate::cli::common::renderer(args.templates.as_deref())?
        .with_width(usize::from(args.width))
        .with_page_size(super::common::page_size(args.page_size));

    super::common::use_fonts(&args.fonts)?;
    let pdf_fonts = (format == pathways::render::Format::Pdf).then_some(&args.fonts);
    // Every profile is checked, so one run shows all that needs fixing.
    let mut documents = Vec::with_capacity(count);
    let mut warnings = 0;
    let mut refused = None;
    for input in &inputs {
        match load_checked(input, &renderer, pdf_fonts, color) {
            Checked::Ready {
                document,
                warnings: found,
            } => {
                warnings += found;
                documents.push(document);
            }
            Checked::Refused(status) => {
                refused = Some(match refused {
                    Some(ExitStatus::Error) => ExitStatus::Error,
                    _ => status,
                });
            }
        }
    }
    if let Some(status) = refused {
        return Ok(status);
    }
    if let Some(language) = &args.lang {
        for document in &mut documents {
            let own = document.profile.locale();
            if !own.eq_ignore_ascii_case(language) && document.translation.is_none() {
                errln!(
                    "note: {} has no translation into {language}; its column is in {own}",
                    document.source.name
                );
                document.profile.languages.missing_translation = Some(language.clone());
            }
        }
    }
    let profiles: Vec<_> = documents.iter().map(|d| &d.profile).collect();
    let mut comparison = Vec::new();
    renderer.render_document(&Document::Comparison(&profiles), format, &mut comparison)?;
    write_report(&destination, &comparison, format, warnings)?;
    Ok(ExitStatus::Success)
}
