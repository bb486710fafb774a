//! The world Typst typesets in: one generated source, the fonts of
//! [`super::fonts`], no files, no packages, no clock.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Binding, Bytes, Datetime, Duration, Scope};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};

use super::fonts;
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt as _, World};

/// Typst's standard library without `plugin` (and with its accessibility
/// extras): a template may not run
/// WebAssembly (a 90-byte plugin can loop for ever), so the name is simply
/// not there, as `std.plugin` is not.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    // `pdf.header-cell` (row headers: the comparison's labels) is behind
    // Typst's accessibility feature flag.
    let mut library = Library::builder()
        .with_features([Feature::A11yExtras].into_iter().collect())
        .build();
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
        fonts::book()
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
        fonts::store().font(index)
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
