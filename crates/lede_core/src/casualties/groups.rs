//! Passes `named_group` and `the_others`: counted groups told by name or as "the others".

use super::*;

/// "David Jones, 19, Leonard Andrews, 21, and Jamari Brooks, 17, were also
/// wounded", "Terrell and Zigan were taken to Northeast Georgia Medical
/// Center": a list of named people sharing one predicate counts them.
pub(crate) fn named_group(_text: &str, toks: &Words, s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for p in s.first + 2..s.end {
        if lw(p) != "were" {
            continue;
        }
        let mut v = p + 1;
        while v < s.end
            && matches!(lw(v), "also" | "both" | "all" | "later" | "reportedly" | "critically" | "seriously")
        {
            v += 1;
        }
        if v >= s.end {
            return;
        }
        let (category, last) = match lw(v) {
            "killed" | "slain" | "murdered" | "dead" => (CasualtyCategory::Killed, v),
            "wounded" | "injured" | "hurt" | "hospitalized" | "hospitalised" => (CasualtyCategory::Wounded, v),
            _ => match late_predicate(s, v) {
                Some((CasualtyCategory::Wounded, h)) => (CasualtyCategory::Wounded, h),
                _ => continue,
            },
        };
        // Walk back over "Name[, age,] (, | and | , and) Name[, age,]".
        let mut e = p;
        let mut names = 0u64;
        let mut first = p;
        let mut list_end = 0;
        loop {
            if e >= s.first + 3 && lw(e - 1) == "," && toks[e - 2].kind == TokenKind::Number && lw(e - 3) == "," {
                e -= 3;
            } else if names > 0 && e >= s.first + 2 && toks[e - 1].kind == TokenKind::Number && lw(e - 2) == "," {
                // The age's closing comma was the list's separator.
                e -= 2;
            }
            let Some(m) = (e > s.first)
                .then(|| mentions.iter().find(|m| m.end == toks[e - 1].end && m.label == EntityLabel::Per))
                .flatten()
            else {
                break;
            };
            let Some(b) = (s.first..e).find(|&k| toks[k].start >= m.start) else { break };
            if names == 0 {
                list_end = m.end;
            }
            names += 1;
            first = b;
            e = b;
            if e > s.first && lw(e - 1) == "and" {
                e -= 1;
                if e > s.first && lw(e - 1) == "," {
                    e -= 1;
                }
            } else if e > s.first && lw(e - 1) == "," {
                e -= 1;
            } else {
                break;
            }
        }
        if names >= 2 {
            let (a, b) = (toks[first].start, toks[last].end);
            if !covered(a, b, out) {
                out.push(Figure { value: names, ..single(a, b, category, (toks[first].start, list_end)) });
            }
        }
    }
}

/// "opened fire on four teenagers, killing two of them and leaving the
/// others wounded": the others are the count less the dead.
pub(crate) fn the_others(text: &str, toks: &Words, s: &Sent<'_>, out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    let Some(o) = (s.first + 1..s.end).find(|&k| matches!(lw(k), "others" | "rest") && lw(k - 1) == "the") else {
        return;
    };
    // "leaving the others wounded", "the rest were injured", "wounding the others".
    let mut after = o + 1;
    if after < s.end && matches!(lw(after), "were" | "are") {
        after += 1;
    }
    let hurt_after = after < s.end && wounded_word(lw(after));
    let hurt_before = o >= s.first + 2 && matches!(lw(o - 2), "wounding" | "injuring" | "wounded" | "injured");
    if !hurt_after && !hurt_before {
        return;
    }
    let sentence_start = toks[s.first].start;
    let the = toks[o - 1].start;
    // The dead of this sentence, stated before "the others".
    let dead: Vec<&Figure> = out
        .iter()
        .filter(|f| f.start >= sentence_start && f.end <= the && f.category == CasualtyCategory::Killed)
        .collect();
    let [killed] = dead.as_slice() else { return };
    // The whole group: the first plain count of people before the dead.
    let total = (s.first..o).find_map(|k| {
        let n = numbers::parse_at(text, toks, k).filter(|n| !n.vague && n.max.is_none())?;
        (toks[n.first].start < killed.start && (n.end..(n.end + 3).min(s.end)).any(|j| people_word(lw(j)))).then_some(n)
    });
    let Some(total) = total.filter(|t| t.value > killed.value) else { return };
    let (a, b) = if hurt_after { (the, toks[after].end) } else { (toks[o - 2].start, toks[o].end) };
    if !covered(a, b, out) {
        out.push(Figure {
            value: total.value - killed.value,
            ..single(a, b, CasualtyCategory::Wounded, (the, toks[o].end))
        });
    }
}
