//! Joining the PDFs Typst made of a booklet's parts into one file, streamed:
//! a long booklet is typeset a part at a time (Typst holds a whole document
//! in memory), and its parts are joined here with their pages, tags,
//! outline and links kept, so the joined file is as accessible as each part.

use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId};

use crate::error::Error;

/// The scheme of a link from the contents to a chapter in another part:
/// `pathways-chapter:career-nurse` becomes a link to that chapter's first
/// page when the parts are joined.
pub(crate) const CHAPTER_LINK: &str = "pathways-chapter:";

// The objects of the joined file's own, numbered first.
const PAGES: u32 = 1;
const STRUCT_ROOT: u32 = 2;
const OUTLINES: u32 = 3;
const CATALOG: u32 = 4;
const INFO: u32 = 5;
const METADATA: u32 = 6;
/// The one `Document` structure element the parts' own are merged into.
const DOCUMENT: u32 = 7;
const FIRST_FREE: u32 = 8;

/// A PDF being joined from parts: [`append`](Self::append) each part in
/// order, then [`finish`](Self::finish).
pub(crate) struct Joiner<'w> {
    out: Counting<'w>,
    /// Where each object starts in the file, by number (0 is the free head).
    offsets: Vec<u64>,
    /// Page objects, in order.
    pages: Vec<u32>,
    /// The children of the joined `Document` structure element: those of
    /// each part's.
    document_kids: Vec<u32>,
    /// The structure parent tree, by key.
    parent_tree: Vec<(i64, u32)>,
    next_key: i64,
    /// Structure element ids (table cells' headers name them), made unique
    /// across parts.
    id_tree: Vec<(Vec<u8>, u32)>,
    role_map: Dictionary,
    outline: OutlineChain,
    /// Links to a chapter in another part, written once every page is known.
    chapter_links: Vec<(u32, Dictionary, String)>,
    /// The first part's catalog entries, information and metadata, which
    /// speak for the whole file.
    front: Option<Front>,
    parts: usize,
    /// Whether every part so far is PDF/UA (Typst leaves the claim out of a
    /// part it could not make accessible); the joined file claims it only then.
    all_accessible: bool,
}

struct Front {
    catalog: Dictionary,
    info: Dictionary,
    metadata: Option<lopdf::Stream>,
    id: Option<Object>,
}

/// The outline's top entries, chained across parts: the last of each part
/// is kept back until the next part's first is known.
#[derive(Default)]
struct OutlineChain {
    first: Option<u32>,
    last_pending: Option<(u32, Dictionary)>,
    count: i64,
}

