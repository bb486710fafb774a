//! Where a translated profile's time goes, step by step: loading (both
//! files, projection), validation and rendering, against its base profile.
//! Not a test: numbers vary by machine (`scripts/bench-translations.sh`
//! times whole exports).
//!
//! Usage: cargo run --release --example bench_translation -- BASE TRANSLATION [N]

use std::path::PathBuf;
use std::time::Instant;

use pathways::load::{Input, load};
use pathways::render::{Format, Renderer};
use pathways::validate::{Policy, Scope, load_and_validate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base, translation, rest @ ..] = args.as_slice() else {
        return Err("usage: bench_translation BASE TRANSLATION [N]".into());
    };
    let runs: u32 = rest.first().map_or(Ok(300), |n| n.parse())?;
    let renderer = Renderer::new(None)?;
    let policy = Policy::default();
    let text = std::fs::read_to_string(translation)?;
    let source = pathways::load::Source {
        name: translation.clone(),
        text: text.clone(),
    };
    let base_document =
        load(&Input::File(PathBuf::from(base))).map_err(|_| "the base does not load")?;
    let parsed: pathways::translate::Translation =
        pathways::load::parse_as(&source).map_err(|f| f.message.clone())?;
    let step = |what: &str, step: &dyn Fn()| {
        let started = Instant::now();
        for _ in 0..runs {
            step();
        }
        println!(
            "{translation}: {what}: {:.3} ms",
            started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
        );
    };
    step("parse the translation", &|| {
        std::hint::black_box(
            pathways::load::parse_as::<pathways::translate::Translation>(&source).ok(),
        );
    });
    step("scan its locations", &|| {
        std::hint::black_box(pathways::load::Locations::scan(&text));
    });
    let locations = pathways::load::Locations::scan(&text);
    step("check its keys", &|| {
        std::hint::black_box(pathways::translate::check_keys(
            locations.paths(),
            "es-MX",
            base,
        ));
    });
    step("project", &|| {
        std::hint::black_box(pathways::translate::project(
            &base_document.profile,
            &parsed,
            "es-MX",
        ));
    });
    for file in [base, translation] {
        let input = Input::File(PathBuf::from(file));
        let time = |what: &str, step: &dyn Fn()| {
            let started = Instant::now();
            for _ in 0..runs {
                step();
            }
            println!(
                "{file}: {what}: {:.3} ms",
                started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
            );
        };
        time("load", &|| {
            std::hint::black_box(load(&input).ok());
        });
        time("load and validate (export's scope)", &|| {
            std::hint::black_box(
                load_and_validate(&input, &policy, Scope::ErrorsCountingWarnings).ok(),
            );
        });
        let document = load(&input).map_err(|_| "the file does not load")?;
        time("render md, html, txt", &|| {
            std::hint::black_box(renderer.render_all(&document.profile, &Format::TEXT).ok());
        });
    }
    Ok(())
}
