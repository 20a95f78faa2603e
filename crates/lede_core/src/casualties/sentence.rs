//! One sentence's passes, in order, and the helpers they share.

use super::*;

/// A sentence of a paragraph's token view.
pub(crate) struct Sent<'a> {
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) toks: &'a Words,
}

/// Find figures in one sentence.
/// Whether these tokens tell of any death ("killed", "fatal", "homicide"…).
/// In a story that tells of none, people shot were wounded.
/// Words inside double quotation marks ("They killed me!") and words after
/// a negation or a modal ("could have killed her", "not dead") tell of none.
pub fn tells_of_death(text: &str, toks: &Words) -> bool {
    let mut quoted = false;
    for (i, t) in toks.iter().enumerate() {
        match t.text(text) {
            "\"" => quoted = !quoted,
            "“" => quoted = true,
            "”" => quoted = false,
            _ => {}
        }
        if quoted {
            continue;
        }
        let w = toks.lower(i);
        let examiner = w == "examiner" && i > 0 && toks.lower(i - 1) == "medical";
        if !(death_word(w) || matches!(w, "murder" | "homicide" | "deadly" | "dying" | "coroner") || examiner) {
            continue;
        }
        // "assault with a deadly weapon", "deadly force", "Deadly Conduct".
        let next = (i + 1 < toks.len()).then(|| toks.lower(i + 1));
        if w == "deadly" && next.is_some_and(|n| matches!(n, "weapon" | "weapons" | "force" | "conduct")) {
            continue;
        }
        let negated = (i.saturating_sub(3)..i).any(|j| {
            let p = toks.lower(j);
            matches!(p, "not" | "never" | "nearly" | "almost" | "no") || p.ends_with("n't") || p.ends_with("n’t")
        });
        // A modal earlier in the clause: "it could have hit her in the heart and killed her".
        let modal = (i.saturating_sub(10)..i)
            .rev()
            .take_while(|&j| toks[j].kind != TokenKind::Punct)
            .any(|j| matches!(toks.lower(j), "could" | "would" | "might"));
        let hedged = negated || modal;
        if !hedged {
            return true;
        }
    }
    false
}

/// What a sentence's passes read.
pub struct SentCtx<'c> {
    pub text: &'c str,
    pub toks: &'c Words,
    pub s: &'c Sent<'c>,
    /// The entity mentions inside the sentence.
    pub mentions: &'c [Mention],
    /// Some paragraph of the article tells of a death.
    pub deaths_told: bool,
}

/// A named pass over one sentence; it adds the figures it finds.
pub type Pass = (&'static str, fn(&SentCtx<'_>, &mut Vec<Figure>));

/// The figures of a sentence, pass by pass in order: a later pass skips
/// what an earlier one covered, so the order is the algorithm.
pub const PASSES: &[Pass] = &[
    // Numbers and counted phrases with their cue ("12 people were killed").
    ("numbers", numbered_figures),
    // One person killed or hurt, told without a numeral.
    ("single_victims", |c, out| single_victims(c.text, c.toks, c.s, c.mentions, out)),
    ("suffered_injuries", |c, out| suffered_injuries(c.text, c.toks, c.s, c.mentions, out)),
    ("shot_and_hurt", |c, out| shot_and_hurt(c.text, c.toks, c.s, c.mentions, c.deaths_told, out)),
    ("the_others", |c, out| the_others(c.text, c.toks, c.s, out)),
    ("named_group", |c, out| named_group(c.text, c.toks, c.s, c.mentions, out)),
];

/// The casualty figures of sentence `s` (token range of `toks`), from
/// every pass in [`PASSES`].
pub fn find_in_sentence(
    text: &str,
    toks: &Words,
    s: Sentence,
    mentions: &[Mention],
    deaths_told: bool,
    out: &mut Vec<Figure>,
) {
    let s = &Sent::new(toks, s);
    let ctx = SentCtx { text, toks, s, mentions, deaths_told };
    for &(name, pass) in PASSES {
        let before = out.len();
        pass(&ctx, out);
        for f in &mut out[before..] {
            f.rule = name;
        }
    }
}

/// Pass `numbers`: each number of the sentence that is not an age, with its
/// cue, as a figure.
fn numbered_figures(c: &SentCtx<'_>, out: &mut Vec<Figure>) {
    let (text, toks, s, mentions) = (c.text, c.toks, c.s, c.mentions);
    let lw = |k: usize| s.lower(k);
    let sentence_destroy = (s.first..s.end).any(|k| destroy_word(lw(k)));
    let mut i = s.first;
    while i < s.end {
        let Some(n) = numbers::parse_at(text, toks, i) else {
            i += 1;
            continue;
        };
        let mut next = n.end.max(i + 1);
        // "between ages 12 and 16", "aged 20 to 25": ages, not counts.
        let before = |j: usize| if j > s.first { lw(j - 1) } else { "" };
        let is_age = |w: &str| matches!(w, "ages" | "aged" | "age");
        if is_age(before(i)) || before(i) == "between" && i > s.first + 1 && is_age(lw(i - 2)) {
            // And the range's other end: "12 and 16", "20 to 25".
            if next + 1 < s.end
                && matches!(lw(next), "and" | "to" | "-" | "–")
                && toks[next + 1].kind == TokenKind::Number
            {
                next += 2;
            }
            i = next;
            continue;
        }
        if let Some(f) = figure_at(text, toks, s, &n, sentence_destroy, mentions) {
            // A range or a counted phrase uses the tokens up to the figure's end.
            while next < s.end && toks[next].start < f.end && toks[next].kind != TokenKind::Number {
                next += 1;
            }
            if next < s.end && toks[next].start < f.end {
                next = (next..s.end).find(|&k| toks[k].start >= f.end).unwrap_or(s.end);
            }
            out.push(f);
        }
        i = next;
    }
}

/// Whether a figure already found overlaps bytes `a..b`.
pub(crate) fn covered(a: usize, b: usize, out: &[Figure]) -> bool {
    out.iter().any(|f| f.start < b && a < f.end)
}

/// The first token of a passive auxiliary ending right before token `k`
/// ("was", "is", "has been", "had been"), if there is one.
pub(crate) fn aux_before(s: &Sent<'_>, k: usize) -> Option<usize> {
    if k > s.first && matches!(s.lower(k - 1), "was" | "is") {
        Some(k - 1)
    } else if k > s.first + 1 && s.lower(k - 1) == "been" && matches!(s.lower(k - 2), "has" | "had") {
        Some(k - 2)
    } else {
        None
    }
}

pub(crate) fn single(start: usize, end: usize, category: CasualtyCategory, subject: (usize, usize)) -> Figure {
    Figure {
        start,
        end,
        value: 1,
        value_max: None,
        qualifier: Qualifier::Exact,
        category,
        subject: Some(subject),
        actor: None,
        reported_by: None,
        period: None,
        rule: "",
    }
}

impl<'a> Sent<'a> {
    pub(crate) fn new(toks: &'a Words, s: Sentence) -> Self {
        Self { first: s.first, end: s.end, toks }
    }

    /// Token `k` in lowercase (any token of the paragraph).
    pub(crate) fn lower(&self, k: usize) -> &'a str {
        self.toks.lower(k)
    }
}
