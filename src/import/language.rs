//! The language of a page: what import knows of English, Spanish, French and
//! German pages (the line that gives the title, the misconception markers,
//! the commonest words), and which of them a page is in, with its region.

use super::headings::Headings;
use super::markers::list_marker;
use crate::pay_text::{amounts_with_dollar, dollar_of, may_hold_money};

/// What import knows of one language's pages (headings are in `headings*.yaml`).
#[derive(Debug)]
pub(super) struct Language {
    /// ISO 639-1 code, as a profile's `locale` starts.
    pub code: &'static str,
    /// The words before the career's name in the line that gives the
    /// title ("Career List Library Technicians"), lower case.
    pub title_prefixes: &'static [&'static str],
    /// Labels of a misconception and of its reality ("Mito:", "Realidad:").
    pub myth: &'static [&'static str],
    pub reality: &'static [&'static str],
    /// Its commonest short words, lower case: how a page's language is told.
    pub common_words: &'static [&'static str],
    /// How a closing paragraph after the misconceptions starts ("Overall, ...").
    pub closings: &'static [&'static str],
    /// The region a currency or a place name says, and the region when
    /// nothing does (empty: the language alone).
    pub regions: &'static [(&'static str, &'static str)],
    pub default_region: &'static str,
}

/// The four languages import reads.
pub(super) const LANGUAGES: [Language; 4] = [
    Language {
        code: "en",
        closings: &["Overall"],
        title_prefixes: &["career list "],
        myth: &["Misconception"],
        reality: &["Reality"],
        common_words: &[
            "the", "and", "of", "to", "is", "for", "with", "are", "in", "they", "this", "can",
            "their", "or", "as", "an", "be", "on",
        ],
        regions: &[
            ("USD", "US"),
            ("GBP", "GB"),
            ("CAD", "CA"),
            ("AUD", "AU"),
            ("united kingdom", "GB"),
            ("canada", "CA"),
            ("australia", "AU"),
        ],
        default_region: "US",
    },
    Language {
        code: "es",
        closings: &["En general", "En resumen", "En conclusión"],
        title_prefixes: &["lista de carreras ", "lista de profesiones "],
        myth: &["Mito", "Idea errónea", "Concepto erróneo"],
        reality: &["Realidad", "La realidad"],
        common_words: &[
            "el", "la", "los", "las", "de", "del", "que", "y", "en", "para", "con", "una", "por",
            "es", "se", "su", "sus", "como", "al", "más",
        ],
        regions: &[
            ("MXN", "MX"),
            ("EUR", "ES"),
            ("USD", "US"),
            ("méxico", "MX"),
            ("mexico", "MX"),
            ("españa", "ES"),
        ],
        default_region: "",
    },
    Language {
        code: "fr",
        closings: &["En résumé", "Dans l'ensemble", "En somme"],
        title_prefixes: &["liste des carrières ", "liste des métiers "],
        myth: &["Idée reçue", "Mythe"],
        reality: &["Réalité", "En réalité"],
        common_words: &[
            "le", "la", "les", "des", "et", "est", "pour", "dans", "une", "du", "avec", "sont",
            "en", "un", "au", "aux", "qui", "sur", "leur",
        ],
        regions: &[
            ("CAD", "CA"),
            ("CHF", "CH"),
            ("EUR", "FR"),
            ("québec", "CA"),
            ("canada", "CA"),
            ("suisse", "CH"),
            ("belgique", "BE"),
        ],
        default_region: "",
    },
    Language {
        code: "de",
        closings: &["Insgesamt", "Alles in allem", "Zusammenfassend"],
        title_prefixes: &["berufsliste ", "karriereliste "],
        myth: &["Irrtum", "Mythos"],
        reality: &["Wahrheit", "Tatsächlich", "Realität"],
        common_words: &[
            "der", "die", "das", "und", "ist", "für", "mit", "von", "eine", "ein", "nicht", "sie",
            "werden", "zu", "im", "den", "dem", "auf", "sich",
        ],
        regions: &[
            ("CHF", "CH"),
            ("EUR", "DE"),
            ("schweiz", "CH"),
            ("österreich", "AT"),
        ],
        default_region: "",
    },
];

/// The longest common word, in bytes ("werden", "leur").
const MAX_COMMON_WORD: usize = 7;

/// Each common word, and the languages it is common in (bit `n` for
/// `LANGUAGES[n]`).
static COMMON_WORDS: std::sync::LazyLock<std::collections::HashMap<&'static str, u8>> =
    std::sync::LazyLock::new(|| {
        let mut words = std::collections::HashMap::new();
        for (at, language) in LANGUAGES.iter().enumerate() {
            for word in language.common_words {
                *words.entry(*word).or_insert(0) |= 1 << at;
            }
        }
        words
    });

