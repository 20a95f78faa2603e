//! Small closed word lists shared by the stages. These are general English
//! and news-writing vocabulary, not strings of any one page.

fn sorted_contains(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Abbreviations that keep their period (case-sensitive, without the period).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Dec", "Dept", "Dr", "Feb", "Fla", "Fr",
    "Ft", "Gen", "Gov", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar", "Messrs", "Mr", "Mrs", "Ms",
    "Mt", "No", "Nov", "Oct", "Pfc", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "etc",
    "vs",
];

pub fn is_abbreviation(w: &str) -> bool {
    sorted_contains(ABBREVIATIONS, w)
}

/// Words that typically open a sentence (used after an initialism).
const SENTENCE_OPENERS: &[&str] = &[
    "A", "After", "Also", "An", "And", "As", "At", "But", "During", "He", "Her", "His", "However", "I", "If", "In",
    "It", "Its", "Meanwhile", "Now", "On", "She", "So", "Some", "That", "The", "Their", "There", "These", "They",
    "This", "Those", "We", "When", "While", "Yet",
];

pub fn is_sentence_opener(w: &str) -> bool {
    sorted_contains(SENTENCE_OPENERS, w)
}

/// Function words and frequent sentence-initial words (lowercase): a
/// capitalised one of these at a sentence start is not a name.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "according", "across", "after", "again", "against", "ago", "all", "almost", "along", "already",
    "also", "although", "amid", "among", "an", "and", "another", "any", "anyone", "are", "around", "as", "at", "back",
    "be", "because", "been", "before", "being", "below", "besides", "between", "both", "but", "by", "can", "could",
    "despite", "did", "do", "does", "during", "each", "earlier", "either", "even", "ever", "every", "everyone", "few",
    "finally", "first", "following", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "however", "i", "if", "in", "inside", "instead", "into", "is", "it", "its", "just",
    "last", "later", "least", "less", "let", "like", "many", "may", "maybe", "meanwhile", "might", "more", "moreover",
    "most", "much", "must", "my", "near", "neither", "never", "nevertheless", "new", "next", "no", "nobody", "none",
    "nor", "not", "nothing", "now", "of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "out",
    "over", "own", "perhaps", "please", "rather", "recently", "several", "she", "should", "since", "so", "some",
    "someone", "something", "soon", "still", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "though", "through", "throughout", "thus", "to", "today", "together", "too", "toward",
    "towards", "under", "unless", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "whatever",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
    "would", "yes", "yesterday", "yet", "you", "your",
];

pub fn is_function_word(lower: &str) -> bool {
    sorted_contains(FUNCTION_WORDS, lower)
}

/// Titles and roles that precede a person's name (lowercase, without period).
const PERSON_TITLES: &[&str] = &[
    "adm", "ambassador", "archbishop", "bishop", "brig", "capt", "captain", "cardinal", "ceo", "chairman",
    "chairwoman", "chancellor", "chief", "coach", "col", "colonel", "commander", "congressman", "congresswoman",
    "cpl", "director", "dr", "envoy", "gen", "general", "gov", "governor", "judge", "justice", "king", "lt", "maj",
    "major", "mayor", "minister", "mr", "mrs", "ms", "pope", "premier", "president", "prince", "princess", "prof",
    "professor", "queen", "rabbi", "rep", "representative", "rev", "secretary", "sen", "senator", "sergeant", "sgt",
    "sheikh", "sir", "spokesman", "spokesperson", "spokeswoman", "superintendent",
];

pub fn is_person_title(lower: &str) -> bool {
    sorted_contains(PERSON_TITLES, lower.trim_end_matches('.'))
}

/// Words that make a capitalised phrase an organisation (lowercase).
const ORG_WORDS: &[&str] = &[
    "administration", "agency", "airlines", "alliance", "army", "assembly", "association", "authority", "bank",
    "bureau", "cabinet", "center", "centre", "church", "club", "co", "coalition", "college", "commission",
    "committee", "company", "congress", "corp", "corporation", "council", "court", "department", "digital", "faction",
    "federation", "forces", "foundation", "front", "fund", "government", "group", "guard", "inc", "institute",
    "league", "ltd", "media", "ministry", "navy", "network", "news", "office", "organisation", "organization",
    "parliament", "party", "pentagon", "police", "post", "press", "school", "senate", "service", "staff", "times",
    "tribune", "union", "united", "university",
];

pub fn is_org_word(lower: &str) -> bool {
    sorted_contains(ORG_WORDS, lower.trim_end_matches('.'))
}

/// Words that make a capitalised phrase a place (lowercase).
const LOC_WORDS: &[&str] = &[
    "avenue", "bay", "beach", "city", "county", "district", "island", "islands", "lake", "mountains", "oblast",
    "ocean", "province", "region", "river", "sea", "square", "state", "street", "valley",
];

pub fn is_loc_word(lower: &str) -> bool {
    sorted_contains(LOC_WORDS, lower)
}

