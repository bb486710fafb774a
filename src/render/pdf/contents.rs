//! A booklet's contents tagged as a table of contents (`TOC` of `TOCI`
//! entries), so a screen reader announces them as one: Typst tags only its
//! own `outline` so, and a booklet's contents are grouped by category and
//! typeset in parts, which `outline` cannot do.

use lopdf::{Dictionary, Object, ObjectId};

use crate::error::Error;

/// Where the contents start in a PDF's structure.
pub(crate) enum ContentsStart<'a> {
    /// After the heading with these words (the booklet's first part, or the
    /// whole booklet); no such heading, nothing is tagged.
    AfterHeading(&'a str),
    /// At the start: a later part of a booklet typeset in parts, which holds
    /// contents alone.
    AtTheStart,
}

/// `pdf` with its contents tagged as a `TOC`: the paragraphs from `start`
/// to the last that holds a link, stopping at the next top heading (a
/// chapter's title), each become a `TOCI`. A PDF whose structure is not
/// the one Typst makes is given back as it was.
pub(crate) fn tag_contents(pdf: Vec<u8>, start: ContentsStart) -> Result<Vec<u8>, Error> {
    let mut document = lopdf::Document::load_mem(&pdf).map_err(|e| untaggable(&e.to_string()))?;
    let Some((parent, kids)) = top_element(&document) else {
        return Ok(pdf);
    };
    let roles: Vec<Option<Vec<u8>>> = kids
        .iter()
        .map(|kid| kid_id(kid).and_then(|id| role(&document, id)))
        .collect();
    let first = match start {
        ContentsStart::AtTheStart => 0,
        ContentsStart::AfterHeading(words) => {
            let heading = kids.iter().zip(&roles).position(|(kid, role)| {
                role.as_deref().is_some_and(is_heading)
                    && kid_id(kid).and_then(|id| title(&document, id)).as_deref()
                        == Some(comparable(words).as_str())
            });
            match heading {
                Some(index) => index + 1,
                None => return Ok(pdf),
            }
        }
    };
    let before_chapter = roles[first..]
        .iter()
        .position(|role| role.as_deref() == Some(b"H1".as_slice()))
        .map_or(kids.len(), |offset| first + offset);
    let Some(last) = (first..before_chapter)
        .rev()
        .find(|&index| kid_id(&kids[index]).is_some_and(|id| holds_link(&document, id, 0)))
    else {
        return Ok(pdf);
    };
    // Only paragraphs are moved: bare marked content in the range would
    // need the parent tree changed too.
    let entries: Vec<ObjectId> = kids[first..=last].iter().filter_map(kid_id).collect();
    if entries.len() != last + 1 - first
        || roles[first..=last]
            .iter()
            .any(|role| role.as_deref() != Some(b"P".as_slice()))
    {
        return Ok(pdf);
    }

    let toc = document.new_object_id();
    let mut items = Vec::with_capacity(entries.len());
    for entry in entries {
        let item = document.add_object(element(b"TOCI", toc, vec![Object::Reference(entry)]));
        if let Ok(paragraph) = document.get_dictionary_mut(entry) {
            paragraph.set("P", Object::Reference(item));
        }
        items.push(Object::Reference(item));
    }
    document
        .objects
        .insert(toc, Object::Dictionary(element(b"TOC", parent, items)));
    let mut new_kids = kids[..first].to_vec();
    new_kids.push(Object::Reference(toc));
    new_kids.extend_from_slice(&kids[last + 1..]);
    document
        .get_dictionary_mut(parent)
        .map_err(|e| untaggable(&e.to_string()))?
        .set("K", Object::Array(new_kids));

    let mut tagged = Vec::with_capacity(pdf.len());
    document
        .save_to(&mut tagged)
        .map_err(|e| untaggable(&e.to_string()))?;
    Ok(tagged)
}

fn untaggable(reason: &str) -> Error {
    Error::Template {
        message: format!("could not tag the booklet's contents in its PDF: {reason}"),
    }
}

/// The `Document` structure element and its children.
fn top_element(document: &lopdf::Document) -> Option<(ObjectId, Vec<Object>)> {
    let catalog = document.catalog().ok()?;
    let root = document
        .get_dictionary(catalog.get(b"StructTreeRoot").ok()?.as_reference().ok()?)
        .ok()?;
    let top = match root.get(b"K").ok()? {
        Object::Reference(id) => *id,
        Object::Array(kids) => kids.first()?.as_reference().ok()?,
        _ => return None,
    };
    let kids = match document.get_dictionary(top).ok()?.get(b"K").ok()? {
        Object::Array(kids) => kids.clone(),
        kid => vec![kid.clone()],
    };
    Some((top, kids))
}

fn kid_id(kid: &Object) -> Option<ObjectId> {
    kid.as_reference().ok()
}

fn role(document: &lopdf::Document, id: ObjectId) -> Option<Vec<u8>> {
    let element = document.get_dictionary(id).ok()?;
    Some(element.get(b"S").ok()?.as_name().ok()?.to_vec())
}

fn is_heading(role: &[u8]) -> bool {
    role == b"H" || (role.len() == 2 && role[0] == b'H' && role[1].is_ascii_digit())
}

