//! A number and its cue as a figure: value, qualifier, category, subject, actor, reporter, period.

use super::*;

/// Numbers that count no one: a gallery's counter ("Image 44 of 44", "1 /
/// 44"), an age ("30 year old", "younger than 18", "in his 20's").
pub(crate) fn not_a_count(toks: &Words, s: &Sent<'_>, n: &Number) -> bool {
    let lw = |k: usize| s.lower(k);
    let next = |j: usize| if n.end + j < s.end { lw(n.end + j) } else { "" };
    if matches!(next(0), "year" | "years" | "month" | "months" | "yr" | "yrs") && next(1) == "old"
        || matches!(next(0), "'s" | "’s")
        || matches!(next(0), "'" | "’") && next(1) == "s"
    {
        return true;
    }
    if n.first >= s.first + 2 && lw(n.first - 1) == "than" && matches!(lw(n.first - 2), "younger" | "older") {
        return true;
    }
    let counter = |k: usize| {
        k > s.first && matches!(lw(k - 1), "image" | "images" | "photo" | "photos" | "slide" | "page" | "picture")
    };
    let of_digits = n.end + 1 < s.end && matches!(lw(n.end), "of" | "/") && toks[n.end + 1].kind == TokenKind::Number;
    let after_of =
        n.first >= s.first + 2 && matches!(lw(n.first - 1), "of" | "/") && toks[n.first - 2].kind == TokenKind::Number;
    n.digits
        && (of_digits && counter(n.first)
            || after_of && counter(n.first - 2)
            || n.first > s.first && lw(n.first - 1) == "/")
}

