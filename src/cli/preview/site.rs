//! What `pathways preview` shows at each address, rendered from the files
//! as they are now: a report or handout page, the Markdown and plain-text
//! renderings, the index of a folder, or the errors that stop a page.

use std::path::{Path, PathBuf};

use pathways::error::Error;
use pathways::finding::{Finding, has_errors};
use pathways::load::{Input, LoadFailure, discover};
use pathways::render::{
    CareerIndex, Document, Format, IndexEntry, IndexSort, PageSize, Renderer, has_template,
    template_sets,
};
use pathways::report::{self, human};
use pathways::validate::{Policy, Scope, completeness, load_and_validate};

/// What `pathways preview` was asked to show, and how.
#[derive(Debug, Clone)]
pub struct Site {
    /// A profile, or a folder of them.
    pub target: PathBuf,
    pub templates: Option<PathBuf>,
    /// The template set of the main page (`report`, `handout`, ...).
    pub template: String,
    pub page_size: Option<PageSize>,
    pub policy: Option<PathBuf>,
}

/// One answer: a status and an HTML page.
pub struct Page {
    pub status: u16,
    pub html: String,
}

/// One way to see a profile, each a link on every page.
#[derive(Debug, Clone, PartialEq, Eq)]
enum View {
    /// A template set's HTML page: the set chosen with `--template`,
    /// `handout`, or a set of the `--templates` folder.
    Html(String),
    /// The chosen set in Markdown, shown as text.
    Markdown,
    /// The chosen set in plain text.
    Text,
}

impl View {
    /// What the tab says: the set's name (`Report`, `Handout`, `Brochure`),
    /// or the format.
    fn label(&self) -> String {
        match self {
            View::Html(set) => {
                let mut chars = set.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            }
            View::Markdown => "Markdown".to_owned(),
            View::Text => "Plain text".to_owned(),
        }
    }
}

impl Site {
    /// The page at `path` (the request's path, still percent-encoded), or
    /// `None` for an address that is not one of the pages: nothing is ever
    /// served from disk by its path.
    pub fn page(&self, path: &str) -> Option<Page> {
        if path == "/" {
            return Some(if self.target.is_dir() {
                self.index(None)
            } else {
                self.profile_page(&self.target, &self.main_view())
            });
        }
        let name = percent_decoded(path.strip_prefix('/')?)?;
        // The index links to itself, and to itself sorted, by the names
        // `export` writes them under.
        if self.target.is_dir() {
            if name == "index.html" {
                return Some(self.index(None));
            }
            if let Some(sort) = IndexSort::of_file_name(&name) {
                return Some(self.index(Some(sort)));
            }
        }
        // Longest suffix first: `.handout.html` also ends in `.html`.
        let mut views = self.views();
        views.sort_by_key(|view| std::cmp::Reverse(self.suffix(view).len()));
        let (stem, view) = views
            .into_iter()
            .find_map(|view| Some((name.strip_suffix(&self.suffix(&view))?, view)))?;
        // Only a profile of the preview is ever found: a name is compared
        // with theirs, never used as a path.
        if stem.is_empty() || stem.contains(['/', '\\']) {
            return None;
        }
        let file = self
            .profiles()
            .into_iter()
            .find(|file| file_stem(file) == stem)?;
        Some(self.profile_page(&file, &view))
    }

    fn main_view(&self) -> View {
        View::Html(self.template.clone())
    }

    /// Every way to see a profile, in the order of the tabs: the chosen
    /// set's HTML, every other template set's (the built-in ones and the
    /// `--templates` folder's, so an office's own set has its tab), then the
    /// chosen set's Markdown and plain text.
    fn views(&self) -> Vec<View> {
        let mut views = vec![self.main_view()];
        views.extend(
            template_sets(self.templates.as_deref())
                .into_iter()
                .filter(|set| {
                    *set != self.template
                        && has_template(self.templates.as_deref(), &format!("{set}.html.j2"))
                })
                .map(View::Html),
        );
        views.extend([View::Markdown, View::Text]);
        views
    }

