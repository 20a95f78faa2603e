//! Context rule `reporting_verb_in_sentence`: the subject of the reporting
//! verb nearest the quote in its sentence, moved out to the outer speaker
//! when it reports inside another's reported speech.

use super::*;
use crate::text::tokens::Sentence;

/// The quote's sentence: its reporting verb nearest the quote; for a quote
/// of several sentences, else the one it closes ("“… . They don't have a
/// choice” but to lead, says Evan Tracey").
pub(crate) fn reporting_verb_in_sentence(cx: &Context<'_>, pi: usize, f: &mut Found) {
    let p = &cx.paras[pi];
    let opening = p.sentence_at(f.start);
    let closing = p.sentence_at(f.end.saturating_sub(1)).filter(|c| Some(*c) != opening);
    for s in [opening, closing].into_iter().flatten() {
        if f.speaker.is_some() {
            break;
        }
        if let Some((_, sp, cue)) = nearest_verb(cx, p, s, f) {
            let (sp, cue) = outermost(cx, p, s, sp, cue);
            f.speaker = Some(cx.outer_subject(p, sp).unwrap_or(sp));
            f.cue = Some(cue);
        }
    }
}

/// The reporting verb of sentence `s` nearest the quote that has a speaker:
/// (distance to the quote, speaker, cue). Reported speech puts its verb
/// before the quote: verbs after it count only when none stands before.
fn nearest_verb(cx: &Context<'_>, p: &ParaView<'_>, s: &Sentence, f: &Found) -> Option<(usize, ByteRange, ByteRange)> {
    let (text, mentions) = (cx.text, cx.mentions);
    let mut best: Option<(usize, ByteRange, ByteRange)> = None;
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
        if p.tokens.lower(k) == "according"
            && k + 2 < s.end
            && p.tokens.lower(k + 1) == "to"
            && !cx.inside_quote(t.start)
        {
            // (… according to talk radio host Rush Limbaugh.)
            if let Some(sp) = speaker_phrase(text, p.tokens, k + 2, mentions)
                .or_else(|| described_person_after(p.tokens, k + 2, mentions))
            {
                consider(t, sp, (t.start, p.tokens[k + 1].end));
            }
            continue;
        }
        // "…," as a Homeland Security memo put it.
        let put_it = matches!(p.tokens.lower(k), "put" | "puts") && k + 1 < s.end && p.tokens.lower(k + 1) == "it";
        if cx.inside_quote(t.start) || !(put_it || is_reporting_verb(p.tokens.lower(k))) || name_part(text, p.tokens, k)
        {
            continue;
        }
        if let Some(sp) = verb_speaker(cx, p, s, f, k) {
            consider(t, sp, (t.start, t.end));
        }
    }
    best
}

/// The speaker of the reporting verb at token `k`: a participle's sentence
/// subject, else the subject before the verb, else a name after a cue that
/// follows the quote and a comma.
fn verb_speaker(cx: &Context<'_>, p: &ParaView<'_>, s: &Sentence, f: &Found, k: usize) -> Option<ByteRange> {
    let (text, mentions, t) = (cx.text, cx.mentions, p.tokens[k]);
    let e = subject_end(text, p.tokens, s.first, k);
    // "He then defended the remark, saying, “…”": a participle
    // after a comma has the sentence's subject for speaker.
    // ("“…,” Sanders said, suggesting …, “…”": else the subject
    // of the verb of saying before the comma.)
    let participle = || {
        let after_comma = k > s.first && p.tokens.lower(k).ends_with("ing") && p.tokens[k - 1].text(text) == ",";
        let said_before = || {
            let v = k.checked_sub(2).filter(|&v| v >= s.first)?;
            let w = p.tokens.lower(v);
            (lexicon::is_cue_verb(w) && !w.ends_with("ing") && !cx.inside_quote(p.tokens[v].start))
                .then(|| speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), mentions))
                .flatten()
        };
        after_comma
            .then(|| sentence_subject(p.tokens, s, mentions).or_else(said_before))
            .flatten()
            .filter(|o| !cx.inside_quote(o.0))
    };
    // "32% of Republican claims": after "of", a noun, not a speaker and verb.
    // ("footage of Trump saying …" is a speaker.)
    let after_of = |sp: &(usize, usize)| {
        let b = p.tokens.partition_point(|t| t.start < sp.0);
        b > 0 && p.tokens.lower(b - 1) == "of" && !p.tokens.lower(k).ends_with("ing")
    };
    let before = || {
        speaker_before(text, p.tokens, e, mentions)
            .filter(|sp| sp.0 >= p.tokens[s.first].start && !after_of(sp) && !cx.inside_quote(sp.0))
            .map(|sp| issuer(cx, p, s, sp))
    };
    // ("it attacked Trump, saying he …": the participle's subject
    // comes before a name set off by the comma.)
    // "“…” in the 2008 primary, said professor Paul Beck": the
    // speaker after a cue that follows the quote and a comma.
    let inverted = || {
        (t.start >= f.end && k > s.first && p.tokens[k - 1].text(text) == ",")
            .then(|| {
                speaker_phrase(text, p.tokens, k + 1, mentions)
                    .or_else(|| described_person_after(p.tokens, k + 1, mentions))
            })
            .flatten()
            .filter(|sp| !lexicon::is_speaker_pronoun(&crate::text::tokens::lower(&text[sp.0..sp.1])))
    };
    participle().or_else(before).or_else(inverted)
}

