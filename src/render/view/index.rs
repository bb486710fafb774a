//! The export index: every exported career, kept compactly until the index
//! is written, and the view its templates read one career at a time.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::build::Renditions;
use super::lens;
use super::types::{IndexColumnView, IndexEntryView, IndexGroupView, IndexTypeView, IndexView};
use crate::profile::{EducationLevel, PayPeriod, Profile};
use crate::render::cldr::{self, Collation, MoneyFormat};
use crate::render::labels::Labels;
use crate::render::{Format, PageSize};

/// One career in an export's index. An export keeps one per profile until
/// the index is written, so the text is packed into a single allocation.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The id, the title, the category, the career type and the locale,
    /// one after another.
    text: Box<str>,
    id_len: usize,
    title_len: usize,
    /// `None` when the profile gives none.
    category_len: Option<usize>,
    career_type_len: Option<usize>,
    locale_len: usize,
    /// Completeness score, 0–100.
    pub score: u8,
    /// The figures shown beside the title, when the profile gives any.
    facts: Option<Box<IndexFacts>>,
    /// For a translation: its language, in its reports' names
    /// (`<id>.<language>.<extension>`).
    translation: Option<Box<str>>,
    /// For a translation that kept some of its base's text: which texts,
    /// and the base's language (they are marked with it).
    kept_base: Option<Box<KeptBase>>,
}

/// The texts of an index entry a translation left to its base.
#[derive(Debug, Clone)]
struct KeptBase {
    language: Box<str>,
    title: bool,
    category: bool,
    career_type: bool,
    /// The words of the education to start.
    education: bool,
    /// The words of the outlook.
    outlook: bool,
}

/// The figures an index shows beside a career's title, and sorts by.
#[derive(Debug, Clone, Default, PartialEq)]
struct IndexFacts {
    pay: Option<IndexPay>,
    education: Option<(Option<EducationLevel>, Option<Box<str>>)>,
    outlook: Option<(Option<f64>, Option<Box<str>>)>,
}

/// A career's pay in an index: the median, or else the average (said so).
#[derive(Debug, Clone, PartialEq)]
struct IndexPay {
    /// As the career's own locale writes the amount: `$44,700`.
    amount: Box<str>,
    period: PayPeriod,
    median: bool,
    currency: Box<str>,
    /// The amount over a year (a year of 2,080 working hours), to sort by.
    yearly: f64,
}

/// What the index's columns can be sorted by. The HTML index is written
/// once for each, as its own page, so it sorts without a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexSort {
    /// Highest median (or average) pay first.
    Pay,
    /// Least education to start first.
    Education,
    /// Fastest-growing first.
    Outlook,
}

impl IndexSort {
    /// Every sort, in the order of the index's columns.
    pub const ALL: [IndexSort; 3] = [IndexSort::Pay, IndexSort::Education, IndexSort::Outlook];

    /// Its name in the page's file name: `index.by-<name>.html`.
    pub fn name(self) -> &'static str {
        match self {
            IndexSort::Pay => "pay",
            IndexSort::Education => "education",
            IndexSort::Outlook => "outlook",
        }
    }

    /// The file name of the index sorted so, in `extension`.
    pub fn file_name(self, extension: &str) -> String {
        format!("index.by-{}.{extension}", self.name())
    }

    /// The sort whose page is named `name` (`index.by-pay.html`).
    pub fn of_file_name(name: &str) -> Option<IndexSort> {
        IndexSort::ALL
            .into_iter()
            .find(|sort| sort.file_name("html") == name)
    }
}

impl IndexEntry {
    /// An entry for the career `id`, titled `title`, in `category` and
    /// `career_type` when the profile gives them, with its completeness
    /// `score` (0–100), from a profile written for `locale`.
    pub fn new(
        id: &str,
        title: &str,
        category: Option<&str>,
        career_type: Option<&str>,
        score: u8,
        locale: &str,
    ) -> Self {
        IndexEntry {
            text: [
                id,
                title,
                category.unwrap_or(""),
                career_type.unwrap_or(""),
                locale,
            ]
            .concat()
            .into_boxed_str(),
            id_len: id.len(),
            title_len: title.len(),
            category_len: category.map(str::len),
            career_type_len: career_type.map(str::len),
            locale_len: locale.len(),
            score,
            facts: None,
            translation: None,
            kept_base: None,
        }
    }