/// A rule that makes the number `n` of sentence `s` no count.
type NotCount = fn(&str, &Words, &Sent<'_>, &Number) -> bool;

/// Numbers that are no counts: measures, money, names, ages, dates, years,
/// parts of a group counted elsewhere. Any one rules the number out.
pub(crate) const NOT_COUNTS: &[(&str, NotCount)] = &[
    ("money", |text, toks, s, n| {
        n.first > s.first && matches!(toks[n.first - 1].text(text), "$" | "€" | "£" | "¥" | "#")
    }),
    ("unit", |_, _, s, n| n.end < s.end && unit_word(s.lower(n.end))),
    // "Cloud 9", "Route 66": a number that ends a name.
    ("ends_a_name", |text, toks, s, n| {
        n.digits && n.first > s.first + 1 && n.end == n.first + 1 && {
            let prev = toks[n.first - 1];
            let pw = prev.text(text);
            prev.kind == TokenKind::Word
                && pw.starts_with(char::is_uppercase)
                && !is_calendar_word(pw)
                && !pw.contains('.')
        }
    }),
    // "16- year-old": an age broken by a space.
    ("age_split", |_, _, s, n| {
        n.end + 1 < s.end
            && s.lower(n.end) == "-"
            && (s.lower(n.end + 1).starts_with("year") || s.lower(n.end + 1).starts_with("month"))
    }),
    ("after_a_month", |text, toks, s, n| n.first > s.first && is_calendar_word(toks[n.first - 1].text(text))),
    ("not_a_count", |_, toks, s, n| not_a_count(toks, s, n)),
    // "six gunshot wounds", "two stab wounds": one person's wounds, not people.
    ("wounds", |_, _, s, n| {
        let at = |j: usize| if n.end + j < s.end { s.lower(n.end + j) } else { "" };
        let wounds = |w: &str| matches!(w, "wound" | "wounds");
        wounds(at(0)) || matches!(at(0), "gunshot" | "stab" | "bullet" | "shotgun" | "knife") && wounds(at(1))
    }),
    ("year", |text, toks, _, n| {
        let raw = toks[n.first].text(text);
        n.digits && raw.len() == 4 && !raw.contains(',') && (1800..=2100).contains(&n.value)
    }),
    // "of the 100 soldiers": a part of a group already counted elsewhere
    // (but "of the four wounded" and "the names of the five people who were
    // murdered" state the count they take a part of).
    ("part_of_a_group", |_, _, s, n| {
        let lw = |k: usize| s.lower(k);
        let states_count = n.end < s.end && matches!(lw(n.end), "wounded" | "injured" | "dead" | "killed")
            || (n.end..(n.end + 3).min(s.end)).any(|k| matches!(lw(k), "who" | "that"));
        n.first >= s.first + 2 && lw(n.first - 1) == "the" && lw(n.first - 2) == "of" && !states_count
    }),
];

pub(crate) fn figure_at(
    text: &str,
    toks: &Words,
    s: &Sent<'_>,
    n: &Number,
    sentence_destroy: bool,
    mentions: &[Mention],
) -> Option<Figure> {
    let lw = |k: usize| s.lower(k);
    if NOT_COUNTS.iter().any(|(_, rule)| rule(text, toks, s, n)) {
        return None;
    }
    let (qualifier, q_start) = qualifier_before(toks, n.first, s.first);
    // "No one was hurt": a negated count is no figure.
    if q_start > s.first && matches!(lw(q_start - 1), "no" | "not" | "without") {
        return None;
    }
    let (n, value_max, qualifier) = range_and_qualifier(text, toks, s, *n, q_start, qualifier);
    // A verb right before the number ("killed one") says what it counts;
    // otherwise the words after it do ("one person killed").
    let before = cue_before(toks, q_start, &n, s);
    let cue = match before {
        Some(c) => c,
        None => cue_after(text, toks, &n, s, sentence_destroy, mentions, false)?,
    };
    if determiner_one(toks, s, &n, &cue) {
        return None;
    }
    let start_tok = if q_start > s.first && lw(q_start - 1) == "between" { q_start - 1 } else { q_start };
    let end_tok = cue.last.max(cue.subject_end.saturating_sub(1)).max(n.end - 1);
    let subject = counted_subject(toks, s, &n, &cue);
    let span = (toks[start_tok].start, toks[end_tok].end);
    Some(Figure {
        start: span.0,
        end: span.1,
        value: n.value,
        value_max,
        qualifier,
        category: cue.category,
        subject,
        actor: actor(text, toks, s, q_start, subject, mentions),
        reported_by: reported_by(toks, s, mentions),
        period: period(text, toks, s, end_tok + 1),
        rule: "",
    })
}

/// Ranges ("between 10 and 15", "10 to 15", "10-15") and the qualifier a
/// vague number or "or so" gives: the number (its end moved past a range),
/// its upper bound and the qualifier.
fn range_and_qualifier(
    text: &str,
    toks: &Words,
    s: &Sent<'_>,
    mut n: Number,
    q_start: usize,
    mut qualifier: Qualifier,
) -> (Number, Option<u64>, Qualifier) {
    let lw = |k: usize| s.lower(k);
    let mut value_max = n.max;
    let joiner = if n.end + 1 < s.end { lw(n.end) } else { "" };
    let between = q_start > s.first && lw(q_start - 1) == "between";
    if matches!(joiner, "to" | "-" | "–") || joiner == "and" && between {
        if let Some(m) = numbers::parse_at(text, toks, n.end + 1).filter(|m| m.value > n.value) {
            value_max = Some(m.value);
            n.end = m.end;
        }
    }
    if n.vague {
        qualifier = Qualifier::AtLeast;
    }
    if n.end + 1 < s.end && lw(n.end) == "or" && lw(n.end + 1) == "so" && qualifier == Qualifier::Exact {
        qualifier = Qualifier::Approx;
    }
    (n, value_max, qualifier)
}

/// "one wounded fighter": "one" as a determiner before an adjective and its noun.
fn determiner_one(toks: &Words, s: &Sent<'_>, n: &Number, cue: &Cue) -> bool {
    let noun_follows = toks
        .get(cue.last + 1)
        .filter(|_| cue.last + 1 < s.end)
        .map(|t| {
            let w = toks.lower(cue.last + 1);
            t.kind == TokenKind::Word
                && !crate::text::lexicon::is_function_word(w)
                && !is_verb_like(w)
                && !matches!(w, "on" | "in")
        })
        .unwrap_or(false);
    s.lower(n.first) == "one" && cue.last == n.end && noun_follows
}

/// What the figure counts: the words after the number up to the cue's
/// subject end, past "or so" and "of (the)".
fn counted_subject(toks: &Words, s: &Sent<'_>, n: &Number, cue: &Cue) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let mut subj_first = n.end;
    if subj_first + 1 < s.end && lw(subj_first) == "or" && lw(subj_first + 1) == "so" {
        subj_first += 2;
    }
    if subj_first < cue.subject_end && lw(subj_first) == "of" {
        subj_first += 1;
        if subj_first < cue.subject_end && lw(subj_first) == "the" {
            subj_first += 1;
        }
    }
    (subj_first < cue.subject_end).then(|| (toks[subj_first].start, toks[cue.subject_end - 1].end))
}

/// Whose losses: a place or group named just before "had lost" / "has suffered",
/// or a group noun counted (Ukrainians, civilians).
pub(crate) fn actor(
    text: &str,
    toks: &Words,
    s: &Sent<'_>,
    q_start: usize,
    subject: Option<(usize, usize)>,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let lo = q_start.saturating_sub(4).max(s.first);
    if let Some(v) = (lo..q_start).find(|&k| matches!(lw(k), "lost" | "suffered" | "lose")) {
        // The nearest non-person name before the verb: "Russia had lost".
        let before = toks[v].start;
        if let Some(m) = mentions
            .iter()
            .rev()
            .find(|m| m.end <= before && m.start >= toks[s.first].start && m.label != EntityLabel::Per)
        {
            return Some((m.start, m.end));
        }
    }
    let (a, b) = subject?;
    let last = text[a..b].split_whitespace().last()?;
    let is_group = last == "civilians" || (last.ends_with('s') && last.starts_with(|c: char| c.is_uppercase()));
    is_group.then(|| (b - last.len(), b))
}

/// "according to X", or "X reported/said/estimates".
pub(crate) fn reported_by(toks: &Words, s: &Sent<'_>, mentions: &[Mention]) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    for k in s.first..s.end.saturating_sub(2) {
        if lw(k) == "according" && lw(k + 1) == "to" {
            let from = toks[k + 2].start;
            let mut e = k + 2;
            while e < s.end && !matches!(lw(e), "," | "." | ";") {
                e += 1;
            }
            if e == k + 2 {
                // "according to ," names no one.
                continue;
            }
            let end = toks[e - 1].end;
            // Prefer a named source inside the phrase.
            if let Some(m) = mentions.iter().find(|m| m.start >= from && m.end <= end && m.label != EntityLabel::Misc) {
                return Some((from.min(m.start), end));
            }
            return Some((from, end));
        }
    }
    for k in s.first + 1..s.end {
        if matches!(lw(k), "reported" | "said" | "says" | "estimate" | "estimated" | "estimates" | "announced") {
            let cue_start = toks[k].start;
            let sent_start = toks[s.first].start;
            if let Some(m) =
                mentions.iter().rev().find(|m| m.end <= cue_start && m.start >= sent_start && cue_start - m.end <= 2)
            {
                return Some((m.start, m.end));
            }
        }
    }
    None
}

/// "since February 24, 2022", "in the past day", "in the last 24 hours".
pub(crate) fn period(text: &str, toks: &Words, s: &Sent<'_>, from: usize) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let mut k = from;
    while k < s.end {
        let w = lw(k);
        if w == "since" {
            let mut e = k + 1;
            let mut commas = 0;
            while e < s.end && e < k + 7 {
                let x = lw(e);
                if matches!(x, "." | ";") {
                    break;
                }
                if x == "," {
                    // "February 24, 2022" keeps its comma before a year.
                    let year_next = toks
                        .get(e + 1)
                        .map(|t| t.kind == TokenKind::Number && t.text(text).len() == 4)
                        .unwrap_or(false);
                    if !year_next || commas > 0 {
                        break;
                    }
                    commas += 1;
                }
                e += 1;
            }
            return (e > k + 1).then(|| (toks[k].start, toks[e - 1].end));
        }
        if w == "in" && k + 3 < s.end && lw(k + 1) == "the" && matches!(lw(k + 2), "past" | "last") {
            let mut e = k + 3;
            if toks[e].kind == TokenKind::Number && e + 1 < s.end {
                e += 1;
            }
            return Some((toks[k].start, toks[e].end));
        }
        k += 1;
    }
    None
}