/// A writer that knows how far it has written.
struct Counting<'w> {
    inner: &'w mut dyn Write,
    written: u64,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<'w> Joiner<'w> {
    /// Start the joined file in `out`.
    pub(crate) fn new(out: &'w mut dyn Write) -> Result<Self, Error> {
        let mut joiner = Joiner {
            out: Counting {
                inner: out,
                written: 0,
            },
            offsets: vec![0; FIRST_FREE as usize],
            pages: Vec::new(),
            document_kids: Vec::new(),
            parent_tree: Vec::new(),
            next_key: 0,
            id_tree: Vec::new(),
            role_map: Dictionary::new(),
            outline: OutlineChain::default(),
            chapter_links: Vec::new(),
            front: None,
            parts: 0,
            all_accessible: true,
        };
        joiner.write_raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
        Ok(joiner)
    }

    /// How many pages have been joined so far.
    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Add the pages of `pdf` (a tagged PDF Typst made) after those joined so far.
    pub(crate) fn append(&mut self, pdf: &[u8]) -> Result<(), Error> {
        let part = lopdf::Document::load_mem(pdf).map_err(|e| unjoinable(&e.to_string()))?;
        self.parts += 1;
        let catalog_id = part
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(|_| unjoinable("no catalog"))?;
        let catalog = part
            .get_dictionary(catalog_id)
            .map_err(|_| unjoinable("no catalog"))?
            .clone();
        let reference = |key: &[u8]| catalog.get(key).and_then(Object::as_reference).ok();
        let struct_root_id = reference(b"StructTreeRoot");
        let outlines_id = reference(b"Outlines");
        let metadata_id = reference(b"Metadata");
        let info_id = part
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .ok();

        // Numbers in the joined file: the part's own top objects become the
        // joined file's (so what pointed to them points to these, the page
        // tree's and the outline's parent included); every other object gets
        // the next free number.
        let mut renumbered: std::collections::HashMap<u32, u32> = Default::default();
        let page_tree: Vec<u32> = part
            .objects
            .iter()
            .filter(|(_, object)| object.as_dict().is_ok_and(|dict| dict.has_type(b"Pages")))
            .map(|(&(id, _), _)| id)
            .collect();
        for id in &page_tree {
            renumbered.insert(*id, PAGES);
        }
        renumbered.insert(catalog_id.0, CATALOG);
        // The part's `Document` element becomes the joined file's.
        let part_documents: Vec<ObjectId> = struct_root_id
            .and_then(|id| part.get_dictionary(id).ok())
            .map(|root| references(root.get(b"K").ok()))
            .unwrap_or_default();
        for document in &part_documents {
            let element = part.get_dictionary(*document).ok();
            let is_document = element.is_some_and(|e| {
                e.get(b"S").and_then(Object::as_name).ok() == Some(b"Document".as_slice())
            });
            if !is_document {
                return Err(unjoinable(
                    "a part's structure tree does not start with a Document",
                ));
            }
            renumbered.insert(document.0, DOCUMENT);
        }
        for (id, number) in [
            (struct_root_id, STRUCT_ROOT),
            (outlines_id, OUTLINES),
            (metadata_id, METADATA),
            (info_id, INFO),
        ] {
            if let Some(id) = id {
                renumbered.insert(id.0, number);
            }
        }
        let kept: Vec<ObjectId> = part
            .objects
            .keys()
            .filter(|(id, _)| !renumbered.contains_key(id))
            .copied()
            .collect();
        let mut next = self.offsets.len() as u32;
        for (id, _) in &kept {
            renumbered.insert(*id, next);
            next += 1;
        }
        self.offsets.resize(next as usize, 0);
        let number = |id: ObjectId| renumbered.get(&id.0).copied();

        let key_offset = self.next_key;
        let prefix = format!("p{}-", self.parts).into_bytes();

        // The structure tree: its top elements, parent tree, ids and roles.
        for document in &part_documents {
            let kids = part
                .get_dictionary(*document)
                .ok()
                .and_then(|element| element.get(b"K").ok());
            if matches!(kids, Some(Object::Array(items)) if items.iter().any(|i| i.as_reference().is_err()))
            {
                return Err(unjoinable(
                    "a part's Document holds marked content of its own",
                ));
            }
            self.document_kids
                .extend(references(kids).into_iter().filter_map(number));
        }
        if let Some(root) = struct_root_id.and_then(|id| part.get_dictionary(id).ok()) {
            if let Ok(tree) = root.get(b"ParentTree") {
                let mut entries = Vec::new();
                flatten_tree(&part, tree, b"Nums", &mut entries, 0);
                for (key, value) in entries {
                    let key = match key {
                        Object::Integer(key) => key,
                        _ => continue,
                    };
                    let target = match value {
                        Object::Reference(id) => number(id),
                        mut direct => {
                            renumber(&mut direct, &number);
                            let n = self.offsets.len() as u32;
                            self.offsets.push(0);
                            self.write_object(n, &direct)?;
                            Some(n)
                        }
                    };
                    if let Some(target) = target {
                        self.parent_tree.push((key + key_offset, target));
                        self.next_key = self.next_key.max(key + key_offset + 1);
                    }
                }
            }
            if let Ok(Object::Integer(next_key)) = root.get(b"ParentTreeNextKey") {
                self.next_key = self.next_key.max(key_offset + next_key);
            }
            if let Ok(tree) = root.get(b"IDTree") {
                let mut entries = Vec::new();
                flatten_tree(&part, tree, b"Names", &mut entries, 0);
                for (name, value) in entries {
                    if let (Object::String(name, _), Object::Reference(id)) = (name, value)
                        && let Some(n) = number(id)
                    {
                        self.id_tree.push(([prefix.as_slice(), &name].concat(), n));
                    }
                }
            }
            if let Ok(roles) = root
                .get(b"RoleMap")
                .and_then(|r| resolve(&part, r).as_dict())
            {
                for (role, standard) in roles.iter() {
                    if !self.role_map.has(role) {
                        self.role_map.set(role.clone(), standard.clone());
                    }
                }
            }
        }

        // The outline's top entries.
        let mut outline_tops = Vec::new();
        if let Some(root) = outlines_id.and_then(|id| part.get_dictionary(id).ok()) {
            let mut entry = root.get(b"First").and_then(Object::as_reference).ok();
            while let Some(id) = entry {
                if outline_tops.contains(&id) {
                    break;
                }
                outline_tops.push(id);
                entry = part
                    .get_dictionary(id)
                    .ok()
                    .and_then(|d| d.get(b"Next").and_then(Object::as_reference).ok());
            }
            self.outline.count += match root.get(b"Count") {
                Ok(Object::Integer(count)) => *count,
                _ => outline_tops.len() as i64,
            };
        }
        let outline_tops: Vec<u32> = outline_tops.into_iter().filter_map(number).collect();

        self.pages
            .extend(part.get_pages().into_values().filter_map(number));

        for old_id in kept {
            let Some(n) = number(old_id) else { continue };
            let mut object = part.objects[&old_id].clone();
            renumber(&mut object, &number);
            if let Object::Dictionary(dict) = &mut object {
                shift_struct_parents(dict, key_offset);
                prefix_struct_ids(dict, &prefix);
                if let Some(target) = chapter_link_target(dict) {
                    self.chapter_links.push((n, dict.clone(), target));
                    continue;
                }
                if let Some(position) = outline_tops.iter().position(|&top| top == n) {
                    if position == 0 {
                        if let Some((previous, mut pending)) = self.outline.last_pending.take() {
                            pending.set("Next", Object::Reference((n, 0)));
                            self.write_object(previous, &Object::Dictionary(pending))?;
                            dict.set("Prev", Object::Reference((previous, 0)));
                        }
                        self.outline.first.get_or_insert(n);
                    }
                    if position + 1 == outline_tops.len() {
                        self.outline.last_pending = Some((n, dict.clone()));
                        continue;
                    }
                }
            } else if let Object::Stream(stream) = &mut object {
                stream
                    .dict
                    .set("Length", Object::Integer(stream.content.len() as i64));
            }
            self.write_object(n, &object)?;
        }

        let metadata = metadata_id
            .and_then(|id| part.get_object(id).ok())
            .and_then(|object| object.as_stream().ok());
        self.all_accessible &= metadata.is_some_and(|xmp| claims_pdf_ua(&xmp.content));
        if self.front.is_none() {
            let metadata = metadata.cloned();
            let info = info_id
                .and_then(|id| part.get_dictionary(id).ok())
                .cloned()
                .unwrap_or_default();
            self.front = Some(Front {
                catalog,
                info,
                metadata,
                id: part.trailer.get(b"ID").ok().cloned(),
            });
        }
        Ok(())
    }

    /// Write what only the whole file knows (its page tree, structure tree,
    /// outline, catalog) and the cross-reference table. `chapter_link` gives,
    /// for a chapter link's target, the page (from 0) it starts on and the
    /// link's text for a screen reader.
    pub(crate) fn finish(
        mut self,
        chapter_link: impl Fn(&str) -> Option<(usize, String)>,
    ) -> Result<(), Error> {
        let front = self
            .front
            .take()
            .ok_or_else(|| unjoinable("nothing to join"))?;
        if let Some((id, last)) = self.outline.last_pending.take() {
            self.write_object(id, &Object::Dictionary(last))?;
            self.outline_root(Some(id))?;
        } else {
            self.outline_root(None)?;
        }
        for (id, mut link, target) in std::mem::take(&mut self.chapter_links) {
            let (page, alt) = chapter_link(&target)
                .and_then(|(page, alt)| Some((*self.pages.get(page)?, alt)))
                .ok_or_else(|| unjoinable(&format!("a link to `{target}`, which is in no part")))?;
            link.remove(b"A");
            link.set("Contents", Object::string_literal(alt));
            link.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference((page, 0)),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Null,
                    Object::Null,
                ]),
            );
            self.write_object(id, &Object::Dictionary(link))?;
        }

        let mut pages = Dictionary::new();
        pages.set("Type", Object::Name(b"Pages".to_vec()));
        pages.set("Count", Object::Integer(self.pages.len() as i64));
        pages.set("Kids", refs(&self.pages));
        self.write_object(PAGES, &Object::Dictionary(pages))?;

        let mut document = Dictionary::new();
        document.set("Type", Object::Name(b"StructElem".to_vec()));
        document.set("S", Object::Name(b"Document".to_vec()));
        document.set("P", Object::Reference((STRUCT_ROOT, 0)));
        document.set("K", refs(&self.document_kids));
        self.write_object(DOCUMENT, &Object::Dictionary(document))?;

        let mut root = Dictionary::new();
        root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
        root.set("K", refs(&[DOCUMENT]));
        let mut nums = Vec::with_capacity(self.parent_tree.len() * 2);
        self.parent_tree.sort_unstable();
        for &(key, id) in &self.parent_tree {
            nums.push(Object::Integer(key));
            nums.push(Object::Reference((id, 0)));
        }
        let mut parent_tree = Dictionary::new();
        parent_tree.set("Nums", Object::Array(nums));
        root.set("ParentTree", Object::Dictionary(parent_tree));
        root.set("ParentTreeNextKey", Object::Integer(self.next_key));
        if !self.id_tree.is_empty() {
            self.id_tree.sort_unstable();
            let names = self
                .id_tree
                .iter()
                .flat_map(|(name, id)| {
                    [
                        Object::String(name.clone(), lopdf::StringFormat::Literal),
                        Object::Reference((*id, 0)),
                    ]
                })
                .collect();
            let mut id_tree = Dictionary::new();
            id_tree.set("Names", Object::Array(names));
            root.set("IDTree", Object::Dictionary(id_tree));
        }
        if !self.role_map.is_empty() {
            root.set(
                "RoleMap",
                Object::Dictionary(std::mem::take(&mut self.role_map)),
            );
        }
        self.write_object(STRUCT_ROOT, &Object::Dictionary(root))?;

        let mut catalog = front.catalog;
        catalog.set("Pages", Object::Reference((PAGES, 0)));
        catalog.set("StructTreeRoot", Object::Reference((STRUCT_ROOT, 0)));
        catalog.set("Outlines", Object::Reference((OUTLINES, 0)));
        catalog.remove(b"Metadata");
        if let Some(mut metadata) = front.metadata {
            let mut xmp = with_page_count(
                &String::from_utf8_lossy(&metadata.content),
                self.pages.len(),
            );
            if !self.all_accessible {
                xmp = without_pdf_ua_claim(&xmp);
            }
            metadata.set_content(xmp.into_bytes());
            metadata
                .dict
                .set("Length", Object::Integer(metadata.content.len() as i64));
            self.write_object(METADATA, &Object::Stream(metadata))?;
            catalog.set("Metadata", Object::Reference((METADATA, 0)));
        }
        self.write_object(CATALOG, &Object::Dictionary(catalog))?;
        self.write_object(INFO, &Object::Dictionary(front.info))?;

        let xref = self.out.written;
        let mut table = format!("xref\n0 {}\n", self.offsets.len());
        for (id, offset) in self.offsets.iter().enumerate() {
            if id == 0 {
                table.push_str("0000000000 65535 f \n");
            } else if *offset == 0 {
                // A number of the part's own that the joined file replaced.
                table.push_str("0000000000 00000 f \n");
            } else {
                table.push_str(&format!("{offset:010} 00000 n \n"));
            }
        }
        self.write_raw(table.as_bytes())?;
        let mut trailer = Dictionary::new();
        trailer.set("Size", Object::Integer(self.offsets.len() as i64));
        trailer.set("Root", Object::Reference((CATALOG, 0)));
        trailer.set("Info", Object::Reference((INFO, 0)));
        if let Some(id) = front.id {
            trailer.set("ID", id);
        }
        self.write_raw(b"trailer\n")?;
        self.write_body(&Object::Dictionary(trailer))?;
        self.write_raw(format!("\nstartxref\n{xref}\n%%EOF\n").as_bytes())
    }

    fn outline_root(&mut self, last: Option<u32>) -> Result<(), Error> {
        let mut root = Dictionary::new();
        root.set("Type", Object::Name(b"Outlines".to_vec()));
        if let (Some(first), Some(last)) = (self.outline.first, last) {
            root.set("First", Object::Reference((first, 0)));
            root.set("Last", Object::Reference((last, 0)));
            root.set("Count", Object::Integer(self.outline.count));
        }
        self.write_object(OUTLINES, &Object::Dictionary(root))
    }

    fn write_object(&mut self, id: u32, object: &Object) -> Result<(), Error> {
        self.offsets[id as usize] = self.out.written;
        self.write_raw(format!("{id} 0 obj\n").as_bytes())?;
        self.write_body(object)?;
        self.write_raw(b"\nendobj\n")
    }

    fn write_body(&mut self, object: &Object) -> Result<(), Error> {
        lopdf::Writer::write_object(&mut self.out, object).map_err(|source| Error::Write {
            path: "the booklet".into(),
            source,
        })
    }

    fn write_raw(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes).map_err(|source| Error::Write {
            path: "the booklet".into(),
            source,
        })
    }
}

