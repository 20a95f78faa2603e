//! Plain-text segmentation: lines become blocks, blocks are classified from
//! their shape (length, punctuation, capitalisation, stop words, links,
//! handles, neighbours), and blocks are grouped into articles.
//!
//! All offsets here are byte offsets into the analysed text.

use crate::blockmodel;
use crate::lexicon;
use crate::tokens::{Sentence, Token, TokenKind};
use crate::types::{BoilerplateKind, ParagraphKind, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    SourceLabel,
    Timestamp,
    Byline,
    Body,
    Embed,
    Boilerplate(BoilerplateKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// Blank lines between this block and the previous one.
    pub gap_before: usize,
    /// Kept in the body without confidence: the rules had no better place
    /// for it, or the fitted model took it for page furniture.
    pub unsure: bool,
}

/// One article found on the page (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleDraft {
    pub role: Role,
    pub headline: Option<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    pub published: Option<(usize, usize)>,
    pub byline: Option<(usize, usize)>,
    /// The standfirst: the summary between the headline and the byline or
    /// date. It stays the first body paragraph too, so its text is analysed.
    pub standfirst: Option<(usize, usize)>,
    pub span: (usize, usize),
    pub paragraphs: Vec<(usize, usize, ParagraphKind)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmentation {
    pub articles: Vec<ArticleDraft>,
    pub boilerplate: Vec<(usize, usize, BoilerplateKind)>,
    /// Lines kept in the body without confidence (see [`Block::unsure`]), in order.
    pub unsure: Vec<(usize, usize)>,
}

/// Shape features of one line.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    words: usize,
    /// Words starting with an uppercase letter, among words with letters that are not function words.
    title_ratio: f32,
    /// Share of words that are function words.
    stop_ratio: f32,
    /// Share of words that are function words in lowercase ("and", "were").
    lower_stop_ratio: f32,
    ends_sentence: bool,
    ends_colon: bool,
    has_link: bool,
    has_handle: bool,
    starts_dash: bool,
    relative_time: bool,
    starts_by: bool,
}

fn shape(line: &str) -> Shape {
    let mut s = Shape::default();
    let mut content = 0usize;
    let mut capital = 0usize;
    let mut stops = 0usize;
    let mut lower_stops = 0usize;
    for w in line.split_whitespace() {
        s.words += 1;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        if lexicon::is_function_word_any_case(core) {
            stops += 1;
            if core.starts_with(|c: char| c.is_uppercase()) {
                capital += 1;
                content += 1;
            } else {
                lower_stops += 1;
            }
            continue;
        }
        if core.starts_with(|c: char| c.is_alphabetic()) {
            content += 1;
            if core.starts_with(|c: char| c.is_uppercase()) {
                capital += 1;
            }
        }
        // (A byte test first: building a substring searcher per word is costly.)
        if w.as_bytes().contains(&b'/')
            && (w.contains("http://")
                || w.contains("https://")
                || w.starts_with("pic.twitter.com")
                || w.contains("t.co/"))
        {
            s.has_link = true;
        }
        if w.starts_with("(@") || w.starts_with('@') {
            s.has_handle = true;
        }
    }
    s.title_ratio = if content == 0 { 0.0 } else { capital as f32 / content as f32 };
    s.stop_ratio = if s.words == 0 { 0.0 } else { stops as f32 / s.words as f32 };
    s.lower_stop_ratio = if s.words == 0 { 0.0 } else { lower_stops as f32 / s.words as f32 };
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ' ', '\u{a0}']);
    s.ends_sentence = trimmed.ends_with(['.', '!', '?', '…']);
    s.ends_colon = trimmed.ends_with(':');
    s.starts_dash = line.starts_with("- ") || line.starts_with("— ") || line.starts_with("– ");
    // (A relative time is four words at most.)
    s.relative_time = s.words <= 4 && is_relative_time(line) || is_absolute_date(line);
    s.starts_by = ["By ", "Posted by ", "Written by "].iter().any(|p| line.starts_with(p)) && s.words <= 8;
    s
}

/// "14 minutes ago", "2 hours ago", "Updated 3 days ago", "yesterday".
fn is_relative_time(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    let l = l.strip_prefix("updated ").unwrap_or(&l);
    let l = l.strip_prefix("published ").unwrap_or(l);
    let words: Vec<&str> = l.split_whitespace().collect();
    match words.as_slice() {
        [n, unit, "ago"] => {
            (n.chars().all(|c| c.is_ascii_digit()) || *n == "an" || *n == "a")
                && matches!(
                    unit.trim_end_matches('s'),
                    "second" | "minute" | "min" | "hour" | "hr" | "day" | "week" | "month" | "year"
                )
        }
        ["just", "now"] | ["yesterday"] => true,
        _ => false,
    }
}

/// A dateline of its own: "March 3, 2025", "Published 5:32 PM EDT, Mon
/// March 3, 2025", "Updated: 03/04/2025 10:15 a.m.", "2025-03-03". Every
/// word is a date or time word, and there is a month or a numeric date.
fn is_absolute_date(line: &str) -> bool {
    let mut dated = false;
    let mut words = 0;
    for raw in line.split_whitespace() {
        let w = raw.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | '|' | '(' | ')' | '·' | '•'));
        if w.is_empty() || matches!(w, "-" | "–" | "—") {
            continue;
        }
        words += 1;
        if words > 12 {
            return false;
        }
        let l = w.to_ascii_lowercase();
        let month = matches!(
            l.as_str(),
            "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
        ) || lexicon::is_calendar(w) && !w.ends_with("day");
        let digits = w.chars().filter(char::is_ascii_digit).count();
        // 03/04/2025, 2025-03-03, 5:32, 3rd, 2025
        let numeric = digits > 0
            && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | ':'))
            && (w.contains('/') || w.matches('-').count() == 2);
        let number = digits > 0
            && w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).chars().all(|c| c.is_ascii_digit() || c == ':');
        let weekday = lexicon::is_calendar(w) && w.ends_with("day")
            || matches!(l.as_str(), "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun");
        let other = matches!(
            l.as_str(),
            "published"
                | "updated"
                | "posted"
                | "last"
                | "first"
                | "date"
                | "on"
                | "at"
                | "of"
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "et"
                | "est"
                | "edt"
                | "ct"
                | "cst"
                | "cdt"
                | "pt"
                | "pst"
                | "pdt"
                | "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "ist"
        );
        dated |= month || numeric;
        if !(month || numeric || number || weekday || other) {
            return false;
        }
    }
    dated
}

/// Longest site notice, in words.
const NOTICE_WORDS: usize = 60;

/// Site notices: (prefixes, phrases anywhere, kind). Data, so one search loop serves all.
const NOTICES: &[(&[&str], &[&str], BoilerplateKind)] = &[
    (
        &["copyright", "©", "(c) ", "disclaimer", "the full article contains"],
        &[
            "all rights reserved",
            "may not be published, broadcast",
            "may not be reproduced",
            "without the prior written",
            "without permission is prohibited",
            "expressly prohibited",
            "reproduction in whole or in part",
            "is a trade mark of",
            "is a trademark of",
            "are trademarks of",
            "registered trademark",
            "read our terms",
            "our terms and conditions",
            "our privacy policy",
            "our privacy statement",
            "not necessarily those of",
            "not necessarily reflect",
            "is not responsible for the content",
            "can be reached at",
            "contributed to this report",
            "contributed reporting",
            "is hosted and managed by",
            "will not store your e",
        ],
        BoilerplateKind::Trailer,
    ),
    (
        &["click here", "log in to", "register for"],
        &[
            ". click here",
            "by clicking here",
            "chance to win",
            "you must be a member",
            "must be logged in",
            "delivered via email",
        ],
        BoilerplateKind::Promo,
    ),
    (&[], &["have your say", "limit your comments", "email your comments"], BoilerplateKind::Comments),
    (&[], &["flash player", "enable javascript", "javascript is disabled"], BoilerplateKind::Other),
    (&[], &["skip directly to", "skip to content", "skip to main content"], BoilerplateKind::Navigation),
];

/// A site's notice written as prose: copyright and reuse terms, trademark
/// and disclaimer lines, calls to click or to install a player, members-only
/// notes and skip links. General web wording, not any one site's.
fn site_notice(l: &str) -> Option<BoilerplateKind> {
    NOTICES
        .iter()
        .find(|(starts, phrases, _)| starts.iter().any(|p| l.starts_with(p)) || contains_any(l, phrases))
        .map(|n| n.2)
}

/// Does the line hold a word that every site notice holds one of? A cheap
/// test, with no allocation, that spares most prose the phrase search.
fn may_be_notice(line: &str) -> bool {
    line.contains('©')
        || line.contains("(c)")
        || line.contains("(C)")
        || line.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            let mut buf = [0u8; 12];
            if !(3..=12).contains(&w.len()) {
                return false;
            }
            for (b, c) in buf.iter_mut().zip(w.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            matches!(
                &buf[..w.len()],
                b"copyright"
                    | b"disclaimer"
                    | b"contains"
                    | b"reserved"
                    | b"broadcast"
                    | b"reproduced"
                    | b"written"
                    | b"prohibited"
                    | b"reproduction"
                    | b"mark"
                    | b"trademark"
                    | b"trademarks"
                    | b"terms"
                    | b"privacy"
                    | b"necessarily"
                    | b"responsible"
                    | b"reached"
                    | b"contributed"
                    | b"hosted"
                    | b"store"
                    | b"click"
                    | b"clicking"
                    | b"chance"
                    | b"member"
                    | b"logged"
                    | b"log"
                    | b"register"
                    | b"delivered"
                    | b"your"
                    | b"flash"
                    | b"javascript"
                    | b"skip"
            )
        })
}

/// Does `l` contain any of `phrases`? (One search loop, kept out of line:
/// inlined at each call, the substring searcher costs kilobytes of wasm.)
#[inline(never)]
fn contains_any(l: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| l.contains(p))
}

