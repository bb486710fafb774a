//! The view templates receive: headings, formatted money and text already
//! rendered for the output format (safe HTML, CommonMark, or plain lines).
//!
//! Templates never see the raw model, so a template cannot forget to escape a
//! field or format a salary.

use std::cell::RefCell;

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::markdown;
use super::money::format_money;
use super::text;
use super::{Format, PageSize};
use crate::profile::{
    Group, Item, PayPeriod, Profile, Prose, RemoteLevel, SalarySection, SectionContent,
};

#[derive(Debug)]
pub(super) struct View {
    pub id: String,
    pub title: Value,
    /// BCP 47 tag for `<html lang>`.
    pub lang: String,
    pub category: Option<Value>,
    pub career_type: Option<Value>,
    pub updated: Option<String>,
    /// [`SummaryView`]s.
    pub summary: Value,
    /// [`SectionView`]s, in catalogue order, then the extra sections.
    pub sections: Value,
    /// [`SourceView`]s.
    pub sources: Value,
    pub generator: String,
    /// The CSS `@page` size: `A4` or `letter`.
    pub page_size: &'static str,
    /// The title as a CSS string (quotes included), for running page headers.
    pub title_css: String,
    /// One or two plain sentences saying what the career is, for search
    /// engines and link previews (`<meta name="description">`).
    pub description: String,
    /// A [`HandoutView`] for short template sets (none for the full report).
    pub handout: Option<Value>,
}

/// What a handout shows, chosen once for every format: each block is there
/// only when its source has text, so no format prints an empty heading.
#[derive(Debug)]
pub(super) struct HandoutView {
    /// The overview's first paragraph: what the job is, for a profile
    /// without a summary.
    pub overview: Option<Value>,
    /// A [`HandoutSalaryView`].
    pub salary: Option<Value>,
    /// [`FactView`]s: the first paragraph of education and outlook.
    pub facts: Value,
    /// Up to six skills, by title or text.
    pub skills: Value,
    /// [`ItemView`]s: each first step's title and first sentence.
    pub steps: Value,
    /// Related careers, by title or text.
    pub related: Value,
    pub steps_heading: Value,
    pub related_heading: Value,
}

#[derive(Debug)]
pub(super) struct HandoutSalaryView {
    pub heading: Value,
    /// A [`SalaryView`], when the profile gives figures.
    pub figures: Option<Value>,
    /// The salary section's first paragraph, when it gives no figures.
    pub prose: Option<Value>,
}

#[derive(Debug)]
pub(super) struct FactView {
    pub anchor: String,
    pub heading: Value,
    pub text: Value,
}

#[derive(Debug)]
pub(super) struct SummaryView {
    pub heading: Value,
    pub text: Value,
}

#[derive(Debug)]
pub(super) struct SectionView {
    pub id: String,
    /// Fragment id for links from the table of contents.
    pub anchor: String,
    pub heading: Value,
    /// Whether the items are steps in order (numbered) rather than a set (bulleted).
    pub ordered: bool,
    pub intro: Option<Value>,
    /// [`ItemView`]s.
    pub items: Value,
    /// [`GroupView`]s.
    pub groups: Value,
    pub outro: Option<Value>,
    /// A [`SalaryView`], in the salary section only.
    pub salary: Option<Value>,
    pub remote_level: Option<&'static str>,
    /// [`MisconceptionView`]s.
    pub misconceptions: Value,
}

#[derive(Debug)]
pub(super) struct ItemView {
    /// `- ` in a bulleted list, `1. `, `2. `… in a numbered one. In Markdown
    /// and plain text, later lines of `text` are indented to go under it.
    pub marker: String,
    pub title: Option<Value>,
    pub text: Value,
}

#[derive(Debug)]
pub(super) struct GroupView {
    pub heading: Value,
    pub intro: Option<Value>,
    /// [`ItemView`]s.
    pub items: Value,
    pub outro: Option<Value>,
}

#[derive(Debug)]
pub(super) struct SalaryView {
    pub currency: String,
    /// "per year", "per month", "per hour".
    pub period: &'static str,
    pub average: Option<String>,
    /// [`SalaryRangeView`]s.
    pub ranges: Value,
}

#[derive(Debug)]
pub(super) struct SalaryRangeView {
    /// "Entry level", "Mid-career", "Senior", or the profile's own label.
    pub stage: Value,
    pub min: String,
    pub max: String,
}

