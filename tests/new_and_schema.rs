//! `pathways new` and `pathways schema`.

use crate::common::{Run, pathways, read, root};

#[test]
fn a_new_scaffold_lists_every_todo_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school-librarians.yaml");
    pathways()
        .args([
            "new",
            "school-librarians",
            "--title",
            "School Librarians",
            "-o",
        ])
        .arg(&path)
        .assert()
        .code(0);
    let text = read(&path);
    // No schema near the temporary folder: the header says how to make one.
    assert!(text.starts_with("# For checks as you type"), "{text}");
    let todo_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("TODO") && !l.trim_start().starts_with('#'))
        .map(|(i, _)| i + 1)
        .collect();
    let output = Run::of(
        pathways()
            .arg("check")
            .arg(&path)
            .args(["--format", "json"]),
    );
    output.assert_code(1);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    let findings = json["profiles"][0]["findings"].as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["rule"] == "placeholder-text"),
        "only TODOs: {json}"
    );
    let lines: Vec<usize> = findings
        .iter()
        .map(|f| f["line"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(lines, todo_lines);
    // Every catalogue section is there.
    for info in pathways::profile::CATALOGUE {
        assert!(text.contains(&format!("\n  {}:\n", info.id)), "{}", info.id);
    }
}

#[test]
fn new_refuses_to_overwrite_and_bad_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.yaml");
    std::fs::write(&path, "keep me").unwrap();
    let output = Run::of(
        pathways()
            .args(["new", "x", "--title", "X", "-o"])
            .arg(&path),
    );
    output.assert_code(2);
    assert_eq!(read(&path), "keep me");
    let output = Run::of(pathways().args(["new", "Not An Id", "--title", "X"]));
    output.assert_code(2);
    output.assert_stderr_has("cannot be an id");
}

#[test]
fn the_committed_schema_is_current() {
    let output = Run::of(pathways().arg("schema"));
    output.assert_code(0);
    let committed = read(&root().join("profiles/profile.schema.json"));
    assert!(
        output.stdout == committed,
        "profiles/profile.schema.json is stale: run `cargo run -- schema > profiles/profile.schema.json`"
    );
}

#[test]
fn every_schema_property_has_a_description() {
    let schema: serde_json::Value =
        serde_json::from_str(&read(&root().join("profiles/profile.schema.json"))).unwrap();
    let mut missing = Vec::new();
    fn walk(value: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(properties) = value.get("properties").and_then(|p| p.as_object()) {
            for (name, property) in properties {
                if property.get("description").is_none() {
                    missing.push(format!("{path}.{name}"));
                }
                walk(property, &format!("{path}.{name}"), missing);
            }
        }
        if let Some(object) = value.as_object() {
            for (key, child) in object {
                if key != "properties" {
                    walk(child, &format!("{path}/{key}"), missing);
                }
            }
        }
        if let Some(array) = value.as_array() {
            for child in array {
                walk(child, path, missing);
            }
        }
    }
    walk(&schema, "", &mut missing);
    assert!(
        missing.is_empty(),
        "properties without a description: {missing:?}"
    );
}

#[test]
fn shipped_profiles_name_the_schema() {
    for entry in std::fs::read_dir(root().join("profiles")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            // A translation (`<id>.<language>.yaml`) has a schema of its own.
            let schema = if pathways::translate::base_of(&path).is_some() {
                "translation.schema.json"
            } else {
                "profile.schema.json"
            };
            assert!(
                read(&path).starts_with(&format!("# yaml-language-server: $schema={schema}\n")),
                "{}",
                path.display()
            );
        }
    }
}

