//! `lede_train speakers`: fit the quote speaker ranker
//! (`lede_core/models/speakers.bin`) on PolNeAR train, scored by
//! cross-validation on train (five folds by article) and on dev.
//!
//! Each quote the core finds is matched to a gold quotation as the
//! reference scorer does it (the text between marks inside an attribution's
//! Content, overlapping by at least half the longer); its candidates are
//! labelled 1 when they overlap the attribution's Source, else 0. Quotes
//! whose gold has no Source teach nothing. Features are taken with the
//! cascade alone deciding (an empty model), as the runtime computes them.

use std::collections::HashMap;
use std::path::Path;

use lede_core::quotes_rank::{self, RankedQuote, ASSIGN_MIN};
use lede_core::{analyze, blockmodel::BlockModel, Options};

use crate::linear::{fit, model_bytes, probs, shuffle, Labelled, Rates, Weights};

pub const EPOCHS: usize = 6;
/// Weights under this (in every class) are left out of the model file.
pub const PRUNE: f32 = 0.4;
const RATES: Rates = Rates { lr: 0.1, l2: 1e-5 };
const RANK_RATES: Rates = Rates { lr: 0.1, l2: 1e-5 };
const FOLDS: u64 = 5;

/// A gold quotation: its byte span and its Source's byte spans (none: no Source).
struct Gold {
    span: (usize, usize),
    source: Vec<(usize, usize)>,
}

/// Byte spans.
type Spans = Vec<(usize, usize)>;

/// An article's ranked quotes, each with its gold Source's spans when it
/// matches a gold quotation.
pub struct Doc {
    name: String,
    quotes: Vec<(RankedQuote, Option<Spans>)>,
}

struct Example {
    feats: Vec<u64>,
    class: usize,
}

impl Labelled for Example {
    fn feats(&self) -> &[u64] {
        &self.feats
    }
    fn class(&self) -> usize {
        self.class
    }
}

fn spans(field: &str) -> Vec<(usize, usize)> {
    field
        .split(';')
        .filter_map(|p| {
            let mut it = p.split_whitespace().map(|x| x.parse::<usize>().ok());
            Some((it.next()??, it.next()??))
        })
        .collect()
}

/// (content spans, source spans) of each attribution in a brat file (char offsets).
fn attributions(ann: &str) -> Vec<(Spans, Spans)> {
    let mut t: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if line.starts_with('T') && parts.len() >= 2 {
            let rng = parts[1].split_once(' ').map(|x| x.1).unwrap_or("");
            t.insert(parts[0], spans(rng));
        } else if line.starts_with('E') && parts.len() >= 2 {
            let roles: HashMap<&str, &str> = parts[1].split_whitespace().filter_map(|x| x.split_once(':')).collect();
            events.push(roles);
        }
    }
    events
        .iter()
        .filter_map(|e| {
            let c = t.get(e.get("Content")?)?.clone();
            let s = e.get("Source").and_then(|s| t.get(s)).cloned().unwrap_or_default();
            Some((c, s))
        })
        .collect()
}

/// The gold quotations of an article, as the reference scorer finds them (byte offsets).
fn gold(text: &str, ann: &str) -> Vec<Gold> {
    let byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let chars: Vec<char> = text.chars().collect();
    let b = |c: usize| byte_of[c.min(byte_of.len() - 1)];
    let mut out = Vec::new();
    for (content, source) in attributions(ann) {
        let (Some(s), Some(e)) = (content.iter().map(|x| x.0).min(), content.iter().map(|x| x.1).max()) else {
            continue;
        };
        let e = e.min(chars.len());
        if s >= e || !chars[s..e].iter().any(|c| matches!(c, '“' | '”' | '"')) {
            continue;
        }
        let source: Vec<(usize, usize)> = source.iter().map(|&(x, y)| (b(x), b(y))).collect();
        let mut i = s;
        while i < e {
            if matches!(chars[i], '“' | '"') {
                let mut j = i + 1;
                while j < e && !matches!(chars[j], '”' | '"') {
                    j += 1;
                }
                if j - i > 1 {
                    out.push(Gold { span: (b(i + 1), b(j.min(e))), source: source.clone() });
                }
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    out
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Read a PolNeAR split and capture each article's ranked quotes, matched to gold.
pub fn read(dir: &Path) -> Result<Vec<Doc>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("text"))
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".txt")).map(str::to_string))
        .collect();
    names.sort();
    let mut anns: Vec<String> = std::fs::read_dir(dir.join("attributions"))
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    anns.sort();
    let single = Options { single: true, ..Options::default() };
    let mut docs = Vec::new();
    for name in names {
        let Some(ann) = anns.iter().find(|a| a.starts_with(&format!("{name}_")) && a.ends_with(".ann")) else {
            continue;
        };
        let text = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt"))).map_err(|e| e.to_string())?;
        let ann = std::fs::read_to_string(dir.join("attributions").join(ann)).map_err(|e| e.to_string())?;
        let golds = gold(&text, &ann);
        let (_, ranked) =
            quotes_rank::with_model(BlockModel::from_bytes(&[]).unwrap_or_else(|_| unreachable!()), || {
                quotes_rank::capture(|| analyze(&text, &single))
            });
        let mut used = vec![false; golds.len()];
        let quotes = ranked
            .into_iter()
            .map(|q| {
                let inner = (q.start + 1, q.end.saturating_sub(1));
                let m = golds.iter().enumerate().find(|(i, g)| {
                    let o = overlap(g.span, inner);
                    !used[*i] && o > 0 && o * 2 >= (g.span.1 - g.span.0).max(inner.1 - inner.0)
                });
                let source = m.map(|(i, g)| {
                    used[i] = true;
                    g.source.clone()
                });
                (q, source)
            })
            .collect();
        docs.push(Doc { name, quotes });
    }
    Ok(docs)
}

