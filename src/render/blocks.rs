//! What the writers of Markdown fields (plain text in `markdown`, Typst in
//! `pdf::markup`) share over comrak's tree, below both.

use comrak::nodes::AstNode;

/// Each block inside `node`, written by `write`, separated by blank lines.
pub(in crate::render) fn join_blocks<'a>(
    node: &'a AstNode<'a>,
    out: &mut String,
    write: fn(&'a AstNode<'a>, &mut String),
) {
    for (index, child) in node.children().enumerate() {
        if index > 0 {
            out.push_str("\n\n");
        }
        write(child, out);
    }
}
