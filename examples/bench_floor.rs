//! The floor for `scripts/bench-export.sh`: the least an export can do.
//! It parses each YAML profile (into a generic value, with the same YAML
//! parser pathways uses) and writes the file's bytes three times, on as
//! many threads as `--jobs` says. No validation, no templates, no Markdown.
//!
//! Usage: cargo run --release --example bench_floor -- --jobs 2 OUT_DIR PROFILE...

use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut jobs = 2;
    if args.first().is_some_and(|a| a == "--jobs") {
        jobs = args.get(1).ok_or("--jobs needs a number")?.parse()?;
        args.drain(..2);
    }
    let (out, files) = args
        .split_first()
        .ok_or("usage: bench_floor [--jobs N] OUT_DIR PROFILE...")?;
    let out = PathBuf::from(out);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    pool.install(|| {
        files
            .par_iter()
            .try_for_each(|file| copy_three_times(Path::new(file), &out))
    })
    .map_err(|e| e as Box<dyn std::error::Error>)
}

fn copy_three_times(
    file: &Path,
    out: &Path,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let text = std::fs::read_to_string(file)?;
    let value: serde_json::Value = serde_saphyr::from_str(&text)?;
    std::hint::black_box(&value);
    let stem = file.file_stem().ok_or("no file name")?.to_string_lossy();
    for extension in ["md", "html", "txt"] {
        std::fs::write(out.join(format!("{stem}.{extension}")), &text)?;
    }
    Ok(())
}
