//! Page furniture told by its words: site notices, share bars, ads, menus, comment signatures.

use super::*;

/// Longest site notice, in words.
/// Provenance: hand-set in commit 1d06c14 (2026-11-22) while reading L3S-GN1 pages and the seeds;
/// not fitted (issue #21 is to learn it).
pub(crate) const NOTICE_WORDS: usize = 60;

/// Site notices: (prefixes, phrases anywhere, kind). Data, so one search loop serves all.
pub(crate) const NOTICES: &[(&[&str], &[&str], BoilerplateKind)] = &[
    (
        &["copyright", "©", "(c) ", "disclaimer", "the full article contains"],
        &[
            "all rights reserved",
            "may not be published, broadcast",
            "may not be reproduced",
            "without the prior written",
            "without permission is prohibited",
            "expressly prohibited",
            "reproduction in whole or in part",
            "is a trade mark of",
            "is a trademark of",
            "are trademarks of",
            "registered trademark",
            "read our terms",
            "our terms and conditions",
            "our privacy policy",
            "our privacy statement",
            "not necessarily those of",
            "not necessarily reflect",
            "is not responsible for the content",
            "can be reached at",
            "contributed to this report",
            "contributed reporting",
            "is hosted and managed by",
            "will not store your e",
        ],
        BoilerplateKind::Trailer,
    ),
    (
        &["click here", "log in to", "register for"],
        &[
            ". click here",
            "by clicking here",
            "chance to win",
            "you must be a member",
            "must be logged in",
            "delivered via email",
        ],
        BoilerplateKind::Promo,
    ),
    (&[], &["have your say", "limit your comments", "email your comments"], BoilerplateKind::Comments),
    (&[], &["flash player", "enable javascript", "javascript is disabled"], BoilerplateKind::Other),
    (&[], &["skip directly to", "skip to content", "skip to main content"], BoilerplateKind::Navigation),
];

/// A site's notice written as prose: copyright and reuse terms, trademark
/// and disclaimer lines, calls to click or to install a player, members-only
/// notes and skip links. General web wording, not any one site's.
pub(crate) fn site_notice(l: &str) -> Option<BoilerplateKind> {
    NOTICES
        .iter()
        .find(|(starts, phrases, _)| starts.iter().any(|p| l.starts_with(p)) || contains_any(l, phrases))
        .map(|n| n.2)
}

/// Does the line hold a word that every site notice holds one of? A cheap
/// test, with no allocation, that spares most prose the phrase search.
pub(crate) fn may_be_notice(line: &str) -> bool {
    line.contains('©')
        || line.contains("(c)")
        || line.contains("(C)")
        || line.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            let mut buf = [0u8; 12];
            if !(3..=12).contains(&w.len()) {
                return false;
            }
            for (b, c) in buf.iter_mut().zip(w.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            matches!(
                &buf[..w.len()],
                b"copyright"
                    | b"disclaimer"
                    | b"contains"
                    | b"reserved"
                    | b"broadcast"
                    | b"reproduced"
                    | b"written"
                    | b"prohibited"
                    | b"reproduction"
                    | b"mark"
                    | b"trademark"
                    | b"trademarks"
                    | b"terms"
                    | b"privacy"
                    | b"necessarily"
                    | b"responsible"
                    | b"reached"
                    | b"contributed"
                    | b"hosted"
                    | b"store"
                    | b"click"
                    | b"clicking"
                    | b"chance"
                    | b"member"
                    | b"logged"
                    | b"log"
                    | b"register"
                    | b"delivered"
                    | b"your"
                    | b"flash"
                    | b"javascript"
                    | b"skip"
            )
        })
}

/// Does `l` contain any of `phrases`? (One search loop, kept out of line:
/// inlined at each call, the substring searcher costs kilobytes of wasm.)
#[inline(never)]
pub(crate) fn contains_any(l: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| l.contains(p))
}

/// General page-furniture phrases (whole short lines), by kind. These are
/// the common words of web furniture, not any one site's strings.
pub(crate) fn furniture_kind(line: &str, sh: &Shape) -> Option<BoilerplateKind> {
    if sh.words <= CREDIT_WORDS && credit_line(line) {
        return Some(BoilerplateKind::Other);
    }
    if sh.words <= PROMO_WORDS && promo_line(line) {
        return Some(BoilerplateKind::RelatedLinks);
    }
    if sh.words > 10 {
        return if sh.words <= NOTICE_WORDS && may_be_notice(line) {
            site_notice(&line.trim().to_lowercase())
        } else {
            None
        };
    }
    let l = line.trim().trim_end_matches(['.', ':', '…']).to_lowercase();
    if let Some(kind) = crate::text::lexicon::furniture_phrase(&l, sh.words <= 4) {
        return Some(kind);
    }
    if may_be_notice(line) {
        site_notice(&l)
    } else {
        None
    }
}