#[derive(Debug)]
pub(super) struct MisconceptionView {
    pub myth: Value,
    pub reality: Value,
}

#[derive(Debug)]
pub(super) struct SourceView {
    pub title: Value,
    pub url: Option<String>,
}

/// A list of view structs, as templates see it.
fn list<T: Object + 'static>(items: impl IntoIterator<Item = T>) -> Value {
    Value::from(
        items
            .into_iter()
            .map(Value::from_object)
            .collect::<Vec<_>>(),
    )
}

/// A view field as a template value. `None` is Jinja's `none`, so a
/// template can test any field, even one a profile leaves out.
trait ToValue {
    fn to_value(&self) -> Value;
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::from(self.as_str())
    }
}

impl ToValue for &'static str {
    fn to_value(&self) -> Value {
        Value::from(*self)
    }
}

impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::from(*self)
    }
}

impl ToValue for u8 {
    fn to_value(&self) -> Value {
        Value::from(*self)
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::from(()), ToValue::to_value)
    }
}

/// Templates read a view struct's fields by name (`section.heading`). Each
/// struct is handed over as it is: nothing is copied into template values.
macro_rules! template_object {
    ($($view:ident { $($field:ident),* $(,)? })*) => {$(
        impl Object for $view {
            fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
                match key.as_str()? {
                    $(stringify!($field) => Some(self.$field.to_value()),)*
                    _ => None,
                }
            }

            fn enumerate(self: &Arc<Self>) -> Enumerator {
                Enumerator::Str(&[$(stringify!($field)),*])
            }
        }
    )*};
}

template_object! {
    View { id, title, lang, category, career_type, updated, summary, sections, sources, generator, page_size, title_css, description, handout }
    HandoutView { overview, salary, facts, skills, steps, related, steps_heading, related_heading }
    HandoutSalaryView { heading, figures, prose }
    FactView { anchor, heading, text }
    SummaryView { heading, text }
    SectionView { id, anchor, heading, ordered, intro, items, groups, outro, salary, remote_level, misconceptions }
    ItemView { marker, title, text }
    GroupView { heading, intro, items, outro }
    SalaryView { currency, period, average, ranges }
    SalaryRangeView { stage, min, max }
    MisconceptionView { myth, reality }
    SourceView { title, url }
    IndexView { generator, description, careers }
    IndexEntryView { title, category, score, href }
}

/// Sections whose items are steps taken in order.
const ORDERED_SECTIONS: [&str; 2] = ["career_path", "getting_started"];

/// What a view holds besides the report's own fields.
#[derive(Debug, Clone, Copy)]
pub(super) struct Extras {
    pub page_size: PageSize,
    /// Whether to choose the handout's blocks ([`HandoutView`]).
    pub handout: bool,
}

/// Build the view of `profile` for `format`.
pub(super) fn build(profile: &Profile, format: Format, extras: Extras) -> View {
    let cache = FieldCache::new(&[format]);
    build_with(profile, format, extras, &cache)
}

/// Build views of `profile` for several formats, parsing each Markdown field once.
pub(super) fn build_all(profile: &Profile, formats: &[Format], extras: Extras) -> Vec<View> {
    let cache = FieldCache::new(formats);
    formats
        .iter()
        .map(|&format| build_with(profile, format, extras, &cache))
        .collect()
}