/// General page-furniture phrases (whole short lines), by kind. These are
/// the common words of web furniture, not any one site's strings.
fn furniture_kind(line: &str, sh: &Shape) -> Option<BoilerplateKind> {
    if sh.words > 10 {
        return if sh.words <= NOTICE_WORDS && may_be_notice(line) {
            site_notice(&line.trim().to_lowercase())
        } else {
            None
        };
    }
    let l = line.trim().trim_end_matches(['.', ':', '…']).to_lowercase();
    let has = |p: &str| l.contains(p);
    let short = sh.words <= 4;
    if l == "comments"
        || short && (l.ends_with(" comments") || l.ends_with(" comment") || l.starts_with("comments"))
        || has("no comments")
        || has("leave a comment")
        || has("add a comment")
        || has("post a comment")
        || has("comments (")
        || has("reader comments")
        || has("join the discussion")
        || has("join the conversation")
    {
        return Some(BoilerplateKind::Comments);
    }
    if has("related articles")
        || has("related stories")
        || has("read more")
        || has("more stories")
        || has("recommended")
        || l == "related"
        || has("most read")
        || has("most popular")
    {
        return Some(BoilerplateKind::RelatedLinks);
    }
    if l == "advertisement"
        || has("remove ads")
        || has("sponsored")
        || has("ad feedback")
        || has("article continues")
        || has("story continues below")
    {
        return Some(BoilerplateKind::Ad);
    }
    if has("subscribe")
        || has("sign up")
        || has("newsletter")
        || has("download the app")
        || has("try our")
        || has("explore what")
        || has("log in")
    {
        return Some(BoilerplateKind::Promo);
    }
    // The story's tools: share, mail, print, type size.
    if has("share this")
        || has("follow us")
        || l == "share"
        || has("share on")
        || has("print this")
        || has("email this")
        || has("e-mail this")
        || has("printer friendly")
        || has("printer-friendly")
        || has("print article")
        || has("email article")
        || has("to a friend")
        || has("font size")
        || has("text size")
    {
        return Some(BoilerplateKind::Social);
    }
    if l.starts_with("write to ")
        || l.starts_with("contact the author")
        || has("all rights reserved")
        || l.starts_with("copyright")
        || l.starts_with('©')
    {
        return Some(BoilerplateKind::Trailer);
    }
    if has("skip to") || l == "menu" || l == "home" || l == "search" {
        return Some(BoilerplateKind::Navigation);
    }
    if may_be_notice(line) {
        site_notice(&l)
    } else {
        None
    }
}

/// Could this line be a headline? `context` says a headline is expected
/// here (page start, after a gap, a source label or a timestamp).
fn is_headline_shape(sh: &Shape, context: bool) -> bool {
    let plain = (2..=25).contains(&sh.words) && !sh.ends_colon && !sh.has_link && !sh.has_handle;
    plain
        && (!sh.ends_sentence && (sh.title_ratio >= 0.5 || context && sh.title_ratio >= 0.25)
            // A full stop after title case: only when every content word or
            // the small words too are capitalised ("Man Shot in Leg at
            // Park."), not a sentence full of names ("Terrell and Zigan were
            // taken to … County.").
            || sh.title_ratio >= 0.8 && sh.words >= 3 && (!sh.ends_sentence || sh.lower_stop_ratio < 0.1 || sh.title_ratio >= 0.99))
}

/// Does this line read as running prose?
fn is_body_shape(sh: &Shape) -> bool {
    sh.words > 40
        || sh.words >= 6 && sh.ends_sentence && sh.title_ratio < 0.6
        || sh.words >= 12 && sh.stop_ratio >= 0.15 && sh.title_ratio < 0.45
}

/// Split into non-blank lines, each trimmed, with the blank lines before it.
fn lines(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut blanks = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let lead = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.is_empty() {
            blanks += 1;
        } else {
            let s = pos + lead;
            out.push((s, s + t.len(), blanks));
            blanks = 0;
        }
        pos += raw.len();
    }
    out
}

fn furniture_name(k: BoilerplateKind) -> &'static str {
    match k {
        BoilerplateKind::Ad => "ad",
        BoilerplateKind::Promo => "promo",
        BoilerplateKind::Navigation => "navigation",
        BoilerplateKind::RelatedLinks => "related_links",
        BoilerplateKind::Comments => "comments",
        BoilerplateKind::Trailer => "trailer",
        BoilerplateKind::Social => "social",
        _ => "other",
    }
}

/// What the fitted block model sees of a line (see `blockmodel`).
fn model_shape(line: &str, sh: &Shape, furniture: Option<BoilerplateKind>) -> blockmodel::LineShape {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ' ', '\u{a0}']);
    let end = trimmed.chars().last().filter(|c| matches!(c, '.' | '!' | '?' | ':' | '…')).unwrap_or('n');
    let (mut digits, mut chars) = (0usize, 0usize);
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        chars += 1;
        digits += usize::from(c.is_ascii_digit());
    }
    blockmodel::LineShape {
        words: sh.words,
        title_ratio: sh.title_ratio,
        stop_ratio: sh.stop_ratio,
        end,
        link: sh.has_link,
        handle: sh.has_handle,
        digit_ratio: if chars == 0 { 0.0 } else { digits as f32 / chars as f32 },
        commas: line.matches(',').count(),
        pipes: line.contains(['|', '»', '›', '·']),
        furniture: furniture.map(furniture_name),
        relative_time: sh.relative_time,
        starts_by: sh.starts_by,
        starts_dash: sh.starts_dash,
        quote: line.contains(['“', '"']),
    }
}

/// The fitted model's features of each non-blank line of `text`, in order
/// (for the trainer, which must see lines exactly as `classify` does).
pub fn line_features(text: &str) -> Vec<Vec<u64>> {
    let ls = lines(text);
    let texts: Vec<&str> = ls.iter().map(|&(s, e, _)| &text[s..e]).collect();
    let ms: Vec<blockmodel::LineShape> = texts
        .iter()
        .map(|l| {
            let sh = shape(l);
            model_shape(l, &sh, furniture_kind(l, &sh))
        })
        .collect();
    let mut out = Vec::new();
    blockmodel::line_features(&ms, &texts, &mut out);
    out
}

/// Prose the fitted model may not turn into furniture: body-shaped, a
/// sentence of six words or more, a line of two sentences, or twelve words
/// with a fair share of function words.
fn prose_like(line: &str, sh: &Shape) -> bool {
    let two_sentences =
        sh.words >= 8 && line.match_indices(". ").any(|(i, _)| line[i + 2..].starts_with(|c: char| c.is_uppercase()));
    is_body_shape(sh) || sh.ends_sentence && sh.words >= 6 || two_sentences || sh.words >= 12 && sh.stop_ratio >= 0.15
}

/// A list run together with bars ("Africa | Arabic | Brazil | …"): at
/// least one bar for every six words.
fn pipe_list(line: &str, sh: &Shape) -> bool {
    let bars = line.matches('|').count();
    bars >= 2 && bars * 6 >= sh.words
}

/// How likely furniture the fitted model may find a line the body keeps
/// before it is marked unsure.
const UNSURE_FURNITURE: f32 = 0.5;

/// How sure the fitted model must be to overrule the shape rules.
const FURNITURE_SURE: f32 = 0.8;
const BODY_SURE: f32 = 0.8;

/// Classify every line of `text`.
pub fn classify(text: &str) -> Vec<Block> {
    let ls = lines(text);
    let shapes: Vec<Shape> = ls.iter().map(|&(s, e, _)| shape(&text[s..e])).collect();
    // Page-furniture phrases, looked up once a line for the rules and the model.
    let furniture: Vec<Option<BoilerplateKind>> =
        ls.iter().zip(&shapes).map(|(&(s, e, _), sh)| furniture_kind(&text[s..e], sh)).collect();
    // The fitted model's view: body, headline or furniture, per line.
    let probs: Vec<Option<[f32; blockmodel::CLASSES]>> = blockmodel::BlockModel::using(|m| match m {
        Some(m) => {
            let texts: Vec<&str> = ls.iter().map(|&(s, e, _)| &text[s..e]).collect();
            let ms: Vec<blockmodel::LineShape> =
                texts.iter().zip(&shapes).zip(&furniture).map(|((l, sh), fk)| model_shape(l, sh, *fk)).collect();
            let mut feats = Vec::new();
            blockmodel::line_features(&ms, &texts, &mut feats);
            feats.iter().map(|f| Some(m.probs(f))).collect()
        }
        None => vec![None; ls.len()],
    });
    let short_line = |k: usize| shapes.get(k).is_some_and(|s| s.words < 12 && !s.ends_sentence);
    let mut blocks: Vec<Block> = Vec::with_capacity(ls.len());
    // Lines the model took out of the body.
    let mut demoted: Vec<usize> = Vec::new();
    for (i, &(s, e, gap)) in ls.iter().enumerate() {
        let line = &text[s..e];
        let sh = shapes[i];
        let next = shapes.get(i + 1);
        // A post's text with its links, or its "— Name (@handle) date" line.
        let social_post = sh.has_link && (line.contains("pic.twitter.com") || line.contains("t.co/"));
        let social_byline =
            (sh.starts_dash && sh.has_handle) || (sh.has_handle && sh.words <= 12 && line.contains("(@"));
        // "- Source" lines, or a short label right before a relative time.
        let label = sh.starts_dash && sh.words <= 6
            || sh.words <= 5 && !sh.ends_sentence && next.map(|n| n.relative_time).unwrap_or(false);
        let mut fallback = false;
        let kind = if social_post || social_byline {
            BlockKind::Embed
        } else if sh.relative_time {
            BlockKind::Timestamp
        } else if sh.starts_by {
            BlockKind::Byline
        } else if let Some(k) = furniture[i] {
            BlockKind::Boilerplate(k)
        } else if label {
            BlockKind::SourceLabel
        } else {
            let prev = blocks.last().map(|b: &Block| b.kind);
            let context = i == 0 || gap > 0 || matches!(prev, Some(BlockKind::SourceLabel | BlockKind::Timestamp));
            let after_label = matches!(prev, Some(BlockKind::SourceLabel | BlockKind::Timestamp));
            // Body next, or a byline (or a time) and then body: "Headline / By Name / text".
            // Body next, perhaps after up to three lines of byline and dates.
            let meta = |k: usize| shapes.get(k).is_some_and(|n| n.starts_by || n.relative_time);
            let after_meta = (i + 1..(i + 4).min(shapes.len())).find(|&k| !meta(k)).unwrap_or(i + 4);
            // (A story opening with a dateline reads as body too, though its
            // capitals make it look like a title.)
            let next_is_body = shapes.get(after_meta).is_some_and(|n| {
                is_body_shape(n)
                    || n.ends_sentence && n.words >= 6 && dateline(text, (ls[after_meta].0, ls[after_meta].1)).is_some()
            });
            let kind = if (is_headline_shape(&sh, context) && !is_body_shape(&sh)
                || after_label && !sh.ends_sentence && sh.words <= 25)
                && next_is_body
            {
                BlockKind::Headline
            } else if is_body_shape(&sh) {
                BlockKind::Body
            } else if is_headline_shape(&sh, false) {
                // Headline-like but not followed by body: a teaser link, or
                // (three words or fewer) a menu entry.
                BlockKind::Boilerplate(if sh.words <= 3 {
                    BoilerplateKind::Navigation
                } else {
                    BoilerplateKind::RelatedLinks
                })
            } else if sh.words < 6 && !sh.ends_sentence {
                BlockKind::Boilerplate(BoilerplateKind::Other)
            } else {
                // Unsure: keep it as body rather than dropping text.
                fallback = true;
                BlockKind::Body
            };
            // The fitted model overrules the shape rules only when it is sure.
            let listed = short_line(i) && (i > 0 && short_line(i - 1) || short_line(i + 1));
            match (kind, probs[i]) {
                // (Headlines stand as the rules find them: vetoing those the
                // model takes for teasers costs the HTML main-body score more
                // than it gains.)
                // Prose keeps its place: the model is fitted on whole web
                // pages, where short stories are often teasers.
                (BlockKind::Body, Some(p))
                    if p[blockmodel::FURNITURE] > FURNITURE_SURE
                        && (!prose_like(line, &sh) || pipe_list(line, &sh)) =>
                {
                    demoted.push(blocks.len());
                    BlockKind::Boilerplate(if listed { BoilerplateKind::RelatedLinks } else { BoilerplateKind::Other })
                }
                (
                    BlockKind::Boilerplate(
                        BoilerplateKind::Other | BoilerplateKind::RelatedLinks | BoilerplateKind::Navigation,
                    ),
                    Some(p),
                ) if p[blockmodel::BODY] > BODY_SURE => BlockKind::Body,
                (k, _) => k,
            }
        };
        // (Prose stays body by design and is not flagged: the model, fitted
        // on whole web pages, doubts any short story.)
        let doubted = probs[i].is_some_and(|p| p[blockmodel::FURNITURE] > UNSURE_FURNITURE) && !prose_like(line, &sh);
        let unsure = kind == BlockKind::Body && (fallback || doubted);
        blocks.push(Block { start: s, end: e, kind, gap_before: gap, unsure });
    }
    // A page the model would leave with no body at all (a bulletin of short
    // lines) keeps the lines the rules gave the body.
    if !blocks.iter().any(|b| b.kind == BlockKind::Body) {
        for &i in &demoted {
            blocks[i].kind = BlockKind::Body;
            blocks[i].unsure = true;
        }
    }
    // A single headline-shaped line outside a run of them is a kicker or a
    // label, not a list of links.
    let link_line =
        |b: Option<&Block>| b.map(|b| b.kind == BlockKind::Boilerplate(BoilerplateKind::RelatedLinks)).unwrap_or(false);
    for i in 0..blocks.len() {
        if link_line(blocks.get(i))
            && !link_line(i.checked_sub(1).and_then(|k| blocks.get(k)))
            && !link_line(blocks.get(i + 1))
            && furniture[i].is_none()
        {
            blocks[i].kind = BlockKind::Boilerplate(BoilerplateKind::Other);
        }
    }
    // A lone "related links" line between body paragraphs of one article is
    // more likely a subheading or a short paragraph: keep it as body.
    for i in 1..blocks.len().saturating_sub(1) {
        if blocks[i].kind == BlockKind::Boilerplate(BoilerplateKind::RelatedLinks)
            && blocks[i - 1].kind == BlockKind::Body
            && blocks[i + 1].kind == BlockKind::Body
            && furniture[i].is_none()
        {
            blocks[i].kind = BlockKind::Body;
        }
    }
    let lines: Vec<&str> = ls.iter().map(|&(s, e, _)| &text[s..e]).collect();
    headline_over_story(&lines, &shapes, &furniture, &probs, &mut blocks);
    blocks
}

