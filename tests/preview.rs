//! `pathways preview`: pages over HTTP, the `Host` check, nothing served
//! from disk by its path, errors in the page, live-reload events, Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Edit, fixture, pathways, read, root};

/// `pathways preview PATH ARGS...`, and what it says on standard error up
/// to its "Previewing ... at ..." line (a port taken, `--bind`'s warning).
fn launch(path: &Path, args: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pathways"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .arg("preview")
        .arg(path)
        .args(args)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("Previewing") && stderr.read_line(&mut said).unwrap() > 0 {}
    // Keep reading standard error so the server never blocks on it.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    (child, said)
}

/// A running preview, stopped with Ctrl-C (SIGINT) when dropped.
struct Preview {
    child: Child,
    port: u16,
    /// What it printed on start.
    said: String,
}

impl Preview {
    fn start(path: &Path, args: &[&str]) -> Preview {
        let mut all = vec!["--port", "0"];
        all.extend_from_slice(args);
        let (child, said) = launch(path, &all);
        let port = said
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no address in {said:?}"));
        Preview { child, port, said }
    }

    /// The status and body of `GET path` with `Host: host`.
    fn get_as(&self, host: &str, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map_or("", |(_, b)| b)
            .to_owned();
        (status, body)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.get_as(&format!("127.0.0.1:{}", self.port), path)
    }

    /// Ctrl-C: the exit code, and how long it took.
    fn interrupt(mut self) -> (Option<i32>, Duration) {
        let started = Instant::now();
        Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        let status = self.child.wait().unwrap();
        (status.code(), started.elapsed())
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn copy_of(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture(&format!("valid/{name}")), &path).unwrap();
    (dir, path)
}

#[test]
fn answers_only_this_computer_and_serves_no_file_by_its_path() {
    let (_dir, profile) = copy_of("minimal.yaml");
    let preview = Preview::start(&profile, &[]);
    let (status, page) = preview.get("/");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<h1 id=\"title\">School Librarians</h1>"));
    assert!(page.contains("/_pathways/events"), "the live-reload script");
    let port = preview.port;
    for host in [format!("localhost:{port}"), format!("[::1]:{port}")] {
        assert_eq!(preview.get_as(&host, "/").0, 200, "{host}");
    }
    // A page on another site that rebinds its name to 127.0.0.1 sends its
    // own name: refused.
    for host in [
        format!("evil.example:{port}"),
        "localhost".to_owned(),
        format!("localhost:{}", port.wrapping_add(1)),
        String::new(),
    ] {
        assert_eq!(preview.get_as(&host, "/").0, 403, "Host: {host:?}");
    }
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/..%2fCargo.toml",
        "/%2e%2e%2fCargo.toml",
        "//etc/passwd",
        "/etc/passwd",
        "/minimal.yaml",
        "/Cargo.toml",
        "/templates/style.css",
        "/../minimal.html",
        "/%2Fetc%2Fpasswd.html",
    ] {
        let (status, body) = preview.get(path);
        assert_eq!(status, 404, "{path}: {body}");
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{path}"
        );
    }
    for view in [
        "minimal.html",
        "minimal.handout.html",
        "minimal.md.html",
        "minimal.txt.html",
    ] {
        assert_eq!(preview.get(&format!("/{view}")).0, 200, "{view}");
    }
    let (code, took) = preview.interrupt();
    assert_eq!(code, Some(0), "Ctrl-C is a normal stop");
    assert!(took < Duration::from_secs(5), "Ctrl-C took {took:?}");
}

