//! Word classes learned from unlabelled text with the exchange algorithm
//! (Martin, Liermann & Ney 1998): words are moved between classes to
//! maximise the likelihood of a class bigram model. Deterministic.

use std::collections::HashMap;

/// f(x) = x ln x, with f(0) = 0.
fn f(x: i64) -> f64 {
    if x <= 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// Cluster the words of `sentences` (word ids < n_words; ids ≥ n_words are
/// rare words that break bigrams) into `classes` classes.
pub fn exchange(sentences: &[Vec<u32>], n_words: usize, classes: usize, iterations: usize) -> Vec<u16> {
    // Bigram counts as adjacency lists.
    let mut big: HashMap<(u32, u32), i64> = HashMap::new();
    for s in sentences {
        for w in s.windows(2) {
            if (w[0] as usize) < n_words && (w[1] as usize) < n_words {
                *big.entry((w[0], w[1])).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((u32, u32), i64)> = big.into_iter().collect();
    pairs.sort_unstable();
    let mut succ: Vec<Vec<(u32, i64)>> = vec![Vec::new(); n_words];
    let mut pred: Vec<Vec<(u32, i64)>> = vec![Vec::new(); n_words];
    for &((a, b), n) in &pairs {
        succ[a as usize].push((b, n));
        pred[b as usize].push((a, n));
    }
    let c = classes;
    // Initial classes: round robin over words in frequency order.
    let mut class: Vec<u16> = (0..n_words).map(|w| (w % c) as u16).collect();
    let mut nb = vec![0i64; c * c]; // class bigram counts
    let mut nl = vec![0i64; c]; // as first element
    let mut nr = vec![0i64; c]; // as second element
    for &((a, b), n) in &pairs {
        let (ca, cb) = (class[a as usize] as usize, class[b as usize] as usize);
        nb[ca * c + cb] += n;
        nl[ca] += n;
        nr[cb] += n;
    }
    let mut r = vec![0i64; c];
    let mut l = vec![0i64; c];
    let mut touched_r: Vec<usize> = Vec::new();
    let mut touched_l: Vec<usize> = Vec::new();
    for it in 0..iterations {
        let mut moved = 0usize;
        for w in 0..n_words {
            let a = class[w] as usize;
            let mut selfc = 0i64;
            let (mut wl, mut wr) = (0i64, 0i64);
            for &(v, n) in &succ[w] {
                wl += n;
                if v as usize == w {
                    selfc += n;
                    continue;
                }
                let cv = class[v as usize] as usize;
                if r[cv] == 0 {
                    touched_r.push(cv);
                }
                r[cv] += n;
            }
            for &(u, n) in &pred[w] {
                wr += n;
                if u as usize == w {
                    continue;
                }
                let cu = class[u as usize] as usize;
                if l[cu] == 0 {
                    touched_l.push(cu);
                }
                l[cu] += n;
            }
            if wl + wr == 0 {
                continue;
            }
            // Remove w from a.
            for &k in &touched_r {
                nb[a * c + k] -= r[k];
            }
            for &k in &touched_l {
                nb[k * c + a] -= l[k];
            }
            nb[a * c + a] -= selfc;
            nl[a] -= wl;
            nr[a] -= wr;
            // Best class to put it in.
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..c {
                let mut g = 0.0;
                for &k in &touched_r {
                    if k != b {
                        g += f(nb[b * c + k] + r[k]) - f(nb[b * c + k]);
                    }
                }
                for &k in &touched_l {
                    if k != b {
                        g += f(nb[k * c + b] + l[k]) - f(nb[k * c + b]);
                    }
                }
                let bb = nb[b * c + b];
                g += f(bb + r[b] + l[b] + selfc) - f(bb);
                g -= f(nl[b] + wl) - f(nl[b]);
                g -= f(nr[b] + wr) - f(nr[b]);
                if g > best_gain + 1e-9 || (b == a && g >= best_gain - 1e-9) {
                    best_gain = g;
                    best = b;
                }
            }
            // Insert into best.
            for &k in &touched_r {
                nb[best * c + k] += r[k];
            }
            for &k in &touched_l {
                nb[k * c + best] += l[k];
            }
            nb[best * c + best] += selfc;
            nl[best] += wl;
            nr[best] += wr;
            if best != a {
                moved += 1;
                class[w] = best as u16;
            }
            for &k in &touched_r {
                r[k] = 0;
            }
            for &k in &touched_l {
                l[k] = 0;
            }
            touched_r.clear();
            touched_l.clear();
        }
        eprintln!("clusters: iteration {} moved {moved} words", it + 1);
        if moved == 0 {
            break;
        }
    }
    class
}

/// The class bigram log-likelihood (up to a constant) of an assignment.
#[cfg(test)]
fn objective(sentences: &[Vec<u32>], class: &[u16], classes: usize) -> f64 {
    let mut nb = vec![0i64; classes * classes];
    let mut nl = vec![0i64; classes];
    let mut nr = vec![0i64; classes];
    for s in sentences {
        for w in s.windows(2) {
            let (a, b) = (class[w[0] as usize] as usize, class[w[1] as usize] as usize);
            nb[a * classes + b] += 1;
            nl[a] += 1;
            nr[b] += 1;
        }
    }
    nb.iter().map(|&x| f(x)).sum::<f64>()
        - nl.iter().map(|&x| f(x)).sum::<f64>()
        - nr.iter().map(|&x| f(x)).sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_raises_the_likelihood_and_is_deterministic() {
        // Names (0..4) come before "said" (8); actions (4..8) after "we" (9).
        let mut sents = Vec::new();
        for i in 0..200u32 {
            sents.push(vec![i % 4, 8, 9, 4 + (i * 7) % 4]);
        }
        let start: Vec<u16> = (0..10).map(|w| (w % 4) as u16).collect();
        let class = exchange(&sents, 10, 4, 10);
        assert!(objective(&sents, &class, 4) > objective(&sents, &start, 4));
        assert_eq!(class, exchange(&sents, 10, 4, 10));
    }
}