/// The language a page is in, and what follows from it.
#[derive(Debug, Clone)]
pub(super) struct PageLanguage {
    /// What the profile's `locale` becomes: `es-MX`, `fr`, `en-US`.
    pub locale: String,
    /// What `$` stands for on the page.
    pub dollar: &'static str,
    /// How the language was told, for the import report.
    pub reason: String,
}

/// The career's name when `text` is the line that gives the title, in any
/// of the four languages ("Lista de Carreras Técnicos en Farmacia").
pub(super) fn title_in(text: &str) -> Option<&str> {
    let text = text.trim();
    LANGUAGES
        .iter()
        .flat_map(|language| language.title_prefixes)
        .find_map(|prefix| Some(text[prefix_length(text, prefix)?..].trim()))
        .filter(|name| !name.is_empty())
}

/// The length in bytes of `prefix` at the start of `text`, either in any
/// case, without allocating: this runs for every line of a page.
pub(super) fn prefix_length(text: &str, prefix: &str) -> Option<usize> {
    let mut wanted = prefix.chars();
    let mut length = 0;
    for c in text.chars() {
        let Some(next) = wanted.next() else {
            return Some(length);
        };
        if !c.to_lowercase().eq(next.to_lowercase()) {
            return None;
        }
        length += c.len_utf8();
    }
    wanted.next().is_none().then_some(length)
}

/// The text after a misconception label (`**Mito:** texto` → `texto`).
pub(super) fn myth_part(text: &str) -> Option<&str> {
    labelled(text, |language| language.myth)
}

/// The text after a reality label (`Realidad: texto` → `texto`).
pub(super) fn reality_part(text: &str) -> Option<&str> {
    labelled(text, |language| language.reality)
}

/// The text after any language's label of one kind. This runs for every
/// line of a page: a line whose first letter starts no label is passed
/// over at once.
fn labelled(text: &str, labels: fn(&Language) -> &'static [&'static str]) -> Option<&str> {
    let first = text
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .chars()
        .next()?;
    LANGUAGES
        .iter()
        .flat_map(labels)
        .filter(|label| {
            label
                .chars()
                .next()
                .is_some_and(|l| l.to_lowercase().eq(first.to_lowercase()))
        })
        .find_map(|label| labelled_part(text, label))
}

/// The text after `label` and its colon at the start of a line, in any
/// case: `**Misconception:** text`, `Mito: texto`, `**Idée reçue :** texte`,
/// after a list marker too. "Misconceptions are…" has no label.
fn labelled_part<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let at = list_marker(text).map_or(0, |(at, _)| at);
    let rest = text[at..].trim();
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    let label_length = prefix_length(rest, label)?;
    let after = rest[label_length..].trim_start();
    let after_bold = after.strip_prefix("**").unwrap_or(after).trim_start();
    let after_colon = after_bold.strip_prefix(':');
    if after_colon.is_none() && after_bold.len() == after.len() {
        return None;
    }
    let rest = after_colon.unwrap_or(after_bold);
    Some(rest.strip_prefix("**").unwrap_or(rest).trim())
}

/// Whether `text` closes a list of misconceptions ("Overall, …", "En general, …").
pub(super) fn is_closing(text: &str) -> bool {
    LANGUAGES
        .iter()
        .flat_map(|language| language.closings)
        .any(|closing| text.starts_with(closing))
}

/// How many words of a page are read to tell its language: plenty for four
/// languages, and a bound on the work for a long page.
const WORDS_READ: usize = 600;

