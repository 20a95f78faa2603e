//! The entity tagger: an averaged structured perceptron over hashed
//! features, BIO tags, constrained Viterbi decoding.
//!
//! The model is a compact binary of our own (`models/ner.bin`, built by
//! `cargo xtask train-ner`): sorted 32-bit feature keys with int8 weights
//! per label, a transition matrix, a word gazetteer and word classes.
//! Training lives in `crates/lede_train`; this module only loads and decodes.
//!
//! Sorted keys are stored as the gaps between them, cut into four planes of
//! bytes (all the low bytes, then the next, ...): the high planes are nearly
//! all zeros, and gzip takes the file to two thirds of the size it has with
//! the keys written out (58 KB less in the reader's first paint).

pub mod features;

use features::{joint_features, neighbour_features, own_features, NEIGHBOURS};
pub use features::{token_features, TokenInfo, LABELS, N_LABELS};

const MAGIC: &[u8; 8] = b"LEDENER3";

/// The entity model shipped with Lede (`cargo xtask train-ner` rebuilds it),
/// built into the binary with the `bundled-model` feature (the CLI, the
/// trainers, the tests). The browser bundles leave it out and fetch the same
/// file just after their first paint ([`MODEL_FILE`], then
/// [`crate::install_entity_model`]).
#[cfg(feature = "bundled-model")]
pub const MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner.bin");

/// The name the model file is published under beside a browser bundle:
/// `lede-ner-<hash of its bytes>.bin`, so a host can cache it for good and a
/// new model gets a new name (`build.rs` hashes `models/ner.bin`).
pub const MODEL_FILE: &str = concat!("lede-ner-", env!("LEDE_NER_MODEL_HASH"), ".bin");

