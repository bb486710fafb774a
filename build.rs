//! Embeds every file of `templates/` (not its subfolders) in the binary: the
//! list of built-in templates is the folder's listing, never typed again.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = fs::read_dir(&folder)
        .expect("templates/ is readable")
        .map(|entry| entry.expect("templates/ is readable").path())
        .filter(|path| path.is_file())
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            path.file_name()
                .and_then(|name| name.to_str())
                .expect("template names are UTF-8")
                .to_owned()
        })
        .collect();
    names.sort();
    let mut code = String::from(
        "/// Every built-in template: name and source, one per file of `templates/`\n\
         /// (listed by `build.rs`), by name.\n",
    );
    code += &format!("pub const BUILT_IN: [(&str, &str); {}] = [\n", names.len());
    for name in &names {
        let path = folder.join(name);
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("templates.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
