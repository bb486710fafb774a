//! The command line, as clap parses it. Nothing here does any work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "pathways",
    version,
    about = "Turn YAML career profiles into handouts and reports (PDF, HTML, Markdown, text), and check them for completeness.",
    after_help = "Start with: pathways render profiles/library-technicians.yaml -o library-technicians.html"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour messages: auto (when writing to a terminal), always, never.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto,
        global = true,
        display_order = 100
    )]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render one profile to PDF, HTML, Markdown or plain text (a full report or a handout).
    Render(RenderArgs),
    /// Check profiles for mistakes and completeness (for people and CI).
    Check(CheckArgs),
    /// Put two to four careers side by side: pay, education, outlook, skills, first steps.
    Compare(CompareArgs),
    /// Export whole folders of profiles to reports (PDF, HTML, Markdown, text), with an index and a booklet, in parallel.
    Export(ExportArgs),
    /// Turn legacy career pages (plain text from a website) into profiles.
    Import(ImportArgs),
    /// Start a new profile: every section stubbed, with guidance and TODOs to replace.
    New(NewArgs),
    /// Draft profiles from a public occupation database (O*NET) downloaded to a folder.
    Seed(SeedArgs),
    /// Print the JSON Schema of the profile format (for editors and validators).
    Schema(SchemaArgs),
    /// List the template sets, or write the built-in templates out as a starting point.
    Templates(TemplatesArgs),
    /// Show a profile (or a folder's index) in the browser, updated as you save.
    Preview(PreviewArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the manual page, or write one per subcommand into a folder.
    Man(ManArgs),
    /// Typeset Typst from standard input into PDF, within limits (used by
    /// pathways itself for a template folder's Typst).
    #[command(name = "__typeset", hide = true)]
    Typeset(TypesetArgs),
}

#[derive(Debug, Args)]
pub struct TypesetArgs {
    /// The template that made the Typst, for messages.
    pub template: String,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// A profile (.yaml), or a folder of profiles to show as an index.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// The port to listen on; the next free one if it is taken.
    #[arg(long, value_name = "N", default_value_t = 4000)]
    pub port: u16,

    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,

    /// Listen on this address instead of this computer only (127.0.0.1 and ::1).
    /// Anyone who can reach the address can then read your profiles.
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,

    #[command(flatten)]
    pub look: TemplateArgs,

    /// A policy file (see `pathways check`): its errors show instead of the page.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write pathways.1 and a page per subcommand (pathways-render.1, ...) into DIR.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// Also list the templates of this folder.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Write the built-in templates into DIR (existing files are kept), to edit and use with --templates DIR.
    #[arg(long, value_name = "DIR")]
    pub dump: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Profile files, folders (searched for .yaml/.yml files) or patterns.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The folder to write reports into (made if it does not exist). Files there that are not being replaced are left alone.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Formats to write, comma-separated or repeated: markdown, html, text, pdf. Default: markdown, html and text.
    #[arg(short, long, value_enum, value_delimiter = ',')]
    pub format: Vec<FormatArg>,

    /// Profiles to work on at once; default: the number of processor cores.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,

    #[command(flatten)]
    pub look: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,

    /// A policy file (see `pathways check`); profiles with errors under it are skipped.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// Do not write index.html / index.md / index.txt / index.pdf.
    #[arg(long)]
    pub no_index: bool,

    /// Show each career's completeness score in the index (for staff; left
    /// out by default, as the index is for students and families).
    #[arg(long, conflicts_with = "no_index")]
    pub index_scores: bool,

    /// Also write a booklet of every exported career into the --out folder:
    /// FILE.html (one page to print) or FILE.pdf, with a cover, contents and
    /// each career on new pages (the handout of each with --template handout).
    #[arg(long, value_name = "FILE")]
    pub book: Option<PathBuf>,

    /// The booklet's title, on its cover.
    #[arg(long, value_name = "TEXT", requires = "book")]
    pub book_title: Option<String>,

    /// The web address the exported folder is published at
    /// (`https://careers.example.org/`): HTML pages then name the same
    /// career in other languages for search engines (`<link rel="alternate"
    /// hreflang>`), which takes full addresses.
    #[arg(long, value_name = "URL", value_parser = site_url)]
    pub site_url: Option<String>,

    /// Print nothing but problems.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,

    /// List each profile's warnings (the summary counts them).
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The page(s) to import (text files), or `-` for standard input.
    #[arg(required = true, value_name = "PAGE")]
    pub pages: Vec<PathBuf>,

