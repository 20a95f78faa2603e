//! The speaker ranker: for each quote, the people and bodies named, pointed
//! to ("he") or described ("the retired neurosurgeon") in the sentences
//! around it are candidates, and a trained model scores each from named
//! features, the cascade's choice among them ([`CONTEXT_RULES`] and the
//! sentence rules, each a feature of its own). The best candidate is the
//! speaker when it scores above the cascade's.
//!
//! The model (`models/speakers.bin`, `cargo xtask train-speakers`) is a
//! hashed logistic regression in the block model's record format, fitted on
//! PolNeAR train: each feature's weight is the log-odds it adds to "this
//! candidate is the speaker" (stored as class 1; classes 0 and 2 are zero).

use std::cell::RefCell;
use std::collections::HashMap;

use super::by_context::Context;
use super::*;
use crate::segment::blockmodel::{hash_parts, BlockModel, ModelSlot};
use crate::text::tokens::Sentence;

const MODEL_BIN: &[u8] = include_bytes!("../../models/speakers.bin");

/// A quote left without a speaker by the cascade gets the best candidate
/// when it scores at least this.
pub const ASSIGN_MIN: f32 = 0.5;

/// Candidates are looked for this many sentences before and after the
/// quote's own, in its paragraph and the ones beside it...
const SENTENCES_AROUND: usize = 1;

/// ... and no further than this many tokens from the quote.
const WINDOW: usize = 60;

/// A verb of speech this many tokens after a candidate, in its sentence,
/// may have it as its subject.
const CUE_LATER: usize = 12;

/// One candidate speaker of one quote.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerCandidate {
    pub start: usize,
    pub end: usize,
    /// The cascade chose it.
    pub cascade: bool,
    pub names: Vec<String>,
    pub feats: Vec<u64>,
    /// P(the speaker), once scored.
    pub score: f32,
}

/// A quote and its candidates (for the trainer).
#[derive(Debug, Clone, PartialEq)]
pub struct RankedQuote {
    pub start: usize,
    pub end: usize,
    pub direct: bool,
    pub candidates: Vec<SpeakerCandidate>,
}

thread_local! {
    static SWAPPED: RefCell<Option<std::rc::Rc<BlockModel>>> = const { RefCell::new(None) };
    static SEEN: RefCell<Option<Vec<RankedQuote>>> = const { RefCell::new(None) };
}

static SLOT: ModelSlot<RankedQuote> = ModelSlot::new(MODEL_BIN, &SWAPPED, &SEEN);

/// Analyse with another speaker model on this thread (an empty one: the
/// cascade alone), for fitting and scoring on articles a model was not fitted on.
pub fn with_model<R>(model: BlockModel, f: impl FnOnce() -> R) -> R {
    SLOT.with_model(model, f)
}

/// Run `f` and return the quotes the analyses inside it ranked, with
/// their candidates' features (for the trainer).
pub fn capture<R>(f: impl FnOnce() -> R) -> (R, Vec<RankedQuote>) {
    SLOT.capture(f)
}

/// How a candidate stands to its quote.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rel {
    Same,
    Prev,
    Next,
    PrevPara,
    NextPara,
    Far,
}

impl Rel {
    fn name(self) -> &'static str {
        match self {
            Rel::Same => "same",
            Rel::Prev => "prev",
            Rel::Next => "next",
            Rel::PrevPara => "prev_para",
            Rel::NextPara => "next_para",
            Rel::Far => "far",
        }
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=16 => "9-16",
        _ => "17+",
    }
}

/// The article-wide counts features read: how often each surname (the last
/// word of a person's name, lowercase) is named.
pub(crate) struct Counts(HashMap<String, usize>);

impl Counts {
    pub(crate) fn new(text: &str, mentions: &[Mention]) -> Self {
        let mut m = HashMap::new();
        for x in mentions.iter().filter(|m| m.label == EntityLabel::Per) {
            if let Some(w) = text[x.start..x.end].split_whitespace().last() {
                *m.entry(w.to_lowercase()).or_insert(0) += 1;
            }
        }
        Counts(m)
    }
}

