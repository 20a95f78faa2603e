//! Casualty figures: a number, the category words around it in its clause,
//! its qualifier, and what it counts, whose losses and according to whom.
//!
//! Offsets are byte offsets into the analysed text.

use crate::entities::Mention;
use crate::numbers::{self, Number};
use crate::tokens::{Sentence, Token, TokenKind};
use crate::types::{CasualtyCategory, EntityLabel, Qualifier};

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub value: u64,
    pub value_max: Option<u64>,
    pub qualifier: Qualifier,
    pub category: CasualtyCategory,
    pub subject: Option<(usize, usize)>,
    pub actor: Option<(usize, usize)>,
    pub reported_by: Option<(usize, usize)>,
    pub period: Option<(usize, usize)>,
}

fn killed_word(w: &str) -> bool {
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
fn wounded_word(w: &str) -> bool {
    matches!(w, "wounded" | "injured" | "hurt" | "injuries" | "wounds" | "hospitalized" | "hospitalised")
}
fn casualty_word(w: &str) -> bool {
    matches!(w, "casualties" | "losses")
}
fn equipment_word(w: &str) -> bool {
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
fn destroy_word(w: &str) -> bool {
    matches!(w, "destroyed" | "disabled" | "downed" | "lost" | "damaged" | "shot" | "intercepted" | "sunk" | "sank")
}
fn people_word(w: &str) -> bool {
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
fn unit_word(w: &str) -> bool {
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
fn is_month(w: &str) -> bool {
    crate::lexicon::is_calendar(w)
}
/// Verbs that end a counted noun phrase ("dozens remain missing").
fn is_verb_like(w: &str) -> bool {
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

fn clause_break(w: &str) -> bool {
    matches!(w, "." | ";" | ":" | "!" | "?" | "(" | ")" | "—" | "–")
}

/// What a category cue after the number says.
struct Cue {
    category: CasualtyCategory,
    /// Token index of the last cue word.
    last: usize,
    /// Token index where the counted noun phrase ends (exclusive), if any.
    subject_end: usize,
}

fn qualifier_before(text: &str, toks: &[Token], first: usize, floor: usize) -> (Qualifier, usize) {
    let w = |k: usize| crate::tokens::lower(toks[k].text(text));
    if first >= floor + 2 {
        let two = format!("{} {}", w(first - 2), w(first - 1));
        let q = match &*two {
            "at least" => Some(Qualifier::AtLeast),
            "more than" | "upwards of" => Some(Qualifier::MoreThan),
            "up to" | "at most" => Some(Qualifier::AtMost),
            "fewer than" | "less than" => Some(Qualifier::LessThan),
            "an estimated" => Some(Qualifier::Approx),
            _ => None,
        };
        if let Some(q) = q {
            // "no more than" is an upper bound.
            if q == Qualifier::MoreThan && first >= floor + 3 && w(first - 3) == "no" {
                return (Qualifier::AtMost, first - 3);
            }
            return (q, first - 2);
        }
    }
    if first > floor {
        let q = match &*w(first - 1) {
            "approximately" | "about" | "some" | "nearly" | "almost" | "around" | "roughly" | "estimated"
            | "approx" => Some(Qualifier::Approx),
            "over" => Some(Qualifier::MoreThan),
            _ => None,
        };
        if let Some(q) = q {
            return (q, first - 1);
        }
    }
    (Qualifier::Exact, first)
}

/// Look after the number for the category of what it counts.
fn cue_after(
    text: &str,
    toks: &[Token],
    n: &Number,
    s: &Sent<'_>,
    sentence_destroy: bool,
    mentions: &[Mention],
    coordinated: bool,
) -> Option<Cue> {
    let lw = |k: usize| s.lower(k);
    let mut k = n.end;
    // "100 or so"
    if k + 1 < s.end && lw(k) == "or" && lw(k + 1) == "so" {
        k += 2;
    }
    let mut limit = (k + 8).min(s.end);
    let mut subject_end = k;
    let mut found: Option<(CasualtyCategory, usize)> = None;
    let mut subject_closed = false;
    while k < limit {
        let w = lw(k);
        // An age range after the counted noun is skipped: "four boys between
        // ages 12 and 16 were wounded", "two men aged 20 to 25".
        if found.is_none() {
            let j = if w == "between" && k + 1 < s.end { k + 1 } else { k };
            if matches!(&*lw(j), "ages" | "aged") && j + 1 < s.end && toks[j + 1].kind == TokenKind::Number {
                let mut e = j + 2;
                if e + 1 < s.end && matches!(&*lw(e), "and" | "to" | "-" | "–") && toks[e + 1].kind == TokenKind::Number
                {
                    e += 2;
                }
                limit = (limit + (e - k)).min(s.end);
                k = e;
                continue;
            }
        }
        // A name inside the counted phrase is skipped: "two firefighters with
        // the Morningside Volunteer Fire Department suffered minor injuries".
        let in_phrase = |j: usize| {
            j > n.end
                && matches!(&*lw(j - 1), "with" | "from" | "of" | "at" | "in" | "for")
                && (j > n.end + 1 || lw(n.end) != "of")
        };
        if found.is_none() && k > n.end && (in_phrase(k) || lw(k - 1) == "the" && in_phrase(k - 1)) {
            let at = mentions.partition_point(|m| m.start < toks[k].start);
            if let Some(m) = mentions.get(at).filter(|m| m.start == toks[k].start && m.label != EntityLabel::Per) {
                let e = (k + 1..s.end).find(|&j| toks[j].start >= m.end).unwrap_or(s.end);
                limit = (limit + (e - k)).min(s.end);
                k = e;
                continue;
            }
        }
        // A predicate whose category word comes a few words on: "sustained
        // what police say are non-life threatening injuries", "were taken to
        // local hospitals".
        if found.is_none() && !(n.end..k).any(|j| matches!(&*lw(j), "and" | "or")) {
            if let Some((c, last)) = late_predicate(s, k) {
                found = Some((c, last));
                k = last + 1;
                continue;
            }
        }
        // "shootings in which one person was killed": a relative clause of its own.
        if found.is_none() && w == "which" && k > n.end && matches!(&*lw(k - 1), "in" | "during" | "after" | "of") {
            break;
        }
        // Another number starts another figure; an age ("21-year-old") does not.
        if clause_break(&w) || toks[k].kind == TokenKind::Number && numbers::parse_at(text, toks, k).is_some() {
            break;
        }
        // A comma or a conjunction before any category starts another clause:
        // "killed one and wounded four" gives "one" nothing from "wounded".
        // ("shot and wounded" goes on: no new count follows the "and").
        let new_count = |j: usize| j < s.end && numbers::parse_at(text, toks, j).is_some();
        let conj = matches!(&*w, "and" | "or");
        // A parenthetical ", including four children and two men," or
        // "-- including a 1-year-old boy --" is skipped.
        let dash = |x: &str| matches!(x, "-" | "—" | "–");
        if found.is_none() && k + 1 < s.end {
            let opener = if w == "," && matches!(&*lw(k + 1), "including" | "ages" | "aged" | "among") {
                Some(",")
            } else if dash(&w) {
                Some("-")
            } else {
                None
            };
            if let Some(o) = opener {
                let mut j = k + 1;
                while j < s.end && dash(&lw(j)) {
                    j += 1; // "--" is two tokens
                }
                let closes = |x: &str| if o == "," { x == "," } else { dash(x) };
                // ", ages 25, 26, and 33," closes at the comma after the list.
                if o == "," && matches!(&*lw(k + 1), "ages" | "aged") {
                    while j + 1 < s.end
                        && (toks[j + 1].kind == TokenKind::Number || matches!(&*lw(j + 1), "," | "and" | "to"))
                    {
                        j += 1;
                    }
                    if lw(j) != "," {
                        j += 1;
                    }
                }
                if let Some(close) = (j..(j + 14).min(s.end)).find(|&c| closes(&lw(c))) {
                    let mut after = close + 1;
                    while after < s.end && dash(&lw(after)) {
                        after += 1;
                    }
                    limit = (limit + (after - k)).min(s.end);
                    k = after;
                    continue;
                }
            }
        }
        let noun_before = |x: &str| people_word(x) || victim_noun(x) || x.ends_with('s');
        if found.is_none() && conj && !coordinated && noun_before(&lw(k - 1)) {
            // "Nine other officers and two civilians were also injured": two
            // counts sharing one passive predicate each get its category.
            let second = (k + 1..(k + 3).min(s.end)).find_map(|j| numbers::parse_at(text, toks, j));
            if let Some(m) = second {
                if let Some(c) = cue_after(text, toks, &m, s, sentence_destroy, mentions, true) {
                    let shared = (m.end..c.last).any(|j| matches!(&*lw(j), "were" | "are" | "been"));
                    if shared && subject_end > n.end {
                        return Some(Cue { category: c.category, last: n.end - 1, subject_end });
                    }
                }
            }
        }
        if found.is_none()
            && (matches!(&*w, "," | "but" | "while" | "after" | "before")
                || conj && (new_count(k + 1) || new_count(k + 2)))
        {
            break;
        }
        // "fatal injuries" are deaths.
        let fatal_injury =
            matches!(&*w, "fatal" | "fatally" | "mortal" | "mortally") && k + 1 < s.end && wounded_word(&lw(k + 1));
        let cat = if fatal_injury {
            found = Some((CasualtyCategory::Killed, k + 1));
            break;
        } else if killed_word(&w) {
            Some(CasualtyCategory::Killed)
        } else if wounded_word(&w) {
            Some(CasualtyCategory::Wounded)
        } else if casualty_word(&w) {
            Some(CasualtyCategory::Casualties)
        } else if w == "missing" {
            Some(CasualtyCategory::Missing)
        } else if matches!(&*w, "captured" | "prisoners" | "pows") && k <= n.end + 2 {
            Some(CasualtyCategory::Captured)
        } else if equipment_word(&w) && sentence_destroy && k <= n.end + 3 {
            subject_end = k + 1;
            Some(CasualtyCategory::Equipment)
        } else {
            None
        };
        match (cat, found) {
            (Some(c), None) => found = Some((c, k)),
            (Some(c), Some((prev, _))) if prev != c => {
                // "wounded or killed", "killed and wounded"
                let pair = matches!(prev, CasualtyCategory::Killed | CasualtyCategory::Wounded)
                    && matches!(c, CasualtyCategory::Killed | CasualtyCategory::Wounded);
                found = Some((if pair { CasualtyCategory::Casualties } else { prev }, k));
            }
            (None, Some(_)) if !matches!(&*w, "or" | "and") => break,
            _ => {}
        }
        // The counted noun phrase runs from the number to the first verb or function word.
        if found.is_none() && toks[k].kind == TokenKind::Word && !subject_closed {
            if crate::lexicon::is_function_word(&w) && !matches!(&*w, "other" | "others") || is_verb_like(&w) {
                subject_closed = true;
            } else {
                subject_end = subject_end.max(k + 1);
            }
        }
        k += 1;
    }
    let (category, last) = found?;
    Some(Cue { category, last, subject_end })
}

/// A predicate at token `k` whose category word comes some words later:
/// "sustained (what police say are) … injuries", "suffered minor wounds",
/// "were taken to local hospitals". Returns the category and the index of
/// its last word.
fn late_predicate(s: &Sent<'_>, k: usize) -> Option<(CasualtyCategory, usize)> {
    let lw = |j: usize| s.lower(j);
    let w = lw(k);
    // "may have sent others to the hospital"
    if (k.saturating_sub(3).max(s.first)..k).any(|j| matches!(&*lw(j), "may" | "might" | "could" | "would" | "not")) {
        return None;
    }
    let within = |n: usize, f: &dyn Fn(&str) -> bool| {
        (k + 1..(k + 1 + n).min(s.end)).take_while(|&j| !clause_break(&lw(j)) && lw(j) != ",").find(|&j| f(&lw(j)))
    };
    match &*w {
        "sustained" | "suffered" | "sustaining" | "suffering" => {
            let obj = within(8, &|x| matches!(x, "injuries" | "injury" | "wounds" | "wound"))?;
            let fatal = (k + 1..obj).any(|j| matches!(&*lw(j), "fatal" | "mortal" | "deadly"));
            Some((if fatal { CasualtyCategory::Killed } else { CasualtyCategory::Wounded }, obj))
        }
        "taken" | "transported" | "rushed" | "airlifted" | "flown" | "admitted" | "sent" => {
            // "taken to Northeast Georgia Medical Center", but not "to the
            // medical examiner's office".
            let h = within(6, &|x| matches!(x, "hospital" | "hospitals" | "medical" | "clinic" | "trauma" | "health"))?;
            // "Health" only as part of a hospital's name ("UF Health").
            if lw(h) == "health" && !s.toks[h].text(s.text).starts_with(char::is_uppercase) {
                return None;
            }
            if !(k + 1..h).any(|j| lw(j) == "to") {
                return None;
            }
            if lw(h) == "medical" && h + 1 < s.end && matches!(&*lw(h + 1), "examiner" | "examiner's" | "examiner’s")
            {
                return None;
            }
            Some((CasualtyCategory::Wounded, h))
        }
        _ => None,
    }
}

/// "had lost approximately 1,152,160 personnel", "killed 12 people".
fn cue_before(text: &str, toks: &[Token], q_start: usize, n: &Number, s: &Sent<'_>) -> Option<Cue> {
    let lw = |k: usize| s.lower(k);
    // The verb stands right before the number or its qualifier, or before
    // "the" and the number ("injured the five people").
    let mut vk = q_start.checked_sub(1).filter(|&k| k >= s.first)?;
    // "injuries to five other people", "deaths of two teens".
    if vk > s.first && matches!(&*lw(vk), "to" | "of") {
        let noun = lw(vk - 1);
        // "the fatal shootings of two teens", "the killings of three men".
        let fatal = vk > s.first + 1 && matches!(&*lw(vk - 2), "fatal" | "deadly");
        let category = match (&*lw(vk), &*noun) {
            ("to", "injuries" | "wounds") => Some(CasualtyCategory::Wounded),
            ("of", "deaths" | "killings" | "murders") => Some(CasualtyCategory::Killed),
            ("of", "shooting" | "shootings" | "stabbing" | "stabbings") if fatal => Some(CasualtyCategory::Killed),
            _ => None,
        };
        if let Some(category) = category {
            // The counted people, when named: "five other people", "two teens".
            let mut subject_end = n.end;
            for (e, t) in toks.iter().enumerate().take(s.end.min(n.end + 3)).skip(n.end) {
                let w = crate::tokens::lower(t.text(text));
                if people_word(&w) {
                    subject_end = e + 1;
                    break;
                }
                if t.kind != TokenKind::Word || crate::lexicon::is_function_word(&w) && w != "other" {
                    break;
                }
            }
            return Some(Cue { category, last: subject_end - 1, subject_end });
        }
    }
    // "injured the five people", "killed his two step-children".
    if matches!(&*lw(vk), "the" | "all" | "his" | "her" | "their") && vk > s.first {
        vk -= 1;
    }
    let verb = lw(vk);
    verb_category(&verb)?;
    // "fatally shot three", "shot and killed two".
    let fatally = vk > s.first && matches!(&*lw(vk - 1), "fatally" | "mortally");
    if matches!(&*verb, "shot" | "shooting" | "shoot" | "shoots") && !fatally {
        return None; // the shot may be wounded or dead
    }
    let category = if fatally { CasualtyCategory::Killed } else { verb_category(&verb)? };
    // The counted noun: required to be people after "lost" ("lost 500,000
    // rubles" is no loss of life), optional after "killed" ("killed two").
    let mut k = n.end;
    let mut subject_end = None;
    while k < s.end && k < n.end + 3 {
        let w = lw(k);
        if people_word(&w) {
            subject_end = Some(k + 1);
            break;
        }
        if toks[k].kind != TokenKind::Word || crate::lexicon::is_function_word(&w) {
            break;
        }
        k += 1;
    }
    // "captured 12 suspects" is an arrest, "captured 12 soldiers" a loss.
    let needs_people = matches!(&*verb, "lost" | "lose" | "captured" | "capturing");
    let subject_end = match subject_end {
        Some(e) => e,
        None if !needs_people => n.end,
        None => return None,
    };
    Some(Cue { category, last: subject_end - 1, subject_end })
}

/// The category a verb before a number gives: "killed two", "wounding four".
fn verb_category(w: &str) -> Option<CasualtyCategory> {
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

/// A sentence with the lowercase forms of its tokens, made once for the
/// many word checks here.
struct Sent<'a> {
    first: usize,
    end: usize,
    text: &'a str,
    toks: &'a [Token],
    /// The lowercase tokens, one after another, and where each ends.
    lower: String,
    ends: Vec<usize>,
}

impl<'a> Sent<'a> {
    fn new(text: &'a str, toks: &'a [Token], s: Sentence) -> Self {
        let mut lower = String::with_capacity(
            toks.get(s.end.saturating_sub(1)).map_or(0, |t| t.end) - toks.get(s.first).map_or(0, |t| t.start),
        );
        let mut ends = Vec::with_capacity(s.end - s.first);
        for t in &toks[s.first..s.end] {
            lower.push_str(&crate::tokens::lower(t.text(text)));
            ends.push(lower.len());
        }
        Self { first: s.first, end: s.end, text, toks, lower, ends }
    }

    /// Token `k` in lowercase (any token of the paragraph).
    #[inline(never)]
    fn lower(&self, k: usize) -> crate::tokens::Lower<'_> {
        match k.checked_sub(self.first).filter(|&i| i < self.ends.len()) {
            Some(i) => {
                let a = if i == 0 { 0 } else { self.ends[i - 1] };
                crate::tokens::Lower::Borrowed(&self.lower[a..self.ends[i]])
            }
            None => crate::tokens::lower(self.toks[k].text(self.text)),
        }
    }
}

/// Find figures in one sentence.
/// Whether these tokens tell of any death ("killed", "fatal", "homicide"…).
/// In a story that tells of none, people shot were wounded.
/// Words inside double quotation marks ("They killed me!") and words after
/// a negation or a modal ("could have killed her", "not dead") tell of none.
pub fn tells_of_death(text: &str, toks: &[Token]) -> bool {
    let mut quoted = false;
    for (i, t) in toks.iter().enumerate() {
        match t.text(text) {
            "\"" => quoted = !quoted,
            "“" => quoted = true,
            "”" => quoted = false,
            _ => {}
        }
        if quoted {
            continue;
        }
        let w = crate::tokens::lower(t.text(text));
        let examiner = &*w == "examiner" && i > 0 && crate::tokens::lower(toks[i - 1].text(text)) == "medical";
        if !(death_word(&w) || matches!(&*w, "murder" | "homicide" | "deadly" | "dying" | "coroner") || examiner) {
            continue;
        }
        // "assault with a deadly weapon", "deadly force", "Deadly Conduct".
        let next = toks.get(i + 1).map(|n| crate::tokens::lower(n.text(text)));
        if &*w == "deadly" && next.is_some_and(|n| matches!(&*n, "weapon" | "weapons" | "force" | "conduct")) {
            continue;
        }
        let negated = toks[i.saturating_sub(3)..i].iter().any(|p| {
            let p = crate::tokens::lower(p.text(text));
            matches!(&*p, "not" | "never" | "nearly" | "almost" | "no") || p.ends_with("n't") || p.ends_with("n’t")
        });
        // A modal earlier in the clause: "it could have hit her in the heart and killed her".
        let modal = toks[i.saturating_sub(10)..i]
            .iter()
            .rev()
            .take_while(|p| p.kind != TokenKind::Punct)
            .any(|p| matches!(&*crate::tokens::lower(p.text(text)), "could" | "would" | "might"));
        let hedged = negated || modal;
        if !hedged {
            return true;
        }
    }
    false
}

fn death_word(w: &str) -> bool {
    killed_word(w) || matches!(w, "fatal" | "death" | "deaths" | "dies" | "mortally")
}

/// `deaths_told`: whether the sentence's article tells of any death
/// (`tells_of_death`).
pub fn find_in_sentence(
    text: &str,
    toks: &[Token],
    s: Sentence,
    mentions: &[Mention],
    deaths_told: bool,
    out: &mut Vec<Figure>,
) {
    let s = &Sent::new(text, toks, s);
    let lw = |k: usize| s.lower(k);
    let sentence_destroy = (s.first..s.end).any(|k| destroy_word(&lw(k)));
    let mut i = s.first;
    while i < s.end {
        let Some(n) = numbers::parse_at(text, toks, i) else {
            i += 1;
            continue;
        };
        let mut next = n.end.max(i + 1);
        // "between ages 12 and 16", "aged 20 to 25": ages, not counts.
        let before = |j: usize| if j > s.first { lw(j - 1) } else { "".into() };
        let is_age = |w: &str| matches!(w, "ages" | "aged" | "age");
        if is_age(&before(i)) || before(i) == "between" && i > s.first + 1 && is_age(&lw(i - 2)) {
            // And the range's other end: "12 and 16", "20 to 25".
            if next + 1 < s.end
                && matches!(&*lw(next), "and" | "to" | "-" | "–")
                && toks[next + 1].kind == TokenKind::Number
            {
                next += 2;
            }
            i = next;
            continue;
        }
        if let Some(f) = figure_at(text, toks, s, &n, sentence_destroy, mentions) {
            // A range or a counted phrase uses the tokens up to the figure's end.
            while next < s.end && toks[next].start < f.end && toks[next].kind != TokenKind::Number {
                next += 1;
            }
            if next < s.end && toks[next].start < f.end {
                next = (next..s.end).find(|&k| toks[k].start >= f.end).unwrap_or(s.end);
            }
            out.push(f);
        }
        i = next;
    }
    single_victims(text, toks, s, mentions, out);
    suffered_injuries(text, toks, s, mentions, out);
    shot_and_hurt(text, toks, s, mentions, deaths_told, out);
    the_others(text, toks, s, out);
    named_group(text, toks, s, mentions, out);
}

/// "David Jones, 19, Leonard Andrews, 21, and Jamari Brooks, 17, were also
/// wounded", "Terrell and Zigan were taken to Northeast Georgia Medical
/// Center": a list of named people sharing one predicate counts them.
fn named_group(_text: &str, toks: &[Token], s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for p in s.first + 2..s.end {
        if lw(p) != "were" {
            continue;
        }
        let mut v = p + 1;
        while v < s.end
            && matches!(&*lw(v), "also" | "both" | "all" | "later" | "reportedly" | "critically" | "seriously")
        {
            v += 1;
        }
        if v >= s.end {
            return;
        }
        let (category, last) = match &*lw(v) {
            "killed" | "slain" | "murdered" | "dead" => (CasualtyCategory::Killed, v),
            "wounded" | "injured" | "hurt" | "hospitalized" | "hospitalised" => (CasualtyCategory::Wounded, v),
            _ => match late_predicate(s, v) {
                Some((CasualtyCategory::Wounded, h)) => (CasualtyCategory::Wounded, h),
                _ => continue,
            },
        };
        // Walk back over "Name[, age,] (, | and | , and) Name[, age,]".
        let mut e = p;
        let mut names = 0u64;
        let mut first = p;
        let mut list_end = 0;
        loop {
            if e >= s.first + 3 && lw(e - 1) == "," && toks[e - 2].kind == TokenKind::Number && lw(e - 3) == "," {
                e -= 3;
            } else if names > 0 && e >= s.first + 2 && toks[e - 1].kind == TokenKind::Number && lw(e - 2) == "," {
                // The age's closing comma was the list's separator.
                e -= 2;
            }
            let Some(m) = (e > s.first)
                .then(|| mentions.iter().find(|m| m.end == toks[e - 1].end && m.label == EntityLabel::Per))
                .flatten()
            else {
                break;
            };
            let Some(b) = (s.first..e).find(|&k| toks[k].start >= m.start) else { break };
            if names == 0 {
                list_end = m.end;
            }
            names += 1;
            first = b;
            e = b;
            if e > s.first && lw(e - 1) == "and" {
                e -= 1;
                if e > s.first && lw(e - 1) == "," {
                    e -= 1;
                }
            } else if e > s.first && lw(e - 1) == "," {
                e -= 1;
            } else {
                break;
            }
        }
        if names >= 2 {
            let (a, b) = (toks[first].start, toks[last].end);
            if !covered(a, b, out) {
                out.push(Figure { value: names, ..single(a, b, category, (toks[first].start, list_end)) });
            }
        }
    }
}

/// "opened fire on four teenagers, killing two of them and leaving the
/// others wounded": the others are the count less the dead.
fn the_others(text: &str, toks: &[Token], s: &Sent<'_>, out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    let Some(o) = (s.first + 1..s.end).find(|&k| matches!(&*lw(k), "others" | "rest") && lw(k - 1) == "the") else {
        return;
    };
    // "leaving the others wounded", "the rest were injured", "wounding the others".
    let mut after = o + 1;
    if after < s.end && matches!(&*lw(after), "were" | "are") {
        after += 1;
    }
    let hurt_after = after < s.end && wounded_word(&lw(after));
    let hurt_before = o >= s.first + 2 && matches!(&*lw(o - 2), "wounding" | "injuring" | "wounded" | "injured");
    if !hurt_after && !hurt_before {
        return;
    }
    let sentence_start = toks[s.first].start;
    let the = toks[o - 1].start;
    // The dead of this sentence, stated before "the others".
    let dead: Vec<&Figure> = out
        .iter()
        .filter(|f| f.start >= sentence_start && f.end <= the && f.category == CasualtyCategory::Killed)
        .collect();
    let [killed] = dead.as_slice() else { return };
    // The whole group: the first plain count of people before the dead.
    let total = (s.first..o).find_map(|k| {
        let n = numbers::parse_at(text, toks, k).filter(|n| !n.vague && n.max.is_none())?;
        (toks[n.first].start < killed.start && (n.end..(n.end + 3).min(s.end)).any(|j| people_word(&lw(j))))
            .then_some(n)
    });
    let Some(total) = total.filter(|t| t.value > killed.value) else { return };
    let (a, b) = if hurt_after { (the, toks[after].end) } else { (toks[o - 2].start, toks[o].end) };
    if !covered(a, b, out) {
        out.push(Figure {
            value: total.value - killed.value,
            ..single(a, b, CasualtyCategory::Wounded, (the, toks[o].end))
        });
    }
}

/// "Five people were shot, including one who suffered critical injuries",
/// "Four others were shot, but their injuries were not life-threatening",
/// "a 3-year-old girl had been shot" in a story that tells of no death:
/// people shot in a sentence that speaks of their injuries and of no death,
/// or in a story with no death at all, are wounded. (Shot alone says
/// nothing of who survived.)
fn shot_and_hurt(
    text: &str,
    toks: &[Token],
    s: &Sent<'_>,
    mentions: &[Mention],
    deaths_told: bool,
    out: &mut Vec<Figure>,
) {
    let lw = |k: usize| s.lower(k);
    let any = |f: fn(&str) -> bool| (s.first..s.end).any(|k| f(&lw(k)));
    let hurt = |w: &str| {
        matches!(
            w,
            "injuries"
                | "injury"
                | "wounds"
                | "hospital"
                | "hospitalized"
                | "hospitalised"
                | "recovering"
                | "treated"
                | "injured"
                | "wounded"
        )
    };
    if any(death_word) || deaths_told && !any(hurt) {
        return;
    }
    shot_victim(text, toks, s, mentions, out);
    let mut i = s.first;
    while i < s.end {
        let Some(n) = numbers::parse_at(text, toks, i) else {
            i += 1;
            continue;
        };
        // N [up to two words] were shot / hit; "four people shot in the incident".
        let mut k = n.end;
        while k < s.end
            && k < n.end + 2
            && toks[k].kind == TokenKind::Word
            && !matches!(&*lw(k), "were" | "was" | "shot")
        {
            k += 1;
        }
        let aux = k < s.end && matches!(&*lw(k), "were" | "was");
        let verb = if aux { k + 1 } else { k };
        // Without "were", only as a reduced passive: "four people shot in the
        // incident", not "one fighter shot himself".
        let passive_after = |j: usize| {
            j >= s.end || matches!(&*lw(j), "in" | "at" | "on" | "during" | "by" | "near" | "outside" | "," | ".")
        };
        let shot = verb < s.end
            && (aux && matches!(&*lw(verb), "shot" | "hit")
                || k > n.end && lw(verb) == "shot" && passive_after(verb + 1));
        let negated = n.first > s.first && matches!(&*lw(n.first - 1), "no" | "not" | "without");
        if shot && !n.vague && !negated && !not_a_count(toks, s, &n) {
            let (a, b) = (toks[n.first].start, toks[verb].end);
            if !covered(a, b, out) {
                out.push(Figure {
                    start: a,
                    end: b,
                    value: n.value,
                    value_max: n.max,
                    qualifier: Qualifier::Exact,
                    category: CasualtyCategory::Wounded,
                    subject: (k > n.end).then(|| (toks[n.end].start, toks[k - 1].end)),
                    actor: None,
                    reported_by: None,
                    period: None,
                });
            }
        }
        i = n.end.max(i + 1);
    }
}

/// One person shot (or struck by a bullet): "he was accidentally shot",
/// "a 2-year-old boy shot himself in the leg".
fn shot_victim(text: &str, toks: &[Token], s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for j in s.first + 1..s.end {
        let w = lw(j);
        let bullet = |k: usize| {
            matches!(&*lw(k), "bullet" | "bullets" | "gunfire" | "round" | "rounds" | "shots" | "shrapnel" | "stray")
        };
        let struck = matches!(&*w, "struck" | "hit") && (j + 1..(j + 9).min(s.end)).any(bullet);
        // "one of the bullets hit her", "the bullet grazed the girl's arm".
        if matches!(&*w, "hit" | "struck" | "grazed" | "pierced" | "hits" | "strikes" | "grazes")
            && (j.saturating_sub(2).max(s.first)..j).any(bullet)
            && !(j.saturating_sub(4).max(s.first)..j)
                .any(|x| matches!(&*lw(x), "could" | "would" | "might" | "may" | "not" | "nearly" | "almost"))
            && j + 1 < s.end
        {
            let np = if matches!(&*lw(j + 1), "her" | "him") {
                Some((j + 1, j + 2))
            } else {
                victim_after(text, toks, s, j + 1, mentions).or_else(|| {
                    // "the little girl's": a victim noun with a possessive.
                    (lw(j + 1) == "the").then_some(())?;
                    (j + 2..(j + 5).min(s.end)).find(|&k| victim_noun(&lw(k))).map(|k| (j + 1, k + 1))
                })
            };
            if let Some(np) = np {
                let (a, b) = (toks[j].start, toks[np.1 - 1].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, CasualtyCategory::Wounded, (toks[np.0].start, toks[np.1 - 1].end)));
                }
                return;
            }
        }
        if w != "shot" && !struck {
            continue;
        }
        let itself = j + 1 < s.end && matches!(&*lw(j + 1), "himself" | "herself");
        let mut k = j;
        while k > s.first && matches!(&*lw(k - 1), "accidentally" | "reportedly" | "allegedly" | "also" | "then") {
            k -= 1;
        }
        let subject_end = match (aux_before(s, k), itself) {
            (Some(a), _) => a,
            (None, true) => k,
            (None, false) => {
                // Active: "a man accidentally shot his ex-wife's 14 year old son".
                if w == "shot" && j + 1 < s.end && k > s.first && !matches!(&*lw(k - 1), "were" | "are" | "been") {
                    if let Some(np) = victim_after(text, toks, s, j + 1, mentions) {
                        if !matches!(&*lw(np.0), "himself" | "herself") {
                            let (a, b) = (toks[j].start, toks[np.1 - 1].end);
                            if !covered(a, b, out) {
                                out.push(single(
                                    a,
                                    b,
                                    CasualtyCategory::Wounded,
                                    (toks[np.0].start, toks[np.1 - 1].end),
                                ));
                            }
                            return;
                        }
                    }
                }
                continue;
            }
        };
        let negated =
            (subject_end.saturating_sub(2).max(s.first)..j).any(|x| matches!(&*lw(x), "not" | "never" | "no"));
        if let Some(np) = victim_before(text, toks, s, subject_end, mentions).filter(|_| !negated) {
            let (a, b) = (toks[np.0].start, toks[j].end);
            if !covered(a, b, out) {
                out.push(single(a, b, CasualtyCategory::Wounded, (toks[np.0].start, toks[np.1 - 1].end)));
            }
            return;
        }
    }
}

/// Nouns for one person as a victim (singular).
fn victim_noun(w: &str) -> bool {
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

/// One victim stated without a numeral: "a 14-year-old boy is dead", "Ana
/// Ruiz, 13, was killed", "he was pronounced dead", "killed his girlfriend",
/// "a man was wounded". Each gives a figure of 1.
fn single_victims(text: &str, toks: &[Token], s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for p in s.first..s.end {
        let w = lw(p);
        // "the shooting death of a Houston man": one killed.
        if w == "death" && p + 2 < s.end && lw(p + 1) == "of" {
            if let Some(np) = victim_after(text, toks, s, p + 2, mentions) {
                let (a, b) = (toks[p].start, toks[np.1 - 1].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, CasualtyCategory::Killed, (toks[np.0].start, toks[np.1 - 1].end)));
                }
            }
            continue;
        }
        let category = match &*w {
            "killed" | "dead" | "died" | "slain" | "murdered" => CasualtyCategory::Killed,
            "wounded" | "injured" | "hospitalized" | "hospitalised" | "hurt" => CasualtyCategory::Wounded,
            _ => continue,
        };
        // Passive or intransitive: [victim] (was|is|has been) [adverbs] (pronounced|found|shot and)? PRED / [victim] died.
        let mut k = p;
        while k > s.first
            && matches!(
                &*lw(k - 1),
                "pronounced"
                    | "found"
                    | "shot"
                    | "and"
                    | "fatally"
                    | "later"
                    | "also"
                    | "reportedly"
                    | "accidentally"
                    | "critically"
                    | "seriously"
                    | "severely"
                    | "gravely"
                    | "slightly"
                    | "most"
                    | "badly"
                    | "subsequently"
                    | "then"
            )
        {
            k -= 1;
        }
        let mut aux_ok = w == "died";
        if let Some(a) = aux_before(s, k) {
            k = a;
            aux_ok = true;
        }
        // "one year old girl shot and killed": a reduced passive, when no
        // victim follows ("the officer shot and killed the suspect" is active).
        if !aux_ok
            && w == "killed"
            && k + 2 == p
            && lw(k) == "shot"
            && (p + 1 >= s.end || {
                let x = lw(p + 1);
                matches!(
                    &*x,
                    "by" | "in"
                        | "on"
                        | "at"
                        | "near"
                        | "outside"
                        | "during"
                        | "while"
                        | "after"
                        | "last"
                        | "early"
                        | "late"
                        | ","
                        | "."
                        | ";"
                        | "—"
                        | "-"
                ) || is_month(toks[p + 1].text(text))
            })
            && k > s.first
            && !matches!(&*lw(k - 1), "he" | "she" | "they" | "who")
        {
            aux_ok = true;
        }
        let negated_or_modal = (k.saturating_sub(3).max(s.first)..p).any(|j| {
            matches!(
                &*lw(j),
                "not"
                    | "never"
                    | "nearly"
                    | "almost"
                    | "could"
                    | "would"
                    | "might"
                    | "may"
                    | "will"
                    | "if"
                    | "no"
                    | "nobody"
                    | "none"
            )
        });
        if aux_ok && k > s.first && !negated_or_modal {
            if let Some(np) = victim_before(text, toks, s, k, mentions) {
                let (a, b) = (toks[np.0].start, toks[p].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
                }
                continue;
            }
        }
        // "[victim] was shot in the neck … and died at the scene": one killed.
        if w == "died" && (k..p).any(|j| lw(j) == "and") && !negated_or_modal {
            let shot = (s.first + 1..k).rev().find(|&j| {
                matches!(&*lw(j), "shot" | "stabbed" | "struck" | "wounded") && matches!(&*lw(j - 1), "was" | "is")
            });
            if let Some(np) = shot.and_then(|j| victim_before(text, toks, s, j - 1, mentions)) {
                let (a, b) = (toks[np.0].start, toks[p].end);
                if !covered(a, b, out) {
                    out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
                }
                continue;
            }
        }
        // "… and another (seriously) injured": one more victim.
        if k > s.first && lw(k - 1) == "another" && !negated_or_modal {
            let (a, b) = (toks[k - 1].start, toks[p].end);
            if !covered(a, b, out) {
                out.push(single(a, b, category, (toks[k - 1].start, toks[k - 1].end)));
            }
            continue;
        }
        // "pronounced the boy dead", "pronounced one man, 22, dead".
        if w == "dead" && !negated_or_modal {
            if let Some(v) = (p.saturating_sub(6).max(s.first)..p).rev().find(|&j| lw(j) == "pronounced") {
                // ("the boy" counts here: whoever is pronounced dead is one victim.)
                let the_victim = || {
                    (lw(v + 1) == "the").then_some(())?;
                    (v + 2..p).find(|&k| victim_noun(&lw(k))).map(|k| (v + 1, k + 1))
                };
                if let Some(np) = victim_after(text, toks, s, v + 1, mentions).or_else(the_victim) {
                    let (a, b) = (toks[v].start, toks[p].end);
                    if np.1 <= p && !covered(a, b, out) {
                        out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
                        continue;
                    }
                }
            }
        }
        // Active: "killed [victim]", "fatally shot [victim]".
        if matches!(&*w, "killed" | "murdered" | "wounded" | "injured") && p + 1 < s.end {
            if let Some(np) = victim_after(text, toks, s, p + 1, mentions) {
                // "injured a third man and a 16-year-old boy": two.
                let second = (np.1 + 1 < s.end && lw(np.1) == "and")
                    .then(|| victim_after(text, toks, s, np.1 + 1, mentions))
                    .flatten();
                let (np, value) = match second {
                    Some(two) => ((np.0, two.1), 2),
                    None => (np, 1),
                };
                let (a, b) = (toks[p].start, toks[np.1 - 1].end);
                if !covered(a, b, out) && !negated_or_modal {
                    out.push(Figure { value, ..single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)) });
                }
            }
        }
    }
}

