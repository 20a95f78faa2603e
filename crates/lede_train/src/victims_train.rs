//! `lede_train victims`: fit the victim classifier (`models/victims.bin`)
//! on the fitting half of GVDB dev, and score it.
//!
//! GVDB dev (`../shared/data/gvdb/dev.tsv.gz`) is split once by the hash of
//! each article's web domain: half the domains are the fitting half (read,
//! fitted on), the others the checking half (only scored). Each candidate the
//! core finds (a name, a description such as "a 22-year-old man", a
//! pronoun) is labelled from the annotation:
//! - a name whose surname is an annotated victim's: that victim's outcome;
//!   any other name: neither (a suspect, a spokesman);
//! - a description over a victim's annotated age or name (or giving the
//!   same age): the victim's outcome; over a shooter's: neither; a
//!   "suspect" or "gunman": neither; else unlabelled;
//! - a pronoun: the label of the nearest labelled mention of the same
//!   gender before it in its sentence or the one before, else unlabelled.

use crate::linear::{model_bytes, probs, Labelled, Rates, Weights};
use crate::segment_train::read_gz;
use lede_core::victims::{self, Candidate, Gender, Kind, KILLED, NEITHER, WOUNDED};
use lede_core::{analyze, CasualtyCategory, Options};
use std::collections::HashMap;
use std::path::Path;

/// One annotated person: name and age (values and byte spans), outcome class.
struct Person {
    name: String,
    name_span: Option<(usize, usize)>,
    age: String,
    age_span: Option<(usize, usize)>,
    class: usize,
}

pub struct Article {
    pub id: String,
    pub domain: String,
    pub text: String,
    victims: Vec<Person>,
    shooters: Vec<Person>,
}

