//! RENDER: a profile → Markdown, HTML, plain text or PDF, through minijinja templates.
//!
//! Pure apart from reading a user's template folder: the view is built from
//! the profile, the template for the format turns it into text (for PDF,
//! Typst markup, which the `pdf` module typesets).

mod blocks;
mod booklet;
mod cldr;
mod labels;
mod markdown;
mod pdf;
mod templates;
mod text;
mod view;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::value::{Kwargs, Rest};
use minijinja::{Environment, State, UndefinedBehavior, Value};

pub use pdf::fonts::{
    FontOptions, can_show as pdf_can_show, configure as use_fonts, options as font_options,
};
pub use templates::{BUILT_IN as BUILT_IN_TEMPLATES, has_template, template_sets};
pub use view::{CareerIndex, IndexEntry, IndexSort};

use crate::error::{Error, PdfDocument};
use crate::profile::Profile;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// CommonMark (`.md`).
    Markdown,
    /// One self-contained HTML page (`.html`).
    Html,
    /// Plain text wrapped to a width (`.txt`).
    Text,
    /// A tagged PDF typeset by Typst (`.pdf`), from a Typst template (`.typ.j2`).
    Pdf,
}

impl Format {
    /// The text formats: what an export writes when no format is asked for.
    pub const TEXT: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];

    /// Every format, in the order exports write them.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Text, Format::Pdf];

    /// The format a file name asks for: `.md`, `.html`/`.htm`, `.txt`, `.pdf`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The file extension reports in this format get (`md`, `html`, `txt`, `pdf`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
            Format::Pdf => "pdf",
        }
    }

    /// The template file for a template set: `report` → `report.html.j2`
    /// (for PDF, the Typst template `report.typ.j2`).
    pub fn template_file(self, set: &str) -> String {
        match self {
            Format::Pdf => format!("{set}.typ.j2"),
            _ => format!("{set}.{}.j2", self.extension()),
        }
    }

    /// The format's name for people: Markdown, HTML, plain text, PDF.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Text => "plain text",
            Format::Pdf => "PDF",
        }
    }

    /// Whether reports in this format are text (PDF is not: it is never
    /// written to a terminal).
    pub fn is_text(self) -> bool {
        self != Format::Pdf
    }
}

/// The block of a report's (or handout's) template a booklet takes.
const BOOK_BLOCK: &str = "career";

/// The most careers one comparison shows side by side.
pub const MAX_COMPARED: usize = 4;

/// Default width of plain-text reports.
pub const DEFAULT_WIDTH: usize = 80;

/// Template work allowed per report: the seed uses well under a tenth of it;
/// a runaway loop in a user's template stops here instead of hanging.
const TEMPLATE_FUEL: u64 = 1_000_000;

/// The paper a printed HTML report is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSize {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

impl PageSize {
    /// The paper readers of `locale` use: Letter in the Americas' Letter
    /// countries (United States, Canada, Mexico, ...) and the Philippines,
    /// A4 elsewhere. A locale without a region takes its likeliest one
    /// (`en` is read as `en-US`, `es` as `es-ES`).
    pub fn for_locale(locale: &str) -> PageSize {
        if cldr::uses_letter_paper(&cldr::parse_locale(locale)) {
            PageSize::Letter
        } else {
            PageSize::A4
        }
    }

    /// The CSS `@page { size: ... }` value.
    pub fn css(self) -> &'static str {
        match self {
            PageSize::A4 => "A4",
            PageSize::Letter => "letter",
        }
    }
}

/// The template set reports use unless told otherwise.
pub const DEFAULT_TEMPLATE: &str = "report";

