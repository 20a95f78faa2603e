//! Entity spans (first version: capitalisation runs, titles, closed word
//! lists and in-document evidence) and grouping into canonical names.
//!
//! Offsets are byte offsets into the analysed text.

use std::collections::{HashMap, HashSet};

use crate::lexicon;
use crate::tokens::{Sentence, Token, TokenKind};
use crate::types::EntityLabel;

/// A mention found in the text (byte offsets), before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
}

/// Tokens of one paragraph and its sentences.
pub struct Para<'a> {
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
}

/// Multi-word place names that the capitalisation rules cannot type alone.
const MULTIWORD_PLACES: &[&str] = &[
    "Hong Kong",
    "Kuala Lumpur",
    "Los Angeles",
    "New Delhi",
    "New York",
    "North Korea",
    "Saudi Arabia",
    "South Africa",
    "South Korea",
    "St. Petersburg",
    "United Kingdom",
    "United States",
];

fn is_cap_word(t: &str) -> bool {
    let mut cs = t.chars();
    match cs.next() {
        // "I", "I'm", "I've" are pronouns, not names.
        Some('I') if t.len() == 1 || cs.next().map(|c| c == '\'' || c == '’').unwrap_or(false) => {
            false
        }
        Some(c) => c.is_uppercase(),
        None => false,
    }
}