#[test]
fn errors_replace_the_page_until_they_are_fixed_and_a_save_sends_a_reload() {
    let (_dir, profile) = copy_of("minimal.yaml");
    let preview = Preview::start(&profile, &[]);
    let mut events = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        events,
        "GET /_pathways/events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
        preview.port
    )
    .unwrap();
    // The stream is open once the response headers arrive.
    let mut events = BufReader::new(events);
    let mut line = String::new();
    while line != "\r\n" {
        line.clear();
        events.read_line(&mut line).unwrap();
    }

    // Reading the profile to show a page is not a change: no reload (the
    // preview's own reads once made every open page reload forever).
    for _ in 0..3 {
        assert_eq!(preview.get("/").0, 200);
    }
    events
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(800)))
        .unwrap();
    // The body is chunked: read every line that comes until the timeout.
    let mut sent = String::new();
    loop {
        line.clear();
        match events.read_line(&mut line) {
            Ok(0) => panic!("the event stream ended"),
            Ok(_) => sent.push_str(&line),
            Err(error) => {
                assert!(
                    matches!(
                        error.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ),
                    "{error}"
                );
                break;
            }
        }
    }
    assert!(
        !sent.contains("reload"),
        "a page view sent a reload: {sent:?}"
    );
    events
        .get_ref()
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();

    let good = read(&profile);
    std::fs::write(
        &profile,
        good.edited("title: School Librarians", "title: \"\""),
    )
    .unwrap();
    let mut seen = String::new();
    while !seen.contains("event: reload") {
        line.clear();
        assert!(
            events.read_line(&mut line).unwrap() > 0,
            "the event stream ended"
        );
        seen.push_str(&line);
    }
    let (status, page) = preview.get("/");
    assert_eq!(status, 200);
    assert!(page.contains("cannot be shown yet"), "{page}");
    assert!(
        page.contains("minimal.yaml:2:8"),
        "file:line:column: {page}"
    );
    assert!(page.contains("[empty-title]"));
    assert!(page.contains("help: "), "the hint, as in the terminal");
    assert!(
        !page.contains("<h1 id=\"title\">School Librarians</h1>"),
        "not the stale report"
    );

    std::fs::write(&profile, &good).unwrap();
    let (_, page) = preview.get("/");
    assert!(
        page.contains("<h1 id=\"title\">School Librarians</h1>"),
        "the report is back"
    );

    // A template broken while previewing shows the same way.
    let templates = tempfile::tempdir().unwrap();
    let with_templates = Preview::start(
        &profile,
        &["--templates", templates.path().to_str().unwrap()],
    );
    assert_eq!(with_templates.get("/").0, 200);
    std::fs::write(templates.path().join("report.html.j2"), "{% if %}\n").unwrap();
    let (_, page) = with_templates.get("/minimal.html");
    assert!(page.contains("cannot be shown yet"), "{page}");
    assert!(page.contains("template `report.html.j2`, line 1"), "{page}");
}

#[test]
fn a_taken_port_moves_to_the_next_and_says_so() {
    let (_dir, profile) = copy_of("minimal.yaml");
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let (mut child, said) = launch(&profile, &["--port", &port.to_string()]);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        said.contains(&format!("Port {port} is taken; using ")),
        "{said}"
    );
    assert!(!said.contains(&format!("127.0.0.1:{port}/")), "{said}");
}

