//! Property tests: any valid profile renders in every format, the same way
//! every time, and plain text keeps to its width.

use pathways::load::{Source, parse};
use pathways::render::{Format, Renderer};
use pathways::validate::{Policy, validate};
use proptest::prelude::*;
use serde_json::json;

/// Text with Markdown characters, line breaks, accents, CJK and emoji.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,:;!?'\"*_\\[\\]()#>`<&/\\-\\néü中文🙂]{1,120}"
}

/// A title or heading: the same characters on one line (a line break in a
/// label is an error, `line-break-in-label`).
fn label() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,:;!?'\"*_\\[\\]()#>`<&/\\-éü中文🙂]{1,80}"
}

fn item() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        text().prop_map(|t| json!(t)),
        (label(), text()).prop_map(|(title, text)| json!({ "title": title, "text": text })),
    ]
}

fn section() -> impl Strategy<Value = serde_json::Value> {
    (
        text(),
        prop::collection::vec(item(), 0..6),
        prop::option::of(text()),
    )
        .prop_map(|(intro, items, outro)| json!({ "intro": intro, "items": items, "outro": outro }))
}

/// A profile as JSON (which is YAML too), with every required section.
fn profile() -> impl Strategy<Value = String> {
    (
        "[A-Z][a-z]{2,12}( [A-Z][a-z]{2,12}){0,3}",
        prop::collection::vec((label(), text()), 0..4),
        prop::collection::vec(section(), 7),
        prop::collection::vec(section(), 0..4),
        (0u32..200_000, 0u32..100_000),
    )
        .prop_map(|(title, summary, required, optional, (average, spread))| {
            let ids = ["overview", "education", "responsibilities", "outlook", "skills", "getting_started", "fun_facts"];
            let mut sections = serde_json::Map::new();
            for (id, section) in ids.iter().zip(required) {
                sections.insert((*id).to_owned(), section);
            }
            for (id, section) in ["tools", "employers", "related_careers", "demand"].iter().zip(optional) {
                sections.insert((*id).to_owned(), section);
            }
            sections.insert(
                "salary".to_owned(),
                json!({ "currency": "USD", "average": average,
                        "ranges": [{ "stage": "entry", "min": average, "max": average + spread }] }),
            );
            let summary: Vec<_> = summary.into_iter().map(|(h, t)| json!({ "heading": h, "text": t })).collect();
            json!({ "id": "generated", "title": title, "summary": summary, "sections": sections }).to_string()
        })
}

fn renderers() -> Vec<Renderer> {
    ["report", "handout"]
        .iter()
        .map(|set| {
            Renderer::new(None)
                .and_then(|r| r.with_template(set, &Format::TEXT))
                .unwrap()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// What an export writes (every format from one walk of the profile) is
    /// what `render` writes for each format alone, for both template sets.
    #[test]
    fn any_valid_profile_exports_as_it_renders(text in profile()) {
        let document = parse(Source { name: "generated.yaml".to_owned(), text }).unwrap();
        prop_assume!(!validate(&document, &Policy::default()).iter().any(|f| f.is_error()));
        for renderer in renderers() {
            let together = renderer.render_all(&document.profile, &Format::TEXT).unwrap();
            for (format, exported) in Format::TEXT.into_iter().zip(together) {
                let alone = renderer.render(&document.profile, format).unwrap();
                prop_assert_eq!(exported, alone, "{:?}", format);
            }
            // And in another order of formats.
            let reversed: Vec<Format> = Format::TEXT.into_iter().rev().collect();
            let together = renderer.render_all(&document.profile, &reversed).unwrap();
            for (format, exported) in reversed.into_iter().zip(together) {
                let alone = renderer.render(&document.profile, format).unwrap();
                prop_assert_eq!(exported, alone, "{:?}", format);
            }
        }
    }

    #[test]
    fn plain_text_keeps_to_its_width(text in profile(), width in 20usize..120) {
        let document = parse(Source { name: "generated.yaml".to_owned(), text }).unwrap();
        let renderer = Renderer::new(None).unwrap().with_width(width);
        let report = String::from_utf8(renderer.render(&document.profile, Format::Text).unwrap()).unwrap();
        for line in report.lines() {
            let columns = textwrap::core::display_width(line);
            // Only a single word longer than the width may pass it.
            let one_word = line.split_whitespace().count() <= 1
                || line.trim_start().split_once(' ').is_some_and(|(marker, rest)| {
                    (marker.ends_with('.') || marker == "-") && !rest.trim().contains(' ')
                });
            prop_assert!(columns <= width || one_word, "{} columns at width {}: {:?}", columns, width, line);
        }
    }
}

proptest! {
    // Each case typesets two PDFs in a debug build (about a second): few cases.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Any valid profile, Markdown and Typst's own characters included,
    /// typesets to a PDF with either template set.
    #[test]
    fn any_valid_profile_typesets_to_pdf(text in profile()) {
        let document = parse(Source { name: "generated.yaml".to_owned(), text }).unwrap();
        prop_assume!(!validate(&document, &Policy::default()).iter().any(|f| f.is_error()));
        for set in ["report", "handout"] {
            let renderer = Renderer::new(None).unwrap().with_template(set, &[Format::Pdf]).unwrap();
            let pdf = renderer.render(&document.profile, Format::Pdf);
            prop_assert!(pdf.as_ref().is_ok_and(|bytes| bytes.starts_with(b"%PDF-")), "{}: {:?}", set, pdf.err());
        }
    }
}
