//! Every rule pathways checks, in one registry: its stable id, default
//! severity, whether a policy may change it, and the help text that
//! messages and machine formats (SARIF) show. A finding names its rule by
//! this enum, so it cannot name a rule that is not here.

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth fixing; fails a check only with `--strict`.
    Warning,
    /// Must be fixed: the profile is not rendered or exported.
    Error,
}

impl Severity {
    /// `warning` or `error`, as reports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares [`Rule`] and its registry from one table.
macro_rules! rules {
    ($($variant:ident = $id:literal, $severity:ident, $configurable:literal, $help:literal;)*) => {
        /// A rule pathways checks. Its id (`Rule::id`) is what users write in
        /// a policy and what every report shows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(
                #[doc = $help]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in the order reports list them.
            pub const ALL: &[Rule] = &[$(Rule::$variant),*];

            /// The stable id, such as `placeholder-text`.
            pub const fn id(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)*
                }
            }

            /// The severity when no policy changes it.
            pub const fn default_severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)*
                }
            }

            /// Whether a policy may change its severity or turn it off. Rules
            /// about a file that cannot be read as a profile at all may not.
            pub const fn configurable(self) -> bool {
                match self {
                    $(Rule::$variant => $configurable,)*
                }
            }

            /// What the rule asks for, in one sentence.
            pub const fn help(self) -> &'static str {
                match self {
                    $(Rule::$variant => $help,)*
                }
            }
        }
    };
}