/// A document pathways makes. What it is decides the view built for it, the
/// templates it is written with (`<set>.<format>.j2`), and the limits its
/// PDF is held to; [`Renderer::render_document`] makes any of them.
#[derive(Debug, Clone, Copy)]
pub enum Document<'a> {
    /// One career in the renderer's template set: the report, the
    /// handout, or a set of the user's folder.
    Career(&'a Profile),
    /// Two to four careers side by side (`compare`), labelled in the first
    /// one's language, on its paper unless told otherwise.
    Comparison(&'a [&'a Profile]),
    /// An export's index (`index`): every career, linked to its report.
    /// Written as it is made, so a large one is never held in memory whole.
    Index(&'a CareerIndex),
    /// A booklet of careers (`book`, HTML or PDF): a cover with `title`, the
    /// contents by category and career type, then each career's chapter
    /// (by id, from [`Renderer::render_chapter`]) on new pages. A long PDF
    /// booklet is typeset in parts and joined, so its memory does not grow
    /// with its length.
    Booklet {
        /// The cover's title (`--book-title`).
        title: &'a str,
        /// The careers, in the contents' order.
        careers: &'a CareerIndex,
        /// Each career's chapter, by id.
        chapters: &'a HashMap<String, String>,
    },
}

/// The template sets of the documents about many careers: never a set to
/// render one career with.
const COMPARE_SET: &str = "compare";
const INDEX_SET: &str = "index";
const BOOK_SET: &str = "book";
pub(crate) const DOCUMENT_SETS: [&str; 3] = [COMPARE_SET, INDEX_SET, BOOK_SET];

impl Document<'_> {
    /// The set of templates it is written with.
    fn template_set<'s>(&self, career_set: &'s str) -> &'s str {
        match self {
            Document::Career(_) => career_set,
            Document::Comparison(_) => COMPARE_SET,
            Document::Index(_) => INDEX_SET,
            Document::Booklet { .. } => BOOK_SET,
        }
    }

    /// Which limits its PDF is held to.
    fn pdf_limits(&self) -> PdfDocument {
        match self {
            Document::Career(_) | Document::Comparison(_) => PdfDocument::Profile,
            Document::Index(_) => PdfDocument::Index,
            Document::Booklet { .. } => PdfDocument::Booklet,
        }
    }
}

/// Compiled templates, ready to render any number of profiles.
pub struct Renderer {
    env: Environment<'static>,
    width: usize,
    template_set: String,
    /// Whether the set's templates read `handout`, the blocks a handout
    /// shows (worked out only for them).
    reads_handout: bool,
    /// `None`: from each profile's locale.
    page_size: Option<PageSize>,
    user_folder: Option<PathBuf>,
    catalogues: Arc<labels::Catalogues>,
    /// Whether the template folder has Typst of its own (`*.typ`, `*.typ.j2`).
    user_typst: bool,
    /// How that Typst is typeset, when not in this process.
    untrusted_typesetter: Option<Typesetter>,
}

/// Typesets the Typst a template made into PDF bytes; the second argument
/// names the template, for messages.
pub type Typesetter = Arc<dyn Fn(String, &str) -> Result<Vec<u8>, Error> + Send + Sync>;

/// Typeset Typst markup that the template `template` made into a tagged
/// PDF, in this process, with the fonts built into pathways and nothing
/// else (no files, no packages, no plugins).
pub fn typeset_pdf(source: String, template: &str) -> Result<Vec<u8>, Error> {
    pdf::typeset(source, template)
}

