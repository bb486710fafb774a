//! The view nodes templates read, field by field (the template documentation
//! in README.md lists them). A [`Text`] field holds one rendering per format.

use std::sync::Arc;

use super::{Sections, Text, views};

views! {
    /// What every document says about its pages, read by templates as the
    /// document's own fields (`{{ lang }}`): one node, filled in one place.
    struct PageView {
        /// BCP 47 tag for `<html lang>`.
        lang: String,
        /// `rtl` for a language written right to left (Arabic, Hebrew), else `ltr`.
        dir: &'static str,
        /// The language alone, lower case (`en`), as Typst's `text(lang:)` takes it.
        language: String,
        /// The two-letter region, upper case (`US`), when the locale has one.
        region: Option<String>,
        /// `pathways 0.1.0`, for `<meta name="generator">`.
        generator: String,
        /// The paper it is laid out for, as CSS `@page` names it: `A4` or `letter`.
        page_size: &'static str,
        /// One or two plain sentences saying what the document is, for
        /// search engines and link previews (`<meta name="description">`).
        description: String,
        /// The same document in other languages, beside it (an export's).
        alternates: Vec<Arc<AlternateView>>,
    }

    /// The same document in another language.
    struct AlternateView {
        /// Its BCP 47 tag, for `hreflang` and `lang`.
        lang: String,
        /// The language's own name for itself ("español").
        name: String,
        /// Its file name without the extension (`library-technicians.es-MX`).
        stem: String,
        /// The published folder's address, when an export was given one.
        site: Option<String>,
    }

    /// A whole report: the context of the `report` and `handout` templates.
    struct View: page(PageView) {
        id: String,
        title: Text,
        /// The title for the page's heading: in a translation that kept the
        /// base's title, marked with the base's language (HTML `lang`, PDF tag).
        title_heading: Text,
        /// `updated` as a Typst `datetime(...)`, the PDF's document date.
        typst_date: Option<minijinja::Value>,
        category: Option<Text>,
        career_type: Option<Text>,
        /// The date of the last review, `YYYY-MM-DD` (for `<time datetime>`).
        updated: Option<String>,
        /// The same date as readers of the locale write it ("November 28, 2026").
        updated_text: Option<String>,
        summary: Vec<Arc<SummaryView>>,
        /// In catalogue order, then the extra sections; also by id.
        sections: Sections,
        sources: Vec<Arc<SourceView>>,
        /// The title as a CSS string (quotes included), for running page headers.
        title_css: String,
        /// What a short template set shows (none for the full report).
        handout: Option<Arc<HandoutView>>,
        /// Put before every `id` of an HTML page (empty, except in a
        /// booklet, where each career's ids must differ from the others').
        id_prefix: String,
        /// Whether the career is a chapter of a booklet (`export --book`),
        /// which has its own contents.
        book: bool,
        /// Other titles people search for.
        aliases: Vec<Text>,
        /// Occupation codes, each with its classification.
        codes: Vec<Arc<CodeView>>,
        /// The quick facts, when the profile gives any (or figures beyond an
        /// average pay).
        quick_facts: Option<Arc<QuickFactsView>>,
        /// Pay and education as schema.org's Occupation states them, for
        /// machines (HTML microdata).
        occupation: Arc<OccupationDataView>,
    }

    /// An amount by its schema.org name, written as a plain number (`45980`).
    struct NamedAmountView {
        name: &'static str,
        amount: String,
    }

    /// schema.org's `estimatedSalary` and `educationRequirements` of an
    /// Occupation: plain numbers and words, not formatted for people.
    struct OccupationDataView {
        /// ISO 4217 code, when the profile gives pay figures.
        currency: Option<String>,
        /// ISO 8601 duration of the pay period: `P1Y`, `P1M`, `PT1H`.
        duration: &'static str,
        /// `median` and `percentile10` ... `percentile90`, as schema.org's
        /// MonetaryAmountDistribution names them, with the amount.
        salary: Vec<Arc<NamedAmountView>>,
        /// The education to start: its level's label, or the profile's words.
        education: Option<String>,
        /// The other titles of the career, as plain text.
        alternate_names: Vec<String>,
    }

    /// What a student looks for first, a line per fact given.
    struct QuickFactsView {
        /// The facts given, pay first, in a fixed order.
        facts: Vec<Arc<QuickFactView>>,
        /// The sources of the facts and of the pay figures, each once, with
        /// the years of its figures.
        sources: Vec<Arc<FactSourceView>>,
    }

    struct QuickFactView {
        /// Which fact it is (`pay`, `entry_education`, `jobs`, ...).
        key: &'static str,
        /// "Median pay", "Education to start", ...
        label: String,
        /// The fact as reports print it, its year and words included.
        value: Text,
    }

    struct FactSourceView {
        title: Text,
        url: Option<String>,
        /// The years of its figures ("2024"), when given.
        years: Option<String>,
        /// The credit line the source asks for, when the profile gives it.
        credit: Option<Text>,
    }

    struct CodeView {
        /// "SOC 2018", "O*NET-SOC", "ISCO-08", "ESCO", or a local
        /// classification's name.
        scheme: Text,
        code: Text,
        /// The code's public page, for O*NET and ESCO codes.
        url: Option<String>,
    }

    /// What a handout shows, chosen once for every format: each block is there
    /// only when its source has text, so no format prints an empty heading.
    struct HandoutView {
        /// The overview's first paragraph: what the job is, for a profile
        /// without a summary.
        overview: Option<Text>,
        salary: Option<Arc<HandoutSalaryView>>,
        /// The first paragraph of education and outlook.
        facts: Vec<Arc<FactView>>,
        /// Up to six skills, by title or text.
        skills: Vec<Text>,
        /// Each first step's title and first sentence.
        steps: Vec<Arc<ItemView>>,
        /// Related careers, by title or text.
        related: Vec<Text>,
        steps_heading: Text,
        related_heading: Text,
        /// The profile's sources that ask for a credit line (a licence's
        /// attribution) the quick facts do not print: the only sources a
        /// handout lists.
        credited: Vec<Arc<SourceView>>,
    }

    struct HandoutSalaryView {
        heading: Text,
        /// When the profile gives figures.
        figures: Option<Arc<SalaryView>>,
        /// The salary section's first paragraph, when it gives no figures.
        prose: Option<Text>,
    }

    struct FactView {
        anchor: String,
        heading: Text,
        text: Text,
    }

    struct SummaryView {
        heading: Text,
        text: Text,
    }

    struct SectionView {
        id: String,
        /// Fragment id for links from the table of contents.
        anchor: String,
        heading: Text,
        /// The section's shape: `general`, `salary` (with `salary`),
        /// `remote_work` (with `remote_level`) or `misconceptions` (with
        /// `misconceptions`); every shape has the prose fields.
        kind: &'static str,
        /// Whether the items are steps in order (numbered) rather than a set (bulleted).
        ordered: bool,
        intro: Option<Text>,
        items: Vec<Arc<ItemView>>,
        groups: Vec<Arc<GroupView>>,
        outro: Option<Text>,
        /// In the salary section only.
        salary: Option<Arc<SalaryView>>,
        remote_level: Option<String>,
        misconceptions: Vec<Arc<MisconceptionView>>,
    }

    struct ItemView {
        /// `- ` in a bulleted list, `1. `, `2. `… in a numbered one. In Markdown
        /// and plain text, later lines of `text` are indented to go under it.
        marker: String,
        title: Option<Text>,
        text: Text,
    }

    struct GroupView {
        heading: Text,
        intro: Option<Text>,
        items: Vec<Arc<ItemView>>,
        outro: Option<Text>,
    }

    struct SalaryView {
        currency: String,
        /// "per year", "per month", "per hour".
        period: String,
        average: Option<String>,
        ranges: Vec<Arc<SalaryRangeView>>,
        /// Pay at the percentiles given, lowest first.
        percentiles: Vec<Arc<PercentileView>>,
    }

    struct PercentileView {
        /// "10th percentile".
        label: String,
        amount: String,
    }

    struct SalaryRangeView {
        /// "Entry level", "Mid-career", "Senior", or the profile's own label.
        stage: Text,
        min: String,
        max: String,
    }

    struct MisconceptionView {
        myth: Text,
        reality: Text,
    }

    struct SourceView {
        title: Text,
        url: Option<String>,
        /// The credit line the source asks for, when the profile gives it.
        credit: Option<Text>,
    }

    /// The export index: the context of the `index` templates, in the
    /// locale most of the careers are written for.
    struct IndexView: page(PageView) {
        /// Whether each career's completeness score is shown (`--index-scores`).
        scores: bool,
        /// The careers, made one at a time as the template reaches them: an
        /// index of 10,000 careers is never held as template values.
        careers: minijinja::Value,
        /// The same careers by category, then career type.
        groups: Vec<Arc<IndexGroupView>>,
        /// The figures shown beside each title, those some career gives.
        columns: Vec<Arc<IndexColumnView>>,
        /// Whether careers are listed in tables (there are columns, or
        /// scores), not as plain lists of titles.
        tabular: bool,
        /// The column this index is sorted by (`pay`), none when it lists
        /// careers by category.
        sort: Option<&'static str>,
        /// The index by category, for a sorted index to link back to.
        grouped_href: String,
    }

    /// A column of the index: a figure each career may give.
    struct IndexColumnView {
        /// `pay`, `education` or `outlook`.
        key: &'static str,
        label: String,
        /// The index sorted by it (HTML only: `index.by-pay.html`).
        href: Option<String>,
        /// `ascending` or `descending`, the order it sorts in.
        order: &'static str,
        /// How the order reads: "highest first".
        order_words: String,
    }

    /// The careers of one category (`none`: those without one, last).
    struct IndexGroupView {
        category: Option<Text>,
        /// The locale its name is written in, when not the index's.
        lang: Option<String>,
        count: usize,
        types: Vec<Arc<IndexTypeView>>,
        /// Whether its careers began on an earlier run of pages (the contents
        /// of a booklet typeset in parts), so its name is not printed again.
        continued: bool,
    }

    /// The careers of one type within a category (`none`: without one, last).
    struct IndexTypeView {
        career_type: Option<Text>,
        /// Whether its name is printed: it has a career type, or its
        /// category has careers of more than one type (counted over the
        /// whole category, also where only part of it is shown).
        named: bool,
        /// The locale its name is written in, when not the index's.
        lang: Option<String>,
        count: usize,
        /// Made one at a time, as `careers` of the whole index.
        careers: minijinja::Value,
        /// As the group's.
        continued: bool,
    }

    struct IndexEntryView {
        title: Text,
        category: Option<Text>,
        score: u8,
        /// The title's locale, when its language is not the index's.
        lang: Option<String>,
        /// The report's file name, relative to the index.
        href: String,
        /// The id of the career's chapter in a booklet: `career-<id>`.
        anchor: String,
        /// Median pay (or the average, said so) with its period.
        pay: Option<Text>,
        /// The education to start: its level, or else the profile's words.
        education: Option<Text>,
        /// The locale of `education` when it is the profile's words and
        /// not in the index's language.
        education_lang: Option<String>,
        /// The projected change in percent, and the source's words.
        outlook: Option<Text>,
        /// The locale of the outlook's words, when not the index's language.
        outlook_lang: Option<String>,
    }

    /// A booklet of every exported career: the context of the `book`
    /// templates, in the locale most of the careers are written for.
    struct BookView: page(PageView) {
        /// From `--book-title`.
        title: String,
        /// The template set each chapter comes from (`report`, `handout`).
        set: String,
        count: usize,
        /// The contents: careers by category, then career type.
        groups: Vec<Arc<IndexGroupView>>,
        /// In the order of the contents (in a booklet typeset in parts, this
        /// part's chapters only).
        chapters: Vec<Arc<ChapterView>>,
        /// Whether to print the contents: false in the parts of chapters of
        /// a booklet typeset in parts.
        front: bool,
        /// Whether to print the cover and the contents' heading: false in
        /// the later runs of contents of a booklet typeset in parts.
        cover: bool,
        /// A long PDF booklet is typeset in parts and joined: the page the
        /// part starts on (none in a booklet typeset whole).
        first_page: Option<usize>,
        /// The booklet's number of pages, when typeset in parts.
        total_pages: Option<usize>,
        /// Each chapter's first page by its `anchor`, for the contents of a
        /// booklet typeset in parts (whose links are then to
        /// `pathways-chapter:` and the anchor).
        chapter_pages: Option<minijinja::Value>,
    }

    struct ChapterView {
        /// `career-<id>`, what the contents link to.
        anchor: String,
        /// The name of the printed pages the chapter is on: `chapter-1`, ...
        page: String,
        /// The career's own locale, which may differ from the booklet's.
        lang: String,
        title: Text,
        /// The title as a CSS string, for the running header.
        title_css: String,
        /// The title as a Typst string literal.
        title_typst: String,
        /// The block `career` of the career's report (or handout), as rendered.
        body: minijinja::Value,
    }
}

views! {
    /// Two to four careers side by side: the context of the `compare`
    /// templates, in the locale of the first career (printed landscape).
    struct CompareView: page(PageView) {
        /// The careers' titles, for `<title>` and `<meta name="description">`.
        titles: String,
        /// Width of a plain-text comparison, in columns.
        width: usize,
        careers: Vec<Arc<CompareCareerView>>,
        /// One row per subject, a cell per career in `careers` order.
        rows: Vec<Arc<CompareRowView>>,
        /// Why figures cannot be compared directly (different currencies or
        /// pay periods), said under the table.
        notes: Vec<String>,
    }

    struct CompareCareerView {
        id: String,
        title: Text,
        category: Option<Text>,
        career_type: Option<Text>,
    }

    struct CompareRowView {
        /// `category`, `salary`, a section id, ...: for styling.
        id: String,
        heading: Text,
        cells: Vec<Arc<CompareCellView>>,
    }

    struct CompareCellView {
        /// The career the cell belongs to (shown above it on a narrow screen).
        career: Text,
        /// Each a line or short paragraph; "not described" when the profile
        /// lacks the subject.
        lines: Vec<Text>,
        described: bool,
    }
}
