//! One render of the seed profile per format, all three at once (the way
//! `export` renders), and loading plus validation.
//! Run: cargo bench --bench render

use pathways::load::{Document, Source, parse};
use pathways::render::{Format, Renderer};
use pathways::validate::{Policy, validate};

fn main() {
    divan::main();
}

const SEED: &str = include_str!("../profiles/library-technicians.yaml");

fn seed() -> Document {
    let source = Source {
        name: "library-technicians.yaml".to_owned(),
        text: SEED.to_owned(),
    };
    parse(source).unwrap_or_else(|_| panic!("the seed profile parses"))
}

fn renderer() -> Renderer {
    Renderer::new(None).unwrap_or_else(|_| panic!("the built-in templates load"))
}

#[divan::bench(args = [Format::Markdown, Format::Html, Format::Text])]
fn render_one_format(bencher: divan::Bencher, format: Format) {
    let document = seed();
    let renderer = renderer();
    bencher.bench(|| {
        renderer
            .render(divan::black_box(&document.profile), format)
            .is_ok()
    });
}

#[divan::bench]
fn render_all_formats(bencher: divan::Bencher) {
    let document = seed();
    let renderer = renderer();
    bencher.bench(|| {
        renderer
            .render_all(divan::black_box(&document.profile), &Format::TEXT)
            .is_ok()
    });
}

#[divan::bench]
fn load_and_validate(bencher: divan::Bencher) {
    let policy = Policy::default();
    bencher.bench(|| {
        let source = Source {
            name: "library-technicians.yaml".to_owned(),
            text: divan::black_box(SEED).to_owned(),
        };
        parse(source)
            .map(|document| validate(&document, &policy).len())
            .ok()
    });
}