rules! {
    // The file cannot be read as a profile: no policy may change these.
    NotUtf8 = "not-utf8", Error, false,
        "The file must be UTF-8 text.";
    EmptyFile = "empty-file", Error, false,
        "The file must hold a profile.";
    YamlSyntax = "yaml-syntax", Error, false,
        "The file must be valid YAML.";
    YamlTooComplex = "yaml-too-complex", Error, false,
        "The YAML must not nest too deeply or expand aliases without bound.";
    YamlTooLarge = "yaml-too-large", Error, false,
        "A file must hold no more than 200,000 values: far more than any career profile.";
    MultipleDocuments = "multiple-documents", Error, false,
        "A file holds one profile: one YAML document.";
    DuplicateKey = "duplicate-key", Error, false,
        "A key may appear only once in the same place.";
    UnknownKey = "unknown-key", Error, false,
        "Every key must be one pathways knows, so a typo never drops content.";
    UnknownValue = "unknown-value", Error, false,
        "Fields with a fixed set of values must use one of them.";
    WrongType = "wrong-type", Error, false,
        "Each field must hold the kind of value it is for: text, a number, a list.";
    MissingField = "missing-field", Error, false,
        "`id`, `title` and `sections` are required, as are the fields inside list entries.";
    InvalidId = "invalid-id", Error, false,
        "The id is lower-case letters, digits and single hyphens; file names derive from it.";
    ControlCharacter = "control-character", Error, false,
        "Text holds no control characters (other than tab and line breaks): they garble reports and terminals.";
    ReservedId = "reserved-id", Error, false,
        "The id is not `index` (the export's index page) or a device name Windows reserves.";
    IdTooLong = "id-too-long", Error, false,
        "The id has at most 100 characters, so the file names made from it fit every disk.";
    // What every report format must be able to show as it is written.
    LineBreakInLabel = "line-break-in-label", Error, false,
        "Titles, categories, career types and headings are one line: a line break would start a new heading or paragraph in reports.";
    InvisibleText = "invisible-text", Error, false,
        "Text that is there can be seen: not only spaces, zero-width characters or direction marks, which print as a blank.";
    SalaryOutOfRange = "salary-out-of-range", Error, false,
        "Salary figures are ordinary numbers of at most 1,000,000,000,000 (not infinity, not 1e308).";
    LinkTooLong = "link-too-long", Error, false,
        "A link's address has at most 2,000 characters, as browsers and PDF readers accept.";
    TooDeeplyNested = "too-deeply-nested", Error, false,
        "Quotes and lists are nested at most 10 deep, so every format (PDF too) can lay them out.";
    TranslationAddsData = "translation-adds-data", Error, false,
        "A translation holds only its base profile's text: figures, codes, dates and addresses come from the base, and it adds no text the base lacks.";
    TranslationOrphan = "translation-orphan", Error, false,
        "A translation file (`<id>.<language>.yaml`) sits beside its base profile (`<id>.yaml`).";
    // The profile reads, but something in it is wrong or unfinished.
    EmptyTitle = "empty-title", Error, true,
        "The title names the career.";
    InvalidDate = "invalid-date", Error, true,
        "`updated` is a date written YYYY-MM-DD.";
    InvalidLocale = "invalid-locale", Error, true,
        "`locale` is a language tag such as en-US.";
    NoTranslation = "no-translation", Warning, true,
        "The language of `locale` has a label catalogue; reports in any other get English headings and labels.";
    RequiredField = "required-field", Error, true,
        "Fields the policy requires (such as `updated` or `sources`) are present.";
    Outdated = "outdated", Warning, true,
        "The profile was reviewed within the policy's maximum age.";
    MissingSection = "missing-section", Error, true,
        "Sections the policy requires are present.";
    EmptySection = "empty-section", Error, true,
        "A section that is present has text.";
    EmptyItem = "empty-item", Error, true,
        "List entries, sub-lists and summary entries have text.";
    DuplicateItem = "duplicate-item", Warning, true,
        "A list does not repeat an entry.";
    TooFewItems = "too-few-items", Error, true,
        "Sections have at least the number of entries the policy asks for.";
    TooFewWords = "too-few-words", Warning, true,
        "Sections have at least the number of words the policy asks for.";
    TooManyItems = "too-many-items", Error, true,
        "A list has at most 1,000 entries: more means the wrong file, or a generated one.";
    PlaceholderText = "placeholder-text", Error, true,
        "No placeholder text (TODO, TBD, FIXME, xxx, ???, lorem ipsum) is left in.";
    UnfinishedSentence = "unfinished-sentence", Warning, true,
        "Paragraphs end with a full stop (or ?, !, :), not mid-sentence.";
    UnsafeLink = "unsafe-link", Warning, true,
        "Links are full web addresses (http or https) or mailto: addresses.";
    UnknownCurrency = "unknown-currency", Error, true,
        "The salary currency is an ISO 4217 code such as USD or EUR.";
    SalaryWithoutFigures = "salary-without-figures", Warning, true,
        "The salary section gives figures (an average or ranges), not only text.";
    SalaryMissingCurrency = "salary-missing-currency", Warning, true,
        "Salary figures state their currency.";
    SalaryNegative = "salary-negative", Error, true,
        "Salary figures are not negative.";
    SalaryMinAboveMax = "salary-min-above-max", Error, true,
        "Each salary range starts at or below where it ends.";
    SalaryStageOrder = "salary-stage-order", Error, true,
        "Salary ranges are listed entry, mid, senior, each once.";
    SalaryAverageOutsideRanges = "salary-average-outside-ranges", Warning, true,
        "The average salary falls within the ranges given.";
    SummaryContradictsSalary = "summary-contradicts-salary", Warning, true,
        "What the summary says a career stage earns agrees with the salary section's range for it.";
    InvalidCode = "invalid-code", Error, true,
        "Occupation codes have their classification's shape: SOC `25-4031`, O*NET `25-4031.00`, ISCO-08 `4411`, an ESCO occupation URI.";
    EmptyFact = "empty-fact", Error, true,
        "A quick fact gives a figure or words, not neither.";
    FactOutOfRange = "fact-out-of-range", Error, true,
        "Fact figures are ones that can be: hours within a week, a percent change of at least -100, a four-digit year.";
    FactWithoutSource = "fact-without-source", Warning, true,
        "A figure names its source and its year (`source`, `year`): sources disagree, and figures age.";
    StaleFact = "stale-fact", Warning, true,
        "A fact's year is within the policy's `max_fact_age_years` (5 by default) of the profile's review date.";
    OutlookWithoutPeriod = "outlook-without-period", Error, true,
        "An outlook's percent change states the years it is over (`period: 2024–34`).";
    SalaryPercentileOrder = "salary-percentile-order", Error, true,
        "Pay percentiles rise from the 10th to the 90th, and a median given with them is the 50th.";
    SalaryMedianOutsideRanges = "salary-median-outside-ranges", Error, true,
        "The median pay falls within the salary ranges given.";
    MissingGlyph = "missing-glyph", Warning, true,
        "Every character of a PDF has a font that shows it; without one it prints as a box, and the PDF cannot be accessible (PDF/UA).";
    TranslationIncomplete = "translation-incomplete", Warning, true,
        "A translation translates every text of its base profile; what it leaves out prints in the base's language.";
    TranslationOutdated = "translation-outdated", Warning, true,
        "A translation was checked against its base profile (`updated`) on or after the base's own review date.";
    MissingLanguage = "missing-language", Error, true,
        "A profile has a translation into each language the policy's `require_languages` names.";
    IdFileName = "id-file-name", Warning, true,
        "The file is named after the profile's id (`<id>.yaml`).";
    DuplicateId = "duplicate-id", Error, true,
        "No two profiles share an id.";
    LowScore = "low-score", Error, true,
        "The completeness score reaches the policy's minimum.";
    // About a policy file, not a profile.
    InvalidPolicy = "invalid-policy", Error, false,
        "A policy file names only rules and sections pathways has, with levels and limits it can use.";
}

impl Rule {
    /// The rule with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.id() == id)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        for (i, rule) in Rule::ALL.iter().enumerate() {
            assert!(
                rule.id()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{rule}"
            );
            assert!(Rule::ALL[..i].iter().all(|r| r.id() != rule.id()), "{rule}");
            assert_eq!(Rule::from_id(rule.id()), Some(*rule));
        }
        assert_eq!(Rule::from_id("placeholder"), None);
    }
}