impl Article {
    /// Gold counts as the reference scorer reads them: killed; wounded
    /// (injured or hospitalized and not killed).
    pub fn gold(&self) -> (u64, u64) {
        let k = self.victims.iter().filter(|v| v.class == KILLED).count() as u64;
        let w = self.victims.iter().filter(|v| v.class == WOUNDED).count() as u64;
        (k, w)
    }
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// Whether an article's domain is in the fitting half (else the checking half).
pub fn fitting(domain: &str) -> bool {
    fnv1a(domain) % 100 < 50
}

fn domain_of(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    rest.split('/').next().unwrap_or("").to_lowercase()
}

/// A char offset of `text` as a byte offset.
fn byte_of(text: &str, ch: i64) -> Option<usize> {
    let ch = usize::try_from(ch).ok()?;
    text.char_indices().map(|(b, _)| b).chain([text.len()]).nth(ch)
}

fn person(text: &str, v: &serde_json::Value, class: usize) -> Person {
    let span = |f: &str| {
        let s = byte_of(text, v[f]["startIndex"].as_i64().unwrap_or(-1))?;
        let e = byte_of(text, v[f]["endIndex"].as_i64().unwrap_or(-1))?;
        (s < e).then_some((s, e))
    };
    Person {
        name: v["name"]["value"].as_str().unwrap_or("").to_lowercase(),
        name_span: span("name"),
        age: v["age"]["value"].as_str().unwrap_or("").trim().to_string(),
        age_span: span("age"),
        class,
    }
}

/// The articles of GVDB dev.
pub fn articles(shared: &Path) -> Result<Vec<Article>, String> {
    let body = read_gz(&shared.join("data/gvdb/dev.tsv.gz"))?;
    let mut out = Vec::new();
    for line in body.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            continue;
        }
        let text = f[3].to_string();
        let json: serde_json::Value = serde_json::from_str(f[4]).map_err(|e| format!("gvdb {}: {e}", f[0]))?;
        let victims = json["victim-section"]
            .as_array()
            .map(|vs| {
                vs.iter()
                    .map(|v| {
                        let was: Vec<&str> = v["victim-was"]
                            .as_array()
                            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                            .unwrap_or_default();
                        let class = if was.contains(&"killed") {
                            KILLED
                        } else if was.contains(&"injured") || was.contains(&"hospitalized") {
                            WOUNDED
                        } else {
                            NEITHER
                        };
                        person(&text, v, class)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let shooters = json["shooter-section"]
            .as_array()
            .map(|vs| vs.iter().map(|v| person(&text, v, NEITHER)).collect())
            .unwrap_or_default();
        out.push(Article { id: f[0].to_string(), domain: domain_of(f[1]), text, victims, shooters });
    }
    Ok(out)
}

fn overlaps(a: (usize, usize), b: Option<(usize, usize)>) -> bool {
    b.is_some_and(|b| a.0 < b.1 && b.0 < a.1)
}

fn surname(name: &str) -> Option<&str> {
    name.split_whitespace().rev().find(|w| w.chars().next().is_some_and(char::is_alphabetic))
}

/// The class of each candidate of an article, where the annotation tells.
fn labels(a: &Article, cands: &[Candidate]) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        let span = (c.start, c.end);
        let key = c.key.as_deref().unwrap_or("");
        let label = match c.kind {
            Kind::Name => {
                let s = key.strip_prefix("n:").unwrap_or("");
                let v = a.victims.iter().find(|v| surname(&v.name) == Some(s) || overlaps(span, v.name_span));
                Some(v.map_or(NEITHER, |v| v.class))
            }
            Kind::Description => {
                let age = key.strip_prefix("a:");
                let hit = |p: &Person| {
                    overlaps(span, p.age_span) || overlaps(span, p.name_span) || age.is_some_and(|x| x == p.age)
                };
                if let Some(v) = a.victims.iter().find(|v| hit(v)) {
                    Some(v.class)
                } else if a.shooters.iter().any(hit) {
                    Some(NEITHER)
                } else {
                    let head = a.text[c.start..c.end].rsplit(' ').next().unwrap_or("").to_lowercase();
                    matches!(head.as_str(), "suspect" | "gunman" | "shooter").then_some(NEITHER)
                }
            }
            Kind::Pronoun => (0..i).rev().take(6).find_map(|j| {
                let p = &cands[j];
                let close = c.start.saturating_sub(p.end) < 400;
                (close && p.kind != Kind::Pronoun && (p.gender == c.gender || p.gender == Gender::Unknown))
                    .then_some(out[j])
                    .flatten()
            }),
        };
        out.push(label);
    }
    out
}

/// One labelled candidate: features, class, article index.
pub struct Example {
    feats: Vec<u64>,
    class: usize,
    article: usize,
}

/// The labelled candidates of these articles (analysed as one article each).
fn examples(arts: &[&Article]) -> Vec<Example> {
    let single = Options { single: true, ..Options::default() };
    let mut out = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        let (_, cands) = victims::capture(|| analyze(&a.text, &single));
        let labels = labels(a, &cands);
        for p in victims::people(&cands) {
            // A name's label before a description's.
            let label = p.iter().filter(|&&i| cands[i].kind == Kind::Name).chain(p.iter()).find_map(|&i| labels[i]);
            if let Some(class) = label {
                out.push(Example { feats: victims::person_features(&cands, &p), class, article: ai });
            }
        }
    }
    out
}

impl Labelled for Example {
    fn feats(&self) -> &[u64] {
        &self.feats
    }
    fn class(&self) -> usize {
        self.class
    }
}

/// The victim classifier's learning rate and L2 penalty.
const RATES: Rates = Rates { lr: 0.1, l2: 1e-4 };

fn fit(ex: &[&Example], epochs: usize) -> Weights {
    crate::linear::fit(ex, epochs, RATES)
}

/// The article's counts as the reference scorer reads them: the tally's.
pub fn counts(text: &str) -> (u64, u64) {
    let single = Options { single: true, ..Options::default() };
    let Ok(a) = analyze(text, &single) else { return (0, 0) };
    let mut got = (0, 0);
    for art in &a.articles {
        if let Some(k) = art.tally.get(CasualtyCategory::Killed) {
            got.0 = got.0.max(k.count);
        }
        if let Some(w) = art.tally.get(CasualtyCategory::Wounded) {
            got.1 = got.1.max(w.count);
        }
    }
    got
}