/// Whether a figure already found overlaps bytes `a..b`.
fn covered(a: usize, b: usize, out: &[Figure]) -> bool {
    out.iter().any(|f| f.start < b && a < f.end)
}

/// The first token of a passive auxiliary ending right before token `k`
/// ("was", "is", "has been", "had been"), if there is one.
fn aux_before(s: &Sent<'_>, k: usize) -> Option<usize> {
    if k > s.first && matches!(&*s.lower(k - 1), "was" | "is") {
        Some(k - 1)
    } else if k > s.first + 1 && s.lower(k - 1) == "been" && matches!(&*s.lower(k - 2), "has" | "had") {
        Some(k - 2)
    } else {
        None
    }
}

fn single(start: usize, end: usize, category: CasualtyCategory, subject: (usize, usize)) -> Figure {
    Figure {
        start,
        end,
        value: 1,
        value_max: None,
        qualifier: Qualifier::Exact,
        category,
        subject: Some(subject),
        actor: None,
        reported_by: None,
        period: None,
    }
}

/// "Bailey Price, 3, suffered serious injuries": one victim who suffered or
/// sustained injuries (or fatal ones).
fn suffered_injuries(text: &str, toks: &[Token], s: &Sent<'_>, mentions: &[Mention], out: &mut Vec<Figure>) {
    let lw = |k: usize| s.lower(k);
    for v in s.first + 1..s.end {
        if !matches!(&*lw(v), "suffered" | "sustained" | "suffering" | "sustaining") {
            continue;
        }
        let Some(obj) =
            (v + 1..(v + 5).min(s.end)).find(|&k| matches!(&*lw(k), "injuries" | "injury" | "wounds" | "wound"))
        else {
            continue;
        };
        let fatal = (v + 1..obj).any(|k| matches!(&*lw(k), "fatal" | "mortal" | "deadly"));
        let category = if fatal { CasualtyCategory::Killed } else { CasualtyCategory::Wounded };
        if let Some(np) = victim_before(text, toks, s, v, mentions) {
            let (a, b) = (toks[np.0].start, toks[obj].end);
            if !covered(a, b, out) {
                out.push(single(a, b, category, (toks[np.0].start, toks[np.1 - 1].end)));
            }
        }
    }
}