fn is_acronym(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn is_connector(t: &str) -> bool {
    matches!(
        t,
        "of" | "for" | "the" | "de" | "van" | "von" | "bin" | "al" | "la" | "du" | "da" | "&"
    )
}

/// Does token `i` (not the first) open a quotation or follow a colon or dash,
/// where a capital letter is expected whatever the word?
fn starts_clause(text: &str, toks: &[Token], i: usize) -> bool {
    let prev = toks[i - 1];
    match prev.text(text) {
        "“" | "‘" | "«" | ":" | "—" => true,
        // A straight mark opens when it touches the word after it.
        "\"" | "'" => prev.end == toks[i].start,
        _ => false,
    }
}

/// Words seen capitalised away from a sentence start: evidence that a
/// sentence-initial capitalised word is a name.
pub fn capitalised_midsentence<'t>(text: &'t str, paras: &[Para<'_>]) -> HashSet<&'t str> {
    let mut set = HashSet::new();
    for p in paras {
        for s in p.sentences {
            for i in s.first + 1..s.end {
                let t = p.tokens[i].text(text);
                if p.tokens[i].kind == TokenKind::Word
                    && is_cap_word(t)
                    && !starts_clause(text, p.tokens, i)
                {
                    set.insert(t);
                }
            }
        }
    }
    set
}

/// Find mentions in the paragraphs of one article.
pub fn find(text: &str, paras: &[Para<'_>]) -> Vec<Mention> {
    let midcap = capitalised_midsentence(text, paras);
    let mut out = Vec::new();
    for p in paras {
        for s in p.sentences {
            find_in_sentence(text, p.tokens, *s, &midcap, &mut out);
        }
    }
    resolve_single_words(text, &mut out);
    out
}

fn find_in_sentence(
    text: &str,
    toks: &[Token],
    s: Sentence,
    midcap: &HashSet<&str>,
    out: &mut Vec<Mention>,
) {
    let mut i = s.first;
    // The first word token of the sentence (after opening quotes or dashes).
    let first_word = (s.first..s.end).find(|&k| toks[k].kind != TokenKind::Punct);
    while i < s.end {
        let t = toks[i].text(text);
        if toks[i].kind != TokenKind::Word || !is_cap_word(t) || lexicon::is_calendar(t) {
            i += 1;
            continue;
        }
        // Extend the run of capitalised words with inner connectors.
        let mut j = i + 1;
        while j < s.end {
            let w = toks[j].text(text);
            let capitalised =
                toks[j].kind == TokenKind::Word && is_cap_word(w) && !lexicon::is_calendar(w);
            let inner_connector = is_connector(w)
                && j + 1 < s.end
                && is_cap_word(toks[j + 1].text(text))
                && toks[j + 1].kind == TokenKind::Word;
            let of_the = w == "the" && j > i && toks[j - 1].text(text) == "of";
            if !(capitalised || inner_connector || of_the) {
                break;
            }
            j += 1;
        }
        let mut run: Vec<usize> = (i..j).collect();
        // Trailing connectors never end a run.
        while run
            .last()
            .map(|&k| is_connector(toks[k].text(text)))
            .unwrap_or(false)
        {
            run.pop();
        }
        // Sentence-initial function words and unattested capitalised words drop
        // off; a word right after an opening quote or a colon starts a sentence too.
        let after_opener = i > s.first && starts_clause(text, toks, i);
        if Some(i) == first_word || after_opener {
            let w = toks[i].text(text);
            let lower = w.to_lowercase();
            let attested = midcap.contains(w)
                || lexicon::is_place(w)
                || lexicon::is_demonym(w)
                || is_acronym(w);
            if lexicon::is_function_word(&lower) || (!attested && run.len() == 1) {
                run.remove(0);
                while run
                    .first()
                    .map(|&k| is_connector(toks[k].text(text)))
                    .unwrap_or(false)
                {
                    run.remove(0);
                }
            }
        }
        let next_word = toks.get(j).map(|t| t.text(text).to_lowercase());
        classify_run(
            text,
            toks,
            &run,
            i.checked_sub(1).map(|k| toks[k].text(text)),
            next_word.as_deref(),
            out,
        );
        i = j.max(i + 1);
    }
}

/// Type a run of capitalised tokens, splitting off titles and demonyms.
fn classify_run(
    text: &str,
    toks: &[Token],
    run: &[usize],
    prev: Option<&str>,
    next: Option<&str>,
    out: &mut Vec<Mention>,
) {
    if run.is_empty() {
        return;
    }
    let words: Vec<&str> = run.iter().map(|&k| toks[k].text(text)).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let span = |a: usize, b: usize| (toks[run[a]].start, toks[run[b - 1]].end);
    let push = |out: &mut Vec<Mention>, (s, e): (usize, usize), label| {
        out.push(Mention {
            start: s,
            end: e,
            label,
        })
    };

    let whole = text[span(0, run.len()).0..span(0, run.len()).1].to_string();
    if MULTIWORD_PLACES.contains(&whole.as_str()) {
        push(out, span(0, run.len()), EntityLabel::Loc);
        return;
    }
    // Organisation keywords type the whole run (the General Staff, the Energy Ministry).
    if lower.iter().any(|w| lexicon::is_org_word(w)) && run.len() >= 2 {
        push(out, span(0, run.len()), EntityLabel::Org);
        return;
    }
    // A person title inside the run: the words after it are the name.
    if let Some(t) = (0..run.len())
        .rev()
        .find(|&k| lexicon::is_person_title(&lower[k]))
    {
        // Skip "of State" / "of Defense" after the title.
        let mut name_start = t + 1;
        if name_start + 1 < run.len() && lower[name_start] == "of" {
            name_start += 2;
        }
        // Before the title: a leading place or demonym stands alone.
        if t > 0 {
            let w = words[0];
            if lexicon::is_demonym(w) {
                push(out, span(0, 1), EntityLabel::Misc);
            } else if lexicon::is_place(w) || alias(w).is_some() {
                push(out, span(0, 1), EntityLabel::Loc);
            } else if t == 1
                && matches!(
                    lower[t].as_str(),
                    "ceo"
                        | "chairman"
                        | "chairwoman"
                        | "director"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                )
            {
                // "Nvidia CEO Jensen Huang": the employer.
                push(out, span(0, 1), EntityLabel::Org);
            }
        }
        if name_start < run.len() && run.len() - name_start <= 4 {
            push(out, span(name_start, run.len()), EntityLabel::Per);
        }
        return;
    }
    if prev
        .map(|p| lexicon::is_person_title(&p.to_lowercase()))
        .unwrap_or(false)
        && run.len() <= 4
    {
        push(out, span(0, run.len()), EntityLabel::Per);
        return;
    }
    if run.len() == 1 {
        let w = words[0];
        let label = if lexicon::is_demonym(w) {
            EntityLabel::Misc
        } else if lexicon::is_place(w) || alias(w).is_some() {
            EntityLabel::Loc
        } else if is_acronym(w) {
            EntityLabel::Org
        } else if next.map(lexicon::is_cue_verb).unwrap_or(false) {
            EntityLabel::Per
        } else if prev
            .map(|p| {
                matches!(
                    p,
                    "in" | "near" | "outside" | "across" | "around" | "throughout"
                )
            })
            .unwrap_or(false)
        {
            EntityLabel::Loc
        } else {
            // Typed later from the rest of the article (a surname), else ORG.
            EntityLabel::Org
        };
        push(out, span(0, 1), label);
        return;
    }
    if lower
        .last()
        .map(|w| lexicon::is_loc_word(w))
        .unwrap_or(false)
        || words.iter().all(|w| lexicon::is_place(w))
    {
        push(out, span(0, run.len()), EntityLabel::Loc);
        return;
    }
    if words.iter().all(|w| lexicon::is_demonym(w)) {
        push(out, span(0, run.len()), EntityLabel::Misc);
        return;
    }
    // A leading demonym or place before a name: "Russian Sergei", "Ukrainian Air Force".
    if lexicon::is_demonym(words[0]) && run.len() >= 2 {
        push(out, span(0, 1), EntityLabel::Misc);
        classify_run(text, toks, &run[1..], None, next, out);
        return;
    }
    let has_inner_connector = lower.iter().any(|w| is_connector(w));
    let label = if run.len() <= 4 && !has_inner_connector && !words.iter().any(|w| is_acronym(w)) {
        EntityLabel::Per
    } else if words.iter().any(|w| is_acronym(w)) {
        EntityLabel::Org
    } else {
        EntityLabel::Misc
    };
    push(out, span(0, run.len()), label);
}

/// Mentions in a title-case block (a headline), kept only where the body
/// names the same thing: capitals there say nothing about names.
pub fn attested_in(text: &str, candidates: Vec<Mention>, body: &[Mention]) -> Vec<Mention> {
    let known: HashMap<String, EntityLabel> = body
        .iter()
        .map(|m| (name_key(&text[m.start..m.end]), m.label))
        .collect();
    candidates
        .into_iter()
        .filter_map(|mut m| {
            let label = known.get(&name_key(&text[m.start..m.end]))?;
            m.label = *label;
            Some(m)
        })
        .collect()
}

/// Single-word mentions take the type of a longer mention they name
/// (a surname of a person seen in full).
fn resolve_single_words(text: &str, out: &mut [Mention]) {
    let mut surnames: HashMap<String, EntityLabel> = HashMap::new();
    for m in out.iter() {
        let s = &text[m.start..m.end];
        if m.label == EntityLabel::Per && s.contains(' ') {
            if let Some(last) = s.split_whitespace().last() {
                surnames.insert(name_key(last), EntityLabel::Per);
            }
            if let Some(first) = s.split_whitespace().next() {
                surnames.entry(name_key(first)).or_insert(EntityLabel::Per);
            }
        }
    }
    for m in out.iter_mut() {
        let s = &text[m.start..m.end];
        if !s.contains(' ') && m.label == EntityLabel::Org && !is_acronym(s) {
            if let Some(&l) = surnames.get(&name_key(s)) {
                m.label = l;
            }
        }
    }
}

/// Known aliases of frequent names.
pub fn alias(w: &str) -> Option<&'static str> {
    Some(match w {
        "U.S." | "US" | "USA" | "U.S.A." | "United States" | "America" => "United States",
        "U.K." | "UK" | "Britain" | "United Kingdom" | "Great Britain" => "United Kingdom",
        "U.N." | "UN" | "United Nations" => "United Nations",
        "E.U." | "EU" | "European Union" => "European Union",
        "Kiev" | "Kyiv" => "Kyiv",
        _ => return None,
    })
}

/// A key that equates spelling variants of one name: case, possessives and
/// transliteration endings (Zelenskyy, Zelenskiy, Zelensky; Sergey, Sergei).
pub fn name_key(name: &str) -> String {
    let mut k: String = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .flat_map(|c| c.to_lowercase())
        .collect();
    for (from, to) in [
        ("yy", "y"),
        ("iy", "y"),
        ("ij", "y"),
        ("ii", "y"),
        ("ei", "ey"),
        ("yi", "y"),
    ] {
        if k.ends_with(from) {
            k.truncate(k.len() - from.len());
            k.push_str(to);
            break;
        }
    }
    k
}

/// Group mentions of one article: each gets the canonical name of its group.
pub fn canonicalise(text: &str, mentions: &[Mention]) -> Vec<String> {
    // Full person names by the key of their last word.
    let mut full_by_last: HashMap<String, &str> = HashMap::new();
    for m in mentions {
        let s = &text[m.start..m.end];
        if m.label == EntityLabel::Per {
            let words: Vec<&str> = s.split_whitespace().collect();
            if let Some(last) = words.last() {
                let key = name_key(last);
                let cur = full_by_last.entry(key).or_insert(s);
                if words.len() > cur.split_whitespace().count() {
                    *cur = s;
                }
            }
        }
    }
    // The first spelling of each full name is the canonical one.
    let mut spelling: HashMap<String, &str> = HashMap::new();
    mentions
        .iter()
        .map(|m| {
            let s = &text[m.start..m.end];
            if let Some(a) = alias(s) {
                return a.to_string();
            }
            if m.label == EntityLabel::Per {
                let last = s.split_whitespace().last().unwrap_or(s);
                let full = full_by_last.get(&name_key(last)).copied().unwrap_or(s);
                let key = name_key(full);
                return spelling.entry(key).or_insert(full).to_string();
            }
            let key = name_key(s);
            spelling.entry(key).or_insert(s).to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize};

    fn run(text: &str) -> Vec<(String, EntityLabel, String)> {
        let mut toks = Vec::new();
        tokenize(text, 0, &mut toks);
        let mut sents = Vec::new();
        sentences(text, &toks, &mut sents);
        let paras = [Para {
            tokens: &toks,
            sentences: &sents,
        }];
        let ms = find(text, &paras);
        let canon = canonicalise(text, &ms);
        ms.iter()
            .zip(canon)
            .map(|(m, c)| (text[m.start..m.end].to_string(), m.label, c))
            .collect()
    }

    #[test]
    fn entity_table() {
        use EntityLabel::*;
        let table: &[(&str, &[(&str, EntityLabel)])] = &[
            (
                "Foreign Minister Ada Quill met the press.",
                &[("Ada Quill", Per)],
            ),
            (
                "Harbour Minister Ada Quill spoke in Lisbon.",
                &[("Ada Quill", Per), ("Lisbon", Loc)],
            ),
            (
                "The Ministry of Harbours said so.",
                &[("Ministry of Harbours", Org)],
            ),
            (
                "He flew to Kuala Lumpur on Monday.",
                &[("Kuala Lumpur", Loc)],
            ),
            ("Talks in Moscow stalled.", &[("Moscow", Loc)]),
            (
                "A Russian journalist spoke to NATO.",
                &[("Russian", Misc), ("NATO", Org)],
            ),
            ("The U.S. said no.", &[("U.S.", Loc)]),
        ];
        for (input, want) in table {
            let got: Vec<(String, EntityLabel)> =
                run(input).into_iter().map(|(s, l, _)| (s, l)).collect();
            let want: Vec<(String, EntityLabel)> =
                want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn surnames_and_variants_group_under_the_full_name() {
        let text =
            "President Ivan Zelenskyy spoke. Later Zelenskiy left, and Zelensky's aides stayed.";
        let got = run(text);
        let per: Vec<_> = got
            .iter()
            .filter(|(_, l, _)| *l == EntityLabel::Per)
            .collect();
        assert_eq!(per.len(), 3, "{got:?}");
        for (_, _, c) in per {
            assert_eq!(c, "Ivan Zelenskyy");
        }
    }

    #[test]
    fn aliases_share_a_canonical_name() {
        assert_eq!(alias("U.S."), Some("United States"));
        assert_eq!(name_key("Sergei"), name_key("Sergey"));
        assert_eq!(name_key("Zelenskiy"), name_key("Zelensky"));
    }
}
