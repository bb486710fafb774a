//! The view templates receive: headings, formatted money and text already
//! rendered for the output format (safe HTML, CommonMark, or plain lines).
//!
//! Templates never see the raw model, so a template cannot forget to escape a
//! field or format a salary. One walk over a profile ([`build`]) renders each
//! Markdown field once into every format asked for, into one tree of view
//! nodes ([`types`]); each format's template then reads that tree through a
//! [`Lens`] that picks its own rendering of every [`Text`]. The export index
//! has its own, lazily built view ([`index`]).

mod book;
mod build;
mod compare;
mod facts;
mod index;
mod types;

use std::fmt::Debug;
use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

pub(super) use book::{BookPart, BookSettings, build_book};
pub(super) use build::{Extras, build, build_all, css_string};
pub(super) use compare::{build_compare, leading};
pub(super) use index::build_index;
pub(super) use index::chapter_anchor;
pub use index::{CareerIndex, IndexEntry, IndexSort};

/// A text rendered for every format of one build: slot `i` holds the
/// rendering for the build's `i`-th format.
#[derive(Debug, Clone)]
pub(super) struct Text(Box<[Value]>);

/// A view node: a struct whose fields templates read by name. Declared with
/// [`views!`], which lists every field, so none can be invisible to templates.
trait Node: Debug + Send + Sync + 'static {
    /// The field names, as templates write them.
    const FIELDS: &'static [&'static str];

    /// The fields of a node read as if they were this one's (the page head
    /// every document has), after [`Node::FIELDS`].
    const FLATTENED: &'static [&'static str] = &[];

    /// The field `name` as the template of the format in `slot` sees it.
    fn field(&self, name: &str, slot: usize) -> Option<Value>;
}

/// A node seen by the template of one format.
#[derive(Debug)]
struct Lens<T> {
    node: Arc<T>,
    slot: usize,
}

impl<T: Node> Object for Lens<T> {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.node.field(key.as_str()?, self.slot)
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        if T::FLATTENED.is_empty() {
            Enumerator::Str(T::FIELDS)
        } else {
            Enumerator::Values(
                T::FIELDS
                    .iter()
                    .chain(T::FLATTENED)
                    .map(|f| Value::from(*f))
                    .collect(),
            )
        }
    }
}

/// A node as the template context of the format in `slot`.
fn lens<T: Node>(node: &Arc<T>, slot: usize) -> Value {
    Value::from_object(Lens {
        node: Arc::clone(node),
        slot,
    })
}

/// A view field as a template value for the format in `slot`. `None` is
/// Jinja's `none`, so a template can test any field, even one a profile
/// leaves out.
trait ToValue {
    fn to_value(&self, slot: usize) -> Value;
}

impl ToValue for Text {
    fn to_value(&self, slot: usize) -> Value {
        self.0.get(slot).cloned().unwrap_or_default()
    }
}

impl ToValue for Value {
    fn to_value(&self, _: usize) -> Value {
        self.clone()
    }
}

impl ToValue for String {
    fn to_value(&self, _: usize) -> Value {
        Value::from(self.as_str())
    }
}

impl ToValue for &'static str {
    fn to_value(&self, _: usize) -> Value {
        Value::from(*self)
    }
}

impl ToValue for bool {
    fn to_value(&self, _: usize) -> Value {
        Value::from(*self)
    }
}

impl ToValue for usize {
    fn to_value(&self, _: usize) -> Value {
        Value::from(*self)
    }
}

impl ToValue for u8 {
    fn to_value(&self, _: usize) -> Value {
        Value::from(*self)
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self, slot: usize) -> Value {
        self.as_ref()
            .map_or(Value::from(()), |value| value.to_value(slot))
    }
}

impl<T: Node> ToValue for Arc<T> {
    fn to_value(&self, slot: usize) -> Value {
        lens(self, slot)
    }
}

impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(&self, slot: usize) -> Value {
        Value::from(
            self.iter()
                .map(|item| item.to_value(slot))
                .collect::<Vec<_>>(),
        )
    }
}

