//! The fitted part of block classification: a multinomial logistic
//! regression over the shape of each line and of its neighbours, trained on
//! the block labels of L3S-GN1 (`cargo xtask train-segment`, which writes
//! `models/segment.bin`). It gives each line a probability of being body,
//! headline or page furniture; `segment::classify` weighs it with its rules.
//!
//! Features are hashed names (FNV-1a) so that the trainer and this module
//! agree without a shared table: the trainer calls [`line_features`] too.

use std::sync::OnceLock;

/// Classes, in the order of the weights in the model file.
pub const BODY: usize = 0;
pub const HEADLINE: usize = 1;
pub const FURNITURE: usize = 2;
pub const CLASSES: usize = 3;

/// The model: one record a feature, its key (u32, see [`key`]) and its
/// weights for body, headline and furniture (i16, thousandths), all
/// little-endian, sorted by key.
const MODEL_BIN: &[u8] = include_bytes!("../../models/segment.bin");

/// Bytes of one record in the model file.
pub const RECORD: usize = 4 + 2 * CLASSES;

#[derive(Clone)]
pub struct BlockModel {
    /// Sorted by key (the folded feature hash), for binary search.
    weights: Vec<(u32, [f32; CLASSES])>,
}

/// A feature's key in the model file: its 64-bit hash folded to 32 bits.
pub fn key(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

impl BlockModel {
    /// Read a model file; a length that is not whole records is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() % RECORD != 0 {
            return Err(format!("segment model: {} bytes is not a whole number of {RECORD}-byte records", bytes.len()));
        }
        let mut weights = Vec::with_capacity(bytes.len() / RECORD);
        for r in bytes.chunks_exact(RECORD) {
            let mut w = [0f32; CLASSES];
            for (c, x) in w.iter_mut().enumerate() {
                *x = f32::from(i16::from_le_bytes([r[4 + 2 * c], r[5 + 2 * c]])) / 1000.0;
            }
            weights.push((u32::from_le_bytes([r[0], r[1], r[2], r[3]]), w));
        }
        weights.sort_by_key(|r| r.0);
        Ok(Self { weights })
    }

    /// The model file for these weights (features sorted), as the trainer writes it.
    pub fn to_bytes(weights: &[(u64, [f32; CLASSES])]) -> Vec<u8> {
        let mut rows: Vec<(u32, [f32; CLASSES])> = weights.iter().map(|(h, w)| (key(*h), *w)).collect();
        rows.sort_by_key(|r| r.0);
        let mut out = Vec::with_capacity(rows.len() * RECORD);
        for (k, w) in rows {
            out.extend_from_slice(&k.to_le_bytes());
            for x in w {
                out.extend_from_slice(&((x * 1000.0).round().clamp(-32768.0, 32767.0) as i16).to_le_bytes());
            }
        }
        out
    }

    /// The committed model, parsed once.
    pub fn get() -> Option<&'static BlockModel> {
        static MODEL: OnceLock<Option<BlockModel>> = OnceLock::new();
        MODEL.get_or_init(|| BlockModel::from_bytes(MODEL_BIN).ok()).as_ref()
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
            let k = key(*f);
            if let Ok(i) = self.weights.binary_search_by_key(&k, |r| r.0) {
                for (zc, w) in z.iter_mut().zip(self.weights[i].1) {
                    *zc += w;
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
    hash_parts(&[name])
}

/// FNV-1a of the parts run together (a name without building it).
pub fn hash_parts(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.bytes()) {
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

const DIGITS: [&str; 5] = ["0", "1", "2", "3", "4"];

fn end_str(c: char) -> &'static str {
    match c {
        '.' => ".",
        '!' => "!",
        '?' => "?",
        ':' => ":",
        '…' => "…",
        _ => "n",
    }
}

/// The length of the run of short lines without a sentence end (lists of
/// links, menus) that each line is in; 0 outside one.
fn short_runs(shapes: &[LineShape]) -> Vec<usize> {
    let n = shapes.len();
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
    run
}

/// A feature's twin for text that comes from a web page's HTML: the model
/// learns what holds for both inputs on the plain features, and what
/// differs on HTML on the twins (feature augmentation, Daumé 2007).
pub fn web_twin(h: u64) -> u64 {
    (h ^ 0x9e37_79b9_7f4a_7c15).rotate_left(17)
}

/// Hashed features of each line, given the shape of every line and each
/// line's text (for repetition on the page), with their [`web_twin`]s when
/// the text is a web page's. `out` gets one vector a line.
pub fn line_features(shapes: &[LineShape], texts: &[&str], web: bool, out: &mut Vec<Vec<u64>>) {
    let run = short_runs(shapes);
    // Lines that occur more than once on the page (sorted hashes).
    let mut seen: Vec<u64> = texts.iter().map(|t| hash(t.trim())).collect();
    seen.sort_unstable();
    let repeated = |h: u64| {
        let i = seen.partition_point(|&x| x < h);
        seen.get(i + 1) == Some(&h)
    };
    out.clear();
    for i in 0..shapes.len() {
        let mut f = Vec::with_capacity(40);
        // A feature's hash is the FNV-1a of its name, the parts run together.
        let mut add = |parts: &[&str]| f.push(hash_parts(parts));
        own_features(&shapes[i], run[i], &mut add);
        if repeated(hash(texts[i].trim())) {
            add(&["repeated"]);
        }
        // (No feature of the place on the page: L3S pages open and close
        // with site chrome, a pasted story need not.)
        neighbour_features(shapes, i, &mut add);
        if web {
            let twins: Vec<u64> = f.iter().map(|&h| web_twin(h)).collect();
            f.extend(twins);
        }
        out.push(f);
    }
}

/// A line's own features: its size, ending, capitals, stop words, flags and run.
fn own_features(s: &LineShape, run: usize, add: &mut impl FnMut(&[&str])) {
    let wb = words_bucket(s.words);
    let end = end_str(s.end);
    let title = DIGITS[usize::from(ratio_bucket(s.title_ratio))];
    let stop = DIGITS[usize::from(ratio_bucket(s.stop_ratio))];
    add(&["bias"]);
    add(&["w=", wb]);
    add(&["end=", end]);
    add(&["w=", wb, "|end=", end]);
    add(&["title=", title]);
    add(&["stop=", stop]);
    add(&["title=", title, "|stop=", stop]);
    add(&["w=", wb, "|title=", title]);
    add(&["digits=", DIGITS[usize::from(ratio_bucket(s.digit_ratio))]]);
    add(&["commas=", DIGITS[s.commas.min(4)]]);
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
            add(&[label]);
        }
    }
    if let Some(k) = s.furniture {
        add(&["furniture=", k]);
    }
    let r = match run {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        _ => "7+",
    };
    add(&["run=", r]);
    add(&["run=", r, "|w=", wb]);
}

