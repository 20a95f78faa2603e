//! Quotation marks: straight and curly, paired into quotes over a paragraph.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// “ ” « » and straight " : double marks.
    Double,
    /// ‘ ’ and straight ' : single marks.
    Single,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct MarkAt {
    pub(crate) pos: usize,
    pub(crate) len: usize,
    pub(crate) mark: Mark,
    /// A straight mark (" or '), not a typographic one.
    pub(crate) straight: bool,
    pub(crate) can_open: bool,
    pub(crate) can_close: bool,
}

pub(crate) fn is_word_char(c: Option<char>) -> bool {
    c.map(|c| c.is_alphanumeric()).unwrap_or(false)
}

/// Find the quotation marks in a paragraph and decide which can open or close.
pub(crate) fn marks(para: &str, base: usize) -> Vec<MarkAt> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut it = para.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»') {
            prev = Some(c);
            continue;
        }
        let next = it.peek().map(|&(_, n)| n);
        let before_space = prev.map(|p| p.is_whitespace() || "([{—–-/:".contains(p)).unwrap_or(true);
        let after_space = next.map(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n)).unwrap_or(true);
        let m = match c {
            '“' | '«' => Some((Mark::Double, true, false)),
            '”' | '»' => Some((Mark::Double, false, true)),
            '"' => Some((
                Mark::Double,
                before_space || prev.map(|p| "\"'‘“".contains(p)).unwrap_or(false),
                !before_space || after_space,
            )),
            '‘' => Some((Mark::Single, true, false)),
            '’' | '\'' => {
                // An apostrophe inside a word (we're, Moscow's) or before a
                // decade ('90s) is never a quotation mark.
                let inside_word = is_word_char(prev) && is_word_char(next);
                let decade = before_space
                    && next.map(|n| n.is_ascii_digit()).unwrap_or(false)
                    && para[i + c.len_utf8()..].chars().take_while(|c| c.is_ascii_digit()).count() == 2;
                if inside_word || decade {
                    None
                } else if prev == Some('s') && after_space && c == '’' {
                    // soldiers’ (plural possessive) may still close a quote
                    Some((Mark::Single, false, true))
                } else {
                    Some((Mark::Single, before_space && !after_space, !before_space))
                }
            }
            _ => None,
        };
        if let Some((mark, can_open, can_close)) = m {
            let straight = matches!(c, '"' | '\'');
            out.push(MarkAt { pos: base + i, len: c.len_utf8(), mark, straight, can_open, can_close });
        }
        prev = Some(c);
    }
    out
}

/// Pair marks into outermost quotations. Unbalanced marks are dropped, never
/// spanning the paragraph.
pub(crate) fn pair(ms: &[MarkAt]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Quotes closed inside another: kept in case the outer one never closes.
    let mut inner = Vec::new();
    let mut stack: Vec<MarkAt> = Vec::new();
    for m in ms {
        // A closer for something open: prefer the same mark, and among double
        // marks the same glyph (a straight " quote holding “…”); a straight
        // single opener may be closed by a double mark (a scraping fault).
        if m.can_close {
            let same_glyph = stack.iter().rposition(|o| o.mark == m.mark && o.straight == m.straight);
            if let Some(idx) = same_glyph.or_else(|| {
                stack.iter().rposition(|o| o.mark == m.mark || (o.mark == Mark::Single && m.mark == Mark::Double))
            }) {
                let o = stack[idx];
                // Nested quotes close the inner one first.
                let is_inner_single_close = m.mark == Mark::Single && idx + 1 < stack.len();
                if !(m.can_open && !is_inner_single_close && o.mark != m.mark) {
                    stack.truncate(idx);
                    if stack.is_empty() {
                        out.push((o.pos, m.pos + m.len));
                    } else {
                        inner.push((o.pos, m.pos + m.len));
                    }
                    continue;
                }
            }
        }
        if m.can_open {
            // Double marks of one glyph do not nest: a second double opener
            // means the first was never closed, and it is dropped with what it
            // held. A “…” inside a straight "…" (or the reverse) nests.
            if m.mark == Mark::Double {
                if let Some(idx) = stack.iter().position(|o| o.mark == Mark::Double && o.straight == m.straight) {
                    stack.truncate(idx);
                }
            }
            stack.push(*m);
        }
    }
    if !stack.is_empty() && !inner.is_empty() {
        // An opener left open: the quotes closed inside it still stand (the
        // outermost of them). Latest closed first, a quote holds the ones
        // closed before it that start after it. (No sort: it would add a
        // sort's code to the wasm for this rare case.)
        let mut floor = usize::MAX;
        let mut kept = Vec::new();
        for &(s, e) in inner.iter().rev() {
            if e <= floor && !out.iter().any(|&(a, b)| a <= s && e <= b) {
                kept.push((s, e));
                floor = s;
            }
        }
        // Merge the two ordered lists.
        let mut merged = Vec::with_capacity(out.len() + kept.len());
        let mut rest = out.into_iter().peekable();
        for k in kept.into_iter().rev() {
            while let Some(o) = rest.next_if(|o| o.0 < k.0) {
                merged.push(o);
            }
            merged.push(k);
        }
        merged.extend(rest);
        return merged;
    }
    out
}

/// The quotation scanner alone: the byte spans of the outermost quotations
/// of each line of `text`, found by marks and pairing only (no attribution).
/// For fuzzing and property tests.
#[cfg(any(test, feature = "testkit"))]
pub fn scan(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.extend(pair(&marks(line, start)));
        start += line.len();
    }
    out
}

/// Token index range helpers.
pub(crate) fn token_at_or_after(toks: &Words, pos: usize) -> usize {
    toks.partition_point(|t| t.start < pos)
}

/// Find quotations in one paragraph and attribute them.
/// Does the paragraph `[s, e)` open with a quotation mark, and if so, does
/// that quote close within it?
pub fn leading_quote_closes(text: &str, (s, e): (usize, usize)) -> Option<bool> {
    let ms = marks(&text[s..e], s);
    let first = ms.first().filter(|m| m.can_open && text[s..m.pos].trim().is_empty())?;
    Some(pair(&ms).iter().any(|&(a, _)| a == first.pos))
}