impl Renderer {
    /// Templates from `user_folder` override the built-in ones by file name.
    pub fn new(user_folder: Option<&Path>) -> Result<Self, Error> {
        if let Some(folder) = user_folder {
            std::fs::read_dir(folder).map_err(|source| Error::TemplateFolder {
                path: folder.to_path_buf(),
                source,
            })?;
        }
        let source = templates::TemplateSource::new(user_folder.map(PathBuf::from));
        let catalogues = Arc::new(labels::Catalogues::load(&source, user_folder)?);
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_debug(true);
        // Metering costs about 2 % of an export; the built-in templates are
        // known to finish, so only a user's template folder turns it on.
        if user_folder.is_some() {
            env.set_fuel(Some(TEMPLATE_FUEL));
        }
        env.set_recursion_limit(100);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .map_err(|e| template_error(&e))?,
        );
        // Typst templates (`*.typ.j2` and the partial `parts.typ`) escape
        // every value that is not already Typst markup, as HTML templates
        // escape for HTML: profile text never runs as Typst code.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".typ.j2") || name.ends_with(".typ") {
                minijinja::AutoEscape::Custom("typst".into())
            } else {
                minijinja::default_auto_escape_callback(name)
            }
        });
        env.set_formatter(format_value);
        env.add_filter("typst_string", |value: Value| {
            Value::from_safe_string(pdf::markup::string_literal(&value.to_string()))
        });
        env.set_loader(move |name| {
            source.load(name).map_err(|e| {
                minijinja::Error::new(
                    minijinja::ErrorKind::InvalidOperation,
                    format!("cannot read template `{name}`: {e}"),
                )
            })
        });
        env.add_filter("underline", |text: String, character: Option<String>| {
            text::underline(&text, character.as_deref().unwrap_or("="))
        });
        env.add_filter("hang", text::hang);
        env.add_filter("breakable", pdf::markup::breakable);
        env.add_filter("typst_lang", |tag: String| pdf::markup::typst_lang(&tag));
        env.add_function("columns", text::columns);
        env.add_filter("css_string", |text: String| {
            Value::from_safe_string(view::css_string(&text))
        });
        let labels = Arc::clone(&catalogues);
        env.add_filter("colon", move |state: &State, value: Value| {
            colon(&labels, state, value)
        });
        let labels = Arc::clone(&catalogues);
        env.add_function("t", move |state: &State, key: &str, args: Kwargs| {
            label(&labels, state, key, args)
        });
        let labels = Arc::clone(&catalogues);
        env.add_function(
            "t_parts",
            move |state: &State, key: &str, names: Rest<String>| {
                label_parts(&labels, state, key, &names)
            },
        );
        let user_typst = user_folder
            .and_then(|folder| std::fs::read_dir(folder).ok())
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .any(|entry| {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".typ") || name.ends_with(".typ.j2")
            });
        Ok(Renderer {
            env,
            width: DEFAULT_WIDTH,
            template_set: DEFAULT_TEMPLATE.to_owned(),
            reads_handout: false,
            page_size: None,
            user_folder: user_folder.map(PathBuf::from),
            catalogues,
            user_typst,
            untrusted_typesetter: None,
        })
    }

    /// The label `key` for readers of `locale` (English if its language
    /// has no catalogue or lacks the label).
    pub fn label(&self, locale: &str, key: &str) -> String {
        self.catalogues.labels(locale).get(key)
    }

    /// The languages that have a label catalogue: the built-in ones and any
    /// the template folder adds (`locales/<language>.ftl`).
    pub fn languages(&self) -> Vec<String> {
        self.catalogues.languages()
    }

    /// Use the template set `name` (`report`, `handout`, or one of the
    /// user's folder). Fails, listing what there is, when `name` has no
    /// template for one of `formats`.
    pub fn with_template(mut self, name: &str, formats: &[Format]) -> Result<Self, Error> {
        let mut reads_handout = false;
        for format in formats {
            let file = format.template_file(name);
            // Loading compiles the template once, for every report rendered with it.
            let found = !name.contains(['/', '\\', '.'])
                && match self.env.get_template(&file) {
                    Ok(template) => {
                        reads_handout |= template.undeclared_variables(false).contains("handout");
                        true
                    }
                    Err(e) if e.kind() == minijinja::ErrorKind::TemplateNotFound => false,
                    Err(e) => return Err(template_error(&e)),
                };
            if !found {
                return Err(Error::Template {
                    message: format!(
                        "there is no template `{name}` for {} (looked for `{file}`{}); templates available: {}",
                        format.name(),
                        if self.user_folder.is_some() {
                            " in the template folder and the built-in set"
                        } else {
                            " in the built-in set"
                        },
                        templates::template_sets(self.user_folder.as_deref()).join(", ")
                    ),
                });
            }
        }
        self.template_set = name.to_owned();
        self.reads_handout = reads_handout;
        Ok(self)
    }

    /// Lay printed HTML out for `size` instead of each profile's locale default.
    pub fn with_page_size(mut self, size: Option<PageSize>) -> Self {
        self.page_size = size;
        self
    }

    /// Typeset PDF with `typesetter` when the template folder has Typst of
    /// its own: Typst has no limit on the time or memory a document takes,
    /// so the command line runs a user's Typst in a separate process it can
    /// stop. The built-in templates are typeset here.
    pub fn with_untrusted_typesetter(mut self, typesetter: Typesetter) -> Self {
        self.untrusted_typesetter = Some(typesetter);
        self
    }

    /// Typeset what the template `name` made.
    fn typeset(&self, source: String, name: &str) -> Result<Vec<u8>, Error> {
        match &self.untrusted_typesetter {
            Some(typesetter) if self.user_typst => typesetter(source, name),
            _ => pdf::typeset(source, name),
        }
    }

    /// Width of plain-text reports, in columns.
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width;
        self
    }

    /// Render one profile in one format: the report's bytes (UTF-8 text, or
    /// PDF). The same as [`Renderer::render_document`] of a
    /// [`Document::Career`], kept in memory.
    pub fn render(&self, profile: &Profile, format: Format) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        self.render_document(&Document::Career(profile), format, &mut bytes)?;
        Ok(bytes)
    }

    /// Render `document` in `format` into `out`: its view, its template for
    /// the format, then what the format needs done to the template's text
    /// (wrapping, tidying, typesetting), the same for every document.
    pub fn render_document(
        &self,
        document: &Document<'_>,
        format: Format,
        out: &mut dyn std::io::Write,
    ) -> Result<(), Error> {
        let mut contents_heading = None;
        let view = match *document {
            Document::Career(profile) => {
                let labels = self.catalogues.labels(profile.locale());
                view::build(profile, format, self.view_extras(profile), &labels)
            }
            Document::Comparison(profiles) => {
                if !(2..=MAX_COMPARED).contains(&profiles.len()) {
                    return Err(Error::Usage {
                        message: format!(
                            "compare takes two to {MAX_COMPARED} profiles, not {}",
                            profiles.len()
                        ),
                    });
                }
                let leading = view::leading(profiles).unwrap_or(profiles[0]);
                let labels = self.catalogues.labels(leading.locale());
                view::build_compare(
                    profiles,
                    format,
                    self.page_size_for(leading),
                    self.width,
                    &labels,
                )
            }
            Document::Index(careers) => {
                // The paper of the index's locale (that of most careers), as for a report.
                let labels = self.catalogues.labels(careers.locale());
                let page_size = self.paper_for(careers.locale());
                view::build_index(careers, format, page_size, &labels)
            }
            Document::Booklet {
                title,
                careers,
                chapters,
            } => {
                let settings = self.book_settings(title, careers);
                if format == Format::Pdf && !self.user_typst {
                    let parts = booklet::plan_parts(careers, chapters);
                    if parts.len() > 1 {
                        return self
                            .render_book_in_parts(careers, chapters, &settings, &parts, out);
                    }
                }
                let labels = self.catalogues.labels(careers.locale());
                contents_heading = Some(labels.get("contents"));
                view::build_book(
                    careers,
                    chapters,
                    &settings,
                    &view::BookPart::Whole,
                    format,
                    &labels,
                )
            }
        };
        let name = format.template_file(document.template_set(&self.template_set));
        // The index of a large collection is never held in memory whole.
        let streamed = matches!(document, Document::Index(_));
        let pdf = PdfSettings {
            limits: document.pdf_limits(),
            contents_heading: contents_heading.as_deref(),
        };
        self.write_template(&name, view, format, pdf, streamed, out)
    }

    /// The characters a PDF of `profile` would print that no font shows
    /// (labels, money and dates in its locale as well as its own text), in
    /// order: worked out from the Typst the template makes, before any
    /// typesetting.
    pub fn unshown_in_pdf(&self, profile: &Profile) -> Result<Vec<char>, Error> {
        let labels = self.catalogues.labels(profile.locale());
        let view = view::build(profile, Format::Pdf, self.view_extras(profile), &labels);
        let name = Format::Pdf.template_file(&self.template_set);
        let source = self
            .template(&name)?
            .render(view)
            .map_err(|e| template_error(&e))?;
        // Each distinct character is looked up once: a lookup asks every
        // font found (hundreds, with a system's fonts).
        let distinct: std::collections::BTreeSet<char> = source.chars().collect();
        Ok(distinct.into_iter().filter(|&c| !pdf_can_show(c)).collect())
    }

    /// Render one profile in several formats, parsing each Markdown field once.
    pub fn render_all(&self, profile: &Profile, formats: &[Format]) -> Result<Vec<Vec<u8>>, Error> {
        let labels = self.catalogues.labels(profile.locale());
        view::build_all(profile, formats, self.view_extras(profile), &labels)
            .into_iter()
            .zip(formats)
            .map(|(view, &format)| {
                self.render_template(
                    &format.template_file(&self.template_set),
                    view,
                    format,
                    PdfDocument::Profile,
                )
            })
            .collect()
    }

    /// One career as a chapter of a booklet in `format` (HTML or PDF): the
    /// block `career` of the template set's template, with the career's
    /// HTML ids made its own. Kept for the [`Document::Booklet`] of the export.
    pub fn render_chapter(&self, profile: &Profile, format: Format) -> Result<String, Error> {
        let labels = self.catalogues.labels(profile.locale());
        let extras = view::Extras {
            book_ids: Some(format!("{}--", profile.id)),
            ..self.view_extras(profile)
        };
        let name = format.template_file(&self.template_set);
        let view = view::build(profile, format, extras, &labels);
        let mut rendered = self
            .template(&name)?
            .render_captured(view)
            .map_err(|e| template_error(&e))?;
        rendered
            .with_state_mut(|state| state.render_block(BOOK_BLOCK))
            .map_err(|e| match e.kind() {
                minijinja::ErrorKind::UnknownBlock => Error::Template {
                    message: format!(
                        "`{name}` has no block `{BOOK_BLOCK}`, which a booklet takes of each career: \
                         put `{{% block {BOOK_BLOCK} %}}` and `{{% endblock %}}` around the career's part of the page"
                    ),
                },
                _ => template_error(&e),
            })
    }

    fn book_settings<'a>(
        &'a self,
        title: &'a str,
        careers: &CareerIndex,
    ) -> view::BookSettings<'a> {
        view::BookSettings {
            title,
            template_set: &self.template_set,
            page_size: self.paper_for(careers.locale()),
        }
    }

    fn view_extras(&self, profile: &Profile) -> view::Extras {
        view::Extras {
            page_size: self.page_size_for(profile),
            // Chosen only for templates that show it (`handout`, or a
            // folder's set that reads it), never for a set by its name.
            handout: self.reads_handout,
            book_ids: None,
        }
    }

    fn page_size_for(&self, profile: &Profile) -> PageSize {
        self.paper_for(profile.locale())
    }

    /// The paper `--page-size` asks for, else the one `locale`'s region prints on.
    fn paper_for(&self, locale: &str) -> PageSize {
        self.page_size
            .unwrap_or_else(|| PageSize::for_locale(locale))
    }

    fn template(&self, name: &str) -> Result<minijinja::Template<'_, '_>, Error> {
        self.env.get_template(name).map_err(|e| template_error(&e))
    }

    /// The template `name` rendered with `view` into `out`, made what
    /// `format` needs: the one place every document's text is finished.
    /// `streamed`: written as it is made (the index of a large collection is
    /// never held whole), each line wrapped, and trimmed at the end, as a
    /// whole document is.
    fn write_template(
        &self,
        name: &str,
        view: Value,
        format: Format,
        pdf: PdfSettings,
        streamed: bool,
        out: &mut dyn std::io::Write,
    ) -> Result<(), Error> {
        let template = self.template(name)?;
        let finished = match format {
            Format::Pdf => {
                let source = template.render(view).map_err(|e| template_error(&e))?;
                pdf::check_budget(&source, pdf.limits)?;
                let typeset = self.typeset(source, name)?;
                match pdf.contents_heading {
                    Some(heading) => pdf::contents::tag_contents(
                        typeset,
                        pdf::contents::ContentsStart::AfterHeading(heading),
                    )?,
                    None => typeset,
                }
            }
            Format::Text if streamed => {
                let mut wrapped = text::WrapWriter::new(out, self.width);
                return template
                    .render_captured_to(view, &mut wrapped)
                    .map(drop)
                    .and_then(|()| wrapped.finish().map_err(write_failure))
                    .map_err(|e| template_error(&e));
            }
            Format::Markdown | Format::Html if streamed => {
                let mut trimmed = TrimEndWriter::new(out);
                return template
                    .render_captured_to(view, &mut trimmed)
                    .map(drop)
                    .and_then(|()| trimmed.finish().map_err(write_failure))
                    .map_err(|e| template_error(&e));
            }
            Format::Text | Format::Markdown | Format::Html => {
                let mut rendered = template.render(view).map_err(|e| template_error(&e))?;
                match format {
                    Format::Text => text::wrap_report(&rendered, self.width),
                    Format::Markdown => markdown::tidy_document(&rendered),
                    _ => {
                        // The same trimming as `TrimEndWriter`.
                        rendered.truncate(
                            rendered
                                .trim_end_matches(|c: char| c.is_ascii_whitespace())
                                .len(),
                        );
                        rendered.push('\n');
                        rendered
                    }
                }
                .into_bytes()
            }
        };
        out.write_all(&finished)
            .map_err(|e| template_error(&write_failure(e)))
    }

    /// [`Renderer::write_template`], kept in memory.
    fn render_template(
        &self,
        name: &str,
        view: Value,
        format: Format,
        limits: PdfDocument,
    ) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        let pdf = PdfSettings {
            limits,
            contents_heading: None,
        };
        self.write_template(name, view, format, pdf, false, &mut bytes)?;
        Ok(bytes)
    }
}