/// A singular victim phrase ending right before token `end`: a person's
/// name (with an optional ", 13,"), a pronoun, or a determiner and up to four
/// words ending in a victim noun. Returns its token range.
fn victim_before(text: &str, toks: &[Token], s: &Sent<'_>, end: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let mut e = end;
    // "Ana Ruiz, 13, was": skip the age in commas.
    if e >= s.first + 3 && lw(e - 1) == "," && toks[e - 2].kind == TokenKind::Number && lw(e - 3) == "," {
        e -= 3;
    }
    if e <= s.first {
        return None;
    }
    let last = toks[e - 1];
    if matches!(&*lw(e - 1), "he" | "she") {
        return Some((e - 1, e));
    }
    if let Some(m) = mentions.iter().find(|m| m.end == last.end && m.label == EntityLabel::Per) {
        let first = (s.first..e).find(|&k| toks[k].start >= m.start)?;
        return Some((first, e));
    }
    if !victim_noun(&lw(e - 1)) {
        return None;
    }
    let lo = e.saturating_sub(5).max(s.first);
    for k in (lo..e - 1).rev() {
        let x = lw(k);
        // "13 year old Shaquez": an age without hyphens opens the phrase.
        if spelled_age(toks, s, k, e) {
            return Some((k, e));
        }
        if matches!(&*x, "a" | "an" | "the" | "one" | "his" | "her" | "their" | "another") {
            // Plurals and counts are other figures' business.
            if toks[k + 1..e].iter().any(|t| t.kind == TokenKind::Number && !t.text(text).contains('-')) {
                return None;
            }
            return Some((k, e));
        }
        if toks[k].kind == TokenKind::Punct {
            break;
        }
    }
    None
}

