//! The fitted part of block classification: a multinomial logistic
//! regression over the shape of each line and of its neighbours, trained on
//! the block labels of L3S-GN1 (`cargo xtask train-segment`, which writes
//! `models/segment.tsv`). It gives each line a probability of being body,
//! headline or page furniture; `segment::classify` weighs it with its rules.
//!
//! Features are hashed names (FNV-1a) so that the trainer and this module
//! agree without a shared table: the trainer calls [`line_features`] too.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// Classes, in the order of the weights in the model file.
pub const BODY: usize = 0;
pub const HEADLINE: usize = 1;
pub const FURNITURE: usize = 2;
pub const CLASSES: usize = 3;

/// The model's text: one feature a line, `hash<TAB>w_body<TAB>w_headline<TAB>w_furniture`.
const MODEL_TSV: &str = include_str!("../models/segment.tsv");

/// Keys here are FNV hashes already: hashing them again would be waste.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

#[derive(Clone)]
pub struct BlockModel {
    weights: IdMap<[f32; CLASSES]>,
}

impl BlockModel {
    /// Parse the model text; lines that do not parse are an error.
    pub fn parse(tsv: &str) -> Result<Self, String> {
        let mut weights = IdMap::default();
        for (i, line) in tsv.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let bad = || format!("segment model line {}: {line:?}", i + 1);
            let h = u64::from_str_radix(parts.next().ok_or_else(bad)?, 16).map_err(|_| bad())?;
            let mut w = [0f32; CLASSES];
            for x in &mut w {
                *x = parts.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
            }
            weights.insert(h, w);
        }
        Ok(Self { weights })
    }

    /// The committed model, parsed once.
    pub fn get() -> Option<&'static BlockModel> {
        static MODEL: OnceLock<Option<BlockModel>> = OnceLock::new();
        MODEL.get_or_init(|| BlockModel::parse(MODEL_TSV).ok()).as_ref()
    }

    /// Run `f` with the model in use: one set by [`with_model`] on this
    /// thread, else the committed one (none if it is empty).
    pub fn using<R>(f: impl FnOnce(Option<&BlockModel>) -> R) -> R {
        OVERRIDE.with(|o| match &*o.borrow() {
            Some(m) => f(Some(m)),
            None => f(Self::get().filter(|m| !m.is_empty())),
        })
    }
}

thread_local! {
    static OVERRIDE: std::cell::RefCell<Option<std::rc::Rc<BlockModel>>> = const { std::cell::RefCell::new(None) };
}

/// Analyse with another block model on this thread: for scoring a model
/// on pages it was not fitted on (`cargo xtask eval-segment`).
pub fn with_model<R>(model: BlockModel, f: impl FnOnce() -> R) -> R {
    OVERRIDE.with(|o| *o.borrow_mut() = Some(std::rc::Rc::new(model)));
    let r = f();
    OVERRIDE.with(|o| *o.borrow_mut() = None);
    r
}

impl BlockModel {
    /// Class probabilities for one line's features.
    pub fn probs(&self, feats: &[u64]) -> [f32; CLASSES] {
        let mut z = [0f32; CLASSES];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for c in 0..CLASSES {
                    z[c] += w[c];
                }
            }
        }
        softmax(z)
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

pub fn softmax(z: [f32; CLASSES]) -> [f32; CLASSES] {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e = z.map(|x| (x - m).exp());
    let s: f32 = e.iter().sum();
    e.map(|x| x / s)
}

/// FNV-1a of a feature name.
pub fn hash(name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What the features look at in one line.
#[derive(Clone, Copy, Default)]
pub struct LineShape {
    pub words: usize,
    pub title_ratio: f32,
    pub stop_ratio: f32,
    /// '.', '!', '?', ':', '…' or 'n' (none) at the end.
    pub end: char,
    pub link: bool,
    pub handle: bool,
    pub digit_ratio: f32,
    pub commas: usize,
    pub pipes: bool,
    pub furniture: Option<&'static str>,
    pub relative_time: bool,
    pub starts_by: bool,
    pub starts_dash: bool,
    pub quote: bool,
}

fn words_bucket(n: usize) -> &'static str {
    match n {
        0 | 1 => "1",
        2 => "2",
        3 => "3",
        4 => "4",
        5 | 6 => "5-6",
        7..=9 => "7-9",
        10..=14 => "10-14",
        15..=24 => "15-24",
        25..=39 => "25-39",
        _ => "40+",
    }
}

fn ratio_bucket(r: f32) -> u8 {
    (r * 5.0).floor().clamp(0.0, 4.0) as u8
}

