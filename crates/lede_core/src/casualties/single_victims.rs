//! Pass `single_victims`: one person killed or hurt, told without a numeral.

use super::*;

/// A predicate ("killed", "was found dead") at token `p` and what the rules
/// for the victim read about it.
pub(crate) struct Pred<'c> {
    text: &'c str,
    toks: &'c Words,
    s: &'c Sent<'c>,
    mentions: &'c [Mention],
    p: usize,
    w: &'c str,
    category: CasualtyCategory,
    /// The first token of the verb group before `p` (auxiliary, adverbs).
    k: usize,
    /// A passive or intransitive verb group: "was killed", "died".
    aux_ok: bool,
    /// "not", "never", "could", "if" … within three words before.
    negated: bool,
}

impl Pred<'_> {
    /// Push a figure of one victim over tokens `a..=b`'s bytes with the
    /// victim phrase `np` (token range), unless an earlier figure covers it.
    fn push(&self, first: usize, last: usize, np: (usize, usize), out: &mut Vec<Figure>) {
        let (a, b) = (self.toks[first].start, self.toks[last].end);
        if !covered(a, b, out) {
            out.push(single(a, b, self.category, (self.toks[np.0].start, self.toks[np.1 - 1].end)));
        }
    }
}

/// A rule for the victim of a predicate; true when it settled the predicate.
type VictimRule = fn(&Pred<'_>, &mut Vec<Figure>) -> bool;

/// The rules for one victim told without a numeral, tried in order for each
/// predicate until one settles it.
pub(crate) const SINGLE_VICTIM_RULES: &[(&str, VictimRule)] = &[
    ("passive_victim_before", passive_victim_before),
    ("shot_and_died", shot_and_died),
    ("another", another),
    ("pronounced_dead", pronounced_dead),
    ("active_victim_after", active_victim_after),
];

/// One victim stated without a numeral: "a 14-year-old boy is dead", "Ana
/// Ruiz, 13, was killed", "he was pronounced dead", "killed his girlfriend",
/// "a man was wounded". Each gives a figure of 1.
pub(crate) fn single_victims(text: &str, toks: &Words, s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for p in s.first..s.end {
        let w = lw(p);
        // "the shooting death of a Houston man": one killed.
        if w == "death" && p + 2 < s.end && lw(p + 1) == "of" {
            if let Some(np) = victim_after(text, toks, s, p + 2, mentions) {
                let (a, b) = (toks[p].start, toks[np.1 - 1].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, CasualtyCategory::Killed, (toks[np.0].start, toks[np.1 - 1].end)));
                }
            }
            continue;
        }
        let category = match w {
            "killed" | "dead" | "died" | "slain" | "murdered" => CasualtyCategory::Killed,
            "wounded" | "injured" | "hospitalized" | "hospitalised" | "hurt" => CasualtyCategory::Wounded,
            _ => continue,
        };
        let pred = Pred::new(text, toks, s, mentions, (p, w), category);
        for (_, rule) in SINGLE_VICTIM_RULES {
            if rule(&pred, out) {
                break;
            }
        }
    }
}