/// The neighbours' features, one and two lines away.
fn neighbour_features(shapes: &[LineShape], i: usize, add: &mut impl FnMut(&[&str])) {
    let wb = words_bucket(shapes[i].words);
    for (d, tag) in [(-2i64, "p2"), (-1, "p1"), (1, "n1"), (2, "n2")] {
        let j = i as i64 + d;
        if j < 0 || j >= shapes.len() as i64 {
            continue;
        }
        let o = &shapes[j as usize];
        let ow = words_bucket(o.words);
        add(&[tag, ":w=", ow]);
        add(&[tag, ":end=", end_str(o.end)]);
        if d.abs() == 1 {
            add(&[tag, ":title=", DIGITS[usize::from(ratio_bucket(o.title_ratio))]]);
            add(&[tag, ":w=", ow, "|w=", wb]);
            if let Some(k) = o.furniture {
                add(&[tag, ":furniture=", k]);
            }
        }
    }
}

/// A committed model (bytes built into the binary) that a thread may swap
/// for another while it fits or scores one on data the committed model was
/// not fitted on, and a record of what the analyses on that thread saw (the
/// trainer's examples). The victim classifier and the speaker ranker each
/// keep one; an empty model, committed or swapped in, means none.
pub(crate) struct ModelSlot<T: 'static> {
    bytes: &'static [u8],
    committed: OnceLock<Option<BlockModel>>,
    swapped: &'static std::thread::LocalKey<std::cell::RefCell<Option<std::rc::Rc<BlockModel>>>>,
    seen: &'static std::thread::LocalKey<std::cell::RefCell<Option<Vec<T>>>>,
}

