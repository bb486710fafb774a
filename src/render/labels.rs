//! Labels: the fixed words of a report ("Contents", "Page 1 of 2", the
//! section headings) in the profile's language, from Project Fluent
//! catalogues: the built-in ones, with a template folder's
//! `locales/<language>.ftl` laid over them label by label.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, PoisonError, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu::decimal::DecimalFormatter;
use intl_memoizer::concurrent::IntlLangMemoizer;

use super::cldr;
use super::templates::TemplateSource;
use crate::error::Error;
use crate::locale::{BUILT_IN_CATALOGUES, FALLBACK_LANGUAGE, language_of};

type Bundle = FluentBundle<Arc<FluentResource>>;

/// Where the label goes in the `colon` label as [`Catalogues::plain_label`] gives it.
pub(crate) const COLON_MARK: &str = "\u{E000}";

/// Every catalogue a renderer knows, and a bundle per locale met so far.
pub(crate) struct Catalogues {
    /// Language → its catalogues, the built-in one first, the folder's last.
    resources: BTreeMap<String, Vec<Arc<FluentResource>>>,
    /// Locale tag → the bundle of its language, formatting numbers for that
    /// locale (`es-MX` groups `1,234`; `es-ES` writes `1234`).
    bundles: RwLock<HashMap<String, Arc<Bundle>>>,
    /// Locale tag → every label without arguments, formatted once: a
    /// report asks for dozens of them, and an export for thousands.
    plain: RwLock<HashMap<String, Arc<HashMap<String, minijinja::Value>>>>,
}

