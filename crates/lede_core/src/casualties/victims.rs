//! Pass `victims` (per article, after the sentence passes): the people a
//! story tells of one at a time ("a 28-year-old man", "Ana Ruiz", "the
//! victim", "he"), what happened to each, and each victim counted once.
//!
//! Every such mention is a candidate. A trained classifier (`models/victims.bin`,
//! `cargo xtask train-victims`, fitted on GVDB dev's fitting half) reads the
//! words around it and the sentence rules' findings as named features and
//! gives it a probability of telling of a person killed, wounded, or neither
//! (a suspect, a witness, a spokesman). Mentions of one person (a name and its
//! surname, an age) are one victim; mentions with nothing to tell them apart
//! ("the victim", "he") join a victim already known, or are one victim.

use super::*;
use crate::pipeline::ParaTokens;
use crate::segment::blockmodel::{hash, hash_parts, BlockModel, ModelSlot};
use std::cell::RefCell;

/// Classes of the model, in the order of its weights.
pub const KILLED: usize = 0;
pub const WOUNDED: usize = 1;
pub const NEITHER: usize = 2;

/// The committed model: the same record format as the block model (a
/// hashed multinomial logistic regression over three classes).
const MODEL_BIN: &[u8] = include_bytes!("../../models/victims.bin");

/// A person's class when its probability reaches this (wounded: killed
/// and wounded together), chosen by two folds inside GVDB dev's fitting half.
pub const KILLED_MIN: f32 = 0.6;
pub const WOUNDED_MIN: f32 = 0.8;
/// A sentence rule's single victim is not counted when the classifier gives
/// its person at least this for neither.
pub const REFUTE_MIN: f32 = 0.7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Name,
    Description,
    Pronoun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// One mention of a person who may be a victim.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Bytes of the mention.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Who it is, when the text tells: "n:<surname>" or "a:<age>".
    pub key: Option<String>,
    /// A name's first word (lowercase), when it has more than one.
    pub first: Option<String>,
    /// An age given beside a name ("Ana Ruiz, 13," or "13-year-old Ana Ruiz").
    pub age: Option<String>,
    pub gender: Gender,
    pub feats: Vec<u64>,
    /// Killed, wounded, neither.
    pub probs: [f32; 3],
    /// Its sentence tells of harm (a death, a wound, a shooting); after
    /// classification, whether a sentence of one of its person's mentions
    /// does: without that, no mention of a person makes a victim.
    pub harm: bool,
}

impl Candidate {
    /// A mention over bytes `start..end`, not yet keyed, featured or classified.
    fn new((start, end): (usize, usize), kind: Kind, gender: Gender) -> Self {
        Candidate {
            start,
            end,
            kind,
            key: None,
            first: None,
            age: None,
            gender,
            feats: Vec::new(),
            probs: [0.0, 0.0, 1.0],
            harm: false,
        }
    }
}

thread_local! {
    static SWAPPED: RefCell<Option<std::rc::Rc<BlockModel>>> = const { RefCell::new(None) };
    static SEEN: RefCell<Option<Vec<Candidate>>> = const { RefCell::new(None) };
}

static SLOT: ModelSlot<Candidate> = ModelSlot::new(MODEL_BIN, &SWAPPED, &SEEN);

/// Analyse with another victim model on this thread (for fitting and
/// scoring a model on articles it was not fitted on).
pub fn with_model<R>(model: BlockModel, f: impl FnOnce() -> R) -> R {
    SLOT.with_model(model, f)
}

/// Analyse with no victim model on this thread (the sentence rules alone).
pub fn without_model<R>(f: impl FnOnce() -> R) -> R {
    with_model(BlockModel::from_bytes(&[]).unwrap_or_else(|_| unreachable!()), f)
}

/// Run `f` and return the candidates the analyses inside it saw, with
/// their features (for the trainer).
pub fn capture<R>(f: impl FnOnce() -> R) -> (R, Vec<Candidate>) {
    SLOT.capture(f)
}

fn probs(feats: &[u64]) -> Option<[f32; 3]> {
    SLOT.using(|m| m.map(|m| m.probs(feats)))
}