    /// The address suffix: `/<name>.html` for the chosen set,
    /// `/<name>.<set>.html` for another, `/<name>.md.html`, `/<name>.txt.html`.
    fn suffix(&self, view: &View) -> String {
        match view {
            View::Html(set) if *set == self.template => ".html".to_owned(),
            View::Html(set) => format!(".{set}.html"),
            View::Markdown => ".md.html".to_owned(),
            View::Text => ".txt.html".to_owned(),
        }
    }

    /// The profile files shown: the one profile, or the folder's.
    fn profiles(&self) -> Vec<PathBuf> {
        if self.target.is_dir() {
            discover(std::slice::from_ref(&self.target)).files
        } else {
            vec![self.target.clone()]
        }
    }

    /// The state of every file a page is made from (each profile, template
    /// and the policy: its size and time of change), to tell whether a page
    /// made before is still current.
    pub fn fingerprint(&self) -> Fingerprint {
        let mut files = self.profiles();
        // A translation's page is also made from its base profile.
        files.extend(pathways::translate::base_of(&self.target).map(|(base, _)| base));
        if let Some(folder) = &self.templates {
            files.extend(walk(folder));
        }
        files.extend(self.policy.iter().cloned());
        if self.policy.is_none() {
            files.push(PathBuf::from(crate::cli::common::DEFAULT_POLICY_FILE));
        }
        Fingerprint(
            files
                .into_iter()
                .map(|file| {
                    let meta = std::fs::metadata(&file).ok();
                    let state = meta.map(|m| (m.len(), m.modified().ok()));
                    (file, state)
                })
                .collect(),
        )
    }

    /// Every file whose change shows on a page: what to watch.
    pub fn watched(&self) -> Vec<PathBuf> {
        let mut paths = vec![self.target.clone()];
        paths.extend(pathways::translate::base_of(&self.target).map(|(base, _)| base));
        paths.extend(self.templates.iter().cloned());
        paths.extend(self.policy.iter().cloned());
        paths
    }

    fn policy(&self, renderer: &Renderer) -> Result<Policy, Error> {
        let mut policy = crate::cli::common::load_policy(self.policy.as_deref())?;
        policy.languages = renderer.languages();
        Ok(policy)
    }

    fn renderer(&self, template: &str, format: Format) -> Result<Renderer, Error> {
        Ok(crate::cli::common::renderer(self.templates.as_deref())?
            .with_template(template, &[format])?
            .with_page_size(self.page_size))
    }

