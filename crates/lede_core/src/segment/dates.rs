//! Date and time lines: "3 hours ago", "Published 5:32 PM EDT, Mon March 3, 2025".

use super::*;

/// "14 minutes ago", "2 hours ago", "Updated 3 days ago", "yesterday".
pub(crate) fn is_relative_time(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    let l = l.strip_prefix("updated ").unwrap_or(&l);
    let l = l.strip_prefix("published ").unwrap_or(l);
    let words: Vec<&str> = l.split_whitespace().collect();
    match words.as_slice() {
        [n, unit, "ago"] => {
            (n.chars().all(|c| c.is_ascii_digit()) || *n == "an" || *n == "a")
                && matches!(
                    unit.trim_end_matches('s'),
                    "second" | "minute" | "min" | "hour" | "hr" | "day" | "week" | "month" | "year"
                )
        }
        ["just", "now"] | ["yesterday"] => true,
        _ => false,
    }
}

/// A dateline of its own: "March 3, 2025", "Published 5:32 PM EDT, Mon
/// March 3, 2025", "Updated: 03/04/2025 10:15 a.m.", "2025-03-03". Every
/// word is a date or time word, and there is a month or a numeric date.
pub(crate) fn is_absolute_date(line: &str) -> bool {
    let mut dated = false;
    let mut words = 0;
    for raw in line.split_whitespace() {
        let w = raw.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | '|' | '(' | ')' | '·' | '•'));
        if w.is_empty() || matches!(w, "-" | "–" | "—") {
            continue;
        }
        words += 1;
        if words > 12 {
            return false;
        }
        let l = w.to_ascii_lowercase();
        // (`w` has no period left: a month abbreviation is its short name.)
        let month = lexicon::month_short_names(&l) || lexicon::months(w);
        let digits = w.chars().filter(char::is_ascii_digit).count();
        // 03/04/2025, 2025-03-03, 5:32, 3rd, 2025
        let numeric = digits > 0
            && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | ':'))
            && (w.contains('/') || w.matches('-').count() == 2);
        let number = digits > 0
            && w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).chars().all(|c| c.is_ascii_digit() || c == ':');
        let weekday = lexicon::weekdays(w) || lexicon::weekday_short_names(&l);
        let other = matches!(
            l.as_str(),
            "published"
                | "updated"
                | "posted"
                | "last"
                | "first"
                | "date"
                | "on"
                | "at"
                | "of"
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "et"
                | "est"
                | "edt"
                | "ct"
                | "cst"
                | "cdt"
                | "pt"
                | "pst"
                | "pdt"
                | "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "ist"
        );
        dated |= month || numeric;
        if !(month || numeric || number || weekday || other) {
            return false;
        }
    }
    dated
}
