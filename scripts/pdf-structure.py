#!/usr/bin/env python3
"""PDF/UA structure checks with pikepdf, for the PDFs pathways makes.

Run by `tests/pdf.rs` (in `.ci/run`) beside the `pdfua` checker from PyPI,
whose 12 checks cover 16 of PDF/UA-1's 106 machine-checkable rules and whose
empty-heading rule (UA-14-001) stops with an error on any heading whose
children are an array (pdfua 0.1.3 with pikepdf 10): that rule is checked
here instead, with the others veraPDF would run that pikepdf can.

    python3 scripts/pdf-structure.py FILE.pdf...

Prints each fault as `FILE: fault` and exits 1 if there is any, else prints
a line per file with what was checked and exits 0.
"""

import re
import sys

import pikepdf

# PDF 1.7 (ISO 32000-1, 14.8.4) standard structure types.
STANDARD = set(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct "
    "Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody "
    "TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP "
    "Warichu WT WP Figure Formula Form".split()
)
# The children each grouping type may have (ISO 32000-1 14.8.4, PDF/UA-1 7.2).
CHILDREN = {
    "L": {"LI", "Caption", "L"},
    "LI": {"Lbl", "LBody"},
    "TOC": {"TOC", "TOCI", "Caption"},
    "TOCI": {"Lbl", "Reference", "NonStruct", "P", "TOC"},
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"},
    "TBody": {"TR"},
    "TFoot": {"TR"},
    "TR": {"TH", "TD"},
}
BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def text(value):
    return str(value) if value is not None else ""


