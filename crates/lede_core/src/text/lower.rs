//! Lowercase forms of words without allocating for the common cases.

/// The lowercase of a word, without allocating for the many per-token
/// checks: borrowed when it has no capital (most words), lowered into an
/// inline buffer when it is short ASCII, owned only otherwise.
#[inline(never)]
pub fn lower(s: &str) -> Lower<'_> {
    if s.is_ascii() {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Borrowed(s);
        }
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            for (d, b) in buf.iter_mut().zip(s.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            return Lower::Inline(buf, s.len() as u8);
        }
        return Lower::Owned(s.to_ascii_lowercase());
    }
    if s.chars().any(char::is_uppercase) {
        Lower::Owned(s.to_lowercase())
    } else {
        Lower::Borrowed(s)
    }
}

pub const INLINE: usize = 30;

/// A lowercase word (see `lower`); it derefs to `str`.
#[derive(Clone)]
pub enum Lower<'a> {
    Borrowed(&'a str),
    /// ASCII bytes and their count.
    Inline([u8; INLINE], u8),
    Owned(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Lowered ASCII is ASCII, hence UTF-8.
            Lower::Inline(buf, n) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or_default(),
            Lower::Owned(s) => s,
        }
    }
}

impl<'a> From<&'a str> for Lower<'a> {
    fn from(s: &'a str) -> Self {
        Lower::Borrowed(s)
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl std::fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_matches_to_lowercase_and_borrows_when_it_can() {
        let long = "A".repeat(INLINE + 1);
        for (word, borrowed) in [
            ("killed", true),
            ("Killed", false),
            ("KILLED", false),
            ("1,090", true),
            ("", true),
            ("élan", true),
            ("Élan", false),
            ("ЗСУ", false),
            ("İstanbul", false),
            (&long, false),
            (&long[..INLINE], false),
        ] {
            let l = lower(word);
            assert_eq!(&*l, word.to_lowercase(), "{word}");
            assert_eq!(matches!(l, Lower::Borrowed(_)), borrowed, "{word}");
            assert!(l == word.to_lowercase().as_str());
        }
    }
}