/// In pasted text, a short heading between paragraphs of a story ("Pricing
/// and availability") is a subheading, not a new article: it stays in the
/// body. (A web page's sections are folded with its markup's help, in
/// [`fold_sections`].)
fn keep_subheadings(text: &str, blocks: &mut [Block]) {
    // (Shapes only for the few lines around a headline.)
    let shape_of = |b: &Block| shape(&text[b.start..b.end]);
    for i in 2..blocks.len().saturating_sub(1) {
        if blocks[i].kind != BlockKind::Headline || shape_of(&blocks[i]).words > SUBHEADING_WORDS {
            continue;
        }
        // (A section, not a teaser's one-line blurb before the next headline.)
        let next = &blocks[i + 1];
        let section = next.kind == BlockKind::Body
            && (shape_of(next).words > TEASER_WORDS || blocks.get(i + 2).is_none_or(|b| b.kind == BlockKind::Body));
        if section
            && body_prose(&blocks[i - 1], &shape_of(&blocks[i - 1]))
            && body_prose(&blocks[i - 2], &shape_of(&blocks[i - 2]))
        {
            blocks[i].kind = BlockKind::Body;
        }
    }
}

/// A body block that reads as running text: a sentence, or twelve words.
fn body_prose(b: &Block, sh: &Shape) -> bool {
    b.kind == BlockKind::Body && (sh.ends_sentence || sh.words >= 12)
}

/// Longest subheading, in words: a new story's headline is longer.
const SUBHEADING_WORDS: usize = 5;

/// Lines looked back over, from a story's first paragraph, for its headline.
const HEADLINE_LOOKBACK: usize = 10;
/// Words, or paragraphs, of body a stretch needs to be taken for the page's story.
const STORY_MIN_WORDS: usize = 100;
const STORY_MIN_PARAGRAPHS: usize = 3;

/// Could this line be the headline over a story, with page furniture
/// (a date, "Email | Print", a byline) between them? Three words or more
/// with letters, no sentence end but a question or an exclamation, no
/// colon at the end, no link, handle, bar or breadcrumb.
fn headline_candidate(line: &str, sh: &Shape, furniture: Option<BoilerplateKind>) -> bool {
    let lettered = line.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    (3..=25).contains(&lettered)
        && sh.words <= 25
        && furniture.is_none()
        && !sh.ends_colon
        && !sh.has_link
        && !sh.has_handle
        && !sh.relative_time
        && !sh.starts_by
        && !end.ends_with(['.', '…', ','])
        && !line.contains(['|', '»', '›', '>', '<', '{', '}', '[', ']', '@', '©'])
        && !line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
        && comment_signature(line).is_none()
}

/// A page's story often sits under furniture that hides its headline from
/// the line-by-line rules ("Headline / date / Email | Print / By X /
/// story"). For the first stretch of body long enough to be the story,
/// when no headline-shaped line already stands over it within a few
/// lines, the line the fitted model finds most headline-like there (the
/// nearest one without a model) becomes its headline.
fn headline_over_story(
    lines: &[&str],
    shapes: &[Shape],
    furniture: &[Option<BoilerplateKind>],
    probs: &[Option<[f32; blockmodel::CLASSES]>],
    blocks: &mut [Block],
) {
    let prose = |i: usize| body_prose(&blocks[i], &shapes[i]);
    // The first stretch of body (gaps of up to three lines) of enough words
    // or paragraphs.
    let mut story = None;
    let mut i = 0;
    while i < blocks.len() {
        if !prose(i) {
            i += 1;
            continue;
        }
        let (mut words, mut paragraphs, mut last) = (0, 0, i);
        let mut j = i;
        while j < blocks.len() && j <= last + 3 && blocks[j].kind != BlockKind::Headline {
            if prose(j) {
                words += shapes[j].words;
                paragraphs += 1;
                last = j;
            }
            j += 1;
        }
        if words >= STORY_MIN_WORDS || paragraphs >= STORY_MIN_PARAGRAPHS {
            story = Some(i);
            break;
        }
        i = last + 1;
    }
    let Some(first) = story else { return };
    let window: Vec<usize> =
        (first.saturating_sub(HEADLINE_LOOKBACK)..first).rev().take_while(|&k| !prose(k)).collect();
    let candidate = |k: usize| headline_candidate(lines[k], &shapes[k], furniture[k]);
    let score = |k: usize| probs[k].map_or(0.0, |p| p[blockmodel::HEADLINE]);
    let mut best: Option<usize> = None;
    for &k in window.iter().filter(|&&k| candidate(k)) {
        // (Nearest first: a tie goes to the line nearer the story.)
        if best.is_none_or(|b| score(k) > score(b)) {
            best = Some(k);
        }
    }
    let Some(h) = best.filter(|&h| probs[h].is_none() || score(h) >= HEADLINE_MIN_PROB) else { return };
    // A headline the rules found stands when the model does not much prefer
    // another line, or prefers the line just over it while only a byline or
    // a date parts it from the story (a kicker over a headline).
    let found = window.iter().find(|&&k| blocks[k].kind == BlockKind::Headline && candidate(k));
    let over_story = |k: usize| {
        blocks[k + 1..first]
            .iter()
            .all(|b| matches!(b.kind, BlockKind::Byline | BlockKind::Timestamp | BlockKind::SourceLabel))
    };
    if found.is_some_and(|&k| {
        k == h || over_story(k) && h + 1 == k || probs[h].is_none() || score(h) < score(k) + HEADLINE_SWITCH_MARGIN
    }) {
        return;
    }
    blocks[h].kind = BlockKind::Headline;
    // Headline-shaped lines between it and the story are furniture now.
    for b in &mut blocks[h + 1..first] {
        if matches!(b.kind, BlockKind::Headline | BlockKind::Body) {
            b.kind = BlockKind::Boilerplate(BoilerplateKind::Other);
        }
    }
}

/// How much more headline-like the model must find another line than the
/// rules' headline over a story to put it in that headline's place.
const HEADLINE_SWITCH_MARGIN: f32 = 0.2;

/// How likely a headline the fitted model must find a line to be put over a story.
const HEADLINE_MIN_PROB: f32 = 0.2;

