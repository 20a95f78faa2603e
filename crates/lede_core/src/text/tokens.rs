//! Tokens and sentences.
//!
//! Tokens keep byte offsets into the text they were cut from. The rules
//! survive abbreviations (U.S., Sept., St., Gen.), decimals and thousands
//! separators (1,152,160; 1.3), dashes, and straight and curly quotes, and
//! split possessive `'s` off a word so that "Moscow's" yields "Moscow".

use crate::text::lexicon;
pub use crate::text::lower::{lower, Lower};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner hyphens and apostrophes), or an abbreviation.
    Word,
    /// Starts with a digit: 1,152,160 · 1.3 · 27-year-old · 1990s.
    Number,
    /// Any single other character: punctuation, quote marks, dashes, symbols.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// The token ends with an abbreviation period (Gen., U.S.).
    pub abbrev: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐'
}

/// Cut `text[range]` into tokens; offsets are into `text`.
pub fn tokenize(text: &str, base: usize, out: &mut Vec<Token>) {
    let bytes = text;
    let mut it = bytes.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let end = scan_word(text, i);
            let (end, abbrev, split) = finish_word(text, i, end);
            out.push(Token { start: base + i, end: base + end, kind: TokenKind::Word, abbrev });
            if let Some(s_end) = split {
                out.push(Token { start: base + end, end: base + s_end, kind: TokenKind::Word, abbrev: false });
                skip_to(&mut it, s_end);
            } else {
                skip_to(&mut it, end);
            }
        } else if c.is_ascii_digit() {
            let end = scan_number(text, i);
            out.push(Token { start: base + i, end: base + end, kind: TokenKind::Number, abbrev: false });
            skip_to(&mut it, end);
        } else if let Some(end) = clitic(text, i, c) {
            // A detached clitic ("Clinton 's", "I 'm") is one token.
            out.push(Token { start: base + i, end: base + end, kind: TokenKind::Word, abbrev: false });
            skip_to(&mut it, end);
        } else {
            out.push(Token { start: base + i, end: base + i + c.len_utf8(), kind: TokenKind::Punct, abbrev: false });
        }
    }
}

/// An apostrophe after a space starting a clitic ('s, 'm, 're, 've, 'll, 'd)
/// followed by a non-letter: the clitic's end.
fn clitic(text: &str, i: usize, c: char) -> Option<usize> {
    if !is_apostrophe(c) || !text[..i].ends_with(char::is_whitespace) {
        return None;
    }
    let rest = &text[i + c.len_utf8()..];
    for cl in ["s", "m", "re", "ve", "ll", "d", "S", "M", "RE", "VE", "LL", "D"] {
        if let Some(after) = rest.strip_prefix(cl) {
            if !after.starts_with(|ch: char| ch.is_alphanumeric()) {
                return Some(i + c.len_utf8() + cl.len());
            }
        }
    }
    None
}

