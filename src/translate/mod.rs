//! TRANSLATE: a base profile and one of its translation files become one
//! single-language profile, before validation, so every document and format
//! works on it unchanged.
//!
//! A translation (`library-technicians.es-MX.yaml`) holds only the base's
//! text, in the base's shape; what is not language (ids, codes, figures,
//! dates, addresses) comes from the base. What it leaves out is the base's
//! text, recorded as such so documents can mark its language.

mod keys;
mod model;
mod skeleton;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

pub use keys::check_keys;
pub use model::{
    ExtraSectionText, FactText, GroupText, ItemParts, ItemText, SectionText, SourceText,
    SummaryText, Translation,
};
pub use skeleton::skeleton;

use crate::finding::Finding;
use crate::profile::{Group, Item, Profile, ProseMut, SectionContentMut, SourceRef, Words};
use crate::rules::Rule;

/// A base profile's file and the language of a translation file:
/// `dir/library-technicians.es-MX.yaml` → (`dir/library-technicians.yaml`,
/// `es-MX`). `None` for a file that is not a translation: one without a
/// language tag before `.yaml`, or whose tag starts with a three-letter
/// code (`career.old.yaml`, `page.txt.yaml`) and has no base beside it.
pub fn base_of(path: &Path) -> Option<(PathBuf, String)> {
    let (base, language) = named_base_of(path)?;
    let two_letters = language.split('-').next().is_some_and(|l| l.len() == 2);
    (two_letters || base.is_file()).then_some((base, language))
}

/// [`base_of`] from the name alone.
fn named_base_of(path: &Path) -> Option<(PathBuf, String)> {
    let name = path.file_name()?.to_str()?;
    let (stem, extension) = name
        .strip_suffix(".yaml")
        .map(|s| (s, "yaml"))
        .or_else(|| name.strip_suffix(".yml").map(|s| (s, "yml")))?;
    let (id, language) = stem.rsplit_once('.')?;
    if id.is_empty() || !crate::locale::is_language_tag(language) {
        return None;
    }
    Some((
        path.with_file_name(format!("{id}.{extension}")),
        language.to_owned(),
    ))
}

/// A short fingerprint of a text (FNV-1a, 32 bits, in hex): the same for
/// the same words in every version of pathways, so a translation can say
/// what its base said when it was made.
pub fn fingerprint(text: &str) -> String {
    written_fingerprint(fingerprint_hash(text))
}

/// A fingerprint as files hold it: eight hex digits.
fn written_fingerprint(hash: u32) -> String {
    format!("{hash:08x}")
}

