//! Watching the files a preview shows: one change message per save, however
//! the editor saves (a rename, or a burst of writes).

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use tokio::sync::broadcast;

/// Events closer together than this are one save.
const QUIET: Duration = Duration::from_millis(50);

/// A running watch; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
}

/// Watch `paths` (files and folders) and send on `changes` after each save.
/// A file is watched through its folder, so a save that replaces the file
/// (write to a new file, rename over the old) is still seen.
pub fn watch(paths: &[PathBuf], changes: broadcast::Sender<()>) -> notify::Result<Watch> {
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|path| !path.is_dir())
        .map(|path| absolute(path))
        .collect();
    let folders: Vec<PathBuf> = paths
        .iter()
        .filter(|path| path.is_dir())
        .map(|path| absolute(path))
        .collect();
    let relevant = {
        let (files, folders) = (files.clone(), folders.clone());
        move |path: &Path| {
            files.iter().any(|file| file == path)
                || folders.iter().any(|folder| path.starts_with(folder))
        }
    };
    let mut debouncer = new_debouncer(
        QUIET,
        Some(QUIET / 4),
        move |result: DebounceEventResult| {
            // Reading a file is an event too (the preview's own reads among
            // them): only a change counts.
            if let Ok(events) = result
                && events.iter().any(|event| {
                    !event.kind.is_access() && event.paths.iter().any(|path| relevant(path))
                })
            {
                // No receiver (no page open) is fine.
                let _ = changes.send(());
            }
        },
    )?;
    for folder in &folders {
        debouncer.watch(folder, RecursiveMode::Recursive)?;
    }
    for file in &files {
        let parent = file.parent().unwrap_or(Path::new("/"));
        debouncer.watch(parent, RecursiveMode::NonRecursive)?;
    }
    Ok(Watch {
        _debouncer: debouncer,
    })
}

/// `path` from the root, as events name it.
fn absolute(path: &Path) -> PathBuf {
    path.canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}
