//! Any profile that loads → every format, full report and handout: never panics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pathways::load::{Source, parse};
use pathways::render::{Format, Renderer};

fn renderers() -> &'static [Renderer; 2] {
    static RENDERERS: OnceLock<[Renderer; 2]> = OnceLock::new();
    RENDERERS.get_or_init(|| {
        let make = |set: &str| {
            Renderer::new(None)
                .and_then(|r| r.with_template(set, &Format::TEXT))
                .unwrap_or_else(|_| panic!("built-in templates load"))
        };
        [make("report"), make("handout")]
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(document) = parse(Source {
        name: "fuzz.yaml".to_owned(),
        text,
    }) {
        for renderer in renderers() {
            for format in Format::TEXT {
                // Errors (a template running out of fuel) are fine; panics are not.
                let _ = renderer.render(&document.profile, format);
            }
        }
    }
});