impl<T: 'static> ModelSlot<T> {
    pub(crate) const fn new(
        bytes: &'static [u8],
        swapped: &'static std::thread::LocalKey<std::cell::RefCell<Option<std::rc::Rc<BlockModel>>>>,
        seen: &'static std::thread::LocalKey<std::cell::RefCell<Option<Vec<T>>>>,
    ) -> Self {
        Self { bytes, committed: OnceLock::new(), swapped, seen }
    }

    /// Run `f` with the model in use on this thread, if any.
    pub(crate) fn using<R>(&'static self, f: impl FnOnce(Option<&BlockModel>) -> R) -> R {
        self.swapped.with(|o| match &*o.borrow() {
            Some(m) => f(Some(&**m).filter(|m| !m.is_empty())),
            None => f(self
                .committed
                .get_or_init(|| BlockModel::from_bytes(self.bytes).ok().filter(|m| !m.is_empty()))
                .as_ref()),
        })
    }

    /// Run `f` with `model` in use on this thread.
    pub(crate) fn with_model<R>(&self, model: BlockModel, f: impl FnOnce() -> R) -> R {
        self.swapped.with(|o| *o.borrow_mut() = Some(std::rc::Rc::new(model)));
        let r = f();
        self.swapped.with(|o| *o.borrow_mut() = None);
        r
    }

    /// Run `f` and return what the analyses inside it recorded.
    pub(crate) fn capture<R>(&self, f: impl FnOnce() -> R) -> (R, Vec<T>) {
        self.seen.with(|c| *c.borrow_mut() = Some(Vec::new()));
        let r = f();
        let got = self.seen.with(|c| c.borrow_mut().take()).unwrap_or_default();
        (r, got)
    }

    /// Whether something is capturing on this thread.
    pub(crate) fn capturing(&self) -> bool {
        self.seen.with(|c| c.borrow().is_some())
    }

    /// Record `items` when something is capturing.
    pub(crate) fn record(&self, items: impl FnOnce() -> Vec<T>) {
        self.seen.with(|c| {
            if let Some(v) = c.borrow_mut().as_mut() {
                v.extend(items());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses_and_gives_probabilities() {
        let m = BlockModel::get().expect("models/segment.bin reads");
        assert!(m.len() > 100, "{} features", m.len());
        let p = m.probs(&[hash("bias"), hash("w=3"), hash("end=n")]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5, "{p:?}");
        // Unknown features leave the classes even.
        let even = m.probs(&[hash("no such feature")]);
        assert!(even.iter().all(|&x| (x - 1.0 / 3.0).abs() < 1e-6), "{even:?}");
    }

    #[test]
    fn a_model_file_round_trips_and_a_cut_one_is_an_error() {
        let bytes = BlockModel::to_bytes(&[(hash("b"), [0.5, -1.25, 2.0]), (hash("a"), [0.001, 0.0, -0.002])]);
        assert_eq!(bytes.len(), 2 * RECORD);
        let m = BlockModel::from_bytes(&bytes).expect("reads");
        assert_eq!(m.len(), 2);
        assert_eq!(m.probs(&[hash("b")]), softmax([0.5, -1.25, 2.0]));
        assert!(BlockModel::from_bytes(&bytes[..RECORD + 3]).is_err());
        assert!(BlockModel::from_bytes(&[]).expect("empty").is_empty());
    }

    #[test]
    fn neighbours_and_runs_change_the_features() {
        let shapes = [LineShape { words: 5, end: 'n', ..LineShape::default() }; 3];
        let mut out = Vec::new();
        line_features(&shapes, &["a", "b", "c"], false, &mut out);
        assert_eq!(out.len(), 3);
        // The middle line has neighbours on both sides: more features.
        assert!(out[1].len() > out[0].len());
        assert!(out[1].contains(&hash("run=3")));
        line_features(&shapes[..1], &["a"], false, &mut out);
        assert!(out[0].contains(&hash("run=1")));
        // A web page's lines have each feature and its twin.
        let plain = out[0].clone();
        line_features(&shapes[..1], &["a"], true, &mut out);
        assert_eq!(out[0].len(), 2 * plain.len());
        assert!(plain.iter().all(|h| out[0].contains(h) && out[0].contains(&web_twin(*h))));
    }
}