/// The schema line a new profile gets names a file that exists, wherever
/// the profile is written; where there is none, it says how to make one.
#[test]
fn new_profiles_point_at_a_schema_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("offices/north");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let first_line = |path: &std::path::Path| read(path).lines().next().unwrap().to_owned();

    let lonely = elsewhere.join("lonely.yaml");
    Run::of(
        pathways()
            .args(["new", "lonely", "--title", "Lonely", "-o"])
            .arg(&lonely),
    )
    .assert_code(0);
    assert!(
        read(&lonely).contains("pathways schema -o profile.schema.json"),
        "{}",
        read(&lonely)
    );
    assert!(
        !read(&lonely).contains("$schema="),
        "no line naming a missing schema"
    );

    Run::of(
        pathways()
            .args(["schema", "-o"])
            .arg(dir.path().join("profile.schema.json")),
    )
    .assert_code(0);
    let found = elsewhere.join("found.yaml");
    Run::of(
        pathways()
            .args(["new", "found", "--title", "Found", "-o"])
            .arg(&found),
    )
    .assert_code(0);
    let line = first_line(&found);
    assert_eq!(
        line,
        "# yaml-language-server: $schema=../../profile.schema.json"
    );
    let reference = line.split("$schema=").nth(1).unwrap();
    assert!(
        elsewhere.join(reference).is_file(),
        "{reference} resolves from the profile"
    );
    assert_eq!(
        read(&dir.path().join("profile.schema.json")),
        read(&root().join("profiles/profile.schema.json"))
    );

    // In this repository, a profile beside the shipped one names that schema.
    let beside = tempfile::tempdir_in(root().join("profiles")).unwrap();
    let near = beside.path().join("near.yaml");
    Run::of(
        pathways()
            .args(["new", "near", "--title", "Near", "-o"])
            .arg(&near),
    )
    .assert_code(0);
    assert_eq!(
        first_line(&near),
        "# yaml-language-server: $schema=../profile.schema.json"
    );
}

/// The `check` command a new profile suggests names the file where it was
/// written, as the user named it, so it can be pasted as it is.
#[test]
fn a_new_profile_names_its_own_path_in_the_check_it_suggests() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("profiles")).unwrap();
    let output = Run::of(pathways().current_dir(dir.path()).args([
        "new",
        "x",
        "--title",
        "X",
        "-o",
        "profiles/x.yaml",
    ]));
    output.assert_code(0);
    output.assert_stderr_has("then run: pathways check profiles/x.yaml");
    let text = read(&dir.path().join("profiles/x.yaml"));
    assert!(
        text.contains("#   pathways check profiles/x.yaml\n"),
        "{text}"
    );

    let spaced = Run::of(pathways().current_dir(dir.path()).args([
        "new",
        "y",
        "--title",
        "Y",
        "-o",
        "profiles/my y.yaml",
    ]));
    spaced.assert_code(0);
    let text = read(&dir.path().join("profiles/my y.yaml"));
    assert!(
        text.contains("#   pathways check 'profiles/my y.yaml'\n"),
        "{text}"
    );

    // On standard output there is no path: the file is named after the id.
    let shown = Run::of(pathways().args(["new", "z", "--title", "Z"]));
    assert!(
        shown.stdout.contains("#   pathways check z.yaml\n"),
        "{}",
        shown.stdout
    );
}

/// The quick start's first command, in an office with no `profiles/`
/// folder yet: the folder is made.
#[test]
fn a_new_profile_s_folder_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let output = Run::of(pathways().current_dir(dir.path()).args([
        "new",
        "school-librarians",
        "--title",
        "School Librarians",
        "-o",
        "profiles/school-librarians.yaml",
    ]));
    output.assert_code(0);
    assert!(
        read(&dir.path().join("profiles/school-librarians.yaml")).contains("id: school-librarians")
    );
    // A file where the folder would go is not replaced.
    std::fs::write(dir.path().join("taken"), "mine").unwrap();
    let output = Run::of(pathways().current_dir(dir.path()).args([
        "new",
        "x",
        "--title",
        "X",
        "-o",
        "taken/x.yaml",
    ]));
    output.assert_code(2);
    assert_eq!(read(&dir.path().join("taken")), "mine");
}
