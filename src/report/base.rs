//! The folder that machine reports name files from (`--base`), so that a
//! file's name in SARIF and JUnit does not depend on where pathways ran.

use std::path::{Component, Path, PathBuf, Prefix};

/// A base folder and the folder pathways runs in, both absolute.
#[derive(Debug, Clone, Default)]
pub struct Base {
    root: PathBuf,
    current: PathBuf,
}

impl Base {
    /// `root` is where names start; `current` is the folder relative file
    /// names given on the command line start from. Both must be absolute.
    pub fn new(root: &Path, current: &Path) -> Self {
        Base {
            root: normalise(root),
            current: normalise(current),
        }
    }

    /// `file` as the user named it, relative to the base, with `/` between
    /// parts: `profiles/a.yaml`, or `../elsewhere/a.yaml` outside the base.
    /// Never absolute and never starting with `./`.
    pub fn relative(&self, file: &str) -> String {
        let path = Path::new(file);
        if self.root.as_os_str().is_empty() {
            return parts(&normalise(path)).join("/");
        }
        let absolute = normalise(&self.current.join(path));
        let from = parts(&self.root);
        let to = parts(&absolute);
        let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        let mut relative: Vec<String> = vec!["..".to_owned(); from.len() - shared];
        relative.extend(to[shared..].iter().cloned());
        relative.join("/")
    }

    /// The base as a `file:` URI ending in `/`, percent-encoded
    /// (`file:///C:/repo/` on Windows: the drive stays).
    pub fn root_uri(&self) -> String {
        let drive = self.root.components().find_map(|c| match c {
            Component::Prefix(prefix) => match prefix.kind() {
                Prefix::Disk(letter) | Prefix::VerbatimDisk(letter) => Some(char::from(letter)),
                _ => None,
            },
            _ => None,
        });
        file_uri(drive, &parts(&self.root))
    }
}

/// `file:///` and the folders, each percent-encoded and ending in `/`,
/// after the drive (`C:/`) when there is one.
fn file_uri(drive: Option<char>, folders: &[String]) -> String {
    let mut uri = String::from("file:///");
    if let Some(letter) = drive {
        uri.push(letter.to_ascii_uppercase());
        uri.push_str(":/");
    }
    for folder in folders {
        uri.push_str(&percent_encode(folder));
        uri.push('/');
    }
    uri
}

/// A path with `.` removed and `..` applied to what comes before it.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The named parts of a path (no root, no prefix), as text.
fn parts(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            Component::ParentDir => Some("..".to_owned()),
            _ => None,
        })
        .collect()
}

/// RFC 3986 percent-encoding of one path segment: everything but the
/// unreserved characters, so spaces, `:`, `#`, `%` and non-ASCII letters are
/// encoded (`ünï code.yaml` → `%C3%BCn%C3%AF%20code.yaml`).
pub(super) fn percent_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A relative path (`a/b c.yaml`) as a URI reference, each segment encoded.
pub(super) fn uri_reference(relative: &str) -> String {
    relative
        .split('/')
        .map(|segment| match segment {
            ".." => "..".to_owned(),
            other => percent_encode(other),
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_base_keeps_its_drive_in_the_uri() {
        let folders = ["Users".to_owned(), "Ana María".to_owned()];
        assert_eq!(
            file_uri(Some('c'), &folders),
            "file:///C:/Users/Ana%20Mar%C3%ADa/"
        );
        assert_eq!(file_uri(None, &folders), "file:///Users/Ana%20Mar%C3%ADa/");
    }

    #[test]
    fn names_are_relative_to_the_base_wherever_pathways_runs() {
        let base = Base::new(Path::new("/repo"), Path::new("/repo/profiles"));
        assert_eq!(base.relative("a.yaml"), "profiles/a.yaml");
        assert_eq!(base.relative("./sub/../a.yaml"), "profiles/a.yaml");
        assert_eq!(base.relative("/repo/profiles/a.yaml"), "profiles/a.yaml");
        assert_eq!(base.relative("/tmp/x.yaml"), "../tmp/x.yaml");
        let from_root = Base::new(Path::new("/repo"), Path::new("/repo"));
        assert_eq!(from_root.relative("./profiles/a.yaml"), "profiles/a.yaml");
        // With no base set, names stay as given, `..` included.
        assert_eq!(Base::default().relative("./x/../../a.yaml"), "../a.yaml");
        assert_eq!(base.root_uri(), "file:///repo/");
        assert_eq!(
            Base::new(Path::new("/my repo/ü"), Path::new("/")).root_uri(),
            "file:///my%20repo/%C3%BC/"
        );
        assert_eq!(
            Base::new(Path::new("/"), Path::new("/")).root_uri(),
            "file:///"
        );
    }

    #[test]
    fn uri_references_are_percent_encoded() {
        assert_eq!(
            uri_reference("sub dir/ünï cödé.yaml"),
            "sub%20dir/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9.yaml"
        );
        assert_eq!(uri_reference("a:b.yaml"), "a%3Ab.yaml");
        assert_eq!(uri_reference("../x/100%.yaml"), "../x/100%25.yaml");
        assert_eq!(uri_reference("q?#.yaml"), "q%3F%23.yaml");
    }
}