    /// The entry with the languages of `profile`'s texts: where a
    /// translation kept its base's title, category, career type or the
    /// words of the facts shown, the index marks them with the base's language.
    pub fn with_languages_of(mut self, profile: &Profile) -> Self {
        let Some(base) = profile.languages.base_text.as_deref() else {
            return self;
        };
        let kept = |path: &str| base.fields.contains(path);
        self.kept_base = Some(Box::new(KeptBase {
            language: base.language.as_str().into(),
            title: kept("title"),
            category: kept("category"),
            career_type: kept("career_type"),
            education: kept("facts.entry_education.text"),
            outlook: kept("facts.outlook.words"),
        }));
        self
    }

    /// The language of a text of the entry: the base's when `kept` says
    /// the translation left it to its base, else the profile's.
    fn language_of(&self, kept: impl Fn(&KeptBase) -> bool) -> &str {
        match &self.kept_base {
            Some(base) if kept(base) => &base.language,
            _ => self.locale(),
        }
    }

    /// The entry of a translation into `language`, whose reports are
    /// `<id>.<language>.<extension>`.
    pub fn translated_into(mut self, language: &str) -> Self {
        self.translation = Some(language.into());
        self
    }

    /// The language of the translation it is an entry for, if it is one.
    pub fn translation(&self) -> Option<&str> {
        self.translation.as_deref()
    }

    /// Its reports' file name without the extension: the id, then the
    /// language for a translation (`library-technicians.es-MX`).
    pub fn stem(&self) -> String {
        match &self.translation {
            Some(language) => format!("{}.{language}", self.id()),
            None => self.id().to_owned(),
        }
    }

    /// The entry with the pay, the education to start and the outlook of
    /// `profile`, which the index shows in columns and sorts by.
    pub fn with_facts_of(mut self, profile: &Profile) -> Self {
        let pay = profile.sections.salary.as_ref().and_then(|salary| {
            let (median, amount) = match (salary.median, salary.average) {
                (Some(median), _) => (true, median),
                (None, Some(average)) => (false, average),
                (None, None) => return None,
            };
            let locale = cldr::parse_locale(profile.locale());
            let per_year = match salary.period() {
                PayPeriod::Year => 1.0,
                PayPeriod::Month => 12.0,
                PayPeriod::Hour => 2080.0,
            };
            Some(IndexPay {
                amount: MoneyFormat::new(salary.currency(), &locale)
                    .format(amount)
                    .into(),
                period: salary.period(),
                median,
                currency: salary.currency().into(),
                yearly: amount * per_year,
            })
        });
        let facts = profile.facts.as_ref();
        let text = |text: &Option<String>| {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(Box::from)
        };
        let education = facts
            .and_then(|f| f.entry_education.as_ref())
            .map(|e| (e.level, text(&e.text)))
            .filter(|(level, text)| level.is_some() || text.is_some());
        let outlook = facts
            .and_then(|f| f.outlook.as_ref())
            .map(|o| (o.percent, text(&o.words)))
            .filter(|(percent, words)| percent.is_some() || words.is_some());
        let shown = IndexFacts {
            pay,
            education,
            outlook,
        };
        self.facts = (shown != IndexFacts::default()).then(|| Box::new(shown));
        self
    }

    /// The career's id (its reports are `<id>.<extension>`).
    pub fn id(&self) -> &str {
        &self.text[..self.id_len]
    }

    /// The career's title.
    pub fn title(&self) -> &str {
        &self.text[self.id_len..self.id_len + self.title_len]
    }

    /// The career's category, when the profile gives one.
    pub fn category(&self) -> Option<&str> {
        let start = self.id_len + self.title_len;
        self.category_len.map(|len| &self.text[start..start + len])
    }

    /// The career's type, when the profile gives one.
    pub fn career_type(&self) -> Option<&str> {
        let start = self.id_len + self.title_len + self.category_len.unwrap_or(0);
        self.career_type_len
            .map(|len| &self.text[start..start + len])
    }

    /// The locale of the career's profile.
    pub fn locale(&self) -> &str {
        &self.text[self.text.len() - self.locale_len..]
    }
}

/// The careers of an index, grouped by category, then by career type, each
/// group sorted by title in the order of the index's locale (then by id);
/// careers without a category or type come after the named groups.
#[derive(Debug, Clone)]
pub struct CareerIndex {
    entries: Arc<[IndexEntry]>,
    groups: Arc<[CategoryGroup]>,
    locale: String,
    /// Whether the index shows each career's completeness score (for staff;
    /// a published index leaves it out).
    scores: bool,
    /// Set in an index sorted by a column, which lists its careers in one
    /// table rather than by category.
    sort: Option<IndexSort>,
    /// For the index of the translations into one language: that language.
    language: Option<String>,
    /// The export's indexes in other languages.
    alternates: Vec<crate::profile::Alternate>,
}

