//! The contract's types from one article's findings: byte offsets become
//! char offsets, spans get their text, speakers their canonical names.

use crate::entities::Mention;
use crate::pipeline::{Findings, ParaTokens};
use crate::segment;
use crate::text::offsets::CharIndex;
use crate::{Article, Casualty, Entity, EntityLabel, Paragraph, ParagraphKind, Quote, Span, Speaker, TextSpan};

/// The article in the contract's types.
pub(crate) fn article(
    text: &str,
    idx: &CharIndex<'_>,
    a: &segment::ArticleDraft,
    unsure: &[(usize, usize)],
    found: &Findings,
    explain: bool,
) -> Article {
    let casualties = casualties(text, idx, found);
    let index = |spans: &[(usize, usize)]| -> Vec<usize> {
        // (The figures are sorted by span.)
        spans
            .iter()
            .filter_map(|&(s, e)| found.figures.binary_search_by_key(&(s, e), |f| (f.start, f.end)).ok())
            .collect()
    };
    let tally =
        crate::casualties::tally::tally(&casualties, &index(&found.counted.victims), &index(&found.counted.set_aside));
    let ts =
        |(s, e): (usize, usize)| TextSpan { start: idx.char_of(s), end: idx.char_of(e), text: text[s..e].to_string() };
    let string = |r: Option<(usize, usize)>| r.map(|(s, e)| text[s..e].to_string());
    Article {
        role: a.role,
        headline: a.headline.map(ts),
        source: string(a.source),
        published: string(a.published),
        byline: string(a.byline),
        standfirst: a.standfirst.map(ts),
        dateline: dateline(text, a, &found.mentions).map(ts),
        span: Span::new(idx.char_of(a.span.0), idx.char_of(a.span.1)),
        paragraphs: paragraphs(text, idx, a, &found.paras[found.n_head..], unsure),
        entities: entities(text, idx, found),
        quotes: quotes(text, idx, found, explain),
        casualties,
        tally,
    }
}

/// The dateline at the head of the story's first paragraph (after the
/// standfirst); a weak one needs a place tagged at its start.
fn dateline(text: &str, a: &segment::ArticleDraft, mentions: &[Mention]) -> Option<(usize, usize)> {
    a.paragraphs
        .iter()
        .find(|p| p.2 == ParagraphKind::Body && Some((p.0, p.1)) != a.standfirst)
        .and_then(|p| segment::dateline(text, (p.0, p.1)))
        .filter(|&((s, e), weak)| {
            !weak || mentions.iter().any(|m| m.start == s && m.end <= e && m.label == EntityLabel::Loc)
        })
        .map(|(r, _)| r)
}

fn paragraphs(
    text: &str,
    idx: &CharIndex<'_>,
    a: &segment::ArticleDraft,
    paras: &[ParaTokens],
    unsure: &[(usize, usize)],
) -> Vec<Paragraph> {
    with_captions(text, a, paras)
        .into_iter()
        .map(|(s, e, kind)| {
            // (The unsure lines are in order: one search a paragraph.)
            let i = unsure.partition_point(|u| u.1 <= s);
            let unsure = unsure.get(i).is_some_and(|u| u.0 < e);
            Paragraph { start: idx.char_of(s), end: idx.char_of(e), kind, unsure }
        })
        .collect()
}

fn entities(text: &str, idx: &CharIndex<'_>, found: &Findings) -> Vec<Entity> {
    found
        .mentions
        .iter()
        .zip(&found.canon)
        .map(|(m, c)| Entity {
            start: idx.char_of(m.start),
            end: idx.char_of(m.end),
            text: text[m.start..m.end].to_string(),
            label: m.label,
            canonical: c.clone(),
        })
        .collect()
}

fn quotes(text: &str, idx: &CharIndex<'_>, found: &Findings, explain: bool) -> Vec<Quote> {
    let ts =
        |(s, e): (usize, usize)| TextSpan { start: idx.char_of(s), end: idx.char_of(e), text: text[s..e].to_string() };
    let (mentions, canon) = (&found.mentions, &found.canon);
    found
        .quotes
        .iter()
        .map(|q| Quote {
            start: idx.char_of(q.start),
            end: idx.char_of(q.end),
            text: text[q.start..q.end].to_string(),
            kind: q.kind,
            speaker: q.speaker.map(|(s, e)| {
                let own = mention_at(mentions, s, e);
                Speaker {
                    start: idx.char_of(s),
                    end: idx.char_of(e),
                    text: text[s..e].to_string(),
                    canonical: own
                        .or(q.speaker_entity)
                        .map(|i| canon[i].clone())
                        .or_else(|| q.speaker_description.map(|(a, b)| describe(&text[a..b]))),
                }
            }),
            cue: q.cue.map(ts),
            speaker_evidence: if explain { q.evidence.iter().map(|r| r.to_string()).collect() } else { Vec::new() },
        })
        .collect()
}

fn casualties(text: &str, idx: &CharIndex<'_>, found: &Findings) -> Vec<Casualty> {
    let string = |r: Option<(usize, usize)>| r.map(|(s, e)| text[s..e].to_string());
    found
        .figures
        .iter()
        .map(|f| Casualty {
            start: idx.char_of(f.start),
            end: idx.char_of(f.end),
            text: text[f.start..f.end].to_string(),
            value: f.value,
            value_max: f.value_max,
            qualifier: f.qualifier,
            category: f.category,
            subject: string(f.subject),
            actor: string(f.actor),
            reported_by: string(f.reported_by),
            period: string(f.period),
        })
        .collect()
}

/// The article's paragraphs, with photo captions left inside body
/// paragraphs split out as caption spans (the text around them stays body).
pub(crate) fn with_captions(
    text: &str,
    a: &segment::ArticleDraft,
    paras: &[ParaTokens],
) -> Vec<(usize, usize, ParagraphKind)> {
    let mut out = Vec::with_capacity(a.paragraphs.len());
    for (&(s, e, kind), p) in a.paragraphs.iter().zip(paras) {
        let caps = if kind == ParagraphKind::Body {
            segment::caption_sentences(text, &p.tokens, &p.sentences)
        } else {
            Vec::new()
        };
        // The text of `a..b` without its outer spaces, unless that is nothing.
        let mut piece = |a: usize, b: usize, kind: ParagraphKind| {
            let t = &text[a..b];
            if !t.trim().is_empty() {
                let lead = t.len() - t.trim_start().len();
                out.push((a + lead, a + t.trim_end().len(), kind));
            }
        };
        let mut at = s;
        for (cs, ce) in caps {
            piece(at, cs, ParagraphKind::Body);
            piece(cs, ce, ParagraphKind::Caption);
            at = ce;
        }
        piece(at, e, kind);
    }
    out
}

/// An unnamed person's canonical form: "A Russian journalist" → "a Russian
/// journalist"; a name stays capitalised ("Scott's niece").
fn describe(d: &str) -> String {
    let first = d.split(' ').next().unwrap_or("");
    let mut cs = d.chars();
    match cs.next() {
        Some(c) if matches!(first, "A" | "An" | "The" | "One") => c.to_lowercase().chain(cs).collect(),
        _ => d.to_string(),
    }
}

/// The index of the mention exactly at `[s, e)`, if any (mentions are sorted).
fn mention_at(mentions: &[Mention], s: usize, e: usize) -> Option<usize> {
    let i = mentions.partition_point(|m| m.start < s);
    mentions.get(i).filter(|m| m.start == s && m.end == e).map(|_| i)
}