/// Words a photo credit line may have.
pub(crate) const CREDIT_WORDS: usize = 14;

/// A photo or image credit on a line of its own ("Image Credit: Name /
/// Agency", "Photo: Name", "(Photo by Name)"): page furniture between a
/// story's paragraphs, never its text or a headline.
pub(crate) fn credit_line(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['(', '[']).to_lowercase();
    const OPENINGS: [&str; 10] = [
        "image credit",
        "photo credit",
        "picture credit",
        "image source:",
        "photo:",
        "photograph:",
        "picture:",
        "credit:",
        "photo by ",
        "illustration:",
    ];
    OPENINGS.iter().any(|o| t.starts_with(o))
}

/// Words an inline promo line may have.
pub(crate) const PROMO_WORDS: usize = 25;

/// An inline promo for another story ("Read more: …", "Related: …", "See
/// also: …") on a line of its own between a story's paragraphs.
pub(crate) fn promo_line(line: &str) -> bool {
    let t = line.trim().to_lowercase();
    const OPENINGS: [&str; 9] = [
        "read more:",
        "read more -",
        "related:",
        "see also:",
        "also read:",
        "read also:",
        "read next:",
        "don't miss:",
        "recommended:",
    ];
    OPENINGS.iter().any(|o| t.starts_with(o))
}

pub(crate) fn furniture_name(k: BoilerplateKind) -> &'static str {
    match k {
        BoilerplateKind::Ad => "ad",
        BoilerplateKind::Promo => "promo",
        BoilerplateKind::Navigation => "navigation",
        BoilerplateKind::RelatedLinks => "related_links",
        BoilerplateKind::Comments => "comments",
        BoilerplateKind::Trailer => "trailer",
        BoilerplateKind::Social => "social",
        _ => "other",
    }
}

/// Is this line a reader's signature over or under a comment ("Posted by:
/// Sam | Jan 10", "— Posted by Sam, Denver", "Submitted by sam on …")? Some
/// (whether it opens with a dash, as a signature under its comment) if so.
pub(crate) fn comment_signature(line: &str) -> Option<bool> {
    let t = line.trim();
    let rest = t.trim_start_matches(['—', '–', '-', '~', ' ']);
    let dash = rest.len() < t.len();
    if !rest.starts_with(['P', 'p', 'S', 's', 'C', 'c']) {
        return None;
    }
    let lower: String = rest.chars().take(16).collect::<String>().to_lowercase();
    let signed = ["posted by", "submitted by", "comment by", "commented by"]
        .iter()
        .any(|p| lower.starts_with(p) && lower[p.len()..].starts_with([' ', ':']));
    // (Not a sentence: "Posted by the council on its site, the notice said …".)
    let words = t.split_whitespace().count();
    (signed && words <= 20 && !(t.ends_with('.') && words > 8)).then_some(dash)
}

#[cfg(test)]
mod credit_and_promo_tests {
    use super::*;

    #[test]
    fn credit_and_promo_lines() {
        let table: &[(&str, bool, bool)] = &[
            ("Image Credit: Ada Quill / Valderra Courier", true, false),
            ("(Photo by Ada Quill)", true, false),
            ("Photo: Ada Quill for the Courier", true, false),
            ("Photographers gathered at the quay on Monday.", false, false),
            ("Read more: Ferry fares rise again", false, true),
            ("READ MORE: Ferry fares rise again", false, true),
            ("Related: Harbour board braces for winter", false, true),
            ("Readers wrote more letters than ever this year.", false, false),
        ];
        for &(line, credit, promo) in table {
            assert_eq!(credit_line(line), credit, "{line}");
            assert_eq!(promo_line(line), promo, "{line}");
            let want = if credit {
                Some(BoilerplateKind::Other)
            } else if promo {
                Some(BoilerplateKind::RelatedLinks)
            } else {
                None
            };
            assert_eq!(furniture_kind(line, &shape(line)), want, "{line}");
        }
    }
}