fn gender_of(w: &str) -> Gender {
    match w {
        "man" | "boy" | "male" | "he" | "him" | "husband" | "father" | "son" | "brother" | "boyfriend" | "uncle"
        | "grandfather" => Gender::Male,
        "woman" | "girl" | "female" | "she" | "her" | "wife" | "mother" | "daughter" | "sister" | "girlfriend"
        | "aunt" | "grandmother" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The age in a token such as "22-year-old" or "22" ("Ana Ruiz, 22,").
fn age_of(w: &str) -> Option<&str> {
    let digits = w.split('-').next()?;
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// The age in commas after token `last` of a mention: "Ana Ruiz, 13,".
fn age_in_commas<'a>(s: &Sent<'a>, last: usize) -> Option<&'a str> {
    (last + 3 < s.end && s.lower(last + 1) == "," && s.toks[last + 2].kind == TokenKind::Number)
        .then(|| age_of(s.lower(last + 2)))
        .flatten()
}

/// A word class that tells the classifier what a word says about a person
/// near it (a coarse name; the word itself is a feature too).
fn class_of(w: &str) -> Option<&'static str> {
    Some(match w {
        _ if killed_word(w) || crate::text::lexicon::death_words(w) => "K",
        "body" | "remains" | "homicide" | "murder" | "autopsy" | "coroner" | "funeral" | "slaying" | "killing" => "D",
        _ if wounded_word(w) => "W",
        "hospital" | "treated" | "condition" | "stable" | "critical" | "surgery" | "transported" => "H",
        "shot" | "shooting" | "stabbed" | "struck" | "gunshot" | "wound" | "fired" | "hit" => "S",
        "charged" | "arrested" | "accused" | "custody" | "suspect" | "suspected" | "jail" | "booked" | "gunman"
        | "shooter" | "convicted" | "sentenced" | "charges" | "bond" => "A",
        "said" | "says" | "told" | "according" | "spokesman" | "spokeswoman" | "chief" | "sheriff" => "Q",
        "survived" | "recovering" | "released" | "unharmed" | "uninjured" | "missed" => "R",
        _ if crate::text::lexicon::negation_or_modal(w) => "N",
        _ => return None,
    })
}

/// Distance buckets: 1, 2, 3-4, 5-8, 9+.
fn bucket(d: usize) -> &'static str {
    match d {
        0 | 1 => "1",
        2 => "2",
        3 | 4 => "3",
        5..=8 => "5",
        _ => "9",
    }
}

/// What one article's candidates read besides their own sentence.
struct ArticleCtx<'c> {
    figures: &'c [Figure],
    deaths_told: bool,
    /// Word classes of the headline, when the article has one.
    headline: Vec<&'static str>,
}