/// The careers of one category: entries `start..end`, in career-type groups.
#[derive(Debug)]
struct CategoryGroup {
    start: usize,
    end: usize,
    types: Vec<(usize, usize)>,
}

impl CareerIndex {
    /// An index of `entries`. Its locale (labels, sorting) is the one most
    /// of the profiles are written for, the first in title order on a tie:
    /// "Ángel" comes before "Beta" in a Spanish index.
    pub fn new(mut entries: Vec<IndexEntry>) -> Self {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for entry in &entries {
            *counts.entry(entry.locale()).or_default() += 1;
        }
        let locale = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or(crate::profile::DEFAULT_LOCALE, |(locale, _)| locale)
            .to_owned();
        let collation = Collation::new(&cldr::parse_locale(&locale));
        // A named group before the unnamed one, names in dictionary order.
        let by_name = |a: Option<&str>, b: Option<&str>| match (a, b) {
            (Some(a), Some(b)) => collation.compare(a, b),
            (a, b) => b.is_some().cmp(&a.is_some()),
        };
        entries.sort_by(|a, b| {
            by_name(a.category(), b.category())
                .then_with(|| by_name(a.career_type(), b.career_type()))
                .then_with(|| collation.compare(a.title(), b.title()))
                .then_with(|| a.id().cmp(b.id()))
        });
        let groups = groups(&entries);
        CareerIndex {
            entries: entries.into(),
            groups: groups.into(),
            locale,
            scores: false,
            sort: None,
            language: None,
            alternates: Vec::new(),
        }
    }

    /// The index of the translations into `language` (`None`: of the base
    /// profiles), beside the export's indexes in `alternates` (their
    /// languages, and their file names without the extension).
    pub fn for_language(
        mut self,
        language: Option<&str>,
        alternates: Vec<crate::profile::Alternate>,
    ) -> Self {
        self.language = language.map(str::to_owned);
        self.alternates = alternates;
        self
    }

    /// The index page's file name: `index.html`, `index.by-pay.html` when
    /// sorted, `index.es-MX.html` for the translations into `es-MX`.
    pub fn file_name(&self, sort: Option<IndexSort>, extension: &str) -> String {
        let sort = sort
            .map(|s| format!(".by-{}", s.name()))
            .unwrap_or_default();
        let language = self
            .language
            .as_ref()
            .map(|l| format!(".{l}"))
            .unwrap_or_default();
        format!("index{sort}{language}.{extension}")
    }

    /// The same careers sorted by `sort`, those without the figure last,
    /// each run in title order.
    pub fn sorted_by(&self, sort: IndexSort) -> CareerIndex {
        let mut entries = self.entries.to_vec();
        // Entries are in category order; the title breaks ties.
        let collation = Collation::new(&cldr::parse_locale(&self.locale));
        entries.sort_by(|a, b| {
            let (a_facts, b_facts) = (a.facts.as_deref(), b.facts.as_deref());
            let by_figure = match sort {
                IndexSort::Pay => {
                    fn key(f: Option<&IndexFacts>) -> Option<(&str, f64)> {
                        f?.pay.as_ref().map(|p| (&*p.currency, p.yearly))
                    }
                    present_first(
                        key(a_facts),
                        key(b_facts),
                        |(a_cur, a_pay), (b_cur, b_pay)| {
                            a_cur.cmp(b_cur).then(b_pay.total_cmp(&a_pay))
                        },
                    )
                }
                IndexSort::Education => {
                    let key = |f: Option<&IndexFacts>| f?.education.as_ref()?.0;
                    present_first(key(a_facts), key(b_facts), |a, b| a.cmp(&b))
                }
                IndexSort::Outlook => {
                    let key = |f: Option<&IndexFacts>| f?.outlook.as_ref()?.0;
                    present_first(key(a_facts), key(b_facts), |a, b| b.total_cmp(&a))
                }
            };
            by_figure
                .then_with(|| collation.compare(a.title(), b.title()))
                .then_with(|| a.id().cmp(b.id()))
        });
        let len = entries.len();
        CareerIndex {
            entries: entries.into(),
            groups: vec![CategoryGroup {
                start: 0,
                end: len,
                types: vec![(0, len)],
            }]
            .into(),
            locale: self.locale.clone(),
            scores: self.scores,
            sort: Some(sort),
            language: self.language.clone(),
            alternates: self.alternates.clone(),
        }
    }

