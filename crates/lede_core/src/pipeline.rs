//! The pipeline: the steps of one analysis in order, from the input to the
//! contract. Each step is a stage's entry point; the stages' own passes are
//! listed in their `mod.rs`.

use crate::entities::{self, ner, Mention, Para};
use crate::text::offsets::CharIndex;
use crate::text::tokens::{self, Sentence, Token};
use crate::{casualties, html, quotes, segment};
use crate::{
    Analysis, Article, Boilerplate, Casualty, Entity, EntityLabel, Error, InputKind, InputMode, Options, Paragraph,
    ParagraphKind, Quote, Role, Span, Speaker, StageTimes, TextSpan, VERSION,
};

/// Stage timing for benchmarks: a clock (none in normal use) and the sums.
#[derive(Default)]
pub(crate) struct Profile<'c> {
    pub(crate) clock: Option<&'c dyn Fn() -> f64>,
    pub(crate) last: f64,
    pub(crate) times: StageTimes,
    /// Told the share of the text analysed so far (0 to 1) after each article.
    pub(crate) progress: Option<&'c mut dyn FnMut(f64)>,
}

impl Profile<'_> {
    /// Charge the time since the last lap to one stage.
    fn lap(&mut self, stage: fn(&mut StageTimes) -> &mut f64) {
        if let Some(clock) = self.clock {
            let now = clock();
            *stage(&mut self.times) += now - self.last;
            self.last = now;
        }
    }
}

pub(crate) fn analyze_with(input: &str, options: &Options, prof: &mut Profile<'_>) -> Result<Analysis, Error> {
    if input.len() > options.max_bytes {
        return Err(Error::TooLarge { size: input.len(), limit: options.max_bytes });
    }
    crate::check_binary(input.as_bytes())?;
    let is_html = match options.input {
        InputMode::Text => false,
        InputMode::Html => true,
        InputMode::Auto => html::looks_like_html(input),
    };
    let extracted = if is_html { html::extract(input) } else { html::Extracted::default() };
    let text: &str = if is_html { &extracted.text } else { input };
    prof.lap(|t| &mut t.html);
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let meta = is_html.then(|| html::metadata(input));
    let title = meta.as_ref().and_then(|m| m.title.as_deref());
    let seg = segment::segment_page(text, is_html, options.single, &extracted.hints, title);
    prof.lap(|t| &mut t.segment);
    let idx = CharIndex::new(text);
    prof.lap(|t| &mut t.output);
    let mut articles: Vec<Article> = Vec::with_capacity(seg.articles.len());
    let mut words = ner::WordCache::default();
    for a in &seg.articles {
        articles.push(analyse_article(text, &idx, a, &seg.unsure, &mut words, prof)?);
        if let Some(report) = prof.progress.as_mut() {
            report(a.span.1 as f64 / text.len().max(1) as f64);
        }
    }
    // What the markup says about the story fills what its text does not.
    if let Some(meta) = meta {
        if let Some(main) = articles.iter_mut().find(|a| a.role == Role::Main) {
            main.source = main.source.take().or(meta.site_name);
            main.published = main.published.take().or(meta.published);
            main.byline = main.byline.take().or(meta.author);
        }
    }
    let boilerplate = seg
        .boilerplate
        .iter()
        .map(|&(s, e, kind)| Boilerplate {
            start: idx.char_of(s),
            end: idx.char_of(e),
            kind,
            text: text[s..e].to_string(),
        })
        .collect();
    prof.lap(|t| &mut t.output);
    Ok(Analysis {
        lede_version: VERSION.to_string(),
        input_kind: if is_html { InputKind::Html } else { InputKind::Text },
        text: is_html.then(|| text.to_string()),
        articles,
        boilerplate,
    })
}