/// A heading's words as its `/T` holds them, compared without direction
/// marks or isolates (labels on a right-to-left page have them) and spaces.
fn title(document: &lopdf::Document, id: ObjectId) -> Option<String> {
    let element = document.get_dictionary(id).ok()?;
    Some(comparable(
        &lopdf::decode_text_string(element.get(b"T").ok()?).ok()?,
    ))
}

fn comparable(words: &str) -> String {
    words
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Whether a structure element holds a `Link` element (a contents entry does).
fn holds_link(document: &lopdf::Document, id: ObjectId, depth: usize) -> bool {
    if depth > 8 {
        return false;
    }
    let Ok(element) = document.get_dictionary(id) else {
        return false;
    };
    if element.get(b"S").and_then(Object::as_name).ok() == Some(b"Link".as_slice()) {
        return true;
    }
    let kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.iter().collect(),
        Ok(kid) => vec![kid],
        Err(_) => Vec::new(),
    };
    kids.into_iter()
        .filter_map(|kid| kid.as_reference().ok())
        .any(|kid| holds_link(document, kid, depth + 1))
}

fn element(role: &[u8], parent: ObjectId, kids: Vec<Object>) -> Dictionary {
    let mut element = Dictionary::new();
    element.set("Type", Object::Name(b"StructElem".to_vec()));
    element.set("S", Object::Name(role.to_vec()));
    element.set("P", Object::Reference(parent));
    element.set("K", Object::Array(kids));
    element
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booklet_like() -> Vec<u8> {
        let source = "#set document(title: [B])\n#set text(lang: \"en\")\n= Cover\n\nSome words.\n\n= Contents\n\n#par[Group (2)]\n\n#link(<a>)[Chapter A]\n\n#link(<b>)[Chapter B]\n\n#pagebreak()\n#text(8pt)[KICKER]\n\n= Chapter A <a>\n\nText with #link(\"https://example.org\")[a link].\n\n= Chapter B <b>\n\nMore.\n";
        super::super::typeset(source.to_owned(), "test.typ").unwrap()
    }

    fn roles_under(pdf: &[u8], role_of: &[u8]) -> Vec<Vec<u8>> {
        let document = lopdf::Document::load_mem(pdf).unwrap();
        let (_, kids) = top_element(&document).unwrap();
        let parent = kids
            .iter()
            .filter_map(kid_id)
            .find(|&id| role(&document, id).as_deref() == Some(role_of));
        let Some(parent) = parent else {
            return Vec::new();
        };
        let children = match document.get_dictionary(parent).unwrap().get(b"K").unwrap() {
            Object::Array(kids) => kids.clone(),
            kid => vec![kid.clone()],
        };
        children
            .iter()
            .filter_map(kid_id)
            .map(|id| {
                let item = document.get_dictionary(id).unwrap();
                assert_eq!(item.get(b"P").unwrap().as_reference().unwrap(), parent);
                let inner = item.get(b"K").unwrap().as_array().unwrap()[0]
                    .as_reference()
                    .unwrap();
                assert_eq!(
                    document
                        .get_dictionary(inner)
                        .unwrap()
                        .get(b"P")
                        .unwrap()
                        .as_reference()
                        .unwrap(),
                    id,
                    "each paragraph's parent is its entry"
                );
                [
                    role(&document, id).unwrap(),
                    b"/".to_vec(),
                    role(&document, inner).unwrap(),
                ]
                .concat()
            })
            .collect()
    }

    #[test]
    fn the_contents_become_a_toc_of_entries_and_the_chapters_stay_as_they_were() {
        let tagged = tag_contents(booklet_like(), ContentsStart::AfterHeading("Contents")).unwrap();
        assert_eq!(
            roles_under(&tagged, b"TOC"),
            [b"TOCI/P".to_vec(), b"TOCI/P".to_vec(), b"TOCI/P".to_vec()],
            "the group line and both entries, not the chapter's kicker"
        );
        let document = lopdf::Document::load_mem(&tagged).unwrap();
        let (_, kids) = top_element(&document).unwrap();
        let top: Vec<Vec<u8>> = kids
            .iter()
            .filter_map(kid_id)
            .filter_map(|id| role(&document, id))
            .collect();
        assert_eq!(
            top,
            [
                &b"H1"[..],
                b"P",
                b"H1",
                b"TOC",
                b"P",
                b"H1",
                b"P",
                b"H1",
                b"P"
            ]
            .map(<[u8]>::to_vec)
        );
    }

    #[test]
    fn without_the_heading_nothing_changes_and_a_later_part_is_contents_from_its_start() {
        let pdf = booklet_like();
        assert_eq!(
            tag_contents(pdf.clone(), ContentsStart::AfterHeading("Inhalt")).unwrap(),
            pdf
        );
        let later = super::super::typeset(
            "#set document(title: [B])\n#set text(lang: \"en\")\n#par[Group]\n\n#link(\"pathways-chapter:a\")[A]\n".to_owned(),
            "test.typ",
        )
        .unwrap();
        let tagged = tag_contents(later, ContentsStart::AtTheStart).unwrap();
        assert_eq!(
            roles_under(&tagged, b"TOC"),
            [b"TOCI/P".to_vec(), b"TOCI/P".to_vec()]
        );
    }
}