/// Where a candidate phrase stands in its paragraph.
struct Spot<'p> {
    p: &'p ParaView<'p>,
    /// Its first and one-past-last token.
    k: usize,
    e: usize,
    sentence: Sentence,
    rel: Rel,
}

impl Spot<'_> {
    /// The phrase's bytes.
    fn span(&self) -> ByteRange {
        (self.p.tokens[self.k].start, self.p.tokens[self.e - 1].end)
    }
}

/// The mention that starts at byte `start`, if one does.
fn mention_at(mentions: &[Mention], start: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| m.start < start);
    mentions.get(i).filter(|m| m.start == start)
}

/// The candidate phrases of the sentences `sents` of paragraph `p`, within
/// tokens `lo..hi` of it (a window around the quote, so a sentence of
/// thousands of words with many quotes stays linear).
fn phrases_in<'p>(
    cx: &Context<'_>,
    p: &'p ParaView<'p>,
    sents: &[(Sentence, Rel)],
    (lo, hi): (usize, usize),
    out: &mut Vec<Spot<'p>>,
) {
    let (text, toks) = (cx.text, p.tokens);
    for &(s, rel) in sents {
        let mut k = s.first.max(lo);
        while k < s.end.min(hi) {
            let t = toks[k];
            // (Not a verb of speech opening a capitalised run: "Said Ada
            // Quill" is Ada Quill, found from the next word.)
            let capital_cue = || toks.upper(k) && lexicon::is_cue_verb(toks.lower(k));
            if t.kind != TokenKind::Word || cx.inside_quote(t.start) || capital_cue() {
                k += 1;
                continue;
            }
            let named = || mention_at(cx.mentions, t.start).is_some();
            match speaker_phrase(text, toks, k, cx.mentions).and_then(|sp| head_of(toks, k, sp, named())) {
                Some(sp) => {
                    let e = toks.partition_point(|t| t.start < sp.1).max(k + 1);
                    let i = cx.mentions.partition_point(|m| m.start < sp.0);
                    let named = named();
                    // (Not a lone function word: "this", "one".)
                    let keep = named
                        || lexicon::is_speaker_pronoun(toks.lower(k))
                        || !lexicon::is_function_word(toks.lower(k))
                        || sp.1 > t.end;
                    if keep {
                        out.push(Spot { p, k, e, sentence: s, rel });
                    }
                    // A name inside the phrase is a candidate of its own
                    // ("Councillor Ena Hart": Ena Hart).
                    let inner = cx.mentions.get(i..).and_then(|ms| ms.iter().find(|m| m.start > sp.0));
                    k = match inner.filter(|m| m.start < sp.1) {
                        Some(m) => toks.partition_point(|t| t.start < m.start),
                        None => e,
                    };
                }
                None => k += 1,
            }
        }
    }
}

/// A description as a candidate ends at its first noun for people, a body
/// or a document ("the council did not name …" is "the council"); one
/// without such a noun is none. Names, pronouns and capitalised runs stay.
fn head_of(toks: &Words, k: usize, sp: ByteRange, named: bool) -> Option<ByteRange> {
    let lower = toks.lower(k);
    if named || lexicon::is_speaker_pronoun(lower) || !matches!(lower, "a" | "an" | "the" | "this" | "one" | "another")
    {
        return Some(sp);
    }
    let e = toks.partition_point(|t| t.start < sp.1);
    (k + 1..e)
        .find(|&j| {
            let w = toks.lower(j);
            lexicon::is_person_noun(w) || is_group_noun(w) || is_source_noun(w) || lexicon::people_nouns(w)
        })
        .map(|j| (sp.0, toks[j].end))
}