    /// The sorts whose figure at least one career gives: the columns the
    /// index shows, and the sorted pages an HTML index links to.
    pub fn sorts(&self) -> Vec<IndexSort> {
        IndexSort::ALL
            .into_iter()
            .filter(|sort| {
                self.entries.iter().any(|entry| {
                    entry.facts.as_deref().is_some_and(|f| match sort {
                        IndexSort::Pay => f.pay.is_some(),
                        IndexSort::Education => f.education.is_some(),
                        IndexSort::Outlook => f.outlook.is_some(),
                    })
                })
            })
            .collect()
    }

    /// Show each career's completeness score (`export --index-scores`).
    pub fn with_scores(mut self, scores: bool) -> Self {
        self.scores = scores;
        self
    }

    /// The careers, in the index's order.
    pub fn entries(&self) -> &[IndexEntry] {
        &self.entries
    }

    /// The locale the index is written for.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// How many careers it lists.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it lists no career.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `compare` for two figures; a career with the figure comes before one
/// without.
fn present_first<T>(
    a: Option<T>,
    b: Option<T>,
    compare: impl Fn(T, T) -> std::cmp::Ordering,
) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => compare(a, b),
        (a, b) => b.is_some().cmp(&a.is_some()),
    }
}

/// Where each category, and each career type within it, starts and ends in
/// sorted `entries`.
fn groups(entries: &[IndexEntry]) -> Vec<CategoryGroup> {
    let mut groups: Vec<CategoryGroup> = Vec::new();
    for (at, entry) in entries.iter().enumerate() {
        let same_category = groups
            .last()
            .is_some_and(|group| entries[group.start].category() == entry.category());
        if !same_category {
            groups.push(CategoryGroup {
                start: at,
                end: at,
                types: Vec::new(),
            });
        }
        if let Some(group) = groups.last_mut() {
            group.end = at + 1;
            let same_type = group
                .types
                .last()
                .is_some_and(|&(start, _)| entries[start].career_type() == entry.career_type());
            match group.types.last_mut() {
                Some(last) if same_type => last.1 = at + 1,
                _ => group.types.push((at, at + 1)),
            }
        }
    }
    groups
}

/// The index view for `format`, as the template context.
pub(in crate::render) fn build_index(
    careers: &CareerIndex,
    format: Format,
    page_size: PageSize,
    labels: &Labels,
) -> Value {
    let mut count = fluent_bundle::FluentArgs::new();
    count.set("count", careers.len());
    let view = IndexView {
        page: super::build::page_with_alternates(
            &careers.locale,
            page_size,
            labels
                .format("index-description", Some(&count))
                .unwrap_or_default(),
            &careers.alternates,
        ),
        scores: careers.scores,
        careers: Value::from_object(CareerList {
            entries: Arc::clone(&careers.entries),
            range: 0..careers.entries.len(),
            format,
            locale: careers.locale.as_str().into(),
            labels: labels.clone(),
        }),
        groups: index_groups(careers, format, labels),
        columns: careers
            .sorts()
            .into_iter()
            .map(|sort| {
                let (label, order) = match sort {
                    IndexSort::Pay => ("index-pay", "descending"),
                    IndexSort::Education => ("fact-entry-education", "ascending"),
                    IndexSort::Outlook => ("fact-outlook", "descending"),
                };
                Arc::new(IndexColumnView {
                    key: sort.name(),
                    label: labels.get(label),
                    href: (format == Format::Html).then(|| careers.file_name(Some(sort), "html")),
                    order,
                    order_words: labels.get(&format!("index-order-{}", sort.name())),
                })
            })
            .collect(),
        tabular: careers.scores || !careers.sorts().is_empty(),
        sort: careers.sort.map(IndexSort::name),
        grouped_href: careers.file_name(None, format.extension()),
    };
    lens(&Arc::new(view), 0)
}

/// The id of a career's chapter in a booklet.
pub(in crate::render) fn chapter_anchor(id: &str) -> String {
    format!("career-{id}")
}

/// The careers of `careers` by category, then career type.
pub(super) fn index_groups(
    careers: &CareerIndex,
    format: Format,
    labels: &Labels,
) -> Vec<Arc<IndexGroupView>> {
    index_groups_within(careers, format, labels, 0..careers.entries.len())
}