/// `text` as a double-quoted CSS string: quotes and backslashes escaped,
/// line breaks and markup characters written as escapes, so the string can
/// never end early or close the `<style>` element.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '<' || c == '>' || c == '&' => {
                out.push_str(&format!("\\{:x} ", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Each Markdown field rendered into every format wanted, on first use.
///
/// The view of every format walks the profile in the same order, so the
/// n-th field one view asks for is the n-th field the others ask for: the
/// cache is a list in that order, each entry checked against the field's
/// address and length (which outlive the cache) before it is used.
struct FieldCache {
    formats: Vec<Format>,
    rendered: RefCell<Vec<RenderedField>>,
    /// For each format, how many fields its view has asked for so far.
    asked: RefCell<Vec<usize>>,
}

struct RenderedField {
    address: usize,
    len: usize,
    /// One per format of the cache, taken by the view of that format.
    renditions: Vec<Option<String>>,
}

impl FieldCache {
    fn new(formats: &[Format]) -> Self {
        FieldCache {
            formats: formats.to_vec(),
            rendered: RefCell::new(Vec::new()),
            asked: RefCell::new(vec![0; formats.len()]),
        }
    }

    fn get(&self, markdown: &str, format: Format) -> String {
        let Some(slot) = self.formats.iter().position(|f| *f == format) else {
            return markdown::render(markdown, format);
        };
        let position = {
            let mut asked = self.asked.borrow_mut();
            asked[slot] += 1;
            asked[slot] - 1
        };
        let (address, len) = (markdown.as_ptr() as usize, markdown.len());
        let mut rendered = self.rendered.borrow_mut();
        if position == rendered.len() {
            rendered.push(RenderedField {
                address,
                len,
                renditions: markdown::render_many(markdown, &self.formats)
                    .into_iter()
                    .map(Some)
                    .collect(),
            });
        }
        rendered
            .get_mut(position)
            .filter(|field| field.address == address && field.len == len)
            .and_then(|field| field.renditions[slot].take())
            // A view that strayed from the common order renders for itself.
            .unwrap_or_else(|| markdown::render(markdown, format))
    }
}

fn build_with(profile: &Profile, format: Format, extras: Extras, cache: &FieldCache) -> View {
    let r = Renditions { format, cache };
    let locale = profile.locale();
    let sections = profile
        .sections
        .in_order()
        .map(|(info, content)| r.section(info.id, info.heading, content, locale))
        .chain(profile.extra_sections.iter().map(|extra| {
            let mut view = r.prose_section(&extra.id, &extra.heading, extra.prose(), false);
            view.anchor = format!("extra-{}", anchor(&extra.id));
            view
        }));
    View {
        id: profile.id.clone(),
        title: r.plain(&profile.title),
        lang: locale.to_owned(),
        category: profile.category.as_deref().map(|c| r.plain(c)),
        career_type: profile.career_type.as_deref().map(|c| r.plain(c)),
        updated: profile.updated.clone(),
        summary: list(profile.summary.iter().map(|s| SummaryView {
            heading: r.plain(&s.heading),
            text: r.rich(&s.text),
        })),
        sections: list(sections),
        sources: list(profile.sources.iter().map(|s| SourceView {
            title: r.plain(&s.title),
            url: s.url.clone().filter(|u| crate::links::is_web_link(u)),
        })),
        generator: format!("pathways {}", env!("CARGO_PKG_VERSION")),
        page_size: extras.page_size.css(),
        title_css: css_string(&profile.title),
        description: description(profile),
        handout: extras
            .handout
            .then(|| Value::from_object(r.handout(profile, locale))),
    }
}

/// The longest description search engines show in full.
const DESCRIPTION_CHARS: usize = 160;

/// The first sentence of the overview (or else of the summary) as plain
/// text, within [`DESCRIPTION_CHARS`]; the title when there is neither.
fn description(profile: &Profile) -> String {
    let overview = profile
        .sections
        .overview
        .as_ref()
        .and_then(|o| o.intro.as_deref());
    let source = overview
        .into_iter()
        .chain(profile.summary.iter().map(|entry| entry.text.as_str()))
        .find(|text| !text.trim().is_empty());
    let Some(source) = source else {
        return format!("{}: a career profile.", profile.title);
    };
    let plain = markdown::render(source, Format::Text).replace('\n', " ");
    let sentence_end = plain
        .match_indices(". ")
        .map(|(at, _)| at + 1)
        .find(|&end| end >= 40)
        .unwrap_or(plain.len());
    let sentence = plain[..sentence_end].trim();
    if sentence.chars().count() <= DESCRIPTION_CHARS {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(DESCRIPTION_CHARS - 1).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |space| &cut[..space]);
    format!("{cut}…")
}

/// Renders strings for one output format.
struct Renditions<'c> {
    format: Format,
    cache: &'c FieldCache,
}

impl Renditions<'_> {
    /// A Markdown field: safe HTML, normalised CommonMark, or plain lines.
    fn rich(&self, markdown: &str) -> Value {
        let rendered = self.cache.get(markdown, self.format);
        match self.format {
            Format::Html => Value::from_safe_string(rendered),
            Format::Markdown | Format::Text => Value::from(rendered),
        }
    }

    /// Like `rich`, but a single paragraph is not wrapped in `<p>`, so it
    /// can follow a bold label on the same line (`<li><strong>Title:</strong> text`).
    fn rich_inline(&self, markdown: &str) -> Value {
        let mut rendered = self.cache.get(markdown, self.format);
        match self.format {
            Format::Html => {
                let single_paragraph = rendered
                    .strip_prefix("<p>")
                    .and_then(|rest| rest.strip_suffix("</p>"))
                    .is_some_and(|inner| !inner.contains("<p>"));
                if single_paragraph {
                    rendered.truncate(rendered.len() - "</p>".len());
                    rendered.drain(.."<p>".len());
                }
                Value::from_safe_string(rendered)
            }
            Format::Markdown | Format::Text => Value::from(rendered),
        }
    }

    /// A short label taken literally (titles, headings): HTML escapes it
    /// when printing; Markdown needs its special characters escaped here.
    fn plain(&self, text: &str) -> Value {
        let text = text.trim();
        match self.format {
            Format::Markdown => Value::from(markdown::escape_markdown(text)),
            Format::Html | Format::Text => Value::from(text),
        }
    }

    fn optional_rich(&self, markdown: Option<&str>) -> Option<Value> {
        markdown
            .filter(|m| !m.trim().is_empty())
            .map(|m| self.rich(m))
    }

    fn items(&self, items: &[Item], ordered: bool) -> Value {
        list(
            items
                .iter()
                .filter(|item| !item.is_empty())
                .enumerate()
                .map(|(index, item)| {
                    let marker = if ordered {
                        format!("{}. ", index + 1)
                    } else {
                        "- ".to_owned()
                    };
                    let text = self.rich_inline(&item.text);
                    ItemView {
                        title: item
                            .title
                            .as_deref()
                            .filter(|t| !t.trim().is_empty())
                            .map(|t| self.plain(t.trim().trim_end_matches(':'))),
                        text: match self.format {
                            Format::Html => text,
                            Format::Markdown | Format::Text => text::hang(text, marker.len()),
                        },
                        marker,
                    }
                }),
        )
    }

    fn groups(&self, groups: &[Group], ordered: bool) -> Value {
        list(
            groups
                .iter()
                .filter(|group| !group.is_empty())
                .map(|group| GroupView {
                    heading: self.plain(&group.heading),
                    intro: self.optional_rich(group.intro.as_deref()),
                    items: self.items(&group.items, ordered),
                    outro: self.optional_rich(group.outro.as_deref()),
                }),
        )
    }

    fn prose_section(&self, id: &str, heading: &str, prose: Prose, ordered: bool) -> SectionView {
        let intro = self.optional_rich(prose.intro);
        SectionView {
            id: id.to_owned(),
            anchor: anchor(id),
            heading: self.plain(heading),
            ordered,
            intro,
            items: self.items(prose.items, ordered),
            groups: self.groups(prose.groups, ordered),
            outro: self.optional_rich(prose.outro),
            salary: None,
            remote_level: None,
            misconceptions: list(Vec::<MisconceptionView>::new()),
        }
    }

    fn section(
        &self,
        id: &str,
        heading: &str,
        content: SectionContent,
        locale: &str,
    ) -> SectionView {
        let ordered = ORDERED_SECTIONS.contains(&id);
        let mut view = self.prose_section(id, heading, content.prose(), ordered);
        match content {
            SectionContent::General(_) => {}
            SectionContent::Salary(salary) => {
                view.salary = Some(Value::from_object(self.salary(salary, locale)));
            }
            SectionContent::RemoteWork(remote) => {
                view.remote_level = remote.level.map(remote_level_label);
            }
            SectionContent::Misconceptions(section) => {
                view.misconceptions = list(section.items.iter().map(|m| MisconceptionView {
                    myth: self.rich_inline(&m.myth),
                    reality: self.rich_inline(&m.reality),
                }));
            }
        }
        view
    }

    fn handout(&self, profile: &Profile, locale: &str) -> HandoutView {
        let sections = &profile.sections;
        let lead = |intro: Option<&str>| {
            intro
                .and_then(|intro| intro.trim().split("\n\n").next())
                .filter(|lead| !lead.trim().is_empty())
                .map(|lead| self.rich(lead))
        };
        let title_or_text = |items: &[Item], most: usize| {
            Value::from(
                items
                    .iter()
                    .filter(|item| !item.is_empty())
                    .take(most)
                    .map(
                        |item| match item.title.as_deref().filter(|t| !t.trim().is_empty()) {
                            Some(title) => self.plain(title.trim().trim_end_matches(':')),
                            None => self.rich_inline(&item.text),
                        },
                    )
                    .collect::<Vec<_>>(),
            )
        };
        let salary = sections.salary.as_ref().and_then(|salary| {
            let has_figures = salary.average.is_some() || !salary.ranges.is_empty();
            let figures = has_figures.then(|| Value::from_object(self.salary(salary, locale)));
            let prose = if has_figures {
                None
            } else {
                lead(salary.intro.as_deref()).or_else(|| {
                    salary
                        .items
                        .iter()
                        .find(|item| !item.is_empty())
                        .map(|item| self.rich(&item.text))
                })
            };
            (figures.is_some() || prose.is_some()).then(|| {
                Value::from_object(HandoutSalaryView {
                    heading: self.plain(section_heading("salary")),
                    figures,
                    prose,
                })
            })
        });
        let facts = ["education", "outlook"].into_iter().filter_map(|id| {
            let intro = match id {
                "education" => sections.education.as_ref(),
                _ => sections.outlook.as_ref(),
            }
            .and_then(|s| s.intro.as_deref());
            lead(intro).map(|text| FactView {
                anchor: anchor(id),
                heading: self.plain(section_heading(id)),
                text,
            })
        });
        let no_items: &[Item] = &[];
        let steps = sections
            .getting_started
            .as_ref()
            .map_or(no_items, |s| s.items.as_slice());
        let steps: Vec<ItemView> = steps
            .iter()
            .filter(|item| !item.is_empty())
            .enumerate()
            .map(|(index, item)| {
                let marker = format!("{}. ", index + 1);
                let text = self.rich_inline(first_sentence(&item.text));
                ItemView {
                    title: item
                        .title
                        .as_deref()
                        .filter(|t| !t.trim().is_empty())
                        .map(|t| self.plain(t.trim().trim_end_matches(':'))),
                    text: match self.format {
                        Format::Html => text,
                        Format::Markdown | Format::Text => text::hang(text, marker.len()),
                    },
                    marker,
                }
            })
            .collect();
        HandoutView {
            overview: lead(sections.overview.as_ref().and_then(|o| o.intro.as_deref())),
            salary,
            facts: list(facts),
            skills: title_or_text(
                sections
                    .skills
                    .as_ref()
                    .map_or(no_items, |s| s.items.as_slice()),
                6,
            ),
            steps: list(steps),
            related: title_or_text(
                sections
                    .related_careers
                    .as_ref()
                    .map_or(no_items, |s| s.items.as_slice()),
                usize::MAX,
            ),
            steps_heading: self.plain(section_heading("getting_started")),
            related_heading: self.plain(section_heading("related_careers")),
        }
    }

    fn salary(&self, salary: &SalarySection, locale: &str) -> SalaryView {
        let currency = salary.currency();
        let money = |amount: f64| format_money(amount, currency, locale);
        SalaryView {
            currency: currency.to_owned(),
            period: match salary.period() {
                PayPeriod::Year => "per year",
                PayPeriod::Month => "per month",
                PayPeriod::Hour => "per hour",
            },
            average: salary.average.map(money),
            ranges: list(salary.ranges.iter().map(|range| SalaryRangeView {
                stage: self.plain(&stage_label(&range.stage)),
                min: money(range.min),
                max: money(range.max),
            })),
        }
    }
}

