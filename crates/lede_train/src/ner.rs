//! Averaged structured perceptron for the entity tagger.

use std::collections::HashMap;

use lede_core::ner::{self, features, Model, TokenInfo, GAZ_LOC, GAZ_MISC, GAZ_ORG, GAZ_PER, N_LABELS};

use crate::conll::{self, Sentence};

pub struct Config {
    pub train: String,
    pub dev: String,
    pub out: String,
    pub epochs: usize,
    pub seed: u64,
    /// Features whose largest absolute averaged weight is at most this are pruned.
    pub min_weight: f32,
    /// The data folder whose unlabelled text gives word classes (none: no classes).
    pub unlabelled: Option<std::path::PathBuf>,
    pub classes: usize,
}

/// Word classes from unlabelled text: digit-normalised lowercase word key → class.
fn word_classes(cfg: &Config) -> Result<HashMap<u32, u8>, String> {
    let Some(data) = &cfg.unlabelled else {
        return Ok(HashMap::new());
    };
    let lines = crate::unlabelled::lines(data)?;
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let keyed: Vec<Vec<u32>> = lines
        .iter()
        .map(|l| lede_core::words(l).iter().map(|w| ner::key(features::hash_digits_normalised(w))).collect())
        .collect();
    for k in keyed.iter().flatten() {
        *counts.entry(*k).or_default() += 1;
    }
    let mut vocab: Vec<(u32, u32)> = counts.into_iter().filter(|&(_, n)| n >= 5).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let id: HashMap<u32, u32> = vocab.iter().enumerate().map(|(i, &(k, _))| (k, i as u32)).collect();
    let n = vocab.len();
    let sents: Vec<Vec<u32>> =
        keyed.iter().map(|s| s.iter().map(|k| id.get(k).copied().unwrap_or(n as u32)).collect()).collect();
    eprintln!(
        "clusters: {} lines, {} words, {n} word types of count >= 5",
        lines.len(),
        keyed.iter().map(Vec::len).sum::<usize>()
    );
    let class = crate::clusters::exchange(&sents, n, cfg.classes.min(255), 8);
    Ok(vocab.iter().zip(class).map(|(&(k, _), c)| (k, c as u8)).collect())
}

/// Deterministic xorshift for shuffling.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Word → gazetteer bits, from the entities of some sentences: a word gets
/// the bit of a type when it occurs in entities of that type often enough,
/// and only when most of its occurrences are inside entities at all.
fn build_gaz<'a>(sents: impl Iterator<Item = &'a Sentence>) -> HashMap<u32, u8> {
    let mut total: HashMap<u32, u32> = HashMap::new();
    let mut typed: HashMap<u32, [u32; 4]> = HashMap::new();
    for s in sents {
        for (w, &l) in s.words.iter().zip(&s.labels) {
            let k = ner::key(features::hash_lower(w));
            *total.entry(k).or_default() += 1;
            if l > 0 {
                typed.entry(k).or_default()[(l - 1) / 2] += 1;
            }
        }
    }
    let bits = [GAZ_PER, GAZ_ORG, GAZ_LOC, GAZ_MISC];
    let mut out = HashMap::new();
    for (k, counts) in typed {
        let any: u32 = counts.iter().sum();
        if any * 2 < total[&k] {
            continue;
        }
        let mut b = 0u8;
        for t in 0..4 {
            if counts[t] * 10 >= any * 3 {
                b |= bits[t];
            }
        }
        if b != 0 {
            out.insert(k, b);
        }
    }
    out
}

fn sentence_features(words: &[String], gaz: &HashMap<u32, u8>, classes: &HashMap<u32, u8>) -> Vec<Vec<u64>> {
    let mut infos: Vec<TokenInfo> = words
        .iter()
        .map(|w| {
            let g = gaz.get(&ner::key(features::hash_lower(w))).copied().unwrap_or(0);
            let c = classes.get(&ner::key(features::hash_digits_normalised(w))).map(|&c| u16::from(c) + 1).unwrap_or(0);
            TokenInfo::new(w, g, c)
        })
        .collect();
    features::mark_sentences(&mut infos, &[0]);
    (0..words.len())
        .map(|i| {
            let mut f = Vec::with_capacity(48);
            ner::token_features(&infos, i, &mut f);
            f
        })
        .collect()
}