/// An age without hyphens at token `k`, ending before token `end`: "14 year old".
fn spelled_age(toks: &[Token], s: &Sent<'_>, k: usize, end: usize) -> bool {
    toks[k].kind == TokenKind::Number
        && k + 2 < end
        && matches!(&*s.lower(k + 1), "year" | "month")
        && s.lower(k + 2) == "old"
}

/// A singular victim phrase starting at token `start`.
fn victim_after(
    _text: &str,
    toks: &[Token],
    s: &Sent<'_>,
    start: usize,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let first = toks[start];
    if matches!(&*lw(start), "himself" | "herself") {
        return Some((start, start + 1));
    }
    if let Some(m) = mentions.iter().find(|m| m.start == first.start && m.label == EntityLabel::Per) {
        let end = (start..s.end).find(|&k| toks[k].end >= m.end)? + 1;
        return Some((start, end));
    }
    if !matches!(&*lw(start), "a" | "an" | "his" | "her" | "their" | "one") {
        return None;
    }
    let end = (start + 8).min(s.end);
    let mut k = start + 1;
    while k < end {
        let x = lw(k);
        if victim_noun(&x) && !x.ends_with("-old") {
            return Some((start, k + 1));
        }
        // "his ex-wife's 14 year old son": a possessive or an age on the way.
        if matches!(&*x, "'s" | "’s") {
            k += 1;
            continue;
        }
        if matches!(&*x, "'" | "’") && k + 1 < end && lw(k + 1) == "s" {
            k += 2;
            continue;
        }
        if spelled_age(toks, s, k, end) {
            k += 3;
            continue;
        }
        if toks[k].kind == TokenKind::Punct && x != "-" || crate::lexicon::is_function_word(&x) || k >= start + 5 {
            break;
        }
        k += 1;
    }
    None
}