/// Gazetteer bits: the word occurs inside entities of these types.
pub const GAZ_PER: u8 = 1;
pub const GAZ_ORG: u8 = 2;
pub const GAZ_LOC: u8 = 4;
pub const GAZ_MISC: u8 = 8;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("entity model: {0}")]
pub struct ModelError(pub &'static str);

/// The 32-bit key a 64-bit feature hash is stored under.
pub fn key(h: u64) -> u32 {
    (h >> 32) as u32 ^ h as u32
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// `(N_LABELS + 1) × N_LABELS`: row 0 is the start state.
    pub transitions: Vec<f32>,
    /// Sorted feature keys.
    pub keys: Vec<u32>,
    /// `keys.len() × N_LABELS` quantised weights.
    pub weights: Vec<i8>,
    pub scale: f32,
    /// Sorted keys of lowercase words, with their gazetteer bits.
    pub gaz_keys: Vec<u32>,
    pub gaz_bits: Vec<u8>,
    /// Sorted keys of digit-normalised lowercase words, with their word class.
    pub cluster_keys: Vec<u32>,
    pub cluster_ids: Vec<u8>,
    /// Open-addressing table over `keys` with each key's weights inline, so
    /// a feature costs one memory access. Built at load.
    features: Vec<FeatureSlot>,
    /// The same over `gaz_keys` and `cluster_keys`.
    gaz_slots: Vec<(u32, u32)>,
    cluster_slots: Vec<(u32, u32)>,
    /// The weights a token gets from a missing neighbour at each offset of
    /// `NEIGHBOURS` (past either end of the sequence). Built at load.
    pad: [[i32; N_LABELS]; 4],
}

/// One slot of the feature table: a key and its weights for every label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(align(16))]
struct FeatureSlot {
    key: u32,
    used: bool,
    weights: [i8; N_LABELS],
}

fn feature_table(keys: &[u32], weights: &[i8]) -> Vec<FeatureSlot> {
    let cap = (keys.len() * 2).next_power_of_two().max(16);
    let mask = cap - 1;
    let mut slots = vec![FeatureSlot::default(); cap];
    for (i, &k) in keys.iter().enumerate() {
        let mut s = k as usize & mask;
        while slots[s].used {
            s = (s + 1) & mask;
        }
        let mut w = [0i8; N_LABELS];
        w.copy_from_slice(&weights[i * N_LABELS..(i + 1) * N_LABELS]);
        slots[s] = FeatureSlot { key: k, used: true, weights: w };
    }
    slots
}

/// An open-addressing table over sorted, distinct keys (which are hashes already).
fn index(keys: &[u32]) -> Vec<(u32, u32)> {
    let cap = (keys.len() * 2).next_power_of_two().max(16);
    let mask = cap - 1;
    let mut slots = vec![(0u32, 0u32); cap];
    for (i, &k) in keys.iter().enumerate() {
        let mut s = k as usize & mask;
        while slots[s].1 != 0 {
            s = (s + 1) & mask;
        }
        slots[s] = (k, i as u32 + 1);
    }
    slots
}

fn lookup(slots: &[(u32, u32)], k: u32) -> Option<usize> {
    let mask = slots.len() - 1;
    let mut s = k as usize & mask;
    loop {
        match slots[s] {
            (_, 0) => return None,
            (key, i) if key == k => return Some(i as usize - 1),
            _ => s = (s + 1) & mask,
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or(ModelError("invalid: the file is truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// `n` strictly increasing keys, stored as gaps in byte planes (see `write_keys`).
    fn keys(&mut self, n: usize) -> Result<Vec<u32>, ModelError> {
        let planes = self.take(n.checked_mul(4).ok_or(ModelError("invalid: the file is truncated"))?)?;
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u32;
        for i in 0..n {
            let gap = u32::from_le_bytes([planes[i], planes[n + i], planes[2 * n + i], planes[3 * n + i]]);
            if i > 0 && gap == 0 {
                return Err(ModelError("invalid: keys not sorted"));
            }
            last = last.checked_add(gap).ok_or(ModelError("invalid: keys overflow"))?;
            keys.push(last);
        }
        Ok(keys)
    }
}

/// Write sorted keys as the gaps between them (the first from zero), in four
/// planes: every gap's lowest byte, then every gap's next byte, and so on.
fn write_keys(out: &mut Vec<u8>, keys: &[u32]) {
    let gaps: Vec<u32> = keys.iter().scan(0u32, |last, &k| Some(k - std::mem::replace(last, k))).collect();
    for shift in [0, 8, 16, 24] {
        out.extend(gaps.iter().map(|g| (g >> shift) as u8));
    }
}

/// Is label `to` allowed after label `from` (`None`: sentence start)? BIO: I-X only after B-X or I-X.
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    let l = LABELS[to];
    if let Some(ty) = l.strip_prefix("I-") {
        match from {
            Some(f) => LABELS[f].get(2..) == Some(ty),
            None => false,
        }
    } else {
        true
    }
}

impl Model {
    /// A model from its parts (keys sorted and distinct, as `from_bytes` checks).
    pub fn new(
        transitions: Vec<f32>,
        keys: Vec<u32>,
        weights: Vec<i8>,
        scale: f32,
        (gaz_keys, gaz_bits): (Vec<u32>, Vec<u8>),
        (cluster_keys, cluster_ids): (Vec<u32>, Vec<u8>),
    ) -> Self {
        let features = feature_table(&keys, &weights);
        let gaz_slots = index(&gaz_keys);
        let cluster_slots = index(&cluster_keys);
        let mut model = Self {
            transitions,
            keys,
            weights,
            scale,
            gaz_keys,
            gaz_bits,
            cluster_keys,
            cluster_ids,
            features,
            gaz_slots,
            cluster_slots,
            pad: [[0; N_LABELS]; 4],
        };
        model.pad = NEIGHBOURS.map(|k| {
            let mut feats = Vec::new();
            neighbour_features(None, k, &mut feats);
            model.sum(&feats)
        });
        model
    }

    pub fn from_bytes(b: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { b, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError("invalid: not a Lede entity model (wrong magic)"));
        }
        if r.u32()? as usize != N_LABELS {
            return Err(ModelError("invalid: label count differs from this build"));
        }
        let scale = r.f32()?;
        let transitions = (0..(N_LABELS + 1) * N_LABELS).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let n = r.u32()? as usize;
        if n > b.len() / 4 {
            return Err(ModelError("invalid: feature count larger than the file"));
        }
        let keys = r.keys(n)?;
        let weights = r.take(n * N_LABELS)?.iter().map(|&x| x as i8).collect();
        let g = r.u32()? as usize;
        if g > b.len() / 4 {
            return Err(ModelError("invalid: gazetteer larger than the file"));
        }
        let gaz_keys = r.keys(g)?;
        let gaz_bits = r.take(g)?.to_vec();
        let n_cl = r.u32()? as usize;
        if n_cl > b.len() / 4 {
            return Err(ModelError("invalid: cluster table larger than the file"));
        }
        let cluster_keys = r.keys(n_cl)?;
        let cluster_ids = r.take(n_cl)?.to_vec();
        if r.at != b.len() {
            return Err(ModelError("invalid: trailing bytes"));
        }
        if !scale.is_finite() || transitions.iter().any(|t| !t.is_finite()) {
            return Err(ModelError("invalid: weights not finite"));
        }
        Ok(Self::new(transitions, keys, weights, scale, (gaz_keys, gaz_bits), (cluster_keys, cluster_ids)))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.keys.len() * (4 + N_LABELS) + self.gaz_keys.len() * 5);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_bits().to_le_bytes());
        }
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        write_keys(&mut out, &self.keys);
        out.extend(self.weights.iter().map(|&w| w as u8));
        out.extend_from_slice(&(self.gaz_keys.len() as u32).to_le_bytes());
        write_keys(&mut out, &self.gaz_keys);
        out.extend_from_slice(&self.gaz_bits);
        out.extend_from_slice(&(self.cluster_keys.len() as u32).to_le_bytes());
        write_keys(&mut out, &self.cluster_keys);
        out.extend_from_slice(&self.cluster_ids);
        out
    }

    /// Word class of a word, plus one (0: unknown).
    pub fn cluster(&self, word: &str) -> u16 {
        let k = key(features::hash_digits_normalised(word));
        lookup(&self.cluster_slots, k).map(|i| u16::from(self.cluster_ids[i]) + 1).unwrap_or(0)
    }

    /// Gazetteer bits of a word.
    pub fn gaz(&self, word: &str) -> u8 {
        let k = key(features::hash_lower(word));
        lookup(&self.gaz_slots, k).map(|i| self.gaz_bits[i]).unwrap_or(0)
    }

    /// Add the weights of feature `h` to `scores` (integer units of `scale`).
    #[inline]
    fn add(&self, h: u64, scores: &mut [i32; N_LABELS]) {
        let k = key(h);
        let mask = self.features.len() - 1;
        let mut s = k as usize & mask;
        loop {
            let slot = &self.features[s];
            if !slot.used {
                return;
            }
            if slot.key == k {
                for (acc, &w) in scores.iter_mut().zip(&slot.weights) {
                    *acc += i32::from(w);
                }
                return;
            }
            s = (s + 1) & mask;
        }
    }

    /// Tag one sentence: label ids, one per word.
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        self.tag_sentences(words, &[0])
    }

    /// The summed weights of the features `hs`.
    fn sum(&self, hs: &[u64]) -> [i32; N_LABELS] {
        let mut acc = [0i32; N_LABELS];
        for &h in hs {
            self.add(h, &mut acc);
        }
        acc
    }

    /// Tag a run of sentences as one sequence (`starts`: each sentence's
    /// first word, ascending from 0), so that a wrong sentence split does
    /// not cut an entity in two.
    pub fn tag_sentences(&self, words: &[&str], starts: &[usize]) -> Vec<usize> {
        self.tag_sentences_with(words, starts, &mut WordCache::default())
    }

    /// `tag_sentences` with the per-word parts of the scores kept in
    /// `cache` (one cache for the sequences of a document).
    pub fn tag_sentences_with(&self, words: &[&str], starts: &[usize], cache: &mut WordCache) -> Vec<usize> {
        let emissions: Vec<[f32; N_LABELS]> =
            self.scores(words, starts, cache).iter().map(|acc| acc.map(|a| a as f32 * self.scale)).collect();
        viterbi(&emissions, &self.transitions)
    }

    /// The emission scores of each word (integer units of `scale`): the
    /// weights of its own features and of those its neighbours give it, both
    /// from `cache`, plus the joint features looked up here.
    pub fn scores(&self, words: &[&str], starts: &[usize], cache: &mut WordCache) -> Vec<[i32; N_LABELS]> {
        cache.make_room(words.len());
        let ids: Vec<u32> = words.iter().map(|w| cache.id(self, w)).collect();
        let mut infos: Vec<TokenInfo> = ids.iter().map(|&i| cache.words[i as usize].info).collect();
        features::mark_sentences(&mut infos, starts);
        let mut feats = Vec::with_capacity(16);
        (0..words.len())
            .map(|i| {
                let word = &cache.words[ids[i] as usize];
                let mut acc = word.own.map(i32::from);
                for (n, k) in NEIGHBOURS.into_iter().enumerate() {
                    let j = i as isize + k;
                    let given = match usize::try_from(j).ok().and_then(|j| ids.get(j)) {
                        Some(&id) => cache.words[id as usize].given[n].map(i32::from),
                        None => self.pad[n],
                    };
                    for (a, g) in acc.iter_mut().zip(given) {
                        *a += g;
                    }
                }
                feats.clear();
                joint_features(&infos, i, &mut feats);
                for &h in &feats {
                    self.add(h, &mut acc);
                }
                acc
            })
            .collect()
    }
}