/// Hashed features of each line, given the shape of every line and each
/// line's text (for repetition on the page). `out` gets one vector a line.
pub fn line_features(shapes: &[LineShape], texts: &[&str], out: &mut Vec<Vec<u64>>) {
    let n = shapes.len();
    // Runs of short lines without a sentence end (lists of links, menus).
    let short = |s: &LineShape| s.words < 12 && !matches!(s.end, '.' | '!' | '?');
    let mut run = vec![0usize; n];
    let mut i = 0;
    while i < n {
        if short(&shapes[i]) {
            let j = (i..n).find(|&j| !short(&shapes[j])).unwrap_or(n);
            for r in &mut run[i..j] {
                *r = j - i;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let mut seen: IdMap<usize> = IdMap::default();
    for t in texts {
        *seen.entry(hash(t.trim())).or_default() += 1;
    }
    let mut name = String::new();
    out.clear();
    for i in 0..n {
        let mut f = Vec::with_capacity(40);
        let mut add = |name: &mut String| {
            f.push(hash(name));
            name.clear();
        };
        let s = &shapes[i];
        let wb = words_bucket(s.words);
        let _ = write!(name, "bias");
        add(&mut name);
        let _ = write!(name, "w={wb}");
        add(&mut name);
        let _ = write!(name, "end={}", s.end);
        add(&mut name);
        let _ = write!(name, "w={wb}|end={}", s.end);
        add(&mut name);
        let _ = write!(name, "title={}", ratio_bucket(s.title_ratio));
        add(&mut name);
        let _ = write!(name, "stop={}", ratio_bucket(s.stop_ratio));
        add(&mut name);
        let _ = write!(name, "title={}|stop={}", ratio_bucket(s.title_ratio), ratio_bucket(s.stop_ratio));
        add(&mut name);
        let _ = write!(name, "w={wb}|title={}", ratio_bucket(s.title_ratio));
        add(&mut name);
        let _ = write!(name, "digits={}", ratio_bucket(s.digit_ratio));
        add(&mut name);
        let _ = write!(name, "commas={}", s.commas.min(4));
        add(&mut name);
        for (flag, label) in [
            (s.link, "link"),
            (s.handle, "handle"),
            (s.pipes, "pipes"),
            (s.relative_time, "reltime"),
            (s.starts_by, "by"),
            (s.starts_dash, "dash"),
            (s.quote, "quote"),
        ] {
            if flag {
                let _ = write!(name, "{label}");
                add(&mut name);
            }
        }
        if let Some(k) = s.furniture {
            let _ = write!(name, "furniture={k}");
            add(&mut name);
        }
        let r = match run[i] {
            0 => "0",
            1 => "1",
            2 => "2",
            3 => "3",
            4..=6 => "4-6",
            _ => "7+",
        };
        let _ = write!(name, "run={r}");
        add(&mut name);
        let _ = write!(name, "run={r}|w={wb}");
        add(&mut name);
        let repeated = seen.get(&hash(texts[i].trim())).copied().unwrap_or(0) > 1;
        if repeated {
            let _ = write!(name, "repeated");
            add(&mut name);
        }
        // (No feature of the place on the page: L3S pages open and close
        // with site chrome, a pasted story need not.)
        // Neighbours, one and two lines away.
        for (d, tag) in [(-2i64, "p2"), (-1, "p1"), (1, "n1"), (2, "n2")] {
            let j = i as i64 + d;
            if j < 0 || j >= n as i64 {
                continue;
            }
            let o = &shapes[j as usize];
            let _ = write!(name, "{tag}:w={}", words_bucket(o.words));
            add(&mut name);
            let _ = write!(name, "{tag}:end={}", o.end);
            add(&mut name);
            if d.abs() == 1 {
                let _ = write!(name, "{tag}:title={}", ratio_bucket(o.title_ratio));
                add(&mut name);
                let _ = write!(name, "{tag}:w={}|w={wb}", words_bucket(o.words));
                add(&mut name);
                if let Some(k) = o.furniture {
                    let _ = write!(name, "{tag}:furniture={k}");
                    add(&mut name);
                }
            }
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses_and_gives_probabilities() {
        let m = BlockModel::get().expect("models/segment.tsv parses");
        assert!(m.len() > 100, "{} features", m.len());
        let p = m.probs(&[hash("bias"), hash("w=3"), hash("end=n")]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5, "{p:?}");
        // Unknown features leave the classes even.
        let even = m.probs(&[hash("no such feature")]);
        assert!(even.iter().all(|&x| (x - 1.0 / 3.0).abs() < 1e-6), "{even:?}");
    }

    #[test]
    fn a_bad_model_line_is_an_error() {
        assert!(BlockModel::parse("# comment\n00ff\t0.1\t0.2\t0.3\n").is_ok());
        assert!(BlockModel::parse("zz\t0.1\t0.2\t0.3\n").is_err());
        assert!(BlockModel::parse("00ff\t0.1\t0.2\n").is_err());
        assert!(BlockModel::parse("00ff\t0.1\tx\t0.3\n").is_err());
    }

    #[test]
    fn neighbours_and_runs_change_the_features() {
        let shapes = [LineShape { words: 5, end: 'n', ..LineShape::default() }; 3];
        let mut out = Vec::new();
        line_features(&shapes, &["a", "b", "c"], &mut out);
        assert_eq!(out.len(), 3);
        // The middle line has neighbours on both sides: more features.
        assert!(out[1].len() > out[0].len());
        assert!(out[1].contains(&hash("run=3")));
        line_features(&shapes[..1], &["a"], &mut out);
        assert!(out[0].contains(&hash("run=1")));
    }
}
