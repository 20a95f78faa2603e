//! Pass `single_victims`: one person killed or hurt, told without a numeral.

use super::*;

/// One victim stated without a numeral: "a 14-year-old boy is dead", "Ana
/// Ruiz, 13, was killed", "he was pronounced dead", "killed his girlfriend",
/// "a man was wounded". Each gives a figure of 1.
pub(crate) fn single_victims(text: &str, toks: &[Token], s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
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
        let category = match &*w {
            "killed" | "dead" | "died" | "slain" | "murdered" => CasualtyCategory::Killed,
            "wounded" | "injured" | "hospitalized" | "hospitalised" | "hurt" => CasualtyCategory::Wounded,
            _ => continue,
        };
        // Passive or intransitive: [victim] (was|is|has been) [adverbs] (pronounced|found|shot and)? PRED / [victim] died.
        let mut k = p;
        while k > s.first
            && matches!(
                &*lw(k - 1),
                "pronounced"
                    | "found"
                    | "shot"
                    | "and"
                    | "fatally"
                    | "later"
                    | "also"
                    | "reportedly"
                    | "accidentally"
                    | "critically"
                    | "seriously"
                    | "severely"
                    | "gravely"
                    | "slightly"
                    | "most"
                    | "badly"
                    | "subsequently"
                    | "then"
            )
        {
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
                matches!(
                    &*x,
                    "by" | "in"
                        | "on"
                        | "at"
                        | "near"
                        | "outside"
                        | "during"
                        | "while"
                        | "after"
                        | "last"
                        | "early"
                        | "late"
                        | ","
                        | "."
                        | ";"
                        | "—"
                        | "-"
                ) || is_month(toks[p + 1].text(text))
            })
            && k > s.first
            && !matches!(&*lw(k - 1), "he" | "she" | "they" | "who")
        {
            aux_ok = true;
        }
        let negated_or_modal = (k.saturating_sub(3).max(s.first)..p).any(|j| {
            matches!(
                &*lw(j),
                "not"
                    | "never"
                    | "nearly"
                    | "almost"
                    | "could"
                    | "would"
                    | "might"
                    | "may"
                    | "will"
                    | "if"
                    | "no"
                    | "nobody"
                    | "none"
            )
        });
        if aux_ok && k > s.first && !negated_or_modal {
            if let Some(np) = victim_before(text, toks, s, k, mentions) {
                let (a, b) = (toks[np.0].start, toks[p].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
                }
                continue;
            }
        }
        // "[victim] was shot in the neck … and died at the scene": one killed.
        if w == "died" && (k..p).any(|j| lw(j) == "and") && !negated_or_modal {
            let shot = (s.first + 1..k).rev().find(|&j| {
                matches!(&*lw(j), "shot" | "stabbed" | "struck" | "wounded") && matches!(&*lw(j - 1), "was" | "is")
            });
            if let Some(np) = shot.and_then(|j| victim_before(text, toks, s, j - 1, mentions)) {
                let (a, b) = (toks[np.0].start, toks[p].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
                }
                continue;
            }
        }
        // "… and another (seriously) injured": one more victim.
        if k > s.first && lw(k - 1) == "another" && !negated_or_modal {
            let (a, b) = (toks[k - 1].start, toks[p].end);
            if !covered(a, b, out) {
                out.push(single(a, b, category, (toks[k - 1].start, toks[k - 1].end)));
            }
            continue;
        }
        // "pronounced the boy dead", "pronounced one man, 22, dead".
        if w == "dead" && !negated_or_modal {
            if let Some(v) = (p.saturating_sub(6).max(s.first)..p).rev().find(|&j| lw(j) == "pronounced") {
                // ("the boy" counts here: whoever is pronounced dead is one victim.)
                let the_victim = || {
                    (lw(v + 1) == "the").then_some(())?;
                    (v + 2..p).find(|&k| victim_noun(&lw(k))).map(|k| (v + 1, k + 1))
                };
                if let Some(np) = victim_after(text, toks, s, v + 1, mentions).or_else(the_victim) {
                    let (a, b) = (toks[v].start, toks[p].end);
                    if np.1 <= p && !covered(a, b, out) {
                        out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
                        continue;
                    }
                }
            }
        }
        // Active: "killed [victim]", "fatally shot [victim]".
        if matches!(&*w, "killed" | "murdered" | "wounded" | "injured") && p + 1 < s.end {
            if let Some(np) = victim_after(text, toks, s, p + 1, mentions) {
                // "injured a third man and a 16-year-old boy": two.
                let second = (np.1 + 1 < s.end && lw(np.1) == "and")
                    .then(|| victim_after(text, toks, s, np.1 + 1, mentions))
                    .flatten();
                let (np, value) = match second {
                    Some(two) => ((np.0, two.1), 2),
                    None => (np, 1),
                };
                let (a, b) = (toks[p].start, toks[np.1 - 1].end);
                if !covered(a, b, out) && !negated_or_modal {
                    out.push(Figure { value, ..single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)) });
                }
            }
        }
    }
}

