//! IMPORT: legacy career pages (plain text exported from a website) → profiles.
//!
//! `page` splits the page into blocks under headings, `draft` reads each
//! block's lists, pairs and figures, `yaml` writes the profile. The result is
//! parsed and validated like any profile before it is written.

mod draft;
mod page;
mod yaml;

use crate::finding::Finding;
use crate::load::{Source, parse};
use crate::validate::{Policy, validate};

/// A page turned into a profile.
#[derive(Debug)]
pub struct Imported {
    pub id: String,
    /// The profile, as YAML.
    pub yaml: String,
    /// What was found, inferred and needs review: (page line, note); line 0 for the whole page.
    pub found: Vec<(usize, String)>,
    pub review: Vec<(usize, String)>,
    /// Findings of `pathways check` (default policy) on the result.
    pub findings: Vec<Finding>,
}

/// Why a page could not be imported.
#[derive(Debug)]
pub enum ImportError {
    /// Nothing on the page.
    Empty,
    /// The page read, but the profile made from it does not (a bug, or an id given that is not a slug).
    Unreadable(Box<Finding>),
}

/// Import one page; `source` names it in the profile's header comment.
pub fn import(text: &str, source: &str, id: Option<&str>) -> Result<Imported, ImportError> {
    let lines = page::lines_of(text);
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(ImportError::Empty);
    }
    let blocks = page::blocks_of(&lines);
    let draft = draft::draft(&blocks);
    let title = draft
        .title
        .clone()
        .unwrap_or_else(|| "Untitled Career".to_owned());
    let id = id.map_or_else(|| crate::validate::slug_from(&title), str::to_owned);
    let mut review = draft.review.clone();
    if draft.title.is_none() {
        review.insert(0, (0, "no title found on the page: set `title`".to_owned()));
    }
    let yaml = yaml::write(&draft, &id, &title, source);
    let document = parse(Source {
        name: format!("{id}.yaml"),
        text: yaml.clone(),
    })
    .map_err(|failure| match failure {
        crate::load::LoadFailure::Invalid { finding, .. } => ImportError::Unreadable(finding),
        crate::load::LoadFailure::Unreadable(error) => {
            ImportError::Unreadable(Box::new(Finding::error("io", error.to_string(), "")))
        }
    })?;
    let findings = validate(&document, &Policy::default());
    Ok(Imported {
        id,
        yaml,
        found: draft.found,
        review,
        findings,
    })
}