class Checker:
    def __init__(self, path):
        self.path = path
        self.faults = []
        self.pdf = pikepdf.open(path)
        self.role_map = {}
        self.counts = {"elements": 0, "headings": 0, "links": 0, "annotations": 0}

    def fault(self, message):
        self.faults.append(f"{self.path}: {message}")

    def check(self):
        root = self.pdf.Root
        marked = root.get("/MarkInfo", {}).get("/Marked")
        if marked is not True:
            self.fault("the catalog's /MarkInfo does not say /Marked true")
        lang = text(root.get("/Lang"))
        if not BCP47.match(lang):
            self.fault(f"the document's /Lang is {lang!r}, not a language tag")
        if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
            self.fault("/ViewerPreferences /DisplayDocTitle is not true")
        with self.pdf.open_metadata() as meta:
            if not text(meta.get("dc:title")).strip():
                self.fault("the XMP metadata has no dc:title")
            if text(meta.get("pdfuaid:part")) != "1":
                self.fault("the XMP metadata does not claim PDF/UA-1 (pdfuaid:part)")
        tree = root.get("/StructTreeRoot")
        if tree is None:
            self.fault("no structure tree")
            return self.faults
        for role, mapped in (tree.get("/RoleMap") or {}).items():
            self.role_map[role[1:]] = str(mapped)[1:]
        top = tree.get("/K")
        for kid in top if isinstance(top, pikepdf.Array) else [top]:
            self.element(kid, None, [], 0)
        self.pages()
        self.fonts()
        return self.faults

    def standard(self, role):
        seen = set()
        while role not in STANDARD and role in self.role_map and role not in seen:
            seen.add(role)
            role = self.role_map[role]
        return role

    def kids(self, element):
        k = element.get("/K")
        if k is None:
            return []
        return list(k) if isinstance(k, pikepdf.Array) else [k]

    def marks_content(self, element, depth=0):
        """Whether an element reaches page content (a marked-content id, a
        marked-content or object reference) through its children."""
        if depth > 64:
            return False
        for kid in self.kids(element):
            if isinstance(kid, int):
                return True
            if isinstance(kid, pikepdf.Dictionary):
                if kid.get("/Type") in (pikepdf.Name("/MCR"), pikepdf.Name("/OBJR")):
                    return True
                if self.marks_content(kid, depth + 1):
                    return True
        return False

    def element(self, element, parent_role, headings, depth):
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            return
        if depth > 200:
            self.fault("the structure tree is deeper than 200 levels")
            return
        self.counts["elements"] += 1
        given = str(element.S)[1:]
        role = self.standard(given)
        if role not in STANDARD:
            self.fault(f"structure type /{given} is neither standard nor role-mapped to one")
        if parent_role in CHILDREN and role not in CHILDREN[parent_role]:
            self.fault(f"/{role} inside /{parent_role}, which may hold only {sorted(CHILDREN[parent_role])}")
        if "/Lang" in element and not BCP47.match(text(element.Lang)):
            self.fault(f"/{role} has /Lang {text(element.Lang)!r}, not a language tag")
        if role == "Figure" and not text(element.get("/Alt")).strip():
            self.fault("a /Figure without /Alt text")
        if role in ("H1", "H2", "H3", "H4", "H5", "H6"):
            self.counts["headings"] += 1
            level = int(role[1])
            if not self.marks_content(element):
                self.fault(f"an empty heading /{role} (title {text(element.get('/T'))!r})")
            if headings and level > headings[-1] + 1:
                self.fault(
                    f"heading /{role} {text(element.get('/T'))!r} follows an H{headings[-1]}: a level is skipped"
                )
            headings.append(level)
        if role == "Link":
            self.counts["links"] += 1
            objr = [
                kid for kid in self.kids(element)
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name("/OBJR")
            ]
            if not objr:
                self.fault("a /Link element without its link annotation (OBJR)")
        if role == "Table":
            if not self.has_role(element, "TH"):
                self.fault("a /Table without a header cell (TH)")
        if role == "TOC" and not self.has_role(element, "TOCI"):
            self.fault("a /TOC without entries (TOCI)")
        for kid in self.kids(element):
            self.element(kid, role, headings, depth + 1)

    def has_role(self, element, wanted, depth=0):
        for kid in self.kids(element):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid and depth < 8:
                if self.standard(str(kid.S)[1:]) == wanted or self.has_role(kid, wanted, depth + 1):
                    return True
        return False

    def pages(self):
        for number, page in enumerate(self.pdf.pages, 1):
            annotations = page.obj.get("/Annots") or []
            if len(annotations) and page.obj.get("/Tabs") != pikepdf.Name("/S"):
                self.fault(f"page {number} has annotations but no /Tabs /S (tab order by structure)")
            for annotation in annotations:
                self.counts["annotations"] += 1
                if annotation.get("/Subtype") == pikepdf.Name("/Link"):
                    contents = text(annotation.get("/Contents"))
                    if not contents.strip():
                        self.fault(f"a link on page {number} has no description (/Contents)")
                    elif contents != contents.strip():
                        self.fault(f"a link on page {number} is described with spaces around it: {contents!r}")
                if "/StructParent" not in annotation and annotation.get("/Subtype") != pikepdf.Name("/Popup"):
                    self.fault(f"an annotation on page {number} is not in the structure tree (/StructParent)")

    def fonts(self):
        seen = set()
        for number, page in enumerate(self.pdf.pages, 1):
            resources = page.obj.get("/Resources") or {}
            for font in (resources.get("/Font") or {}).values():
                key = font.objgen
                if key in seen:
                    continue
                seen.add(key)
                descendants = font.get("/DescendantFonts")
                described = descendants[0] if descendants else font
                descriptor = described.get("/FontDescriptor")
                if font.get("/Subtype") == pikepdf.Name("/Type3"):
                    continue
                if descriptor is None or not any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    self.fault(f"font {text(font.get('/BaseFont'))} (page {number}) is not embedded")
                if "/ToUnicode" not in font:
                    self.fault(f"font {text(font.get('/BaseFont'))} (page {number}) has no /ToUnicode map")


def main(paths):
    faults = []
    for path in paths:
        checker = Checker(path)
        found = checker.check()
        faults.extend(found)
        counts = ", ".join(f"{n} {what}" for what, n in checker.counts.items())
        print(f"{path}: {'FAIL' if found else 'ok'} ({len(checker.pdf.pages)} pages; {counts})")
    for fault in faults:
        print(fault)
    return 1 if faults else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
