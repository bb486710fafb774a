//! Embeds every file of `templates/` (not its subfolders) in the binary: the
//! list of built-in templates is the folder's listing, never typed again.

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() -> Result<(), Box<dyn Error>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names = Vec::new();
    for entry in fs::read_dir(&folder)? {
        let path = entry?.path();
        if !path.is_file() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|name| name.to_str());
        names.push(
            name.ok_or("a template's file name is not UTF-8")?
                .to_owned(),
        );
    }
    names.sort();
    let mut code = String::from(
        "/// Every built-in template: name and source, one per file of `templates/`\n\
         /// (listed by `build.rs`), by name.\n",
    );
    writeln!(
        code,
        "pub const BUILT_IN: [(&str, &str); {}] = [",
        names.len()
    )?;
    for name in &names {
        let path = folder.join(name);
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )?;
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR")?).join("templates.rs");
    fs::write(out, code)?;
    Ok(())
}
