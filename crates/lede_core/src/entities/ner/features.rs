//! Feature extraction for the entity tagger, shared by training and
//! inference so the two can never disagree.
//!
//! Every feature is a 64-bit hash of a template id and hashed token
//! properties; nothing allocates per token beyond the per-sentence tables.

/// The tag set: BIO over four types.
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
pub const N_LABELS: usize = LABELS.len();

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes.
fn fnv(mut h: u64, bytes: impl Iterator<Item = u8>) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Mix two hashes (splitmix64 finaliser over a combination).
pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

pub fn hash_str(s: &str) -> u64 {
    fnv(FNV_OFFSET, s.bytes())
}

/// Hash of the lowercase form, without allocating.
pub fn hash_lower(s: &str) -> u64 {
    if s.is_ascii() {
        return fnv(FNV_OFFSET, s.bytes().map(|b| b.to_ascii_lowercase()));
    }
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = fnv(h, l.encode_utf8(&mut buf).bytes());
        }
    }
    h
}

/// Normalise digits so that all numbers of one shape share a form.
pub fn hash_digits_normalised(s: &str) -> u64 {
    if s.is_ascii() {
        return fnv(FNV_OFFSET, s.bytes().map(|b| if b.is_ascii_digit() { b'0' } else { b.to_ascii_lowercase() }));
    }
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let c = if c.is_ascii_digit() { '0' } else { c };
        for l in c.to_lowercase() {
            h = fnv(h, l.encode_utf8(&mut buf).bytes());
        }
    }
    h
}

/// Word shape with runs collapsed: "Zelenskyy" → "Xx", "U.S." → "X.X.", "1,090" → "0,0".
pub fn shape_hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = 0u8;
    let mut n = 0;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'0'
        } else if c.is_alphabetic() {
            b'a'
        } else {
            (c as u32).min(127) as u8
        };
        if k != last {
            h = fnv(h, std::iter::once(k));
            last = k;
            n += 1;
            if n > 8 {
                break;
            }
        }
    }
    h
}

/// Per-token properties computed once per sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenInfo {
    pub form: u64,
    pub lower: u64,
    pub shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub flags: u8,
    /// Gazetteer bits of this word (from the model), see `GAZ_*`.
    pub gaz: u8,
    /// Word class learned from unlabelled text, plus one (0: none).
    pub cluster: u16,
}

const F_CAP: u8 = 1;
const F_ALLCAP: u8 = 2;
const F_DIGIT: u8 = 4;
const F_HYPHEN: u8 = 8;
const F_PERIOD: u8 = 16;
/// The token starts a sentence.
pub const F_START: u8 = 32;
/// The token's sentence is written in capitals (a headline).
pub const F_CAPS_SENTENCE: u8 = 64;

impl TokenInfo {
    pub fn new(w: &str, gaz: u8, cluster: u16) -> Self {
        // Prefix and suffix hashes of 1 to 4 chars, without allocating.
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        let mut h = FNV_OFFSET;
        let mut buf = [0u8; 4];
        let mut first = None;
        let (mut letters, mut upper_letters) = (0usize, 0usize);
        let (mut digit, mut hyphen, mut period) = (false, false, false);
        for (n, c) in w.chars().enumerate() {
            if n < 4 {
                for l in c.to_lowercase() {
                    h = fnv(h, l.encode_utf8(&mut buf).bytes());
                }
                prefix[n] = h;
            }
            if first.is_none() {
                first = Some(c);
            }
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper_letters += 1;
                }
            }
            digit |= c.is_ascii_digit();
            hyphen |= c == '-';
            period |= c == '.';
        }
        let mut tail = ['\0'; 4];
        let mut m = 0;
        for c in w.chars().rev().take(4) {
            tail[3 - m] = c;
            m += 1;
        }
        for k in 1..=m {
            let mut h = FNV_OFFSET;
            for &c in &tail[4 - k..] {
                for l in c.to_lowercase() {
                    h = fnv(h, l.encode_utf8(&mut buf).bytes());
                }
            }
            suffix[k - 1] = h;
        }
        let mut flags = 0;
        if first.map(|c| c.is_uppercase()).unwrap_or(false) {
            flags |= F_CAP;
        }
        if letters >= 2 && upper_letters == letters {
            flags |= F_ALLCAP;
        }
        if digit {
            flags |= F_DIGIT;
        }
        if hyphen {
            flags |= F_HYPHEN;
        }
        if period {
            flags |= F_PERIOD;
        }
        Self {
            form: hash_str(w),
            lower: hash_digits_normalised(w),
            shape: shape_hash(w),
            prefix,
            suffix,
            flags,
            gaz,
            cluster,
        }
    }
}

