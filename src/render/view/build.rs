//! The one walk over a profile that builds its view for every format asked
//! for: each Markdown field is rendered once into all of them.

use std::sync::Arc;

use minijinja::Value;

use super::facts::period_key;
use super::types::{
    AlternateView, FactView, GroupView, HandoutSalaryView, HandoutView, ItemView,
    MisconceptionView, PageView, SalaryRangeView, SalaryView, SectionView, SourceView, SummaryView,
    View,
};
use super::{Sections, Text, lens};
use crate::profile::{
    BaseText, Group, Item, Profile, Prose, RemoteLevel, SalarySection, SectionContent,
};
use crate::render::cldr::{self, MoneyFormat};
use crate::render::labels::{Labels, section_key};
use crate::render::markdown;
use crate::render::text;
use crate::render::{Format, PageSize};

/// What a view holds besides the report's own fields.
#[derive(Debug, Clone)]
pub(in crate::render) struct Extras {
    pub(in crate::render) page_size: PageSize,
    /// Whether to choose the handout's blocks ([`HandoutView`]).
    pub(in crate::render) handout: bool,
    /// In a booklet: what the career's HTML ids start with.
    pub(in crate::render) book_ids: Option<String>,
}

/// The template context of `profile` for `format`, with the fixed words
/// the code supplies (section headings, stage names) from `labels`.
pub(in crate::render) fn build(
    profile: &Profile,
    format: Format,
    extras: Extras,
    labels: &Labels,
) -> Value {
    build_all(profile, &[format], extras, labels)
        .pop()
        .unwrap_or_default()
}

/// The template contexts of `profile` for each of `formats`, from one walk
/// that renders each Markdown field once into all of them.
pub(in crate::render) fn build_all(
    profile: &Profile,
    formats: &[Format],
    extras: Extras,
    labels: &Labels,
) -> Vec<Value> {
    let view = Arc::new(build_view(
        profile,
        &Renditions::new(formats).in_document(profile, profile.locale()),
        extras,
        labels,
    ));
    (0..formats.len()).map(|slot| lens(&view, slot)).collect()
}

