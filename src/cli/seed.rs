//! `pathways seed onet`: draft profiles from an O*NET download, one per
//! occupation, each with a note of what is left for a counsellor to write.

use std::path::Path;

use crate::cli::args::{SeedArgs, SeedDatabase, SeedOnetArgs};
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::finding::visible;
use pathways::output::{Destination, OutputFolder, schema_reference, write};
use pathways::seed::onet::{self, Onet, OpenError};

/// Who modified O*NET's information, when `--office` does not say.
const SOME_OFFICE: &str = "The careers office that published this page";

pub fn run(args: &SeedArgs) -> Result<ExitStatus, Error> {
    match &args.database {
        SeedDatabase::Onet(args) => seed_onet(args),
    }
}

fn seed_onet(args: &SeedOnetArgs) -> Result<ExitStatus, Error> {
    if args.out.is_none() && (args.all || args.codes.len() > 1) {
        return Err(Error::Usage {
            message: "several occupations need --out DIR, the folder to write their profiles into"
                .to_owned(),
        });
    }
    let database = Onet::open(&args.db).map_err(|error| match error {
        OpenError::NotOnet(missing) => Error::NotADatabase {
            folder: args.db.clone(),
            database: "O*NET",
            missing: missing.into_iter().map(str::to_owned).collect(),
            download: "download the O*NET database in text format from the O*NET Resource \
                       Center's database page (onetcenter.org/database.html), unzip it, and give \
                       its folder (such as db_30_0_text) to --db",
        },
        OpenError::Read(name, source) => Error::Read {
            path: args.db.join(name),
            source,
        },
    })?;
    for problem in &database.problems {
        errln!(
            "warning: {}:{}: {}",
            visible(&args.db.join(&problem.file).display().to_string()),
            problem.line,
            visible(&problem.message)
        );
    }
    let folder = args.out.as_deref().map(OutputFolder::open).transpose()?;
    let schema = schema_reference(folder.as_ref().map_or(Path::new("."), |f| f.path()));
    let office = args.office.as_deref().unwrap_or(SOME_OFFICE);
    let mut status = ExitStatus::Success;
    let codes: Vec<&str> = if args.all {
        database
            .occupations()
            .iter()
            .map(|o| o.code.as_str())
            .collect()
    } else {
        args.codes.iter().map(String::as_str).collect()
    };
    for code in codes {
        let Some(occupation) = database.occupation(code) else {
            let reason = if onet::is_onet_code(code) {
                format!(
                    "the O*NET {} database in `{}` has no occupation {code}",
                    database.release,
                    args.db.display()
                )
            } else {
                "not an O*NET-SOC code (they look like 25-4031.00)".to_owned()
            };
            super::console::print_error(Some(&visible(code)), &reason);
            status = ExitStatus::Failure;
            continue;
        };
        let draft = database.draft(occupation, office, schema.as_deref());
        let destination = match &folder {
            Some(folder) => {
                let file = format!("{}.yaml", draft.id);
                let path = folder.path().join(&file);
                if path.exists() && !args.force {
                    errln!(
                        "skipped {code}: {} already exists; pathways will not overwrite it \
                         (--force replaces it)",
                        path.display()
                    );
                    status = ExitStatus::Failure;
                    continue;
                }
                folder.write(&file, draft.yaml.as_bytes())?;
                path.display().to_string()
            }
            None => {
                write(&Destination::Stdout, draft.yaml.as_bytes())?;
                "standard output".to_owned()
            }
        };
        errln!(
            "Seeded {code} {} → {destination} (id `{}`)",
            visible(&occupation.title),
            draft.id
        );
        for note in &draft.notes {
            errln!("  {note}");
        }
    }
    Ok(status)
}