/// Passes text through except trailing whitespace, and ends it with one
/// newline: what `render_template` does to Markdown and HTML, as a writer.
struct TrimEndWriter<W: std::io::Write> {
    inner: W,
    /// Whitespace not yet known to be followed by anything else.
    pending: Vec<u8>,
}

impl<W: std::io::Write> TrimEndWriter<W> {
    fn new(inner: W) -> Self {
        TrimEndWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.inner.write_all(b"\n")?;
        self.inner.flush()
    }
}

impl<W: std::io::Write> std::io::Write for TrimEndWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match buf.iter().rposition(|b| !b.is_ascii_whitespace()) {
            None => self.pending.extend_from_slice(buf),
            Some(last) => {
                self.inner.write_all(&self.pending)?;
                self.pending.clear();
                self.inner.write_all(&buf[..=last])?;
                self.pending.extend_from_slice(&buf[last + 1..]);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// How a template prints a value: escaped for Typst in Typst templates
/// (Typst markup from the view, marked safe, is printed as it is; `none`
/// prints nothing), minijinja's way everywhere else.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    let typst =
        matches!(state.auto_escape(), minijinja::AutoEscape::Custom(name) if name == "typst");
    if !typst {
        return minijinja::escape_formatter(out, state, value);
    }
    let written = if value.is_safe() {
        write!(out, "{value}")
    } else if value.is_none() || value.is_undefined() {
        Ok(())
    } else {
        out.write_str(&pdf::markup::escape(&value.to_string()))
    };
    written.map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
}

/// `t("key", name=value, ...)` in a template: the label `key` in the
/// language of the view's `lang`, with its arguments.
fn label(
    catalogues: &labels::Catalogues,
    state: &State,
    key: &str,
    args: Kwargs,
) -> Result<Value, minijinja::Error> {
    let locale = view_locale(state);
    let locale = locale.as_str().unwrap_or(crate::locale::FALLBACK_LANGUAGE);
    let isolated = |text: Value| -> Value {
        if catalogues.isolates_labels(locale) {
            Value::from(format!("{LEFT_TO_RIGHT_ISOLATE}{text}{POP_ISOLATE}"))
        } else {
            text
        }
    };
    if args.args().next().is_none()
        && let Some(text) = catalogues.plain_label(locale, key)
    {
        return Ok(isolated(text));
    }
    let mut fluent = fluent_bundle::FluentArgs::new();
    for name in args.args() {
        let value: Value = args.get(name)?;
        let value = match (value.as_i64(), f64::try_from(value.clone())) {
            (Some(n), _) => fluent_bundle::FluentValue::from(n),
            (None, Ok(x)) if value.kind() == minijinja::value::ValueKind::Number => {
                fluent_bundle::FluentValue::from(x)
            }
            _ => fluent_bundle::FluentValue::from(value.to_string()),
        };
        fluent.set(name.to_owned(), value);
    }
    args.assert_all_used()?;
    catalogues
        .labels(locale)
        .format(key, Some(&fluent))
        .map(|text| isolated(Value::from(text)))
        .ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!(
                    "there is no label `{key}` in the catalogues (the built-in ones are templates/locales/*.ftl)"
                ),
            )
        })
}