fn skip_to(it: &mut std::iter::Peekable<std::str::CharIndices<'_>>, end: usize) {
    while let Some(&(j, _)) = it.peek() {
        if j >= end {
            break;
        }
        it.next();
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Letters and digits, joined by single inner hyphens or apostrophes.
/// The least length of a lowercase word that a capital right after it cuts
/// off as glued text ("sideDETROIT"); shorter ones are names ("iPhone", "eBay").
const GLUED_MIN: usize = 3;

fn scan_word(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    // The word so far is lowercase ASCII letters only.
    let mut lower = true;
    while let Some((off, c)) = chars.next() {
        let pos = start + off;
        // Two texts glued together ("… on the west sideDETROIT (AP) —", "abc13.comA man
        // was"): a lowercase word of three letters or more runs into a capital.
        if lower && c.is_ascii_uppercase() && pos - start >= GLUED_MIN {
            break;
        }
        lower = lower && c.is_ascii_lowercase();
        if c.is_alphanumeric() || c == '\u{AD}' {
            end = pos + c.len_utf8();
        } else if (is_hyphen(c) || is_apostrophe(c) || c == '&') && end == pos {
            match chars.peek() {
                Some(&(_, n)) if n.is_alphanumeric() => {
                    // A trailing possessive or a quote closing is not part of the word:
                    // "Moscow's" splits later; "'bulls**t'" never reaches here.
                    end = pos + c.len_utf8();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    end
}

/// Decide abbreviation periods and possessive splits for a scanned word.
/// Returns (word end, is abbreviation, possessive token end).
fn finish_word(text: &str, start: usize, end: usize) -> (usize, bool, Option<usize>) {
    let word = &text[start..end];
    // Possessive 's / ’s at the end: split it off.
    for ap in ["'s", "’s", "'S", "’S"] {
        if word.len() > ap.len() && word.ends_with(ap) {
            let cut = end - ap.len();
            return (cut, false, Some(end));
        }
    }
    if char_at(text, end) == Some('.') {
        // Initialisms: U.S. · U.N. · D.C. · J.D.
        if word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()) {
            let mut e = end + 1;
            loop {
                let mut cs = text[e..].chars();
                match (cs.next(), cs.next()) {
                    (Some(l), Some('.'))
                        if l.is_alphabetic()
                            && !text[e + l.len_utf8() + 1..].starts_with(|c: char| c.is_alphabetic()) =>
                    {
                        e += l.len_utf8() + 1;
                    }
                    _ => break,
                }
            }
            return (e, true, None);
        }
        if lexicon::is_abbreviation(word) {
            return (end + 1, true, None);
        }
    }
    (end, false, None)
}

/// Digits with thousands separators and decimals, then letters joined by a
/// hyphen or directly (27-year-old, 1990s, 2nd).
fn scan_number(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut e = start;
    while e < b.len() {
        let c = b[e];
        if c.is_ascii_digit() {
            e += 1;
        } else if (c == b',' || c == b'.') && e + 1 < b.len() && b[e + 1].is_ascii_digit() {
            // "1,152,160" and "1.3"; but "10,000" only with three digits after a comma.
            if c == b',' {
                let run = b[e + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
                if run != 3 {
                    break;
                }
            }
            e += 1;
        } else {
            break;
        }
    }
    // Ranges, scores and dates are one token: 10-15, 4-38, 1996-08-30.
    while e + 1 < b.len() && b[e] == b'-' && b[e + 1].is_ascii_digit() {
        e += 1;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
    }
    // Attached letters or hyphenated words: 1990s, 2nd, 27-year-old.
    let rest = &text[e..];
    if rest.starts_with(|c: char| c.is_alphabetic())
        || (rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_alphabetic()))
    {
        let w = scan_word(text, if rest.starts_with('-') { e + 1 } else { e });
        e = w;
    }
    e
}

/// A sentence: a range of token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub first: usize,
    pub end: usize,
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// A sentence this many tokens long ends at its next semicolon.
/// Provenance: a bound for run-on text (lists, tables, markup debris), set in
/// commit a710e83 (2026-11-21) to keep the work on adversarial inputs linear;
/// not tuned on any set.
pub const LONG_SENTENCE: usize = 120;
/// No sentence is longer than this many tokens (same provenance).
pub const MAX_SENTENCE: usize = 250;

/// Split tokens of one paragraph into sentences.
pub fn sentences(text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].text(text);
        // Glued text ("sideDETROIT"): a lowercase word touching the capital after it.
        let glued = tokens.get(i + 1).is_some_and(|n| {
            n.start == tokens[i].end
                && tokens[i].kind == TokenKind::Word
                && n.kind == TokenKind::Word
                && t.len() >= GLUED_MIN
                && t.bytes().all(|b| b.is_ascii_lowercase())
                && n.text(text).starts_with(|c: char| c.is_ascii_uppercase())
        });
        if glued {
            out.push(Sentence { first, end: i + 1 });
            first = i + 1;
            i += 1;
            continue;
        }
        let ends = if is_terminal(t) {
            true
        } else if tokens[i].abbrev && tokens[i].kind == TokenKind::Word && is_initialism(t) {
            // "in the U.S. The talks…": an initialism ends a sentence only when a
            // typical sentence opener follows.
            tokens.get(i + 1).map(|n| lexicon::is_sentence_opener(n.text(text))).unwrap_or(false)
        } else {
            // Run-on text (lists, tables, markup debris) without sentence ends:
            // cap the length so per-sentence work stays bounded, cutting at a
            // semicolon once long and anywhere once very long.
            let len = i + 1 - first;
            (len >= LONG_SENTENCE && t == ";") || len >= MAX_SENTENCE
        };
        let forced = ends && !is_terminal(t) && i + 1 - first >= LONG_SENTENCE;
        if ends {
            let mut j = i + 1;
            // Closing marks touch what they close: `said. "Soon` opens, not closes.
            while j < tokens.len()
                && tokens[j].start == tokens[j - 1].end
                && (is_closer(tokens[j].text(text)) || is_terminal(tokens[j].text(text)))
            {
                j += 1;
            }
            let next_starts = tokens.get(j).map(|n| {
                let s = n.text(text);
                s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || matches!(s, "\"" | "'" | "“" | "‘" | "«" | "(" | "—" | "-")
            });
            if forced || next_starts.unwrap_or(true) {
                out.push(Sentence { first, end: j });
                first = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if first < tokens.len() {
        out.push(Sentence { first, end: tokens.len() });
    }
}

fn is_initialism(t: &str) -> bool {
    t.len() >= 4 && t.chars().filter(|&c| c == '.').count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        v.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn tokenizer_table() {
        let table: &[(&str, &[&str])] = &[
            ("U.S. Secretary", &["U.S.", "Secretary"]),
            ("Gen. Smith met Sept. 22", &["Gen.", "Smith", "met", "Sept.", "22"]),
            ("lost 1,152,160 troops", &["lost", "1,152,160", "troops"]),
            ("1.3 million", &["1.3", "million"]),
            ("Moscow's stance", &["Moscow", "'s", "stance"]),
            // Two texts glued together part at the capital; names with one do not.
            ("west sideDETROIT (AP)", &["west", "side", "DETROIT", "(", "AP", ")"]),
            ("abc13.comA man", &["abc13", ".", "com", "A", "man"]),
            (
                "an iPhone on eBay at McDonald's on YouTube",
                &["an", "iPhone", "on", "eBay", "at", "McDonald", "'s", "on", "YouTube"],
            ),
            ("Lavrov’s offer", &["Lavrov", "’s", "offer"]),
            ("we're here", &["we're", "here"]),
            ("a 27-year-old man", &["a", "27-year-old", "man"]),
            ("face-to-face talks", &["face-to-face", "talks"]),
            ("war — efforts", &["war", "—", "efforts"]),
            ("“meaningless.”", &["“", "meaningless", ".", "”"]),
            ("'frustrated' by", &["'", "frustrated", "'", "by"]),
            ("in 2025, 10 and", &["in", "2025", ",", "10", "and"]),
            ("$4 trillion", &["$", "4", "trillion"]),
            ("Clinton 's plan", &["Clinton", "'s", "plan"]),
            ("I 'm sure 'so' it", &["I", "'m", "sure", "'", "so", "'", "it"]),
            ("won 6-3 on 1996-08-30", &["won", "6-3", "on", "1996-08-30"]),
            ("St. Petersburg", &["St.", "Petersburg"]),
            ("the 1990s", &["the", "1990s"]),
        ];
        for (input, want) in table {
            assert_eq!(&toks(input), want, "input {input:?}");
        }
    }

    #[test]
    fn offsets_are_exact() {
        let s = "Zelenskyy’s “plan” costs $1,200.5 — U.S. says";
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        for t in &v {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            assert!(!s[t.start..t.end].trim().is_empty());
        }
    }

    fn sents(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        let mut out = Vec::new();
        sentences(s, &v, &mut out);
        out.iter().map(|x| s[v[x.first].start..v[x.end - 1].end].to_string()).collect()
    }

    #[test]
    fn sentence_table() {
        let table: &[(&str, &[&str])] = &[
            ("He left. She stayed.", &["He left.", "She stayed."]),
            (
                "Man shot on west sideDETROIT (AP) - A man died.",
                &["Man shot on west side", "DETROIT (AP) - A man died."],
            ),
            ("Gen. Smith spoke. Then he left.", &["Gen. Smith spoke.", "Then he left."]),
            ("He went to the U.S. The talks failed.", &["He went to the U.S.", "The talks failed."]),
            ("The U.S. Senate voted.", &["The U.S. Senate voted."]),
            ("It cost 1.5 million. Nobody paid.", &["It cost 1.5 million.", "Nobody paid."]),
            ("\"We wait,\" he said. \"Soon.\" Then silence.", &["\"We wait,\" he said.", "\"Soon.\"", "Then silence."]),
            ("Why? Because.", &["Why?", "Because."]),
            ("On Sept. 22 he came.", &["On Sept. 22 he came."]),
        ];
        for (input, want) in table {
            assert_eq!(&sents(input), want, "input {input:?}");
        }
    }
    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        // 1,000 clauses joined by semicolons, then 1,000 words with no punctuation at all.
        let text = format!("{}{}", "ten dead; ".repeat(1000), "word ".repeat(1000));
        let mut v = Vec::new();
        tokenize(&text, 0, &mut v);
        let mut out = Vec::new();
        sentences(&text, &v, &mut out);
        assert!(out.iter().all(|s| s.end - s.first <= MAX_SENTENCE), "a sentence over the cap");
        assert_eq!(out.first().map(|s| s.first), Some(0));
        assert_eq!(out.last().map(|s| s.end), Some(v.len()));
        assert!(out.windows(2).all(|w| w[0].end == w[1].first), "sentences must tile the tokens");
        // Semicolon cuts: each of the first sentences ends at a ";" once long.
        assert_eq!(v[out[0].end - 1].text(&text), ";");
        assert_eq!(out[0].end - out[0].first, LONG_SENTENCE);
    }
}