/// The careers `within` (by their place in the index) by category, then
/// career type; a group begun before them is marked `continued`.
pub(super) fn index_groups_within(
    careers: &CareerIndex,
    format: Format,
    labels: &Labels,
    within: std::ops::Range<usize>,
) -> Vec<Arc<IndexGroupView>> {
    let clip = |start: usize, end: usize| start.max(within.start)..end.min(within.end);
    careers
        .groups
        .iter()
        .filter(|group| !clip(group.start, group.end).is_empty())
        .map(|group| {
            let first = &careers.entries[group.start];
            let r = Renditions::new(std::slice::from_ref(&format));
            let entries = &careers.entries[group.start..group.end];
            Arc::new(IndexGroupView {
                category: first.category().map(|c| r.plain(c)),
                lang: text_language(entries, &careers.locale, |base| base.category),
                count: group.end - group.start,
                continued: group.start < within.start,
                types: group
                    .types
                    .iter()
                    .filter(|&&(start, end)| !clip(start, end).is_empty())
                    .map(|&(start, end)| {
                        let shown = clip(start, end);
                        Arc::new(IndexTypeView {
                            continued: start < within.start,
                            career_type: careers.entries[start].career_type().map(|t| r.plain(t)),
                            named: careers.entries[start].career_type().is_some()
                                || group.types.len() > 1,
                            lang: text_language(
                                &careers.entries[start..end],
                                &careers.locale,
                                |base| base.career_type,
                            ),
                            count: end - start,
                            careers: Value::from_object(CareerList {
                                entries: Arc::clone(&careers.entries),
                                range: shown,
                                format,
                                locale: careers.locale.as_str().into(),
                                labels: labels.clone(),
                            }),
                        })
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The language a group's name is written in, when it is not the index's:
/// the locale all its careers share (a Spanish category in an English
/// index is marked as Spanish, so it is read as Spanish).
fn text_language(
    entries: &[IndexEntry],
    index_locale: &str,
    kept: impl Fn(&KeptBase) -> bool + Copy,
) -> Option<String> {
    let first = entries.first()?.language_of(kept);
    let shared = entries.iter().all(|entry| entry.language_of(kept) == first);
    (shared && !crate::locale::same_language(first, index_locale)).then(|| first.to_owned())
}

/// Entries `range` of an index, made into views one at a time.
#[derive(Debug)]
struct CareerList {
    entries: Arc<[IndexEntry]>,
    range: std::ops::Range<usize>,
    format: Format,
    /// The index's locale: a career written in another language is marked so.
    locale: Arc<str>,
    /// The index's labels, for the figures' periods and levels.
    labels: Labels,
}

impl std::fmt::Debug for Labels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Labels")
    }
}

impl Object for CareerList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let index = key.as_usize()?;
        if index >= self.range.len() {
            return None;
        }
        let entry = self.entries.get(self.range.start + index)?;
        let r = Renditions::new(std::slice::from_ref(&self.format));
        let facts = entry.facts.as_deref();
        let education = facts.and_then(|f| f.education.as_ref());
        let view = IndexEntryView {
            title: r.plain(entry.title()),
            category: entry.category().map(|c| r.plain(c)),
            score: entry.score,
            lang: self.foreign(entry.language_of(|base| base.title)),
            href: format!("{}.{}", entry.stem(), self.format.extension()),
            anchor: chapter_anchor(entry.id()),
            pay: facts.and_then(|f| f.pay.as_ref()).map(|pay| {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("amount", &*pay.amount);
                args.set(
                    "period",
                    self.labels.get(super::facts::period_key(pay.period)),
                );
                let key = if pay.median {
                    "index-pay-median"
                } else {
                    "index-pay-average"
                };
                r.plain(&self.labels.format(key, Some(&args)).unwrap_or_default())
            }),
            education: education.map(|(level, text)| match (level, text) {
                (Some(level), _) => r.plain(&self.labels.get(&format!("education-{}", level.id()))),
                (None, text) => r.plain(text.as_deref().unwrap_or_default()),
            }),
            education_lang: education
                .filter(|(level, _)| level.is_none())
                .and_then(|_| self.foreign(entry.language_of(|base| base.education))),
            outlook: facts
                .and_then(|f| f.outlook.as_ref())
                .map(|(percent, words)| {
                    let change = percent.map(|p| {
                        super::facts::percent_change(
                            p,
                            &cldr::parse_locale(&self.locale),
                            &self.labels,
                        )
                    });
                    r.plain(&match (change, words) {
                        (Some(change), Some(words)) => format!("{change} ({words})"),
                        (Some(change), None) => change,
                        (None, words) => words.as_deref().unwrap_or_default().to_owned(),
                    })
                }),
            outlook_lang: facts
                .and_then(|f| f.outlook.as_ref())
                .filter(|(_, words)| words.is_some())
                .and_then(|_| self.foreign(entry.language_of(|base| base.outlook))),
        };
        Some(lens(&Arc::new(view), 0))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.range.len())
    }
}

impl CareerList {
    /// `language`, when it is not the index's.
    fn foreign(&self, language: &str) -> Option<String> {
        (!crate::locale::same_language(language, &self.locale)).then(|| language.to_owned())
    }
}