/// The candidates of one article, in text order, with their features and
/// (when a model is in use) their class probabilities.
pub(crate) fn candidates(
    paras: &[ParaTokens],
    n_head: usize,
    mentions: &[Mention],
    figures: &[Figure],
    deaths_told: bool,
) -> Vec<Candidate> {
    let headline = if n_head == 1 {
        (0..paras[0].tokens.len()).filter_map(|k| class_of(paras[0].tokens.lower(k))).collect()
    } else {
        Vec::new()
    };
    let ctx = ArticleCtx { figures, deaths_told, headline };
    let mut out = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let lo = mentions.partition_point(|m| m.start < p.range.0);
        let hi = mentions.partition_point(|m| m.start < p.range.1);
        for (si, s) in p.sentences.iter().enumerate() {
            let sent = Sent::new(&p.tokens, *s);
            let place = (pi < n_head, pi == n_head, si == 0);
            in_sentence(&ctx, &sent, &mentions[lo..hi], place, &mut out);
        }
    }
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// The candidates of one sentence.
fn in_sentence(
    c: &ArticleCtx<'_>,
    s: &Sent<'_>,
    mentions: &[Mention],
    place: (bool, bool, bool),
    out: &mut Vec<Candidate>,
) {
    let toks = s.toks;
    let lw = |k: usize| s.lower(k);
    // The person's name starting at byte `at` (mentions are sorted by start).
    let name_at = |at: usize| {
        let i = mentions.partition_point(|m| m.start < at);
        mentions[i..].iter().take_while(|m| m.start == at).find(|m| m.label == EntityLabel::Per)
    };
    // What the whole sentence tells, worked out once: harm, and where its
    // quotation marks are (a running count: odd inside a quote).
    let harm = (s.first..s.end).any(|j| matches!(class_of(lw(j)), Some("K" | "D" | "W" | "H" | "S")));
    let mut marks = 0usize;
    let mut marks_at = s.first;
    let mut quoted_at = |a: usize| {
        while marks_at < a {
            marks += usize::from(matches!(lw(marks_at), "\"" | "“" | "”"));
            marks_at += 1;
        }
        marks % 2 == 1
    };
    let mut k = s.first;
    while k < s.end {
        let t = toks[k];
        // A person's name.
        if let Some(m) = name_at(t.start) {
            let Some(e) = (k..s.end).find(|&j| toks[j].end >= m.end) else { break };
            let surname = (k..=e).rev().map(&lw).find(|w| w.chars().next().is_some_and(char::is_alphabetic));
            // "Ana Ruiz, 13," or "13-year-old Ana Ruiz": her age.
            let age = age_in_commas(s, e)
                .or_else(|| (k > s.first && lw(k - 1).ends_with("-year-old")).then(|| age_of(lw(k - 1))).flatten());
            let cand = Candidate {
                key: surname.map(|w| format!("n:{}", w.trim_end_matches("'s").trim_end_matches("’s"))),
                first: (e > k).then(|| lw(k).to_string()),
                age: age.map(str::to_string),
                ..Candidate::new((m.start, m.end), Kind::Name, Gender::Unknown)
            };
            push(c, s, (k, e + 1), cand, (place, harm, quoted_at(k)), out);
            k = e + 1;
            continue;
        }
        let w = lw(k);
        if matches!(w, "he" | "she" | "him" | "her") {
            // "her" before a noun is a possessive ("her car"): not a mention.
            let possessive = w == "her"
                && k + 1 < s.end
                && toks[k + 1].kind == TokenKind::Word
                && class_of(lw(k + 1)).is_none()
                && !crate::text::lexicon::is_function_word(lw(k + 1));
            if !possessive {
                let cand = Candidate::new((t.start, t.end), Kind::Pronoun, gender_of(w));
                push(c, s, (k, k + 1), cand, (place, harm, quoted_at(k)), out);
            }
            k += 1;
            continue;
        }
        if victim_noun(w) && !matches!(w, "himself" | "herself") {
            // The longest phrase: "a 22-year-old man" is one mention, not two;
            // "22-year-old Ana Ruiz" is her name's.
            let next_is_head = k + 1 < s.end && {
                let n = lw(k + 1);
                victim_noun(n) || name_at(toks[k + 1].start).is_some()
            };
            if !next_is_head {
                let mut a = k;
                while a > s.first && k - a < 5 {
                    let x = lw(a - 1);
                    if matches!(x, "a" | "an" | "the" | "one" | "another" | "his" | "her" | "their" | "this" | "that") {
                        a -= 1;
                        break;
                    }
                    if toks[a - 1].kind == TokenKind::Punct && x != "-"
                        || crate::text::lexicon::is_function_word(x)
                        || class_of(x).is_some_and(|c| c != "H")
                    {
                        break;
                    }
                    a -= 1;
                }
                let age = (a..=k)
                    .find_map(|j| lw(j).ends_with("-year-old").then(|| age_of(lw(j))).flatten())
                    .or_else(|| age_in_commas(s, k));
                let cand = Candidate {
                    key: age.map(|x| format!("a:{x}")),
                    age: age.map(str::to_string),
                    ..Candidate::new((toks[a].start, t.end), Kind::Description, gender_of(w))
                };
                push(c, s, (a, k + 1), cand, (place, harm, quoted_at(a)), out);
            }
        }
        k += 1;
    }
}

