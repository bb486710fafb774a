//! `--format junit`: JUnit XML, one test case per profile, named by its path
//! relative to the base folder; a profile that fails carries its findings in
//! a `<failure>`. Valid against Jenkins' `junit-10.xsd` (checked in CI), and
//! read by GitLab, Jenkins, Azure Pipelines and most CI dashboards.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{CheckReport, ProfileReport};
use crate::finding::Severity;
use crate::words::plural;

/// The class every test case belongs to, as dashboards group them.
const CLASS: &str = "pathways.profiles";

/// The report as JUnit XML: a test case per profile.
pub fn render(report: &CheckReport) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into memory cannot fail.
    let _ = write_report(&mut writer, report);
    let mut text = String::from_utf8(writer.into_inner()).unwrap_or_default();
    text.push('\n');
    text
}

fn write_report(writer: &mut Writer<Vec<u8>>, report: &CheckReport) -> std::io::Result<()> {
    let failures = report
        .profiles
        .iter()
        .filter(|p| report.profile_fails(p))
        .count()
        .to_string();
    let errors = report.unreadable.len().to_string();
    let tests = (report.profiles.len() + report.unreadable.len()).to_string();
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("testsuites")
        .with_attributes([
            ("name", "pathways check"),
            ("tests", tests.as_str()),
            ("failures", failures.as_str()),
            ("errors", errors.as_str()),
        ])
        .write_inner_content(|writer| {
            writer
                .create_element("testsuite")
                .with_attributes([
                    ("name", "profiles"),
                    ("tests", tests.as_str()),
                    ("failures", failures.as_str()),
                    ("errors", errors.as_str()),
                    ("skipped", "0"),
                ])
                .write_inner_content(|writer| {
                    for profile in &report.profiles {
                        write_profile(writer, report, profile)?;
                    }
                    for (file, message) in &report.unreadable {
                        let name = if file.is_empty() {
                            "(command line)".to_owned()
                        } else {
                            report.base.relative(file)
                        };
                        writer
                            .create_element("testcase")
                            .with_attributes([
                                ("name", xml_text(&name).as_str()),
                                ("classname", CLASS),
                            ])
                            .write_inner_content(|writer| {
                                writer
                                    .create_element("error")
                                    .with_attributes([
                                        ("message", xml_text(message).as_str()),
                                        ("type", "unreadable"),
                                    ])
                                    .write_empty()?;
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn write_profile(
    writer: &mut Writer<Vec<u8>>,
    report: &CheckReport,
    profile: &ProfileReport,
) -> std::io::Result<()> {
    let name = report.base.relative(&profile.file);
    let mut details = String::new();
    if let Some(id) = &profile.id {
        details.push_str(&format!("id: {id}\n"));
    }
    if let Some(score) = profile.score {
        details.push_str(&format!("completeness: {score}%\n"));
    }
    for f in &profile.findings {
        details.push_str(&format!(
            "{name}:{}:{}: {}[{}]: {}\nhint: {}\n",
            f.position.line, f.position.column, f.severity, f.rule, f.message, f.hint
        ));
    }
    let fails = report.profile_fails(profile);
    let summary = format!(
        "{}, {}",
        plural(profile.count(Severity::Error), "error"),
        plural(profile.count(Severity::Warning), "warning")
    );
    writer
        .create_element("testcase")
        .with_attributes([("name", xml_text(&name).as_str()), ("classname", CLASS)])
        .write_inner_content(|writer| {
            if fails {
                writer
                    .create_element("failure")
                    .with_attributes([("message", summary.as_str()), ("type", "profile")])
                    .write_text_content(BytesText::new(&xml_text(&details)))?;
            } else {
                writer
                    .create_element("system-out")
                    .write_text_content(BytesText::new(&xml_text(&details)))?;
            }
            Ok(())
        })?;
    Ok(())
}

/// Text without the characters XML 1.0 cannot hold (most control
/// characters and U+FFFE/U+FFFF); the writer escapes the rest.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || (u32::from(c) >= 0x20 && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}