/// A singular victim phrase ending right before token `end`: a person's
/// name (with an optional ", 13,"), a pronoun, or a determiner and up to four
/// words ending in a victim noun. Returns its token range.
pub(crate) fn victim_before(
    text: &str,
    toks: &[Token],
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
    if matches!(&*lw(e - 1), "he" | "she") {
        return Some((e - 1, e));
    }
    if let Some(m) = mentions.iter().find(|m| m.end == last.end && m.label == EntityLabel::Per) {
        let first = (s.first..e).find(|&k| toks[k].start >= m.start)?;
        return Some((first, e));
    }
    if !victim_noun(&lw(e - 1)) {
        return None;
    }
    let lo = e.saturating_sub(5).max(s.first);
    for k in (lo..e - 1).rev() {
        let x = lw(k);
        // "13 year old Shaquez": an age without hyphens opens the phrase.
        if spelled_age(toks, s, k, e) {
            return Some((k, e));
        }
        if matches!(&*x, "a" | "an" | "the" | "one" | "his" | "her" | "their" | "another") {
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
pub(crate) fn spelled_age(toks: &[Token], s: &Sent<'_>, k: usize, end: usize) -> bool {
    toks[k].kind == TokenKind::Number
        && k + 2 < end
        && matches!(&*s.lower(k + 1), "year" | "month")
        && s.lower(k + 2) == "old"
}

/// A singular victim phrase starting at token `start`.
pub(crate) fn victim_after(
    _text: &str,
    toks: &[Token],
    s: &Sent<'_>,
    start: usize,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let first = toks[start];
    if matches!(&*lw(start), "himself" | "herself") {
        return Some((start, start + 1));
    }
    if let Some(m) = mentions.iter().find(|m| m.start == first.start && m.label == EntityLabel::Per) {
        let end = (start..s.end).find(|&k| toks[k].end >= m.end)? + 1;
        return Some((start, end));
    }
    if !matches!(&*lw(start), "a" | "an" | "his" | "her" | "their" | "one") {
        return None;
    }
    let end = (start + 8).min(s.end);
    let mut k = start + 1;
    while k < end {
        let x = lw(k);
        if victim_noun(&x) && !x.ends_with("-old") {
            return Some((start, k + 1));
        }
        // "his ex-wife's 14 year old son": a possessive or an age on the way.
        if matches!(&*x, "'s" | "’s") {
            k += 1;
            continue;
        }
        if matches!(&*x, "'" | "’") && k + 1 < end && lw(k + 1) == "s" {
            k += 2;
            continue;
        }
        if spelled_age(toks, s, k, end) {
            k += 3;
            continue;
        }
        if toks[k].kind == TokenKind::Punct && x != "-" || crate::text::lexicon::is_function_word(&x) || k >= start + 5
        {
            break;
        }
        k += 1;
    }
    None
}
