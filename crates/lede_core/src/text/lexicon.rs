//! Small closed word lists shared by the stages. These are general English
//! and news-writing vocabulary, not strings of any one page.

fn sorted_contains(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Abbreviations that keep their period (case-sensitive, without the period).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Dec", "Dept", "Dr", "Feb", "Fla", "Fr",
    "Ft", "Gen", "Gov", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar", "Messrs", "Mr", "Mrs", "Ms", "Mt",
    "No", "Nov", "Oct", "Pfc", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "etc", "vs",
];

pub fn is_abbreviation(w: &str) -> bool {
    sorted_contains(ABBREVIATIONS, w)
}

/// Words that typically open a sentence (used after an initialism).
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "During",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Now",
    "On",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "When",
    "While",
    "Yet",
];

pub fn is_sentence_opener(w: &str) -> bool {
    sorted_contains(SENTENCE_OPENERS, w)
}

/// Function words and frequent sentence-initial words (lowercase): a
/// capitalised one of these at a sentence start is not a name.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "besides",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "ever",
    "every",
    "everyone",
    "few",
    "finally",
    "first",
    "following",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "inside",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "least",
    "less",
    "let",
    "like",
    "many",
    "may",
    "maybe",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "nevertheless",
    "new",
    "next",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "perhaps",
    "please",
    "rather",
    "recently",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "together",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

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

/// The function words in an open-addressing hash table: one hash and
/// usually one comparison per lookup (this is called for every word).
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

/// Months and weekdays: capitalised but not entities on their own.
const CALENDAR: &[&str] = &[
    "April",
    "Aug.",
    "August",
    "Dec.",
    "December",
    "Feb.",
    "February",
    "Friday",
    "Jan.",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "Nov.",
    "November",
    "Oct.",
    "October",
    "Saturday",
    "Sept.",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "Wednesday",
];

pub fn is_calendar(w: &str) -> bool {
    sorted_contains(CALENDAR, w)
}

/// Speech and attribution verbs (lowercase).
const CUE_VERBS: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "agree",
    "agreed",
    "agrees",
    "announced",
    "announcing",
    "answered",
    "argue",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "asserted",
    "asserts",
    "assured",
    "boasted",
    "bragged",
    "cautioned",
    "charged",
    "chided",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "commented",
    "complained",
    "conceded",
    "concedes",
    "conclude",
    "concluded",
    "confirmed",
    "contend",
    "contended",
    "continued",
    "countered",
    "cried",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "demands",
    "denied",
    "described",
    "elaborated",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explain",
    "explained",
    "explaining",
    "explains",
    "fumed",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "joked",
    "lamented",
    "maintained",
    "mused",
    "note",
    "noted",
    "notes",
    "noting",
    "objected",
    "observed",
    "pleaded",
    "pointed",
    "posted",
    "predicted",
    "pressed",
    "promised",
    "protested",
    "quipped",
    "read",
    "reads",
    "reasoned",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "reiterated",
    "remarked",
    "remembered",
    "repeated",
    "replied",
    "replies",
    "reported",
    "responded",
    "responds",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "scolded",
    "screamed",
    "shouted",
    "sighed",
    "snapped",
    "stated",
    "states",
    "stating",
    "stressed",
    "suggested",
    "suggesting",
    "telling",
    "tells",
    "testified",
    "told",
    "tweeted",
    "tweeting",
    "urged",
    "vowed",
    "warn",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "write",
    "writes",
    "writing",
    "wrote",
    "yelled",
    "yelling",
    "yells",
];

pub fn is_cue_verb(lower: &str) -> bool {
    sorted_contains(CUE_VERBS, lower)
}

/// Nouns that describe a person, heads of speaker descriptions (lowercase).
const PERSON_NOUNS: &[&str] = &[
    "activist",
    "actor",
    "actress",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "artist",
    "attorney",
    "author",
    "boy",
    "brother",
    "candidate",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "colonel",
    "columnist",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "consultant",
    "correspondent",
    "critic",
    "daughter",
    "deputy",
    "detective",
    "diplomat",
    "director",
    "doctor",
    "driver",
    "economist",
    "editor",
    "engineer",
    "envoy",
    "executive",
    "expert",
    "farmer",
    "father",
    "fighter",
    "founder",
    "friend",
    "girl",
    "governor",
    "grandfather",
    "grandmother",
    "guard",
    "head",
    "historian",
    "host",
    "husband",
    "inspector",
    "journalist",
    "judge",
    "lawmaker",
    "lawyer",
    "leader",
    "man",
    "manager",
    "mayor",
    "member",
    "minister",
    "mother",
    "narrator",
    "negotiator",
    "neighbor",
    "neighbour",
    "nephew",
    "niece",
    "nominee",
    "nurse",
    "officer",
    "official",
    "organizer",
    "owner",
    "parent",
    "passenger",
    "physician",
    "pilot",
    "player",
    "police",
    "politician",
    "pollster",
    "president",
    "professor",
    "prosecutor",
    "protester",
    "psychologist",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "sailor",
    "scholar",
    "scientist",
    "secretary",
    "senator",
    "sergeant",
    "sheriff",
    "singer",
    "sister",
    "soldier",
    "son",
    "source",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "student",
    "superintendent",
    "supporter",
    "surgeon",
    "survivor",
    "teacher",
    "trooper",
    "veteran",
    "victim",
    "voter",
    "widow",
    "widower",
    "wife",
    "witness",
    "woman",
    "worker",
    "writer",
];

pub fn is_person_noun(lower: &str) -> bool {
    sorted_contains(PERSON_NOUNS, lower)
}

/// Personal pronouns that can be speakers (lowercase).
pub fn is_speaker_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "it" | "they" | "i" | "we")
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

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for (name, list) in [
            ("ABBREVIATIONS", ABBREVIATIONS),
            ("SENTENCE_OPENERS", SENTENCE_OPENERS),
            ("FUNCTION_WORDS", FUNCTION_WORDS),
            ("CALENDAR", CALENDAR),
            ("CUE_VERBS", CUE_VERBS),
            ("PERSON_NOUNS", PERSON_NOUNS),
        ] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{name} not sorted at {:?}", w);
            }
        }
    }
}