/// What the tagger keeps per distinct word of a document: the properties
/// the joint features need, the summed weights of the word's own features,
/// and those it gives a neighbour at each offset. Words repeat (a million
/// words of news hold a few tens of thousands of distinct ones), so most
/// tokens cost one probe here instead of some thirty feature lookups.
/// Bounded: it starts afresh when full.
#[derive(Default)]
pub struct WordCache {
    /// Open addressing over the words' hashes: (hash, index + 1), 0 empty.
    slots: Vec<(u64, u32)>,
    words: Vec<CachedWord>,
}

struct CachedWord {
    /// Without the prefix, suffix and form hashes (own features only).
    info: TokenInfo,
    /// Sums of at most 17 int8 weights: they fit in 16 bits.
    own: [i16; N_LABELS],
    given: [[i16; N_LABELS]; 4],
}

impl WordCache {
    /// Distinct words kept at most (about 4 MB).
    const CAPACITY: usize = 1 << 15;

    fn make_room(&mut self, n: usize) {
        if self.words.len() + n > Self::CAPACITY {
            self.slots.iter_mut().for_each(|s| *s = (0, 0));
            self.words.clear();
        }
    }

    fn id(&mut self, model: &Model, w: &str) -> u32 {
        let h = features::hash_str(w);
        if self.slots.len() < 2 * (self.words.len() + 1) {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = features::mix(h, 0) as usize & mask;
        loop {
            match self.slots[i] {
                (_, 0) => break,
                (k, id) if k == h => return id - 1,
                _ => i = (i + 1) & mask,
            }
        }
        self.words.push(CachedWord::new(model, w));
        let id = self.words.len() as u32;
        self.slots[i] = (h, id);
        id - 1
    }

    /// Double the table (or start it) and re-place every word.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![(0, 0); (old.len() * 2).max(1024)];
        let mask = self.slots.len() - 1;
        for (h, id) in old.into_iter().filter(|s| s.1 != 0) {
            let mut i = features::mix(h, 0) as usize & mask;
            while self.slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (h, id);
        }
    }
}

