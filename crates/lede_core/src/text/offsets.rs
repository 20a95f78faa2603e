//! Byte offset to char offset conversion in linear time overall.
//!
//! Every stage works on byte offsets of the `&str` it is given; the public
//! output uses char offsets. `CharIndex` keeps the char count at every
//! `STRIDE`-th byte, so one conversion costs at most `STRIDE` byte steps.

const STRIDE: usize = 64;

pub struct CharIndex<'a> {
    text: &'a str,
    /// `checkpoints[i]` = number of chars in `text[..i * STRIDE]` (rounded
    /// down to the char boundary at or before that byte).
    checkpoints: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut chars = 0usize;
        for (i, &b) in bytes.iter().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(chars);
            }
            // Count the first byte of every char (non-continuation bytes).
            if (b & 0xC0) != 0x80 {
                chars += 1;
            }
        }
        if bytes.len() % STRIDE == 0 {
            checkpoints.push(chars);
        }
        Self { text, checkpoints }
    }

    /// The char offset of byte offset `byte` (which must be a char boundary;
    /// a byte inside a char maps to that char's offset).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let block = byte / STRIDE;
        let base = block * STRIDE;
        let mut chars = self.checkpoints[block];
        for &b in &self.text.as_bytes()[base..byte] {
            if (b & 0xC0) != 0x80 {
                chars += 1;
            }
        }
        chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_naive_count_on_mixed_text() {
        let text = "Zelenskyy’s “war” — ĺàŧéš 😀 done. ".repeat(20);
        let idx = CharIndex::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(idx.char_of(byte), text[..byte].chars().count(), "at byte {byte}");
        }
        assert_eq!(idx.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn empty_and_exact_stride() {
        assert_eq!(CharIndex::new("").char_of(0), 0);
        let t = "a".repeat(128);
        let idx = CharIndex::new(&t);
        assert_eq!(idx.char_of(64), 64);
        assert_eq!(idx.char_of(128), 128);
    }
}