/// A section's heading, from the catalogue.
fn section_heading(id: &str) -> &'static str {
    crate::profile::section_info(id).map_or("", |info| info.heading)
}

/// The first sentence of a Markdown text: up to the first `.`, `!` or `?`
/// that ends a sentence (followed by a space and not inside the first few
/// words), or the whole text.
fn first_sentence(markdown: &str) -> &str {
    let text = markdown.trim();
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?')
            && i >= 12
            && bytes.get(i + 1).is_some_and(|n| *n == b' ' || *n == b'\n')
        {
            return &text[..=i];
        }
    }
    text
}

/// A career stage as reports print it: the known stages by name, a
/// profile's own label with a capital, like them ("middle" → "Middle").
fn stage_label(stage: &str) -> std::borrow::Cow<'_, str> {
    let stage = stage.trim();
    match stage.to_lowercase().as_str() {
        "entry" => "Entry level".into(),
        "mid" => "Mid-career".into(),
        // "senior" and an office's own labels: capitalised as written.
        _ => {
            let mut chars = stage.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
                .into()
        }
    }
}

fn remote_level_label(level: RemoteLevel) -> &'static str {
    match level {
        RemoteLevel::None => "None",
        RemoteLevel::Limited => "Limited",
        RemoteLevel::Moderate => "Moderate",
        RemoteLevel::High => "High",
    }
}