/// `t_parts("page-of", "page", "pages")`: the label cut where its arguments
/// go, so a template can put code there (a CSS or Typst page counter):
/// a list of `{text: ...}` and `{arg: "page"}`.
fn label_parts(
    catalogues: &labels::Catalogues,
    state: &State,
    key: &str,
    names: &[String],
) -> Result<Vec<Value>, minijinja::Error> {
    const MARK: char = '\u{E000}';
    let mut fluent = fluent_bundle::FluentArgs::new();
    for name in names {
        fluent.set(name.clone(), format!("{MARK}{name}{MARK}"));
    }
    let text = catalogues
        .labels(
            view_locale(state)
                .as_str()
                .unwrap_or(crate::locale::FALLBACK_LANGUAGE),
        )
        .format(key, Some(&fluent))
        .ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("there is no label `{key}` in the catalogues"),
            )
        })?;
    Ok(text
        .split(MARK)
        .enumerate()
        .filter(|(_, piece)| !piece.is_empty())
        .map(|(index, piece)| {
            let (text, arg) = if index % 2 == 1 {
                (Value::from(()), Value::from(piece))
            } else {
                (Value::from(piece), Value::from(()))
            };
            minijinja::context! { text, arg }
        })
        .collect())
}

/// The `colon` filter: a label followed by a colon as the locale writes it
/// ("Category:", French "Catégorie :"). Safe markup stays safe.
fn colon(
    catalogues: &labels::Catalogues,
    state: &State,
    value: Value,
) -> Result<Value, minijinja::Error> {
    const MARK: &str = labels::COLON_MARK;
    let locale = view_locale(state);
    let locale = locale.as_str().unwrap_or(crate::locale::FALLBACK_LANGUAGE);
    let pattern = catalogues
        .plain_label(locale, "colon")
        .map_or_else(|| format!("{MARK}:"), |pattern| pattern.to_string());
    // An isolated label takes its colon inside the isolate, where it
    // belongs; profile text (a list entry's title) is not isolated.
    let text = value.to_string();
    let isolate = catalogues.isolates_labels(locale) && text.contains(LEFT_TO_RIGHT_ISOLATE);
    let inner = if isolate {
        text.replace([LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE], "")
    } else {
        text
    };
    let (open, close) = if isolate {
        (LEFT_TO_RIGHT_ISOLATE.to_string(), POP_ISOLATE.to_string())
    } else {
        (String::new(), String::new())
    };
    // A title that ends a sentence ("Talk to a counsellor.") takes no colon.
    if ends_a_sentence(&inner) {
        return Ok(value);
    }
    if !value.is_safe() {
        return Ok(Value::from(format!(
            "{open}{}{close}",
            pattern.replacen(MARK, &inner, 1)
        )));
    }
    // Markup from the view stays markup; the catalogue's words around it
    // are data, escaped as any text is (a label never runs as code).
    let (before, after) = pattern.split_once(MARK).unwrap_or((&pattern, ""));
    Ok(Value::from_safe_string(format!(
        "{open}{}{inner}{}{close}",
        escaped(state, before),
        escaped(state, after)
    )))
}