/// The spot of a phrase over bytes `sp` (for the cascade's choice, which may
/// lie beyond the sentences looked at).
fn spot_at<'p>(cx: &'p Context<'p>, sp: ByteRange, rel: Rel) -> Option<Spot<'p>> {
    let pi = cx.paras.partition_point(|p| p.range.1 <= sp.0);
    let p = cx.paras.get(pi)?;
    let k = p.tokens.partition_point(|t| t.start < sp.0);
    let e = p.tokens.partition_point(|t| t.start < sp.1).max(k + 1);
    let sentence = *p.sentence_at(sp.0)?;
    (k < p.tokens.len()).then_some(Spot { p, k, e, sentence, rel })
}

/// The coarse kind of a candidate phrase, and its finer name (in two parts).
fn kind_of<'a>(cx: &Context<'_>, s: &Spot<'a>) -> (&'static str, [&'a str; 2]) {
    let (text, toks) = (cx.text, s.p.tokens);
    let lower = toks.lower(s.k);
    if s.e == s.k + 1 && lexicon::is_speaker_pronoun(lower) {
        return ("pron", ["pron=", lower]);
    }
    if let Some(m) = mention_at(cx.mentions, toks[s.k].start) {
        let label = match m.label {
            EntityLabel::Per => "per",
            EntityLabel::Org => "org",
            EntityLabel::Loc => "loc",
            EntityLabel::Misc => "misc",
        };
        return ("name", ["name=", label]);
    }
    match lower {
        "a" | "an" => ("desc", ["desc=", "indefinite"]),
        "the" | "this" => ("desc", ["desc=", "definite"]),
        "one" | "another" => ("desc", ["desc=", "other"]),
        _ if toks[s.k].text(text).starts_with(char::is_uppercase) => ("caps", ["caps", ""]),
        _ => ("desc", ["desc=", "bare"]),
    }
}

/// A neighbouring word as a feature value: closed-class words, cues and
/// marks as themselves, other words by their case.
fn word_class<'a>(text: &str, toks: &'a Words, k: Option<usize>) -> &'a str {
    let Some(k) = k.filter(|&k| k < toks.len()) else { return "none" };
    let lower = toks.lower(k);
    let t = toks[k];
    if t.kind == TokenKind::Punct
        || lexicon::is_function_word(lower)
        || lexicon::is_cue_verb(lower)
        || is_reporting_verb(lower)
    {
        return lower;
    }
    if t.text(text).starts_with(char::is_uppercase) {
        "Cap"
    } else {
        "word"
    }
}

/// The last word of a phrase, lowercase (a surname, a pronoun, a head noun).
fn last_word(text: &str, sp: ByteRange) -> String {
    text[sp.0..sp.1].split_whitespace().last().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// What is known of the quote and its neighbours when its candidates are featured.
struct QuoteView<'f> {
    f: &'f Found,
    pi: usize,
    /// The cascade's speaker of the quote before (its last word).
    prev_speaker: Option<String>,
    /// The last word of the cascade's speaker of this quote.
    cascade_last: Option<String>,
    /// The quote's first and one-past-last token in its paragraph.
    qs: usize,
    qe: usize,
    /// "X said:" before the quote (in its paragraph or at the end of the one before).
    after_colon: bool,
    /// The quote opens, or ends, its paragraph.
    opens: bool,
    ends: bool,
}

impl<'f> QuoteView<'f> {
    fn new(
        cx: &Context<'_>,
        f: &'f Found,
        pi: usize,
        prev_speaker: Option<String>,
        cascade_last: Option<String>,
    ) -> Self {
        let (text, p) = (cx.text, &cx.paras[pi]);
        QuoteView {
            f,
            pi,
            prev_speaker,
            cascade_last,
            qs: p.tokens.partition_point(|t| t.start < f.start),
            qe: p.tokens.partition_point(|t| t.start < f.end),
            after_colon: text[..f.start].trim_end().ends_with(':'),
            opens: text[p.range.0..f.start].trim().is_empty(),
            ends: text[f.end.min(p.range.1)..p.range.1].trim().is_empty(),
        }
    }
}

