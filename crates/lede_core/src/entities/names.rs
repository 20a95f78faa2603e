//! Passes `split_given_names` and `harmonise`: a name tagged one way is tagged so throughout.

use super::*;

/// "Defense Pete Hegseth" typed as one organisation: a given name (known
/// from the gazetteer only as part of person names) followed by a surname
/// at the end of a non-person mention starts a person.
pub(crate) fn split_given_names(text: &str, model: &Model, out: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    for m in out.iter_mut() {
        if m.label == EntityLabel::Per {
            continue;
        }
        let words: Vec<(usize, &str)> = text[m.start..m.end]
            .split(' ')
            .scan(m.start, |pos, w| {
                let at = *pos;
                *pos += w.len() + 1;
                Some((at, w))
            })
            .collect();
        if words.len() < 3 {
            continue;
        }
        for k in [words.len() - 2, words.len().saturating_sub(3)] {
            if k >= 1
                && model.gaz(words[k].1) == ner::GAZ_PER
                && words[k..].iter().all(|(_, w)| w.starts_with(char::is_uppercase))
            {
                let person = Mention { start: words[k].0, end: m.end, label: EntityLabel::Per };
                m.end = words[k - 1].0 + words[k - 1].1.len();
                extra.push(person);
                break;
            }
        }
    }
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|m| m.start);
    }
}

/// One sense per article: a surname of a person named in full is that
/// person wherever it stands capitalised (tagged otherwise or not at all),
/// and a name tagged with different types takes its most frequent one.
pub(crate) fn harmonise(text: &str, paras: &[Para<'_>], out: &mut Vec<Mention>) {
    let mut surnames: HashMap<String, ()> = HashMap::new();
    for m in out.iter() {
        let s = &text[m.start..m.end];
        if m.label == EntityLabel::Per && s.contains(' ') {
            if let Some(last) = s.split_whitespace().last() {
                if last.chars().count() > 2 {
                    surnames.insert(name_key(last), ());
                }
            }
        }
    }
    for m in out.iter_mut() {
        let s = &text[m.start..m.end];
        if !s.contains(' ') && m.label != EntityLabel::Per && surnames.contains_key(&name_key(s)) {
            m.label = EntityLabel::Per;
        }
    }
    // Untagged capitalised occurrences of those surnames.
    let mut added = Vec::new();
    let mut k = 0;
    for p in paras {
        for t in p.tokens {
            while k < out.len() && out[k].end <= t.start {
                k += 1;
            }
            let inside = k < out.len() && out[k].start <= t.start;
            let w = t.text(text);
            if !inside
                && w.starts_with(|c: char| c.is_uppercase())
                && !crate::text::lexicon::is_function_word_any_case(w)
                && surnames.contains_key(&name_key(w))
            {
                added.push(Mention { start: t.start, end: t.end, label: EntityLabel::Per });
            }
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.start);
    }
    // Majority type per single-word name; a company name with its suffix
    // counts for its bare form twice.
    let mut votes: HashMap<String, [u32; 4]> = HashMap::new();
    for m in out.iter() {
        let s = &text[m.start..m.end];
        if !s.contains(' ') {
            votes.entry(name_key(s)).or_default()[m.label as usize] += 1;
        } else if let Some((first, _)) = s.split_once(' ').filter(|(_, l)| is_company_suffix(l)) {
            votes.entry(name_key(first)).or_default()[EntityLabel::Org as usize] += 2;
        }
    }
    for m in out.iter_mut() {
        let s = &text[m.start..m.end];
        if s.contains(' ') {
            continue;
        }
        if let Some(v) = votes.get(&name_key(s)) {
            let best = (0..4).max_by_key(|&i| (v[i], i == m.label as usize)).unwrap_or(m.label as usize);
            if v[best] > v[m.label as usize] {
                m.label = TYPES[best];
            }
        }
    }
}
