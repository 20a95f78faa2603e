//! Word classes for casualty figures: death, injury and equipment words, people and units.

use super::*;

pub(crate) fn killed_word(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "dead"
            | "died"
            | "deaths"
            | "death"
            | "fatalities"
            | "bodies"
            | "corpses"
            | "slain"
            | "murdered"
            | "perished"
            | "fatally"
    )
}
pub(crate) fn wounded_word(w: &str) -> bool {
    matches!(w, "wounded" | "injured" | "hurt" | "injuries" | "wounds" | "hospitalized" | "hospitalised")
}
pub(crate) fn casualty_word(w: &str) -> bool {
    matches!(w, "casualties" | "losses")
}
pub(crate) fn equipment_word(w: &str) -> bool {
    matches!(
        w,
        "tanks"
            | "vehicles"
            | "aircraft"
            | "helicopters"
            | "planes"
            | "jets"
            | "ships"
            | "drones"
            | "launchers"
            | "systems"
            | "boats"
            | "warships"
            | "vessels"
            | "ferries"
    )
}
pub(crate) fn destroy_word(w: &str) -> bool {
    matches!(w, "destroyed" | "disabled" | "downed" | "lost" | "damaged" | "shot" | "intercepted" | "sunk" | "sank")
}
pub(crate) fn people_word(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "personnel"
            | "soldiers"
            | "troops"
            | "civilians"
            | "servicemen"
            | "men"
            | "women"
            | "children"
            | "fighters"
            | "militants"
            | "officers"
            | "residents"
            | "victims"
            | "others"
            | "passengers"
            | "workers"
            | "teens"
            | "teenagers"
            | "boys"
            | "girls"
            | "students"
    )
}
/// Units that make a number a measure, not a count of people or things.
pub(crate) fn unit_word(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "o'clock"
            | "o’clock"
            | "%"
            | "rubles"
            | "dollars"
            | "euros"
            | "pounds"
            | "yuan"
            | "hryvnias"
            | "miles"
            | "mile"
            | "km"
            | "kilometers"
            | "kilometres"
            | "yards"
            | "feet"
            | "meters"
            | "metres"
            | "kg"
            | "kilograms"
            | "tons"
            | "tonnes"
            | "hours"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "minutes"
            | "seconds"
            | "times"
            | "degrees"
            | "block"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
    )
}
pub(crate) fn is_month(w: &str) -> bool {
    crate::text::lexicon::is_calendar(w)
}
/// Verbs that end a counted noun phrase ("dozens remain missing").
pub(crate) fn is_verb_like(w: &str) -> bool {
    matches!(
        w,
        "are"
            | "be"
            | "been"
            | "is"
            | "remain"
            | "remained"
            | "remains"
            | "reported"
            | "believed"
            | "feared"
            | "left"
            | "lay"
            | "appear"
            | "appeared"
            | "said"
            | "seem"
    )
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
    killed_word(w) || matches!(w, "fatal" | "death" | "deaths" | "dies" | "mortally")
}

/// Nouns for one person as a victim (singular).
pub(crate) fn victim_noun(w: &str) -> bool {
    matches!(
        w,
        "man"
            | "woman"
            | "boy"
            | "girl"
            | "teen"
            | "teenager"
            | "child"
            | "toddler"
            | "baby"
            | "infant"
            | "person"
            | "victim"
            | "student"
            | "officer"
            | "deputy"
            | "trooper"
            | "soldier"
            | "civilian"
            | "father"
            | "mother"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "girlfriend"
            | "boyfriend"
            | "wife"
            | "husband"
            | "friend"
            | "driver"
            | "passenger"
            | "resident"
            | "neighbor"
            | "neighbour"
            | "cousin"
            | "uncle"
            | "aunt"
            | "grandmother"
            | "grandfather"
            | "suspect"
            | "gunman"
            | "shooter"
            | "clerk"
            | "guard"
            | "worker"
            | "journalist"
            | "male"
            | "female"
            | "youth"
            | "juvenile"
            | "himself"
            | "herself"
    ) || w.ends_with("-year-old")
        || w.ends_with("-month-old")
}