/// The named features of one candidate. `order`: its place among the
/// candidates on its side of the quote, nearest first.
fn features(cx: &Context<'_>, q: &QuoteView<'_>, s: &Spot<'_>, order: usize, counts: &Counts, out: &mut Feats) {
    let (text, toks, f) = (cx.text, s.p.tokens, q.f);
    let sp = s.span();
    let (class, kind) = kind_of(cx, s);
    let side = if sp.1 <= f.start { "before" } else { "after" };
    let rel = s.rel.name();
    let quote = if f.kind == QuoteKind::Direct { "direct" } else { "partial" };
    out.add(&["bias"]);
    out.add(&["class=", class]);
    out.add(&kind);
    out.add(&["rel=", rel]);
    out.add(&["side=", side]);
    out.add(&["rel_side=", rel, "_", side]);
    out.add(&["class_side=", class, "_", side]);
    out.add(&["quote_side=", quote, "_", side]);
    out.add(&["order=", side, "_", bucket(order.min(3))]);
    out.add(&["order_class=", side, "_", class, "_", bucket(order.min(3))]);
    // Distance in tokens, when the candidate shares the quote's paragraph.
    if std::ptr::eq(s.p, &cx.paras[q.pi]) {
        let d = if side == "before" { q.qs.saturating_sub(s.e) } else { s.k.saturating_sub(q.qe) };
        out.add(&["dist=", side, "_", bucket(d)]);
        out.add(&["dist_class=", side, "_", class, "_", bucket(d)]);
    }
    if class == "desc" {
        let head = toks.lower(s.e - 1);
        out.add(&["head_person=", if lexicon::is_person_noun(head) { "true" } else { "false" }]);
        out.add(&["head=", head]);
    }
    let cue_after = cue_after_speaker(text, toks, s.e).is_some();
    let cue_before = s.k >= 1 && lexicon::is_cue_verb(toks.lower(s.k - 1))
        || s.k >= 2 && lexicon::is_cue_verb(toks.lower(s.k - 2)) && toks.lower(s.k - 1).ends_with("ly");
    if cue_after {
        out.add(&["cue_after"]);
        out.add(&["cue_after=", class, "_", side]);
    }
    if cue_before {
        out.add(&["cue_before"]);
        out.add(&["cue_before=", class, "_", side]);
    }
    let reporting_after = (s.e..(s.e + 4).min(s.sentence.end)).any(|j| is_reporting_verb(toks.lower(j)));
    if reporting_after && !cue_after {
        out.add(&["reporting_after=", class]);
    }
    // A speech verb later in its sentence, outside quotes: it may be that verb's subject.
    let cue_later = (s.e..s.sentence.end.min(s.e + CUE_LATER)).any(|j| {
        !cx.inside_quote(toks[j].start) && (lexicon::is_cue_verb(toks.lower(j)) || is_reporting_verb(toks.lower(j)))
    });
    if cue_later {
        out.add(&["cue_later_in_sentence=", class, "_", side]);
    }
    let opens_sentence = s.k - s.sentence.first <= 3
        && (s.sentence.first..s.k)
            .all(|j| toks[j].kind == TokenKind::Punct || lexicon::is_function_word(toks.lower(j)));
    if opens_sentence {
        out.add(&["opens_sentence=", class, "_", side]);
    }
    out.add(&["prev_word=", word_class(text, toks, s.k.checked_sub(1))]);
    out.add(&["next_word=", word_class(text, toks, Some(s.e))]);
    if q.after_colon {
        out.add(&["colon_before_quote=", rel, "_", side, "_", class]);
    }
    if q.opens {
        out.add(&["quote_opens_paragraph=", side]);
    }
    if q.ends {
        out.add(&["quote_ends_paragraph=", side]);
    }
    let last = toks.lower(s.e - 1);
    if class == "name" {
        let n = counts.0.get(last).copied().unwrap_or(0);
        out.add(&["named_times=", bucket(n)]);
    }
    if q.prev_speaker.as_deref() == Some(last) {
        out.add(&["previous_quote_speaker=", class]);
    }
    match f.speaker {
        Some(c) if c == sp => {
            out.add(&["cascade"]);
            for ev in &f.evidence {
                out.add(&["cascade=", ev]);
            }
        }
        Some(c) if c.0 < sp.1 && sp.0 < c.1 => out.add(&["cascade_overlaps"]),
        Some(_) if q.cascade_last.as_deref() == Some(last) => out.add(&["cascade_same_name"]),
        Some(_) => {}
        None => out.add(&["cascade_none=", rel, "_", side]),
    }
}