/// One quote's candidates for the ranking fit: features, and whether each is the speaker.
struct Group {
    cands: Vec<(Vec<u64>, bool)>,
}

fn groups<'a>(docs: impl Iterator<Item = &'a Doc>) -> Vec<Group> {
    let mut out = Vec::new();
    for d in docs {
        for (q, source) in &d.quotes {
            let Some(source) = source.as_ref().filter(|s| !s.is_empty()) else { continue };
            let cands: Vec<(Vec<u64>, bool)> = q
                .candidates
                .iter()
                .map(|c| (c.feats.clone(), source.iter().any(|&s| overlap(s, (c.start, c.end)) > 0)))
                .collect();
            if cands.iter().any(|c| c.1) {
                out.push(Group { cands });
            }
        }
    }
    out
}

/// A conditional logit over each quote's candidates (softmax over the
/// candidates, the speaker's share of the probability maximised), by
/// AdaGrad with a small L2 penalty. The weight of a feature is stored as
/// class 1 of the block model's record (class 0 and 2 zero), so the
/// runtime's P(class 1) orders candidates as the fitted scores do.
fn fit_rank(groups: &[Group], epochs: usize, Rates { lr, l2 }: Rates) -> Weights {
    let mut w: HashMap<u64, f32> = HashMap::new();
    let mut g2: HashMap<u64, f32> = HashMap::new();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    let mut seed: u64 = 0x5eed;
    for _ in 0..epochs {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let g = &groups[k];
            let z: Vec<f32> =
                g.cands.iter().map(|(f, _)| f.iter().map(|h| w.get(h).copied().unwrap_or(0.0)).sum()).collect();
            let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let e: Vec<f32> = z.iter().map(|x| (x - m).exp()).collect();
            let sum: f32 = e.iter().sum();
            let pos = g.cands.iter().filter(|c| c.1).count() as f32;
            for ((f, hit), ei) in g.cands.iter().zip(&e) {
                let grad_c = ei / sum - if *hit { 1.0 / pos } else { 0.0 };
                for h in f {
                    let wf = w.entry(*h).or_insert(0.0);
                    let gr = grad_c + l2 * *wf;
                    let gf = g2.entry(*h).or_insert(0.0);
                    *gf += gr * gr;
                    *wf -= lr * gr / (gf.sqrt() + 1e-6);
                }
            }
        }
    }
    w.into_iter().map(|(h, x)| (h, [0.0, x, 0.0])).collect()
}

fn fold_of(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)) % FOLDS
}

fn examples<'a>(docs: impl Iterator<Item = &'a Doc>) -> Vec<Example> {
    let mut out = Vec::new();
    for d in docs {
        for (q, source) in &d.quotes {
            let Some(source) = source.as_ref().filter(|s| !s.is_empty()) else { continue };
            for c in &q.candidates {
                let hit = source.iter().any(|&s| overlap(s, (c.start, c.end)) > 0);
                out.push(Example { feats: c.feats.clone(), class: usize::from(hit) });
            }
        }
    }
    out
}

