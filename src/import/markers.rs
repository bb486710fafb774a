//! List markers at the start of a page's lines: `1.`, `1)`, `-`, `–`, `—`,
//! `•`, `*`. Every part of import that reads lists asks here.

/// `1. `, `1) `, `- `, `– `, `• `, `* ` at the start of a line.
pub(super) fn starts_list(text: &str) -> bool {
    list_marker(text).is_some()
}

/// The list marker at the start of `text` and whether it numbers the entry.
pub(super) fn list_marker(text: &str) -> Option<(usize, bool)> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &trimmed[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some((lead + digits + 2, true));
        }
    }
    for marker in ["- ", "– ", "— ", "• ", "* "] {
        if trimmed.starts_with(marker) && !trimmed.starts_with("**") {
            return Some((lead + marker.len(), false));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marker's width (what the entry's text starts after) and whether
    /// it numbers the entry; a number of four digits or more is a figure.
    #[test]
    fn list_markers_are_read_with_their_width() {
        assert_eq!(list_marker(" 1. Apply"), Some((4, true)));
        assert_eq!(list_marker("10) Apply"), Some((4, true)));
        assert_eq!(list_marker("999. Apply"), Some((5, true)));
        assert_eq!(list_marker("1000. Loans a year"), None);
        assert_eq!(list_marker(". Apply"), None);
        assert_eq!(list_marker("12.50 an hour"), None);
        assert_eq!(list_marker("  • Apply"), Some((2 + "• ".len(), false)));
        assert_eq!(list_marker("- Apply"), Some((2, false)));
        assert_eq!(list_marker("**Bold** text"), None);
        assert!(starts_list("* Apply"));
        assert!(!starts_list("Apply"));
    }
}
