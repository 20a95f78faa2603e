//! The tally of an article: each victim counted once, per category.
//!
//! A category's count is the larger of the victims told one at a time (each
//! one figure) and the largest count a reporter gives. Counts of reporters
//! who disagree with it are kept apart, each with who reported it.

use crate::types::{Casualty, CasualtyCategory, DisputedCount, Qualifier, Tally, TallyCount};

/// The tally over an article's figures; `victims` holds the indexes of the
/// figures that stand for one victim each, `set_aside` those not counted.
pub fn tally(figures: &[Casualty], victims: &[usize], set_aside: &[usize]) -> Tally {
    let mut t = Tally::default();
    // Figures not counted as numbers: victims' own, and those set aside.
    let mut apart = vec![false; figures.len()];
    for &i in victims.iter().chain(set_aside) {
        if let Some(x) = apart.get_mut(i) {
            *x = true;
        }
    }
    for cat in CasualtyCategory::ALL {
        let Some(slot) = t.slot(cat) else { continue };
        let ones: Vec<usize> = victims.iter().copied().filter(|&i| figures[i].category == cat).collect();
        // The counts, grouped by who reported them (the unattributed first).
        let mut by: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
        let mut group: std::collections::HashMap<Option<&str>, usize> = std::collections::HashMap::new();
        for (i, f) in figures.iter().enumerate() {
            if f.category != cat || apart[i] {
                continue;
            }
            let who = f.reported_by.as_deref();
            let g = *group.entry(who).or_insert_with(|| {
                by.push((who, Vec::new()));
                by.len() - 1
            });
            by[g].1.push(i);
        }
        by.sort_by_key(|g| (g.0.is_some(), std::cmp::Reverse(g.1.len())));
        if ones.is_empty() && by.is_empty() {
            continue;
        }
        let top = |idx: &[usize]| idx.iter().copied().max_by_key(|&i| (figures[i].value, std::cmp::Reverse(i)));
        let main = by.first().and_then(|g| top(&g.1));
        let n = ones.len() as u64;
        let mut count =
            TallyCount { count: n, qualifier: Qualifier::Exact, figures: ones.clone(), disputed: Vec::new() };
        if let Some(m) = main {
            if figures[m].value >= n {
                count.count = figures[m].value;
                count.qualifier = figures[m].qualifier;
            }
            // Every figure of the main reporter that agrees with the count.
            count.figures.extend(by[0].1.iter().copied().filter(|&i| figures[i].value == count.count));
        }
        for g in by.iter().skip(1) {
            let Some(m) = top(&g.1) else { continue };
            let value = figures[m].value;
            if value == count.count || value <= n {
                count.figures.extend(g.1.iter().copied().filter(|&i| figures[i].value == value));
            } else {
                count.disputed.push(DisputedCount {
                    count: value,
                    qualifier: figures[m].qualifier,
                    reported_by: g.0.map(str::to_string),
                    figures: g.1.iter().copied().filter(|&i| figures[i].value == value).collect(),
                });
            }
        }
        count.figures.sort_unstable();
        count.figures.dedup();
        *slot = Some(count);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: u64, category: CasualtyCategory, reported_by: Option<&str>) -> Casualty {
        Casualty {
            start: 0,
            end: 1,
            text: "x".into(),
            value,
            value_max: None,
            qualifier: Qualifier::Exact,
            category,
            subject: None,
            actor: None,
            reported_by: reported_by.map(str::to_string),
            period: None,
        }
    }

    use CasualtyCategory::{Equipment, Killed, Wounded};

    /// (figures, victims, set aside) → (killed count and figures, wounded count, disputed killed counts).
    #[test]
    fn each_victim_is_counted_once_and_reporters_are_kept_apart() {
        type Row = (Vec<Casualty>, Vec<usize>, Vec<usize>, Option<(u64, Vec<usize>)>, Option<u64>, Vec<u64>);
        let rows: Vec<Row> = vec![
            // One victim told three times: one figure stands for them.
            (vec![fig(1, Killed, None), fig(1, Killed, None)], vec![0], vec![1], Some((1, vec![0])), None, vec![]),
            // "two killed" and the two victims named: two, not four.
            (
                vec![fig(2, Killed, None), fig(1, Killed, None), fig(1, Killed, None)],
                vec![1, 2],
                vec![],
                Some((2, vec![0, 1, 2])),
                None,
                vec![],
            ),
            // Three victims told one at a time beat a count of two.
            (
                vec![fig(2, Killed, None), fig(1, Killed, None), fig(1, Killed, None), fig(1, Killed, None)],
                vec![1, 2, 3],
                vec![],
                Some((3, vec![1, 2, 3])),
                None,
                vec![],
            ),
            // Two reporters who disagree: never summed, the other kept apart.
            (
                vec![fig(5, Killed, None), fig(8, Killed, Some("the ministry")), fig(3, Wounded, None)],
                vec![],
                vec![],
                Some((5, vec![0])),
                Some(3),
                vec![8],
            ),
            // Equipment is not tallied; a figure set aside is not counted.
            (vec![fig(4, Equipment, None), fig(1, Wounded, None)], vec![], vec![1], None, None, vec![]),
        ];
        for (i, (figs, victims, aside, killed, wounded, disputed)) in rows.into_iter().enumerate() {
            let t = tally(&figs, &victims, &aside);
            assert_eq!(t.killed.as_ref().map(|k| (k.count, k.figures.clone())), killed, "row {i}");
            assert_eq!(t.wounded.as_ref().map(|k| k.count), wounded, "row {i}");
            let d: Vec<u64> = t.killed.iter().flat_map(|k| k.disputed.iter().map(|d| d.count)).collect();
            assert_eq!(d, disputed, "row {i}");
            assert_eq!(t.get(Equipment), None);
        }
    }
}