/// The ranker fitted on `docs`: a per-candidate logistic regression (the
/// choice on dev: 0.937 against 0.920 for the conditional logit, with
/// cross-validated train 0.898 against 0.900), or with `LEDE_SPEAKERS_RANK`
/// set a conditional logit over each quote's candidates.
fn fitted<'a>(docs: impl Iterator<Item = &'a Doc> + Clone, epochs: usize) -> Weights {
    if std::env::var_os("LEDE_SPEAKERS_RANK").is_some() {
        fit_rank(&groups(docs), epochs, RANK_RATES)
    } else {
        let ex = examples(docs);
        let refs: Vec<&Example> = ex.iter().collect();
        // Only the log-odds of class 1 against 0 is kept: class 2 is never a label.
        fit(&refs, epochs, RATES).into_iter().map(|(h, x)| (h, [0.0, x[1] - x[0], 0.0])).collect()
    }
}

/// A candidate's score: P(the speaker) from the log-odds in class 1.
fn score(w: &Weights, feats: &[u64]) -> f32 {
    let p = probs(w, feats);
    p[1] / (p[0] + p[1])
}

/// The runtime's bar for a quote the cascade left without a speaker
/// (`LEDE_ASSIGN_MIN` tries another on the trainer's figures).
fn assign_min() -> f32 {
    std::env::var("LEDE_ASSIGN_MIN").ok().and_then(|v| v.parse().ok()).unwrap_or(ASSIGN_MIN)
}

/// The speaker the runtime would choose with weights `w` (none: the cascade's).
fn choose(q: &RankedQuote, w: Option<&Weights>) -> Option<(usize, usize)> {
    let cascade = q.candidates.iter().find(|c| c.cascade);
    let Some(w) = w else { return cascade.map(|c| (c.start, c.end)) };
    let scored: Vec<f32> = q.candidates.iter().map(|c| score(w, &c.feats)).collect();
    let best = (0..scored.len()).max_by(|&a, &b| scored[a].total_cmp(&scored[b]))?;
    let c = &q.candidates[best];
    match q.candidates.iter().position(|c| c.cascade) {
        Some(ci) if !c.cascade && scored[best] > scored[ci] => Some((c.start, c.end)),
        Some(ci) => Some((q.candidates[ci].start, q.candidates[ci].end)),
        None => (scored[best] >= assign_min()).then_some((c.start, c.end)),
    }
}

/// (right, scored) over the matched quotes whose gold has a Source (only
/// direct or only partial quotes when `LEDE_SPEAKERS_KIND` says so).
fn accuracy<'a>(docs: impl Iterator<Item = &'a Doc>, w: Option<&Weights>) -> (usize, usize) {
    let (mut right, mut n) = (0, 0);
    let kind = std::env::var("LEDE_SPEAKERS_KIND").unwrap_or_default();
    for d in docs {
        for (q, source) in &d.quotes {
            let Some(source) = source.as_ref().filter(|s| !s.is_empty()) else { continue };
            if kind == "direct" && !q.direct || kind == "partial" && q.direct {
                continue;
            }
            n += 1;
            if choose(q, w).is_some_and(|sp| source.iter().any(|&s| overlap(s, sp) > 0)) {
                right += 1;
            }
        }
    }
    (right, n)
}

/// (quotes where some candidate overlaps the Source, scored quotes), and
/// the same for quotes the ranker looked at at all.
fn coverage<'a>(docs: impl Iterator<Item = &'a Doc>) -> (usize, usize) {
    let (mut some, mut n) = (0, 0);
    for d in docs {
        for (q, source) in &d.quotes {
            let Some(source) = source.as_ref().filter(|s| !s.is_empty()) else { continue };
            n += 1;
            if q.candidates.iter().any(|c| source.iter().any(|&s| overlap(s, (c.start, c.end)) > 0)) {
                some += 1;
            }
        }
    }
    (some, n)
}

/// Print the misses of a fold's ranker on its held-out articles.
fn print_misses<'a>(docs: impl Iterator<Item = &'a Doc>, w: &Weights, texts: &HashMap<String, String>, limit: usize) {
    let mut shown = 0;
    for d in docs {
        let Some(text) = texts.get(&d.name) else { continue };
        for (q, source) in &d.quotes {
            let Some(source) = source.as_ref().filter(|s| !s.is_empty()) else { continue };
            let got = choose(q, Some(w));
            if got.is_some_and(|sp| source.iter().any(|&s| overlap(s, sp) > 0)) {
                continue;
            }
            shown += 1;
            if shown > limit {
                return;
            }
            let cut = |a: usize, b: usize| text.get(a..b).unwrap_or("?").replace('\n', " ");
            let mut lo = q.start.saturating_sub(200);
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (q.end + 150).min(text.len());
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            println!("--- {} quote {:?}", d.name, cut(q.start, q.end.min(q.start + 80)));
            println!("    context: …{}…", cut(lo, hi));
            println!(
                "    gold: {:?}  got: {:?}",
                source.iter().map(|&(a, b)| cut(a, b)).collect::<Vec<_>>(),
                got.map(|(a, b)| cut(a, b))
            );
            let mut cs: Vec<(f32, &quotes_rank::SpeakerCandidate)> =
                q.candidates.iter().map(|c| (score(w, &c.feats), c)).collect();
            cs.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (p, c) in cs.iter().take(5) {
                let hit = source.iter().any(|&s| overlap(s, (c.start, c.end)) > 0);
                println!(
                    "      {p:.2} {}{} {:?}",
                    if hit { "*" } else { " " },
                    if c.cascade { "C" } else { " " },
                    cut(c.start, c.end)
                );
            }
        }
    }
}