/// Numbers that count no one: a gallery's counter ("Image 44 of 44", "1 /
/// 44"), an age ("30 year old", "younger than 18", "in his 20's").
fn not_a_count(toks: &[Token], s: &Sent<'_>, n: &Number) -> bool {
    let lw = |k: usize| s.lower(k);
    let next = |j: usize| if n.end + j < s.end { lw(n.end + j) } else { "".into() };
    if matches!(&*next(0), "year" | "years" | "month" | "months" | "yr" | "yrs") && next(1) == "old"
        || matches!(&*next(0), "'s" | "’s")
        || matches!(&*next(0), "'" | "’") && next(1) == "s"
    {
        return true;
    }
    if n.first >= s.first + 2 && lw(n.first - 1) == "than" && matches!(&*lw(n.first - 2), "younger" | "older") {
        return true;
    }
    let counter = |k: usize| {
        k > s.first && matches!(&*lw(k - 1), "image" | "images" | "photo" | "photos" | "slide" | "page" | "picture")
    };
    let of_digits = n.end + 1 < s.end && matches!(&*lw(n.end), "of" | "/") && toks[n.end + 1].kind == TokenKind::Number;
    let after_of = n.first >= s.first + 2
        && matches!(&*lw(n.first - 1), "of" | "/")
        && toks[n.first - 2].kind == TokenKind::Number;
    n.digits
        && (of_digits && counter(n.first)
            || after_of && counter(n.first - 2)
            || n.first > s.first && lw(n.first - 1) == "/")
}

