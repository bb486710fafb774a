//! The languages pathways' reports speak: the built-in label catalogues
//! (Project Fluent files in `templates/locales/`), embedded in the binary.
//!
//! English is the fallback for every label and the source of the section
//! headings other modules print (check's messages, `new`, `import`).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

/// The language every catalogue falls back to.
pub const FALLBACK_LANGUAGE: &str = "en";

/// Every built-in catalogue: language and Fluent source.
pub const BUILT_IN_CATALOGUES: [(&str, &str); 4] = [
    ("en", include_str!("../templates/locales/en.ftl")),
    ("es", include_str!("../templates/locales/es.ftl")),
    ("fr", include_str!("../templates/locales/fr.ftl")),
    ("de", include_str!("../templates/locales/de.ftl")),
];

/// The language of a BCP 47 tag, lower case: `es-MX` → `es`.
pub fn language_of(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(FALLBACK_LANGUAGE)
        .to_ascii_lowercase()
}

/// Whether two tags name the same language (`es-MX` and `es`), whatever
/// their regions and scripts.
pub fn same_language(one: &str, other: &str) -> bool {
    language_of(one) == language_of(other)
}

/// Each language's name for itself, as a language switch shows it.
const AUTONYMS: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "español"),
    ("fa", "فارسی"),
    ("fr", "français"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("it", "italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nl", "Nederlands"),
    ("pl", "polski"),
    ("pt", "português"),
    ("ru", "русский"),
    ("so", "Soomaali"),
    ("tl", "Tagalog"),
    ("uk", "українська"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
];

/// The name a language gives itself (`es-MX` → "español (MX)"), for a
/// link to a page in it; the tag itself for a language not listed.
pub fn autonym(tag: &str) -> String {
    let language = language_of(tag);
    let region = tag
        .split(['-', '_'])
        .skip(1)
        .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()));
    match AUTONYMS.iter().find(|(code, _)| *code == language) {
        Some((_, name)) => match region {
            Some(region) => format!("{name} ({})", region.to_ascii_uppercase()),
            None => (*name).to_owned(),
        },
        None => tag.to_owned(),
    }
}

/// The English text of a built-in label without arguments (`section-salary`
/// → "Average Salary Range"); `None` for a key the catalogue lacks.
pub fn english(key: &str) -> Option<&'static str> {
    ENGLISH.get(key).map(String::as_str)
}

/// A built-in label written as plain text on one line (`section-salary =
/// Rango salarial promedio`), in `language`; `None` for a key the catalogue
/// lacks or writes with placeables. Import reads section headings with it.
pub fn simple_label(language: &str, key: &str) -> Option<&'static str> {
    SIMPLE_LABELS
        .iter()
        .find(|(code, _)| *code == language)?
        .1
        .get(key)
        .copied()
}

/// Each catalogue's one-line plain labels, by language.
static SIMPLE_LABELS: LazyLock<Vec<(&str, BTreeMap<&str, &str>)>> = LazyLock::new(|| {
    BUILT_IN_CATALOGUES
        .iter()
        .map(|(code, source)| {
            let labels = source
                .lines()
                .filter_map(|line| line.split_once(" = "))
                .filter(|(_, value)| !value.contains(['{', '}']))
                .map(|(name, value)| (name, value.trim()))
                .collect();
            (*code, labels)
        })
        .collect()
});

static ENGLISH: LazyLock<BTreeMap<String, String>> = LazyLock::new(|| {
    let source = BUILT_IN_CATALOGUES[0].1;
    let Ok(resource) = FluentResource::try_new(source.to_owned()) else {
        return BTreeMap::new();
    };
    let mut bundle = FluentBundle::new_concurrent(vec![unic_langid::langid!("en")]);
    bundle.set_use_isolating(false);
    let ids: Vec<String> = message_ids(&resource).map(str::to_owned).collect();
    if bundle.add_resource(resource).is_err() {
        return BTreeMap::new();
    }
    ids.into_iter()
        .filter_map(|id| {
            let pattern = bundle.get_message(&id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            errors.is_empty().then_some((id, text))
        })
        .collect()
});

/// The ids of the messages a Fluent resource defines, in file order.
pub(crate) fn message_ids(resource: &FluentResource) -> impl Iterator<Item = &str> {
    resource.entries().filter_map(|entry| match entry {
        fluent_syntax::ast::Entry::Message(message) => Some(message.id.name),
        _ => None,
    })
}

/// A BCP 47 language tag as ICU reads it, written with `-` (`en-US`, not
/// `en_US`), a two- or three-letter language first: `en-US`, `zh-Hant-TW`,
/// `th-TH-u-nu-thai`, `de-CH-1996`. Extensions (`-u-`, `-t-`) and private
/// use (`-x-`) have subtags of one letter.
pub fn is_language_tag(tag: &str) -> bool {
    if icu::locale::Locale::try_from_str(tag).is_err() {
        return false;
    }
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_an_english_heading() {
        for info in crate::profile::CATALOGUE {
            assert!(
                english(&format!("section-{}", info.id)).is_some(),
                "en.ftl has no `section-{}`",
                info.id
            );
        }
        assert_eq!(english("section-salary"), Some("Average Salary Range"));
    }
}
