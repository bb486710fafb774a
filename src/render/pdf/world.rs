//! The world Typst typesets in: one generated source, the fonts built into
//! pathways, no files, no packages, no clock.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Binding, Bytes, Datetime, Duration, Scope};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World};

/// The fonts Typst ships (Libertinus Serif, New Computer Modern, DejaVu
/// Sans Mono), parsed once for every document.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// Typst's standard library without `plugin`: a template may not run
/// WebAssembly (a 90-byte plugin can loop for ever), so the name is simply
/// not there, as `std.plugin` is not.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    let mut library = Library::default();
    let mut scope = Scope::new();
    for (name, binding) in library.global.scope().iter() {
        if name.as_str() != "plugin" {
            scope.bind(name.clone(), binding.clone());
        }
    }
    library.global = library.global.clone().with_scope(scope);
    library.std = Binding::detached(library.global.clone());
    LazyHash::new(library)
});

/// The name the generated source is known by in Typst's messages.
static MAIN: LazyLock<FileId> = LazyLock::new(|| {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new("/pathways.typ").unwrap_or_else(|_| unreachable!("a valid path")),
    )
    .intern()
});

pub(super) struct EmbeddedWorld {
    main: Source,
}

impl EmbeddedWorld {
    pub(super) fn new(text: String) -> Self {
        EmbeddedWorld {
            main: Source::new(*MAIN, text),
        }
    }

    /// The generated source, for messages.
    pub(super) fn text(&self) -> &str {
        self.main.text()
    }
}

impl World for EmbeddedWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN {
            Ok(self.main.clone())
        } else {
            Err(refused(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *MAIN {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(refused(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    /// No clock: a document never depends on the day it was made.
    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Why a template may not read `id`: pathways templates are self-contained.
fn refused(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Package(spec) => FileError::Package(PackageError::Other(Some(
            format!(
                "pathways does not load Typst packages ({spec}); a template must be self-contained"
            )
            .into(),
        ))),
        VirtualRoot::Project => FileError::Other(Some(
            "pathways templates cannot read files; everything a report shows comes from the profile"
                .into(),
        )),
    }
}