/// `fun_facts` → `fun-facts`; anything outside `[a-z0-9-]` dropped.
fn anchor(id: &str) -> String {
    id.chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => Some(c),
            // An extra section's id is the writer's own: `Big Idea`.
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            '_' | ' ' => Some('-'),
            _ => None,
        })
        .collect()
}

/// One career in an export's index. An export keeps one per profile until
/// the index is written, so the text is packed into a single allocation.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The id, the title and the category, one after another.
    text: Box<str>,
    id_len: usize,
    title_len: usize,
    has_category: bool,
    /// Completeness score, 0–100.
    pub score: u8,
}

impl IndexEntry {
    pub fn new(id: &str, title: &str, category: Option<&str>, score: u8) -> Self {
        IndexEntry {
            text: [id, title, category.unwrap_or("")]
                .concat()
                .into_boxed_str(),
            id_len: id.len(),
            title_len: title.len(),
            has_category: category.is_some(),
            score,
        }
    }

    pub fn id(&self) -> &str {
        &self.text[..self.id_len]
    }

    pub fn title(&self) -> &str {
        &self.text[self.id_len..self.id_len + self.title_len]
    }

    pub fn category(&self) -> Option<&str> {
        self.has_category
            .then(|| &self.text[self.id_len + self.title_len..])
    }
}