/// Chunk-level F1 of predicted against gold label paths.
fn f1(gold: &[Vec<usize>], pred: &[Vec<usize>]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        let gs = ner::spans(g);
        let ps = ner::spans(p);
        ng += gs.len();
        np += ps.len();
        tp += ps.iter().filter(|s| gs.contains(s)).count();
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
}

type Row = [f32; N_LABELS];

fn decode(feats: &[Vec<u32>], w: &[Row], trans: &[f32]) -> Vec<usize> {
    let em: Vec<Row> = feats
        .iter()
        .map(|fs| {
            let mut s = [0f32; N_LABELS];
            for &f in fs {
                for (a, b) in s.iter_mut().zip(&w[f as usize]) {
                    *a += b;
                }
            }
            s
        })
        .collect();
    ner::viterbi(&em, trans)
}

pub fn train(cfg: &Config) -> Result<(), String> {
    let train = conll::read(&cfg.train)?;
    let dev = conll::read(&cfg.dev)?;
    eprintln!("train: {} sentences; dev: {} sentences", train.len(), dev.len());
    let model = train_model(&train, &dev, cfg)?;
    let bytes = model.to_bytes();
    std::fs::write(&cfg.out, &bytes).map_err(|e| format!("cannot write {}: {e}", cfg.out))?;
    eprintln!("wrote {} ({} bytes)", cfg.out, bytes.len());
    Ok(())
}