/// Photo captions left inside running text by a scraper: sentences with
/// no verb of their own, a name or a noun phrase, a place or company, and a
/// time ("Ivan Shabunko in a detention center in February.", "Destroyed
/// buildings in Vovchansk in October.", "Simdyankin with his sister in a
/// restaurant last year."). Returns their byte spans.
pub fn caption_sentences(text: &str, toks: &[Token], sents: &[Sentence]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for s in sents {
        let t = &toks[s.first..s.end];
        let words: Vec<&str> = t.iter().filter(|x| x.kind != TokenKind::Punct).map(|x| x.text(text)).collect();
        if !(2..=16).contains(&words.len()) || t.last().map(|x| x.text(text)) != Some(".") {
            continue;
        }
        let first = words[0];
        if !first.starts_with(char::is_uppercase)
            || matches!(first, "He" | "She" | "They" | "It" | "We" | "I" | "You" | "This" | "That" | "There" | "But")
        {
            continue;
        }
        // Ends on a time: "in October", "in February 2024", "last year", "in 2023".
        let n = words.len();
        let last = words[n - 1];
        let before = if n >= 2 { words[n - 2] } else { "" };
        let year = last.len() == 4 && last.chars().all(|c| c.is_ascii_digit());
        // Months, not weekdays: "on Tuesday" is the day of a reported event.
        let month = |w: &str| lexicon::is_calendar(w) && !w.ends_with("day");
        let timed = month(last)
            || year && (month(before) || before == "in")
            || matches!(before, "last" | "this" | "earlier")
                && matches!(last, "year" | "month" | "week" | "summer" | "winter" | "spring" | "fall" | "autumn");
        if !timed {
            continue;
        }
        // A preposition soon after the name or noun, and no verb anywhere.
        let prep = |w: &str| {
            matches!(w, "in" | "with" | "at" | "near" | "on" | "during" | "outside" | "inside" | "from" | "among")
        };
        let verb = |w: &str| {
            matches!(
                w,
                "is" | "was"
                    | "were"
                    | "are"
                    | "be"
                    | "been"
                    | "has"
                    | "had"
                    | "have"
                    | "said"
                    | "says"
                    | "did"
                    | "does"
                    | "do"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
            ) || w.len() > 4 && w.ends_with("ed")
        };
        // Before the preposition: the name, or a noun phrase with at most one
        // lowercase word, a plural ("Destroyed buildings in …"), never a verb
        // ("Wells spoke with …").
        let lower: Vec<&&str> =
            words[1..].iter().take_while(|w| !prep(w)).filter(|w| w.starts_with(char::is_lowercase)).collect();
        if !words[1..(n - 1).min(5)].iter().any(|w| prep(w))
            || lower.len() > 1
            || lower.iter().any(|w| !w.ends_with('s') || w.ends_with("ss"))
            || words[1..].iter().any(|w| w.starts_with(char::is_lowercase) && verb(w))
        {
            continue;
        }
        out.push((t[0].start, t[t.len() - 1].end));
    }
    out
}

/// Group classified blocks into articles and page furniture.
#[cfg(test)]
pub fn segment(text: &str) -> Segmentation {
    segment_with(text, false)
}

/// Is this line a reader's signature over or under a comment ("Posted by:
/// Sam | Jan 10", "— Posted by Sam, Denver", "Submitted by sam on …")? Some
/// (whether it opens with a dash, as a signature under its comment) if so.
fn comment_signature(line: &str) -> Option<bool> {
    let t = line.trim();
    let rest = t.trim_start_matches(['—', '–', '-', '~', ' ']);
    let dash = rest.len() < t.len();
    if !rest.starts_with(['P', 'p', 'S', 's', 'C', 'c']) {
        return None;
    }
    let lower: String = rest.chars().take(16).collect::<String>().to_lowercase();
    let signed = ["posted by", "submitted by", "comment by", "commented by"]
        .iter()
        .any(|p| lower.starts_with(p) && lower[p.len()..].starts_with([' ', ':']));
    // (Not a sentence: "Posted by the council on its site, the notice said …".)
    let words = t.split_whitespace().count();
    (signed && words <= 20 && !(t.ends_with('.') && words > 8)).then_some(dash)
}

/// [`segment`]; `web_page`: the text comes from a whole web page's HTML.
/// Prose after a comments heading is taken as readers' comments once the
/// article before it has two paragraphs; on a web page, four, since a
/// comment count or link ("53 Comments") often sits under a story's lead.
pub fn segment_with(text: &str, web_page: bool) -> Segmentation {
    let comments_after = if web_page { 4 } else { 2 };
    let mut blocks = classify(text);
    if !web_page {
        keep_subheadings(text, &mut blocks);
    }
    let mut seg = Segmentation::default();
    let mut cur: Option<ArticleDraft> = None;
    // Source label / timestamp seen since the last body block, waiting for a headline.
    let mut pending_source: Option<(usize, usize)> = None;
    let mut pending_time: Option<(usize, usize)> = None;
    let mut pending_date: Option<(usize, usize)> = None;

    let finish = |cur: &mut Option<ArticleDraft>, seg: &mut Segmentation| {
        if let Some(mut a) = cur.take() {
            // A teaser with no story after it (a list's item) is no standfirst.
            if a.paragraphs.len() < 2 {
                a.standfirst = None;
            }
            if let Some(last) = a.paragraphs.last() {
                a.span.1 = last.1;
                seg.articles.push(a);
            } else if let Some(h) = a.headline {
                // A headline with no body after it: a link, not an article.
                seg.boilerplate.push((h.0, h.1, BoilerplateKind::RelatedLinks));
            }
        }
    };

    // After a comments heading that follows an article's body, prose is
    // readers' comments until the next headline, source label or time.
    let mut in_comments = false;
    for (bi, b) in blocks.iter().enumerate() {
        let range = (b.start, b.end);
        // A reader's signature ("Posted by: Sam | Jan 10, 2008 4:49 PM")
        // after an article's body starts the comments, and one ending a
        // comment ("— Posted by Sam, Denver") takes that comment with it.
        if let Some(dash) = comment_signature(&text[b.start..b.end]) {
            if let Some(a) = cur.as_mut().filter(|a| a.paragraphs.len() >= 2) {
                if dash && !in_comments && a.paragraphs.len() >= 3 {
                    if let Some(p) = a.paragraphs.pop() {
                        seg.boilerplate.push((p.0, p.1, BoilerplateKind::Comments));
                    }
                }
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                in_comments = true;
                continue;
            }
        }
        match b.kind {
            // (Comments carry their own dates, so a time does not end them.)
            // A commenter's name over a dated comment reads like a short
            // headline: it stays in the comments.
            // (So is a name over a dated comment, which reads like a source
            // label: a source label before a relative time ends them.)
            BlockKind::Headline | BlockKind::Timestamp | BlockKind::SourceLabel
                if in_comments
                    && text[b.start..b.end].split_whitespace().count() <= 3
                    && (b.kind != BlockKind::SourceLabel
                        || blocks.get(bi + 1).is_some_and(|n| is_absolute_date(&text[n.start..n.end]))) =>
            {
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                continue;
            }
            BlockKind::Headline | BlockKind::SourceLabel => in_comments = false,
            BlockKind::Boilerplate(BoilerplateKind::Comments) => {
                in_comments = in_comments || cur.as_ref().is_some_and(|a| a.paragraphs.len() >= comments_after);
            }
            BlockKind::Body | BlockKind::Embed if in_comments => {
                seg.boilerplate.push((b.start, b.end, BoilerplateKind::Comments));
                continue;
            }
            _ => {}
        }
        match b.kind {
            BlockKind::Headline => {
                finish(&mut cur, &mut seg);
                pending_time = pending_time.or(pending_date.take());
                cur = Some(ArticleDraft {
                    role: Role::Related,
                    headline: Some(range),
                    source: pending_source.take(),
                    published: pending_time.take(),
                    byline: None,
                    standfirst: None,
                    span: (pending_source.map(|s| s.0).unwrap_or(b.start), b.end),
                    paragraphs: Vec::new(),
                });
            }
            BlockKind::SourceLabel => {
                let label = strip_dash(text, range);
                if cur.as_ref().map(|a| a.paragraphs.is_empty()).unwrap_or(false) {
                    // "- Source" after the timestamp, before the headline.
                    if let Some(a) = cur.as_mut() {
                        a.source.get_or_insert(label);
                    }
                } else {
                    pending_source = Some(label);
                }
            }
            BlockKind::Timestamp => {
                // (A date, not a relative time: "14 minutes ago" after a
                // paragraph heads the next article.)
                let after_standfirst = pending_source.is_none()
                    && is_absolute_date(&text[b.start..b.end])
                    && cur.as_mut().is_some_and(|a| standfirst(text, a));
                if let Some(a) = cur.as_mut().filter(|a| a.paragraphs.is_empty() || after_standfirst) {
                    a.published.get_or_insert(range);
                } else if is_absolute_date(&text[b.start..b.end]) && cur.is_some() {
                    // A date line within an article ("Updated March 4, 2025")
                    // waits for a headline; body after it stays in the article.
                    pending_date = Some(range);
                } else {
                    pending_time = Some(range);
                }
            }
            BlockKind::Byline => {
                if let Some(a) = cur.as_mut() {
                    standfirst(text, a);
                    a.byline.get_or_insert(range);
                } else {
                    cur = Some(new_article(range));
                    if let Some(a) = cur.as_mut() {
                        a.byline = Some(range);
                    }
                }
            }
            BlockKind::Body | BlockKind::Embed => {
                let pk = if b.kind == BlockKind::Embed { ParagraphKind::Embed } else { ParagraphKind::Body };
                if let Some((s, e)) = pending_date.take() {
                    seg.boilerplate.push((s, e, BoilerplateKind::Other));
                }
                // A pending source/time with no headline belongs to a new article.
                if pending_time.is_some() && cur.as_ref().map(|a| !a.paragraphs.is_empty()).unwrap_or(false) {
                    finish(&mut cur, &mut seg);
                }
                if b.unsure {
                    seg.unsure.push(range);
                }
                let a = cur.get_or_insert_with(|| new_article(range));
                if a.paragraphs.is_empty() {
                    a.source = a.source.or(pending_source.take());
                    a.published = a.published.or(pending_time.take());
                }
                a.paragraphs.push((b.start, b.end, pk));
            }
            BlockKind::Boilerplate(kind) => {
                seg.boilerplate.push((b.start, b.end, kind));
            }
        }
    }
    finish(&mut cur, &mut seg);
    if !web_page {
        demote_teasers(text, &mut seg);
    }
    // A date or source line that no article took is kept as furniture.
    for (s, e) in [pending_date, pending_time, pending_source].into_iter().flatten() {
        seg.boilerplate.push((s, e, BoilerplateKind::Other));
    }
    seg.boilerplate.sort_by_key(|b| b.0);
    cut_inline_repeats(text, &mut seg);
    merge_adjacent_boilerplate(text, &mut seg.boilerplate);
    // The first article with real body is the main one.
    if let Some(a) = seg.articles.iter_mut().find(|a| a.paragraphs.iter().any(|p| p.2 == ParagraphKind::Body)) {
        a.role = Role::Main;
    } else if let Some(a) = seg.articles.first_mut() {
        a.role = Role::Main;
    }
    seg
}