/// The number a [`fingerprint`] writes.
fn fingerprint_hash(text: &str) -> u32 {
    text.trim().bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The aliases as one text, for their fingerprint.
fn aliases_text(base: &Profile) -> String {
    base.aliases
        .iter()
        .map(|a| a.0.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The translation file of `base` into `language`: `a.yaml` → `a.es-MX.yaml`.
pub fn file_for(base: &Path, language: &str) -> PathBuf {
    let stem = base
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let extension = base.extension().and_then(|s| s.to_str()).unwrap_or("yaml");
    base.with_file_name(format!("{stem}.{language}.{extension}"))
}

/// The translation files beside a base profile, by language, in name order.
pub fn translations_of(base: &Path) -> Vec<(PathBuf, String)> {
    let Some(stem) = base.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    let folder = match base.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let path = base.with_file_name(entry.file_name());
            let (of, language) = named_base_of(&path)?;
            (of.file_stem().and_then(|s| s.to_str()) == Some(stem) && path.is_file())
                .then_some((path, language))
        })
        .collect();
    found.sort();
    found
}

/// A base profile in one language.
#[derive(Debug, Clone)]
pub struct Projection {
    /// The profile with the translation's text, in the translation's language.
    pub profile: Profile,
    /// The field paths whose text the translation gave.
    pub translated: BTreeSet<String>,
    /// The field paths that kept the base's text, in file order.
    pub fallback: Vec<String>,
    /// What the translation holds that the base has no place for (not
    /// located: paths in the translation file).
    pub problems: Vec<Finding>,
    /// The fields whose base text has changed since the translation was
    /// made from it (its `base_text` fingerprints), in file order, each
    /// with the fingerprint of its text now.
    pub changed: Vec<(String, String)>,
}

/// `base` in `language`, with `translation`'s text where it gives some.
pub fn project(base: &Profile, translation: &Translation, language: &str) -> Projection {
    let (projection, _) = walk(base, translation, language, false);
    projection
}

/// Every text field of `base`, by path, in file order (the aliases as one
/// field, `aliases`, not among them): what a translator translates.
pub fn texts_of(base: &Profile) -> Vec<(String, String)> {
    let (_, texts) = walk(base, &Translation::default(), base.locale(), true);
    texts
}

fn walk(
    base: &Profile,
    translation: &Translation,
    language: &str,
    keep_texts: bool,
) -> (Projection, Vec<(String, String)>) {
    let mut profile = base.clone();
    profile.locale = Some(language.to_owned());
    let mut walk = Walk {
        texts: keep_texts.then(Vec::new),
        base_text: Some(&translation.base_text),
        ..Walk::default()
    };
    if translation.updated.is_some() {
        profile.updated.clone_from(&translation.updated);
        walk.translated.insert("updated".to_owned());
    }
    walk.text("title", &mut profile.title, translation.title.as_ref());
    walk.note_change("aliases", &aliases_text(base));
    match &translation.aliases {
        Some(aliases) => {
            profile.aliases = aliases
                .iter()
                .map(|a| crate::profile::Alias(a.clone()))
                .collect();
            walk.translated.insert("aliases".to_owned());
        }
        None if !profile.aliases.is_empty() => walk.fallback.push("aliases".to_owned()),
        None => {}
    }
    walk.optional(
        "category",
        &mut profile.category,
        translation.category.as_ref(),
    );
    walk.optional(
        "career_type",
        &mut profile.career_type,
        translation.career_type.as_ref(),
    );
    walk.positional(
        "sources",
        &mut profile.sources,
        &translation.sources,
        |walk, path, source, given| {
            walk.source(path, source, given);
        },
    );
    walk.positional(
        "summary",
        &mut profile.summary,
        &translation.summary,
        |walk, path, item, given| {
            walk.text(
                &format!("{path}.heading"),
                &mut item.heading,
                given.and_then(|g| g.heading.as_ref()),
            );
            walk.text(
                &format!("{path}.text"),
                &mut item.text,
                given.and_then(|g| g.text.as_ref()),
            );
        },
    );
    walk.facts(&mut profile, translation);
    walk.sections(&mut profile, translation);
    walk.extra_sections(&mut profile, translation);
    (
        Projection {
            profile,
            translated: walk.translated,
            fallback: walk.fallback,
            problems: walk.problems,
            changed: walk.changed,
        },
        walk.texts.unwrap_or_default(),
    )
}

/// The prose a translation gives for a section, if any.
#[derive(Clone, Copy, Default)]
struct GivenProse<'a> {
    intro: Option<&'a String>,
    items: &'a [Option<ItemText>],
    groups: &'a [Option<GroupText>],
    outro: Option<&'a String>,
}

impl<'a> GivenProse<'a> {
    fn of_section(given: Option<&'a SectionText>) -> Self {
        given.map_or_else(Self::default, |g| GivenProse {
            intro: g.intro.as_ref(),
            items: &g.items,
            groups: &g.groups,
            outro: g.outro.as_ref(),
        })
    }

    fn of_extra(given: Option<&'a ExtraSectionText>) -> Self {
        given.map_or_else(Self::default, |g| GivenProse {
            intro: g.intro.as_ref(),
            items: &g.items,
            groups: &g.groups,
            outro: g.outro.as_ref(),
        })
    }
}

/// The projection's record of what came from where.
#[derive(Default)]
struct Walk<'a> {
    translated: BTreeSet<String>,
    fallback: Vec<String>,
    problems: Vec<Finding>,
    /// Each base text by path, when asked for.
    texts: Option<Vec<(String, String)>>,
    /// The base's text when the translation was made, by fingerprint.
    base_text: Option<&'a HashMap<String, u32>>,
    changed: Vec<(String, String)>,
}