fn unjoinable(reason: &str) -> Error {
    Error::Template {
        message: format!("could not join the booklet's parts into one PDF: {reason}"),
    }
}

fn refs(ids: &[u32]) -> Object {
    Object::Array(ids.iter().map(|&id| Object::Reference((id, 0))).collect())
}

/// What `object` is, following a reference.
fn resolve<'a>(part: &'a lopdf::Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => part.get_object(*id).unwrap_or(object),
        _ => object,
    }
}

/// The references `object` holds: itself, or those of an array.
fn references(object: Option<&Object>) -> Vec<ObjectId> {
    match object {
        Some(Object::Reference(id)) => vec![*id],
        Some(Object::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_reference().ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// The key and value pairs of a number tree (`Nums`) or name tree (`Names`).
fn flatten_tree(
    part: &lopdf::Document,
    node: &Object,
    leaf_key: &[u8],
    entries: &mut Vec<(Object, Object)>,
    depth: usize,
) {
    let Ok(node) = resolve(part, node).as_dict() else {
        return;
    };
    if depth > 32 {
        return;
    }
    if let Ok(Object::Array(pairs)) = node.get(leaf_key).map(|o| resolve(part, o)) {
        for pair in pairs.chunks_exact(2) {
            entries.push((pair[0].clone(), pair[1].clone()));
        }
    }
    if let Ok(Object::Array(kids)) = node.get(b"Kids").map(|o| resolve(part, o)) {
        for kid in kids {
            flatten_tree(part, kid, leaf_key, entries, depth + 1);
        }
    }
}

/// Point every reference in `object` at its number in the joined file.
fn renumber(object: &mut Object, number: &impl Fn(ObjectId) -> Option<u32>) {
    match object {
        Object::Reference(id) => {
            *object = number(*id).map_or(Object::Null, |n| Object::Reference((n, 0)));
        }
        Object::Array(items) => items.iter_mut().for_each(|item| renumber(item, number)),
        Object::Dictionary(dict) => dict.iter_mut().for_each(|(_, v)| renumber(v, number)),
        Object::Stream(stream) => stream
            .dict
            .iter_mut()
            .for_each(|(_, v)| renumber(v, number)),
        _ => {}
    }
}

/// A page's or an annotation's key in the parent tree, moved past the parts before.
fn shift_struct_parents(dict: &mut Dictionary, offset: i64) {
    for key in [b"StructParents".as_slice(), b"StructParent"] {
        if let Ok(Object::Integer(n)) = dict.get_mut(key) {
            *n += offset;
        }
    }
}

/// Structure element ids, and the table headers that name them, made
/// unique to their part.
fn prefix_struct_ids(dict: &mut Dictionary, prefix: &[u8]) {
    if dict.has(b"S")
        && let Ok(Object::String(id, _)) = dict.get_mut(b"ID")
    {
        id.splice(0..0, prefix.iter().copied());
    }
    if let Ok(Object::Array(headers)) = dict.get_mut(b"Headers") {
        for header in headers {
            if let Object::String(id, _) = header {
                id.splice(0..0, prefix.iter().copied());
            }
        }
    }
    // Attributes may be one dictionary or an array of them.
    match dict.get_mut(b"A") {
        Ok(Object::Dictionary(attributes)) => prefix_struct_ids(attributes, prefix),
        Ok(Object::Array(list)) => {
            for item in list {
                if let Object::Dictionary(attributes) = item {
                    prefix_struct_ids(attributes, prefix);
                }
            }
        }
        _ => {}
    }
}

/// The chapter a link annotation points at, if it is a link to a chapter.
fn chapter_link_target(dict: &Dictionary) -> Option<String> {
    let action = dict.get(b"A").ok()?.as_dict().ok()?;
    let uri = action.get(b"URI").ok()?.as_str().ok()?;
    let target = uri.strip_prefix(CHAPTER_LINK.as_bytes())?;
    Some(String::from_utf8_lossy(target).into_owned())
}

const PDF_UA_CLAIM: &str = "<pdfuaid:part>1</pdfuaid:part>";

/// Whether XMP metadata claims PDF/UA-1.
fn claims_pdf_ua(xmp: &[u8]) -> bool {
    xmp.windows(PDF_UA_CLAIM.len())
        .any(|window| window == PDF_UA_CLAIM.as_bytes())
}

/// The XMP metadata without its claim to PDF/UA, for a file of parts not all
/// accessible.
fn without_pdf_ua_claim(xmp: &str) -> String {
    xmp.replace(PDF_UA_CLAIM, "")
}

/// The XMP metadata with the joined file's page count.
fn with_page_count(xmp: &str, pages: usize) -> String {
    const OPEN: &str = "<xmpTPg:NPages>";
    const CLOSE: &str = "</xmpTPg:NPages>";
    match (xmp.find(OPEN), xmp.find(CLOSE)) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{OPEN}{pages}{}", &xmp[..start], &xmp[end..])
        }
        _ => xmp.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(source: &str) -> Vec<u8> {
        let setup = "#set document(title: [Booklet])\n#set text(lang: \"en\", font: \"Libertinus Serif\")\n";
        super::super::typeset(format!("{setup}{source}"), "test.typ.j2").unwrap()
    }

    fn dict<'a>(pdf: &'a lopdf::Document, object: &'a Object) -> &'a Dictionary {
        resolve(pdf, object).as_dict().unwrap()
    }

    /// Two parts, the first linking to a chapter in the second: one file
    /// with every page, one structure tree, the outline chained across the
    /// parts, and the link pointing at the chapter's page.
    #[test]
    fn joined_parts_keep_their_pages_tags_outline_and_links() {
        let front = part(&format!(
            "= Contents\n#link(\"{CHAPTER_LINK}career-b\")[Chapter B]\n#pagebreak()\nMore contents."
        ));
        let chapters = part(
            "= Chapter A\nFirst chapter.\n#pagebreak()\n= Chapter B\n#table(columns: 2, table.header([Stage], [Pay]), [Entry], [1])",
        );
        let mut joined = Vec::new();
        let mut joiner = Joiner::new(&mut joined).unwrap();
        joiner.append(&front).unwrap();
        joiner.append(&chapters).unwrap();
        assert_eq!(joiner.page_count(), 4);
        joiner
            .finish(|target| (target == "career-b").then(|| (3, "Chapter B, page 4".to_owned())))
            .unwrap();

        let pdf = lopdf::Document::load_mem(&joined).expect("a PDF lopdf reads back");
        let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
        assert_eq!(pages.len(), 4);
        let catalog = pdf.catalog().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");

        // One Document, holding both parts' elements, each naming it as parent.
        let root = dict(&pdf, catalog.get(b"StructTreeRoot").unwrap());
        let tops = references(root.get(b"K").ok());
        assert_eq!(tops.len(), 1);
        let document = pdf.get_dictionary(tops[0]).unwrap();
        assert_eq!(document.get(b"S").unwrap().as_name().unwrap(), b"Document");
        let kids = references(document.get(b"K").ok());
        assert!(kids.len() >= 4, "{kids:?}");
        for kid in &kids {
            let parent = pdf.get_dictionary(*kid).unwrap().get(b"P").unwrap();
            assert_eq!(parent.as_reference().unwrap(), tops[0]);
        }

        // Every page's and annotation's key is in the parent tree, once.
        let nums = dict(&pdf, root.get(b"ParentTree").unwrap())
            .get(b"Nums")
            .unwrap()
            .as_array()
            .unwrap();
        let keys: Vec<i64> = nums
            .iter()
            .step_by(2)
            .map(|k| k.as_i64().unwrap())
            .collect();
        let next_key = root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
        assert_eq!(next_key, keys.iter().max().unwrap() + 1, "{keys:?}");
        let unique: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
        for page in &pages {
            let page = pdf.get_dictionary(*page).unwrap();
            let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }

        // The table's header cells keep ids of their own.
        let ids = dict(&pdf, root.get(b"IDTree").unwrap());
        assert!(!ids.get(b"Names").unwrap().as_array().unwrap().is_empty());

        // The outline: the three headings, in order, chained across parts.
        let outline = dict(&pdf, catalog.get(b"Outlines").unwrap());
        let mut titles = Vec::new();
        let mut entry = outline.get(b"First").and_then(Object::as_reference).ok();
        while let Some(id) = entry {
            let item = pdf.get_dictionary(id).unwrap();
            titles.push(
                String::from_utf8_lossy(item.get(b"Title").unwrap().as_str().unwrap()).into_owned(),
            );
            entry = item.get(b"Next").and_then(Object::as_reference).ok();
        }
        assert_eq!(titles, ["Contents", "Chapter A", "Chapter B"]);

        // The contents' link goes to the fourth page, and says so.
        let annotations = pdf.get_page_annotations(pages[0]).unwrap();
        let link = annotations
            .iter()
            .find(|a| a.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link".as_slice()))
            .expect("the contents' link");
        assert!(!link.has(b"A"), "no URI left: {link:?}");
        let dest = link.get(b"Dest").unwrap().as_array().unwrap();
        assert_eq!(dest[0].as_reference().unwrap(), pages[3]);
        assert_eq!(
            link.get(b"Contents").unwrap().as_str().unwrap(),
            b"Chapter B, page 4"
        );
    }

    /// A part Typst could not make PDF/UA (it leaves out the claim) takes
    /// the claim off the joined file, though the first part made it.
    #[test]
    fn the_joined_file_claims_pdf_ua_only_when_every_part_does() {
        let join = |parts: &[&[u8]]| {
            let mut joined = Vec::new();
            let mut joiner = Joiner::new(&mut joined).unwrap();
            for part in parts {
                joiner.append(part).unwrap();
            }
            joiner.finish(|_| None).unwrap();
            let pdf = lopdf::Document::load_mem(&joined).unwrap();
            let xmp = dict(&pdf, &Object::Reference((CATALOG, 0)))
                .get(b"Metadata")
                .unwrap()
                .clone();
            let xmp = resolve(&pdf, &xmp).as_stream().unwrap().content.clone();
            String::from_utf8(xmp).unwrap()
        };
        let accessible = part("Accessible.");
        assert!(claims_pdf_ua(&accessible), "Typst's own claim");
        let plain = typst_pdf::pdf(
            &{
                let world = super::super::world::EmbeddedWorld::new("Plain.".to_owned());
                super::super::layout(&world, "t").unwrap()
            },
            &typst_pdf::PdfOptions::default(),
        )
        .unwrap();
        assert!(!claims_pdf_ua(&plain));
        let both = join(&[&accessible, &accessible]);
        assert!(claims_pdf_ua(both.as_bytes()), "{both}");
        let one = join(&[&accessible, &plain]);
        assert!(!claims_pdf_ua(one.as_bytes()), "{one}");
        // The rest of the metadata stays, with the joined page count.
        assert!(one.contains("<xmpTPg:NPages>2</xmpTPg:NPages>"), "{one}");
        assert!(one.contains("<dc:title>"), "{one}");
    }

    #[test]
    fn the_page_count_in_the_metadata_is_the_joined_files() {
        let xmp = "<x><xmpTPg:NPages>3</xmpTPg:NPages></x>";
        assert_eq!(
            with_page_count(xmp, 240),
            "<x><xmpTPg:NPages>240</xmpTPg:NPages></x>"
        );
        assert_eq!(with_page_count("<x/>", 2), "<x/>");
    }
}