/// The careers of an index, sorted by title (ignoring case), then id.
#[derive(Debug, Clone)]
pub struct CareerIndex {
    entries: Arc<[IndexEntry]>,
}

impl CareerIndex {
    pub fn new(mut entries: Vec<IndexEntry>) -> Self {
        let folded = |text: &str| {
            text.chars()
                .flat_map(char::to_lowercase)
                .collect::<Vec<_>>()
        };
        // Compared without allocating: a sort compares each entry many times.
        entries.sort_by(|a, b| {
            let (a_title, b_title) = (a.title(), b.title());
            if a_title.is_ascii() && b_title.is_ascii() {
                a_title
                    .bytes()
                    .map(|c| c.to_ascii_lowercase())
                    .cmp(b_title.bytes().map(|c| c.to_ascii_lowercase()))
            } else {
                folded(a_title).cmp(&folded(b_title))
            }
            .then_with(|| a.id().cmp(b.id()))
        });
        CareerIndex {
            entries: entries.into(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[derive(Debug)]
pub(super) struct IndexView {
    pub generator: String,
    /// What the index page is, for `<meta name="description">`.
    pub description: String,
    /// A list of [`IndexEntryView`], made one entry at a time as the template
    /// reaches it: an index of 10,000 careers is never held as template values.
    pub careers: Value,
}

#[derive(Debug)]
pub(super) struct IndexEntryView {
    pub title: Value,
    pub category: Option<Value>,
    pub score: u8,
    /// The report's file name, relative to the index.
    pub href: String,
}

/// The index view for `format`.
pub(super) fn build_index(careers: &CareerIndex, format: Format) -> IndexView {
    IndexView {
        generator: format!("pathways {}", env!("CARGO_PKG_VERSION")),
        description: format!(
            "Career profiles: {}, each with what the work is, education, pay, outlook and how to get started.",
            crate::report::plural(careers.len(), "career")
        ),
        careers: Value::from_object(CareerList {
            entries: Arc::clone(&careers.entries),
            format,
        }),
    }
}

#[derive(Debug)]
struct CareerList {
    entries: Arc<[IndexEntry]>,
    format: Format,
}

impl Object for CareerList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let entry = self.entries.get(key.as_usize()?)?;
        let cache = FieldCache::new(&[]);
        let r = Renditions {
            format: self.format,
            cache: &cache,
        };
        let view = IndexEntryView {
            title: r.plain(entry.title()),
            category: entry.category().map(|c| r.plain(c)),
            score: entry.score,
            href: format!("{}.{}", entry.id(), self.format.extension()),
        };
        Some(Value::from_object(view))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.entries.len())
    }
}