/// `text` as a double-quoted CSS string: quotes and backslashes escaped,
/// line breaks and markup characters written as escapes, so the string can
/// never end early or close the `<style>` element.
pub(in crate::render) fn css_string(text: &str) -> String {
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

fn build_view(profile: &Profile, r: &Renditions, extras: Extras, labels: &Labels) -> View {
    let locale = profile.locale();
    let cldr_locale = cldr::parse_locale(locale);
    let sections = profile
        .sections
        .in_order()
        .map(|(info, content)| {
            r.section(
                info.id,
                &labels.get(&section_key(info.id)),
                content,
                locale,
                labels,
            )
        })
        .chain(
            profile
                .extra_sections
                .iter()
                .enumerate()
                .map(|(index, extra)| {
                    let mut view = r.prose_section(
                        &extra.id,
                        &format!("extra_sections[{index}]"),
                        &extra.heading,
                        SectionContent::GENERAL_KIND,
                        extra.prose(),
                        false,
                    );
                    view.anchor = format!("extra-{}", anchor(&extra.id));
                    view
                }),
        );
    View {
        id: profile.id.clone(),
        title: r.plain(&profile.title),
        title_heading: r.plain_at("title", &profile.title),
        page: page_with_alternates(
            locale,
            extras.page_size,
            description(profile),
            &profile.languages.alternates,
        ),
        typst_date: profile.updated.as_deref().and_then(typst_date),
        category: profile
            .category
            .as_deref()
            .map(|c| r.plain_at("category", c)),
        career_type: profile
            .career_type
            .as_deref()
            .map(|c| r.plain_at("career_type", c)),
        updated: profile.updated.clone(),
        updated_text: profile
            .updated
            .as_deref()
            .map(|date| cldr::format_date(date, &cldr_locale).unwrap_or_else(|| date.to_owned())),
        summary: list(
            profile
                .summary
                .iter()
                .enumerate()
                .map(|(index, s)| SummaryView {
                    heading: r.plain_at(&format!("summary[{index}].heading"), &s.heading),
                    text: r.rich_at(&format!("summary[{index}].text"), &s.text),
                }),
        ),
        sections: Sections(list(sections).into()),
        sources: list(r.sources(profile, |_| true)),
        title_css: css_string(&profile.title),
        handout: extras
            .handout
            .then(|| Arc::new(r.handout(profile, locale, labels))),
        book: extras.book_ids.is_some(),
        id_prefix: extras.book_ids.unwrap_or_default(),
        aliases: profile
            .aliases
            .iter()
            .map(|a| r.plain_at("aliases", &a.0))
            .collect(),
        codes: super::facts::codes(profile.codes.as_ref(), &|text| r.plain(text)),
        quick_facts: super::facts::quick_facts(
            profile,
            &|text| r.plain(text),
            &|path, text| r.plain_at(path, text),
            labels,
        ),
        occupation: Arc::new(super::facts::occupation_data(profile, labels)),
    }
}

/// The page head of a document in `locale`, on `page_size` paper.
pub(super) fn page(locale: &str, page_size: PageSize, description: String) -> Arc<PageView> {
    page_with_alternates(locale, page_size, description, &[])
}

/// The page head of a document that is also written in other languages.
pub(super) fn page_with_alternates(
    locale: &str,
    page_size: PageSize,
    description: String,
    alternates: &[crate::profile::Alternate],
) -> Arc<PageView> {
    Arc::new(PageView {
        lang: locale.to_owned(),
        dir: direction(locale),
        language: crate::locale::language_of(locale),
        region: region_of(locale),
        generator: generator(),
        page_size: page_size.css(),
        description,
        alternates: list(alternates.iter().map(|alternate| AlternateView {
            lang: alternate.language.clone(),
            name: crate::locale::autonym(&alternate.language),
            stem: alternate.stem.clone(),
            site: alternate.site.clone(),
        })),
    })
}

/// `rtl` for a locale written right to left, else `ltr` (HTML's `dir`).
pub(super) fn direction(locale: &str) -> &'static str {
    if cldr::is_right_to_left(&cldr::parse_locale(locale)) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The two-letter region of a locale, upper case (`US`), when it has one.
pub(super) fn region_of(locale: &str) -> Option<String> {
    locale
        .split(['-', '_'])
        .nth(1)
        .filter(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
}

/// `2026-11-28` as Typst's `datetime(year: 2026, month: 11, day: 28)`;
/// `None` for anything else (a profile with a bad date is never rendered).
fn typst_date(date: &str) -> Option<Value> {
    let mut parts = date.splitn(3, '-').map(str::parse::<u16>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(Value::from_safe_string(format!(
        "datetime(year: {year}, month: {month}, day: {day})"
    )))
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

/// A list of view nodes.
fn list<T>(items: impl IntoIterator<Item = T>) -> Vec<Arc<T>> {
    items.into_iter().map(Arc::new).collect()
}

/// Renders strings for every format of one build, each once.
pub(super) struct Renditions<'f> {
    formats: &'f [Format],
    /// The languages of a profile's text, to mark what is not in the document's.
    languages: Option<TextLanguages<'f>>,
}

/// The languages of a profile's fields that are not the document's.
#[derive(Clone, Copy)]
struct TextLanguages<'f> {
    /// The profile's own language, when it is not the document's.
    profile: Option<&'f str>,
    /// For a translation: the fields that kept the base's text, and
    /// whether the base's language is not the document's.
    base_text: Option<(&'f BaseText, bool)>,
}

impl<'f> Renditions<'f> {
    pub(super) fn new(formats: &'f [Format]) -> Self {
        Renditions {
            formats,
            languages: None,
        }
    }

    /// Text from `profile`'s fields (the `_at` methods) that is not in the
    /// language of the document (`document`, a locale) is marked with its
    /// own: a field a translation left to its base, or a whole career
    /// shown in its own language beside others.
    pub(super) fn in_document(mut self, profile: &'f Profile, document: &str) -> Self {
        let foreign = |language: &str| !crate::locale::same_language(language, document);
        self.languages = Some(TextLanguages {
            profile: Some(profile.locale()).filter(|language| foreign(language)),
            base_text: profile
                .languages
                .base_text
                .as_deref()
                .map(|base| (base, foreign(&base.language))),
        });
        self
    }

    /// The language of the field at `path` when it is not the document's.
    fn foreign_language(&self, path: &str) -> Option<&'f str> {
        let languages = self.languages?;
        match languages.base_text {
            Some((base, foreign)) if base.fields.contains(path) => {
                foreign.then_some(base.language.as_str())
            }
            _ => languages.profile,
        }
    }

    /// `rich`, marked with the base's language when the field at `path` kept its text.
    pub(super) fn rich_at(&self, path: &str, markdown: &str) -> Text {
        self.in_language_of(path, self.rich(markdown))
    }

    /// `rich_inline`, marked as `rich_at` is.
    pub(super) fn rich_inline_at(&self, path: &str, markdown: &str) -> Text {
        self.in_language_of(path, self.rich_inline(markdown))
    }

    /// `plain`, marked as `rich_at` is.
    pub(super) fn plain_at(&self, path: &str, text: &str) -> Text {
        self.in_language_of(path, self.plain(text))
    }

    /// `text` marked with the language of the field at `path` when it is
    /// not the document's: HTML and PDF say so (a screen reader changes
    /// voice); Markdown and plain text have no way to.
    fn in_language_of(&self, path: &str, text: Text) -> Text {
        let Some(language) = self.foreign_language(path) else {
            return text;
        };
        let mut values = text.0.into_vec().into_iter();
        self.each(|format| {
            let value = values.next().unwrap_or_default();
            match format {
                Format::Html => {
                    let html = if value.is_safe() {
                        value.to_string()
                    } else {
                        minijinja::HtmlEscape(&value.to_string()).to_string()
                    };
                    let block = ["<p>", "<ul", "<ol", "<table", "<blockquote", "<pre", "<h"]
                        .iter()
                        .any(|tag| html.contains(tag));
                    let element = if block { "div" } else { "span" };
                    Value::from_safe_string(format!(
                        "<{element} lang=\"{language}\" dir=\"{}\">{html}</{element}>",
                        direction(language)
                    ))
                }
                Format::Pdf => Value::from_safe_string(format!(
                    "#text({})[{value}]",
                    crate::render::pdf::markup::typst_lang(language)
                )),
                Format::Markdown | Format::Text => value,
            }
        })
    }

    /// One value per format, made by `make`.
    pub(super) fn each(&self, make: impl FnMut(Format) -> Value) -> Text {
        Text(self.formats.iter().copied().map(make).collect())
    }

    /// A Markdown field: safe HTML, normalised CommonMark, or plain lines.
    pub(super) fn rich(&self, markdown: &str) -> Text {
        let mut rendered = markdown::render_many(markdown, self.formats).into_iter();
        self.each(|format| {
            let text = rendered.next().unwrap_or_default();
            match format {
                Format::Html | Format::Pdf => Value::from_safe_string(text),
                Format::Markdown | Format::Text => Value::from(text),
            }
        })
    }

    /// Like `rich`, but a single paragraph is not wrapped in `<p>`, so it
    /// can follow a bold label on the same line (`<li><strong>Title:</strong> text`).
    pub(super) fn rich_inline(&self, markdown: &str) -> Text {
        let mut rendered = markdown::render_many(markdown, self.formats).into_iter();
        self.each(|format| {
            let mut text = rendered.next().unwrap_or_default();
            match format {
                Format::Html => {
                    let single_paragraph = text
                        .strip_prefix("<p>")
                        .and_then(|rest| rest.strip_suffix("</p>"))
                        .is_some_and(|inner| !inner.contains("<p>"));
                    if single_paragraph {
                        text.truncate(text.len() - "</p>".len());
                        text.drain(.."<p>".len());
                    }
                    Value::from_safe_string(text)
                }
                Format::Pdf => Value::from_safe_string(text),
                Format::Markdown | Format::Text => Value::from(text),
            }
        })
    }

    /// A short label taken literally (titles, headings): HTML escapes it
    /// when printing; Markdown needs its special characters escaped here.
    pub(super) fn plain(&self, text: &str) -> Text {
        let text = text.trim();
        self.each(|format| match format {
            Format::Markdown => Value::from(markdown::escape_markdown(text)),
            Format::Pdf => Value::from_safe_string(crate::render::pdf::markup::escape(text)),
            Format::Html | Format::Text => Value::from(text),
        })
    }

    /// An item's text under its list marker: in Markdown and plain text,
    /// later lines are indented to go under the first.
    fn hang(&self, text: Text, marker: &str) -> Text {
        let mut values = text.0.into_vec().into_iter();
        self.each(|format| {
            let value = values.next().unwrap_or_default();
            match format {
                Format::Html | Format::Pdf => value,
                Format::Markdown | Format::Text => text::hang(value, marker.len()),
            }
        })
    }

    /// The Markdown field at `path`, when it has text.
    fn optional_rich(&self, path: &str, markdown: Option<&str>) -> Option<Text> {
        markdown
            .filter(|m| !m.trim().is_empty())
            .map(|m| self.rich_at(path, m))
    }

    /// The list at `path`.
    fn items(&self, path: &str, items: &[Item], ordered: bool) -> Vec<Arc<ItemView>> {
        list(
            items
                .iter()
                .enumerate()
                .filter(|(_, item)| !item.is_empty())
                .enumerate()
                .map(|(number, (index, item))| {
                    let marker = if ordered {
                        format!("{}. ", number + 1)
                    } else {
                        "- ".to_owned()
                    };
                    let text_path = if item.title.is_some() {
                        format!("{path}[{index}].text")
                    } else {
                        format!("{path}[{index}]")
                    };
                    self.item_at(&text_path, item, &item.text, marker)
                }),
        )
    }

    /// An entry under `marker`, with `text` (its own, or part of it) from
    /// the field at `text_path` (and its title from the `title` beside it).
    fn item_at(&self, text_path: &str, item: &Item, text: &str, marker: String) -> ItemView {
        let title_path = text_path
            .strip_suffix(".text")
            .map(|entry| format!("{entry}.title"))
            .unwrap_or_default();
        ItemView {
            title: item
                .title
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .map(|t| self.plain_at(&title_path, t.trim().trim_end_matches(':'))),
            text: self.hang(self.rich_inline_at(text_path, text), &marker),
            marker,
        }
    }

    /// The sub-lists at `path`.
    fn groups(&self, path: &str, groups: &[Group], ordered: bool) -> Vec<Arc<GroupView>> {
        list(
            groups
                .iter()
                .enumerate()
                .filter(|(_, group)| !group.is_empty())
                .map(|(index, group)| {
                    let path = format!("{path}[{index}]");
                    GroupView {
                        heading: self.plain_at(&format!("{path}.heading"), &group.heading),
                        intro: self.optional_rich(&format!("{path}.intro"), group.intro.as_deref()),
                        items: self.items(&format!("{path}.items"), &group.items, ordered),
                        outro: self.optional_rich(&format!("{path}.outro"), group.outro.as_deref()),
                    }
                }),
        )
    }

    /// A section of prose and lists whose fields are under `path`.
    fn prose_section(
        &self,
        id: &str,
        path: &str,
        heading: &str,
        kind: &'static str,
        prose: Prose,
        ordered: bool,
    ) -> SectionView {
        let intro = self.optional_rich(&format!("{path}.intro"), prose.intro);
        SectionView {
            id: id.to_owned(),
            anchor: anchor(id),
            heading: self.plain_at(&format!("{path}.heading"), heading),
            kind,
            ordered,
            intro,
            items: self.items(&format!("{path}.items"), prose.items, ordered),
            groups: self.groups(&format!("{path}.groups"), prose.groups, ordered),
            outro: self.optional_rich(&format!("{path}.outro"), prose.outro),
            salary: None,
            remote_level: None,
            misconceptions: Vec::new(),
        }
    }

    fn section(
        &self,
        id: &str,
        heading: &str,
        content: SectionContent,
        locale: &str,
        labels: &Labels,
    ) -> SectionView {
        let ordered = crate::profile::section_info(id).is_some_and(|info| info.ordered);
        let path = format!("sections.{id}");
        let mut view =
            self.prose_section(id, &path, heading, content.kind(), content.prose(), ordered);
        match content {
            SectionContent::General(_) => {}
            SectionContent::Salary(salary) => {
                view.salary = Some(Arc::new(self.salary(salary, locale, labels)));
            }
            SectionContent::RemoteWork(remote) => {
                view.remote_level = remote
                    .level
                    .map(|level| labels.get(remote_level_key(level)));
            }
            SectionContent::Misconceptions(section) => {
                view.misconceptions = list(section.items.iter().enumerate().map(|(index, m)| {
                    let path = format!("{path}.items[{index}]");
                    MisconceptionView {
                        myth: self.rich_inline_at(&format!("{path}.myth"), &m.myth),
                        reality: self.rich_inline_at(&format!("{path}.reality"), &m.reality),
                    }
                }));
            }
        }
        view
    }

    fn handout(&self, profile: &Profile, locale: &str, labels: &Labels) -> HandoutView {
        let section_heading = |id: &str| labels.get(&section_key(id));
        let sections = &profile.sections;
        // The first paragraph of the intro of section `id`.
        let lead = |id: &str, intro: Option<&str>| {
            intro
                .and_then(|intro| intro.trim().split("\n\n").next())
                .filter(|lead| !lead.trim().is_empty())
                .map(|lead| self.rich_at(&format!("sections.{id}.intro"), lead))
        };
        let items_of = |id: &str| {
            let path = format!("sections.{id}.items");
            let items = sections.get(id).map_or(&[][..], |s| s.prose().items);
            items
                .iter()
                .enumerate()
                .filter(|(_, item)| !item.is_empty())
                .map(move |(index, item)| (format!("{path}[{index}]"), item))
        };
        let title_or_text = |id: &str, most: usize| -> Vec<Text> {
            items_of(id)
                .take(most)
                .map(
                    |(path, item)| match item.title.as_deref().filter(|t| !t.trim().is_empty()) {
                        Some(title) => self
                            .plain_at(&format!("{path}.title"), title.trim().trim_end_matches(':')),
                        None => self.rich_inline_at(&path, &item.text),
                    },
                )
                .collect()
        };
        let salary = sections.salary.as_ref().and_then(|salary| {
            let has_figures = salary.average.is_some() || !salary.ranges.is_empty();
            let figures = has_figures.then(|| Arc::new(self.salary(salary, locale, labels)));
            let prose = if has_figures {
                None
            } else {
                lead("salary", salary.intro.as_deref()).or_else(|| {
                    items_of("salary")
                        .next()
                        .map(|(path, item)| self.rich_at(&path, &item.text))
                })
            };
            (figures.is_some() || prose.is_some()).then(|| {
                Arc::new(HandoutSalaryView {
                    heading: self.plain(&section_heading("salary")),
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
            lead(id, intro).map(|text| FactView {
                anchor: anchor(id),
                heading: self.plain(&section_heading(id)),
                text,
            })
        });
        // Credit lines the quick facts print already, under their sources.
        let credited_with_facts: Vec<&str> = profile
            .facts
            .iter()
            .flat_map(|facts| facts.present())
            .filter_map(|(_, fact)| fact.source)
            .chain(sections.salary.as_ref().and_then(|s| s.source.as_ref()))
            .filter_map(|source| source.credit.as_deref().map(str::trim))
            .collect();
        let steps: Vec<ItemView> = items_of("getting_started")
            .enumerate()
            .map(|(number, (path, item))| {
                let text_path = if item.title.is_some() {
                    format!("{path}.text")
                } else {
                    path
                };
                let marker = format!("{}. ", number + 1);
                self.item_at(&text_path, item, first_sentence(&item.text), marker)
            })
            .collect();
        HandoutView {
            overview: lead(
                "overview",
                sections.overview.as_ref().and_then(|o| o.intro.as_deref()),
            ),
            salary,
            facts: list(facts),
            skills: title_or_text("skills", 6),
            steps: list(steps),
            related: title_or_text("related_careers", usize::MAX),
            credited: list(self.sources(profile, |source| {
                source
                    .credit
                    .as_deref()
                    .is_some_and(|credit| !credited_with_facts.contains(&credit.trim()))
            })),
            steps_heading: self.plain(&section_heading("getting_started")),
            related_heading: self.plain(&section_heading("related_careers")),
        }
    }

    /// The profile's sources that `keep` keeps, in its order.
    fn sources(
        &self,
        profile: &Profile,
        keep: impl Fn(&crate::profile::SourceRef) -> bool,
    ) -> Vec<SourceView> {
        profile
            .sources
            .iter()
            .enumerate()
            .filter(|(_, source)| keep(source))
            .map(|(index, s)| SourceView {
                title: self.plain_at(&format!("sources[{index}].title"), &s.title),
                url: s.url.clone().filter(|u| crate::links::is_web_link(u)),
                credit: s
                    .credit
                    .as_deref()
                    .map(|credit| self.plain_at(&format!("sources[{index}].credit"), credit)),
            })
            .collect()
    }

    fn salary(&self, salary: &SalarySection, locale: &str, labels: &Labels) -> SalaryView {
        let currency = salary.currency();
        let format = MoneyFormat::new(currency, &cldr::parse_locale(locale));
        let money = |amount: f64| format.format(amount);
        SalaryView {
            currency: currency.to_owned(),
            period: labels.get(period_key(salary.period())),
            average: salary.average.map(money),
            ranges: list(salary.ranges.iter().map(|range| SalaryRangeView {
                stage: self.plain(&stage_label(&range.stage, labels)),
                min: money(range.min),
                max: money(range.max),
            })),
            percentiles: super::facts::percentiles(salary, &format, labels),
        }
    }
}

/// The first sentence of a Markdown text: up to the first `.`, `!` or `?`
/// that ends a sentence (followed by a space and not inside the first few
/// words), or the whole text.
pub(super) fn first_sentence(markdown: &str) -> &str {
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

/// A career stage as reports print it: the known stages by their label, a
/// profile's own stage with a capital, like them ("middle" → "Middle").
pub(super) fn stage_label(stage: &str, labels: &Labels) -> String {
    let stage = stage.trim();
    match stage.to_lowercase().as_str() {
        known @ ("entry" | "mid" | "senior") => labels.get(&format!("stage-{known}")),
        _ => {
            let mut chars = stage.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        }
    }
}

/// `pathways 0.1.0`, for `<meta name="generator">`.
pub(super) fn generator() -> String {
    format!("pathways {}", env!("CARGO_PKG_VERSION"))
}

pub(super) fn remote_level_key(level: RemoteLevel) -> &'static str {
    match level {
        RemoteLevel::None => "remote-none",
        RemoteLevel::Limited => "remote-limited",
        RemoteLevel::Moderate => "remote-moderate",
        RemoteLevel::High => "remote-high",
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