    fn profile_page(&self, file: &Path, view: &View) -> Page {
        let stem = file_stem(file);
        let (template, format) = match view {
            View::Html(set) => (set.as_str(), Format::Html),
            View::Markdown => (self.template.as_str(), Format::Markdown),
            View::Text => (self.template.as_str(), Format::Text),
        };
        let nav = self.nav(&stem, view);
        let renderer = match self.renderer(template, format) {
            Ok(renderer) => renderer,
            Err(error) => return stopped(&nav, &file.display().to_string(), &error.to_string()),
        };
        let policy = match self.policy(&renderer) {
            Ok(policy) => policy,
            Err(error) => {
                return stopped(&nav, &file.display().to_string(), &settings_error(&error));
            }
        };
        let (document, findings) =
            match load_and_validate(&Input::File(file.to_path_buf()), &policy, Scope::All) {
                Ok(validated) => (validated.document, validated.findings),
                Err(LoadFailure::Unreadable(error)) => {
                    return stopped(&nav, &file.display().to_string(), &error.to_string());
                }
                Err(LoadFailure::Invalid { finding, source }) => {
                    let text = source.map(|s| s.text).unwrap_or_default();
                    return stopped(
                        &nav,
                        &file.display().to_string(),
                        &findings_text(std::slice::from_ref(&*finding), &text),
                    );
                }
            };
        if has_errors(&findings) {
            return stopped(
                &nav,
                &document.source.name,
                &findings_text(&findings, &document.source.text),
            );
        }
        let rendered = match renderer.render(&document.profile, format) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(error) => return stopped(&nav, &document.source.name, &error.to_string()),
        };
        let warnings =
            (!findings.is_empty()).then(|| findings_text(&findings, &document.source.text));
        let nav = self.with_languages(nav, file, &document, view);
        let page = match format {
            Format::Html => rendered,
            _ => plain_page(&document.profile.title, &view.label(), &rendered),
        };
        Page {
            status: 200,
            html: inject(&page, &nav, warnings.as_deref()),
        }
    }

    /// The folder's index, as `export` writes it (sorted by `sort`, when
    /// given), linking each profile's page.
    fn index(&self, sort: Option<IndexSort>) -> Page {
        let nav = "<nav class=\"pathways-preview\" aria-label=\"Preview\"><strong>pathways preview</strong></nav>".to_owned();
        let renderer = match crate::cli::common::renderer(self.templates.as_deref()) {
            Ok(renderer) => renderer.with_page_size(self.page_size),
            Err(error) => {
                return stopped(&nav, &self.target.display().to_string(), &error.to_string());
            }
        };
        let policy = match self.policy(&renderer) {
            Ok(policy) => policy,
            Err(error) => {
                return stopped(
                    &nav,
                    &self.target.display().to_string(),
                    &settings_error(&error),
                );
            }
        };
        let mut entries = Vec::new();
        let mut problems = String::new();
        for file in self.profiles() {
            match load_and_validate(&Input::File(file.clone()), &policy, Scope::All) {
                Ok(validated) => {
                    let document = &validated.document;
                    if validated.has_errors() {
                        problems
                            .push_str(&findings_text(&validated.findings, &document.source.text));
                    }
                    let profile = &document.profile;
                    // Addressed by file name, which is the id in a tidy
                    // folder, made safe for a link (`Nurse%20Aide`).
                    entries.push(
                        IndexEntry::new(
                            &percent_encoded(&file_stem(&file)),
                            &profile.title,
                            profile.category.as_deref(),
                            profile.career_type.as_deref(),
                            completeness(profile, &policy),
                            profile.locale(),
                        )
                        .with_facts_of(profile),
                    );
                }
                Err(LoadFailure::Unreadable(error)) => {
                    problems.push_str(&format!("error: {error}\n"));
                }
                Err(LoadFailure::Invalid { finding, source }) => {
                    let text = source.map(|s| s.text).unwrap_or_default();
                    problems.push_str(&findings_text(std::slice::from_ref(&*finding), &text));
                }
            }
        }
        let mut html = Vec::new();
        let index = CareerIndex::new(entries).with_scores(true);
        let index = match sort {
            Some(sort) => index.sorted_by(sort),
            None => index,
        };
        if let Err(error) =
            renderer.render_document(&Document::Index(&index), Format::Html, &mut html)
        {
            return stopped(&nav, &self.target.display().to_string(), &error.to_string());
        }
        let problems = (!problems.is_empty()).then_some(problems);
        Page {
            status: 200,
            html: inject(&String::from_utf8_lossy(&html), &nav, problems.as_deref()),
        }
    }

    /// The links between the views of one profile.
    /// `nav` with a link to the same career in each of its other languages
    /// (its base profile and the translations beside it), in the same view.
    fn with_languages(
        &self,
        mut nav: String,
        file: &Path,
        document: &pathways::load::Document,
        view: &View,
    ) -> String {
        let (base, base_language) = match &document.translation {
            Some(translation) => match pathways::translate::base_of(file) {
                Some((base, _)) => (base, translation.base_language.clone()),
                None => return nav,
            },
            None => (file.to_path_buf(), document.profile.locale().to_owned()),
        };
        let mut languages = vec![(base.clone(), base_language)];
        languages.extend(pathways::translate::translations_of(&base));
        if languages.len() < 2 {
            return nav;
        }
        let links: Vec<String> = languages
            .iter()
            .map(|(path, language)| {
                let name = escape(&pathways::locale::autonym(language));
                if path == file {
                    format!(
                        "<span aria-current=\"true\" lang=\"{}\">{name}</span>",
                        escape(language)
                    )
                } else {
                    format!(
                        "<a href=\"/{}{}\" hreflang=\"{lang}\" lang=\"{lang}\">{name}</a>",
                        escape(&percent_encoded(&file_stem(path))),
                        escape(&percent_encoded(&self.suffix(view))),
                        lang = escape(language),
                    )
                }
            })
            .collect();
        if nav.ends_with("</nav>") {
            nav.truncate(nav.len() - "</nav>".len());
            nav.push_str(&format!(" · Language: {}</nav>", links.join(" ")));
        }
        nav
    }

    fn nav(&self, stem: &str, current: &View) -> String {
        let mut nav = String::from(
            "<nav class=\"pathways-preview\" aria-label=\"Preview\"><strong>pathways preview</strong>",
        );
        if self.target.is_dir() {
            nav.push_str(" <a href=\"/\">All careers</a>");
        }
        for view in self.views() {
            if view == *current {
                nav.push_str(&format!(
                    " <span aria-current=\"page\">{}</span>",
                    escape(&view.label())
                ));
            } else {
                nav.push_str(&format!(
                    " <a href=\"/{}{}\">{}</a>",
                    escape(&percent_encoded(stem)),
                    escape(&percent_encoded(&self.suffix(&view))),
                    escape(&view.label())
                ));
            }
        }
        nav.push_str("</nav>");
        nav
    }
}

