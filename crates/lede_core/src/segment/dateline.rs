//! The dateline opening a story's first paragraph ("KYIV, Ukraine", "WASHINGTON (Reuters)").

/// Longest dateline, in bytes, before its dash.
/// Provenance: hand-set in commit e796e4e (2026-11-22) while reading the seeds and Reuters datelines in CoNLL-2003 train;
/// not fitted.
pub(crate) const DATELINE_BYTES: usize = 64;

/// Words that open a paragraph in capitals and a dash but name no place.
pub(crate) const NOT_PLACES: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "NOTE",
    "EDITOR'S",
    "CORRECTION",
    "ANALYSIS",
    "OPINION",
    "COMMENT",
    "REVIEW",
    "LIVE",
    "WARNING",
    "ALERT",
];

/// The dateline that opens a story's first paragraph: a place in capitals
/// or title case, perhaps a region, a date and an agency, then a dash
/// ("KYIV, Ukraine — …", "WASHINGTON (Reuters) - …", "MANILA, Nov. 24
/// (Xinhua) -- …") or, after a place in capitals, a colon ("KATHMANDU: …").
/// The text after the dash must open a sentence. Returns its byte span,
/// without the dash, and whether the shape alone is too weak (a bare place
/// in title case, or capitals and a colon, which also follow a speaker's
/// name in a transcript): then the entity tagger must find a place at its
/// start.
pub fn dateline(text: &str, (s, e): (usize, usize)) -> Option<((usize, usize), bool)> {
    let para = &text[s..e];
    let mut cut = para.len().min(DATELINE_BYTES + 6);
    while !para.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &para[..cut];
    // The first dash (em or en, "--", or " - ", " _ ") or colon and a space.
    let (head_end, rest) = window.char_indices().find_map(|(i, c)| {
        let after = &window[i + c.len_utf8()..];
        let spaced = window[..i].ends_with(' ') && after.starts_with(' ');
        match c {
            '—' | '–' => Some((i, after)),
            '-' if after.starts_with("- ") => Some((i, &after[1..])),
            '-' | '_' if spaced => Some((i, after)),
            ':' if after.starts_with(' ') => Some((i, after)),
            _ => None,
        }
    })?;
    let head = para[..head_end].trim_end();
    let colon = para[head_end..].starts_with(':');
    let opens = rest.trim_start().starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    if head.is_empty() || head.len() > DATELINE_BYTES || !opens {
        return None;
    }
    // The place: words up to a comma, a bracket or a slash.
    let place_end = head.find([',', '(', '/']).unwrap_or(head.len());
    let place: Vec<&str> = head[..place_end].split_whitespace().collect();
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let title = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let all_caps = !place.is_empty() && place.iter().all(|w| caps(w));
    // A region, date or agency after the place ("Reno, Nev.", "Beijing (PTI)").
    let qualified = place_end < head.len();
    let agency = head.contains('(');
    if !(1..=4).contains(&place.len())
        || !(all_caps || (!colon || agency) && place.iter().all(|w| title(w)))
        || all_caps && NOT_PLACES.contains(&place[0])
    {
        return None;
    }
    // The rest: a region or a date after commas ("Ukraine", "Nov. 24"), an
    // agency in brackets or slashes, each of a few words.
    let parts_ok = head[place_end..].split([',', '(', ')', '/']).map(str::trim).filter(|p| !p.is_empty()).all(|p| {
        let mut n = 0;
        p.split_whitespace().all(|w| {
            n += 1;
            n <= 4 && w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        })
    });
    parts_ok.then_some(((s, s + head.len()), if all_caps { colon && !agency } else { !qualified }))
}
