//! The section catalogue: one row per section a profile may have, and every
//! fact about it in that row. Adding a section is one row here, its heading
//! in the label catalogues (`section-<id>`), and, for a new shape, its struct.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{
    MisconceptionsSection, RemoteWorkSection, SalarySection, Section, SectionContent,
    SectionContentMut,
};

/// What the catalogue knows about one section.
#[derive(Debug)]
pub struct SectionInfo {
    /// The key under `sections:`.
    pub id: &'static str,
    /// Whether the default policy requires it, filled in.
    pub required: bool,
    /// Whether its items are steps in order (numbered), not a set (bulleted).
    pub ordered: bool,
    /// What to write in it, as `pathways new` says in a comment.
    pub guidance: &'static str,
    /// The YAML `pathways new` writes under its key: TODOs in its shape.
    pub stub: &'static str,
}

impl SectionInfo {
    /// The English heading reports print, from the English label catalogue
    /// (`section-<id>` in `templates/locales/en.ftl`).
    pub fn heading(&self) -> &'static str {
        crate::locale::english(&format!("section-{}", self.id)).unwrap_or(self.id)
    }
}

/// Stubs `pathways new` writes, by the shape a section usually takes.
mod stub {
    pub(super) const INTRO: &str = "    intro: TODO\n";
    pub(super) const TITLED_ITEMS: &str =
        "    intro: TODO\n    items:\n      - title: TODO\n        text: TODO\n";
    pub(super) const ITEMS: &str = "    items:\n      - TODO\n";
}

/// Declares the catalogue: the `Sections` struct (one optional field per
/// section, in the order reports print them), `Sections::get`, and
/// `CATALOGUE`.
macro_rules! catalogue {
    ($(
        $(#[$meta:meta])*
        $id:ident: $variant:ident($shape:ty) {
            required: $required:expr,
            ordered: $ordered:expr,
            guidance: $guidance:expr,
            stub: $stub:expr $(,)?
        }
    ),* $(,)?) => {
        /// The body of a profile, one optional field per catalogue section.
        #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Sections {
            $($(#[$meta])* pub $id: Option<$shape>,)*
        }

        impl Sections {
            /// The section stored under a catalogue id, if the profile has it.
            pub fn get(&self, id: &str) -> Option<SectionContent<'_>> {
                match id {
                    $(stringify!($id) => self.$id.as_ref().map(SectionContent::$variant),)*
                    _ => None,
                }
            }

            /// The section stored under a catalogue id, to change.
            pub fn get_mut(&mut self, id: &str) -> Option<SectionContentMut<'_>> {
                match id {
                    $(stringify!($id) => self.$id.as_mut().map(SectionContentMut::$variant),)*
                    _ => None,
                }
            }
        }

        /// Every catalogue section, in the order reports print them.
        pub const CATALOGUE: &[SectionInfo] = &[$(
            SectionInfo {
                id: stringify!($id),
                required: $required,
                ordered: $ordered,
                guidance: $guidance,
                stub: $stub,
            },
        )*];
    };
}

