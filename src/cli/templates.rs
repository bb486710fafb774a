//! `pathways templates`: list the template sets, or write the built-in ones out.

use crate::cli::args::TemplatesArgs;
use crate::cli::console::{errln, outln};
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::locale::BUILT_IN_CATALOGUES;
use pathways::output::OutputFolder;
use pathways::render::{BUILT_IN_TEMPLATES, template_sets};

pub fn run(args: &TemplatesArgs) -> Result<ExitStatus, Error> {
    if let Some(dir) = &args.dump {
        let folder = OutputFolder::open(dir)?;
        let (mut written, mut kept) = (0, Vec::new());
        for (name, source) in BUILT_IN_TEMPLATES {
            if dir.join(name).exists() {
                kept.push(name.to_owned());
            } else {
                folder.write(name, source.as_bytes())?;
                written += 1;
            }
        }
        // The label catalogues go to `locales/`, where a template folder's
        // catalogues are looked for.
        let locales = dir.join("locales");
        let mut catalogues = None;
        for (language, source) in BUILT_IN_CATALOGUES {
            let name = format!("{language}.ftl");
            if locales.join(&name).exists() {
                kept.push(format!("locales/{name}"));
                continue;
            }
            if catalogues.is_none() {
                std::fs::create_dir_all(&locales).map_err(|source| Error::Write {
                    path: locales.clone(),
                    source,
                })?;
                catalogues = Some(OutputFolder::open(&locales)?);
            }
            if let Some(folder) = &catalogues {
                folder.write(&name, source.as_bytes())?;
                written += 1;
            }
        }
        errln!(
            "Wrote {written} built-in templates and label catalogues to {}.{} Edit them, then render with --templates {}",
            dir.display(),
            if kept.is_empty() {
                String::new()
            } else {
                format!(" Kept your existing {}.", kept.join(", "))
            },
            dir.display()
        );
        return Ok(ExitStatus::Success);
    }
    for set in template_sets(args.templates.as_deref()) {
        let description = match set.as_str() {
            "report" => "the full career profile (default)",
            "handout" => "a short handout: overview, pay, education, outlook, skills, first steps",
            _ => "from your template folder",
        };
        outln!("{set:<12} {description}");
    }
    Ok(ExitStatus::Success)
}