/// Train on `train`, choose the epoch on `dev`, prune and quantise.
pub fn train_model(train: &[Sentence], dev: &[Sentence], cfg: &Config) -> Result<Model, String> {
    // Gazetteers: the model's from all training data; the training features'
    // from the other half of the documents, so the model learns how far to
    // trust a gazetteer that, as on new text, knows only some names.
    let classes = word_classes(cfg)?;
    let gaz_full = build_gaz(train.iter());
    let gaz_half =
        [build_gaz(train.iter().filter(|s| s.doc % 2 == 1)), build_gaz(train.iter().filter(|s| s.doc % 2 == 0))];

    let train_raw: Vec<Vec<Vec<u64>>> =
        train.iter().map(|s| sentence_features(&s.words, &gaz_half[s.doc % 2], &classes)).collect();
    // Keep features seen at least twice (first-seen order: deterministic).
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for f in train_raw.iter().flatten().flatten() {
        *counts.entry(*f).or_default() += 1;
    }
    let mut index: HashMap<u64, u32> = HashMap::new();
    let mut hashes: Vec<u64> = Vec::new();
    let train_feats: Vec<Vec<Vec<u32>>> = train_raw
        .iter()
        .map(|s| {
            s.iter()
                .map(|fs| {
                    fs.iter()
                        .filter(|f| counts[f] >= 2)
                        .map(|f| {
                            *index.entry(*f).or_insert_with(|| {
                                hashes.push(*f);
                                (hashes.len() - 1) as u32
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    drop(train_raw);
    let dev_feats: Vec<Vec<Vec<u32>>> = dev
        .iter()
        .map(|s| {
            sentence_features(&s.words, &gaz_full, &classes)
                .iter()
                .map(|fs| fs.iter().filter_map(|f| index.get(f).copied()).collect())
                .collect()
        })
        .collect();
    let nf = hashes.len();
    eprintln!("features: {nf}");

    let nt = (N_LABELS + 1) * N_LABELS;
    let mut w = vec![[0f32; N_LABELS]; nf];
    let mut u = vec![[0f32; N_LABELS]; nf];
    let mut tw = vec![0f32; nt];
    let mut tu = vec![0f32; nt];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(cfg.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let dev_gold: Vec<Vec<usize>> = dev.iter().map(|s| s.labels.clone()).collect();
    let mut best: Option<(f64, usize, Vec<Row>, Vec<f32>)> = None;

    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0usize;
        for &si in &order {
            let feats = &train_feats[si];
            let gold = &train[si].labels;
            // Transition constraints are enforced by `allowed` inside viterbi;
            // the learned transition scores live in tw.
            let pred = decode(feats, &w, &tw);
            if pred != *gold {
                mistakes += 1;
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    let gp = if i == 0 { 0 } else { gold[i - 1] + 1 };
                    let pp = if i == 0 { 0 } else { pred[i - 1] + 1 };
                    if g != p {
                        for &f in &feats[i] {
                            w[f as usize][g] += 1.0;
                            u[f as usize][g] += c;
                            w[f as usize][p] -= 1.0;
                            u[f as usize][p] -= c;
                        }
                    }
                    if g != p || gp != pp {
                        tw[gp * N_LABELS + g] += 1.0;
                        tu[gp * N_LABELS + g] += c;
                        tw[pp * N_LABELS + p] -= 1.0;
                        tu[pp * N_LABELS + p] -= c;
                    }
                }
            }
            c += 1.0;
        }
        let avg: Vec<Row> = w
            .iter()
            .zip(&u)
            .map(|(a, b)| {
                let mut r = [0f32; N_LABELS];
                for k in 0..N_LABELS {
                    r[k] = a[k] - b[k] / c;
                }
                r
            })
            .collect();
        let tavg: Vec<f32> = tw.iter().zip(&tu).map(|(a, b)| a - b / c).collect();
        let pred: Vec<Vec<usize>> = dev_feats.iter().map(|f| decode(f, &avg, &tavg)).collect();
        let (p, r, f) = f1(&dev_gold, &pred);
        eprintln!(
            "epoch {epoch}: {mistakes} sentences wrong; dev P {:.2} R {:.2} F1 {:.2}",
            p * 100.0,
            r * 100.0,
            f * 100.0
        );
        if best.as_ref().map(|b| f > b.0).unwrap_or(true) {
            best = Some((f, epoch, avg, tavg));
        }
    }
    let (bf, be, avg, tavg) = best.ok_or("no epochs run")?;
    eprintln!("best epoch {be}: dev F1 {:.2}", bf * 100.0);

    // Prune, merge 32-bit key collisions, quantise.
    let mut rows: Vec<(u32, Row)> = Vec::new();
    for (h, row) in hashes.iter().zip(&avg) {
        let m = row.iter().fold(0f32, |a, &b| a.max(b.abs()));
        if m > cfg.min_weight {
            rows.push((ner::key(*h), *row));
        }
    }
    rows.sort_by_key(|r| r.0);
    let mut merged: Vec<(u32, Row)> = Vec::with_capacity(rows.len());
    for (k, r) in rows {
        match merged.last_mut() {
            Some(last) if last.0 == k => {
                for (a, b) in last.1.iter_mut().zip(r) {
                    *a += b;
                }
            }
            _ => merged.push((k, r)),
        }
    }
    let maxabs = merged.iter().flat_map(|r| r.1).fold(0f32, |a, b| a.max(b.abs())).max(1e-6);
    let scale = maxabs / 127.0;
    let mut gaz: Vec<(u32, u8)> = gaz_full.into_iter().collect();
    gaz.sort_unstable();
    let model = Model::new(
        tavg,
        merged.iter().map(|r| r.0).collect(),
        merged.iter().flat_map(|r| r.1.map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)).collect(),
        scale,
        (gaz.iter().map(|g| g.0).collect(), gaz.iter().map(|g| g.1).collect()),
        {
            let mut cl: Vec<(u32, u8)> = classes.into_iter().collect();
            cl.sort_unstable();
            (cl.iter().map(|c| c.0).collect(), cl.iter().map(|c| c.1).collect())
        },
    );

    // Check the shipped model through the runtime path.
    let pred: Vec<Vec<usize>> =
        dev.iter().map(|s| model.tag(&s.words.iter().map(String::as_str).collect::<Vec<_>>())).collect();
    let (p, r, f) = f1(&dev_gold, &pred);
    let bytes = model.to_bytes();
    eprintln!(
        "model: {} features, {} gazetteer words, {} bytes; dev (quantised, runtime path) P {:.2} R {:.2} F1 {:.2}",
        model.keys.len(),
        model.gaz_keys.len(),
        bytes.len(),
        p * 100.0,
        r * 100.0,
        f * 100.0
    );
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_data_and_seed_give_the_same_model_bytes() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/conll2003/eng.train");
        if !std::path::Path::new(path).exists() {
            println!("skipped: ../shared not found");
            return;
        }
        let all = conll::read(path).expect("read");
        let (train, dev) = (&all[..600], &all[600..800]);
        let cfg = Config {
            train: String::new(),
            dev: String::new(),
            out: String::new(),
            epochs: 2,
            seed: 7,
            min_weight: 0.0,
            unlabelled: None,
            classes: 0,
        };
        let a = train_model(train, dev, &cfg).expect("train").to_bytes();
        let b = train_model(train, dev, &cfg).expect("train").to_bytes();
        assert!(a.len() > 1000);
        assert_eq!(a, b);
        let other = Config { seed: 8, ..cfg };
        assert_ne!(a, train_model(train, dev, &other).expect("train").to_bytes(), "the seed matters");
    }
}