catalogue! {
    /// Overview.
    overview: General(Section) {
        required: true, ordered: false,
        guidance: "what the work is, in a paragraph or two.",
        stub: stub::INTRO,
    },
    /// Fun Facts.
    fun_facts: General(Section) {
        required: false, ordered: false,
        guidance: "a few surprising or memorable facts about the career.",
        stub: stub::ITEMS,
    },
    /// Educational Requirements.
    education: General(Section) {
        required: true, ordered: false,
        guidance: "the schooling and qualifications usually needed.",
        stub: stub::INTRO,
    },
    /// Key Responsibilities.
    responsibilities: General(Section) {
        required: true, ordered: false,
        guidance: "the main duties, one per item, with a short title.",
        stub: stub::TITLED_ITEMS,
    },
    /// Average Salary Range.
    salary: Salary(SalarySection) {
        required: true, ordered: false,
        guidance: "typical pay, with figures as plain numbers (36000, not $36,000).",
        stub: "    currency: USD\n    period: year\n    # average: 36000\n    # ranges:\n    #   - { stage: entry, min: 25000, max: 30000 }\n    #   - { stage: mid, min: 35000, max: 45000 }\n    #   - { stage: senior, min: 50000, max: 60000 }\n    # median: 40050            # half earn more, half less (not the average)\n    # percentiles: { p10: 29000, p25: 33000, p50: 40050, p75: 49000, p90: 59000 }\n    # year: 2024\n    # region: United States\n    # source: { title: Occupational Outlook Handbook, url: https://www.bls.gov/ooh/ }\n    intro: TODO\n",
    },
    /// Career Path & Progression.
    career_path: General(Section) {
        required: false, ordered: true,
        guidance: "how people start and move up.",
        stub: "    groups:\n      - heading: Career stages\n        items:\n          - title: TODO\n            text: TODO\n      - heading: Opportunities for advancement\n        items:\n          - title: TODO\n            text: TODO\n",
    },
    /// Biggest Challenges.
    challenges: General(Section) {
        required: false, ordered: false,
        guidance: "the hardest parts of the job, and how people cope with them.",
        stub: "    groups:\n      - heading: Challenges\n        items:\n          - TODO\n      - heading: How to overcome them\n        items:\n          - TODO\n",
    },
    /// Best Ways to Gain Experience.
    gaining_experience: General(Section) {
        required: false, ordered: false,
        guidance: "ways to get experience before and after the first job.",
        stub: stub::TITLED_ITEMS,
    },
    /// Job Outlook.
    outlook: General(Section) {
        required: true, ordered: false,
        guidance: "how demand for this work is expected to change.",
        stub: stub::INTRO,
    },
    /// Required Skills.
    skills: General(Section) {
        required: true, ordered: false,
        guidance: "the skills and qualities that matter most, one per item.",
        stub: stub::TITLED_ITEMS,
    },
    /// Career Demand.
    demand: General(Section) {
        required: false, ordered: false,
        guidance: "where the work is in demand.",
        stub: stub::TITLED_ITEMS,
    },
    /// Training & Certification.
    training: General(Section) {
        required: false, ordered: false,
        guidance: "courses, certificates and licences worth having.",
        stub: stub::TITLED_ITEMS,
    },
    /// Work Environment.
    work_environment: General(Section) {
        required: false, ordered: false,
        guidance: "where and how the work is done day to day.",
        stub: stub::INTRO,
    },
    /// Industry Sectors.
    industry_sectors: General(Section) {
        required: false, ordered: false,
        guidance: "the sectors that employ people in this career.",
        stub: stub::ITEMS,
    },
    /// Top Employers.
    employers: General(Section) {
        required: false, ordered: false,
        guidance: "the kinds of organisations that hire.",
        stub: stub::ITEMS,
    },
    /// Tools & Technologies.
    tools: General(Section) {
        required: false, ordered: false,
        guidance: "tools and technologies used in the job.",
        stub: stub::ITEMS,
    },
    /// Related Careers.
    related_careers: General(Section) {
        required: false, ordered: false,
        guidance: "careers with similar skills, one per item.",
        stub: stub::ITEMS,
    },
    /// Internship Opportunities.
    internships: General(Section) {
        required: false, ordered: false,
        guidance: "internships or placements that lead into the career.",
        stub: stub::TITLED_ITEMS,
    },
    /// Remote Work Potential.
    remote_work: RemoteWork(RemoteWorkSection) {
        required: false, ordered: false,
        guidance: "how much can be done from home (level: none, limited, moderate or high).",
        stub: "    # level: limited\n    intro: TODO\n",
    },
    /// Specializations.
    specializations: General(Section) {
        required: false, ordered: false,
        guidance: "areas people specialise in.",
        stub: stub::TITLED_ITEMS,
    },
    /// Challenges & Rewards.
    challenges_rewards: General(Section) {
        required: false, ordered: false,
        guidance: "the downsides and the rewards, in two lists.",
        stub: "    groups:\n      - heading: Challenges\n        items:\n          - TODO\n      - heading: Rewards\n        items:\n          - TODO\n",
    },
    /// How to Get Started.
    getting_started: General(Section) {
        required: true, ordered: true,
        guidance: "first steps for a student, in order.",
        stub: stub::TITLED_ITEMS,
    },
    /// Famous Personalities.
    famous_people: General(Section) {
        required: false, ordered: false,
        guidance: "well-known people from this career.",
        stub: stub::INTRO,
    },
    /// Global Opportunities.
    global_opportunities: General(Section) {
        required: false, ordered: false,
        guidance: "opportunities abroad or with international employers.",
        stub: stub::TITLED_ITEMS,
    },
    /// Common Misconceptions.
    misconceptions: Misconceptions(MisconceptionsSection) {
        required: false, ordered: false,
        guidance: "common misconceptions, each with the reality.",
        stub: "    items:\n      - myth: TODO\n        reality: TODO\n",
    },
}

/// The catalogue entry for a section id.
pub fn section_info(id: &str) -> Option<&'static SectionInfo> {
    CATALOGUE.iter().find(|info| info.id == id)
}

/// Sections the default policy requires, each non-empty, in catalogue order.
pub fn default_required_sections() -> impl Iterator<Item = &'static str> {
    CATALOGUE
        .iter()
        .filter(|info| info.required)
        .map(|info| info.id)
}
