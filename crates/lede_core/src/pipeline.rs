//! The pipeline: the steps of one analysis in order, from the input to the
//! contract. Each step is a stage's entry point; the stages' own passes are
//! listed in their `mod.rs`.

use crate::entities::{self, ner, Mention, Para};
use crate::text::offsets::CharIndex;
use crate::text::tokens::{self, Sentence};
use crate::text::view::Words;
use crate::{casualties, html, quotes, segment};
use crate::{Analysis, Article, Boilerplate, Error, InputKind, InputMode, Options, Role, StageTimes, VERSION};

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
    #[cfg(feature = "crash-test")]
    if input.contains(crate::testkit::CRASH_MARKER) {
        panic!("a deliberate crash (testkit's CRASH_MARKER)");
    }
    let is_html = match options.input {
        InputMode::Text => false,
        InputMode::Html => true,
        InputMode::Auto => html::looks_like_html(input),
    };
    let extracted = if is_html { html::extract(input) } else { html::Extracted::default() };
    let text: &str = if is_html { &extracted.text } else { input };
    prof.lap(|t| &mut t.html);
    if text.trim().is_empty() {
        // Markup with no text of its own: a page its scripts build.
        return Err(if is_html && !input.trim().is_empty() { Error::NoPageText } else { Error::Empty });
    }
    let meta = is_html.then(|| html::metadata(input));
    let title = meta.as_ref().and_then(|m| m.title.as_deref());
    let seg = segment::segment_page(
        text,
        is_html,
        options.single,
        &extracted.hints,
        segment::Structure {
            headings: &extracted.headings,
            containers: &extracted.containers,
            elements: &extracted.elements,
            parents: &extracted.parents,
            items: &extracted.items,
            captions: &extracted.captions,
        },
        title,
    );
    prof.lap(|t| &mut t.segment);
    let idx = CharIndex::new(text);
    prof.lap(|t| &mut t.output);
    let mut articles: Vec<Article> = Vec::with_capacity(seg.articles.len());
    let mut words = ner::WordCache::default();
    for a in &seg.articles {
        articles.push(analyse_article(text, &idx, a, &seg.unsure, &mut words, options, prof)?);
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

/// Tokens and sentences of one paragraph.
pub(crate) struct ParaTokens {
    pub range: (usize, usize),
    /// The tokens with their lowercase forms and shapes, for every stage.
    pub tokens: Words,
    pub sentences: Vec<Sentence>,
}

/// One article's findings, in byte offsets, before they become the contract.
pub(crate) struct Findings {
    pub paras: Vec<ParaTokens>,
    /// 1 when the first of `paras` is the headline.
    pub n_head: usize,
    pub mentions: Vec<Mention>,
    pub canon: Vec<String>,
    pub quotes: Vec<quotes::Found>,
    pub figures: Vec<casualties::Figure>,
    /// Which figures stand for one victim each and which are not counted (step `victims`).
    pub counted: casualties::victims::Counted,
}

/// The steps of one article, in order: tokens and sentences, entities,
/// quotes and casualty figures paragraph by paragraph, quotes attributed by
/// context, then the contract's types ([`crate::output`]).
fn analyse_article(
    text: &str,
    idx: &CharIndex<'_>,
    a: &segment::ArticleDraft,
    unsure: &[(usize, usize)],
    words: &mut ner::WordCache,
    options: &Options,
    prof: &mut Profile<'_>,
) -> Result<Article, Error> {
    let paras = tokenise(text, a);
    prof.lap(|t| &mut t.tokens);
    let n_head = usize::from(a.headline.is_some());
    let mentions = if options.entities_may_wait && !entities::model_ready() {
        Vec::new()
    } else {
        find_entities(text, &paras, n_head, words)?
    };
    let canon = entities::canonicalise(text, &mentions);
    prof.lap(|t| &mut t.entities);
    // Some paragraph of the article tells of a death (the casualty passes read it).
    let deaths_told = paras.iter().any(|p| casualties::tells_of_death(text, &p.tokens));
    let (mut quotes, mut figures) = quotes_and_figures(text, &paras, &mentions, deaths_told, prof);
    let views: Vec<quotes::ParaView<'_>> =
        paras.iter().map(|p| quotes::ParaView { range: p.range, tokens: &p.tokens, sentences: &p.sentences }).collect();
    quotes::attribute_by_context(text, &views, &mentions, &mut quotes, options.explain);
    quotes::join_runs(&mut quotes);
    prof.lap(|t| &mut t.quotes);
    // Figures come from several passes per sentence: report them in text order.
    figures.sort_by_key(|f| (f.start, f.end));
    let counted = casualties::victim_pass(&paras, n_head, &mentions, &mut figures, deaths_told);
    prof.lap(|t| &mut t.casualties);
    let found = Findings { paras, n_head, mentions, canon, quotes, figures, counted };
    let article = crate::output::article(text, idx, a, unsure, &found, options.explain);
    prof.lap(|t| &mut t.output);
    Ok(article)
}

/// Step `tokens`: the headline's and each paragraph's tokens and sentences.
fn tokenise(text: &str, a: &segment::ArticleDraft) -> Vec<ParaTokens> {
    let ranges = a.headline.iter().copied().chain(a.paragraphs.iter().map(|p| (p.0, p.1)));
    ranges
        .map(|(s, e)| {
            let tokens = Words::new(text, (s, e));
            let mut sentences = Vec::new();
            tokens::sentences(text, &tokens, &mut sentences);
            ParaTokens { range: (s, e), tokens, sentences }
        })
        .collect()
}

/// Step `entities`: the body's mentions, and the headline's where the body
/// attests them (the headline is title case: its capitals are evidence of
/// nothing).
fn find_entities(
    text: &str,
    paras: &[ParaTokens],
    n_head: usize,
    words: &mut ner::WordCache,
) -> Result<Vec<Mention>, Error> {
    let views: Vec<Para<'_>> = paras.iter().map(|p| Para { tokens: &p.tokens, sentences: &p.sentences }).collect();
    let body = entities::find(text, &views[n_head..], words)?;
    let mut mentions = if n_head == 1 {
        entities::in_headline(text, paras[0].range, entities::find(text, &views[..1], words)?, &body)
    } else {
        Vec::new()
    };
    mentions.extend(body);
    Ok(mentions)
}

/// Which paragraphs a quote runs on from: paragraph i when the paragraphs
/// after it open with marks and the run ends in one where its quote closes.
fn quote_runs(text: &str, paras: &[ParaTokens]) -> Vec<bool> {
    let leading: Vec<Option<bool>> = paras.iter().map(|p| quotes::leading_quote_closes(text, p.range)).collect();
    let mut runs_on = vec![false; paras.len()];
    for i in (0..paras.len().saturating_sub(1)).rev() {
        runs_on[i] = match leading[i + 1] {
            Some(true) => true,
            Some(false) => runs_on[i + 1],
            None => false,
        };
    }
    runs_on
}

/// Steps `quotes` and `casualties`, paragraph by paragraph: the quotes and
/// the speakers their sentences give, and each sentence's figures.
fn quotes_and_figures(
    text: &str,
    paras: &[ParaTokens],
    mentions: &[Mention],
    deaths_told: bool,
    prof: &mut Profile<'_>,
) -> (Vec<quotes::Found>, Vec<casualties::Figure>) {
    let mut found_quotes = Vec::new();
    let mut figures = Vec::new();
    let runs_on = quote_runs(text, paras);
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
    (found_quotes, figures)
}