/// The sections of a report, in order. Templates loop over them
/// (`{% for section in sections %}`) or take one by its catalogue id
/// (`sections.salary`, `none` when the profile leaves it out).
#[derive(Debug, Clone, Default)]
pub(super) struct Sections(Arc<[Arc<types::SectionView>]>);

impl ToValue for Sections {
    fn to_value(&self, slot: usize) -> Value {
        Value::from_object(SectionsLens {
            sections: self.clone(),
            slot,
        })
    }
}

#[derive(Debug)]
struct SectionsLens {
    sections: Sections,
    slot: usize,
}

impl Object for SectionsLens {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let sections = &self.sections.0;
        if let Some(index) = key.as_usize() {
            return sections.get(index).map(|s| lens(s, self.slot));
        }
        let id = key.as_str()?;
        match sections.iter().find(|s| s.id == id) {
            Some(section) => Some(lens(section, self.slot)),
            // A catalogue section this profile leaves out is `none`; any
            // other name is a mistake in the template, reported as such.
            None => crate::profile::section_info(id).map(|_| Value::from(())),
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.sections.0.len())
    }
}

/// Declares view structs and makes each readable by templates, field by
/// field: a field cannot be added to a struct without templates seeing it.
/// `struct IndexView: page(PageView) { ... }` gives the struct a field
/// `page` whose own fields templates read as the struct's (`{{ lang }}`).
macro_rules! views {
    ($(
        $(#[$meta:meta])*
        struct $name:ident $(: $flat:ident($flat_type:ty))? {
            $($(#[$field_meta:meta])* $field:ident: $type:ty,)*
        }
    )*) => {$(
        $(#[$meta])*
        #[derive(Debug)]
        pub(in crate::render) struct $name {
            $(
                /// Read by templates as fields of this node.
                pub(in crate::render) $flat: std::sync::Arc<$flat_type>,
            )?
            $($(#[$field_meta])* pub(in crate::render) $field: $type,)*
        }

        impl super::Node for $name {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
            $(const FLATTENED: &'static [&'static str] = <$flat_type as super::Node>::FIELDS;)?

            fn field(&self, name: &str, slot: usize) -> Option<minijinja::Value> {
                match name {
                    $(stringify!($field) => Some(super::ToValue::to_value(&self.$field, slot)),)*
                    _ => {
                        $(return super::Node::field(&*self.$flat, name, slot);)?
                        #[allow(unreachable_code)]
                        None
                    }
                }
            }
        }
    )*};
}
use views;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lens_shows_its_format_s_rendering_and_every_field() {
        let node = Arc::new(types::SummaryView {
            heading: Text(vec![Value::from("*md*"), Value::from("html")].into()),
            text: Text(vec![Value::from("a"), Value::from("b")].into()),
        });
        let markdown = lens(&node, 0);
        let html = lens(&node, 1);
        assert_eq!(markdown.get_attr("heading").unwrap().to_string(), "*md*");
        assert_eq!(html.get_attr("heading").unwrap().to_string(), "html");
        let fields: Vec<String> = html.try_iter().unwrap().map(|k| k.to_string()).collect();
        assert_eq!(fields, ["heading", "text"]);
    }

    views! {
        struct Probe: page(types::PageView) {
            id: String,
        }
    }

    #[test]
    fn a_page_head_is_read_as_the_document_s_own_fields() {
        let probe = Arc::new(Probe {
            page: build::page("ar-EG", crate::render::PageSize::A4, "A probe.".to_owned()),
            id: "x".to_owned(),
        });
        let context = lens(&probe, 0);
        assert_eq!(context.get_attr("id").unwrap().to_string(), "x");
        assert_eq!(context.get_attr("dir").unwrap().to_string(), "rtl");
        assert_eq!(context.get_attr("region").unwrap().to_string(), "EG");
        assert_eq!(
            context.get_attr("description").unwrap().to_string(),
            "A probe."
        );
        assert!(context.get_attr("nothing").unwrap().is_undefined());
        let fields: Vec<String> = context.try_iter().unwrap().map(|k| k.to_string()).collect();
        assert_eq!(
            fields,
            [
                "id",
                "lang",
                "dir",
                "language",
                "region",
                "generator",
                "page_size",
                "description",
                "alternates"
            ]
        );
    }
}
