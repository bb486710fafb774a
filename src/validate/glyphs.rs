//! `missing-glyph`: text that no font of a PDF can show. It would print as
//! boxes, and a PDF with boxes cannot be accessible (PDF/UA), so each
//! script without a font is reported once, at the first text that uses it.

use std::collections::BTreeMap;

use super::Findings;
use super::content::Walk;
use crate::finding::Finding;
use crate::profile::Profile;
use crate::rules::Rule;

/// At most this many of a script's missing characters are named.
const NAMED: usize = 12;

pub(super) fn check(profile: &Profile, can_show: fn(char) -> bool, findings: &mut Findings) {
    if !findings.wants(Rule::MissingGlyph) {
        return;
    }
    struct Missing<'a> {
        first_field: &'a str,
        first_char: char,
        chars: Vec<char>,
        fields: usize,
    }
    let walk = Walk::of(profile, true);
    let mut by_script: BTreeMap<&str, Missing> = BTreeMap::new();
    let mut shown: BTreeMap<char, bool> = BTreeMap::new();
    for field in &walk.texts {
        let mut counted: Vec<&str> = Vec::new();
        for c in field.text.chars() {
            if *shown.entry(c).or_insert_with(|| can_show(c)) {
                continue;
            }
            let (script, _) = script_of(c);
            let missing = by_script.entry(script).or_insert_with(|| Missing {
                first_field: &field.path,
                first_char: c,
                chars: Vec::new(),
                fields: 0,
            });
            if !missing.chars.contains(&c) {
                missing.chars.push(c);
            }
            if !counted.contains(&script) {
                counted.push(script);
                missing.fields += 1;
            }
        }
    }
    for (script, missing) in by_script {
        let (_, package) = script_of(missing.first_char);
        let mut named: Vec<String> = missing
            .chars
            .iter()
            .take(NAMED)
            .map(char::to_string)
            .collect();
        if missing.chars.len() > NAMED {
            named.push("…".to_owned());
        }
        let named = named.join(" ");
        let fields = match missing.fields {
            1 => "this text".to_owned(),
            2 => "this text and 1 other".to_owned(),
            n => format!("this text and {} others", n - 1),
        };
        findings.at_text(
            missing.first_field,
            &missing.first_char.to_string(),
            Finding::new(
                Rule::MissingGlyph,
                format!(
                    "no font here shows the {script} characters of {fields} ({named}): \
                     the PDF would print them as boxes, and it cannot be accessible (PDF/UA)"
                ),
                format!(
                    "install a font for {script} (on Debian or Ubuntu: `apt install {package}`), \
                     or give `--font-path DIR` with one; `--accessible-pdf` refuses such a PDF"
                ),
            ),
        );
    }
}

/// The script a character is written in, as messages name it, and the
/// Debian and Ubuntu package with a font for it.
fn script_of(c: char) -> (&'static str, &'static str) {
    const CORE: &str = "fonts-noto-core";
    const CJK: &str = "fonts-noto-cjk";
    match c as u32 {
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => ("Hebrew", CORE),
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            ("Arabic", CORE)
        }
        0x0900..=0x097F | 0xA8E0..=0xA8FF => ("Devanagari", CORE),
        0x0980..=0x09FF => ("Bengali", CORE),
        0x0A00..=0x0A7F => ("Gurmukhi", CORE),
        0x0B80..=0x0BFF => ("Tamil", CORE),
        0x0E00..=0x0E7F => ("Thai", CORE),
        0x0530..=0x058F => ("Armenian", CORE),
        0x10A0..=0x10FF => ("Georgian", CORE),
        0x1200..=0x139F => ("Ethiopic", CORE),
        0x3040..=0x30FF | 0x31F0..=0x31FF => ("Japanese kana", CJK),
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => ("Korean", CJK),
        0x2E80..=0x2FFF
        | 0x3000..=0x303F
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => ("Han (Chinese, Japanese, Korean)", CJK),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => ("emoji", "fonts-noto-color-emoji"),
        _ => ("other", CORE),
    }
}

#[cfg(test)]
mod tests {
    use super::script_of;

    #[test]
    fn scripts_name_the_package_with_their_font() {
        assert_eq!(script_of('ع'), ("Arabic", "fonts-noto-core"));
        assert_eq!(script_of('ש'), ("Hebrew", "fonts-noto-core"));
        assert_eq!(script_of('क'), ("Devanagari", "fonts-noto-core"));
        assert_eq!(script_of('の').1, "fonts-noto-cjk");
        assert_eq!(script_of('图').1, "fonts-noto-cjk");
        assert_eq!(script_of('한').0, "Korean");
        let named = |c| script_of(c).0;
        assert_eq!(named('ﺍ'), "Arabic", "presentation forms");
        assert_eq!(named('ব'), "Bengali");
        assert_eq!(named('ਕ'), "Gurmukhi");
        assert_eq!(named('த'), "Tamil");
        assert_eq!(named('ก'), "Thai");
        assert_eq!(named('Ա'), "Armenian");
        assert_eq!(named('ა'), "Georgian");
        assert_eq!(named('ሀ'), "Ethiopic");
        assert_eq!(named('カ'), "Japanese kana");
        assert_eq!(named('￥'), "Han (Chinese, Japanese, Korean)");
        assert_eq!(script_of('🙂'), ("emoji", "fonts-noto-color-emoji"));
        assert_eq!(script_of('ᚠ'), ("other", "fonts-noto-core"));
    }
}