#[test]
fn another_address_needs_bind_and_is_said_out_loud() {
    let (_dir, profile) = copy_of("minimal.yaml");
    let (mut child, said) = launch(&profile, &["--port", "0", "--bind", "127.0.0.2"]);
    let port: u16 = said
        .split("http://127.0.0.2:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("no address in {said:?}"));
    assert!(
        said.contains(&format!(
            "Listening on 127.0.0.2:{port}: anyone who can reach this address can read these pages"
        )),
        "{said}"
    );
    let status = |host: &str| {
        let mut stream = TcpStream::connect(("127.0.0.2", port)).unwrap();
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response.split(' ').nth(1).unwrap_or("").to_owned()
    };
    assert_eq!(status(&format!("127.0.0.2:{port}")), "200");
    assert_eq!(status(&format!("evil.example:{port}")), "403");
    // Only that address: this computer's 127.0.0.1 is not listened on.
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn warnings_show_in_a_strip_above_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("library-technicians.yaml");
    std::fs::copy(root().join(crate::common::SEED_PROFILE), &profile).unwrap();
    let preview = Preview::start(&profile, &[]);
    assert!(preview.said.contains("Previewing"), "{}", preview.said);
    let (status, page) = preview.get("/");
    assert_eq!(status, 200);
    let strip = page
        .find("class=\"pathways-warnings\"")
        .expect("a warnings strip");
    let report = page
        .find("<h1 id=\"title\">Library Technicians</h1>")
        .expect("the report");
    assert!(strip < report, "the strip comes first");
    // In the body, not in the stylesheet (which names `<body>` in a comment).
    let body = page.find("</head>\n<body>").expect("head, then body");
    assert!(page.find("<nav class=\"pathways-preview\"").unwrap() > body);
    assert!(
        page[..body].contains(".pathways-preview{"),
        "its style is in the head"
    );
    assert!(page.contains("warning[unfinished-sentence]"));
    assert!(page.contains(">Dismiss</button>"));
}

#[test]
fn a_folder_shows_its_index_linking_every_profile() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["minimal.yaml", "short-with-sources.yaml"] {
        std::fs::copy(fixture(&format!("valid/{name}")), dir.path().join(name)).unwrap();
    }
    let preview = Preview::start(dir.path(), &[]);
    let (status, index) = preview.get("/");
    assert_eq!(status, 200);
    assert!(index.contains("href=\"minimal.html\""), "{index}");
    assert!(
        index.contains("href=\"short-with-sources.html\""),
        "{index}"
    );
    assert_eq!(preview.get("/minimal.html").0, 200);
}

#[test]
fn render_and_export_never_carry_the_preview_script() {
    let output = pathways()
        .args(["render", "tests/fixtures/valid/minimal.yaml", "-f", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8_lossy(&output.stdout);
    assert!(html.contains("<h1 id=\"title\">School Librarians</h1>"));
    assert!(!html.contains("_pathways") && !html.contains("EventSource"));
}

/// Profiles whose file names are not lower-case ASCII are linked from the
/// index, and each link leads to the profile's page.
#[test]
fn every_index_link_leads_to_its_profile_whatever_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    for (file, title) in [
        ("Nurse Aide.yaml", "Nurse Aides"),
        ("UPPER.yaml", "Upper Careers"),
        ("école.yaml", "Teachers"),
    ] {
        std::fs::write(
            dir.path().join(file),
            minimal.edited("title: School Librarians", &format!("title: {title}")),
        )
        .unwrap();
    }
    let preview = Preview::start(dir.path(), &[]);
    let (status, index) = preview.get("/");
    assert_eq!(status, 200, "{index}");
    let links: Vec<String> = index
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.ends_with(".html") && !href.starts_with("http"))
        // The index's own pages (`index.by-pay.html`) are not profiles.
        .filter(|href| !href.starts_with("index."))
        .map(str::to_owned)
        .collect();
    assert_eq!(links.len(), 3, "{index}");
    // The index sorted by pay, as `export` names it, and back.
    assert!(index.contains("<a href=\"index.by-pay.html\">"), "{index}");
    let (status, by_pay) = preview.get("/index.by-pay.html");
    assert_eq!(status, 200, "{by_pay}");
    assert!(by_pay.contains("aria-sort=\"descending\">Pay<"), "{by_pay}");
    assert_eq!(preview.get("/index.html").0, 200);
    for link in links {
        assert!(!link.contains(' '), "a valid link: {link}");
        let (status, page) = preview.get(&format!("/{link}"));
        assert_eq!(status, 200, "{link}: {page}");
        assert!(page.contains("<h1 id=\"title\">"), "{link}");
    }
}

/// A client that never finishes its request is disconnected, and a flood of
/// live-reload streams is refused past a limit while pages still load.
#[test]
fn slow_clients_and_floods_of_streams_do_not_make_the_preview_unreachable() {
    let (_dir, profile) = copy_of("minimal.yaml");
    let preview = Preview::start(&profile, &[]);
    let mut half = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
    write!(half, "GET / HTTP/1.1\r\nHost: 127.0").unwrap();
    half.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = half.read_to_end(&mut rest);
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "a half-sent request is closed, not kept open ({:?})",
        started.elapsed()
    );

    let host = format!("127.0.0.1:{}", preview.port);
    let mut streams = Vec::new();
    let mut refused = 0;
    for _ in 0..80 {
        let mut stream = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
        write!(
            stream,
            "GET /_pathways/events HTTP/1.1\r\nHost: {host}\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).unwrap();
        if head.ends_with(b"503") {
            refused += 1;
        }
        streams.push(stream);
    }
    assert_eq!(refused, 16, "64 streams at most");
    let (status, page) = preview.get("/");
    assert_eq!(status, 200, "pages still load: {page}");
}