/// Whether `text` (or the text in its markup, `<b>Go!</b>`) ends with a
/// full stop, a question or exclamation mark, an ellipsis or a colon.
fn ends_a_sentence(text: &str) -> bool {
    let mut text = text.trim_end();
    while text.ends_with('>')
        && let Some(tag) = text.rfind("</")
    {
        text = text[..tag].trim_end();
    }
    text.ends_with(['.', '!', '?', '…', ':', '。', '！', '？', '：'])
}

/// Unicode's left-to-right isolate and its end (UAX #9), around English
/// labels on a right-to-left page.
const LEFT_TO_RIGHT_ISOLATE: char = '\u{2066}';
const POP_ISOLATE: char = '\u{2069}';

/// `text` escaped for the template being rendered: Typst, HTML, or as it is.
fn escaped(state: &State, text: &str) -> String {
    match state.auto_escape() {
        minijinja::AutoEscape::Custom(name) if name == "typst" => pdf::markup::escape(text),
        minijinja::AutoEscape::Html => minijinja::HtmlEscape(text).to_string(),
        _ => text.to_owned(),
    }
}

/// The locale of the view being rendered (its `lang`, a string); English
/// when the view has none.
fn view_locale(state: &State) -> Value {
    state
        .lookup("lang")
        .filter(|lang| lang.as_str().is_some())
        .unwrap_or_else(|| Value::from(crate::locale::FALLBACK_LANGUAGE))
}