/// The article's paragraphs, with photo captions left inside body
/// paragraphs split out as caption spans (the text around them stays body).
fn with_captions(text: &str, a: &segment::ArticleDraft, paras: &[ParaTokens]) -> Vec<(usize, usize, ParagraphKind)> {
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

/// Tokens and sentences of one paragraph.
struct ParaTokens {
    range: (usize, usize),
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

fn analyse_article(
    text: &str,
    idx: &CharIndex<'_>,
    a: &segment::ArticleDraft,
    unsure: &[(usize, usize)],
    words: &mut ner::WordCache,
    prof: &mut Profile<'_>,
) -> Result<Article, Error> {
    let ranges = a.headline.iter().copied().chain(a.paragraphs.iter().map(|p| (p.0, p.1)));
    let paras: Vec<ParaTokens> = ranges
        .map(|(s, e)| {
            let mut tokens = Vec::new();
            tokens::tokenize(&text[s..e], s, &mut tokens);
            let mut sentences = Vec::new();
            tokens::sentences(text, &tokens, &mut sentences);
            ParaTokens { range: (s, e), tokens, sentences }
        })
        .collect();
    prof.lap(|t| &mut t.tokens);
    let views: Vec<Para<'_>> = paras.iter().map(|p| Para { tokens: &p.tokens, sentences: &p.sentences }).collect();
    // The headline (first, when there is one) is title case: its capitals are
    // evidence of nothing, so its mentions must be attested in the body.
    let n_head = usize::from(a.headline.is_some());
    let body = entities::find(text, &views[n_head..], words)?;
    let mut mentions = if n_head == 1 {
        entities::in_headline(text, paras[0].range, entities::find(text, &views[..1], words)?, &body)
    } else {
        Vec::new()
    };
    mentions.extend(body);
    let canon = entities::canonicalise(text, &mentions);
    prof.lap(|t| &mut t.entities);

    let mut found_quotes = Vec::new();
    let mut figures = Vec::new();
    // A quote runs on from paragraph i when the paragraphs after it open
    // with marks and the run ends in one where its quote closes.
    let leading: Vec<Option<bool>> = paras.iter().map(|p| quotes::leading_quote_closes(text, p.range)).collect();
    let mut runs_on = vec![false; paras.len()];
    for i in (0..paras.len().saturating_sub(1)).rev() {
        runs_on[i] = match leading[i + 1] {
            Some(true) => true,
            Some(false) => runs_on[i + 1],
            None => false,
        };
    }
    let deaths_told = paras.iter().any(|p| casualties::tells_of_death(text, &p.tokens));
    for (pi, p) in paras.iter().enumerate() {
        let continues = runs_on[pi];
        let lo = mentions.partition_point(|m| m.start < p.range.0);
        let hi = mentions.partition_point(|m| m.start < p.range.1);
        quotes::find_in_paragraph(text, p.range, &p.tokens, &mentions[..hi], continues, &mut found_quotes);
        prof.lap(|t| &mut t.quotes);
        for s in &p.sentences {
            let (ss, se) = (p.tokens[s.first].start, p.tokens[s.end - 1].end);
            let ml = lo + mentions[lo..hi].partition_point(|m| m.start < ss);
            let mh = lo + mentions[lo..hi].partition_point(|m| m.start < se);
            casualties::find_in_sentence(text, &p.tokens, *s, &mentions[ml..mh], deaths_told, &mut figures);
        }
        prof.lap(|t| &mut t.casualties);
    }

    let views: Vec<quotes::ParaView<'_>> =
        paras.iter().map(|p| quotes::ParaView { range: p.range, tokens: &p.tokens, sentences: &p.sentences }).collect();
    quotes::attribute_by_context(text, &views, &mentions, &mut found_quotes);
    quotes::join_runs(&mut found_quotes);
    prof.lap(|t| &mut t.quotes);
    // Figures come from several passes per sentence: report them in text order.
    figures.sort_by_key(|f| (f.start, f.end));
    let ts =
        |(s, e): (usize, usize)| TextSpan { start: idx.char_of(s), end: idx.char_of(e), text: text[s..e].to_string() };
    let string = |r: Option<(usize, usize)>| r.map(|(s, e)| text[s..e].to_string());
    // The dateline at the head of the story's first paragraph (after the
    // standfirst); a weak one needs a place tagged at its start.
    let dateline = a
        .paragraphs
        .iter()
        .find(|p| p.2 == ParagraphKind::Body && Some((p.0, p.1)) != a.standfirst)
        .and_then(|p| segment::dateline(text, (p.0, p.1)))
        .filter(|&((s, e), weak)| {
            !weak || mentions.iter().any(|m| m.start == s && m.end <= e && m.label == EntityLabel::Loc)
        })
        .map(|(r, _)| r);
    let article = Article {
        role: a.role,
        headline: a.headline.map(ts),
        source: string(a.source),
        published: string(a.published),
        byline: string(a.byline),
        standfirst: a.standfirst.map(ts),
        dateline: dateline.map(ts),
        span: Span::new(idx.char_of(a.span.0), idx.char_of(a.span.1)),
        paragraphs: with_captions(text, a, &paras[n_head..])
            .into_iter()
            .map(|(s, e, kind)| {
                // (The unsure lines are in order: one search a paragraph.)
                let i = unsure.partition_point(|u| u.1 <= s);
                let unsure = unsure.get(i).is_some_and(|u| u.0 < e);
                Paragraph { start: idx.char_of(s), end: idx.char_of(e), kind, unsure }
            })
            .collect(),
        entities: mentions
            .iter()
            .zip(&canon)
            .map(|(m, c)| Entity {
                start: idx.char_of(m.start),
                end: idx.char_of(m.end),
                text: text[m.start..m.end].to_string(),
                label: m.label,
                canonical: c.clone(),
            })
            .collect(),
        quotes: found_quotes
            .iter()
            .map(|q| Quote {
                start: idx.char_of(q.start),
                end: idx.char_of(q.end),
                text: text[q.start..q.end].to_string(),
                kind: q.kind,
                speaker: q.speaker.map(|(s, e)| {
                    let own = mention_at(&mentions, s, e);
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
            })
            .collect(),
        casualties: figures
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
            .collect(),
    };
    prof.lap(|t| &mut t.output);
    Ok(article)
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
