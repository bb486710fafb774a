//! Bytes → load → validate: never panics, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::load::{Source, parse};
use pathways::validate::{Policy, validate};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(document) = parse(Source {
        name: "fuzz.yaml".to_owned(),
        text,
    }) {
        let _ = validate(&document, &Policy::default());
    }
});