impl Catalogues {
    /// The built-in catalogues and those of `user_folder`'s `locales/`.
    pub(crate) fn load(
        source: &TemplateSource,
        user_folder: Option<&Path>,
    ) -> Result<Catalogues, Error> {
        let mut resources: BTreeMap<String, Vec<Arc<FluentResource>>> = BTreeMap::new();
        for (language, text) in BUILT_IN_CATALOGUES {
            let name = format!("locales/{language}.ftl");
            resources
                .entry(language.to_owned())
                .or_default()
                .push(parse(&name, text.to_owned())?);
        }
        let user_languages = user_folder
            .and_then(|folder| std::fs::read_dir(folder.join("locales")).ok())
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let language = name.strip_suffix(".ftl")?;
                is_language_subtag(language).then(|| language.to_owned())
            });
        let mut user_resources = Vec::new();
        for language in user_languages {
            let name = format!("locales/{language}.ftl");
            if let Some(text) = source.load_user(&name).map_err(|e| Error::Template {
                message: format!("cannot read `{name}` in the template folder: {e}"),
            })? {
                let resource = parse(&name, text)?;
                user_resources.push((language.clone(), Arc::clone(&resource)));
                resources.entry(language).or_default().push(resource);
            }
        }
        let catalogues = Catalogues {
            resources,
            bundles: RwLock::new(HashMap::new()),
            plain: RwLock::new(HashMap::new()),
        };
        for (language, user) in &user_resources {
            catalogues.check_references(language, user)?;
        }
        Ok(catalogues)
    }

    /// A label of a folder's catalogue that names itself (directly or
    /// through others), or a label or term no catalogue has, would print
    /// Fluent's `{-a}` placeholders in every report: refused, naming it.
    fn check_references(&self, language: &str, resource: &FluentResource) -> Result<(), Error> {
        let bundle = self.bundle(language, language);
        for key in crate::locale::message_ids(resource) {
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            bundle.format_pattern(pattern, None, &mut errors);
            let problem = errors.iter().find_map(|error| match error {
                fluent_bundle::FluentError::ResolverError(resolver) => match resolver {
                    ResolverError::Cyclic => {
                        Some("it names itself, directly or through other labels".to_owned())
                    }
                    ResolverError::TooManyPlaceables => {
                        Some("it expands to too many parts (labels naming labels)".to_owned())
                    }
                    ResolverError::Reference(ReferenceKind::Variable { .. }) => None,
                    ResolverError::Reference(_) => {
                        Some(format!("it names something no catalogue has ({resolver})"))
                    }
                    _ => None,
                },
                _ => None,
            });
            if let Some(problem) = problem {
                return Err(Error::Template {
                    message: format!(
                        "the label `{key}` in `locales/{language}.ftl` of the template folder cannot be used: {problem}\n\
                         hint: write the label's text itself; a label may name another label, but never itself"
                    ),
                });
            }
        }
        Ok(())
    }

    /// The languages with a catalogue (`de`, `en`, `es`, `fr`, and any the
    /// template folder adds).
    pub(crate) fn languages(&self) -> Vec<String> {
        self.resources.keys().cloned().collect()
    }

    /// Whether labels for `locale` are isolated from the text around them:
    /// a page written right to left whose language has no catalogue gets
    /// English labels, and without an isolate the bidi algorithm moves
    /// their punctuation to the wrong end (`:Average salary`).
    pub(crate) fn isolates_labels(&self, locale: &str) -> bool {
        crate::render::cldr::is_right_to_left(&crate::render::cldr::parse_locale(locale))
            && !self.resources.contains_key(&language_of(locale))
    }

    /// The labels for readers of `locale`: its language's catalogue, English
    /// for anything that lacks.
    pub(crate) fn labels(&self, locale: &str) -> Labels {
        Labels {
            own: self.bundle(locale, &language_of(locale)),
            english: self.bundle(FALLBACK_LANGUAGE, FALLBACK_LANGUAGE),
        }
    }

    /// The label `key` for `locale` when it takes no arguments, from a table
    /// made once per locale; `None` when it takes some, or none has it.
    pub(crate) fn plain_label(&self, locale: &str, key: &str) -> Option<minijinja::Value> {
        let table = self
            .plain
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(locale)
            .cloned();
        let table = table.unwrap_or_else(|| {
            let labels = self.labels(locale);
            let mut table: HashMap<String, minijinja::Value> = self
                .resources
                .values()
                .flatten()
                .flat_map(|resource| crate::locale::message_ids(resource))
                .filter_map(|key| Some((key.to_owned(), labels.format_plain(key)?.into())))
                .collect();
            // The colon after a label, with a mark where the label goes.
            let mut args = FluentArgs::new();
            args.set("label", COLON_MARK);
            if let Some(colon) = labels.format("colon", Some(&args)) {
                table.insert("colon".to_owned(), colon.into());
            }
            let table = Arc::new(table);
            self.plain
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(locale.to_owned(), Arc::clone(&table));
            table
        });
        table.get(key).cloned()
    }

    /// The bundle of `language`'s catalogues (none for a language without
    /// one), formatting numbers for `locale`.
    fn bundle(&self, locale: &str, language: &str) -> Arc<Bundle> {
        if let Some(bundle) = self
            .bundles
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(locale)
        {
            return Arc::clone(bundle);
        }
        let tag = locale
            .parse::<unic_langid::LanguageIdentifier>()
            .unwrap_or_else(|_| unic_langid::langid!("en"));
        let mut bundle = Bundle::new_concurrent(vec![tag]);
        // Fluent wraps each argument in invisible direction marks by default;
        // reports are plain text in one direction per page.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_number));
        for resource in self.resources.get(language).into_iter().flatten() {
            bundle.add_resource_overriding(Arc::clone(resource));
        }
        let bundle = Arc::new(bundle);
        self.bundles
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(locale.to_owned(), Arc::clone(&bundle));
        bundle
    }
}

/// The labels of one locale.
#[derive(Clone)]
pub(crate) struct Labels {
    /// The locale's language (empty when it has no catalogue).
    own: Arc<Bundle>,
    english: Arc<Bundle>,
}

impl Labels {
    /// The label `key` with `args`; `None` when no catalogue has it.
    pub(crate) fn format(&self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        self.format_checked(key, args).map(|(text, _)| text)
    }

