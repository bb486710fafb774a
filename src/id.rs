//! What a profile's id may be: a slug that can name its files on every
//! system. A leaf: errors, validation, import and the schema all read it.

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The longest id allowed: file names made from it must fit every file system.
pub(crate) const MAX_ID_LENGTH: usize = 100;

/// Ids that are slugs but cannot name a career's files: `index` is the
/// export's index page; the others are device names Windows reserves.
pub(crate) const RESERVED_IDS: [&str; 25] = [
    "index", "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6",
    "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
    "lpt9",
];

/// Device names Windows also reserves that no id can spell (an id is
/// lower-case ASCII letters, digits and hyphens), so only file names need them.
const RESERVED_DEVICE_NAMES: [&str; 8] = [
    "conin$", "conout$", "com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³",
];

/// Whether a file name's stem (`con` of `CON.html`) is one an export keeps
/// for itself (`index`) or Windows reserves for a device, in any case.
/// Windows drops spaces and dots at the end of a name's stem, so `con .html`
/// is `con` there.
pub fn is_reserved_stem(file_name: &str) -> bool {
    let stem = file_name
        .split('.')
        .next()
        .unwrap_or(file_name)
        .trim_end_matches([' ', '.'])
        .to_lowercase();
    RESERVED_IDS.contains(&stem.as_str()) || RESERVED_DEVICE_NAMES.contains(&stem.as_str())
}

/// Why a text cannot be a profile's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Not lower-case letters, digits and single hyphens.
    NotSlug,
    /// A name pathways or the system uses for something else.
    Reserved,
    /// Longer than 100 characters.
    TooLong,
}

impl IdProblem {
    /// What is wrong, in words.
    pub fn reason(self) -> &'static str {
        match self {
            IdProblem::NotSlug => {
                "use lower-case letters, digits and single hyphens, e.g. `library-technicians`"
            }
            IdProblem::Reserved => {
                "`index` names the export's index page, and `con`, `prn`, `aux`, `nul`, \
                 `com1`–`com9` and `lpt1`–`lpt9` are device names on Windows"
            }
            IdProblem::TooLong => "an id has at most 100 characters",
        }
    }
}

/// Whether `id` can be a profile's id, and if not, why.
pub fn id_problem(id: &str) -> Option<IdProblem> {
    if !is_slug(id) {
        Some(IdProblem::NotSlug)
    } else if id.len() > MAX_ID_LENGTH {
        Some(IdProblem::TooLong)
    } else if RESERVED_IDS.contains(&id) {
        Some(IdProblem::Reserved)
    } else {
        None
    }
}

/// A usable id made from any text (a title, a bad id): its letters in ASCII
/// (`Técnicos` → `tecnicos`, `Ärzte` → `arzte`), lower-case words
/// joined by hyphens, cut at a word boundary to [`MAX_ID_LENGTH`], and
/// never a reserved name.
pub(crate) fn slug_from(text: &str) -> String {
    let mut slug = String::new();
    // Letters of any script in ASCII first: `Técnicos` → `tecnicos`, `Ärzte` → `arzte`.
    let ascii = deunicode::deunicode_with_tofu(text, " ");
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-');
    if slug.len() > MAX_ID_LENGTH {
        let cut = &slug[..=MAX_ID_LENGTH];
        // A slug never starts with `-`, so a boundary leaves a word.
        slug = match cut.rfind('-') {
            Some(boundary) => &cut[..boundary],
            None => &slug[..MAX_ID_LENGTH],
        };
    }
    match slug {
        "" => "career".to_owned(),
        reserved if RESERVED_IDS.contains(&reserved) => format!("{reserved}-career"),
        usable => usable.to_owned(),
    }
}