/// Longest dateline, in bytes, before its dash.
const DATELINE_BYTES: usize = 64;

/// Words that open a paragraph in capitals and a dash but name no place.
const NOT_PLACES: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "NOTE",
    "EDITOR'S",
    "CORRECTION",
    "ANALYSIS",
    "OPINION",
    "COMMENT",
    "REVIEW",
    "LIVE",
    "WARNING",
    "ALERT",
];

/// The dateline that opens a story's first paragraph: a place in capitals
/// or title case, perhaps a region, a date and an agency, then a dash
/// ("KYIV, Ukraine — …", "WASHINGTON (Reuters) - …", "MANILA, Nov. 24
/// (Xinhua) -- …") or, after a place in capitals, a colon ("KATHMANDU: …").
/// The text after the dash must open a sentence. Returns its byte span,
/// without the dash, and whether the shape alone is too weak (a bare place
/// in title case, or capitals and a colon, which also follow a speaker's
/// name in a transcript): then the entity tagger must find a place at its
/// start.
pub fn dateline(text: &str, (s, e): (usize, usize)) -> Option<((usize, usize), bool)> {
    let para = &text[s..e];
    let mut cut = para.len().min(DATELINE_BYTES + 6);
    while !para.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &para[..cut];
    // The first dash (em or en, "--", or " - ", " _ ") or colon and a space.
    let (head_end, rest) = window.char_indices().find_map(|(i, c)| {
        let after = &window[i + c.len_utf8()..];
        let spaced = window[..i].ends_with(' ') && after.starts_with(' ');
        match c {
            '—' | '–' => Some((i, after)),
            '-' if after.starts_with("- ") => Some((i, &after[1..])),
            '-' | '_' if spaced => Some((i, after)),
            ':' if after.starts_with(' ') => Some((i, after)),
            _ => None,
        }
    })?;
    let head = para[..head_end].trim_end();
    let colon = para[head_end..].starts_with(':');
    let opens = rest.trim_start().starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    if head.is_empty() || head.len() > DATELINE_BYTES || !opens {
        return None;
    }
    // The place: words up to a comma, a bracket or a slash.
    let place_end = head.find([',', '(', '/']).unwrap_or(head.len());
    let place: Vec<&str> = head[..place_end].split_whitespace().collect();
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let title = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let all_caps = !place.is_empty() && place.iter().all(|w| caps(w));
    // A region, date or agency after the place ("Reno, Nev.", "Beijing (PTI)").
    let qualified = place_end < head.len();
    let agency = head.contains('(');
    if !(1..=4).contains(&place.len())
        || !(all_caps || (!colon || agency) && place.iter().all(|w| title(w)))
        || all_caps && NOT_PLACES.contains(&place[0])
    {
        return None;
    }
    // The rest: a region or a date after commas ("Ukraine", "Nov. 24"), an
    // agency in brackets or slashes, each of a few words.
    let parts_ok = head[place_end..].split([',', '(', ')', '/']).map(str::trim).filter(|p| !p.is_empty()).all(|p| {
        let mut n = 0;
        p.split_whitespace().all(|w| {
            n += 1;
            n <= 4 && w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        })
    });
    parts_ok.then_some(((s, s + head.len()), if all_caps { colon && !agency } else { !qualified }))
}

/// Longest blurb under a teaser's headline, in words.
const TEASER_WORDS: usize = 35;

/// A headline over one short paragraph, with no source, date or byline, is
/// a teaser in a list of links ("Headline / one-line blurb"), not an
/// article, when the page has a real story (two paragraphs or more): both
/// lines become a related_links block. A page of nothing but short items
/// keeps them as articles. (Pasted text only: a web page's markup tells its
/// sections and link lists apart, see [`apply_hints`].)
fn demote_teasers(text: &str, seg: &mut Segmentation) {
    let teaser = |a: &ArticleDraft| {
        a.headline.is_some()
            && a.source.is_none()
            && a.published.is_none()
            && a.byline.is_none()
            && matches!(a.paragraphs.as_slice(), [(s, e, ParagraphKind::Body)]
                if text[*s..*e].split_whitespace().count() <= TEASER_WORDS)
    };
    let story = |a: &ArticleDraft| a.paragraphs.iter().filter(|p| p.2 == ParagraphKind::Body).count() >= 2;
    if !seg.articles.iter().any(story) {
        return;
    }
    let mut kept = Vec::with_capacity(seg.articles.len());
    for a in std::mem::take(&mut seg.articles) {
        if teaser(&a) {
            for (s, e) in a.headline.into_iter().chain(a.paragraphs.iter().map(|p| (p.0, p.1))) {
                seg.boilerplate.push((s, e, BoilerplateKind::RelatedLinks));
            }
        } else {
            kept.push(a);
        }
    }
    seg.articles = kept;
}

/// Headline, one paragraph, then a byline or a date: that paragraph is the
/// standfirst (marked once). True while the article is just that, so a
/// second byline or date line after it still belongs to the article.
fn standfirst(text: &str, a: &mut ArticleDraft) -> bool {
    let &[(s, e, ParagraphKind::Body)] = a.paragraphs.as_slice() else {
        return false;
    };
    if a.standfirst == Some((s, e)) {
        return true;
    }
    // (Not when a byline or date already stood over it.)
    // One statement of 8 to 60 words: not a question, a call ("Get
    // breaking news."), two sentences (a caption, a promo) or a teaser cut
    // short ("…").
    let line = text[s..e].trim_end();
    let words = line.split_whitespace().count();
    let sentences = line.match_indices(". ").filter(|(i, _)| line[i + 2..].starts_with(char::is_uppercase)).count();
    if a.headline.is_none()
        || a.byline.is_some()
        || a.published.is_some()
        || a.standfirst.is_some()
        || !(8..=60).contains(&words)
        || sentences > 0
        || line.ends_with(['?', '!', '…'])
        || line.ends_with("...")
    {
        return false;
    }
    a.standfirst = Some((s, e));
    true
}