/// The page's language, from its commonest words and its headings (each
/// counts as five words), and its region, from its currency or a country it
/// names. `forced`: the locale `--locale` gave.
pub(super) fn detect<'a>(
    text: &str,
    headings_on_page: impl Iterator<Item = &'a str>,
    headings: &Headings,
    forced: Option<&str>,
) -> PageLanguage {
    let dollar = dollar_of(text);
    if let Some(locale) = forced {
        return PageLanguage {
            locale: locale.to_owned(),
            dollar,
            reason: format!("{locale}, given with --locale"),
        };
    }
    let mut scores = [0usize; LANGUAGES.len()];
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(WORDS_READ)
    {
        // Common words are short; a long word needs no look-up.
        if word.len() > MAX_COMMON_WORD {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(languages) = COMMON_WORDS.get(lower.as_str()) {
            for (at, score) in scores.iter_mut().enumerate() {
                *score += usize::from(languages & (1 << at) != 0);
            }
        }
    }
    for heading in headings_on_page {
        if let Some(code) = headings.language_of(heading)
            && let Some(at) = LANGUAGES.iter().position(|l| l.code == code)
        {
            scores[at] += 5;
        }
    }
    // Ties go to the first, English.
    let best = (0..LANGUAGES.len())
        .rev()
        .max_by_key(|&at| scores[at])
        .unwrap_or(0);
    let language = &LANGUAGES[best];
    let currency = commonest_currency(text, dollar);
    // The currency says the region first; else a country the page names.
    let region = language
        .regions
        .iter()
        .find(|(sign, _)| Some(*sign) == currency)
        .or_else(|| {
            language
                .regions
                .iter()
                .find(|(place, _)| place.len() > 3 && contains_ignoring_case(text, place))
        })
        .map_or(language.default_region, |(_, region)| region);
    let locale = if region.is_empty() {
        language.code.to_owned()
    } else {
        format!("{}-{region}", language.code)
    };
    let reason = match currency {
        Some(currency) if !region.is_empty() && region != language.default_region => {
            format!("{locale}, from the page's words and its currency ({currency})")
        }
        _ => format!("{locale}, from the page's words"),
    };
    PageLanguage {
        locale,
        dollar,
        reason,
    }
}

/// Whether `text` holds `word` (lower case), capitalised or not.
fn contains_ignoring_case(text: &str, word: &str) -> bool {
    let mut capitalised = String::with_capacity(word.len());
    let mut chars = word.chars();
    capitalised.extend(chars.next().into_iter().flat_map(char::to_uppercase));
    capitalised.push_str(chars.as_str());
    text.contains(word) || text.contains(&capitalised) || text.contains(&word.to_uppercase())
}

/// The currency most amounts on the page are in.
fn commonest_currency(text: &str, dollar: &'static str) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for line in text.lines().filter(|line| may_hold_money(line)) {
        for amount in amounts_with_dollar(line, dollar) {
            match counts.iter_mut().find(|(c, _)| *c == amount.currency) {
                Some((_, count)) => *count += 1,
                None => counts.push((amount.currency, 1)),
            }
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(currency, _)| currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::page::{blocks_of, lines_of};

    fn detected(page: &str) -> String {
        let headings = Headings::built_in();
        let lines = lines_of(page);
        let blocks = blocks_of(&lines, &headings);
        detect(
            page,
            blocks.iter().map(|b| b.heading.as_str()),
            &headings,
            None,
        )
        .locale
    }

    #[test]
    fn a_page_s_language_and_region_are_told_from_its_words_and_money() {
        assert_eq!(
            detected(
                "Library technicians help patrons and the librarians. They earn $36,000 a year."
            ),
            "en-US"
        );
        assert_eq!(
            detected(
                "Los técnicos en farmacia preparan los medicamentos. Ganan entre $8,000 y $11,000 pesos mensuales."
            ),
            "es-MX"
        );
        assert_eq!(
            detected(
                "Les préparateurs en pharmacie délivrent les médicaments. Ils gagnent de 1 800 à 2 200 € par mois."
            ),
            "fr-FR"
        );
        assert_eq!(
            detected(
                "Die Pharmazeutisch-technischen Assistenten prüfen die Arzneimittel. Sie verdienen 3.000 bis 3.500 CHF im Monat."
            ),
            "de-CH"
        );
        // Without money, the language alone.
        assert_eq!(
            detected("Los técnicos preparan los medicamentos en la farmacia."),
            "es"
        );
        // Headings count too: a page of Spanish headings with little prose.
        assert_eq!(
            detected("Descripción general\n\nTexto.\n\nPerspectivas laborales\n\nBuenas."),
            "es"
        );
    }

    #[test]
    fn no_common_word_is_longer_than_the_look_up_allows() {
        for language in &LANGUAGES {
            for word in language.common_words {
                assert!(word.len() <= MAX_COMMON_WORD, "{word}");
            }
        }
    }

    #[test]
    fn titles_and_markers_in_every_language() {
        assert_eq!(
            title_in("Lista de Carreras Técnicos en Farmacia"),
            Some("Técnicos en Farmacia")
        );
        assert_eq!(title_in("Career List Archivists"), Some("Archivists"));
        assert_eq!(title_in("Liste des métiers Archiviste"), Some("Archiviste"));
        assert_eq!(title_in("Berufsliste Archivar"), Some("Archivar"));
        assert_eq!(title_in("Career List"), None);
        assert_eq!(myth_part("**Mito:** Solo venden."), Some("Solo venden."));
        assert_eq!(reality_part("Realidad: Asesoran."), Some("Asesoran."));
        assert_eq!(
            myth_part("1. **Idée reçue :** Ils vendent."),
            Some("Ils vendent.")
        );
        assert_eq!(
            reality_part("**Wahrheit:** Sie beraten."),
            Some("Sie beraten.")
        );
        assert_eq!(myth_part("Mitos y leyendas"), None);
        assert_eq!(prefix_length("ÉTUDE et plus", "étude"), Some("ÉTUDE".len()));
        assert_eq!(prefix_length("Étu", "étude"), None);
    }
}