    /// The label `key` if it formats without arguments.
    fn format_plain(&self, key: &str) -> Option<String> {
        self.format_checked(key, None)
            .and_then(|(text, complete)| complete.then_some(text))
    }

    /// The label `key`, and whether every argument it names was given.
    fn format_checked(&self, key: &str, args: Option<&FluentArgs>) -> Option<(String, bool)> {
        let bundle = [&self.own, &self.english]
            .into_iter()
            .find(|bundle| bundle.has_message(key))?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        // A label is one line of plain text: a catalogue cannot put a
        // control character into a report.
        let text = text.chars().filter(|c| !c.is_control()).collect();
        Some((text, errors.is_empty()))
    }

    /// The label `key`; the key itself if no catalogue has it (the built-in
    /// catalogues have every key the code asks for: a test checks it).
    pub(crate) fn get(&self, key: &str) -> String {
        self.format(key, None).unwrap_or_else(|| key.to_owned())
    }
}

/// The keys the code (not the templates) asks the catalogues for.
#[cfg(test)]
fn code_keys() -> Vec<String> {
    let mut keys: Vec<String> = crate::profile::CATALOGUE
        .iter()
        .map(|info| section_key(info.id))
        .collect();
    keys.extend(
        [
            "stage-entry",
            "stage-mid",
            "stage-senior",
            "period-year",
            "period-month",
            "period-hour",
            "remote-none",
            "remote-limited",
            "remote-moderate",
            "remote-high",
            "index-description",
            "compare-description",
            "compare-not-described",
            "compare-currencies-differ",
            "compare-periods-differ",
            "compare-untranslated",
            "compare-first-step",
            "book-title",
            "book-description",
            "fact-pay-median",
            "fact-pay-average",
            "fact-entry-education",
            "fact-work-experience",
            "fact-training",
            "fact-jobs",
            "fact-outlook",
            "fact-openings",
            "fact-hours",
            "fact-regulated",
            "fact-percent",
            "index-pay",
            "index-pay-median",
            "index-pay-average",
            "index-order-pay",
            "index-order-education",
            "index-order-outlook",
            "salary-percentile",
            "education-none",
            "education-high-school",
            "education-postsecondary-nondegree",
            "education-some-college",
            "education-associate",
            "education-bachelor",
            "education-master",
            "education-doctoral",
        ]
        .map(str::to_owned),
    );
    keys
}

/// The key of a catalogue section's heading: `section-<id>`.
pub(crate) fn section_key(id: &str) -> String {
    format!("section-{id}")
}

/// `es`, `fr`, `zh`: two or three lower-case letters.
fn is_language_subtag(text: &str) -> bool {
    (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase())
}

fn parse(name: &str, text: String) -> Result<Arc<FluentResource>, Error> {
    match FluentResource::try_new(text) {
        Ok(resource) => Ok(Arc::new(resource)),
        Err((resource, errors)) => {
            let source = resource.source();
            let problems: Vec<String> = errors
                .iter()
                .map(|error| {
                    // The entry that is broken starts at `slice`; `pos` can
                    // be where the parser gave up, a line further on.
                    let at = error.slice.as_ref().map_or(error.pos.start, |slice| {
                        let rest = source.get(slice.start..).unwrap_or("");
                        slice.start + rest.len() - rest.trim_start().len()
                    });
                    let line = source[..at.min(source.len())].matches('\n').count() + 1;
                    format!("`{name}`, line {line}: {}", error.kind)
                })
                .collect();
            Err(Error::Template {
                message: format!(
                    "{}\nhint: a label is written `key = text` on one line; see the built-in `templates/locales/en.ftl`",
                    problems.join("\n")
                ),
            })
        }
    }
}

/// Numbers in labels ("1,234 careers") grouped as the bundle's locale does.
struct NumberFormat(DecimalFormatter);

