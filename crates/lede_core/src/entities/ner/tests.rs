//! The tagger's tests: the model file's format, decoding, the score cache.

use super::*;

fn toy() -> Model {
    // One feature: the lowercase word "ada" votes B-PER; "quill" votes I-PER.
    let mut feats = Vec::new();
    let infos: Vec<TokenInfo> = ["Ada", "Quill"].iter().map(|w| TokenInfo::new(w, 0, 0)).collect();
    let mut ks = Vec::new();
    for i in 0..2 {
        feats.clear();
        token_features(&infos, i, &mut feats);
        ks.push(key(feats[1])); // template 1: the lowercase word
    }
    let mut rows: Vec<(u32, [i8; N_LABELS])> =
        vec![(ks[0], [0, 100, 0, 0, 0, 0, 0, 0, 0]), (ks[1], [0, 0, 100, 0, 0, 0, 0, 0, 0])];
    rows.sort_by_key(|r| r.0);
    Model::new(
        vec![0.0; (N_LABELS + 1) * N_LABELS],
        rows.iter().map(|r| r.0).collect(),
        rows.iter().flat_map(|r| r.1).collect(),
        0.01,
        (vec![key(features::hash_lower("ada"))], vec![GAZ_PER]),
        (vec![], vec![]),
    )
}

#[test]
fn round_trips_and_tags() {
    let m = toy();
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).expect("load");
    assert_eq!(back, m);
    assert_eq!(back.tag(&["Ada", "Quill", "spoke"]), vec![1, 2, 0]);
    assert_eq!(spans(&[1, 2, 0, 5, 0, 3]), vec![(0, 2, 0), (3, 4, 2), (5, 6, 1)]);
    assert_eq!(back.gaz("ADA"), GAZ_PER);
}

#[test]
fn cached_scores_equal_every_feature_looked_up() {
    let model = Model::from_bytes(MODEL_BYTES).expect("model");
    let text = crate::corpus::news(60_000, 5) + " ÉTAT-UNIS Ça 1,090 A.B. «Oui» ЗСУ 東京 x";
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut cache = WordCache::default();
    let mut at = 0;
    for len in (1..40).cycle() {
        let Some(chunk) = words.get(at..(at + len).min(words.len())).filter(|c| !c.is_empty()) else { break };
        at += len;
        let starts = [0, len / 2];
        let got = model.scores(chunk, &starts, &mut cache);
        let mut infos: Vec<TokenInfo> =
            chunk.iter().map(|w| TokenInfo::new(w, model.gaz(w), model.cluster(w))).collect();
        features::mark_sentences(&mut infos, &starts);
        for (i, got) in got.iter().enumerate() {
            let mut feats = Vec::new();
            token_features(&infos, i, &mut feats);
            assert_eq!(*got, model.sum(&feats), "{chunk:?} at {i}");
        }
    }
    assert!(cache.words.len() > 100 && cache.words.len() < words.len() / 4, "{}", cache.words.len());
}

#[test]
fn the_shipped_model_round_trips_byte_for_byte() {
    let model = Model::from_bytes(MODEL_BYTES).expect("model");
    assert!(model.keys.len() > 10_000 && model.gaz_keys.len() > 1_000 && model.cluster_keys.len() > 1_000);
    assert_eq!(model.to_bytes(), MODEL_BYTES);
}

#[test]
fn keys_are_stored_as_gaps_in_byte_planes() {
    let mut out = Vec::new();
    write_keys(&mut out, &[0x0102, 0x0304, 0x01_0000_u32 + 0x0304]);
    // Gaps 0x0102, 0x0202, 0x010000: low bytes, then second, third, high.
    assert_eq!(out, [2, 2, 0, 1, 2, 0, 0, 0, 1, 0, 0, 0]);
    let mut r = Reader { b: &out, at: 0 };
    assert_eq!(r.keys(3), Ok(vec![0x0102, 0x0304, 0x010304]));
    // A zero gap after the first key means a repeated key.
    let mut r = Reader { b: &[1, 0, 0, 0, 0, 0, 0, 0], at: 0 };
    assert_eq!(r.keys(2), Err(ModelError("invalid: keys not sorted")));
    // Gaps that sum past u32::MAX.
    let mut r = Reader { b: &[0, 0, 0, 0, 0, 0, 255, 255], at: 0 };
    assert_eq!(r.keys(2), Err(ModelError("invalid: keys overflow")));
}

#[test]
fn rejects_bad_bytes() {
    let bytes = toy().to_bytes();
    assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(Model::from_bytes(b"not a model at all").is_err());
    let mut extra = bytes.clone();
    extra.push(0);
    assert!(Model::from_bytes(&extra).is_err());
}

#[test]
fn viterbi_respects_bio() {
    // Emissions prefer I-PER first, which is not allowed at the start.
    let mut e = [[0f32; N_LABELS]; 2];
    e[0][2] = 5.0;
    e[0][1] = 1.0;
    e[1][2] = 5.0;
    let t = vec![0.0; (N_LABELS + 1) * N_LABELS];
    assert_eq!(viterbi(&e, &t), vec![1, 2]);
}