/// "The council issued a statement calling it “…”": a document that is a
/// verb's object speaks for that verb's subject; else `sp` itself.
fn issuer(cx: &Context<'_>, p: &ParaView<'_>, s: &Sentence, sp: ByteRange) -> ByteRange {
    let text = cx.text;
    let lower = text[sp.0..sp.1].to_lowercase();
    let document =
        (lower.starts_with("a ") || lower.starts_with("an ")) && !lexicon::is_person_noun(description_head(&lower));
    let d = p.tokens.partition_point(|t| t.start < sp.0);
    // ("sent out a press release saying …": past a particle.)
    let particle = d > s.first + 2 && matches!(p.tokens.lower(d - 1), "out" | "up");
    let verb = (document && d > s.first + 1).then(|| if particle { d - 2 } else { d - 1 }).filter(|&v| {
        let w = p.tokens[v].text(text);
        p.tokens[v].kind == TokenKind::Word
            && w.starts_with(char::is_lowercase)
            && !lexicon::is_function_word(p.tokens.lower(v))
    });
    verb.and_then(|v| speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), cx.mentions))
        .filter(|o| o.0 >= p.tokens[s.first].start && !cx.inside_quote(o.0))
        .unwrap_or(sp)
}

/// "Lynch said she recalled …", "Police say they have …": a speaker
/// reporting inside another's reported speech gives the quote to the outer
/// speaker, up to three levels out.
fn outermost(
    cx: &Context<'_>,
    p: &ParaView<'_>,
    s: &Sentence,
    sp: ByteRange,
    cue: ByteRange,
) -> (ByteRange, ByteRange) {
    let (mut sp, mut cue) = (sp, cue);
    for _ in 0..3 {
        if let Some((o, v)) = that_clause_reporter(cx, p, s, sp) {
            sp = o;
            cue = (p.tokens[v].start, p.tokens[v].end);
            continue;
        }
        match pronoun_reporter(cx, p, s, sp) {
            Some((outer, verb)) => {
                sp = outer;
                cue = (p.tokens[verb].start, p.tokens[verb].end);
            }
            None => break,
        }
    }
    (sp, cue)
}

/// "Trump said at a rally that Clinton once described it as “…”": the
/// speaker and cue verb of the clause that `sp`'s "that" clause reports.
fn that_clause_reporter(cx: &Context<'_>, p: &ParaView<'_>, s: &Sentence, sp: ByteRange) -> Option<(ByteRange, usize)> {
    let text = cx.text;
    let that = (s.first + 1..s.end)
        .find(|&j| p.tokens[j].start == sp.0)
        .filter(|&j| p.tokens.lower(j - 1) == "that")
        .map(|j| j - 1);
    let outer_verb = that.and_then(|t| {
        (t.saturating_sub(10).max(s.first)..t)
            .rev()
            .take_while(|&k| !matches!(p.tokens[k].text(text), "," | ";" | ":") && !cx.inside_quote(p.tokens[k].start))
            .find(|&k| lexicon::is_cue_verb(p.tokens.lower(k)) && !name_part(text, p.tokens, k))
    });
    outer_verb.and_then(|v| {
        speaker_before(text, p.tokens, subject_end(text, p.tokens, s.first, v), cx.mentions)
            .filter(|o| o.0 >= p.tokens[s.first].start && !cx.inside_quote(o.0))
            .map(|o| (o, v))
    })
}

/// A pronoun speaker after a reporting verb ("Ban Ki-moon condemned what he
/// called …": any verb before "what"; else a reporting verb before
/// "(that)"): that verb's speaker and the verb's token.
fn pronoun_reporter(cx: &Context<'_>, p: &ParaView<'_>, s: &Sentence, sp: ByteRange) -> Option<(ByteRange, usize)> {
    let text = cx.text;
    let j = (s.first..s.end).find(|&j| p.tokens[j].start == sp.0 && p.tokens[j].end == sp.1)?;
    if !matches!(p.tokens.lower(j), "he" | "she" | "they" | "it" | "we") {
        return None;
    }
    let what = j > s.first + 1 && p.tokens.lower(j - 1) == "what";
    let mut v = j;
    if v > s.first && matches!(p.tokens.lower(v - 1), "that" | "what") {
        v -= 1;
    }
    let lower_word = |k: usize| p.tokens[k].kind == TokenKind::Word && p.tokens.starts_lower(k);
    if v == s.first
        || !(is_reporting_verb(p.tokens.lower(v - 1)) || what && lower_word(v - 1))
        || name_part(text, p.tokens, v - 1)
        || cx.inside_quote(p.tokens[v - 1].start)
        || crate::text::lexicon::is_function_word(p.tokens.lower(v - 1))
    {
        return None;
    }
    let verb = v - 1;
    let e = subject_end(text, p.tokens, s.first, verb);
    let outer = speaker_before(text, p.tokens, e, cx.mentions).filter(|o| o.0 >= p.tokens[s.first].start)?;
    Some((outer, verb))
}
