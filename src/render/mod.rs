//! RENDER: a profile → Markdown, HTML or plain text, through minijinja templates.
//!
//! Pure apart from reading a user's template folder: the view is built from
//! the profile, the template for the format turns it into text.

mod markdown;
mod money;
mod templates;
mod text;
mod view;

use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior};

pub use markdown::link_urls;
pub use money::format_money;
pub use templates::BUILT_IN as BUILT_IN_TEMPLATES;
pub use view::{IndexEntry, View};

use crate::error::Error;
use crate::profile::Profile;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Text,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];

    /// The format a file name asks for: `.md`, `.html`/`.htm`, `.txt`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
        }
    }

    fn template(self) -> &'static str {
        match self {
            Format::Markdown => "report.md.j2",
            Format::Html => "report.html.j2",
            Format::Text => "report.txt.j2",
        }
    }

    fn index_template(self) -> &'static str {
        match self {
            Format::Markdown => "index.md.j2",
            Format::Html => "index.html.j2",
            Format::Text => "index.txt.j2",
        }
    }

    /// The format's name for people: Markdown, HTML, plain text.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Text => "plain text",
        }
    }
}

/// Default width of plain-text reports.
pub const DEFAULT_WIDTH: usize = 80;

/// Template work allowed per report: the seed uses well under a tenth of it;
/// a runaway loop in a user's template stops here instead of hanging.
const TEMPLATE_FUEL: u64 = 5_000_000;

/// Compiled templates, ready to render any number of profiles.
pub struct Renderer {
    env: Environment<'static>,
    width: usize,
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
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_debug(true);
        env.set_fuel(Some(TEMPLATE_FUEL));
        env.set_recursion_limit(100);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .map_err(|e| template_error(&e))?,
        );
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
        Ok(Renderer {
            env,
            width: DEFAULT_WIDTH,
        })
    }

    /// Width of plain-text reports, in columns.
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width;
        self
    }

    /// Render one profile in one format.
    pub fn render(&self, profile: &Profile, format: Format) -> Result<String, Error> {
        let view = view::build(profile, format);
        self.render_template(format.template(), &view, format)
    }

    /// Render one profile in several formats, parsing each Markdown field once.
    pub fn render_all(&self, profile: &Profile, formats: &[Format]) -> Result<Vec<String>, Error> {
        view::build_all(profile, formats)
            .iter()
            .zip(formats)
            .map(|(view, &format)| self.render_template(format.template(), view, format))
            .collect()
    }

    /// Render the index of an export: every career, sorted by title, linked to its report.
    pub fn render_index(&self, careers: &[IndexEntry], format: Format) -> Result<String, Error> {
        let view = view::build_index(careers, format);
        self.render_template(format.index_template(), &view, format)
    }

    fn render_template<T: serde::Serialize>(
        &self,
        name: &str,
        view: &T,
        format: Format,
    ) -> Result<String, Error> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(&e))?;
        let context = minijinja::Value::from(minijinja::value::Serde(view));
        let rendered = template.render(context).map_err(|e| template_error(&e))?;
        Ok(match format {
            Format::Text => text::wrap_report(&rendered, self.width),
            Format::Markdown | Format::Html => {
                let mut out = rendered.trim_end().to_owned();
                out.push('\n');
                out
            }
        })
    }
}

/// A template problem, naming the template file and line.
fn template_error(error: &minijinja::Error) -> Error {
    let place = match (error.name(), error.line()) {
        (Some(name), Some(line)) => format!("template `{name}`, line {line}"),
        (Some(name), None) => format!("template `{name}`"),
        _ => "a template".to_owned(),
    };
    let detail = error
        .detail()
        .map(str::to_owned)
        .unwrap_or_else(|| error.kind().to_string());
    Error::Template {
        message: format!(
            "{place}: {detail}\nhint: fix the template, or remove it from the template folder to use the built-in one"
        ),
    }
}