impl intl_memoizer::Memoizable for NumberFormat {
    type Args = ();
    type Error = ();

    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locale = cldr::parse_locale(&lang.to_string());
        DecimalFormatter::try_new((&locale).into(), Default::default())
            .map(NumberFormat)
            .map_err(drop)
    }
}

fn format_number(value: &FluentValue, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let decimal = cldr::decimal(number.value)?;
    memoizer
        .with_try_get::<NumberFormat, _, _>((), |format| format.0.format(&decimal).to_string())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::templates::BUILT_IN;

    fn catalogues() -> Catalogues {
        Catalogues::load(&TemplateSource::new(None), None).unwrap()
    }

    fn keys(text: &str) -> Vec<String> {
        let resource = FluentResource::try_new(text.to_owned()).unwrap();
        crate::locale::message_ids(&resource)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_catalogue_has_every_english_key_and_no_other() {
        let english = keys(BUILT_IN_CATALOGUES[0].1);
        for (language, text) in BUILT_IN_CATALOGUES {
            let theirs = keys(text);
            let missing: Vec<&String> = english.iter().filter(|k| !theirs.contains(k)).collect();
            let extra: Vec<&String> = theirs.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty(), "{language}.ftl lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{language}.ftl has keys English lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn every_key_is_used_by_a_template_or_the_code() {
        let code = code_keys();
        let templates: String = BUILT_IN.iter().map(|(_, text)| *text).collect();
        let catalogue = BUILT_IN_CATALOGUES[0].1;
        let unused: Vec<String> = keys(catalogue)
            .into_iter()
            .filter(|key| {
                !code.contains(key)
                    && !templates.contains(&format!("t(\"{key}\""))
                    && !templates.contains(&format!("t_parts(\"{key}\""))
                    // The `colon` filter's own label.
                    && key != "colon"
                    // A label other labels include, like `{ index-count }`.
                    && !catalogue.contains(&format!("{{ {key} }}"))
            })
            .collect();
        assert!(unused.is_empty(), "labels no template uses: {unused:?}");
        for key in code {
            assert!(
                keys(catalogue).contains(&key),
                "the code asks for `{key}`, which en.ftl lacks"
            );
        }
    }

    #[test]
    fn every_label_formats_without_error_in_every_language() {
        let catalogues = catalogues();
        let mut args = FluentArgs::new();
        for name in [
            "date",
            "page",
            "pages",
            "min",
            "max",
            "score",
            "count",
            "label",
            "careers",
            "currencies",
            "periods",
            "title",
            "percent",
            "rank",
            "amount",
            "period",
            "column",
            "order",
            "career",
            "language",
            "shown",
        ] {
            args.set(name, 2);
        }
        for (language, _) in BUILT_IN_CATALOGUES {
            let labels = catalogues.labels(language);
            let bundle = &labels.own;
            for key in keys(BUILT_IN_CATALOGUES[0].1) {
                let pattern = bundle.get_message(&key).and_then(|m| m.value()).unwrap();
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{language} `{key}`: {errors:?}");
            }
        }
    }

    #[test]
    fn plurals_and_numbers_follow_the_locale() {
        let catalogues = catalogues();
        let count = |locale: &str, n: i64| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            catalogues
                .labels(locale)
                .format("index-count", Some(&args))
                .unwrap()
        };
        assert_eq!(count("en-US", 1), "1 career");
        assert_eq!(count("en-US", 1234), "1,234 careers");
        assert_eq!(
            count("en-IN", 123456),
            "1,23,456 careers",
            "Indian grouping"
        );
        assert_eq!(count("de-DE", 1234), "1.234 Berufe");
        assert_eq!(count("fr-FR", 1), "1 métier");
        assert_eq!(count("es-MX", 2), "2 profesiones");
    }

    #[test]
    fn a_language_without_a_catalogue_falls_back_to_english() {
        let catalogues = catalogues();
        assert_eq!(catalogues.labels("ar").get("contents"), "Contents");
        assert_eq!(catalogues.labels("de-CH").get("contents"), "Inhalt");
    }
}
