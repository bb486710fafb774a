//! Section rules: required sections present, no empty sections, and the
//! policy's minimum entries and words per section.

use crate::rules::Rule;

use super::{Findings, Policy};
use crate::finding::Finding;
use crate::profile::{Profile, SectionContent, section_info};

pub(super) fn check(profile: &Profile, policy: &Policy, findings: &mut Findings) {
    for id in &policy.required_sections {
        if profile.sections.get(id).is_none() {
            let heading = section_info(id).map_or(id.as_str(), |info| info.heading());
            // A missing section has no key of its own: nearest() lands on `sections:`.
            findings.at_key(
                &format!("sections.{id}"),
                Finding::new(
                    Rule::MissingSection,
                    format!("the required section `{id}` ({heading}) is missing"),
                    format!("add `{id}:` under `sections:` with at least an `intro:` paragraph"),
                ),
            );
        }
    }
    for (info, content) in profile.sections.in_order() {
        let path = || format!("sections.{}", info.id);
        if content.is_empty() {
            findings.at_key(
                &path(),
                Finding::new(
                    Rule::EmptySection,
                    format!("the section `{}` ({}) has no text", info.id, info.heading()),
                    "write at least an `intro:` paragraph or one item, or remove the section",
                ),
            );
            continue;
        }
        if let Some(&minimum) = policy.min_items.get(info.id) {
            let count = item_count(content);
            if count < minimum {
                findings.at_key(
                    &path(),
                    Finding::new(
                        Rule::TooFewItems,
                        format!(
                            "`{}` lists {count} {}; the policy asks for at least {minimum}",
                            info.id,
                            if count == 1 { "entry" } else { "entries" }
                        ),
                        "add more entries under `items:` (or in its groups)",
                    ),
                );
            }
        }
        if let Some(&minimum) = policy.min_words.get(info.id) {
            let count = word_count(content);
            if count < minimum {
                findings.at_key(
                    &path(),
                    Finding::new(
                        Rule::TooFewWords,
                        format!(
                            "`{}` has {count} words; the policy asks for at least {minimum}",
                            info.id
                        ),
                        "say more: what a student should know about this part of the career",
                    ),
                );
            }
        }
    }
    for (index, extra) in profile.extra_sections.iter().enumerate() {
        if extra.prose().is_empty() {
            findings.at_key(
                &format!("extra_sections[{index}]"),
                Finding::new(
                    Rule::EmptySection,
                    format!("the section `{}` ({}) has no text", extra.id, extra.heading),
                    "write at least an `intro:` paragraph or one item, or remove the section",
                ),
            );
        }
    }
}

fn item_count(content: SectionContent) -> usize {
    let prose = content.prose();
    let listed = prose.items.len() + prose.groups.iter().map(|g| g.items.len()).sum::<usize>();
    match content {
        SectionContent::Misconceptions(s) => listed + s.items.len(),
        _ => listed,
    }
}

fn word_count(content: SectionContent) -> usize {
    let prose = content.prose();
    let mut texts: Vec<&str> = vec![];
    texts.extend(prose.intro);
    texts.extend(prose.outro);
    for item in prose.items {
        texts.push(&item.text);
        texts.extend(item.title.as_deref());
    }
    for group in prose.groups {
        texts.extend(group.intro.as_deref());
        texts.extend(group.outro.as_deref());
        for item in &group.items {
            texts.push(&item.text);
            texts.extend(item.title.as_deref());
        }
    }
    if let SectionContent::Misconceptions(s) = content {
        for pair in &s.items {
            texts.push(&pair.myth);
            texts.push(&pair.reality);
        }
    }
    texts.iter().map(|t| t.split_whitespace().count()).sum()
}
