//! The shared token view: a paragraph's tokens with what the stages ask of
//! each of them, worked out once in one pass.
//!
//! Quotes, casualties and the speaker rules compare words in lowercase and
//! look at their first letter hundreds of times a paragraph. They used to
//! lowercase a token again at each check; now they read `Words::lower` and
//! `Words::shape`, made here once when the paragraph is cut into tokens.

use crate::text::lower::lower;
use crate::text::tokens::{tokenize, Token};

/// What a token's first character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Starts with an uppercase letter ("Kyiv", "NATO").
    Upper,
    /// Starts with a lowercase letter ("said", "de").
    Lower,
    /// Starts with anything else: a digit, a mark, a letter without case.
    Other,
}

/// A paragraph's tokens, their lowercase forms and their shapes. It derefs
/// to the tokens, so `words[k]`, `words.len()` and slicing read as before.
#[derive(Debug, Clone, Default)]
pub struct Words {
    tokens: Vec<Token>,
    /// The lowercase tokens one after another; token k's ends at `ends[k]`.
    lower: String,
    ends: Vec<usize>,
    shapes: Vec<Shape>,
}

impl Words {
    /// Cut `text[range]` into tokens (offsets into `text`) and work out their forms.
    pub fn new(text: &str, range: (usize, usize)) -> Self {
        let mut tokens = Vec::new();
        tokenize(&text[range.0..range.1], range.0, &mut tokens);
        Self::from_tokens(text, tokens)
    }

    /// The view over tokens already cut from `text`.
    pub fn from_tokens(text: &str, tokens: Vec<Token>) -> Self {
        let mut lowered =
            String::with_capacity(tokens.last().map_or(0, |t| t.end) - tokens.first().map_or(0, |t| t.start));
        let mut ends = Vec::with_capacity(tokens.len());
        let mut shapes = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let word = t.text(text);
            lowered.push_str(&lower(word));
            ends.push(lowered.len());
            shapes.push(match word.chars().next() {
                Some(c) if c.is_uppercase() => Shape::Upper,
                Some(c) if c.is_lowercase() => Shape::Lower,
                _ => Shape::Other,
            });
        }
        Self { tokens, lower: lowered, ends, shapes }
    }

    /// Token `k` in lowercase.
    pub fn lower(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.lower[start..self.ends[k]]
    }

    /// What token `k` starts with.
    pub fn shape(&self, k: usize) -> Shape {
        self.shapes[k]
    }

    /// Token `k` starts with an uppercase letter.
    pub fn upper(&self, k: usize) -> bool {
        self.shapes[k] == Shape::Upper
    }

    /// Token `k` starts with a lowercase letter.
    pub fn starts_lower(&self, k: usize) -> bool {
        self.shapes[k] == Shape::Lower
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }
}

impl std::ops::Deref for Words {
    type Target = [Token];
    fn deref(&self) -> &[Token] {
        &self.tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_shapes_of_every_token() {
        let text = "xx Zelenskyy’s “PLAN” costs $1,200 — ÉTAT said 東京 İ";
        let start = 3;
        let w = Words::new(text, (start, text.len()));
        let table: &[(&str, &str, Shape)] = &[
            ("Zelenskyy", "zelenskyy", Shape::Upper),
            ("’s", "’s", Shape::Other),
            ("“", "“", Shape::Other),
            ("PLAN", "plan", Shape::Upper),
            ("”", "”", Shape::Other),
            ("costs", "costs", Shape::Lower),
            ("$", "$", Shape::Other),
            ("1,200", "1,200", Shape::Other),
            ("—", "—", Shape::Other),
            ("ÉTAT", "état", Shape::Upper),
            ("said", "said", Shape::Lower),
            ("東京", "東京", Shape::Other),
            // Lowercasing may change a word's length: "İ" is two characters in lowercase.
            ("İ", "i\u{307}", Shape::Upper),
        ];
        assert_eq!(w.len(), table.len());
        for (k, (word, lowered, shape)) in table.iter().enumerate() {
            assert_eq!(&text[w[k].start..w[k].end], *word);
            assert_eq!(w.lower(k), *lowered, "{word}");
            assert_eq!(w.lower(k), word.to_lowercase());
            assert_eq!(w.shape(k), *shape, "{word}");
            assert_eq!(w.upper(k), *shape == Shape::Upper);
            assert_eq!(w.starts_lower(k), *shape == Shape::Lower);
        }
    }

    #[test]
    fn empty_and_blank_paragraphs_have_no_words() {
        for text in ["", "   ", "\n\t"] {
            let w = Words::new(text, (0, text.len()));
            assert!(w.is_empty() && w.tokens().is_empty());
        }
    }
}