impl CachedWord {
    fn new(model: &Model, w: &str) -> Self {
        let info = TokenInfo::new(w, model.gaz(w), model.cluster(w));
        let narrow = |acc: [i32; N_LABELS]| acc.map(|a| a.clamp(i16::MIN.into(), i16::MAX.into()) as i16);
        let mut feats = Vec::with_capacity(24);
        own_features(&info, &mut feats);
        let own = narrow(model.sum(&feats));
        let mut given = [[0; N_LABELS]; 4];
        for (g, k) in given.iter_mut().zip(NEIGHBOURS) {
            feats.clear();
            neighbour_features(Some(&info), k, &mut feats);
            *g = narrow(model.sum(&feats));
        }
        let info = TokenInfo { form: 0, prefix: [0; 4], suffix: [0; 4], ..info };
        Self { info, own, given }
    }
}

/// Best label path under BIO constraints.
pub fn viterbi(emissions: &[[f32; N_LABELS]], transitions: &[f32]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    // Transitions with the BIO constraints folded in (-inf where not allowed),
    // computed once per call rather than per token.
    let mut trans = [[f32::NEG_INFINITY; N_LABELS]; N_LABELS];
    for (p, row) in trans.iter_mut().enumerate() {
        for (y, t) in row.iter_mut().enumerate() {
            if allowed(Some(p), y) {
                *t = transitions[(p + 1) * N_LABELS + y];
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; N_LABELS]; n];
    let mut back = vec![[0u8; N_LABELS]; n];
    for (y, s) in score[0].iter_mut().enumerate() {
        if allowed(None, y) {
            *s = transitions[y] + emissions[0][y];
        }
    }
    for i in 1..n {
        let prev = score[i - 1];
        for y in 0..N_LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, row) in trans.iter().enumerate() {
                let s = prev[p] + row[y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[i][y] = best + emissions[i][y];
            back[i][y] = arg as u8;
        }
    }
    let mut y = (0..N_LABELS).fold(0, |b, k| if score[n - 1][k] > score[n - 1][b] { k } else { b });
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = y;
        y = back[i][y] as usize;
    }
    path
}

/// Label ids to entity spans over word indices: (first, end, type index 0..4 = PER ORG LOC MISC).
pub fn spans(path: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < path.len() {
        let l = path[i];
        if l == 0 {
            i += 1;
            continue;
        }
        let ty = (l - 1) / 2;
        let mut j = i + 1;
        while j < path.len() && path[j] == 2 + ty * 2 {
            j += 1;
        }
        out.push((i, j, ty));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests;