fn figure_at(
    text: &str,
    toks: &[Token],
    s: &Sent<'_>,
    n: &Number,
    sentence_destroy: bool,
    mentions: &[Mention],
) -> Option<Figure> {
    let lw = |k: usize| s.lower(k);
    let raw = toks[n.first].text(text);
    // Measures, money, dates and years are not counts.
    if n.first > s.first && matches!(toks[n.first - 1].text(text), "$" | "€" | "£" | "¥" | "#") {
        return None;
    }
    if n.end < s.end && unit_word(&lw(n.end)) {
        return None;
    }
    // "Cloud 9", "Route 66": a number that ends a name.
    if n.digits && n.first > s.first + 1 && n.end == n.first + 1 {
        let prev = toks[n.first - 1];
        let pw = prev.text(text);
        if prev.kind == TokenKind::Word && pw.starts_with(char::is_uppercase) && !is_month(pw) && !pw.contains('.') {
            return None;
        }
    }
    // "16- year-old": an age broken by a space.
    if n.end + 1 < s.end
        && lw(n.end) == "-"
        && (lw(n.end + 1).starts_with("year") || lw(n.end + 1).starts_with("month"))
    {
        return None;
    }
    if n.first > s.first && is_month(toks[n.first - 1].text(text)) {
        return None;
    }
    if not_a_count(toks, s, n) {
        return None;
    }
    if n.digits && raw.len() == 4 && !raw.contains(',') && (1800..=2100).contains(&n.value) {
        return None;
    }
    // "of the 100 soldiers": a part of a group already counted elsewhere
    // (but "of the four wounded" and "the names of the five people who were
    // murdered" state the count they take a part of).
    let states_count = n.end < s.end && matches!(&*lw(n.end), "wounded" | "injured" | "dead" | "killed")
        || (n.end..(n.end + 3).min(s.end)).any(|k| matches!(&*lw(k), "who" | "that"));
    if n.first >= s.first + 2 && lw(n.first - 1) == "the" && lw(n.first - 2) == "of" && !states_count {
        return None;
    }
    let (mut qualifier, q_start) = qualifier_before(text, toks, n.first, s.first);
    // "No one was hurt": a negated count is no figure.
    if q_start > s.first && matches!(&*lw(q_start - 1), "no" | "not" | "without") {
        return None;
    }
    let mut value_max = n.max;
    let mut n = *n;
    // Ranges: "between 10 and 15", "10 to 15", "10-15".
    let joiner = if n.end + 1 < s.end { lw(n.end) } else { "".into() };
    let between = q_start > s.first && lw(q_start - 1) == "between";
    if matches!(&*joiner, "to" | "-" | "–") || joiner == "and" && between {
        if let Some(m) = numbers::parse_at(text, toks, n.end + 1).filter(|m| m.value > n.value) {
            value_max = Some(m.value);
            n.end = m.end;
        }
    }
    if n.vague {
        qualifier = Qualifier::AtLeast;
    }
    if n.end + 1 < s.end && lw(n.end) == "or" && lw(n.end + 1) == "so" && qualifier == Qualifier::Exact {
        qualifier = Qualifier::Approx;
    }
    // A verb right before the number ("killed one") says what it counts;
    // otherwise the words after it do ("one person killed").
    let before = cue_before(text, toks, q_start, &n, s);
    let cue = match before {
        Some(c) => c,
        None => cue_after(text, toks, &n, s, sentence_destroy, mentions, false)?,
    };
    // "one wounded fighter": "one" as a determiner before an adjective and its noun.
    let noun_follows = toks
        .get(cue.last + 1)
        .filter(|_| cue.last + 1 < s.end)
        .map(|t| {
            let w = crate::tokens::lower(t.text(text));
            t.kind == TokenKind::Word
                && !crate::lexicon::is_function_word(&w)
                && !is_verb_like(&w)
                && !matches!(&*w, "on" | "in")
        })
        .unwrap_or(false);
    if lw(n.first) == "one" && cue.last == n.end && noun_follows {
        return None;
    }
    let start_tok = if q_start > s.first && lw(q_start - 1) == "between" { q_start - 1 } else { q_start };
    let end_tok = cue.last.max(cue.subject_end.saturating_sub(1)).max(n.end - 1);
    let mut subj_first = n.end;
    if subj_first + 1 < s.end && lw(subj_first) == "or" && lw(subj_first + 1) == "so" {
        subj_first += 2;
    }
    if subj_first < cue.subject_end && lw(subj_first) == "of" {
        subj_first += 1;
        if subj_first < cue.subject_end && lw(subj_first) == "the" {
            subj_first += 1;
        }
    }
    let subject = (subj_first < cue.subject_end).then(|| (toks[subj_first].start, toks[cue.subject_end - 1].end));
    let span = (toks[start_tok].start, toks[end_tok].end);
    Some(Figure {
        start: span.0,
        end: span.1,
        value: n.value,
        value_max,
        qualifier,
        category: cue.category,
        subject,
        actor: actor(text, toks, s, q_start, subject, mentions),
        reported_by: reported_by(toks, s, mentions),
        period: period(text, toks, s, end_tok + 1),
    })
}

