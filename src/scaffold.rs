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
         # Where facts and figures come from.\n\
         sources:\n  - title: TODO\n    # url: https://...\n\
         \n\
         # The short overview that opens the report and the handout.\n\
         summary:\n  - heading: TODO\n    text: TODO\n\
         \n\
         sections:\n",
    );
    for info in &CATALOGUE {
        out.push_str(&format!("  # {}: {}\n", info.heading(), guidance(info.id)));
        out.push_str(&format!("  {}:\n", info.id));
        out.push_str(body(info.id));
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

fn guidance(id: &str) -> &'static str {
    match id {
        "overview" => "what the work is, in a paragraph or two.",
        "fun_facts" => "a few surprising or memorable facts about the career.",
        "education" => "the schooling and qualifications usually needed.",
        "responsibilities" => "the main duties, one per item, with a short title.",
        "salary" => "typical pay, with figures as plain numbers (36000, not $36,000).",
        "career_path" => "how people start and move up.",
        "challenges" => "the hardest parts of the job, and how people cope with them.",
        "gaining_experience" => "ways to get experience before and after the first job.",
        "outlook" => "how demand for this work is expected to change.",
        "skills" => "the skills and qualities that matter most, one per item.",
        "demand" => "where the work is in demand.",
        "training" => "courses, certificates and licences worth having.",
        "work_environment" => "where and how the work is done day to day.",
        "industry_sectors" => "the sectors that employ people in this career.",
        "employers" => "the kinds of organisations that hire.",
        "tools" => "tools and technologies used in the job.",
        "related_careers" => "careers with similar skills, one per item.",
        "internships" => "internships or placements that lead into the career.",
        "remote_work" => "how much can be done from home (level: none, limited, moderate or high).",
        "specializations" => "areas people specialise in.",
        "challenges_rewards" => "the downsides and the rewards, in two lists.",
        "getting_started" => "first steps for a student, in order.",
        "famous_people" => "well-known people from this career.",
        "global_opportunities" => "opportunities abroad or with international employers.",
        "misconceptions" => "common misconceptions, each with the reality.",
        _ => "what readers should know.",
    }
}

fn body(id: &str) -> &'static str {
    match id {
        "responsibilities"
        | "gaining_experience"
        | "skills"
        | "demand"
        | "training"
        | "internships"
        | "specializations"
        | "getting_started"
        | "global_opportunities" => {
            "    intro: TODO\n    items:\n      - title: TODO\n        text: TODO\n"
        }
        "fun_facts" | "industry_sectors" | "employers" | "tools" | "related_careers" => {
            "    items:\n      - TODO\n"
        }
        "career_path" => {
            "    groups:\n      - heading: Career stages\n        items:\n          - title: TODO\n            text: TODO\n      - heading: Opportunities for advancement\n        items:\n          - title: TODO\n            text: TODO\n"
        }
        "challenges" => {
            "    groups:\n      - heading: Challenges\n        items:\n          - TODO\n      - heading: How to overcome them\n        items:\n          - TODO\n"
        }
        "challenges_rewards" => {
            "    groups:\n      - heading: Challenges\n        items:\n          - TODO\n      - heading: Rewards\n        items:\n          - TODO\n"
        }
        "salary" => {
            "    currency: USD\n    period: year\n    # average: 36000\n    # ranges:\n    #   - { stage: entry, min: 25000, max: 30000 }\n    #   - { stage: mid, min: 35000, max: 45000 }\n    #   - { stage: senior, min: 50000, max: 60000 }\n    intro: TODO\n"
        }
        "remote_work" => "    # level: limited\n    intro: TODO\n",
        "misconceptions" => "    items:\n      - myth: TODO\n        reality: TODO\n",
        _ => "    intro: TODO\n",
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
