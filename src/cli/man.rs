//! `pathways man`: the manual page on standard output, or one page per
//! subcommand written into a folder.

use clap::CommandFactory;

use crate::cli::args::{Cli, ManArgs};
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::output::{Destination, OutputFolder, write};

pub fn run(args: &ManArgs) -> Result<ExitStatus, Error> {
    let mut command = Cli::command();
    // Building names each subcommand as its page is called: `pathways-render`.
    command.build();
    let Some(dir) = &args.out else {
        write(&Destination::Stdout, &page(&command))?;
        return Ok(ExitStatus::Success);
    };
    let folder = OutputFolder::open(dir)?;
    let mut written = vec!["pathways.1".to_owned()];
    folder.write("pathways.1", &page(&command))?;
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        let file = format!(
            "{}.1",
            sub.get_display_name().unwrap_or_else(|| sub.get_name())
        );
        folder.write(&file, &page(sub))?;
        written.push(file);
    }
    errln!(
        "Wrote {} manual pages to {}: {}. Read one with `man -l {}/pathways.1`, or put the folder on MANPATH.",
        written.len(),
        dir.display(),
        written.join(", "),
        dir.display()
    );
    Ok(ExitStatus::Success)
}

/// The roff source of `command`'s page.
fn page(command: &clap::Command) -> Vec<u8> {
    let mut roff = Vec::new();
    // Writing into memory cannot fail.
    match clap_mangen::Man::new(command.clone()).render(&mut roff) {
        Ok(()) => roff,
        Err(_) => Vec::new(),
    }
}
