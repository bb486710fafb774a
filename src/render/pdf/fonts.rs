//! The fonts PDF is typeset with: an office's font folders first, then the
//! system's fonts (found as typst-cli finds them), then the Noto Sans family
//! built into pathways, the last fallback for Latin, Greek and Cyrillic.
//!
//! They are found once per process, on first use, under the options the
//! command line gave [`configure`].

use std::path::PathBuf;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

/// Where PDF fonts come from, besides the ones built in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontOptions {
    /// Folders searched (with their subfolders) before everything else.
    pub font_paths: Vec<PathBuf>,
    /// Whether the system's fonts are used; without them a document's bytes
    /// depend only on pathways and `font_paths`.
    pub system_fonts: bool,
}

impl Default for FontOptions {
    fn default() -> Self {
        FontOptions {
            font_paths: Vec::new(),
            system_fonts: true,
        }
    }
}

static OPTIONS: OnceLock<FontOptions> = OnceLock::new();
static STORE: OnceLock<FontStore> = OnceLock::new();

/// Use `options` for every PDF this process makes. The first choice
/// holds: call it once, before anything is typeset.
pub fn configure(options: FontOptions) {
    OPTIONS.get_or_init(|| options);
}

/// The options fonts are (or will be) found under.
pub fn options() -> FontOptions {
    OPTIONS.get_or_init(FontOptions::default).clone()
}

/// The fonts, found on first use.
pub(super) fn store() -> &'static FontStore {
    STORE.get_or_init(|| {
        let options = OPTIONS.get_or_init(FontOptions::default);
        let mut store = FontStore::new();
        for folder in &options.font_paths {
            store.extend(typst_kit::fonts::scan(folder));
        }
        if options.system_fonts {
            store.extend(typst_kit::fonts::system());
        }
        store.extend(embedded());
        store
    })
}

/// The book of every font Typst may choose from.
pub(super) fn book() -> &'static LazyHash<FontBook> {
    store().book()
}

/// The built-in fonts: Noto Sans regular, bold, italic and bold italic
/// (SIL Open Font License, from the `notosans` crate).
fn embedded() -> impl Iterator<Item = (Font, FontInfo)> {
    [
        notosans::REGULAR_TTF,
        notosans::BOLD_TTF,
        notosans::ITALIC_TTF,
        notosans::BOLD_ITALIC_TTF,
    ]
    .into_iter()
    .flat_map(|data| Font::iter(Bytes::new(data)))
    .map(|font| {
        let info = font.info().clone();
        (font, info)
    })
}

/// Whether some font can show `c`: Typst falls back to any font that has
/// it. Characters that are never drawn (spaces, joiners, direction marks,
/// variation selectors) need no glyph.
pub fn can_show(c: char) -> bool {
    if is_never_drawn(c) {
        return true;
    }
    let book = book();
    (0..)
        .map_while(|index| book.info(index))
        .any(|info| info.coverage.contains(c as u32))
}

fn is_never_drawn(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E0FFF}')
}
