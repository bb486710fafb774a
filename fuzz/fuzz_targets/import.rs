//! Bytes → import → profile: never panics, and whatever it writes reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::import::{ImportError, import};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match import(&text, "fuzz.txt", None, None) {
        Ok(_) | Err(ImportError::Empty | ImportError::NotText | ImportError::TooManyHeadings(_)) => {}
        // The importer must always write YAML that parses back.
        Err(ImportError::Unreadable(finding)) => panic!("import wrote unreadable YAML: {}", finding.message),
    }
});