/// Exact-count accuracy over the articles with at least one victim of a
/// category, and the share of the others given one, for killed and wounded.
pub fn score(arts: &[&Article]) -> String {
    // Per category (killed, wounded): [right, with a victim, given one, without a victim].
    let mut n = [[0usize; 4]; 2];
    for a in arts {
        let (gk, gw) = a.gold();
        let (ck, cw) = counts(&a.text);
        for (n, (gold, got)) in n.iter_mut().zip([(gk, ck), (gw, cw)]) {
            if gold > 0 {
                n[1] += 1;
                n[0] += usize::from(got == gold);
            } else {
                n[3] += 1;
                n[2] += usize::from(got > 0);
            }
        }
    }
    let r = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let [[k, kn, fk, fkn], [w, wn, fw, fwn]] = n;
    format!(
        "killed {:.3} ({k}/{kn}) wounded {:.3} ({w}/{wn}); none annotated but given: killed {fk}/{fkn}, wounded {fw}/{fwn}",
        r(k, kn),
        r(w, wn)
    )
}

pub const EPOCHS: usize = 8;
/// Features seen in fewer people than this are left out of the model.
pub const MIN_COUNT: usize = 3;

/// Fit on the fitting half (two folds by article first, to score the model
/// on fitting-half articles it was not fitted on), write the model, and
/// score it on the checking half.
pub fn train(shared: &Path, out: &Path, epochs: usize, prune: f32) -> Result<(), String> {
    let all = articles(shared)?;
    let fit_arts: Vec<&Article> = all.iter().filter(|a| fitting(&a.domain)).collect();
    let check: Vec<&Article> = all.iter().filter(|a| !fitting(&a.domain)).collect();
    println!(
        "GVDB dev: {} articles, fitting half {} ({} domains), checking half {}",
        all.len(),
        fit_arts.len(),
        {
            let mut d: Vec<&str> = fit_arts.iter().map(|a| a.domain.as_str()).collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        },
        check.len()
    );
    println!("without the model: fitting half {}", victims::without_model(|| score(&fit_arts)));
    let mut ex = examples(&fit_arts);
    // Features seen in fewer than `MIN_COUNT` people are dropped: rare words
    // fit the fitting half and cost bytes in the browser.
    let min_count: usize =
        std::env::var("LEDE_VICTIM_MIN_COUNT").ok().and_then(|v| v.parse().ok()).unwrap_or(MIN_COUNT);
    let mut seen: HashMap<u64, usize> = HashMap::new();
    for e in &ex {
        for f in &e.feats {
            *seen.entry(*f).or_default() += 1;
        }
    }
    for e in &mut ex {
        e.feats.retain(|f| seen[f] >= min_count);
    }
    let n = |c: usize| ex.iter().filter(|e| e.class == c).count();
    println!("{} labelled candidates: killed {}, wounded {}, neither {}", ex.len(), n(KILLED), n(WOUNDED), n(NEITHER));
    // Two folds by article parity inside the fitting half.
    for fold in 0..2 {
        let train: Vec<&Example> = ex.iter().filter(|e| e.article % 2 != fold).collect();
        let w = fit(&train, epochs);
        let held: Vec<&Article> = fit_arts.iter().enumerate().filter(|(i, _)| i % 2 == fold).map(|(_, a)| *a).collect();
        let model = lede_core::blockmodel::BlockModel::from_bytes(&model_bytes(&w, prune))?;
        let held_ex: Vec<&Example> = ex.iter().filter(|e| e.article % 2 == fold).collect();
        let right = held_ex
            .iter()
            .filter(|e| {
                let p = probs(&w, &e.feats);
                (0..3).max_by(|&a, &b| p[a].total_cmp(&p[b])) == Some(e.class)
            })
            .count();
        println!(
            "fold {fold}: people right {right}/{}; articles {}",
            held_ex.len(),
            victims::with_model(model, || score(&held))
        );
    }
    let all_ex: Vec<&Example> = ex.iter().collect();
    let bytes = model_bytes(&fit(&all_ex, epochs), prune);
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    let model = lede_core::blockmodel::BlockModel::from_bytes(&bytes)?;
    println!("{} features ({} bytes) -> {}", bytes.len() / lede_core::blockmodel::RECORD, bytes.len(), out.display());
    let model2 = model.clone();
    println!("fitting half (in-sample): {}", victims::with_model(model, || score(&fit_arts)));
    println!("checking half: {}", victims::with_model(model2, || score(&check)));
    Ok(())
}