/// The fitted weights as the model file keeps them (pruned).
fn weights_of(m: &BlockModel, w: &Weights) -> Weights {
    w.iter().filter(|(h, _)| m.probs(&[**h]) != m.probs(&[])).map(|(h, x)| (*h, *x)).collect()
}

fn share((r, n): (usize, usize)) -> String {
    format!("{:.3} ({r}/{n})", r as f64 / n.max(1) as f64)
}

pub fn train(shared: &Path, out: Option<&Path>, epochs: usize, prune: f32, misses: usize) -> Result<(), String> {
    let data = shared.join("data/polnear");
    eprintln!("reading PolNeAR train and dev (the cascade's candidates)…");
    let train = read(&data.join("train"))?;
    let dev = read(&data.join("dev"))?;
    // Cross-validation on train: fit on four folds, score the fifth.
    let (mut cv, mut base) = ((0, 0), (0, 0));
    for k in 0..FOLDS {
        let w = fitted(train.iter().filter(|d| fold_of(&d.name) != k), epochs);
        let held = || train.iter().filter(|d| fold_of(&d.name) == k);
        let a = accuracy(held(), Some(&w));
        let b = accuracy(held(), None);
        cv = (cv.0 + a.0, cv.1 + a.1);
        base = (base.0 + b.0, base.1 + b.1);
    }
    if misses > 0 {
        let texts: HashMap<String, String> = train
            .iter()
            .filter(|d| fold_of(&d.name) == 0)
            .filter_map(|d| {
                std::fs::read_to_string(data.join("train/text").join(format!("{}.txt", d.name)))
                    .ok()
                    .map(|t| (d.name.clone(), t))
            })
            .collect();
        let w = fitted(train.iter().filter(|d| fold_of(&d.name) != 0), epochs);
        print_misses(train.iter().filter(|d| fold_of(&d.name) == 0), &w, &texts, misses);
        return Ok(());
    }
    println!(
        "a candidate overlaps the gold speaker: train {}, dev {}",
        share(coverage(train.iter())),
        share(coverage(dev.iter()))
    );
    let ex = examples(train.iter());
    let w = fitted(train.iter(), epochs);
    let bytes = model_bytes(&w, prune);
    let w = BlockModel::from_bytes(&bytes).map(|m| weights_of(&m, &w)).unwrap_or(w);
    println!(
        "speaker ranker: {} candidates from {} train articles; model {} features, {} bytes",
        ex.len(),
        train.len(),
        bytes.len() / 10,
        bytes.len()
    );
    println!("matched quotes with a gold Source, speaker right (the scorer's overlap):");
    println!("  train, 5-fold cross-validated: ranker {}  cascade alone {}", share(cv), share(base));
    println!(
        "  dev (fitted on all of train):  ranker {}  cascade alone {}",
        share(accuracy(dev.iter(), Some(&w))),
        share(accuracy(dev.iter(), None))
    );
    let mut top: Vec<(f32, u64)> = w.iter().map(|(h, x)| (x[1] - x[0], *h)).collect();
    top.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let names: HashMap<u64, String> = train
        .iter()
        .flat_map(|d| d.quotes.iter())
        .flat_map(|(q, _)| q.candidates.iter())
        .flat_map(|c| c.names.iter().zip(&c.feats).map(|(n, h)| (*h, n.clone())))
        .collect();
    println!("the 30 strongest features (log-odds of being the speaker):");
    for (x, h) in top.iter().take(30) {
        println!("  {x:+6.2}  {}", names.get(h).map(String::as_str).unwrap_or("?"));
    }
    if let Some(out) = out {
        std::fs::write(out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!("wrote {}", out.display());
    }
    Ok(())
}