/// Whose losses: a place or group named just before "had lost" / "has suffered",
/// or a group noun counted (Ukrainians, civilians).
fn actor(
    text: &str,
    toks: &[Token],
    s: &Sent<'_>,
    q_start: usize,
    subject: Option<(usize, usize)>,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let lo = q_start.saturating_sub(4).max(s.first);
    if let Some(v) = (lo..q_start).find(|&k| matches!(&*lw(k), "lost" | "suffered" | "lose")) {
        // The nearest non-person name before the verb: "Russia had lost".
        let before = toks[v].start;
        if let Some(m) = mentions
            .iter()
            .rev()
            .find(|m| m.end <= before && m.start >= toks[s.first].start && m.label != EntityLabel::Per)
        {
            return Some((m.start, m.end));
        }
    }
    let (a, b) = subject?;
    let last = text[a..b].split_whitespace().last()?;
    let is_group = last == "civilians" || (last.ends_with('s') && last.starts_with(|c: char| c.is_uppercase()));
    is_group.then(|| (b - last.len(), b))
}

/// "according to X", or "X reported/said/estimates".
fn reported_by(toks: &[Token], s: &Sent<'_>, mentions: &[Mention]) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    for k in s.first..s.end.saturating_sub(2) {
        if lw(k) == "according" && lw(k + 1) == "to" {
            let from = toks[k + 2].start;
            let mut e = k + 2;
            while e < s.end && !matches!(&*lw(e), "," | "." | ";") {
                e += 1;
            }
            if e == k + 2 {
                // "according to ," names no one.
                continue;
            }
            let end = toks[e - 1].end;
            // Prefer a named source inside the phrase.
            if let Some(m) = mentions.iter().find(|m| m.start >= from && m.end <= end && m.label != EntityLabel::Misc) {
                return Some((from.min(m.start), end));
            }
            return Some((from, end));
        }
    }
    for k in s.first + 1..s.end {
        if matches!(&*lw(k), "reported" | "said" | "says" | "estimate" | "estimated" | "estimates" | "announced") {
            let cue_start = toks[k].start;
            let sent_start = toks[s.first].start;
            if let Some(m) =
                mentions.iter().rev().find(|m| m.end <= cue_start && m.start >= sent_start && cue_start - m.end <= 2)
            {
                return Some((m.start, m.end));
            }
        }
    }
    None
}