/// Every template set has its tab: an office's own set in its --templates
/// folder shows beside the report and the handout, and its page is made
/// with it; with `--template handout`, the handout is the first tab.
#[test]
fn an_office_template_set_has_its_own_tab() {
    let (dir, profile) = copy_of("minimal.yaml");
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("brochure.html.j2"),
        "<!DOCTYPE html><html lang=\"en\"><head><title>{{ title }}</title></head>\
         <body><h1>Brochure of {{ title }}</h1></body></html>",
    )
    .unwrap();
    // A set with no HTML has no tab.
    std::fs::write(templates.join("flyer.md.j2"), "# {{ title }}\n").unwrap();
    let preview = Preview::start(&profile, &["--templates", &templates.to_string_lossy()]);
    let (status, report) = preview.get("/minimal.html");
    assert_eq!(status, 200, "{report}");
    let tabs: Vec<&str> = report
        .split("<nav class=\"pathways-preview\"")
        .nth(1)
        .and_then(|nav| nav.split("</nav>").next())
        .expect("the preview's tabs")
        .split(['>', '<'])
        .filter(|text| {
            [
                "Report",
                "Brochure",
                "Flyer",
                "Handout",
                "Markdown",
                "Plain text",
            ]
            .contains(text)
        })
        .collect();
    assert_eq!(
        tabs,
        ["Report", "Brochure", "Handout", "Markdown", "Plain text"]
    );
    assert!(
        report.contains("href=\"/minimal.brochure.html\">Brochure</a>"),
        "{report}"
    );
    let (status, brochure) = preview.get("/minimal.brochure.html");
    assert_eq!(status, 200, "{brochure}");
    assert!(brochure.contains("<h1>Brochure of "), "{brochure}");
    assert!(
        brochure.contains("<span aria-current=\"page\">Brochure</span>"),
        "{brochure}"
    );
    drop(preview);

    let preview = Preview::start(&profile, &["--template", "handout"]);
    let (status, handout) = preview.get("/minimal.html");
    assert_eq!(status, 200, "{handout}");
    assert!(
        handout.contains("<span aria-current=\"page\">Handout</span>"),
        "{handout}"
    );
    assert!(
        handout.contains("href=\"/minimal.report.html\">Report</a>"),
        "{handout}"
    );
    assert_eq!(preview.get("/minimal.report.html").0, 200);
    assert_eq!(preview.get("/minimal.handout.html").0, 404);
}

#[test]
fn a_career_s_page_switches_language_from_the_bar() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["school-librarians.yaml", "school-librarians.es-MX.yaml"] {
        std::fs::copy(
            fixture(&format!("translations/{name}")),
            dir.path().join(name),
        )
        .unwrap();
    }
    let preview = Preview::start(dir.path(), &[]);
    let (status, spanish) = preview.get("/school-librarians.es-MX.html");
    assert_eq!(status, 200, "{spanish}");
    assert!(
        spanish.contains("<h1 id=\"title\">Bibliotecarios escolares</h1>"),
        "{spanish}"
    );
    assert!(
        spanish.contains(
            r#"<a href="/school-librarians.html" hreflang="en-US" lang="en-US">English (US)</a>"#
        ),
        "{spanish}"
    );
    assert!(spanish.contains(r#"<span aria-current="true" lang="es-MX">español (MX)</span>"#));
    // The same view in the other language: the handout stays a handout.
    let (_, handout) = preview.get("/school-librarians.handout.html");
    assert!(
        handout.contains(r#"<a href="/school-librarians.es-MX.handout.html" hreflang="es-MX""#),
        "{handout}"
    );
    let _ = preview.interrupt();
}