    /// Write the profile to this file (it must not exist yet) instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out")]
    pub output: Option<PathBuf>,

    /// Write each page's profile into DIR as `<id>.yaml` (needed for several pages).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The profile's id (for one page); default: made from the page's title.
    #[arg(long)]
    pub id: Option<String>,

    /// Your office's own headings: a YAML file mapping each heading to a
    /// section id (`Salary Scale: salary`), added to the ones pathways knows.
    #[arg(long, value_name = "FILE")]
    pub headings: Option<PathBuf>,

    /// The profile's language and region (`es-MX`, `fr-CA`, `de`); default:
    /// told from the page's words and currency.
    #[arg(long, value_name = "TAG")]
    pub locale: Option<String>,
}

#[derive(Debug, Args)]
pub struct SeedArgs {
    #[command(subcommand)]
    pub database: SeedDatabase,
}

#[derive(Debug, Subcommand)]
pub enum SeedDatabase {
    /// From the O*NET database in text format (onetcenter.org/database.html), unzipped.
    Onet(SeedOnetArgs),
    /// From the ESCO classification's CSV download (esco.ec.europa.eu), one file per language.
    Esco(SeedEscoArgs),
}

#[derive(Debug, Args)]
pub struct SeedEscoArgs {
    /// The folder of the ESCO download, holding `occupations_en.csv` and the other languages'.
    #[arg(long, value_name = "DIR")]
    pub db: PathBuf,

    /// The occupations' concept URIs, e.g. http://data.europa.eu/esco/occupation/37b15470-3b2d-4ae0-816c-c7c06ed15c99.
    #[arg(value_name = "CONCEPT", required_unless_present = "search")]
    pub concepts: Vec<String>,

    /// List the occupations whose labels hold all these words, with their URIs.
    #[arg(long, value_name = "WORDS", conflicts_with = "concepts")]
    pub search: Option<String>,

    /// The profile's language, then the languages to write translations in
    /// (`en,fr`): each an `occupations_<language>.csv` in the folder.
    #[arg(
        long,
        value_name = "LANGUAGES",
        value_delimiter = ',',
        default_value = "en"
    )]
    pub lang: Vec<String>,

    /// Write each profile (and its translations) into DIR (needed for several, or for translations).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Replace files already in DIR (by default they are left as they are).
    #[arg(long)]
    pub force: bool,

    /// Add to this profile only what it lacks (other titles, codes, facts,
    /// empty sections), listing each addition; nothing it has is changed.
    #[arg(long, value_name = "PROFILE", conflicts_with_all = ["search", "out", "force"])]
    pub merge: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SeedOnetArgs {
    /// The folder of the O*NET download, e.g. `db_30_0_text`.
    #[arg(long, value_name = "DIR")]
    pub db: PathBuf,

    /// The occupations' O*NET-SOC codes, e.g. 25-4031.00.
    #[arg(value_name = "CODE", required_unless_present_any = ["all", "search"])]
    pub codes: Vec<String>,

    /// Every occupation in the database (needs --out).
    #[arg(long, conflicts_with = "codes")]
    pub all: bool,

    /// List the occupations whose title or other titles hold all these words, with their codes.
    #[arg(long, value_name = "WORDS", conflicts_with_all = ["codes", "all"])]
    pub search: Option<String>,

    /// Write each profile into DIR as `<id>.yaml` (needed for several codes).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Replace profiles already in DIR (by default they are left as they are).
    #[arg(long)]
    pub force: bool,

    /// Your office's name, for O*NET's credit line ("NAME has modified all
    /// or some of this information").
    #[arg(long, value_name = "NAME")]
    pub office: Option<String>,

    /// Add to this profile only what it lacks (other titles, codes, facts,
    /// empty sections), listing each addition; nothing it has is changed.
    #[arg(long, value_name = "PROFILE", conflicts_with_all = ["all", "search", "out", "force"])]
    pub merge: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schema to this file (replaced whole) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The schema of translation files (`<id>.<language>.yaml`) instead of profiles.
    #[arg(long)]
    pub translation: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new profile's id: lower-case words joined by hyphens, e.g. `school-librarians`.
    #[arg(required_unless_present = "translate")]
    pub id: Option<String>,

    /// The career's name, e.g. "School Librarians".
    #[arg(long, required_unless_present = "translate")]
    pub title: Option<String>,

    /// Write the profile to this file (it must not exist yet) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Start a translation of this profile instead: every text field to fill
    /// in, under the base text. Written beside it as `<name>.<LANG>.yaml` unless -o says where.
    #[arg(long, value_name = "PROFILE", requires = "lang", conflicts_with_all = ["id", "title"])]
    pub translate: Option<PathBuf>,

    /// The language of the translation, a tag such as `es-MX` or `fr-CA`.
    #[arg(long, value_name = "LANG", requires = "translate")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Profile files, folders (searched for .yaml/.yml files) or patterns such as `profiles/*.yaml`.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A policy file; without it, `pathways-policy.yaml` in this folder if there is one, else the default policy.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// How to report: human (on standard error), or json, github, sarif, junit (on standard output).
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// Fail when a profile's completeness score (0-100) is below N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: Option<u8>,

    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// Name files in SARIF and JUnit reports relative to DIR; default: the
    /// repository (the nearest folder above with a `.git`), else this folder.
    #[arg(long, value_name = "DIR")]
    pub base: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Github,
    Sarif,
    Junit,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The profile to render (a .yaml file), or `-` to read standard input.
    pub profile: PathBuf,

    /// Output format. Without it, the -o file's extension decides (.md, .html, .txt, .pdf); else Markdown.
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write the report to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub look: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,

    /// Line width of plain-text reports.
    #[arg(long, value_name = "N", default_value_t = 80,
          value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,

    /// Render the profile's translation into this language: the file
    /// `<name>.<LANG>.yaml` beside it (`es-MX`). Without it, the profile's own language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two to four profiles (.yaml files), in the order of the columns.
    #[arg(required = true, value_name = "PROFILE")]
    pub profiles: Vec<PathBuf>,

    /// Output format. Without it, the -o file's extension decides (.md, .html, .txt, .pdf); else Markdown.
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write the comparison to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// A folder of templates: its `compare.*.j2` replace the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Paper size for PDF and printed HTML (landscape): a4 or letter. Default: the first profile's region.
    #[arg(long, value_enum, value_name = "SIZE", ignore_case = true)]
    pub page_size: Option<PageSizeArg>,

    /// Line width of a plain-text comparison (careers that do not fit side by side come one after another).
    #[arg(long, value_name = "N", default_value_t = 80,
          value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,

    /// Compare in this language: each career's translation `<name>.<LANG>.yaml`
    /// where it has one; a career without one is shown in its own language, and the comparison says so.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    #[command(flatten)]
    pub fonts: FontArgs,
}