/// Work out a candidate's features and add it.
fn push(
    c: &ArticleCtx<'_>,
    s: &Sent<'_>,
    (a, b): (usize, usize),
    mut cand: Candidate,
    ((in_headline, first_para, first_sentence), harm, quoted): ((bool, bool, bool), bool, bool),
    out: &mut Vec<Candidate>,
) {
    let lw = |k: usize| s.lower(k);
    cand.harm = harm;
    let f = &mut cand.feats;
    f.push(hash("bias"));
    let kind = match cand.kind {
        Kind::Name => "name",
        Kind::Description => "desc",
        Kind::Pronoun => "pron",
    };
    f.push(hash_parts(&["kind=", kind]));
    if cand.kind != Kind::Name {
        f.push(hash_parts(&["head=", lw(b - 1)]));
    }
    if cand.kind == Kind::Description {
        f.push(hash_parts(&["det=", lw(a)]));
    }
    if cand.age.is_some() {
        f.push(hash("age"));
    }
    for (on, name) in [(in_headline, "in_headline"), (first_para, "first_para"), (first_sentence, "first_sentence")] {
        if on {
            f.push(hash(name));
        }
    }
    if c.deaths_told {
        f.push(hash("deaths_told"));
    }
    for cl in &c.headline {
        f.push(hash_parts(&["headline_has=", cl]));
    }
    // Quoted speech tells of what someone said, not of what happened.
    if quoted {
        f.push(hash("quoted"));
    }
    // The words right beside it, and the word classes of its clause on each side.
    let word = |j: usize| if j >= s.first && j < s.end { lw(j) } else { "<s>" };
    f.push(hash_parts(&["r1=", word(b)]));
    f.push(hash_parts(&["r2=", word(b), " ", word(b + 1)]));
    f.push(hash_parts(&["l1=", word(a.wrapping_sub(1))]));
    f.push(hash_parts(&["l2=", word(a.wrapping_sub(2)), " ", word(a.wrapping_sub(1))]));
    if b < s.end && matches!(lw(b), "'s" | "’s") || b + 1 < s.end && matches!(lw(b), "'" | "’") && lw(b + 1) == "s"
    {
        f.push(hash("possessive"));
    }
    let mut first_right: Option<&str> = None;
    for j in b..s.end.min(b + 12) {
        let w = lw(j);
        if clause_break(w) {
            f.push(hash("right_clause_ends"));
            break;
        }
        if let Some(cl) = class_of(w) {
            f.push(hash_parts(&["right=", cl, bucket(j - b + 1)]));
            if first_right.is_none() && cl != "N" {
                first_right = Some(cl);
            }
            if cl != "N" {
                f.push(hash_parts(&["right_word=", w]));
            }
        }
    }
    if let Some(cl) = first_right {
        f.push(hash_parts(&["right_first=", cl]));
    }
    // The voice of the first verb of harm after it: "[he] was shot" (passive:
    // he is the one hurt), "[he] shot a man" (active: someone else is).
    if let Some(j) = (b..s.end.min(b + 5)).find(|&j| matches!(class_of(lw(j)), Some("K" | "W" | "S"))) {
        let aux = (b..j).any(|x| matches!(lw(x), "was" | "were" | "is" | "are" | "been" | "be" | "being" | "got"));
        let object = j + 1 < s.end && {
            let n = lw(j + 1);
            matches!(n, "a" | "an" | "the" | "his" | "her" | "their" | "him" | "them" | "two" | "three")
                || s.toks.upper(j + 1) && s.toks[j + 1].kind == TokenKind::Word
        };
        let voice = if aux {
            "passive"
        } else if object {
            "active"
        } else {
            "bare"
        };
        f.push(hash_parts(&["right_voice=", voice, ":", class_of(lw(j)).unwrap_or("")]));
    }
    // The object of a verb of harm: "shot [him]", "killed [his wife]".
    if a > s.first && matches!(class_of(lw(a - 1)), Some("K" | "W" | "S")) {
        f.push(hash_parts(&["object_of=", class_of(lw(a - 1)).unwrap_or("")]));
    }
    for j in (s.first..a).rev().take(10) {
        let w = lw(j);
        if clause_break(w) {
            f.push(hash("left_clause_ends"));
            break;
        }
        if let Some(cl) = class_of(w) {
            f.push(hash_parts(&["left=", cl, bucket(a - j)]));
            if cl != "N" && a - j <= 3 {
                f.push(hash_parts(&["left_word=", w]));
            }
        }
    }
    // What the sentence rules made of it.
    let (ma, mb) = (s.toks[a].start, s.toks[b - 1].end);
    for fig in near(c.figures, ma, mb) {
        let subject = fig.subject.is_some_and(|(x, y)| x < mb && ma < y);
        let inside = fig.start < mb && ma < fig.end;
        if subject || inside {
            let cat = fig.category.as_str();
            let how = if subject { "subject" } else { "inside" };
            f.push(hash_parts(&["figure=", how, ":", cat]));
            f.push(hash_parts(&["rule=", fig.rule, ":", cat]));
            if fig.value > 1 {
                f.push(hash_parts(&["figure_many=", cat]));
            }
        }
    }
    f.sort_unstable();
    f.dedup();
    out.push(cand);
}

