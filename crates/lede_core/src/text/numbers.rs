//! Numbers as news writes them: 1,152,160 · 1.3 million · two · Three ·
//! a dozen · two dozen · dozens · hundreds · tens of thousands.
//!
//! `parse_at` reads a number starting at a token and tells how many tokens
//! it used, its value, and whether it is a vague plural (a least value).

use crate::text::tokens::{Token, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// Tokens used: `tokens[first..end]`.
    pub first: usize,
    pub end: usize,
    pub value: u64,
    /// A vague plural ("dozens", "hundreds"): `value` is the least it implies.
    pub vague: bool,
    /// Written as digits (not a word like "two").
    pub digits: bool,
    /// The upper end of a range written as one token ("10-15").
    pub max: Option<u64>,
}

fn small_word(w: &str) -> Option<u64> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn multiplier(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        "dozen" => 12,
        _ => return None,
    })
}

/// The vague plurals and the least value each implies.
fn vague_plural(w: &str) -> Option<u64> {
    Some(match w {
        "dozens" => 24,
        "scores" => 40,
        "hundreds" => 200,
        "thousands" => 2_000,
        "millions" => 2_000_000,
        _ => return None,
    })
}

/// Parse a plain digit string with thousands separators or a decimal point,
/// as a value scaled by 10 (to keep one decimal: "1.3" → 13).
fn parse_digits(s: &str) -> Option<(u64, bool)> {
    if s.len() > 24 {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let mut v: u64 = 0;
    for c in int.chars() {
        match c {
            '0'..='9' => v = v.checked_mul(10)?.checked_add(c as u64 - '0' as u64)?,
            ',' => {}
            _ => return None,
        }
    }
    let mut tenths = v.checked_mul(10)?;
    if let Some(f) = frac {
        if let Some(d) = f.chars().next().and_then(|c| c.to_digit(10)) {
            tenths += d as u64;
        }
    }
    Some((tenths, frac.is_some()))
}

/// Read a number at `tokens[i]`. Returns None when no number starts there.
pub fn parse_at(text: &str, tokens: &[Token], i: usize) -> Option<Number> {
    let tok = tokens.get(i)?;
    let w = tok.text(text);
    let lower = crate::text::tokens::lower(w);
    let next_lower = |k: usize| tokens.get(k).map(|t| crate::text::tokens::lower(t.text(text)));

    if tok.kind == TokenKind::Number {
        return digits_at(text, tokens, i);
    }
    if tok.kind != TokenKind::Word {
        return None;
    }
    // "a dozen", "a hundred", "a million"
    if lower == "a" || lower == "an" {
        let m = next_lower(i + 1).as_deref().and_then(multiplier)?;
        return Some(Number { first: i, end: i + 2, value: m, vague: false, digits: false, max: None });
    }
    // "tens of thousands", "hundreds of thousands"
    if let Some(v) = vague_plural(&lower).or(if lower == "tens" { Some(10) } else { None }) {
        if next_lower(i + 1).as_deref() == Some("of") {
            if let Some(v2) = next_lower(i + 2).as_deref().and_then(vague_plural) {
                let base = if lower == "tens" { 10 } else { v / 2 };
                let unit = v2 / 2;
                return Some(Number {
                    first: i,
                    end: i + 3,
                    value: base * unit * 2,
                    vague: true,
                    digits: false,
                    max: None,
                });
            }
        }
        if lower == "tens" {
            return None;
        }
        return Some(Number { first: i, end: i + 1, value: v, vague: true, digits: false, max: None });
    }
    if let Some(v) = hyphenated_word(&lower) {
        return Some(Number { first: i, end: i + 1, value: v, vague: false, digits: false, max: None });
    }
    let mut value = small_word(&lower)?;
    let mut end = i + 1;
    // "twenty-five" is one token; "twenty five" two.
    if value >= 20 {
        if let Some(u) = next_lower(end).as_deref().and_then(small_word).filter(|&u| u < 10) {
            value += u;
            end += 1;
        }
    }
    while let Some(m) = next_lower(end).as_deref().and_then(multiplier) {
        value = value.checked_mul(m)?;
        end += 1;
    }
    Some(Number { first: i, end, value, vague: false, digits: false, max: None })
}

/// A number written in digits at `tokens[i]`: "1,152,160", "1.3 million",
/// a rising range "10-15"; not "27-year-old", "1990s" or a score "4-38".
fn digits_at(text: &str, tokens: &[Token], i: usize) -> Option<Number> {
    let w = tokens[i].text(text);
    let next_lower = |k: usize| tokens.get(k).map(|t| crate::text::tokens::lower(t.text(text)));
    if let Some((a, b)) = w.split_once('-') {
        // "10-15": a range when it rises; a score or a date otherwise.
        let lo = parse_digits(a)?.0 / 10;
        let hi = parse_digits(b)?.0 / 10;
        return (hi > lo && !b.contains('-')).then_some(Number {
            first: i,
            end: i + 1,
            value: lo,
            vague: false,
            digits: true,
            max: Some(hi),
        });
    }
    if !w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None; // 27-year-old, 1990s, 2nd
    }
    let (tenths, _) = parse_digits(w)?;
    let mut end = i + 1;
    let mut value_tenths = tenths;
    if let Some(m) = next_lower(end).as_deref().and_then(multiplier) {
        if m >= 100 {
            value_tenths = value_tenths.checked_mul(m)?;
            end += 1;
        }
    }
    Some(Number { first: i, end, value: value_tenths / 10, vague: false, digits: true, max: None })
}

/// Hyphenated number words: "twenty-five".
pub fn hyphenated_word(w: &str) -> Option<u64> {
    let (a, b) = w.split_once('-')?;
    let t = small_word(&crate::text::tokens::lower(a))?;
    let u = small_word(&crate::text::tokens::lower(b))?;
    (t >= 20 && u < 10).then_some(t + u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn parse(s: &str) -> Option<(u64, bool, String)> {
        let mut toks = Vec::new();
        tokenize(s, 0, &mut toks);
        let n = parse_at(s, &toks, 0)?;
        Some((n.value, n.vague, s[toks[n.first].start..toks[n.end - 1].end].to_string()))
    }

    #[test]
    fn number_table() {
        type Row<'a> = (&'a str, Option<(u64, bool, &'a str)>);
        let table: &[Row] = &[
            ("1,152,160 troops", Some((1_152_160, false, "1,152,160"))),
            ("1.3 million rubles", Some((1_300_000, false, "1.3 million"))),
            ("1 million casualties", Some((1_000_000, false, "1 million"))),
            ("250,000 soldiers", Some((250_000, false, "250,000"))),
            ("two killed", Some((2, false, "two"))),
            ("Three dead", Some((3, false, "Three"))),
            ("a dozen others", Some((12, false, "a dozen"))),
            ("two dozen comrades", Some((24, false, "two dozen"))),
            ("dozens of people", Some((24, true, "dozens"))),
            ("hundreds of drones", Some((200, true, "hundreds"))),
            ("tens of thousands of assets", Some((20_000, true, "tens of thousands"))),
            ("27-year-old", None),
            ("10-15 people", Some((10, false, "10-15"))),
            ("1996-08-30", None),
            ("a man", None),
            ("99999999999999999999999999999 x", None),
        ];
        for (input, want) in table {
            let want = want.map(|(v, vague, s)| (v, vague, s.to_string()));
            assert_eq!(parse(input), want, "input {input:?}");
        }
        assert_eq!(hyphenated_word("twenty-five"), Some(25));
        assert_eq!(parse("Twenty-five soldiers").map(|p| p.0), Some(25));
    }
}