/// "since February 24, 2022", "in the past day", "in the last 24 hours".
fn period(text: &str, toks: &[Token], s: &Sent<'_>, from: usize) -> Option<(usize, usize)> {
    let lw = |k: usize| s.lower(k);
    let mut k = from;
    while k < s.end {
        let w = lw(k);
        if w == "since" {
            let mut e = k + 1;
            let mut commas = 0;
            while e < s.end && e < k + 7 {
                let x = lw(e);
                if matches!(&*x, "." | ";") {
                    break;
                }
                if x == "," {
                    // "February 24, 2022" keeps its comma before a year.
                    let year_next = toks
                        .get(e + 1)
                        .map(|t| t.kind == TokenKind::Number && t.text(text).len() == 4)
                        .unwrap_or(false);
                    if !year_next || commas > 0 {
                        break;
                    }
                    commas += 1;
                }
                e += 1;
            }
            return (e > k + 1).then(|| (toks[k].start, toks[e - 1].end));
        }
        if w == "in" && k + 3 < s.end && lw(k + 1) == "the" && matches!(&*lw(k + 2), "past" | "last") {
            let mut e = k + 3;
            if toks[e].kind == TokenKind::Number && e + 1 < s.end {
                e += 1;
            }
            return Some((toks[k].start, toks[e].end));
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize};

    fn run(text: &str) -> Vec<(String, u64, Qualifier, CasualtyCategory)> {
        let mut toks = Vec::new();
        tokenize(text, 0, &mut toks);
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let mut out = Vec::new();
        for s in sents {
            find_in_sentence(text, &toks, s, &[], tells_of_death(text, &toks), &mut out);
        }
        out.into_iter().map(|f| (text[f.start..f.end].to_string(), f.value, f.qualifier, f.category)).collect()
    }

    #[test]
    fn what_tells_of_a_death() {
        for (text, want) in [
            ("Two people were killed.", true),
            ("The coroner identified the man.", true),
            ("“They killed me!” she cried.", false),
            ("The bullet could have hit her in the heart and killed her.", false),
            ("He is charged with assault with a deadly weapon.", false),
            ("No one was killed.", false),
        ] {
            let mut toks = Vec::new();
            tokenize(text, 0, &mut toks);
            assert_eq!(tells_of_death(text, &toks), want, "{text:?}");
        }
    }

    /// Named people sharing one predicate: the names are counted.
    #[test]
    fn named_groups() {
        for (text, names, want) in [
            (
                "Police said David Jones, 19, Leo Andrews, 21, and Jamari Brooks, 17, were also wounded.",
                &["David Jones", "Leo Andrews", "Jamari Brooks"][..],
                Some(("David Jones, 19, Leo Andrews, 21, and Jamari Brooks, 17, were also wounded", 3)),
            ),
            (
                "Terrell and Zigan were taken to Northeast Georgia Medical Center.",
                &["Terrell", "Zigan"][..],
                Some(("Terrell and Zigan were taken to Northeast Georgia Medical", 2)),
            ),
            ("Terrell and Zigan were taken to the medical examiner.", &["Terrell", "Zigan"][..], None),
            ("Terrell and Zigan were at home.", &["Terrell", "Zigan"][..], None),
        ] {
            let mentions: Vec<Mention> = names
                .iter()
                .map(|n| {
                    let start = text.find(n).unwrap();
                    Mention { start, end: start + n.len(), label: EntityLabel::Per }
                })
                .collect();
            let mut toks = Vec::new();
            tokenize(text, 0, &mut toks);
            let mut sents = Vec::new();
            sentences(text, &toks, &mut sents);
            let mut out = Vec::new();
            find_in_sentence(text, &toks, sents[0], &mentions, false, &mut out);
            let got: Vec<_> = out.iter().map(|f| (&text[f.start..f.end], f.value)).collect();
            assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn casualty_table() {
        use CasualtyCategory::*;
        use Qualifier::*;
        type Row<'a> = (&'a str, &'a [(&'a str, u64, Qualifier, CasualtyCategory)]);
        let table: &[Row] = &[
            (
                "At least 12 people were killed in the blast.",
                &[("At least 12 people were killed", 12, AtLeast, Killed)],
            ),
            ("Officials said 30 were injured.", &[("30 were injured", 30, Exact, Wounded)]),
            (
                "Some 4,000 residents have been wounded or killed.",
                &[("Some 4,000 residents have been wounded or killed", 4000, Approx, Casualties)],
            ),
            (
                "The army had lost about 9,100 soldiers since March.",
                &[("about 9,100 soldiers", 9100, Approx, Casualties)],
            ),
            ("Two of the sailors were killed by the storm.", &[("Two of the sailors were killed", 2, Exact, Killed)]),
            ("Three dead bodies lay in the road.", &[("Three dead", 3, Exact, Killed)]),
            ("Dozens were hurt.", &[("Dozens were hurt", 24, AtLeast, Wounded)]),
            ("Rebels destroyed 14 tanks and fled.", &[("14 tanks", 14, Exact, Equipment)]),
            ("The ministry ordered 14 tanks.", &[]),
            (
                "Three people were shot to death and another was injured.",
                &[("Three people were shot to death", 3, Exact, Killed), ("another was injured", 1, Exact, Wounded)],
            ),
            (
                "The names of the five people who were murdered were released.",
                &[("five people who were murdered", 5, Exact, Killed)],
            ),
            ("Of the four wounded, three worked at the salon.", &[("four wounded", 4, Exact, Wounded)]),
            (
                "The gunman injured a third man and a 16-year-old boy.",
                &[("injured a third man and a 16-year-old boy", 2, Exact, Wounded)],
            ),
            (
                "The man was shot in the neck on Saturday and died at the scene.",
                &[("The man was shot in the neck on Saturday and died", 1, Exact, Killed)],
            ),
            ("They were charged with the fatal shootings of two teens.", &[("two teens", 2, Exact, Killed)]),
            // In a story that tells of no death, people shot were wounded...
            (
                "A 3-year-old girl had been shot in the stomach.",
                &[("A 3-year-old girl had been shot", 1, Exact, Wounded)],
            ),
            ("A boy, 2, shot himself in the leg.", &[("A boy, 2, shot", 1, Exact, Wounded)]),
            ("Four people shot in the incident have only minor injuries.", &[("Four people shot", 4, Exact, Wounded)]),
            // ...but not where a death is told, and "hit" needs a bullet.
            ("A girl had been shot and her father was killed.", &[("her father was killed", 1, Exact, Killed)]),
            ("The boy was hit by a ball.", &[]),
            ("The boy was hit by a stray bullet.", &[("The boy was hit", 1, Exact, Wounded)]),
            ("No one was shot.", &[]),
            // One victim, not 27: the age is no count.
            ("A 27-year-old man was injured.", &[("A 27-year-old man was injured", 1, Exact, Wounded)]),
            ("He paid $5 million for the 12 buildings.", &[]),
            // Ages in a range are no count; the people are.
            (
                "Four boys between ages 12 and 16 were wounded.",
                &[("Four boys between ages 12 and 16 were wounded", 4, Exact, Wounded)],
            ),
            (
                "Three other men, ages 25, 26, and 33, were injured.",
                &[("Three other men, ages 25, 26, and 33, were injured", 3, Exact, Wounded)],
            ),
            (
                "The attack left four people suffering gunshot wounds.",
                &[("four people suffering gunshot wounds", 4, Exact, Wounded)],
            ),
            (
                "Five people were shot, including one who suffered critical injuries.",
                // (The one is among the five: both are stated.)
                &[
                    ("one who suffered critical injuries", 1, Exact, Wounded),
                    ("Five people were shot", 5, Exact, Wounded),
                ],
            ),
            // A death in the sentence: the shot are not all wounded.
            ("Five people were shot and two of them died.", &[("two of them died", 2, Exact, Killed)]),
            ("He shot and killed his two stepchildren.", &[("two", 2, Exact, Killed)]),
            ("The blast caused injuries to five other people.", &[("five other people", 5, Exact, Wounded)]),
            (
                "One teen is dead, and another seriously injured.",
                &[("One teen is dead", 1, Exact, Killed), ("another seriously injured", 1, Exact, Wounded)],
            ),
            ("Doctors pronounced the boy dead.", &[("pronounced the boy dead", 1, Exact, Killed)]),
            (
                "Police charged him in the shooting death of a Houston man.",
                &[("death of a Houston man", 1, Exact, Killed)],
            ),
            ("In 2024 the city grew.", &[]),
            ("Most of the 100 soldiers were injured or killed.", &[]),
            ("At least one wounded fighter shot himself.", &[]),
            ("The town sent 170,000 troops to the front.", &[]),
            ("Between 10 and 15 people died.", &[("Between 10 and 15 people died", 10, Exact, Killed)]),
            ("Officials said 10-15 people died.", &[("10-15 people died", 10, Exact, Killed)]),
            (
                "Two people -- including a 1-year-old boy -- were wounded.",
                &[("Two people -- including a 1-year-old boy -- were wounded", 2, Exact, Wounded)],
            ),
            (
                "A woman suffered serious injuries in the crash.",
                &[("A woman suffered serious injuries", 1, Exact, Wounded)],
            ),
            ("The victim was most seriously hurt.", &[("The victim was most seriously hurt", 1, Exact, Wounded)]),
            ("At 4 o'clock one person was found dead.", &[("one person was found dead", 1, Exact, Killed)]),
            ("Police closed the Cloud 9 shooting range after the death.", &[]),
            (
                "A total of six people, including four children and two men, were injured.",
                &[("six people, including four children and two men, were injured", 6, Exact, Wounded)],
            ),
            ("Officials said 16- year-old twins were injured.", &[]),
            ("A 14-year-old boy is dead after the shooting.", &[("A 14-year-old boy is dead", 1, Exact, Killed)]),
            ("The teen was later pronounced dead.", &[("The teen was later pronounced dead", 1, Exact, Killed)]),
            ("He shot and killed his girlfriend on Sunday.", &[("killed his girlfriend", 1, Exact, Killed)]),
            ("A man was wounded in the leg.", &[("A man was wounded", 1, Exact, Wounded)]),
            ("No one was hurt and nobody was killed.", &[]),
            ("The driver could have been killed.", &[]),
            ("A man was nearly killed.", &[]),
            ("He faces the death penalty.", &[]),
            (
                "Police say four people were shot and wounded.",
                &[("four people were shot and wounded", 4, Exact, Wounded)],
            ),
            ("Four men were hospitalized after the attack.", &[("Four men were hospitalized", 4, Exact, Wounded)]),
            ("He opened fire and injured the five people inside.", &[("five people", 5, Exact, Wounded)]),
            (
                "Police said 4 people including a 21-year-old were injured.",
                &[("4 people including a 21-year-old were injured", 4, Exact, Wounded)],
            ),
            (
                "The attack killed one and wounded four others.",
                &[("one", 1, Exact, Killed), ("four others", 4, Exact, Wounded)],
            ),
            ("Gunmen shot six people, one fatally, on Sunday.", &[("one fatally", 1, Exact, Killed)]),
            (
                "The blast left two dead and three injured.",
                &[("two dead", 2, Exact, Killed), ("three injured", 3, Exact, Wounded)],
            ),
            ("Four people were shot and one person killed.", &[("one person killed", 1, Exact, Killed)]),
            (
                "Police said 13 were injured and one killed.",
                &[("13 were injured", 13, Exact, Wounded), ("one killed", 1, Exact, Killed)],
            ),
            ("The man fatally shot three neighbours.", &[("three", 3, Exact, Killed)]),
            (
                "A victim, one suffering fatal injuries, was found.",
                &[("one suffering fatal injuries", 1, Exact, Killed)],
            ),
            // A predicate whose category word comes some words on.
            (
                "Four other teenagers, ages 13 to 17, sustained what police say are non-life threatening injuries.",
                &[(
                    "Four other teenagers, ages 13 to 17, sustained what police say are non-life threatening injuries",
                    4,
                    Exact,
                    Wounded,
                )],
            ),
            (
                "At least 18 gang members were taken to local hospitals.",
                &[("At least 18 gang members were taken to local hospitals", 18, AtLeast, Wounded)],
            ),
            ("Three men were taken to the medical examiner's office.", &[]),
            ("The fire may have sent two men to the hospital.", &[]),
            (
                "The four victims were taken to UF Health.",
                &[("four victims were taken to UF Health", 4, Exact, Wounded)],
            ),
            ("The four men were taken to the health department.", &[]),
            // Where the story tells of a death, people shot are wounded when
            // their own sentence says they were hurt.
            (
                "A man died last month. Four people were shot and two were seriously injured.",
                &[
                    ("A man died", 1, Exact, Killed),
                    ("two were seriously injured", 2, Exact, Wounded),
                    ("Four people were shot", 4, Exact, Wounded),
                ],
            ),
            // Two counts sharing one passive predicate, but not a count with a verb of its own.
            (
                "Nine other officers and two civilians were also injured.",
                &[("Nine other officers", 9, Exact, Wounded), ("two civilians were also injured", 2, Exact, Wounded)],
            ),
            (
                "At least one person pulled a gun and four men were wounded.",
                &[("four men were wounded", 4, Exact, Wounded)],
            ),
            // The others: the count less the dead.
            (
                "Gunmen opened fire on four teenagers, killing two of them and leaving the others wounded.",
                &[("two", 2, Exact, Killed), ("the others wounded", 2, Exact, Wounded)],
            ),
            // Ages and a gallery's counters are no counts.
            ("Image 44 of 44 Child shot in West Side shooting.", &[]),
            ("The 30 year old driver died.", &[("30 year old driver died", 1, Exact, Killed)]),
            ("The victims were younger than 18 and were taken to the hospital.", &[]),
            (
                "A one year old girl shot and killed in her home.",
                &[("one year old girl shot and killed", 1, Exact, Killed)],
            ),
            // A bullet as the subject; an active "shot" with its victim.
            ("One of the bullets hit her near the heart.", &[("hit her", 1, Exact, Wounded)]),
            (
                "A man accidentally shot his ex-wife's 14 year old son.",
                &[("shot his ex-wife's 14 year old son", 1, Exact, Wounded)],
            ),
        ];
        for (input, want) in table {
            let want: Vec<_> = want.iter().map(|(s, v, q, c)| (s.to_string(), *v, *q, *c)).collect();
            assert_eq!(run(input), want, "input {input:?}");
        }
    }
}