/// Countries, regions and major cities (exact case).
const PLACES: &[&str] = &[
    "Afghanistan", "Africa", "Alabama", "Alaska", "Albania", "Algeria", "Amsterdam", "Ankara", "Arctic", "Argentina",
    "Arizona", "Armenia", "Asia", "Athens", "Atlanta", "Australia", "Austria", "Azerbaijan", "Baghdad", "Bakhmut",
    "Baltimore", "Bangladesh", "Beijing", "Beirut", "Belarus", "Belgium", "Belgorod", "Berlin", "Bolivia", "Boston",
    "Brazil", "Britain", "Brussels", "Budapest", "Bulgaria", "Cairo", "California", "Canada", "Chicago", "Chile",
    "China", "Colombia", "Colorado", "Crimea", "Croatia", "Cuba", "Cyprus", "Damascus", "Delhi", "Denmark", "Detroit",
    "Dnipro", "Donbas", "Donetsk", "Dubai", "Egypt", "England", "Estonia", "Ethiopia", "Europe", "Finland", "Florida",
    "France", "Gaza", "Geneva", "Georgia", "Germany", "Ghana", "Greece", "Greenland", "Houston", "Hungary", "India",
    "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Istanbul", "Italy", "Japan", "Jerusalem", "Jordan", "Kabul",
    "Kazakhstan", "Kenya", "Kharkiv", "Kherson", "Kiev", "Kremlin", "Kursk", "Kyiv", "Latvia", "Lebanon", "Libya",
    "Lithuania", "London", "Luhansk", "Madrid", "Malaysia", "Manila", "Mariupol", "Mexico", "Miami", "Minsk",
    "Moldova", "Moscow", "Mumbai", "Myanmar", "Netherlands", "Nigeria", "Norway", "Odesa", "Ohio", "Oman", "Pakistan",
    "Paris", "Philadelphia", "Philippines", "Poland", "Portugal", "Qatar", "Riyadh", "Romania", "Rome", "Russia",
    "Seoul", "Serbia", "Singapore", "Slovakia", "Somalia", "Spain", "Sudan", "Sweden", "Switzerland", "Syria",
    "Taiwan", "Tehran", "Texas", "Thailand", "Tokyo", "Turkey", "Ukraine", "Venezuela", "Vietnam", "Virginia",
    "Warsaw", "Washington", "Yemen", "Zaporizhzhia",
];

pub fn is_place(w: &str) -> bool {
    sorted_contains(PLACES, w)
}

/// Nationality and other adjectives of place (exact case): MISC.
const DEMONYMS: &[&str] = &[
    "African", "American", "Arab", "Asian", "Australian", "Austrian", "Belarusian", "Belgian", "Brazilian", "British",
    "Canadian", "Chinese", "Christian", "Democrat", "Democratic", "Dutch", "English", "European", "French", "German",
    "Greek", "Indian", "Iranian", "Iraqi", "Irish", "Israeli", "Italian", "Japanese", "Jewish", "Korean", "Malaysian",
    "Mexican", "Muslim", "Palestinian", "Polish", "Republican", "Russian", "Russians", "Saudi", "Scottish", "Soviet",
    "Spanish", "Swedish", "Syrian", "Turkish", "Ukrainian", "Ukrainians", "Western",
];

pub fn is_demonym(w: &str) -> bool {
    sorted_contains(DEMONYMS, w)
}

/// Months and weekdays: capitalised but not entities on their own.
const CALENDAR: &[&str] = &[
    "April", "Aug.", "August", "Dec.", "December", "Feb.", "February", "Friday", "Jan.", "January", "July", "June",
    "March", "May", "Monday", "Nov.", "November", "Oct.", "October", "Saturday", "Sept.", "September", "Sunday",
    "Thursday", "Tuesday", "Wednesday",
];

pub fn is_calendar(w: &str) -> bool {
    sorted_contains(CALENDAR, w)
}

/// Speech and attribution verbs (lowercase).
const CUE_VERBS: &[&str] = &[
    "acknowledged", "added", "adds", "admitted", "announced", "argued", "asked", "asks", "asserted", "asserts",
    "claimed", "claims", "commented", "complained", "conceded", "concluded", "confirmed", "continued", "cried",
    "declared", "denied", "described", "emphasised", "emphasized", "explained", "explains", "insisted", "insists",
    "noted", "notes", "observed", "posted", "recalled", "remarked", "replied", "reported", "responded", "said",
    "says", "shouted", "stated", "states", "stressed", "suggested", "tells", "testified", "told", "tweeted", "warned",
    "warns", "whispered", "writes", "wrote",
];

pub fn is_cue_verb(lower: &str) -> bool {
    sorted_contains(CUE_VERBS, lower)
}

/// Personal pronouns that can be speakers (lowercase).
pub fn is_speaker_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "i" | "we")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for (name, list) in [
            ("ABBREVIATIONS", ABBREVIATIONS),
            ("SENTENCE_OPENERS", SENTENCE_OPENERS),
            ("FUNCTION_WORDS", FUNCTION_WORDS),
            ("PERSON_TITLES", PERSON_TITLES),
            ("ORG_WORDS", ORG_WORDS),
            ("LOC_WORDS", LOC_WORDS),
            ("PLACES", PLACES),
            ("DEMONYMS", DEMONYMS),
            ("CALENDAR", CALENDAR),
            ("CUE_VERBS", CUE_VERBS),
        ] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{name} not sorted at {:?}", w);
            }
        }
    }
}