/// The files a page was made from, each with its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(Vec<(PathBuf, Option<FileState>)>);

/// A file's size and time of change (`None` in a [`Fingerprint`]: not there).
type FileState = (u64, Option<std::time::SystemTime>);

/// Every file in `folder` and the folders in it (a template folder is small).
fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            // A link is taken as a file (followed, it could loop).
            let path = entry.path();
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `name` for a link's path: letters, digits and `-._~` as they are, every
/// other byte of its UTF-8 as `%XX`.
fn percent_encoded(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A request path's `%XX` sequences decoded; `None` when they do not make UTF-8.
fn percent_decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file name without `.yaml`: how the preview addresses a profile.
fn file_stem(file: &Path) -> String {
    file.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Findings as the terminal shows them (without colour).
fn findings_text(findings: &[Finding], text: &str) -> String {
    let lines = report::source_lines(text, findings, None);
    human::render(findings, &lines, false)
}

/// A settings file that cannot be used, with its finding when it has one.
fn settings_error(error: &Error) -> String {
    match error {
        Error::UnusableSettings { finding, text, .. } => {
            format!(
                "{}error: {error}",
                findings_text(std::slice::from_ref(&**finding), text)
            )
        }
        _ => format!("error: {error}"),
    }
}

/// The page shown instead of a report that cannot be made: what stops it,
/// as the terminal would say it. It reloads itself like any other page.
fn stopped(nav: &str, name: &str, problem: &str) -> Page {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Problems in {name} – pathways preview</title>\n</head>\n<body>\n<main class=\"pathways-problems\">\n<h1>{short} cannot be shown yet</h1>\n<p>Fix what is listed below in <code>{name}</code> and save: the page comes back by itself.</p>\n<pre>{problem}</pre>\n</main>\n</body>\n</html>\n",
        name = escape(name),
        short = escape(
            Path::new(name)
                .file_name()
                .map_or(name.into(), |file| file.to_string_lossy())
                .as_ref()
        ),
        problem = escape(problem),
    );
    Page {
        status: 200,
        html: inject(&page, nav, None),
    }
}

/// The Markdown or plain-text rendering, shown as it is.
fn plain_page(title: &str, kind: &str, text: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} ({kind}) – pathways preview</title>\n</head>\n<body>\n<main>\n<h1 class=\"pathways-plain\">{title} ({kind})</h1>\n<pre class=\"pathways-plain\">{text}</pre>\n</main>\n</body>\n</html>\n",
        title = escape(title),
        kind = kind,
        text = escape(text),
    )
}