/// A failed write while rendering, in minijinja's terms.
/// What a PDF is held to and how it is tagged beyond what Typst does.
struct PdfSettings<'a> {
    limits: PdfDocument,
    /// A booklet's: the heading its contents follow, tagged as a `TOC`.
    contents_heading: Option<&'a str>,
}

fn write_failure(error: std::io::Error) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, error.to_string())
}

/// A template problem, naming the template file and line. A problem inside
/// an included, imported or extended template is named where it is, then
/// each template that led to it.
fn template_error(error: &minijinja::Error) -> Error {
    let mut chain = vec![error];
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        if let Some(inner) = inner.downcast_ref::<minijinja::Error>() {
            chain.push(inner);
        }
        cause = inner.source();
    }
    let innermost = chain.last().copied().unwrap_or(error);
    let detail = innermost
        .detail()
        .map(str::to_owned)
        .unwrap_or_else(|| innermost.kind().to_string());
    let mut message = format!("{}: {detail}", template_place(innermost));
    for outer in chain.iter().rev().skip(1) {
        if outer.name().is_some() {
            message.push_str(&format!(", from {}", template_place(outer)));
        }
    }
    Error::Template {
        message: format!(
            "{message}\nhint: fix the template, or remove it from the template folder to use the built-in one"
        ),
    }
}

/// `template `name`, line N`: where a template problem is.
fn template_place(error: &minijinja::Error) -> String {
    match error.name() {
        Some(name) => match error.line() {
            Some(line) => format!("template `{name}`, line {line}"),
            None => format!("template `{name}`"),
        },
        None => "a template".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_whitespace_is_trimmed_across_writes_and_one_newline_ends_the_file() {
        let mut written = Vec::new();
        let mut writer = TrimEndWriter::new(&mut written);
        for piece in ["<p>a</p>  ", "\n\n", "<p>b", "</p>\n", "  \n\n"] {
            std::io::Write::write_all(&mut writer, piece.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            "<p>a</p>  \n\n<p>b</p>\n"
        );
    }
}
