//! Pay in ordinary prose: sums of money ("$38,000", "£24k"), ranges
//! ("between $38,000 and $45,000") with the career stage a sentence names,
//! and pay periods. Import reads salary sections with it, and validation
//! compares what a summary says with the salary figures.

/// A sum of money found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Amount {
    pub(crate) value: f64,
    /// ISO 4217 code, from the sign.
    pub(crate) currency: &'static str,
    /// Byte offsets of the amount in its sentence.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Currency signs and the codes they stand for.
const SIGNS: [(char, &str); 3] = [('$', "USD"), ('£', "GBP"), ('€', "EUR")];

/// Words that name a career stage, and the stage.
const STAGES: [(&str, &str); 12] = [
    ("entry-level", "entry"),
    ("entry level", "entry"),
    ("starting", "entry"),
    ("short term", "entry"),
    ("beginner", "entry"),
    ("mid-career", "mid"),
    ("mid career", "mid"),
    ("mid-level", "mid"),
    ("medium term", "mid"),
    ("experienced", "senior"),
    ("senior", "senior"),
    ("long term", "senior"),
];

/// Sentences: split at `.`, `;` or `!` followed by a space or the end (not inside `$36.50`).
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b';' | b'!')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
        {
            out.push(&text[start..=i]);
            start = i + 1;
        }
    }
    // The rest, unless the text ended with a stop (an empty sentence holds
    // no figures, so it is passed over).
    out.push(&text[start..]);
    out
}

/// Every amount in `sentence`: a currency sign, digits with `,` or `.`, and
/// an optional `k` (thousands) or `m` (millions) right after.
pub(crate) fn amounts_in(sentence: &str) -> Vec<Amount> {
    let mut amounts = Vec::new();
    for (start, sign) in sentence.char_indices() {
        let Some(&(_, currency)) = SIGNS.iter().find(|(s, _)| *s == sign) else {
            continue;
        };
        let after = start + sign.len_utf8();
        let digits_len = sentence[after..]
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
            .count();
        let digits = sentence[after..after + digits_len].trim_end_matches(['.', ',']);
        let Ok(mut value) = digits.replace(',', "").parse::<f64>() else {
            continue;
        };
        let mut end = after + digits.len();
        let next = sentence[end..].chars().next();
        let multiplier = match next {
            Some('k' | 'K') => Some(1_000.0),
            Some('m' | 'M') => Some(1_000_000.0),
            _ => None,
        };
        if let Some(multiplier) = multiplier
            && !sentence[end + 1..].starts_with(|c: char| c.is_alphabetic())
        {
            value *= multiplier;
            end += 1;
        }
        amounts.push(Amount {
            value,
            currency,
            start,
            end,
        });
    }
    amounts
}

/// Pairs of amounts that form a range ("$38,000 to $45,000", "between
/// $38k and $45k", "$18–$24"), each with the stage named before it.
pub(crate) fn ranges_in(
    sentence: &str,
    amounts: &[Amount],
) -> Vec<(usize, usize, Option<&'static str>)> {
    let mut pairs = Vec::new();
    let mut context_start = 0;
    // The second amount of a pair does not start another.
    let mut taken = false;
    for i in 0..amounts.len().saturating_sub(1) {
        if std::mem::take(&mut taken) {
            continue;
        }
        let between = sentence[amounts[i].end..amounts[i + 1].start]
            .trim()
            .to_lowercase();
        let joined = matches!(
            between.as_str(),
            "to" | "and" | "-" | "–" | "—" | "and up to"
        );
        if joined && amounts[i].value <= amounts[i + 1].value {
            // The stage is named before the range ("senior archivists $70,000 to
            // $90,000"), or else after it ("$35,000 to $45,000 in the medium term").
            let before = sentence[context_start..amounts[i].start].to_lowercase();
            let after_end = amounts.get(i + 2).map_or(sentence.len(), |next| next.start);
            // After the range, only its own clause (up to a comma) names
            // its stage; that clause is not the next range's context.
            let after = &sentence[amounts[i + 1].end..after_end];
            let clause = after.find([',', ';']).map_or(after, |end| &after[..end]);
            let (stage, context_end) = match stage_in(&before) {
                Some(stage) => (Some(stage), amounts[i + 1].end),
                None => (
                    stage_in(&clause.to_lowercase()),
                    amounts[i + 1].end + clause.len(),
                ),
            };
            pairs.push((i, i + 1, stage));
            context_start = context_end;
            taken = true;
        }
    }
    pairs
}

/// The last stage word in `context`.
pub(crate) fn stage_in(context: &str) -> Option<&'static str> {
    STAGES
        .iter()
        .filter_map(|(word, stage)| context.rfind(word).map(|at| (at, *stage)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, stage)| stage)
}

/// The periods a sentence names: `hour`, `month`, `year`.
pub(crate) fn periods_in(lower: &str) -> Vec<&'static str> {
    const WORDS: [(&str, &[&str]); 3] = [
        (
            "hour",
            &["an hour", "per hour", "hourly", "/hour", "/hr", "an hr"],
        ),
        ("month", &["a month", "per month", "monthly", "/month"]),
        (
            "year",
            &[
                "a year",
                "per year",
                "annually",
                "per annum",
                "yearly",
                "/year",
                "annual",
            ],
        ),
    ];
    WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(period, _)| *period)
        .collect()
}