/// The victims a person is tried against when merging (bounded, so that an
/// article that names thousands stays linear).
const MERGE_MAX: usize = 64;

/// How far (bytes) a figure's start may be from a mention it tells of.
const NEAR: usize = 400;

/// The figures (sorted by start) that start within [`NEAR`] bytes of `a..b`:
/// a bounded window, so that looking them up stays linear.
fn near(figures: &[Figure], a: usize, b: usize) -> &[Figure] {
    let lo = figures.partition_point(|f| f.start + NEAR < a);
    let hi = figures.partition_point(|f| f.start < b + NEAR);
    &figures[lo..hi.max(lo)]
}

/// The candidates (sorted by start) that overlap bytes `a..b`, none of
/// them longer than [`NEAR`] bytes.
fn overlapping(cands: &[Candidate], a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
    let hi = cands.partition_point(|c| c.start < b);
    let lo = cands[..hi].partition_point(|c| c.start + NEAR < a);
    (lo..hi).filter(move |&i| cands[i].end > a)
}

/// One victim: the candidates that are one person, and what happened to them.
#[derive(Debug, Clone)]
pub struct Victim {
    /// Indexes of the article's candidates.
    pub mentions: Vec<usize>,
    pub category: CasualtyCategory,
}

/// The people of an article: the candidates that share a key (a surname,
/// an age; a name's age joins the age's descriptions to it) are one; each
/// other candidate is one alone. In order of first mention.
pub fn people(cands: &[Candidate]) -> Vec<Vec<usize>> {
    let mut alias: Vec<(String, String)> = Vec::new();
    for c in cands {
        if let (Some(k), Some(age)) = (&c.key, &c.age) {
            if k.starts_with("n:") {
                alias.push((format!("a:{age}"), k.clone()));
            }
        }
    }
    // A lone first name ("Larry") is the person whose full name opens with it.
    for c in cands.iter().filter(|c| c.kind == Kind::Name) {
        if let (Some(k), Some(first)) = (&c.key, &c.first) {
            if first != &k[2..] {
                alias.push((format!("n:{first}"), k.clone()));
            }
        }
    }
    let mut aliases: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (a, n) in alias {
        aliases.entry(a).or_insert(n);
    }
    let resolve = |k: &String| aliases.get(k).cloned().unwrap_or_else(|| k.clone());
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        match &c.key {
            Some(k) => match by_key.entry(resolve(k)) {
                std::collections::hash_map::Entry::Occupied(g) => groups[*g.get()].push(i),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(groups.len());
                    groups.push(vec![i]);
                }
            },
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// The features of one person: every feature of any of its mentions, and
/// how often it is mentioned.
pub fn person_features(cands: &[Candidate], person: &[usize]) -> Vec<u64> {
    let mut f: Vec<u64> = person.iter().flat_map(|&i| cands[i].feats.iter().copied()).collect();
    let n = match person.len() {
        1 => "1",
        2 => "2",
        3 | 4 => "3",
        _ => "5",
    };
    f.push(hash_parts(&["mentions=", n]));
    f.sort_unstable();
    f.dedup();
    f
}

/// Each person's class probabilities, set on its candidates; the people.
fn classify(cands: &mut [Candidate]) -> Vec<Vec<usize>> {
    let people = people(cands);
    // A person none of whose sentences tells of harm is no victim.
    for p in &people {
        let harm = p.iter().any(|&i| cands[i].harm);
        for &i in p {
            cands[i].harm = harm;
        }
    }
    for p in &people {
        let pr = probs(&person_features(cands, p)).unwrap_or([0.0, 0.0, 1.0]);
        for &i in p {
            cands[i].probs = pr;
        }
    }
    people
}

/// The victims among the people, each counted once. People are merged
/// greedily where nothing tells them apart: names first (each a victim, with
/// the age given beside it), then descriptions with an age ("a 22-year-old
/// man": the victim of that age, else one of no age), then mentions with
/// nothing to tell who they are ("the victim", "a man", "he": any victim of
/// the category and a gender not ruled out), each else a victim of its own.
pub(crate) fn victims(cands: &[Candidate], people: &[Vec<usize>]) -> Vec<Victim> {
    let class = |i: usize| class_of_candidate(&cands[i]);
    struct Merged {
        v: Victim,
        age: Option<String>,
        gender: Gender,
    }
    let mut out: Vec<Merged> = Vec::new();
    let rank = |p: &Vec<usize>| match (&cands[p[0]].kind, &cands[p[0]].key) {
        (Kind::Name, _) => 0,
        (_, Some(_)) => 1,
        (Kind::Description, None) => 2,
        _ => 3,
    };
    let mut order: Vec<&Vec<usize>> = people.iter().collect();
    order.sort_by_key(|p| rank(p));
    for p in order {
        let Some(category) = class(p[0]) else { continue };
        let age = p.iter().find_map(|&i| cands[i].age.clone());
        let gender = p.iter().map(|&i| cands[i].gender).find(|g| *g != Gender::Unknown).unwrap_or(Gender::Unknown);
        let fits = |m: &Merged| {
            m.v.category == category
                && (gender == Gender::Unknown || m.gender == Gender::Unknown || m.gender == gender)
                && match (&age, &m.age) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        let into = match rank(p) {
            0 => None,
            1 => {
                let same_age = out.iter().take(MERGE_MAX).position(|m| fits(m) && m.age == age);
                same_age.or_else(|| out.iter().take(MERGE_MAX).position(|m| fits(m) && m.age.is_none()))
            }
            _ => out.iter().take(MERGE_MAX).position(fits),
        };
        // A person shot who then died: a wounded mention with nothing to
        // tell who it is can be a killed victim.
        let into = into.or_else(|| {
            (rank(p) > 0 && category == CasualtyCategory::Wounded)
                .then(|| {
                    out.iter().take(MERGE_MAX).position(|m| {
                        m.v.category == CasualtyCategory::Killed
                            && (gender == Gender::Unknown || m.gender == Gender::Unknown || m.gender == gender)
                            && (age.is_none() || m.age.is_none() || m.age == age)
                    })
                })
                .flatten()
        });
        match into {
            Some(j) => {
                let m = &mut out[j];
                m.v.mentions.extend(p.iter().copied());
                m.age = m.age.take().or(age);
                if m.gender == Gender::Unknown {
                    m.gender = gender;
                }
            }
            // A pronoun alone is no victim: whom it stands for was told before.
            None if rank(p) == 3 => {}
            None => out.push(Merged { v: Victim { mentions: p.clone(), category }, age, gender }),
        }
    }
    let mut out: Vec<Victim> = out.into_iter().map(|m| m.v).collect();
    for v in &mut out {
        v.mentions.sort_unstable();
    }
    out.sort_by_key(|v| cands[v.mentions[0]].start);
    out
}

/// "A 23-year-old man was found with gunshot wounds. He was pronounced dead
/// at a hospital": a rule's single death told of a pronoun ("he", "she")
/// is the wounded victim told just before it (within [`NEAR`] bytes, of a
/// gender it can have), who then died: that victim is killed, and the
/// pronoun one of its mentions.
fn died_later(figures: &[Figure], cands: &[Candidate], victims: &mut [Victim]) {
    for f in figures.iter().filter(|f| f.category == CasualtyCategory::Killed && f.value == 1) {
        let Some((a, b)) = f.subject else { continue };
        let Some(i) = overlapping(cands, a, b).find(|&i| cands[i].kind == Kind::Pronoun) else { continue };
        if victims.iter().any(|v| v.mentions.contains(&i) && v.category == CasualtyCategory::Killed) {
            continue;
        }
        let g = cands[i].gender;
        let before = victims
            .iter_mut()
            .filter(|v| {
                v.mentions.iter().any(|&m| cands[m].end <= cands[i].start && cands[i].start - cands[m].end < NEAR)
            })
            .filter(|v| v.mentions.iter().all(|&m| cands[m].gender == g || cands[m].gender == Gender::Unknown))
            .max_by_key(|v| v.mentions.iter().map(|&m| cands[m].end).filter(|&e| e <= cands[i].start).max());
        if let Some(v) = before {
            if v.category == CasualtyCategory::Wounded {
                v.category = CasualtyCategory::Killed;
                v.mentions.push(i);
            }
        }
    }
}

/// A story that tells of a death tells of someone who died: when no victim
/// is killed and no count of the dead stands, the person likeliest killed
/// (by the classifier, at least [`FALLBACK_KILLED`]) is. Likewise a story
/// of people shot or hurt with no victim at all: the person likeliest hurt.
fn at_least_one(
    deaths_told: bool,
    figures: &[Figure],
    cands: &[Candidate],
    people: &[Vec<usize>],
    victims: &mut Vec<Victim>,
) {
    let counted = |cat: CasualtyCategory| figures.iter().any(|f| f.category == cat && !refuted(f, cands));
    let named = || people.iter().filter(|p| cands[p[0]].kind != Kind::Pronoun && cands[p[0]].harm);
    let p_of = |p: &Vec<usize>, k: usize| cands[p[0]].probs[k];
    let add = |p: &Vec<usize>, category: CasualtyCategory, victims: &mut Vec<Victim>| match victims
        .iter_mut()
        .find(|v| v.mentions.contains(&p[0]))
    {
        Some(v) => v.category = category,
        None => {
            victims.push(Victim { mentions: p.clone(), category });
            victims.sort_by_key(|v| cands[v.mentions[0]].start);
        }
    };
    let killed = victims.iter().any(|v| v.category == CasualtyCategory::Killed);
    if !killed && !counted(CasualtyCategory::Killed) && deaths_told {
        if let Some(p) = named().max_by(|a, b| p_of(a, KILLED).total_cmp(&p_of(b, KILLED))) {
            if p_of(p, KILLED) >= FALLBACK_KILLED {
                add(p, CasualtyCategory::Killed, victims);
            }
        }
    }
    let people_counted =
        [CasualtyCategory::Killed, CasualtyCategory::Wounded, CasualtyCategory::Casualties].into_iter().any(counted);
    if victims.is_empty() && !people_counted {
        if let Some(p) = named().max_by(|a, b| p_of(a, WOUNDED).total_cmp(&p_of(b, WOUNDED))) {
            if p_of(p, WOUNDED) >= FALLBACK_WOUNDED {
                add(p, CasualtyCategory::Wounded, victims);
            }
        }
    }
}

/// The least probability of the fallback victims (see [`at_least_one`]),
/// chosen by two folds inside GVDB dev's fitting half.
pub const FALLBACK_KILLED: f32 = 0.1;
pub const FALLBACK_WOUNDED: f32 = 0.1;

/// The class of a candidate by the classifier: killed, or else wounded
/// (killed and wounded together reach its bar), or neither.
fn class_of_candidate(c: &Candidate) -> Option<CasualtyCategory> {
    let p = c.probs;
    if !c.harm {
        return None;
    }
    if p[KILLED] >= KILLED_MIN {
        Some(CasualtyCategory::Killed)
    } else if p[WOUNDED] + p[KILLED] >= WOUNDED_MIN {
        Some(CasualtyCategory::Wounded)
    } else {
        None
    }
}

/// A single-victim figure of the sentence rules that the classifier reads
/// otherwise: every candidate in its subject is surely no victim (at least
/// [`REFUTE_MIN`] for neither): not counted.
fn refuted(f: &Figure, cands: &[Candidate]) -> bool {
    if f.value != 1 || f.qualifier != Qualifier::Exact {
        return false;
    }
    let Some((a, b)) = f.subject else { return false };
    let mut inside = overlapping(cands, a, b).peekable();
    inside.peek().is_some() && inside.all(|i| cands[i].probs[NEITHER] >= REFUTE_MIN)
}

/// Step `victims` of an article: add a figure for each victim that has
/// none, and tell the tally which figure stands for each victim and which
/// figures the classifier sets aside.
pub(crate) fn victim_pass(
    paras: &[ParaTokens],
    n_head: usize,
    mentions: &[Mention],
    figures: &mut Vec<Figure>,
    deaths_told: bool,
) -> Counted {
    let mut cands = candidates(paras, n_head, mentions, figures, deaths_told);
    let on = probs(&[]).is_some();
    let people = if on { classify(&mut cands) } else { Vec::new() };
    SLOT.record(|| cands.clone());
    if !on {
        return Counted::default();
    }
    let mut victims = victims(&cands, &people);
    died_later(figures, &cands, &mut victims);
    at_least_one(deaths_told, figures, &cands, &people, &mut victims);
    // The category of the victim each candidate belongs to, if any.
    let mut victim_of: Vec<Option<CasualtyCategory>> = vec![None; cands.len()];
    for v in &victims {
        for &i in &v.mentions {
            victim_of[i] = Some(v.category);
        }
    }
    // Single-victim figures the classifier reads otherwise, and one victim's
    // figure of another category ("wounded" for a man shot who then died):
    // shown, but not counted.
    let set_aside: Vec<(usize, usize)> = figures
        .iter()
        .filter(|f| {
            refuted(f, &cands)
                || f.subject.is_some_and(|(a, b)| {
                    f.value == 1
                        && f.qualifier == Qualifier::Exact
                        && overlapping(&cands, a, b).any(|i| victim_of[i].is_some_and(|cat| cat != f.category))
                })
        })
        .map(|f| (f.start, f.end))
        .collect();
    // (Sorted, as the figures are.)
    let aside = |f: &Figure| set_aside.binary_search(&(f.start, f.end)).is_ok();
    let mut added = Vec::new();
    let mut out = Vec::new();
    for v in victims {
        let cat_p = |i: usize| {
            let p = cands[i].probs;
            if v.category == CasualtyCategory::Killed {
                p[KILLED]
            } else {
                p[WOUNDED] + p[KILLED]
            }
        };
        // A figure of its category over one of its mentions, else the
        // likeliest mention (a name or description before a pronoun) becomes one.
        let over = |f: &Figure, c: &Candidate| {
            f.category == v.category
                && f.value == 1
                && (f.subject.is_some_and(|(x, y)| x < c.end && c.start < y) || f.start < c.end && c.start < f.end)
        };
        let found = v.mentions.iter().find_map(|&i| {
            let c = &cands[i];
            near(figures, c.start, c.end).iter().find(|f| !aside(f) && over(f, c))
        });
        if let Some(f) = found {
            out.push((f.start, f.end));
            continue;
        }
        let best = v
            .mentions
            .iter()
            .copied()
            .max_by(|&i, &j| {
                ((cands[i].kind != Kind::Pronoun), cat_p(i))
                    .partial_cmp(&((cands[j].kind != Kind::Pronoun), cat_p(j)))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .unwrap_or(v.mentions[0]);
        let c = &cands[best];
        let mut f = single(c.start, c.end, v.category, (c.start, c.end));
        f.rule = "victims";
        added.push(f);
        out.push((c.start, c.end));
    }
    figures.extend(added);
    figures.sort_by_key(|f| (f.start, f.end));
    Counted { victims: out, set_aside }
}

/// What step `victims` tells the tally, as figure spans (bytes).
#[derive(Debug, Default)]
pub(crate) struct Counted {
    /// The figure that stands for each victim.
    pub victims: Vec<(usize, usize)>,
    /// Figures shown but not counted.
    pub set_aside: Vec<(usize, usize)>,
}