impl<'c> Pred<'c> {
    /// The predicate `w` at `p` and the verb group before it: its first token,
    /// whether it is passive or intransitive, and whether it is negated or modal.
    fn new(
        text: &'c str,
        toks: &'c Words,
        s: &'c Sent<'c>,
        mentions: &'c [Mention],
        (p, w): (usize, &'c str),
        category: CasualtyCategory,
    ) -> Self {
        let lw = |k: usize| s.lower(k);
        // Passive or intransitive: [victim] (was|is|has been) [adverbs] (pronounced|found|shot and)? PRED / [victim] died.
        let mut k = p;
        while k > s.first && crate::text::lexicon::predicate_adverbs(lw(k - 1)) {
            k -= 1;
        }
        let mut aux_ok = w == "died";
        if let Some(a) = aux_before(s, k) {
            k = a;
            aux_ok = true;
        }
        // "one year old girl shot and killed": a reduced passive, when no
        // victim follows ("the officer shot and killed the suspect" is active).
        if !aux_ok
            && w == "killed"
            && k + 2 == p
            && lw(k) == "shot"
            && (p + 1 >= s.end || {
                let x = lw(p + 1);
                crate::text::lexicon::after_reduced_passive(x) || is_calendar_word(toks[p + 1].text(text))
            })
            && k > s.first
            && !matches!(lw(k - 1), "he" | "she" | "they" | "who")
        {
            aux_ok = true;
        }
        let negated = (k.saturating_sub(3).max(s.first)..p).any(|j| crate::text::lexicon::negation_or_modal(lw(j)));
        Pred { text, toks, s, mentions, p, w, category, k, aux_ok, negated }
    }
}

/// "[victim] was killed", "[victim] died".
fn passive_victim_before(v: &Pred<'_>, out: &mut Vec<Figure>) -> bool {
    if !(v.aux_ok && v.k > v.s.first && !v.negated) {
        return false;
    }
    let Some(np) = victim_before(v.text, v.toks, v.s, v.k, v.mentions) else { return false };
    v.push(np.0, v.p, np, out);
    true
}

/// "[victim] was shot in the neck … and died at the scene": one killed.
fn shot_and_died(v: &Pred<'_>, out: &mut Vec<Figure>) -> bool {
    let lw = |k: usize| v.s.lower(k);
    if !(v.w == "died" && (v.k..v.p).any(|j| lw(j) == "and") && !v.negated) {
        return false;
    }
    let shot = (v.s.first + 1..v.k)
        .rev()
        .find(|&j| matches!(lw(j), "shot" | "stabbed" | "struck" | "wounded") && matches!(lw(j - 1), "was" | "is"));
    let Some(np) = shot.and_then(|j| victim_before(v.text, v.toks, v.s, j - 1, v.mentions)) else { return false };
    v.push(np.0, v.p, np, out);
    true
}

/// "… and another (seriously) injured": one more victim.
fn another(v: &Pred<'_>, out: &mut Vec<Figure>) -> bool {
    if !(v.k > v.s.first && v.s.lower(v.k - 1) == "another" && !v.negated) {
        return false;
    }
    v.push(v.k - 1, v.p, (v.k - 1, v.k), out);
    true
}

/// "pronounced the boy dead", "pronounced one man, 22, dead".
fn pronounced_dead(v: &Pred<'_>, out: &mut Vec<Figure>) -> bool {
    let lw = |k: usize| v.s.lower(k);
    if v.w != "dead" || v.negated {
        return false;
    }
    let p = v.p;
    let Some(at) = (p.saturating_sub(6).max(v.s.first)..p).rev().find(|&j| lw(j) == "pronounced") else {
        return false;
    };
    // ("the boy" counts here: whoever is pronounced dead is one victim.)
    let the_victim = || {
        (lw(at + 1) == "the").then_some(())?;
        (at + 2..p).find(|&k| victim_noun(lw(k))).map(|k| (at + 1, k + 1))
    };
    if let Some(np) = victim_after(v.text, v.toks, v.s, at + 1, v.mentions).or_else(the_victim) {
        let (a, b) = (v.toks[at].start, v.toks[p].end);
        if np.1 <= p && !covered(a, b, out) {
            out.push(single(a, b, v.category, (v.toks[np.0].start, v.toks[np.1 - 1].end)));
            return true;
        }
    }
    false
}

/// Active: "killed [victim]", "fatally shot [victim]"; "injured a third man
/// and a 16-year-old boy": two.
fn active_victim_after(v: &Pred<'_>, out: &mut Vec<Figure>) -> bool {
    let (text, toks, s, p) = (v.text, v.toks, v.s, v.p);
    if !(matches!(v.w, "killed" | "murdered" | "wounded" | "injured") && p + 1 < s.end) {
        return false;
    }
    if let Some(np) = victim_after(text, toks, s, p + 1, v.mentions) {
        let second = (np.1 + 1 < s.end && s.lower(np.1) == "and")
            .then(|| victim_after(text, toks, s, np.1 + 1, v.mentions))
            .flatten();
        let (np, value) = match second {
            Some(two) => ((np.0, two.1), 2),
            None => (np, 1),
        };
        let (a, b) = (toks[p].start, toks[np.1 - 1].end);
        if !covered(a, b, out) && !v.negated {
            out.push(Figure { value, ..single(a, b, v.category, (toks[np.0].start, toks[np.1 - 1].end)) });
        }
    }
    true
}

/// A singular victim phrase ending right before token `end`: a person's
/// name (with an optional ", 13,"), a pronoun, or a determiner and up to four
/// words ending in a victim noun. Returns its token range.
pub(crate) fn victim_before(
    text: &str,
    toks: &Words,
    s: &Sent<'_>,
    end: usize,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let mut e = end;
    // "Ana Ruiz, 13, was": skip the age in commas.
    if e >= s.first + 3 && lw(e - 1) == "," && toks[e - 2].kind == TokenKind::Number && lw(e - 3) == "," {
        e -= 3;
    }
    if e <= s.first {
        return None;
    }
    let last = toks[e - 1];
    if matches!(lw(e - 1), "he" | "she") {
        return Some((e - 1, e));
    }
    if let Some(m) = mentions.iter().find(|m| m.end == last.end && m.label == EntityLabel::Per) {
        let first = (s.first..e).find(|&k| toks[k].start >= m.start)?;
        return Some((first, e));
    }
    if !victim_noun(lw(e - 1)) {
        return None;
    }
    let lo = e.saturating_sub(5).max(s.first);
    for k in (lo..e - 1).rev() {
        let x = lw(k);
        // "13 year old Shaquez": an age without hyphens opens the phrase.
        if spelled_age(toks, s, k, e) {
            return Some((k, e));
        }
        if matches!(x, "a" | "an" | "the" | "one" | "his" | "her" | "their" | "another") {
            // Plurals and counts are other figures' business.
            if toks[k + 1..e].iter().any(|t| t.kind == TokenKind::Number && !t.text(text).contains('-')) {
                return None;
            }
            return Some((k, e));
        }
        if toks[k].kind == TokenKind::Punct {
            break;
        }
    }
    None
}

/// An age without hyphens at token `k`, ending before token `end`: "14 year old".
pub(crate) fn spelled_age(toks: &Words, s: &Sent<'_>, k: usize, end: usize) -> bool {
    toks[k].kind == TokenKind::Number
        && k + 2 < end
        && matches!(s.lower(k + 1), "year" | "month")
        && s.lower(k + 2) == "old"
}

/// A singular victim phrase starting at token `start`.
pub(crate) fn victim_after(
    _text: &str,
    toks: &Words,
    s: &Sent<'_>,
    start: usize,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let first = toks[start];
    if matches!(lw(start), "himself" | "herself") {
        return Some((start, start + 1));
    }
    if let Some(m) = mentions.iter().find(|m| m.start == first.start && m.label == EntityLabel::Per) {
        let end = (start..s.end).find(|&k| toks[k].end >= m.end)? + 1;
        return Some((start, end));
    }
    if !matches!(lw(start), "a" | "an" | "his" | "her" | "their" | "one") {
        return None;
    }
    let end = (start + 8).min(s.end);
    let mut k = start + 1;
    while k < end {
        let x = lw(k);
        if victim_noun(x) && !x.ends_with("-old") {
            return Some((start, k + 1));
        }
        // "his ex-wife's 14 year old son": a possessive or an age on the way.
        if matches!(x, "'s" | "’s") {
            k += 1;
            continue;
        }
        if matches!(x, "'" | "’") && k + 1 < end && lw(k + 1) == "s" {
            k += 2;
            continue;
        }
        if spelled_age(toks, s, k, end) {
            k += 3;
            continue;
        }
        if toks[k].kind == TokenKind::Punct && x != "-" || crate::text::lexicon::is_function_word(x) || k >= start + 5 {
            break;
        }
        k += 1;
    }
    None
}