/// Where PDF fonts come from, and whether a PDF must be accessible: shared
/// by the commands that make PDF.
#[derive(Debug, Clone, Default, Args)]
pub struct FontArgs {
    /// A folder of fonts (.ttf, .otf, .ttc) for PDF, searched before the system's; repeatable. Also PATHWAYS_FONT_PATH (folders separated by `:`).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,

    /// Make PDF with the fonts built into pathways (Noto Sans) and --font-path only, not the system's: the same bytes on every computer.
    #[arg(long)]
    pub no_system_fonts: bool,

    /// Refuse to make a PDF that cannot be accessible (PDF/UA): text no font shows (`missing-glyph`) is an error, not a warning.
    #[arg(long)]
    pub accessible_pdf: bool,
}

/// How reports look: shared by `render` and `export`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// A folder of templates that replace the built-in ones with the same file name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Which template set to use: `report` (the full profile, default), `handout` (a short printable summary), or one in --templates.
    #[arg(long, value_name = "NAME", default_value = "report")]
    pub template: String,

    /// Paper size for PDF and printed HTML: a4 or letter. Default: the profile's region (Letter in the US, Canada, Mexico, ...; A4 elsewhere).
    #[arg(long, value_enum, value_name = "SIZE", ignore_case = true)]
    pub page_size: Option<PageSizeArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PageSizeArg {
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    #[value(alias = "md")]
    Markdown,
    #[value(alias = "htm")]
    Html,
    #[value(alias = "txt")]
    Text,
    Pdf,
}

impl From<FormatArg> for pathways::render::Format {
    fn from(flag: FormatArg) -> Self {
        use pathways::render::Format;
        match flag {
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Text => Format::Text,
            FormatArg::Pdf => Format::Pdf,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--site-url`: an http or https address, ending in `/`.
fn site_url(value: &str) -> Result<String, String> {
    let lower = value.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let has_host = value
        .split("://")
        .nth(1)
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if !scheme_ok
        || !has_host
        || value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"<>".contains(c))
    {
        return Err(
            "give the address the folder is published at, starting with https:// (or http://)"
                .to_owned(),
        );
    }
    Ok(if value.ends_with('/') {
        value.to_owned()
    } else {
        format!("{value}/")
    })
}