/// `lede_train victims-debug`: the fitting half's articles whose counts are
/// wrong, with each candidate, its label and its probabilities.
pub fn debug(shared: &Path, limit: usize) -> Result<(), String> {
    let all = articles(shared)?;
    let single = Options { single: true, ..Options::default() };
    let mut shown = 0;
    for a in all.iter().filter(|a| fitting(&a.domain)) {
        let gold = a.gold();
        let got = counts(&a.text);
        if gold == got {
            continue;
        }
        shown += 1;
        if shown > limit {
            break;
        }
        if std::env::var("ONLY_W").is_ok() && !(gold.1 == 0 && got.1 > 0) {
            continue;
        }
        println!("##### {} gold {:?} got {:?}", a.id, gold, got);
        for v in &a.victims {
            println!("   victim {:?} {:?} class {}", v.name, v.age, v.class);
        }
        let (r, cands) = victims::capture(|| analyze(&a.text, &single));
        if let Ok(r) = r {
            for c in r.articles.iter().flat_map(|x| &x.casualties) {
                println!("   fig {} {} {:?}", c.category.as_str(), c.value, c.text);
            }
        }
        for (c, l) in cands.iter().zip(labels(a, &cands)) {
            if c.probs[NEITHER] > 0.7 && l.is_none_or(|l| l == NEITHER) {
                continue;
            }
            let ctx_a = a.text[..c.start].char_indices().rev().nth(40).map_or(0, |x| x.0);
            let ctx_b = a.text[c.end..].char_indices().nth(50).map_or(a.text.len(), |x| c.end + x.0);
            println!(
                "   {:?} K{:.2} W{:.2} label {:?}  …{}[{}]{}…",
                c.kind,
                c.probs[KILLED],
                c.probs[WOUNDED],
                l,
                a.text[ctx_a..c.start].replace('\n', " "),
                &a.text[c.start..c.end],
                a.text[c.end..ctx_b].replace('\n', " ")
            );
        }
    }
    Ok(())
}

/// `lede_train gvdb-split --out DIR`: the ids of the fitting and checking
/// halves of GVDB dev, one a line, in `DIR/gvdb-fit.ids` and `DIR/gvdb-check.ids`.
pub fn write_split(shared: &Path, dir: &Path) -> Result<(), String> {
    let all = articles(shared)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, fit) in [("gvdb-fit.ids", true), ("gvdb-check.ids", false)] {
        let ids: Vec<&str> = all.iter().filter(|a| fitting(&a.domain) == fit).map(|a| a.id.as_str()).collect();
        let path = dir.join(name);
        std::fs::write(&path, ids.join("\n") + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
        println!("{}: {} articles", path.display(), ids.len());
    }
    Ok(())
}

/// `lede_train victims-explain < FILE`: each candidate of a text (analysed
/// as one article) with its class probabilities.
pub fn explain(text: &str) {
    let single = Options { single: true, ..Options::default() };
    let (_, cands) = victims::capture(|| analyze(text, &single));
    for c in cands {
        println!(
            "{:<40} {:?} killed {:.2} wounded {:.2} neither {:.2}",
            format!("{:?}", &text[c.start..c.end]),
            c.kind,
            c.probs[KILLED],
            c.probs[WOUNDED],
            c.probs[NEITHER]
        );
    }
}
