//! The tally of an article in words: "2 killed · at least 5 wounded", each
//! disputed count beside its category with who reported it.

use lede_core::{CasualtyCategory, Qualifier, Tally, TallyCount};

fn qualified(count: u64, q: Qualifier) -> String {
    let before = match q {
        Qualifier::Exact => "",
        Qualifier::Approx => "about ",
        Qualifier::AtLeast => "at least ",
        Qualifier::AtMost => "at most ",
        Qualifier::MoreThan => "more than ",
        Qualifier::LessThan => "fewer than ",
    };
    format!("{before}{count}")
}

/// One phrase per tallied category, in the contract's order: "2 killed",
/// "at least 5 wounded (7 according to the ministry)".
pub fn phrases(t: &Tally) -> Vec<(CasualtyCategory, String)> {
    let mut out = Vec::new();
    for cat in CasualtyCategory::ALL {
        let Some(TallyCount { count, qualifier, disputed, .. }) = t.get(cat) else { continue };
        let mut s = format!("{} {}", qualified(*count, *qualifier), cat.as_str());
        if !disputed.is_empty() {
            let others: Vec<String> = disputed
                .iter()
                .map(|d| match &d.reported_by {
                    Some(who) => format!("{} according to {who}", qualified(d.count, d.qualifier)),
                    None => qualified(d.count, d.qualifier),
                })
                .collect();
            s.push_str(&format!(" ({})", others.join("; ")));
        }
        out.push((cat, s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_core::DisputedCount;

    #[test]
    fn tallies_read_as_counts_with_their_qualifier_and_disputes() {
        let count = |n, q| Some(TallyCount { count: n, qualifier: q, figures: vec![0], disputed: Vec::new() });
        let mut t =
            Tally { killed: count(2, Qualifier::Exact), wounded: count(5, Qualifier::AtLeast), ..Tally::default() };
        assert_eq!(
            phrases(&t),
            vec![
                (CasualtyCategory::Killed, "2 killed".to_string()),
                (CasualtyCategory::Wounded, "at least 5 wounded".to_string())
            ]
        );
        if let Some(k) = t.killed.as_mut() {
            k.disputed.push(DisputedCount {
                count: 4,
                qualifier: Qualifier::Exact,
                reported_by: Some("the ministry".into()),
                figures: vec![1],
            });
        }
        assert_eq!(phrases(&t)[0].1, "2 killed (4 according to the ministry)");
        assert!(phrases(&Tally::default()).is_empty());
    }
}
