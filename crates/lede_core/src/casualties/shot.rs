//! Passes `shot_and_hurt`, `shot_victim` and `suffered_injuries`: people shot, hurt or injured.

use super::*;

/// "Five people were shot, including one who suffered critical injuries",
/// "Four others were shot, but their injuries were not life-threatening",
/// "a 3-year-old girl had been shot" in a story that tells of no death:
/// people shot in a sentence that speaks of their injuries and of no death,
/// or in a story with no death at all, are wounded. (Shot alone says
/// nothing of who survived.)
pub(crate) fn shot_and_hurt(
    text: &str,
    toks: &Words,
    s: &Sent<'_>,
    mentions: &[Mention],
    deaths_told: bool,
    out: &mut Vec<Figure>,
) {
    let lw = |k: usize| s.lower(k);
    let any = |f: fn(&str) -> bool| (s.first..s.end).any(|k| f(lw(k)));
    let hurt = |w: &str| {
        matches!(
            w,
            "injuries"
                | "injury"
                | "wounds"
                | "hospital"
                | "hospitalized"
                | "hospitalised"
                | "recovering"
                | "treated"
                | "injured"
                | "wounded"
        )
    };
    if any(death_word) || deaths_told && !any(hurt) {
        return;
    }
    shot_victim(text, toks, s, mentions, out);
    let mut i = s.first;
    while i < s.end {
        let Some(n) = numbers::parse_at(text, toks, i) else {
            i += 1;
            continue;
        };
        // N [up to two words] were shot / hit; "four people shot in the incident".
        let mut k = n.end;
        while k < s.end && k < n.end + 2 && toks[k].kind == TokenKind::Word && !matches!(lw(k), "were" | "was" | "shot")
        {
            k += 1;
        }
        let aux = k < s.end && matches!(lw(k), "were" | "was");
        let verb = if aux { k + 1 } else { k };
        // Without "were", only as a reduced passive: "four people shot in the
        // incident", not "one fighter shot himself".
        let passive_after = |j: usize| {
            j >= s.end || matches!(lw(j), "in" | "at" | "on" | "during" | "by" | "near" | "outside" | "," | ".")
        };
        let shot = verb < s.end
            && (aux && matches!(lw(verb), "shot" | "hit")
                || k > n.end && lw(verb) == "shot" && passive_after(verb + 1));
        let negated = n.first > s.first && matches!(lw(n.first - 1), "no" | "not" | "without");
        if shot && !n.vague && !negated && !not_a_count(toks, s, &n) {
            let (a, b) = (toks[n.first].start, toks[verb].end);
            if !covered(a, b, out) {
                out.push(Figure {
                    start: a,
                    end: b,
                    value: n.value,
                    value_max: n.max,
                    qualifier: Qualifier::Exact,
                    category: CasualtyCategory::Wounded,
                    subject: (k > n.end).then(|| (toks[n.end].start, toks[k - 1].end)),
                    actor: None,
                    reported_by: None,
                    period: None,
                    rule: "",
                });
            }
        }
        i = n.end.max(i + 1);
    }
}

/// One person shot (or struck by a bullet): "he was accidentally shot",
/// "a 2-year-old boy shot himself in the leg".
pub(crate) fn shot_victim(text: &str, toks: &Words, s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for j in s.first + 1..s.end {
        let w = lw(j);
        let bullet = |k: usize| {
            matches!(lw(k), "bullet" | "bullets" | "gunfire" | "round" | "rounds" | "shots" | "shrapnel" | "stray")
        };
        let struck = matches!(w, "struck" | "hit") && (j + 1..(j + 9).min(s.end)).any(bullet);
        // "one of the bullets hit her", "the bullet grazed the girl's arm".
        if matches!(w, "hit" | "struck" | "grazed" | "pierced" | "hits" | "strikes" | "grazes")
            && (j.saturating_sub(2).max(s.first)..j).any(bullet)
            && !(j.saturating_sub(4).max(s.first)..j)
                .any(|x| matches!(lw(x), "could" | "would" | "might" | "may" | "not" | "nearly" | "almost"))
            && j + 1 < s.end
        {
            let np = if matches!(lw(j + 1), "her" | "him") {
                Some((j + 1, j + 2))
            } else {
                victim_after(text, toks, s, j + 1, mentions).or_else(|| {
                    // "the little girl's": a victim noun with a possessive.
                    (lw(j + 1) == "the").then_some(())?;
                    (j + 2..(j + 5).min(s.end)).find(|&k| victim_noun(lw(k))).map(|k| (j + 1, k + 1))
                })
            };
            if let Some(np) = np {
                let (a, b) = (toks[j].start, toks[np.1 - 1].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, CasualtyCategory::Wounded, (toks[np.0].start, toks[np.1 - 1].end)));
                }
                return;
            }
        }
        if w != "shot" && !struck {
            continue;
        }
        let itself = j + 1 < s.end && matches!(lw(j + 1), "himself" | "herself");
        let mut k = j;
        while k > s.first && matches!(lw(k - 1), "accidentally" | "reportedly" | "allegedly" | "also" | "then") {
            k -= 1;
        }
        let subject_end = match (aux_before(s, k), itself) {
            (Some(a), _) => a,
            (None, true) => k,
            (None, false) => {
                // Active: "a man accidentally shot his ex-wife's 14 year old son".
                if w == "shot" && j + 1 < s.end && k > s.first && !matches!(lw(k - 1), "were" | "are" | "been") {
                    if let Some(np) = victim_after(text, toks, s, j + 1, mentions) {
                        if !matches!(lw(np.0), "himself" | "herself") {
                            let (a, b) = (toks[j].start, toks[np.1 - 1].end);
                            if !covered(a, b, out) {
                                out.push(single(
                                    a,
                                    b,
                                    CasualtyCategory::Wounded,
                                    (toks[np.0].start, toks[np.1 - 1].end),
                                ));
                            }
                            return;
                        }
                    }
                }
                continue;
            }
        };
        let negated = (subject_end.saturating_sub(2).max(s.first)..j).any(|x| matches!(lw(x), "not" | "never" | "no"));
        if let Some(np) = victim_before(text, toks, s, subject_end, mentions).filter(|_| !negated) {
            let (a, b) = (toks[np.0].start, toks[j].end);
            if !covered(a, b, out) {
                out.push(single(a, b, CasualtyCategory::Wounded, (toks[np.0].start, toks[np.1 - 1].end)));
            }
            return;
        }
    }
}

/// "Bailey Price, 3, suffered serious injuries": one victim who suffered or
/// sustained injuries (or fatal ones).
pub(crate) fn suffered_injuries(text: &str, toks: &Words, s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for v in s.first + 1..s.end {
        if !matches!(lw(v), "suffered" | "sustained" | "suffering" | "sustaining") {
            continue;
        }
        let Some(obj) =
            (v + 1..(v + 5).min(s.end)).find(|&k| matches!(lw(k), "injuries" | "injury" | "wounds" | "wound"))
        else {
            continue;
        };
        let fatal = (v + 1..obj).any(|k| matches!(lw(k), "fatal" | "mortal" | "deadly"));
        let category = if fatal { CasualtyCategory::Killed } else { CasualtyCategory::Wounded };
        if let Some(np) = victim_before(text, toks, s, v, mentions) {
            let (a, b) = (toks[np.0].start, toks[obj].end);
            if !covered(a, b, out) {
                out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
            }
        }
    }
}