/// Mark sentence starts and all-capitals sentences in `infos`, given the
/// index of each sentence's first token (ascending, starting with 0).
pub fn mark_sentences(infos: &mut [TokenInfo], starts: &[usize]) {
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(infos.len()).min(infos.len());
        if s >= e {
            continue;
        }
        infos[s].flags |= F_START;
        if all_caps_sentence(&infos[s..e]) {
            for t in &mut infos[s..e] {
                t.flags |= F_CAPS_SENTENCE;
            }
        }
    }
}

/// A sentence-level fact: every word with letters is in capitals (a headline).
fn all_caps_sentence(infos: &[TokenInfo]) -> bool {
    let mut words = 0;
    for t in infos {
        if t.flags & F_ALLCAP != 0 {
            words += 1;
        } else if t.flags & F_CAP == 0
            && t.flags & F_DIGIT == 0
            && t.shape != shape_hash(".")
            && t.shape != shape_hash(",")
        {
            return false;
        }
    }
    words >= 2
}

const PAD: u64 = 0x1234_5678;

/// Offsets of the neighbours whose own properties are features of a token.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// The features of token `i` (hashes), appended to `out`: its own, those
/// its neighbours give it, and those joining it with them or its position.
/// The three parts are separate so a tagger may cache the first two per
/// word; their union is the model's feature set.
pub fn token_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    own_features(&infos[i], out);
    for k in NEIGHBOURS {
        neighbour_features(neighbour(infos, i, k), k, out);
    }
    joint_features(infos, i, out);
}

fn neighbour(infos: &[TokenInfo], i: usize, k: isize) -> Option<&TokenInfo> {
    let j = i as isize + k;
    (j >= 0).then(|| infos.get(j as usize)).flatten()
}

/// Features of the word alone, wherever it stands.
pub fn own_features(t: &TokenInfo, out: &mut Vec<u64>) {
    let mut f = |template: u64, v: u64| out.push(mix(template, v));
    f(0, 0); // bias
    f(1, t.lower);
    f(2, t.form);
    for k in 0..4 {
        if t.prefix[k] != 0 {
            f(10 + k as u64, t.prefix[k]);
        }
        if t.suffix[k] != 0 {
            f(20 + k as u64, t.suffix[k]);
        }
    }
    f(30, t.shape);
    f(52, u64::from(t.flags & !(F_START | F_CAPS_SENTENCE)));
    // Gazetteer bits and word class.
    if t.gaz != 0 {
        f(60, u64::from(t.gaz));
        f(61, mix(u64::from(t.gaz), t.shape));
    }
    f(70, u64::from(t.cluster));
    f(73, mix(u64::from(t.cluster), t.shape));
}

/// Features a token gets from the word `n` at offset `k` from it
/// (`NEIGHBOURS`); `None` past either end of the sequence.
pub fn neighbour_features(n: Option<&TokenInfo>, k: isize, out: &mut Vec<u64>) {
    let mut f = |template: u64, v: u64| out.push(mix(template, v));
    let pad = PAD ^ (k as u64);
    let lower = n.map(|t| t.lower).unwrap_or(pad);
    match k {
        -2 => f(5, lower),
        2 => f(6, lower),
        -1 | 1 => {
            let before = k < 0;
            f(if before { 3 } else { 4 }, lower);
            f(if before { 31 } else { 32 }, n.map(|t| t.shape).unwrap_or(pad));
            if let Some(g) = n.map(|t| t.gaz).filter(|&g| g != 0) {
                f(if before { 62 } else { 63 }, u64::from(g));
            }
            f(if before { 71 } else { 72 }, n.map(|t| u64::from(t.cluster)).unwrap_or(0xffff));
        }
        _ => {}
    }
}

/// Features joining token `i` with its neighbours or its place in the
/// sentence.
pub fn joint_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let get = |k: isize| neighbour(infos, i, k);
    let lower = |k: isize| get(k).map(|t| t.lower).unwrap_or(PAD ^ (k as u64));
    let shape = |k: isize| get(k).map(|t| t.shape).unwrap_or(PAD ^ (k as u64));
    let cluster = |k: isize| get(k).map(|t| u64::from(t.cluster)).unwrap_or(0xffff);
    let t = &infos[i];
    let mut f = |template: u64, v: u64| out.push(mix(template, v));
    f(33, mix(shape(-1), t.shape));
    f(34, mix(t.shape, shape(1)));
    f(35, mix(mix(shape(-1), t.shape), shape(1)));
    f(40, mix(lower(-1), t.lower));
    f(41, mix(t.lower, lower(1)));
    f(42, mix(lower(-1), t.shape));
    f(43, mix(t.shape, lower(1)));
    let first = t.flags & F_START != 0;
    f(50, mix(u64::from(first), t.shape));
    if first {
        f(51, t.lower);
    }
    if t.flags & F_CAPS_SENTENCE != 0 {
        f(53, t.lower);
        f(54, mix(0xcab5, t.shape));
    }
    f(74, mix(cluster(-1), u64::from(t.cluster)));
    f(75, mix(u64::from(t.cluster), cluster(1)));
}