/// Word spans (byte offsets) of `text[s..e]`.
fn words_of(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[s..e].char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(a)) => {
                out.push((s + a, s + i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((s + a, e));
    }
    out
}

/// The byte ranges inside `[s, e)` where a run of 4 to 12 words repeats
/// back to back (an ad line glued into a paragraph twice or more).
fn repeated_runs(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let w = words_of(text, s, e);
    let same =
        |a: usize, b: usize, p: usize| (0..p).all(|k| text[w[a + k].0..w[a + k].1] == text[w[b + k].0..w[b + k].1]);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let mut found = None;
        for p in (4..=12).rev() {
            if i + 2 * p <= w.len() && same(i, i + p, p) {
                let mut j = i + 2 * p;
                while j + p <= w.len() && same(i, j, p) {
                    j += p;
                }
                found = Some(j);
                break;
            }
        }
        match found {
            Some(j) => {
                out.push((w[i].0, w[j - 1].1));
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// Cut repeated runs out of body paragraphs into boilerplate; the rest of
/// the paragraph stays body, as one or more spans.
fn cut_inline_repeats(text: &str, seg: &mut Segmentation) {
    for a in &mut seg.articles {
        let mut paragraphs = Vec::with_capacity(a.paragraphs.len());
        for &(s, e, kind) in &a.paragraphs {
            let runs = if kind == ParagraphKind::Body { repeated_runs(text, s, e) } else { Vec::new() };
            let mut at = s;
            for (rs, re) in runs {
                push_trimmed(text, at, rs, kind, &mut paragraphs);
                let sh = shape(&text[rs..re]);
                let bk = furniture_kind(&text[rs..re], &Shape { words: sh.words.min(10), ..sh })
                    .unwrap_or(BoilerplateKind::Other);
                seg.boilerplate.push((rs, re, bk));
                at = re;
            }
            push_trimmed(text, at, e, kind, &mut paragraphs);
        }
        a.paragraphs = paragraphs;
    }
}

fn push_trimmed(text: &str, s: usize, e: usize, kind: ParagraphKind, out: &mut Vec<(usize, usize, ParagraphKind)>) {
    let piece = &text[s..e];
    let t = piece.trim();
    if t.chars().any(char::is_alphanumeric) {
        let lead = piece.len() - piece.trim_start().len();
        out.push((s + lead, s + lead + t.len(), kind));
    }
}

/// The words of an article's body paragraphs.
fn body_words(text: &str, a: &ArticleDraft) -> usize {
    a.paragraphs.iter().filter(|p| p.2 == ParagraphKind::Body).map(|p| text[p.0..p.1].split_whitespace().count()).sum()
}

/// Apply the markup's hints (see [`crate::html::Extracted`]): a paragraph
/// on a line the page's markup puts in furniture becomes boilerplate of
/// that kind, and an article left without paragraphs becomes a link. When
/// the hints would take away most of the page's body text (a body wrapped
/// in a container whose class merely mentions a sidebar), they are ignored.
pub fn apply_hints(text: &str, seg: &mut Segmentation, hints: &[(usize, usize, BoilerplateKind)]) {
    if hints.is_empty() {
        return;
    }
    let body_words = |seg: &Segmentation| -> usize { seg.articles.iter().map(|a| body_words(text, a)).sum() };
    let hinted = |s: usize, e: usize| -> Option<BoilerplateKind> {
        let i = hints.partition_point(|h| h.1 < e);
        hints.get(i).filter(|h| h.0 <= s && e <= h.1).map(|h| h.2)
    };
    let mut out = seg.clone();
    let mut moved = Vec::new();
    for a in &mut out.articles {
        a.paragraphs.retain(|&(s, e, _)| match hinted(s, e) {
            Some(k) => {
                moved.push((s, e, k));
                false
            }
            None => true,
        });
    }
    let before = body_words(seg);
    if body_words(&out) * 10 < before * 3 {
        return;
    }
    out.boilerplate.extend(moved);
    let mut articles = Vec::with_capacity(out.articles.len());
    for mut a in out.articles {
        if let Some(last) = a.paragraphs.last() {
            a.span.1 = last.1;
            if let Some(first) = a.paragraphs.first() {
                a.span.0 = a.span.0.min(first.0);
            }
            articles.push(a);
        } else if let Some(h) = a.headline {
            out.boilerplate.push((h.0, h.1, BoilerplateKind::RelatedLinks));
        }
    }
    out.articles = articles;
    merge_adjacent_boilerplate(text, &mut out.boilerplate);
    *seg = out;
}

/// On a web page, sections of the main story under their own subheadings
/// come out as articles of their own: fold into the main article the
/// articles right before and after it with nothing but their headlines
/// between (no boilerplate), keeping each subheading as a body paragraph.
/// The first section's headline heads the story.
pub fn fold_sections(text: &str, seg: &mut Segmentation) {
    let Some(mut main) = seg.articles.iter().position(|a| a.role == Role::Main) else { return };
    // Does any furniture reach into `from..to`? (The boilerplate comes
    // sorted and merged from segmentation and hints, so it does not overlap
    // and is sorted by end too.)
    let furniture: Vec<(usize, usize)> = seg.boilerplate.iter().map(|b| (b.0, b.1)).collect();
    let between = |from: usize, to: usize| {
        let i = furniture.partition_point(|b| b.1 <= from);
        furniture.get(i).is_some_and(|b| b.0 < to)
    };
    let start_of = |a: &ArticleDraft| a.headline.map(|h| h.0).unwrap_or(a.span.0).min(a.span.0);
    let has_body = |a: &ArticleDraft| a.paragraphs.iter().any(|p| p.2 == ParagraphKind::Body);
    // Sections after the main one.
    while main + 1 < seg.articles.len() {
        let next = &seg.articles[main + 1];
        if between(seg.articles[main].span.1, start_of(next)) || !has_body(next) {
            break;
        }
        let a = seg.articles.remove(main + 1);
        let m = &mut seg.articles[main];
        if let Some(h) = a.headline {
            m.paragraphs.push((h.0, h.1, ParagraphKind::Body));
        }
        m.paragraphs.extend(a.paragraphs);
        m.span.1 = a.span.1.max(m.span.1);
    }
    // Sections before it.
    while main > 0 {
        // (Only a section under a subheading continues a story of at least
        // two paragraphs: a teaser's one paragraph does not lead into it.)
        // Nothing but white space may stand between its last body paragraph and the subheading.
        let (prev, m) = (&seg.articles[main - 1], &seg.articles[main]);
        let body: Vec<_> = prev.paragraphs.iter().filter(|p| p.2 == ParagraphKind::Body).collect();
        let joined = body.last().is_some_and(|p| p.1 <= start_of(m) && text[p.1..start_of(m)].trim().is_empty());
        if m.headline.is_none() || between(prev.span.1, start_of(m)) || body.len() < 2 || !joined {
            break;
        }
        let m = seg.articles.remove(main);
        main -= 1;
        let a = &mut seg.articles[main];
        if let Some(h) = m.headline {
            a.paragraphs.push((h.0, h.1, ParagraphKind::Body));
        }
        a.paragraphs.extend(m.paragraphs);
        a.span.1 = m.span.1.max(a.span.1);
        a.role = Role::Main;
        a.source = a.source.or(m.source);
        a.published = a.published.or(m.published);
        a.byline = a.byline.or(m.byline);
    }
}

/// The content words of a title or passage, as lowercase five-letter
/// stems ("recalls" and "recalled" meet), in order.
fn title_stems(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !crate::lexicon::is_function_word(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Make the main article the one the page's title names. The line that
/// repeats most of the title's content words is the story's headline: the
/// article holding it, or the first one after it, is the main one, if it has
/// a fair share of the page's body text (of several such lines, the largest
/// such article). Without one, the article with the most body words.
pub fn choose_main(text: &str, seg: &mut Segmentation, title: Option<&str>) {
    main_by_size(text, seg);
    let Some(title) = title else { return };
    // (Distinct stems, kept in order: titles are short, so no sort is needed.)
    let stems = |t: &str| {
        let mut w: Vec<String> = Vec::new();
        for x in title_stems(t) {
            if !w.contains(&x) {
                w.push(x);
            }
        }
        w
    };
    let want = stems(title);
    if want.len() < 2 {
        return;
    }
    // "Site | Section | Headline": the longest part alone may be the headline.
    let part = stems(
        title
            .split(['|', '–', '—', '»', '>', '(', ')', '[', ']'])
            .flat_map(|p| p.split(" - ").flat_map(|q| q.split(": ")))
            .max_by_key(|p| p.split_whitespace().count())
            .unwrap_or(title),
    );
    let sizes: Vec<usize> = seg.articles.iter().map(|a| body_words(text, a)).collect();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let big_enough = |i: usize| sizes[i] >= MAIN_MIN_WORDS.min(largest) && sizes[i] * MAIN_MIN_SHARE >= largest;
    let mut pick: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let s = at;
        at += line.len();
        let n = line.split_whitespace().count();
        if n == 0 || n > want.len() * 2 + 6 {
            continue;
        }
        let have = title_stems(line);
        let names = |want: &[String]| {
            let matched = want.iter().filter(|w| have.contains(w)).count();
            matched >= 2 && matched * 10 >= want.len() * MAIN_TITLE_SHARE
        };
        if !(names(&want) || part.len() >= 3 && names(&part)) {
            continue;
        }
        // The article holding the line, or the first one after it; a line
        // that ends an article heads the next one.
        let Some(mut i) = seg.articles.iter().position(|a| a.span.1 > s || a.headline.is_some_and(|h| h.1 > s)) else {
            continue;
        };
        if seg.articles[i].paragraphs.last().is_some_and(|p| p.0 <= s) && i + 1 < seg.articles.len() {
            i += 1;
        }
        if big_enough(i) && pick.is_none_or(|p| sizes[i] > sizes[p]) {
            pick = Some(i);
        }
    }
    // A named article a third the size of the largest or more wins.
    let pick = pick.filter(|&p| sizes[p] * MAIN_TITLE_BOOST >= largest);
    if let Some(pick) = pick {
        for (i, a) in seg.articles.iter_mut().enumerate() {
            a.role = if i == pick { Role::Main } else { Role::Related };
        }
    }
}

const MAIN_MIN_WORDS: usize = 40;
const MAIN_MIN_SHARE: usize = 8;
const MAIN_TITLE_BOOST: usize = 3;
/// Tenths of the title's words a headline line must repeat.
const MAIN_TITLE_SHARE: usize = 6;

/// Make the article with the most body words the main one.
pub fn main_by_size(text: &str, seg: &mut Segmentation) {
    let Some(best) = (0..seg.articles.len()).max_by_key(|&i| (body_words(text, &seg.articles[i]), usize::MAX - i))
    else {
        return;
    };
    for (i, a) in seg.articles.iter_mut().enumerate() {
        a.role = if i == best { Role::Main } else { Role::Related };
    }
}

fn new_article(range: (usize, usize)) -> ArticleDraft {
    ArticleDraft {
        role: Role::Related,
        headline: None,
        source: None,
        published: None,
        byline: None,
        standfirst: None,
        span: range,
        paragraphs: Vec::new(),
    }
}

/// "- Mint" → "Mint".
fn strip_dash(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let line = &text[s..e];
    let rest = line.trim_start_matches(['-', '—', '–', ' ']);
    (e - rest.len(), e)
}

/// Consecutive related-link lines (only whitespace between them) become one block.
fn merge_adjacent_boilerplate(text: &str, items: &mut Vec<(usize, usize, BoilerplateKind)>) {
    items.sort_by_key(|b| b.0);
    let mut out: Vec<(usize, usize, BoilerplateKind)> = Vec::with_capacity(items.len());
    for &b in items.iter() {
        if let Some(last) = out.last_mut() {
            let listy = matches!(b.2, BoilerplateKind::RelatedLinks | BoilerplateKind::Navigation);
            if last.2 == b.2 && listy && text[last.1..b.0].trim().is_empty() {
                last.1 = b.1;
                continue;
            }
        }
        out.push(b);
    }
    *items = out;
}

/// `--single`: the whole input as one article body, one paragraph per line.
pub fn single(text: &str) -> Segmentation {
    let paragraphs: Vec<(usize, usize, ParagraphKind)> =
        lines(text).into_iter().map(|(s, e, _)| (s, e, ParagraphKind::Body)).collect();
    if paragraphs.is_empty() {
        return Segmentation::default();
    }
    let span = (paragraphs[0].0, paragraphs[paragraphs.len() - 1].1);
    Segmentation {
        articles: vec![ArticleDraft {
            role: Role::Main,
            headline: None,
            source: None,
            published: None,
            byline: None,
            standfirst: None,
            span,
            paragraphs,
        }],
        ..Segmentation::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<BlockKind> {
        classify(text).into_iter().map(|b| b.kind).collect()
    }

    #[test]
    fn block_classification_table() {
        use BlockKind::*;
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it.";
        let table: Vec<(String, Vec<BlockKind>)> = vec![
            (body.to_string(), vec![Body]),
            (format!("Harbour Town Closes Its Oldest Bridge\n{body}"), vec![Headline, Body]),
            (
                format!("Harbour Town Closes Its Oldest Bridge\n\nBy Ada Example\n\n{body}"),
                vec![Headline, Byline, Body],
            ),
            (format!("Harbour Town Closes Its Oldest Bridge\n3 hours ago\n{body}"), vec![Headline, Timestamp, Body]),
            ("14 minutes ago".into(), vec![Timestamp]),
            ("By Ada Example".into(), vec![Byline]),
            (
                "Comments\nNo comments yet...".into(),
                vec![Boilerplate(BoilerplateKind::Comments), Boilerplate(BoilerplateKind::Comments)],
            ),
            ("Related Articles".into(), vec![Boilerplate(BoilerplateKind::RelatedLinks)]),
            ("A photo of the bridge https://t.co/abc pic.twitter.com/xyz".into(), vec![Embed]),
            ("— Ada Example (@ada_example) July 10, 2025".into(), vec![Embed]),
            ("Write to Ada Example at\n".to_string(), vec![Boilerplate(BoilerplateKind::Trailer)]),
            // A sentence full of names is prose, not a headline; a title-case
            // line whose small words are capitalised too may be a headline.
            (
                format!("{body}\n\nAdams and Baker were taken to Harbour Town General Hospital.\n\n{body}"),
                vec![Body, Body, Body],
            ),
            (format!("Harbour Town Closes Its Oldest Bridge.\n{body}"), vec![Headline, Body]),
            (format!("{body}\nBack to Gallery"), vec![Body, Boilerplate(BoilerplateKind::Navigation)]),
        ];
        for (input, want) in table {
            assert_eq!(kinds(&input), want, "input {input:?}");
        }
    }

    /// Sentence-case teasers between two paragraphs: the fitted model takes
    /// them for a list of links, where the shape rules alone kept them as body.
    #[test]
    fn the_fitted_model_finds_teaser_lists() {
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it.";
        let teasers = "Harbour board braces for a long winter\nFerry fares rise for the third year running\nFishermen protest new quotas at the quay\nNew school opens on the east side";
        let text = format!("{body}\n\n{teasers}\n\n{body}\n");
        let seg = segment(&text);
        let kinds: Vec<_> = seg.boilerplate.iter().map(|b| b.2).collect();
        assert_eq!(kinds, vec![BoilerplateKind::RelatedLinks], "{seg:?}");
        let (s, e, _) = seg.boilerplate[0];
        assert_eq!(&text[s..e], teasers);
        assert_eq!(seg.articles.iter().map(|a| a.paragraphs.len()).sum::<usize>(), 2);
        // Without the model the rules keep them.
        let empty = blockmodel::BlockModel::from_bytes(&[]).expect("empty model");
        let seg = blockmodel::with_model(empty, || segment(&text));
        assert!(seg.boilerplate.is_empty(), "{seg:?}");
    }

    #[test]
    fn date_lines_are_told_apart() {
        for (line, want) in [
            ("March 3, 2025", true),
            ("Published 5:32 PM EDT, Mon March 3, 2025", true),
            ("Updated: 03/04/2025 10:15 a.m.", true),
            ("2025-03-03", true),
            ("Sept. 9, 2024 at 4:07 pm ET", true),
            ("March Madness Begins", false),
            ("The vote is on March 3", false),
            ("10:15", false),
        ] {
            assert_eq!(is_absolute_date(line), want, "{line:?}");
        }
    }

    /// A headline over a byline and a date line still opens its article,
    /// which takes the date as published; a date line later in the article
    /// neither splits it nor is lost.
    #[test]
    fn a_date_line_under_a_headline_is_the_published_date() {
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
        let text = format!(
            "Harbour Town Closes Its Oldest Bridge\n\nBy Ada Example\n\nPublished 5:32 PM EDT, Mon March 3, 2025\n\n{body}\n\nUpdated March 4, 2025\n\n{body}\n"
        );
        let seg = segment(&text);
        assert_eq!(seg.articles.len(), 1, "{seg:?}");
        let a = &seg.articles[0];
        let at = |r: Option<(usize, usize)>| r.map(|(s, e)| &text[s..e]);
        assert_eq!(at(a.headline), Some("Harbour Town Closes Its Oldest Bridge"));
        assert_eq!(at(a.byline), Some("By Ada Example"));
        assert_eq!(at(a.published), Some("Published 5:32 PM EDT, Mon March 3, 2025"));
        assert_eq!(a.paragraphs.len(), 2);
        let furniture: Vec<&str> = seg.boilerplate.iter().map(|b| &text[b.0..b.1]).collect();
        assert_eq!(furniture, vec!["Updated March 4, 2025"]);
    }

    /// A paragraph between the headline and the byline or date is the
    /// standfirst: still the first paragraph, and the date under it is the
    /// published date. Without a byline or date after it, it is plain body;
    /// a relative time after a one-paragraph article heads the next one.
    #[test]
    fn a_summary_between_headline_and_byline_is_the_standfirst() {
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
        let summary =
            "Residents say the council ignored them as the town shuts a crossing that has stood for ninety years";
        let at = |text: &str, r: Option<(usize, usize)>| r.map(|(s, e)| text[s..e].to_string());
        for (layout, stand, published) in [
            (format!("Harbour Town Closes Its Oldest Bridge\n\n{summary}\n\nBy Ada Example\n\nMarch 3, 2025\n\n{body}\n\n{body}\n"), true, true),
            (format!("Harbour Town Closes Its Oldest Bridge\n\n{summary}\n\nMarch 3, 2025\n\n{body}\n"), true, true),
            (format!("Harbour Town Closes Its Oldest Bridge\n\n{summary}\n\n{body}\n\n{body}\n"), false, false),
        ] {
            let seg = segment(&layout);
            let a = &seg.articles[0];
            assert_eq!(at(&layout, a.standfirst).is_some(), stand, "{layout:?} {seg:?}");
            if stand {
                assert_eq!(at(&layout, a.standfirst).as_deref(), Some(summary));
                assert_eq!(at(&layout, a.paragraphs.first().map(|p| (p.0, p.1))).as_deref(), Some(summary));
            }
            assert_eq!(at(&layout, a.published).as_deref().is_some(), published, "{seg:?}");
        }
        let text = format!(
            "Harbour Town Closes Its Oldest Bridge\n\n{body}\n\nMint\n\n14 minutes ago\n\nFerry Fares Rise Again For Island Commuters\n\n{body}\n"
        );
        let seg = segment(&text);
        assert_eq!(seg.articles.len(), 2, "{seg:?}");
        assert_eq!(seg.articles[0].standfirst, None);
        assert_eq!(at(&text, seg.articles[1].published).as_deref(), Some("14 minutes ago"));
    }

    /// A bulletin of short lines keeps its body even where the model would
    /// take every line for furniture.
    #[test]
    fn a_page_of_short_lines_keeps_a_body() {
        let text = "Police: four shot after a fight at a party early Saturday\nThe apartment is on Collegiate Avenue\nThree injured suffered wounds that are not life threatening\n";
        let seg = segment(text);
        assert!(seg.articles.iter().any(|a| !a.paragraphs.is_empty()), "{seg:?}");
    }

    #[test]
    fn headline_runs_become_one_related_links_block() {
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
        let text = format!(
            "{body}\n{body}\n\n\nCity Council Approves New Budget For Parks\nLocal Team Wins Regional Title After Late Goal\nMayor Announces Plan To Expand Bus Routes\n"
        );
        let seg = segment(&text);
        assert_eq!(seg.articles.len(), 1);
        assert_eq!(seg.articles[0].paragraphs.len(), 2);
        assert_eq!(seg.boilerplate.len(), 1);
        let (s, e, k) = seg.boilerplate[0];
        assert_eq!(k, BoilerplateKind::RelatedLinks);
        assert!(text[s..e].starts_with("City Council") && text[s..e].ends_with("Bus Routes"));
    }

    #[test]
    fn source_time_headline_starts_a_related_article() {
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
        let text = format!(
            "Harbour Town Closes Its Oldest Bridge\n{body}\n\nDaily Example\n5 minutes ago\n- Daily Example\nBridge Closure Angers Ferry Riders\n{body}\n"
        );
        let seg = segment(&text);
        assert_eq!(seg.articles.len(), 2);
        assert_eq!(seg.articles[0].role, Role::Main);
        assert_eq!(seg.articles[1].role, Role::Related);
        let a = &seg.articles[1];
        let (s, e) = a.source.expect("source");
        assert_eq!(&text[s..e], "Daily Example");
        let (s, e) = a.published.expect("time");
        assert_eq!(&text[s..e], "5 minutes ago");
        let (s, e) = a.headline.expect("headline");
        assert_eq!(&text[s..e], "Bridge Closure Angers Ferry Riders");
    }

    #[test]
    fn repeated_ad_lines_inside_a_paragraph_become_boilerplate() {
        let body = "The council voted on Tuesday to close the old bridge. Sick of pop-ups? Go Premium Now Sick of pop-ups? Go Premium Now Residents were not consulted.";
        let seg = segment(body);
        let a = &seg.articles[0];
        let parts: Vec<&str> = a.paragraphs.iter().map(|p| &body[p.0..p.1]).collect();
        assert_eq!(parts, ["The council voted on Tuesday to close the old bridge.", "Residents were not consulted."]);
        let cut: Vec<&str> = seg.boilerplate.iter().map(|b| &body[b.0..b.1]).collect();
        assert_eq!(cut, ["Sick of pop-ups? Go Premium Now Sick of pop-ups? Go Premium Now"]);
        // Prose that repeats no run of four words is untouched.
        let prose = "We will fight, we will win, and we will rebuild the bridge for everyone here.";
        assert_eq!(segment(prose).articles[0].paragraphs.len(), 1);
    }

    #[test]
    fn prose_after_a_comments_heading_is_comments() {
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
        let text = format!(
            "{body}\n{body}\n3 Comments\nI think the council is right about this bridge, it was never safe to cross.\n"
        );
        let seg = segment(&text);
        assert_eq!(seg.articles[0].paragraphs.len(), 2);
        let kinds: Vec<_> = seg.boilerplate.iter().map(|b| b.2).collect();
        assert_eq!(kinds, [BoilerplateKind::Comments, BoilerplateKind::Comments]);
    }

    #[test]
    fn a_comment_count_under_a_web_story_lead_does_not_end_it() {
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
        let text = format!("Bridge Closed\n{body}\n{body}\n53 Comments\n{body}\n{body}\n{body}\n");
        let body_paras =
            |web: bool| segment_with(&text, web).articles.iter().map(|a| a.paragraphs.len()).sum::<usize>();
        assert_eq!(body_paras(true), 5);
        // Pasted text has no markup to say where comments are: prose after the heading is taken for them.
        assert_eq!(body_paras(false), 2);
    }

    #[test]
    fn readers_signatures_start_the_comments() {
        let table: &[(&str, Option<bool>)] = &[
            ("Posted by: Sam | Jan 10, 2008 4:49:12 PM", Some(false)),
            ("Posted By: riverfan | January 07 2008 at 03:06 PM", Some(false)),
            ("— Posted by Tom, Lakeside CA", Some(true)),
            ("Submitted by ana on Tue, 01/08/2008 - 10:12", Some(false)),
            ("Posted on the bridge for an hour, the guard said nothing.", None),
            ("Posted by the council on its website, the notice said the bridge would close.", None),
            ("Postedby nobody", None),
            ("The council said it posted by-laws online.", None),
        ];
        for (line, want) in table {
            assert_eq!(comment_signature(line), *want, "{line:?}");
        }
        let body = "The council voted on Tuesday to close the old bridge, and residents said they were not consulted about it at all.";
        let comment = "I think the council is right about this bridge, it was never safe to cross anyway.";
        let text = format!(
            "Bridge Closed\n{body}\n{body}\n{body}\n{comment}\n— Posted by Tom, Lakeside\n{comment}\nPosted by: Ana | Jan 3, 2026\n{comment}\n"
        );
        let seg = segment_with(&text, true);
        assert_eq!(seg.articles.len(), 1);
        assert_eq!(seg.articles[0].paragraphs.len(), 3, "{seg:?}");
        let comments: Vec<&str> =
            seg.boilerplate.iter().filter(|b| b.2 == BoilerplateKind::Comments).map(|b| &text[b.0..b.1]).collect();
        assert_eq!(comments.len(), 5, "{comments:?}");
        assert_eq!(comments[0], comment);
        assert_eq!(comments[1], "— Posted by Tom, Lakeside");
        // A blog's byline over its post stays a byline.
        let text = format!("Bridge Closed\nPosted by Lena Ortiz\n{body}\n{body}\n");
        let seg = segment_with(&text, true);
        assert_eq!(seg.articles[0].paragraphs.len(), 2);
        assert_eq!(seg.articles[0].byline.map(|b| &text[b.0..b.1]), Some("Posted by Lena Ortiz"));
        assert!(seg.boilerplate.is_empty(), "{seg:?}");
    }

    #[test]
    fn site_notices_written_as_prose_are_furniture() {
        use BoilerplateKind as K;
        let table: &[(&str, Option<K>)] = &[
            ("Copyright 2026 The Valderra Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", Some(K::Trailer)),
            ("Valderra Courier is a trade mark of Example Media Ltd, registered in the county of Nowhere.", Some(K::Trailer)),
            ("Please read our Terms and Conditions and Privacy Statement before using this site.", Some(K::Trailer)),
            ("The views expressed in the comments are not necessarily those of the publisher or its staff.", Some(K::Trailer)),
            ("Click here for your free preview of the magazine and a great subscription offer today.", Some(K::Promo)),
            ("You need Flash Player 8 or higher to view video content with this player on the page.", Some(K::Other)),
            ("Reproduction in whole or in part without permission is prohibited.", Some(K::Trailer)),
            ("Lena Ortiz can be reached at lena@example.invalid or 555-0100.", Some(K::Trailer)),
            ("Staff writers in Eastgate and Valderra contributed to this report.", Some(K::Trailer)),
            ("You've read the piece, now have your say. Email your comments to the editor.", Some(K::Comments)),
            ("Disclaimer: this release is published as received from the agency, and we do not vouch for it.", Some(K::Trailer)),
            ("Enter here for your chance to win tickets to the show in the spring.", Some(K::Promo)),
            ("Welcome to the Courier. Skip directly to: Search Box, Section Navigation, Content.", Some(K::Navigation)),
            ("The company changed its privacy policy last week, and regulators said they would look at the new terms.", None),
            ("He said the copyright case would be heard in March, and that all rights to the songs were disputed.", None),
        ];
        for (line, want) in table {
            assert_eq!(furniture_kind(line, &shape(line)), *want, "{line:?}");
        }
        // The cheap test lets every notice phrase through to the search.
        for (starts, phrases, _) in NOTICES {
            for p in starts.iter().chain(phrases.iter()) {
                assert!(may_be_notice(p), "{p:?}");
            }
        }
    }

    /// A body paragraph of the test stories, said by `who`.
    fn plan_para(who: &str) -> String {
        format!("{who} said the plan would go ahead on Monday, and that the work would take most of the spring to finish.\n")
    }

    /// A headline line over one `plan_para` for each of `who`.
    fn story(headline: &str, who: &[&str]) -> String {
        who.iter().fold(format!("{headline}\n"), |text, w| text + &plan_para(w))
    }

    #[test]
    fn datelines_open_a_story_and_other_openings_do_not() {
        // (paragraph, dateline, whether the tagger must confirm the place)
        let cases: &[(&str, Option<&str>, bool)] = &[
            ("KYIV, Ukraine — Crews worked through the night.", Some("KYIV, Ukraine"), false),
            ("WASHINGTON (Reuters) - The council met on Monday.", Some("WASHINGTON (Reuters)"), false),
            ("PORTO VELHO, Nov. 24 (Valderra Wire) -- Rain fell.", Some("PORTO VELHO, Nov. 24 (Valderra Wire)"), false),
            ("NORTHPORT—The ferry sailed at dawn.", Some("NORTHPORT"), false),
            ("HARBOUR TOWN _ The bridge reopened.", Some("HARBOUR TOWN"), false),
            ("KATHMANDU (PTI): The airport reopened.", Some("KATHMANDU (PTI)"), false),
            ("Valderra, Coast Province - The mayor spoke.", Some("Valderra, Coast Province"), false),
            ("Northport (Valderra Wire): Four pandas arrived.", Some("Northport (Valderra Wire)"), false),
            ("Valderra - The mayor spoke on Monday.", Some("Valderra"), true),
            ("CALLOWAY: We will rebuild the wall.", Some("CALLOWAY"), true),
            ("UPDATE: The road has reopened.", None, false),
            ("Calloway: We will rebuild the wall.", None, false),
            ("Ines Calloway — who visited on Sunday — said it failed.", None, false),
            ("The mayor - a former engineer - said it failed.", None, false),
            ("Crews worked through the night to shore up the wall.", None, false),
            ("A well-known engineer said the gates were corroding.", None, false),
        ];
        for &(para, want, weak) in cases {
            let got = dateline(para, (0, para.len()));
            assert_eq!(got.map(|((s, e), _)| &para[s..e]), want, "{para}");
            if want.is_some() {
                assert_eq!(got.map(|g| g.1), Some(weak), "{para}");
            }
        }
    }

    #[test]
    fn a_headline_over_page_tools_and_a_date_still_heads_the_story() {
        let mut text = String::from("Latest News\nSport\nWeather\nHarbour Wall Repairs Begin After Winter Storms\n");
        text += "Share | Email | Print\nText size: A A A\nTuesday, March 3, 2026\n";
        for w in ["The mayor", "The engineer", "The harbour master"] {
            text += &plan_para(w);
        }
        let seg = segment(&text);
        assert_eq!(seg.articles.len(), 1, "{seg:?}");
        let h = seg.articles[0].headline.expect("a headline");
        assert_eq!(&text[h.0..h.1], "Harbour Wall Repairs Begin After Winter Storms");
        assert_eq!(seg.articles[0].paragraphs.len(), 3);
        // The tools between the headline and the story are furniture.
        assert!(seg.boilerplate.iter().any(|b| text[b.0..b.1].contains("Share | Email | Print")), "{seg:?}");
    }

    #[test]
    fn a_short_heading_inside_pasted_story_is_a_subheading() {
        let mut text = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer"]);
        text += "Costs Questioned\n";
        text += &plan_para("A councillor");
        let seg = segment(&text);
        assert_eq!(seg.articles.len(), 1, "{seg:?}");
        let ps: Vec<&str> = seg.articles[0].paragraphs.iter().map(|p| &text[p.0..p.1]).collect();
        assert_eq!(ps.len(), 4, "{ps:?}");
        assert_eq!(ps[2], "Costs Questioned");
        // A longer heading after a story starts another one.
        let mut two = story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer"]);
        two +=
            &story("Ferry Crossings Resume Between the Two Shores After Repairs", &["A ferry captain", "A passenger"]);
        assert_eq!(segment(&two).articles.len(), 2);
    }

    #[test]
    fn headlines_with_one_line_blurbs_under_a_story_are_links_not_articles() {
        let mut text =
            story("Harbour Wall Repairs Begin in Spring", &["The mayor", "The engineer", "The harbour master"]);
        text += "Ferry Crossings Resume After Repairs\nCrews restored the morning crossings after a week of work.\n";
        text +=
            "Lighthouse Keeper Retires After Forty Years\nThe keeper will hand over the lamp at a ceremony in May.\n";
        let seg = segment(&text);
        assert_eq!(seg.articles.len(), 1, "{seg:?}");
        assert_eq!(seg.articles[0].paragraphs.len(), 3);
        let links: Vec<&str> =
            seg.boilerplate.iter().filter(|b| b.2 == BoilerplateKind::RelatedLinks).map(|b| &text[b.0..b.1]).collect();
        assert!(links.iter().any(|l| l.contains("Crews restored")), "{seg:?}");
        assert!(links.iter().any(|l| l.contains("Lighthouse Keeper Retires")), "{seg:?}");
        // With no story on the page, the same items stay articles.
        let only = "Ferry Crossings Resume After Repairs\nCrews restored the morning crossings after a week of work.\n\
                    Lighthouse Keeper Retires After Forty Years\nThe keeper will hand over the lamp at a ceremony in May.\n";
        assert_eq!(segment(only).articles.len(), 2, "{:?}", segment(only));
    }

    #[test]
    fn sections_under_subheadings_fold_into_the_main_story() {
        let mut text = String::from("Harbour Wall Repairs Begin in Spring\n");
        text += &plan_para("The mayor");
        text += &plan_para("The engineer");
        text += "Costs Questioned by Council\n";
        for w in ["A councillor", "The treasurer", "The auditor"] {
            text += &plan_para(w);
        }
        text += "Menu\nTeaser Story About Something Else Entirely\n";
        text += &plan_para("A spokesman");
        let mut seg = segment_with(&text, true);
        assert_eq!(seg.articles.len(), 3, "{seg:?}");
        main_by_size(&text, &mut seg);
        assert_eq!(seg.articles[1].role, Role::Main);
        fold_sections(&text, &mut seg);
        assert_eq!(seg.articles.len(), 2, "{seg:?}");
        let main = &seg.articles[0];
        assert_eq!(main.role, Role::Main);
        assert_eq!(main.headline.map(|h| &text[h.0..h.1]), Some("Harbour Wall Repairs Begin in Spring"));
        assert_eq!(main.paragraphs.len(), 6);
        assert_eq!(&text[main.paragraphs[2].0..main.paragraphs[2].1], "Costs Questioned by Council");
        // The teaser after the menu stays apart.
        assert_eq!(seg.articles[1].role, Role::Related);
    }

    #[test]
    fn the_page_title_names_the_main_article() {
        // Comments are the longest run of text; the title names the story.
        let mut text = String::from("Harbour Wall Repairs Begin in Spring\n");
        text += &plan_para("The mayor");
        text += &plan_para("The engineer");
        text += &plan_para("The harbour master");
        text += "Readers Respond\n";
        for _ in 0..6 {
            text += &plan_para("A neighbour");
        }
        let mut seg = segment_with(&text, true);
        assert_eq!(seg.articles.len(), 2, "{seg:?}");
        choose_main(&text, &mut seg, None);
        assert_eq!(seg.articles[1].role, Role::Main);
        choose_main(&text, &mut seg, Some("Harbour wall repairs begin in spring | The Valderra Courier"));
        assert_eq!(seg.articles[0].role, Role::Main);
        assert_eq!(seg.articles[1].role, Role::Related);
        // A title that names no article leaves the largest one main.
        choose_main(&text, &mut seg, Some("The Valderra Courier: news, sport and weather"));
        assert_eq!(seg.articles[1].role, Role::Main);
    }

    #[test]
    fn single_mode_keeps_every_line() {
        let seg = single("One line.\n\nTwo line\nthree");
        assert_eq!(seg.articles.len(), 1);
        assert_eq!(seg.articles[0].paragraphs.len(), 3);
    }
}
