//! Pass `attribute_by_context`: a quote with no speaker in its sentence takes one from its context.

use super::*;

/// Attribute quotes left without a speaker: the subject of a reporting verb
/// in the quote's sentence; the speaker introduced by the paragraph before
/// ("The Times reports:"); or the speaker of the previous quote, which this
/// one continues.
pub fn attribute_by_context(text: &str, paras: &[ParaView<'_>], mentions: &[Mention], found: &mut [Found]) {
    let spans: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    let inside_quote = |pos: usize| {
        let i = spans.partition_point(|s| s.1 <= pos);
        spans.get(i).map(|s| s.0 <= pos && pos < s.1).unwrap_or(false)
    };
    let lw = |t: &Token| crate::text::tokens::lower(t.text(text));
    let people = descriptions(text, paras);
    let mut last_attributed: Option<(usize, Found)> = None;
    // "Clinton says she appreciated … what she calls a “…”", "DuVernay said
    // she felt … because “…,” she said": a pronoun speaker later in a
    // sentence whose subject (a name or a description) reports it or opens
    // it stands for that subject. Not in a clause of its own (", but he said").
    let pronoun = |r: ByteRange| matches!(&*crate::text::tokens::lower(&text[r.0..r.1]), "he" | "she" | "they");
    let outer_subject = |p: &ParaView<'_>, sp: ByteRange| -> Option<ByteRange> {
        let s = p.sentence_at(sp.0)?;
        let j = (s.first..s.end).find(|&j| p.tokens[j].start == sp.0)?;
        if !pronoun(sp) || j == s.first || matches!(&*lw(&p.tokens[j - 1]), "but" | "and" | "while" | "as" | ";") {
            return None;
        }
        (s.first..j)
            .find(|&k| {
                !inside_quote(p.tokens[k].start)
                    && is_reporting_verb(&lw(&p.tokens[k]))
                    && !name_part(text, p.tokens, k)
            })
            .and_then(|k| speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, k), mentions))
            .or_else(|| {
                // (The subject opening the sentence only when it names a person.)
                sentence_subject(text, p.tokens, s, mentions).filter(|o| {
                    let i = mentions.partition_point(|m| m.start < o.0);
                    mentions.get(i).is_some_and(|m| m.start == o.0 && m.label == EntityLabel::Per)
                })
            })
            .filter(|o| o.0 >= p.tokens[s.first].start && o.1 <= sp.0 && !pronoun(*o) && !inside_quote(o.0))
    };
    for f in found.iter_mut() {
        let pi = paras.partition_point(|p| p.range.1 <= f.start);
        let Some(p) = paras.get(pi) else { continue };
        // (Not a name that the quote itself continues: Clinton “caused
        // havoc,” he said.)
        if let Some(o) = f.speaker.and_then(|sp| outer_subject(p, sp)).filter(|o| text[o.1..f.start].trim() != "") {
            f.speaker = Some(o);
        }
        if f.speaker.is_none() {
            // The quote's sentence: its reporting verb nearest the quote; for a
            // quote of several sentences, else the one it closes ("“… . They
            // don't have a choice” but to lead, says Evan Tracey").
            let opening = p.sentence_at(f.start);
            let closing = p.sentence_at(f.end.saturating_sub(1)).filter(|c| Some(*c) != opening);
            for s in [opening, closing].into_iter().flatten() {
                if f.speaker.is_some() {
                    break;
                }
                // (distance to the quote, speaker, cue)
                let mut best: Option<(usize, ByteRange, ByteRange)> = None;
                // Reported speech puts its verb before the quote: verbs after
                // it count only when none stands before.
                // `t` is the verb's token, measured from; `cue` may be longer.
                let mut consider = |t: Token, sp: ByteRange, cue: ByteRange| {
                    let dist = if t.start < f.start { f.start - t.end } else { (1 << 30) + t.start - f.end };
                    if best.map(|b| dist < b.0).unwrap_or(true) {
                        best = Some((dist, sp, cue));
                    }
                };
                for k in s.first..s.end {
                    let t = p.tokens[k];
                    // "…, according to show insiders."
                    if lw(&t) == "according" && k + 2 < s.end && lw(&p.tokens[k + 1]) == "to" && !inside_quote(t.start)
                    {
                        // (… according to talk radio host Rush Limbaugh.)
                        if let Some(sp) = speaker_phrase(text, p.tokens, k + 2, mentions)
                            .or_else(|| described_person_after(text, p.tokens, k + 2, mentions))
                        {
                            consider(t, sp, (t.start, p.tokens[k + 1].end));
                        }
                        continue;
                    }
                    // "…," as a Homeland Security memo put it.
                    let put_it = matches!(&*lw(&t), "put" | "puts") && k + 1 < s.end && lw(&p.tokens[k + 1]) == "it";
                    if inside_quote(t.start) || !(put_it || is_reporting_verb(&lw(&t))) || name_part(text, p.tokens, k)
                    {
                        continue;
                    }
                    let e = subject_end(text, p.tokens, s.first, k);
                    // "He then defended the remark, saying, “…”": a participle
                    // after a comma has the sentence's subject for speaker.
                    // ("“…,” Sanders said, suggesting …, “…”": else the subject
                    // of the verb of saying before the comma.)
                    let participle = || {
                        let after_comma = k > s.first && lw(&t).ends_with("ing") && p.tokens[k - 1].text(text) == ",";
                        let said_before = || {
                            let v = k.checked_sub(2).filter(|&v| v >= s.first)?;
                            let w = lw(&p.tokens[v]);
                            (lexicon::is_cue_verb(&w) && !w.ends_with("ing") && !inside_quote(p.tokens[v].start))
                                .then(|| {
                                    speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), mentions)
                                })
                                .flatten()
                        };
                        after_comma
                            .then(|| sentence_subject(text, p.tokens, s, mentions).or_else(said_before))
                            .flatten()
                            .filter(|o| !inside_quote(o.0))
                    };
                    // "32% of Republican claims": after "of", a noun, not a speaker and verb.
                    // ("footage of Trump saying …" is a speaker.)
                    let after_of = |sp: &(usize, usize)| {
                        let b = p.tokens.partition_point(|t| t.start < sp.0);
                        b > 0 && lw(&p.tokens[b - 1]) == "of" && !lw(&t).ends_with("ing")
                    };
                    // "The council issued a statement calling it “…”": a
                    // document that is a verb's object speaks for that verb's subject.
                    let issuer = |sp: ByteRange| {
                        let lower = text[sp.0..sp.1].to_lowercase();
                        let document = (lower.starts_with("a ") || lower.starts_with("an "))
                            && !lexicon::is_person_noun(description_head(&lower));
                        let d = p.tokens.partition_point(|t| t.start < sp.0);
                        // ("sent out a press release saying …": past a particle.)
                        let particle = d > s.first + 2 && matches!(&*lw(&p.tokens[d - 1]), "out" | "up");
                        let verb =
                            (document && d > s.first + 1).then(|| if particle { d - 2 } else { d - 1 }).filter(|&v| {
                                let w = p.tokens[v].text(text);
                                p.tokens[v].kind == TokenKind::Word
                                    && w.starts_with(char::is_lowercase)
                                    && !lexicon::is_function_word(&lw(&p.tokens[v]))
                            });
                        verb.and_then(|v| {
                            speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), mentions)
                        })
                        .filter(|o| o.0 >= p.tokens[s.first].start && !inside_quote(o.0))
                        .unwrap_or(sp)
                    };
                    let before = || {
                        speaker_before(text, p.tokens, e, mentions)
                            .filter(|sp| sp.0 >= p.tokens[s.first].start && !after_of(sp) && !inside_quote(sp.0))
                            .map(issuer)
                    };
                    // ("it attacked Trump, saying he …": the participle's subject
                    // comes before a name set off by the comma.)
                    // "“…” in the 2008 primary, said professor Paul Beck": the
                    // speaker after a cue that follows the quote and a comma.
                    let inverted = || {
                        (t.start >= f.end && k > s.first && p.tokens[k - 1].text(text) == ",")
                            .then(|| {
                                speaker_phrase(text, p.tokens, k + 1, mentions)
                                    .or_else(|| described_person_after(text, p.tokens, k + 1, mentions))
                            })
                            .flatten()
                            .filter(|sp| !lexicon::is_speaker_pronoun(&crate::text::tokens::lower(&text[sp.0..sp.1])))
                    };
                    if let Some(sp) = participle().or_else(before).or_else(inverted) {
                        consider(t, sp, (t.start, t.end));
                    }
                }
                if let Some((_, mut sp, mut cue)) = best {
                    // "Lynch said she recalled …", "Police say they have …":
                    // a pronoun reporting inside another's reported speech
                    // gives the quote to the outer speaker.
                    for _ in 0..3 {
                        // "Trump said at a rally that Clinton once described it
                        // as “…”": a speaker inside another's reported speech
                        // gives the quote to the outer one.
                        let that = (s.first + 1..s.end)
                            .find(|&j| p.tokens[j].start == sp.0)
                            .filter(|&j| lw(&p.tokens[j - 1]) == "that")
                            .map(|j| j - 1);
                        let outer_verb = that.and_then(|t| {
                            (t.saturating_sub(10).max(s.first)..t)
                                .rev()
                                .take_while(|&k| {
                                    !matches!(p.tokens[k].text(text), "," | ";" | ":")
                                        && !inside_quote(p.tokens[k].start)
                                })
                                .find(|&k| lexicon::is_cue_verb(&lw(&p.tokens[k])) && !name_part(text, p.tokens, k))
                        });
                        let outer = outer_verb.and_then(|v| {
                            speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), mentions)
                                .filter(|o| o.0 >= p.tokens[s.first].start && !inside_quote(o.0))
                                .map(|o| (o, v))
                        });
                        if let Some((o, v)) = outer {
                            sp = o;
                            cue = (p.tokens[v].start, p.tokens[v].end);
                            continue;
                        }
                        let Some(j) = (s.first..s.end).find(|&j| p.tokens[j].start == sp.0 && p.tokens[j].end == sp.1)
                        else {
                            break;
                        };
                        if !matches!(&*lw(&p.tokens[j]), "he" | "she" | "they" | "it" | "we") {
                            break;
                        }
                        // "Ban Ki-moon condemned what he called …": any verb
                        // before "what"; else a reporting verb before "(that)".
                        let what = j > s.first + 1 && lw(&p.tokens[j - 1]) == "what";
                        let mut v = j;
                        if v > s.first && matches!(&*lw(&p.tokens[v - 1]), "that" | "what") {
                            v -= 1;
                        }
                        let lower_word = |k: usize| {
                            p.tokens[k].kind == TokenKind::Word
                                && p.tokens[k].text(text).starts_with(char::is_lowercase)
                        };
                        if v == s.first
                            || !(is_reporting_verb(&lw(&p.tokens[v - 1])) || what && lower_word(v - 1))
                            || name_part(text, p.tokens, v - 1)
                            || inside_quote(p.tokens[v - 1].start)
                            || crate::text::lexicon::is_function_word(&lw(&p.tokens[v - 1]))
                        {
                            break;
                        }
                        let verb = v - 1;
                        let e = subject_end(text, p.tokens, s.first, verb);
                        match speaker_before(text, p.tokens, e, mentions).filter(|o| o.0 >= p.tokens[s.first].start) {
                            Some(outer) => {
                                sp = outer;
                                cue = (p.tokens[verb].start, p.tokens[verb].end);
                            }
                            None => break,
                        }
                    }
                    f.speaker = Some(outer_subject(p, sp).unwrap_or(sp));
                    f.cue = Some(cue);
                }
            }
        }
        if f.speaker.is_none() {
            // "In an August speech, Trump attacked “…”": the subject of the
            // quote's sentence, when the quote follows its verb.
            if let Some(s) = p.sentence_at(f.start) {
                f.speaker = clause_subject(text, p.tokens, s, f.start, mentions, &inside_quote);
            }
        }
        if f.speaker.is_none() {
            // The sentence before, in this paragraph: its last reporting verb's subject
            // ("… the journalist confirmed that … . “The Kremlin denied …”").
            let si = p
                .sentences
                .iter()
                .position(|s| p.tokens[s.first].start <= f.start && f.start < p.tokens[s.end - 1].end);
            if let Some(prev) = si.and_then(|i| i.checked_sub(1)).map(|i| p.sentences[i]) {
                for k in (prev.first..prev.end).rev() {
                    let t = p.tokens[k];
                    if inside_quote(t.start) || !is_reporting_verb(&lw(&t)) || name_part(text, p.tokens, k) {
                        continue;
                    }
                    let e = subject_end(text, p.tokens, prev.first, k);
                    if let Some(sp) = speaker_before(text, p.tokens, e, mentions) {
                        f.speaker = Some(sp);
                        f.cue = Some((t.start, t.end));
                    }
                    break;
                }
            }
        }
        if f.speaker.is_none() && text[f.end..p.range.1].trim().is_empty() {
            // A quote closing its paragraph, signed in the next one: "- Sanders."
            if let Some(next) = paras.get(pi + 1) {
                let line = text[next.range.0..next.range.1].trim();
                let t = next.tokens;
                let dash = t.first().is_some_and(|d| matches!(d.text(text), "-" | "—" | "–" | "―"));
                let short = line.split_whitespace().count() <= 6;
                if dash && short && t.len() >= 2 {
                    f.speaker = speaker_phrase(text, t, 1, mentions).filter(|sp| {
                        let rest = text[sp.1..next.range.1].trim();
                        rest.is_empty() || rest == "."
                    });
                }
            }
        }
        if f.speaker.is_none() && pi > 0 && text[p.range.0..f.start].trim().is_empty() {
            // "The New York Times reports:" closing the paragraph before.
            // ("Trump issued the following statement:": else the subject of
            // its sentence. "Howard continued his scathing remarks.": a verb
            // of saying in the paragraph's last sentence, colon or not.)
            let prev = &paras[pi - 1];
            let colon = text[prev.range.0..prev.range.1].trim_end().ends_with(':');
            if let Some(s) = prev.sentences.last() {
                for k in (s.first..s.end).rev() {
                    let t = prev.tokens[k];
                    let verb = if colon { is_reporting_verb(&lw(&t)) } else { lexicon::is_cue_verb(&lw(&t)) };
                    if verb && !name_part(text, prev.tokens, k) && !inside_quote(t.start) {
                        if let Some(sp) = speaker_before(text, prev.tokens, k, mentions) {
                            f.speaker = Some(sp);
                            f.cue = Some((t.start, t.end));
                        }
                        break;
                    }
                }
                if colon && f.speaker.is_none() {
                    f.speaker = clause_subject(text, prev.tokens, s, prev.range.1, mentions, &inside_quote);
                }
            }
        }
        if f.speaker.is_none() && f.kind == QuoteKind::Partial {
            // A phrase quoted inside reported speech with no reporting verb we
            // know ("Trump's claim that there were “thousands of shootings”",
            // "he has “extraordinarily good health”"): the person or
            // organisation the sentence is about before the quote, else its
            // opening pronoun.
            let sentence = p.sentence_at(f.start);
            if let Some(s) = sentence {
                let from = p.tokens[s.first].start;
                // The mentions that start in the sentence and end before the quote.
                let lo = mentions.partition_point(|m| m.start < from);
                let hi = lo + mentions[lo..].partition_point(|m| m.start < f.start);
                let before = || mentions[lo..hi].iter().filter(|m| m.end <= f.start && !inside_quote(m.start));
                let named = before()
                    .find(|m| m.label == EntityLabel::Per)
                    .or_else(|| before().find(|m| m.label == EntityLabel::Org));
                let pronoun = p.tokens[s.first..s.end]
                    .iter()
                    .take_while(|t| t.end <= f.start)
                    .take(3)
                    .find(|t| matches!(&*lw(t), "he" | "she" | "they" | "it"));
                // "Donald Trump's claim that there have been “…”", "his
                // assertion that …": the claim's owner.
                let q = (s.first..s.end).take_while(|&k| p.tokens[k].end <= f.start).last();
                let owner = q.and_then(|q| {
                    let c = (s.first + 1..=q).rev().find(|&k| is_claim_noun(&lw(&p.tokens[k])))?;
                    let prev = p.tokens[c - 1];
                    if matches!(&*lw(&prev), "his" | "her" | "their" | "its") {
                        return Some((prev.start, prev.end));
                    }
                    if !matches!(prev.text(text), "'s" | "’s") {
                        return None;
                    }
                    let before = prev.start;
                    mentions[lo..hi].iter().find(|m| m.end == before).map(|m| (m.start, m.end))
                });
                if let Some(o) = owner {
                    f.speaker = Some(o);
                } else if let Some(o) = clause_subject(text, p.tokens, s, f.start, mentions, &inside_quote) {
                    f.speaker = Some(o);
                } else if let Some(t) = pronoun {
                    f.speaker = Some((t.start, t.end));
                } else if let Some(m) = named {
                    f.speaker = Some((m.start, m.end));
                }
            }
        }
        if f.speaker.is_none() {
            // A quote continuing the previous speaker's: a direct one in this
            // paragraph or the one before, a partial one in this paragraph.
            if let Some((lp, q)) = &last_attributed {
                let reach = if f.kind == QuoteKind::Direct { *lp + 1 >= pi } else { *lp == pi };
                if reach {
                    f.speaker = q.speaker;
                    f.speaker_entity = q.speaker_entity;
                    // The latest mention of that person before this quote
                    // stands for them ("Clinton restricted … . “If any …”").
                    if let (Some(sp), Some(ent)) = (q.speaker, q.speaker_entity) {
                        let name = &text[mentions[ent].start..mentions[ent].end];
                        let surname = name.rsplit(' ').next().unwrap_or(name);
                        let hi = mentions.partition_point(|m| m.start < f.start);
                        let latest = mentions[..hi].iter().rev().take_while(|m| m.start >= sp.1).find(|m| {
                            m.label == EntityLabel::Per
                                && m.end <= f.start
                                && !inside_quote(m.start)
                                && matches!(&text[m.start..m.end], t if t == name || t == surname)
                        });
                        if let Some(m) = latest {
                            f.speaker = Some((m.start, m.end));
                        }
                    }
                }
            }
        }
        if let Some(sp) = f.speaker {
            let (entity, description) =
                resolve_in_context(text, sp, (f.start, f.end), mentions, &people, &inside_quote);
            f.speaker_entity = entity;
            f.speaker_description = description;
            last_attributed = Some((pi, f.clone()));
        }
    }
}
