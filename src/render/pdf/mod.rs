//! PDF: the Typst source a template made, typeset by Typst embedded as a
//! library. Nothing is read from disk and nothing is fetched: the
//! [`world::EmbeddedWorld`] serves the one generated source and the fonts
//! built into pathways, so the same input gives the same bytes everywhere.

pub(crate) mod markup;
mod world;

use typst::WorldExt as _;
use typst::diag::Severity;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::error::Error;

/// Typeset `source` (Typst markup made by the template `template`) into a
/// tagged PDF/UA-1 document.
pub(crate) fn typeset(source: String, template: &str) -> Result<Vec<u8>, Error> {
    let world = world::EmbeddedWorld::new(source);
    let compiled = typst::compile::<PagedDocument>(&world).output;
    // Typst keeps what it computed for reuse; a batch export must not
    // collect every document's, so what was not used lately goes.
    typst::comemo::evict(4);
    let document = compiled.map_err(|errors| failure(&world, errors.as_slice(), template))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| Error::Template {
        message: format!("cannot make an accessible PDF: {}", e.message()),
    })?;
    let options = PdfOptions {
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map_err(|errors| failure(&world, errors.as_slice(), template))
}

/// The first error Typst reports, with the line of the generated source it
/// is about and what that line says.
fn failure(
    world: &world::EmbeddedWorld,
    errors: &[typst::diag::SourceDiagnostic],
    template: &str,
) -> Error {
    let Some(error) = errors
        .iter()
        .find(|e| e.severity == Severity::Error)
        .or(errors.first())
    else {
        return Error::Template {
            message: format!("Typst could not typeset what `{template}` made"),
        };
    };
    let text = world.text();
    let place = world.range(error.span).map(|range| {
        let line = text[..range.start.min(text.len())].matches('\n').count() + 1;
        let source_line = text.lines().nth(line - 1).unwrap_or("").trim();
        let shown: String = source_line.chars().take(80).collect();
        format!(" (line {line} of the Typst it made: `{shown}`)")
    });
    let hints: String = error
        .hints
        .iter()
        .map(|hint| format!("; hint: {}", hint.v))
        .collect();
    Error::Template {
        message: format!(
            "Typst could not typeset what `{template}` made: {}{}{hints}",
            error.message,
            place.unwrap_or_default()
        ),
    }
}
