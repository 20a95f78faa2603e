//! The fitter both of lede_core's hashed three-class models share (the
//! block model and the victim classifier): a multinomial logistic
//! regression fitted by AdaGrad on the (weighted) log loss with a small L2
//! penalty, examples in a fixed shuffled order, and its model file (the
//! record format of `lede_core::blockmodel`). The same data give the same bytes.

use std::collections::HashMap;

use lede_core::blockmodel::{softmax, BlockModel, CLASSES};

/// One labelled example: its hashed features, its class and its weight in the loss.
pub trait Labelled {
    fn feats(&self) -> &[u64];
    fn class(&self) -> usize;
    fn weight(&self) -> f32 {
        1.0
    }
}

pub type Weights = HashMap<u64, [f32; CLASSES]>;

/// The fitter's learning rate and L2 penalty.
#[derive(Clone, Copy)]
pub struct Rates {
    pub lr: f32,
    pub l2: f32,
}

pub fn probs(w: &Weights, feats: &[u64]) -> [f32; CLASSES] {
    let mut z = [0f32; CLASSES];
    for f in feats {
        if let Some(x) = w.get(f) {
            for c in 0..CLASSES {
                z[c] += x[c];
            }
        }
    }
    softmax(z)
}

/// Shuffle `order` in place (Fisher-Yates with xorshift from `seed`): the
/// fitters' fixed example order, the same on every machine.
pub fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// AdaGrad on the weighted log loss with a small L2 penalty, examples in a fixed shuffled order.
pub fn fit<E: Labelled>(examples: &[&E], epochs: usize, Rates { lr, l2 }: Rates) -> Weights {
    let mut w: Weights = HashMap::new();
    let mut g2: Weights = HashMap::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x5eed;
    for _ in 0..epochs {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let e = examples[k];
            let p = probs(&w, e.feats());
            for f in e.feats() {
                let wf = w.entry(*f).or_insert([0.0; CLASSES]);
                let gf = g2.entry(*f).or_insert([0.0; CLASSES]);
                for c in 0..CLASSES {
                    let y = if c == e.class() { 1.0 } else { 0.0 };
                    let g = e.weight() * (p[c] - y) + l2 * wf[c];
                    gf[c] += g * g;
                    wf[c] -= lr * g / (gf[c].sqrt() + 1e-6);
                }
            }
        }
    }
    w
}

/// Weights smaller than this (in every class) are left out of a model file.
pub const PRUNE: f32 = 0.005;

/// The model file (features sorted, weights under `prune` in every class left out).
pub fn model_bytes(w: &Weights, prune: f32) -> Vec<u8> {
    let rows: Vec<(u64, [f32; CLASSES])> =
        w.iter().filter(|(_, x)| x.iter().any(|v| v.abs() >= prune)).map(|(h, x)| (*h, *x)).collect();
    BlockModel::to_bytes(&rows)
}
