//! Word classes for casualty figures: death, injury and equipment words, people and units.

use super::*;

pub(crate) fn killed_word(w: &str) -> bool {
    crate::text::lexicon::killed_words(w)
}
pub(crate) fn wounded_word(w: &str) -> bool {
    crate::text::lexicon::wounded_words(w)
}
pub(crate) fn casualty_word(w: &str) -> bool {
    crate::text::lexicon::casualty_words(w)
}
pub(crate) fn equipment_word(w: &str) -> bool {
    crate::text::lexicon::equipment_nouns(w)
}
pub(crate) fn destroy_word(w: &str) -> bool {
    crate::text::lexicon::destroy_verbs(w)
}
pub(crate) fn people_word(w: &str) -> bool {
    crate::text::lexicon::people_nouns(w)
}
/// Units that make a number a measure, not a count of people or things.
pub(crate) fn unit_word(w: &str) -> bool {
    crate::text::lexicon::unit_words(w)
}
/// A month or weekday name, or a month's abbreviation ("Sept."): a word of
/// the calendar, as a number after it is a date.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    crate::text::lexicon::is_calendar(w)
}
/// Verbs that end a counted noun phrase ("dozens remain missing").
pub(crate) fn is_verb_like(w: &str) -> bool {
    crate::text::lexicon::count_ending_verbs(w)
}

pub(crate) fn clause_break(w: &str) -> bool {
    matches!(w, "." | ";" | ":" | "!" | "?" | "(" | ")" | "—" | "–")
}

/// The category a verb before a number gives: "killed two", "wounding four".
pub(crate) fn verb_category(w: &str) -> Option<CasualtyCategory> {
    Some(match w {
        "killed" | "killing" | "kills" | "kill" | "murdered" | "murdering" => CasualtyCategory::Killed,
        "wounded" | "wounding" | "wounds" | "injured" | "injuring" | "injures" | "hurt" | "hurting" => {
            CasualtyCategory::Wounded
        }
        "captured" | "capturing" => CasualtyCategory::Captured,
        "lost" | "lose" => CasualtyCategory::Casualties,
        // Only with "fatally" before them: see `cue_before`.
        "shot" | "shooting" | "shoot" | "shoots" => CasualtyCategory::Killed,
        _ => return None,
    })
}

pub(crate) fn death_word(w: &str) -> bool {
    killed_word(w) || crate::text::lexicon::death_words(w)
}

/// Nouns for one person as a victim (singular).
pub(crate) fn victim_noun(w: &str) -> bool {
    crate::text::lexicon::victim_nouns(w) || w.ends_with("-year-old") || w.ends_with("-month-old")
}
