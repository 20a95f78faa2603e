//! Small closed word lists shared by the stages: general English and
//! news-writing vocabulary, not strings of any one page. The lists are data,
//! `lede_core/lexicon/*.txt`, compiled by `build.rs` into a constant and a
//! matcher each (`lexicon::cue_verbs(w)`); this module adds the few lookups
//! that are more than membership.

/// How a line holds a furniture phrase (`lexicon/furniture_phrases.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseMatch {
    /// The whole line.
    Is,
    /// Anywhere in the line.
    Has,
    Starts,
    /// The phrase and a space open the line.
    StartsWord,
    /// A short line (four words or fewer) opens with it.
    ShortStarts,
    /// A short line's last word is the phrase.
    ShortLast,
}

/// The furniture kind of the first row of `furniture_phrases.tsv` that
/// `l` (a short line, trimmed and lowercase) holds; `short`: four words or fewer.
pub fn furniture_phrase(l: &str, short: bool) -> Option<crate::types::BoilerplateKind> {
    FURNITURE_PHRASES.iter().find_map(|&(kind, how, p)| {
        let hit = match how {
            PhraseMatch::Is => l == p,
            PhraseMatch::Has => l.contains(p),
            PhraseMatch::Starts => l.starts_with(p),
            PhraseMatch::StartsWord => l.strip_prefix(p).is_some_and(|r| r.starts_with(' ')),
            PhraseMatch::ShortStarts => short && l.starts_with(p),
            PhraseMatch::ShortLast => short && l.strip_suffix(p).is_some_and(|r| r.ends_with(' ')),
        };
        hit.then_some(kind)
    })
}

#[allow(dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
}
pub use generated::*;

pub fn is_abbreviation(w: &str) -> bool {
    abbreviations(w)
}

pub fn is_sentence_opener(w: &str) -> bool {
    sentence_openers(w)
}

pub fn is_function_word(lower: &str) -> bool {
    // Every function word is short ASCII: most words are out at once.
    lower.len() <= FUNCTION_WORD_MAX && function_word_table().contains(lower.as_bytes())
}

const FUNCTION_WORD_MAX: usize = 12;

/// `is_function_word` of the lowercase of `word`, without allocating.
pub fn is_function_word_any_case(word: &str) -> bool {
    if word.len() > FUNCTION_WORD_MAX || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; FUNCTION_WORD_MAX];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    function_word_table().contains(lower)
}

/// A word list in an open-addressing hash table: one hash and usually one
/// comparison per lookup (the function words are asked of every word).
struct WordTable {
    slots: Vec<Option<&'static str>>,
}

impl WordTable {
    fn hash(w: &[u8]) -> usize {
        w.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193)) as usize
    }
    fn new(words: &[&'static str]) -> Self {
        let cap = (words.len() * 4).next_power_of_two();
        let mut slots = vec![None; cap];
        for &w in words {
            let mut i = Self::hash(w.as_bytes()) & (cap - 1);
            while slots[i].is_some() {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = Some(w);
        }
        Self { slots }
    }
    fn contains(&self, w: &[u8]) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = Self::hash(w) & mask;
        while let Some(s) = self.slots[i] {
            if s.as_bytes() == w {
                return true;
            }
            i = (i + 1) & mask;
        }
        false
    }
}

fn function_word_table() -> &'static WordTable {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(FUNCTION_WORDS))
}

pub fn is_calendar(w: &str) -> bool {
    months(w) || month_abbreviations(w) || weekdays(w)
}

/// (A hash table: the quote passes ask this of most words near a quote.)
pub fn is_cue_verb(lower: &str) -> bool {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(CUE_VERBS)).contains(lower.as_bytes())
}

pub fn is_person_noun(lower: &str) -> bool {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(PERSON_NOUNS)).contains(lower.as_bytes())
}

/// Personal pronouns that can be speakers (lowercase).
pub fn is_speaker_pronoun(lower: &str) -> bool {
    speaker_pronouns(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_short_ascii_and_found_in_any_case() {
        assert!(FUNCTION_WORDS.iter().all(|w| w.len() <= FUNCTION_WORD_MAX && w.is_ascii()));
        assert!(is_function_word_any_case("The") && is_function_word_any_case("the"));
        assert!(!is_function_word_any_case("Thé") && !is_function_word_any_case("Harbour"));
        // The table agrees with the list on every word and on near misses.
        for w in FUNCTION_WORDS {
            assert!(is_function_word(w), "{w}");
            assert!(!is_function_word(&format!("{w}x")) || FUNCTION_WORDS.contains(&format!("{w}x").as_str()));
        }
    }

    fn list(name: &str) -> &'static [&'static str] {
        ALL.iter().find(|(n, _)| *n == name).map(|(_, l)| *l).unwrap_or_else(|| panic!("no list {name}"))
    }

    #[test]
    fn lists_are_sorted_unique_and_trimmed() {
        assert!(ALL.len() >= 20, "{} lists", ALL.len());
        for (name, words) in ALL {
            for w in words.windows(2) {
                assert!(w[0] < w[1], "{name} not in byte order or repeated at {w:?}");
            }
            assert!(words.iter().all(|w| !w.is_empty() && w.trim() == *w), "{name}: a word with outer spaces");
        }
    }

    #[test]
    fn lowercase_lists_are_lowercase_and_the_matchers_agree_with_them() {
        let cased = [
            "abbreviations",
            "company_suffixes",
            "month_abbreviations",
            "months",
            "org_heads",
            "sentence_openers",
            "weekdays",
        ];
        for (name, words) in ALL {
            if !cased.contains(name) {
                assert!(words.iter().all(|w| w.to_lowercase() == *w), "{name} has a capital");
            }
        }
        // A few words through the generated matchers, in and out.
        assert!(cue_verbs("said") && !cue_verbs("Said") && !cue_verbs("sai"));
        assert!(is_calendar("Sept.") && is_calendar("Sunday") && is_calendar("May") && !is_calendar("may"));
        assert!(reporting_verbs("dubbed") && is_speaker_pronoun("she") && !is_speaker_pronoun("her"));
    }

    #[test]
    fn lists_of_different_notions_do_not_overlap() {
        // Pairs that must stay apart: a word in both would be counted twice
        // or given two meanings. (Known, wanted overlaps are not listed: a
        // victim noun is also a person noun; a filler may be a function word.)
        for (a, b) in [
            ("killed_words", "wounded_words"),
            ("killed_words", "casualty_words"),
            ("wounded_words", "casualty_words"),
            ("death_words", "killed_words"),
            ("reporting_verbs", "cue_verbs"),
            ("months", "weekdays"),
            ("months", "month_abbreviations"),
            ("people_nouns", "equipment_nouns"),
            ("unit_words", "people_nouns"),
            ("unit_words", "equipment_nouns"),
            ("speaker_pronouns", "person_nouns"),
            ("cue_verbs", "person_nouns"),
            ("group_nouns", "cue_verbs"),
            ("org_heads", "person_nouns"),
        ] {
            let both: Vec<_> = list(a).iter().filter(|w| list(b).contains(w)).collect();
            assert!(both.is_empty(), "{a} and {b} share {both:?}");
        }
    }
}
