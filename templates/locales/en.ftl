# English labels: every fixed word of pathways' reports, handouts and export
# index. A file `locales/en.ftl` in a --templates folder overrides any of
# these one by one; `locales/<language>.ftl` there adds a language.

## The kind of document, the title block and the page furniture

kind-report = Career Profile
kind-handout = Career Handout
kind-index = Career Profiles
fact-category = Category
fact-career-type = Career type
fact-reviewed = Reviewed
colophon-reviewed = reviewed { $date }
colophon-more = the full career profile has more on every topic
running-handout = career handout
page-of = Page { $page } of { $pages }
# A label before what it names: "Category: Education".
colon = { $label }:

## Parts of a report

at-a-glance = At a Glance
contents = Contents
sources = Sources
remote-work = Remote work
misconception = Misconception
reality = Reality

## Salary

salary-average = Average salary
salary-average-short = Average
salary-by-stage = Salary by career stage
salary-by-stage-short = By career stage
salary-stage = Stage
salary-from = From
salary-to = To
salary-range = { $min } to { $max }
period-year = per year
period-month = per month
period-hour = per hour
stage-entry = Entry level
stage-mid = Mid-career
stage-senior = Senior

## Remote work levels

remote-none = None
remote-limited = Limited
remote-moderate = Moderate
remote-high = High

## The handout's own headings

handout-what-the-job-is = What the Job Is
handout-top-skills = Top Skills

## The export index

index-title = All Careers
index-count =
    { $count ->
        [one] { $count } career
       *[other] { $count } careers
    }
index-grouped = grouped by category and career type
index-no-category = Other careers
index-no-type = Other types of career
index-opens = Each title opens that career’s report.
languages-nav = Other languages
index-career = Career
index-complete = Complete
index-percent = { $score }%
index-percent-complete = { $score }% complete
index-pay = Pay
index-pay-median = Median { $amount } { $period }
index-pay-average = Average { $amount } { $period }
index-sorted-by = sorted by { $column }, { $order }
index-order-pay = highest first
index-order-education = least education first
index-order-outlook = fastest growing first
index-sort-all = Sort all careers by
index-by-category = List by category
index-description = Career profiles: { index-count }, each with what the work is, education, pay, outlook and how to get started.

## Comparisons of two to four careers, and the booklet of a whole export

kind-compare = Career Comparison
compare-title = { $count } careers side by side
compare-description = { $careers } compared: pay, education, training, outlook, demand, remote work, skills, work environment and a first step.
compare-not-described = not described
compare-currencies-differ = Different currencies ({ $currencies }): the amounts are not converted.
compare-periods-differ = The pay is for different periods ({ $periods }).
compare-untranslated = { $career } has no text in { $language }: its column is in { $shown }.
compare-first-step = First step
kind-book = Career Booklet
book-title = Careers
book-description = { $title }: a booklet of { index-count }, each with what the work is, education, pay, outlook and how to get started.

## Section headings, by the section's key under `sections:`

section-overview = Overview
section-fun_facts = Fun Facts
section-education = Educational Requirements
section-responsibilities = Key Responsibilities
section-salary = Average Salary Range
section-career_path = Career Path & Progression
section-challenges = Biggest Challenges
section-gaining_experience = Best Ways to Gain Experience
section-outlook = Job Outlook
section-skills = Required Skills
section-demand = Career Demand
section-training = Training & Certification
section-work_environment = Work Environment
section-industry_sectors = Industry Sectors
section-employers = Top Employers
section-tools = Tools & Technologies
section-related_careers = Related Careers
section-internships = Internship Opportunities
section-remote_work = Remote Work Potential
section-specializations = Specializations
section-challenges_rewards = Challenges & Rewards
section-getting_started = How to Get Started
section-famous_people = Famous Personalities
section-global_opportunities = Global Opportunities
section-misconceptions = Common Misconceptions

## Quick facts

quick-facts = Quick Facts
fact-pay-median = Median pay
fact-pay-average = Average pay
fact-entry-education = Education to start
fact-work-experience = Work experience in a related job
fact-training = Training on the job
fact-jobs = Number of jobs
fact-outlook = Job outlook
fact-openings = Openings each year
fact-hours = Hours per week
fact-regulated = Licence or registration
# An employment change in percent: "+19%", "−4%".
fact-percent = { $percent }%
fact-sources = Sources of these facts
also-called = Also called
occupation-codes = Occupation codes
salary-percentiles = Pay by percentile
# "10th percentile": a tenth of workers earn less.
salary-percentile = { $rank ->
    [1] { $rank }st
    [2] { $rank }nd
    [3] { $rank }rd
   *[other] { $rank }th
} percentile
education-none = No formal educational credential
education-high-school = High school diploma or equivalent
education-postsecondary-nondegree = Postsecondary certificate
education-some-college = Some college, no degree
education-associate = Associate’s degree
education-bachelor = Bachelor’s degree
education-master = Master’s degree
education-doctoral = Doctoral or professional degree
