//! Bytes → import → profile: never panics, and whatever it writes reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::import::{Headings, ImportError, ImportOptions, import};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let headings = Headings::built_in();
    let options = ImportOptions { id: None, schema: None, headings: &headings, locale: None };
    match import(&text, "fuzz.txt", options) {
        Ok(_) | Err(ImportError::Empty | ImportError::NotText | ImportError::TooManyHeadings(_)) => {}
        // The importer must always write YAML that parses back.
        Err(ImportError::Unreadable(finding)) => panic!("import wrote unreadable YAML: {}", finding.message),
    }
});
