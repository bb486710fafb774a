//! `pathways new`: a profile scaffold with every catalogue section stubbed,
//! a line of guidance above each, and TODO where content goes, so `check`
//! walks a new author through what is left to write.

use crate::profile::CATALOGUE;

/// The first lines of a profile: with the path of a `profile.schema.json`
/// (relative to the profile), the line that lets YAML editors check and
/// complete it as it is typed; without one, how to make one.
pub fn schema_header(schema: Option<&str>) -> String {
    match schema {
        Some(path) => format!("# yaml-language-server: $schema={path}\n"),
        None => "# For checks as you type in an editor, make the profile schema beside\n\
                 # this file with `pathways schema -o profile.schema.json`, then name it\n\
                 # on this file's first line as `pathways schema` says.\n"
            .to_owned(),
    }
}

/// The text of a new profile for `id`, titled `title`; `schema` as for
/// [`schema_header`]; `file`, the path the profile is written to as the
/// user named it (the `check` command it suggests names it), or `None` when
/// it goes to standard output (then `<id>.yaml`).
pub fn scaffold(id: &str, title: &str, schema: Option<&str>, file: Option<&str>) -> String {
    let mut out = schema_header(schema);
    let file = file.map_or_else(|| format!("{id}.yaml"), str::to_owned);
    out.push_str(&format!(
        "# A career profile for pathways. Replace every TODO, then run:\n#   pathways check {}\n",
        shell_word(&file)
    ));
    out.push_str(&format!("id: {id}\ntitle: {}\n", yaml_text(title)));
    out.push_str(
        "# The field of work and the kind of career, e.g. \"Education & Training\", \"Stable Careers\".\n\
         category: TODO\n\
         career_type: TODO\n\
         # The date the content was last checked against its sources (YYYY-MM-DD).\n\
         # updated: 2026-01-31\n\
         locale: en-US\n\
         # Other titles people search for.\n\
         # aliases: [TODO]\n\
         # Occupation codes: SOC 2018, O*NET-SOC, ISCO-08 unit groups, ESCO occupation URIs,\n\
         # and any local classification by name.\n\
         # codes:\n\
         #   soc: 25-4031\n\
         #   onet: [25-4031.00]\n\
         #   isco: [\"4411\"]\n\
         #   esco: [http://data.europa.eu/esco/occupation/...]\n\
         #   local: { NOC: \"52100\" }\n\
         # The quick facts a student looks for first; each may have `source: { title, url }`\n\
         # and `year` (the year the figure is for), and any may be words instead of a number.\n\
         # facts:\n\
         #   entry_education: { level: associate, text: ... }   # none, high-school, postsecondary-nondegree,\n\
         #                                                       # some-college, associate, bachelor, master, doctoral\n\
         #   work_experience: { text: None }\n\
         #   training: { text: Moderate-term on-the-job training }\n\
         #   jobs: { count: 94400, year: 2024 }\n\
         #   outlook: { percent: -4, period: 2024–34, words: Decline }\n\
         #   openings_per_year: { count: 8500 }\n\
         #   hours: { min: 35, max: 40 }\n\
         #   regulated: { text: A state licence, body: ... }\n\
         # Where facts and figures come from.\n\
         sources:\n  - title: TODO\n    # url: https://...\n\
         \n\
         # The short overview that opens the report and the handout.\n\
         summary:\n  - heading: TODO\n    text: TODO\n\
         \n\
         sections:\n",
    );
    for info in CATALOGUE {
        out.push_str(&format!("  # {}: {}\n", info.heading(), info.guidance));
        out.push_str(&format!("  {}:\n", info.id));
        out.push_str(info.stub);
    }
    out
}

/// `path` as one word for a shell, quoted when it needs it, and on one line.
fn shell_word(path: &str) -> String {
    let plain = path
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./\\:".contains(c));
    if plain {
        path.to_owned()
    } else {
        let one_line: String = path
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        format!("'{}'", one_line.replace('\'', "'\\''"))
    }
}

/// `title` as a YAML scalar: plain when safe, else double-quoted.
fn yaml_text(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -&'().,/".contains(c))
        && !text.starts_with(['-', '&', '\'', ' '])
        && !text.ends_with(' ');
    if plain {
        text.to_owned()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
    }
}
