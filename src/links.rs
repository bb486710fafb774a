//! Links in profile text, below both validation and rendering: how
//! pathways reads Markdown, which addresses a reader may follow, and where
//! a Markdown text links to.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};

/// How pathways reads (and writes) Markdown: raw HTML is never passed
/// through, and bare addresses are not turned into links.
pub(crate) fn markdown_options() -> Options<'static> {
    let mut options = Options::default();
    // Raw HTML in a profile is shown as text, never passed through.
    options.render.r#unsafe = false;
    options.render.escape = true;
    options.extension.autolink = false;
    // Pipe tables (GitHub's Markdown), which import keeps from pages.
    options.extension.table = true;
    options
}

/// A link a reader can follow to a page or a mail: `http`, `https` or
/// `mailto`, with something after the scheme. Sources and the `unsafe-link`
/// rule ask for this.
pub(crate) fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

/// The link policy of every output format: web and mail links and relative
/// paths are kept; any other scheme (`javascript:`, `vbscript:`, `data:`,
/// `file:`) loses its destination, keeping its text.
pub(crate) fn is_safe_destination(url: &str) -> bool {
    // Browsers skip spaces and controls in a scheme (`java\tscript:`).
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match cleaned.find(':') {
        None => true,
        Some(colon) if cleaned[..colon].contains(['/', '?', '#']) => true,
        Some(colon) => matches!(
            cleaned[..colon].to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        ),
    }
}

/// The targets of every link and image in a Markdown text, as written.
pub(crate) fn link_urls(markdown: &str) -> Vec<String> {
    let options = markdown_options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    root.descendants()
        .filter_map(|node| match &node.data.borrow().value {
            NodeValue::Link(link) | NodeValue::Image(link) => Some(link.url.clone()),
            _ => None,
        })
        .collect()
}

/// How deep block quotes and lists nest in a Markdown text (0 for none).
/// Walked with a stack of its own: a hostile text nests deeper than the
/// thread's stack would allow recursion.
pub(crate) fn nesting_depth(markdown: &str) -> usize {
    let options = markdown_options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    let mut deepest = 0;
    let mut stack = vec![(root, 0)];
    while let Some((node, above)) = stack.pop() {
        let nests = matches!(
            node.data.borrow().value,
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) | NodeValue::List(_)
        );
        let depth = above + usize::from(nests);
        deepest = deepest.max(depth);
        stack.extend(node.children().map(|child| (child, depth)));
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_relative_destinations_are_safe() {
        for safe in [
            "https://www.ala.org/",
            "HTTP://x.org",
            "mailto:a@b.org",
            "other.html",
            "../up/page.html",
            "#part",
            "/path/a:b",
            "?q=a:b",
            "",
            // A browser skips spaces and controls in a scheme, so these
            // are the web links they look like.
            "ht tps://x.org",
            "ht\u{1}tp://x.org",
        ] {
            assert!(is_safe_destination(safe), "{safe}");
        }
        for dangerous in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:x",
            "data:text/html,x",
            "file:///etc/passwd",
            "a:b.yaml",
        ] {
            assert!(!is_safe_destination(dangerous), "{dangerous}");
        }
    }
}
