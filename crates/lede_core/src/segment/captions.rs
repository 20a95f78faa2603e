//! Photo captions run into a paragraph, split out as caption spans.

use super::*;

/// Photo captions left inside running text by a scraper: sentences with
/// no verb of their own, a name or a noun phrase, a place or company, and a
/// time ("Ivan Shabunko in a detention center in February.", "Destroyed
/// buildings in Vovchansk in October.", "Simdyankin with his sister in a
/// restaurant last year."). Returns their byte spans.
pub fn caption_sentences(text: &str, toks: &[Token], sents: &[Sentence]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for s in sents {
        let t = &toks[s.first..s.end];
        let words: Vec<&str> = t.iter().filter(|x| x.kind != TokenKind::Punct).map(|x| x.text(text)).collect();
        if !(2..=16).contains(&words.len()) || t.last().map(|x| x.text(text)) != Some(".") {
            continue;
        }
        let first = words[0];
        if !first.starts_with(char::is_uppercase)
            || matches!(first, "He" | "She" | "They" | "It" | "We" | "I" | "You" | "This" | "That" | "There" | "But")
        {
            continue;
        }
        // Ends on a time: "in October", "in February 2024", "last year", "in 2023".
        let n = words.len();
        let last = words[n - 1];
        let before = if n >= 2 { words[n - 2] } else { "" };
        let year = last.len() == 4 && last.chars().all(|c| c.is_ascii_digit());
        // Months, not weekdays: "on Tuesday" is the day of a reported event.
        let month = |w: &str| lexicon::is_calendar(w) && !w.ends_with("day");
        let timed = month(last)
            || year && (month(before) || before == "in")
            || matches!(before, "last" | "this" | "earlier")
                && matches!(last, "year" | "month" | "week" | "summer" | "winter" | "spring" | "fall" | "autumn");
        if !timed {
            continue;
        }
        // A preposition soon after the name or noun, and no verb anywhere.
        let prep = |w: &str| {
            matches!(w, "in" | "with" | "at" | "near" | "on" | "during" | "outside" | "inside" | "from" | "among")
        };
        let verb = |w: &str| {
            matches!(
                w,
                "is" | "was"
                    | "were"
                    | "are"
                    | "be"
                    | "been"
                    | "has"
                    | "had"
                    | "have"
                    | "said"
                    | "says"
                    | "did"
                    | "does"
                    | "do"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
            ) || w.len() > 4 && w.ends_with("ed")
        };
        // Before the preposition: the name, or a noun phrase with at most one
        // lowercase word, a plural ("Destroyed buildings in …"), never a verb
        // ("Wells spoke with …").
        let lower: Vec<&&str> =
            words[1..].iter().take_while(|w| !prep(w)).filter(|w| w.starts_with(char::is_lowercase)).collect();
        if !words[1..(n - 1).min(5)].iter().any(|w| prep(w))
            || lower.len() > 1
            || lower.iter().any(|w| !w.ends_with('s') || w.ends_with("ss"))
            || words[1..].iter().any(|w| w.starts_with(char::is_lowercase) && verb(w))
        {
            continue;
        }
        out.push((t[0].start, t[t.len() - 1].end));
    }
    out
}

/// A caption runs to at most this many lines and words; a longer run of
/// lines under a caption or credit class is a container that merely
/// mentions one (a wrapper's class), not a caption.
pub(crate) const CAPTION_LINES: usize = 3;
pub(crate) const CAPTION_WORDS: usize = 80;

/// The runs of caption lines (lines next to each other) short enough to be
/// captions ([`CAPTION_LINES`], [`CAPTION_WORDS`]), as byte ranges (with
/// nothing more to say of them, for [`holding`]).
fn caption_runs(text: &str, captions: &[(usize, usize)]) -> Vec<(usize, usize, ())> {
    let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new(); // start, end, lines, words
    for &(s, e) in captions {
        let words = text.get(s..e).map_or(0, |t| t.split_whitespace().count());
        match runs.last_mut() {
            Some(r) if text.get(r.1..s).is_some_and(|gap| gap.trim().is_empty()) => {
                r.1 = e;
                r.2 += 1;
                r.3 += words;
            }
            _ => runs.push((s, e, 1, words)),
        }
    }
    runs.into_iter().filter(|r| r.2 <= CAPTION_LINES && r.3 <= CAPTION_WORDS).map(|r| (r.0, r.1, ())).collect()
}

/// Pass `mark_captions`: paragraphs on lines the markup makes captions or
/// credits (`<figcaption>`, a caption or credit class) are caption
/// paragraphs; a headline on such a line becomes one too, so that a
/// caption never heads a story.
pub fn mark_captions(text: &str, seg: &mut Segmentation, captions: &[(usize, usize)]) {
    if captions.is_empty() {
        return;
    }
    let runs = caption_runs(text, captions);
    let on_caption = |r: (usize, usize)| holding(&runs, r).is_some();
    for a in &mut seg.articles {
        for p in &mut a.paragraphs {
            if p.2 == ParagraphKind::Body && on_caption((p.0, p.1)) {
                p.2 = ParagraphKind::Caption;
            }
        }
        if let Some(h) = a.headline.filter(|&h| on_caption(h)) {
            a.headline = None;
            let at = a.paragraphs.partition_point(|p| p.0 < h.0);
            a.paragraphs.insert(at, (h.0, h.1, ParagraphKind::Caption));
        }
    }
}

#[cfg(test)]
mod caption_run_tests {
    use super::*;

    #[test]
    fn only_short_runs_of_caption_lines_are_captions() {
        let text = "A story line.\nA photo of the quay.\nPhoto: Ada Quill\nMore story.\n";
        let line = |l: &str| text.find(l).map(|s| (s, s + l.len())).unwrap_or_default();
        let (photo, credit) = (line("A photo of the quay."), line("Photo: Ada Quill"));
        assert_eq!(caption_runs(text, &[photo, credit]), [(photo.0, credit.1, ())]);
        // A wrapper whose class mentions a caption around a whole story is no caption.
        let long: String = (0..5).map(|i| format!("Paragraph {i} of the story under a wrapper.\n")).collect();
        let all: Vec<(usize, usize)> = lines(&long).iter().map(|l| (l.0, l.1)).collect();
        assert!(caption_runs(&long, &all).is_empty());
    }
}