/// A candidate's features as they are made: hashed, with their names kept
/// only when asked for (the trainer, `explain`).
struct Feats {
    keep: bool,
    names: Vec<String>,
    hashes: Vec<u64>,
}

impl Feats {
    /// The feature named by `parts` run together.
    fn add(&mut self, parts: &[&str]) {
        self.hashes.push(hash_parts(parts));
        if self.keep {
            self.names.push(parts.concat());
        }
    }
}

/// The candidates of quote `q`: phrases in its sentences, the sentence
/// before and after, the last sentence of the paragraph before and the
/// first of the one after; and the cascade's choice wherever it is.
fn candidates(cx: &Context<'_>, q: &QuoteView<'_>, counts: &Counts, keep: bool) -> Vec<SpeakerCandidate> {
    let f = q.f;
    let p = &cx.paras[q.pi];
    let mut spots: Vec<Spot<'_>> = Vec::new();
    if let (Some(a), Some(b)) = (p.sentence_index(f.start), p.sentence_index(f.end.saturating_sub(1).max(f.start))) {
        let lo = a.saturating_sub(SENTENCES_AROUND);
        let hi = (b + SENTENCES_AROUND).min(p.sentences.len() - 1);
        let sents: Vec<(Sentence, Rel)> = (lo..=hi)
            .map(|i| {
                (
                    p.sentences[i],
                    if i < a {
                        Rel::Prev
                    } else if i > b {
                        Rel::Next
                    } else {
                        Rel::Same
                    },
                )
            })
            .collect();
        phrases_in(cx, p, &sents, (q.qs.saturating_sub(WINDOW), q.qe + WINDOW), &mut spots);
        if a == 0 {
            if let Some(before) = q.pi.checked_sub(1).map(|i| &cx.paras[i]) {
                if let Some(&s) = before.sentences.last() {
                    let n = before.tokens.len();
                    phrases_in(cx, before, &[(s, Rel::PrevPara)], (n.saturating_sub(WINDOW), n), &mut spots);
                }
            }
        }
        if b + 1 == p.sentences.len() {
            if let Some(after) = cx.paras.get(q.pi + 1) {
                if let Some(&s) = after.sentences.first() {
                    phrases_in(cx, after, &[(s, Rel::NextPara)], (0, WINDOW), &mut spots);
                }
            }
        }
    }
    if let Some(c) = f.speaker {
        if !spots.iter().any(|s| s.span() == c) {
            // (Its own span, even where a longer phrase starts there.)
            if let Some(s) = spot_at(cx, c, Rel::Far).filter(|s| s.span() == c) {
                spots.push(s);
            }
        }
    }
    // Each candidate's place on its side of the quote, nearest first.
    let mut before: Vec<usize> = (0..spots.len()).filter(|&i| spots[i].span().1 <= f.start).collect();
    let mut after: Vec<usize> = (0..spots.len()).filter(|&i| spots[i].span().0 >= f.end).collect();
    before.sort_by_key(|&i| std::cmp::Reverse(spots[i].span().1));
    after.sort_by_key(|&i| spots[i].span().0);
    let mut order = vec![usize::MAX; spots.len()];
    for (n, &i) in before.iter().chain(after.iter()).enumerate() {
        order[i] = if n < before.len() { n } else { n - before.len() };
    }
    spots
        .iter()
        .zip(order)
        .filter(|(_, o)| *o != usize::MAX)
        .map(|(s, o)| {
            let mut fs = Feats { keep, names: Vec::new(), hashes: Vec::with_capacity(32) };
            features(cx, q, s, o, counts, &mut fs);
            let (names, feats) = (fs.names, fs.hashes);
            let (start, end) = s.span();
            SpeakerCandidate { start, end, cascade: f.speaker == Some((start, end)), names, feats, score: 0.0 }
        })
        .collect()
}