/// The preview's own bar, warnings and live-reload script, put into a page.
/// Only preview pages carry them; `render` and `export` never do.
fn inject(page: &str, nav: &str, warnings: Option<&str>) -> String {
    let mut top = nav.to_owned();
    if let Some(warnings) = warnings {
        top.push_str(&format!(
            "<div class=\"pathways-warnings\" role=\"status\"><button type=\"button\" onclick=\"this.parentElement.remove()\">Dismiss</button><pre>{}</pre></div>",
            escape(warnings)
        ));
    }
    // The body is looked for after the head: the stylesheet may name
    // `<body>` in a comment.
    let head_end = page.find("</head>");
    let body_start = head_end.and_then(|head| {
        let at = head + page[head..].find("<body")?;
        Some(at + page[at..].find('>')? + 1)
    });
    let body_end = page.rfind("</body>");
    match (head_end, body_start, body_end) {
        // The style in the head, the bar first in the body, the script last.
        (Some(head), Some(start), Some(end)) if start <= end => format!(
            "{}{STYLE}\n{}\n{top}{}{SCRIPT}\n{}",
            &page[..head],
            &page[head..start],
            &page[start..end],
            &page[end..]
        ),
        // A template without a head and body: the page as it is, with the bar first.
        _ => format!("{STYLE}{top}{page}{SCRIPT}"),
    }
}

/// Text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "<style>\
.pathways-preview{font:14px system-ui,sans-serif;display:flex;gap:1em;flex-wrap:wrap;align-items:center;padding:.5em 1em;background:#1d4f6e;color:#fff}\
.pathways-preview a{color:#fff}\
.pathways-preview [aria-current]{font-weight:bold;text-decoration:underline}\
.pathways-warnings{font:13px system-ui,sans-serif;background:#fff4ce;color:#3b2f00;padding:.5em 1em;border-bottom:1px solid #c9a400}\
.pathways-warnings pre,.pathways-problems pre{white-space:pre-wrap;overflow-wrap:anywhere}\
.pathways-warnings button{float:right}\
.pathways-problems{max-width:60rem;margin:1em auto;padding:0 1em;font:15px system-ui,sans-serif}\
.pathways-plain{white-space:pre-wrap;max-width:60rem;margin:1em auto;padding:0 1em}\
@media print{.pathways-preview,.pathways-warnings{display:none}}\
</style>";

/// Brings the page up to date when a watched file changes: fetches it again
/// and swaps the new head and body in, so the scroll position stays and a
/// burst of changes makes one request at a time. Scripts in the swapped-in
/// body are inert; this one keeps listening.
const SCRIPT: &str = "<script>\
(() => {\
let busy = false, again = false;\
async function refresh() {\
if (busy) { again = true; return; }\
busy = true;\
try {\
do {\
again = false;\
const response = await fetch(location.href, { cache: 'no-store' });\
const next = new DOMParser().parseFromString(await response.text(), 'text/html');\
document.title = next.title;\
document.head.replaceWith(next.head);\
document.body.replaceWith(next.body);\
} while (again);\
} catch (error) {\
} finally { busy = false; }\
}\
new EventSource('/_pathways/events').addEventListener('reload', refresh);\
})();\
</script>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_addressed_percent_encoded() {
        for name in ["Nurse Aide", "UPPER", "école", "a%b", "x&y"] {
            let encoded = percent_encoded(name);
            assert!(
                encoded.bytes().all(|b| b.is_ascii_graphic() && b != b'&'),
                "{encoded}"
            );
            assert_eq!(percent_decoded(&encoded).as_deref(), Some(name));
        }
        assert_eq!(percent_decoded("%C3%A9cole").as_deref(), Some("école"));
        assert_eq!(percent_decoded("%ZZ"), None);
        assert_eq!(percent_decoded("%FF"), None, "not UTF-8");
    }

    #[test]
    fn the_style_goes_in_the_head_and_the_bar_and_script_in_the_body() {
        let page = inject(
            "<html><head><title>t</title><style>/* <body> */</style></head><body class=\"x\"><p>a</p></body></html>",
            "<nav></nav>",
            Some("<b>"),
        );
        assert!(page.starts_with("<html><head><title>t</title><style>/* <body> */</style><style>"));
        assert!(page.contains("</style>\n</head><body class=\"x\">\n<nav></nav>"));
        assert!(page.contains("<pre>&lt;b&gt;</pre>"));
        assert!(page.ends_with("</script>\n</body></html>"));
    }
}