impl Walk<'_> {
    /// A text the base always has.
    fn text(&mut self, path: &str, base: &mut String, given: Option<&String>) {
        if let Some(texts) = &mut self.texts {
            texts.push((path.to_owned(), base.clone()));
        }
        self.note_change(path, base);
        match given {
            Some(text) => {
                base.clone_from(text);
                self.translated.insert(path.to_owned());
            }
            None => self.fallback.push(path.to_owned()),
        }
    }

    /// Notes `path` as changed when its fingerprint in the translation is
    /// not that of the base's `text` now.
    fn note_change(&mut self, path: &str, text: &str) {
        if let Some(&was) = self.base_text.and_then(|texts| texts.get(path)) {
            let now = fingerprint_hash(text);
            if was != now {
                self.changed
                    .push((path.to_owned(), written_fingerprint(now)));
            }
        }
    }

    /// A text the base may lack; the translation cannot add one.
    fn optional(&mut self, path: &str, base: &mut Option<String>, given: Option<&String>) {
        match (base, given) {
            (Some(base), given) => self.text(path, base, given),
            (None, Some(_)) => {
                self.no_place(path, "the base profile has no text here to translate")
            }
            (None, None) => {}
        }
    }

    fn no_place(&mut self, path: &str, what: &str) {
        self.problems.push(
            Finding::new(
                Rule::TranslationAddsData,
                format!("`{path}`: {what}"),
                "a translation only translates the base profile's text; \
                 add the text to the base profile first, or remove it here",
            )
            .path(path),
        );
    }

    /// A list matched by position: entries past the base's are refused,
    /// `~` or a shorter list keeps the base's entries.
    fn positional<B, T>(
        &mut self,
        path: &str,
        base: &mut [B],
        given: &[Option<T>],
        mut each: impl FnMut(&mut Self, &str, &mut B, Option<&T>),
    ) {
        for (index, entry) in base.iter_mut().enumerate() {
            let given = given.get(index).and_then(Option::as_ref);
            each(self, &format!("{path}[{index}]"), entry, given);
        }
        for index in base.len()..given.len() {
            self.no_place(
                &format!("{path}[{index}]"),
                &format!(
                    "the base profile has {} here, so there is no entry {} to translate",
                    crate::words::plural(base.len(), "entry"),
                    index + 1
                ),
            );
        }
    }

    fn source(&mut self, path: &str, source: &mut SourceRef, given: Option<&SourceText>) {
        self.text(
            &format!("{path}.title"),
            &mut source.title,
            given.and_then(|g| g.title.as_ref()),
        );
        self.optional(
            &format!("{path}.credit"),
            &mut source.credit,
            given.and_then(|g| g.credit.as_ref()),
        );
    }

    fn optional_source(
        &mut self,
        path: &str,
        source: Option<&mut SourceRef>,
        given: Option<&SourceText>,
    ) {
        match source {
            Some(source) => self.source(path, source, given),
            None if given.is_some() => self.no_place(path, "the base profile names no source here"),
            None => {}
        }
    }

    fn items(&mut self, path: &str, base: &mut [Item], given: &[Option<ItemText>]) {
        self.positional(path, base, given, |walk, path, item, given| {
            let (title, text) = match given {
                None => (None, None),
                Some(ItemText::Plain(text)) => (None, Some(text)),
                Some(ItemText::Parts(parts)) => {
                    if parts.myth.is_some() || parts.reality.is_some() {
                        walk.no_place(path, "this list's entries have no `myth` or `reality`");
                    }
                    (parts.title.as_ref(), parts.text.as_ref())
                }
            };
            if item.title.is_some() || title.is_some() {
                walk.optional(&format!("{path}.title"), &mut item.title, title);
            }
            let text_path = if item.title.is_some() {
                format!("{path}.text")
            } else {
                path.to_owned()
            };
            walk.text(&text_path, &mut item.text, text);
        });
    }

    fn groups(&mut self, path: &str, base: &mut [Group], given: &[Option<GroupText>]) {
        self.positional(path, base, given, |walk, path, group, given| {
            walk.text(
                &format!("{path}.heading"),
                &mut group.heading,
                given.and_then(|g| g.heading.as_ref()),
            );
            walk.optional(
                &format!("{path}.intro"),
                &mut group.intro,
                given.and_then(|g| g.intro.as_ref()),
            );
            walk.items(
                &format!("{path}.items"),
                &mut group.items,
                given.map_or(&[], |g| &g.items),
            );
            walk.optional(
                &format!("{path}.outro"),
                &mut group.outro,
                given.and_then(|g| g.outro.as_ref()),
            );
        });
    }

    /// The prose every section shape shares.
    fn prose(&mut self, path: &str, prose: ProseMut<'_>, given: GivenProse<'_>) {
        self.optional(&format!("{path}.intro"), prose.intro, given.intro);
        self.items(&format!("{path}.items"), prose.items, given.items);
        self.groups(&format!("{path}.groups"), prose.groups, given.groups);
        self.optional(&format!("{path}.outro"), prose.outro, given.outro);
    }

    fn facts(&mut self, profile: &mut Profile, translation: &Translation) {
        let mut words = profile
            .facts
            .as_mut()
            .map(crate::profile::Facts::words_mut)
            .unwrap_or_default();
        for name in translation.facts.keys() {
            if !words.iter().any(|fact| fact.name == name) {
                self.no_place(
                    &format!("facts.{name}"),
                    "the base profile has no such fact",
                );
            }
        }
        for fact in &mut words {
            let given = translation.facts.get(fact.name);
            let path = format!("facts.{}", fact.name);
            let asked = |key: &str| {
                given.and_then(|g| match key {
                    "text" => g.text.as_ref(),
                    "words" => g.words.as_ref(),
                    _ => g.body.as_ref(),
                })
            };
            for (key, text) in &mut fact.texts {
                let field = format!("{path}.{key}");
                match text {
                    Words::Required(text) => self.text(&field, text, asked(key)),
                    Words::Optional(text) => self.optional(&field, text, asked(key)),
                }
            }
            for key in ["text", "words", "body"] {
                if asked(key).is_some() && !fact.texts.iter().any(|(k, _)| *k == key) {
                    self.no_place(&format!("{path}.{key}"), "this fact has no such words");
                }
            }
            self.optional_source(
                &format!("{path}.source"),
                fact.source.as_deref_mut(),
                given.and_then(|g| g.source.as_ref()),
            );
        }
    }

    fn sections(&mut self, profile: &mut Profile, translation: &Translation) {
        for id in translation.sections.keys() {
            if profile.sections.get(id).is_none() {
                let what = if crate::profile::section_info(id).is_some() {
                    "the base profile has no such section, so there is nothing to translate"
                } else {
                    "there is no section with this id (see `pathways new` for the list)"
                };
                self.no_place(&format!("sections.{id}"), what);
            }
        }
        let sections = &mut profile.sections;
        for info in crate::profile::CATALOGUE {
            let given = translation.sections.get(info.id);
            let path = format!("sections.{}", info.id);
            let Some(mut content) = sections.get_mut(info.id) else {
                continue;
            };
            if let Some(prose) = content.prose_mut() {
                self.prose(&path, prose, GivenProse::of_section(given));
            }
            match content {
                SectionContentMut::Salary(s) => {
                    self.optional(
                        &format!("{path}.region"),
                        &mut s.region,
                        given.and_then(|g| g.region.as_ref()),
                    );
                    self.optional_source(
                        &format!("{path}.source"),
                        s.source.as_mut(),
                        given.and_then(|g| g.source.as_ref()),
                    );
                }
                SectionContentMut::Misconceptions(s) => {
                    self.misconceptions(&path, s, given);
                    self.refuse_salary_words(&path, given);
                }
                SectionContentMut::General(_) | SectionContentMut::RemoteWork(_) => {
                    self.refuse_salary_words(&path, given);
                }
            }
        }
    }

    fn misconceptions(
        &mut self,
        path: &str,
        section: &mut crate::profile::MisconceptionsSection,
        given: Option<&SectionText>,
    ) {
        let given_items = given.map_or(&[][..], |g| &g.items[..]);
        self.optional(
            &format!("{path}.intro"),
            &mut section.intro,
            given.and_then(|g| g.intro.as_ref()),
        );
        self.positional(
            &format!("{path}.items"),
            &mut section.items,
            given_items,
            |walk, path, pair, given| {
                let parts = match given {
                    Some(ItemText::Parts(parts)) => Some(parts),
                    Some(ItemText::Plain(_)) => {
                        walk.no_place(
                            path,
                            "a misconception is a `myth` and a `reality`, not one text",
                        );
                        None
                    }
                    None => None,
                };
                if parts.is_some_and(|p| p.title.is_some() || p.text.is_some()) {
                    walk.no_place(
                        path,
                        "a misconception has a `myth` and a `reality`, not a `title` or `text`",
                    );
                }
                let myth = parts.and_then(|p| p.myth.as_ref());
                let reality = parts.and_then(|p| p.reality.as_ref());
                walk.text(&format!("{path}.myth"), &mut pair.myth, myth);
                walk.text(&format!("{path}.reality"), &mut pair.reality, reality);
            },
        );
        if given.is_some_and(|g| !g.groups.is_empty()) {
            self.no_place(&format!("{path}.groups"), "this section has no sub-lists");
        }
        self.optional(
            &format!("{path}.outro"),
            &mut section.outro,
            given.and_then(|g| g.outro.as_ref()),
        );
    }

    fn refuse_salary_words(&mut self, path: &str, given: Option<&SectionText>) {
        if given.is_some_and(|g| g.region.is_some()) {
            self.no_place(
                &format!("{path}.region"),
                "only the salary section has a region",
            );
        }
        if given.is_some_and(|g| g.source.is_some()) {
            self.no_place(
                &format!("{path}.source"),
                "only the salary section has a source",
            );
        }
    }

    fn extra_sections(&mut self, profile: &mut Profile, translation: &Translation) {
        let given = &translation.extra_sections;
        for (index, section) in profile.extra_sections.iter_mut().enumerate() {
            let path = format!("extra_sections[{index}]");
            let given = given.get(index);
            if let Some(given) = given
                && given.id != section.id
            {
                self.no_place(
                    &format!("{path}.id"),
                    &format!(
                        "the base profile's section {} here is `{}`; an office's own sections are translated in the base's order",
                        index + 1,
                        section.id
                    ),
                );
                continue;
            }
            self.text(
                &format!("{path}.heading"),
                &mut section.heading,
                given.and_then(|g| g.heading.as_ref()),
            );
            let prose = ProseMut {
                intro: &mut section.intro,
                items: &mut section.items,
                groups: &mut section.groups,
                outro: &mut section.outro,
            };
            self.prose(&path, prose, GivenProse::of_extra(given));
        }
        for index in profile.extra_sections.len()..given.len() {
            self.no_place(
                &format!("extra_sections[{index}]"),
                "the base profile has no section here to translate",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Source, parse, parse_as};

    fn read<T: serde::de::DeserializeOwned>(text: &str) -> T {
        parse_as(&Source {
            name: "a.yaml".to_owned(),
            text: text.to_owned(),
        })
        .unwrap()
    }

    fn profile(text: &str) -> Profile {
        let source = Source {
            name: "a.yaml".to_owned(),
            text: text.to_owned(),
        };
        parse(source).map_err(|_| "a profile").unwrap().profile
    }

    #[test]
    fn an_office_s_own_section_takes_its_translation_and_no_aliases_are_missing_from_none() {
        let base = profile(
            "id: a\ntitle: Archivists\nsections: {}\nextra_sections:\n\
             \x20 - { id: visits, heading: Visits, intro: Come and see. }\n",
        );
        let translation: Translation = read(
            "title: Archivistes\nextra_sections:\n  - { id: visits, heading: Visites, intro: Venez voir. }\n",
        );
        let projection = project(&base, &translation, "fr");
        assert_eq!(projection.problems, vec![]);
        let visits = &projection.profile.extra_sections[0];
        assert_eq!(visits.heading, "Visites");
        assert_eq!(visits.intro.as_deref(), Some("Venez voir."));
        // The base has no aliases: there are none to fall back.
        assert_eq!(projection.fallback, Vec::<String>::new());
    }

    /// Text the base has no place for is refused, each at its path; a
    /// fact's source takes its translated name.
    #[test]
    fn text_the_base_has_no_place_for_is_named_and_a_fact_s_source_is_translated() {
        let base = profile(
            "id: a\ntitle: Archivists\nfacts:\n  jobs: { count: 10, source: { title: Handbook } }\n\
             \x20 training: { text: Some. }\n  outlook: { percent: 5, period: 2024-34, words: Faster. }\n\
             sections:\n  skills:\n    items: [Care.]\n",
        );
        let translation: Translation = read(
            "category: Patrimoine\nfacts:\n  jobs: { source: { title: Manuel } }\n  outlook: { words: Plus vite. }\n\
             \x20 training: { source: { title: Guide } }\n  hours: { text: Beaucoup. }\n\
             sections:\n  skills:\n    items: [{ text: Soin., reality: Vrai. }, Ordre.]\n\
             \x20 outlook:\n    intro: Bon.\n",
        );
        let projection = project(&base, &translation, "fr");
        let jobs = projection
            .profile
            .facts
            .as_ref()
            .unwrap()
            .jobs
            .as_ref()
            .unwrap();
        assert_eq!(jobs.source.as_ref().unwrap().title, "Manuel");
        let outlook = projection
            .profile
            .facts
            .as_ref()
            .unwrap()
            .outlook
            .as_ref()
            .unwrap();
        assert_eq!(outlook.words.as_deref(), Some("Plus vite."));
        let mut refused: Vec<&str> = projection
            .problems
            .iter()
            .map(|f| f.path.as_str())
            .collect();
        refused.sort_unstable();
        assert_eq!(
            refused,
            [
                "category",
                "facts.hours",
                "facts.training.source",
                "sections.outlook",
                "sections.skills.items[0]",
                "sections.skills.items[1]",
            ]
        );
        assert!(
            projection
                .problems
                .iter()
                .all(|f| f.rule == Rule::TranslationAddsData)
        );
    }

    #[test]
    fn only_a_base_s_own_translations_are_its_translations() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.yaml", "a.es.yaml", "a.fr-CA.yaml", "b.yaml", "b.de.yaml"] {
            std::fs::write(dir.path().join(name), "id: a\n").unwrap();
        }
        std::fs::create_dir(dir.path().join("a.it.yaml")).unwrap();
        let languages: Vec<String> = translations_of(&dir.path().join("a.yaml"))
            .into_iter()
            .map(|(_, language)| language)
            .collect();
        assert_eq!(languages, ["es", "fr-CA"]);
    }

    /// Which names are translations, and of which file.
    #[test]
    fn a_translation_is_named_after_its_base_with_a_language_tag() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("career.yaml");
        std::fs::write(&base, "id: career\n").unwrap();
        let of = |name: &str| base_of(&dir.path().join(name));
        assert_eq!(
            of("career.es-MX.yaml"),
            Some((base.clone(), "es-MX".to_owned()))
        );
        assert_eq!(
            of("career.fr.yml"),
            Some((dir.path().join("career.yml"), "fr".to_owned()))
        );
        // A three-letter tag is a language only with its base beside it.
        assert_eq!(
            of("career.fil.yaml"),
            Some((base.clone(), "fil".to_owned()))
        );
        assert_eq!(of("page.txt.yaml"), None);
        // Not a language tag, or no name before it: not a translation,
        // whatever is beside it.
        assert_eq!(of("career.v2.yaml"), None);
        assert_eq!(of(".es-MX.yaml"), None);
        assert_eq!(of("career.yaml"), None);
        assert_eq!(of("career.es-MX.json"), None);
    }
}
