//! Counts with their nouns, as messages, reports and index pages write them.

/// `1 profile`, `3 profiles`: a count with its noun.
pub fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}