/// The features that raised a candidate's score most, by name and weight.
fn evidence(model: &BlockModel, c: &SpeakerCandidate) -> Vec<String> {
    let mut parts: Vec<(f32, &str)> = c
        .names
        .iter()
        .zip(&c.feats)
        .map(|(n, h)| {
            let p = model.probs(std::slice::from_ref(h));
            ((p[1] / p[0].max(1e-6)).ln(), n.as_str())
        })
        .filter(|(w, _)| *w > 0.05)
        .collect();
    parts.sort_by(|a, b| b.0.total_cmp(&a.0));
    // (Tenths as integers: float formatting would add 15 KB to the wasm.)
    parts
        .into_iter()
        .take(4)
        .map(|(w, n)| {
            let tenths = (w * 10.0).round() as i64;
            format!("model: {n} (+{}.{})", tenths / 10, tenths % 10)
        })
        .collect()
}

/// Rank every quote's candidates and take the best where it beats the
/// cascade (or where the cascade found none and it is likely enough).
/// Returns the indexes of the quotes whose speaker changed.
pub(crate) fn rank(cx: &Context<'_>, found: &mut [Found], explain: bool) -> Vec<usize> {
    let capturing = SLOT.capturing();
    let mut changed = Vec::new();
    SLOT.using(|model| {
        if model.is_none() && !capturing {
            return;
        }
        let counts = Counts::new(cx.text, cx.mentions);
        let mut prev_speaker: Option<String> = None;
        for (i, f) in found.iter_mut().enumerate() {
            let cascade_speaker = f.speaker.map(|s| last_word(cx.text, s));
            let pi = cx.paras.partition_point(|p| p.range.1 <= f.start);
            if pi < cx.paras.len() && (f.speaker.is_some() || f.kind == QuoteKind::Direct) {
                let q = QuoteView::new(cx, f, pi, prev_speaker.take(), cascade_speaker.clone());
                let mut cands = candidates(cx, &q, &counts, capturing || explain);
                if let Some(m) = model {
                    for c in &mut cands {
                        let p = m.probs(&c.feats);
                        c.score = p[1] / (p[0] + p[1]);
                    }
                    let best = cands.iter().enumerate().max_by(|a, b| a.1.score.total_cmp(&b.1.score)).map(|(k, _)| k);
                    if let Some(b) = best {
                        let cascade = cands.iter().find(|c| c.cascade).map(|c| (c.score, (c.start, c.end)));
                        // (Another phrase over the same words is the same
                        // person: the cascade's span stays.)
                        let (bs, be) = (cands[b].start, cands[b].end);
                        let take = match cascade {
                            Some((s, c)) => cands[b].score > s && !(bs < c.1 && c.0 < be),
                            None => f.speaker.is_none() && cands[b].score >= ASSIGN_MIN,
                        };
                        if take {
                            f.speaker = Some((cands[b].start, cands[b].end));
                            f.cue = None;
                            f.evidence.clear();
                            changed.push(i);
                        }
                        let shown = cands.iter().find(|c| f.speaker == Some((c.start, c.end)));
                        if let Some(c) = shown.filter(|_| explain) {
                            f.evidence.extend(evidence(m, c).into_iter().map(Into::into));
                        }
                    }
                }
                if capturing {
                    let q = RankedQuote {
                        start: f.start,
                        end: f.end,
                        direct: f.kind == QuoteKind::Direct,
                        candidates: cands,
                    };
                    SLOT.record(|| vec![q]);
                }
            }
            prev_speaker = cascade_speaker;
        }
    });
    changed
}
