//! A synthetic news corpus for benchmarks, generated here so that its text
//! is ours: fictional articles with headlines, bylines, named people,
//! places and organisations, quotes with speakers, and casualty figures,
//! separated by blank lines. Deterministic for a given size and seed.

const GIVEN: [&str; 12] =
    ["Ada", "Tomas", "Ines", "Marta", "Oskar", "Lena", "Paolo", "Rhea", "Jonas", "Selin", "Dario", "Maren"];
const FAMILY: [&str; 12] =
    ["Quill", "Reyes", "Calloway", "Vell", "Lind", "Ortiz", "Brandt", "Okafor", "Halden", "Yilmaz", "Costa", "Frey"];
const PLACES: [&str; 10] = [
    "Harbour Town",
    "Valderra",
    "Port Miren",
    "Kestra",
    "Eastgate",
    "Marisol",
    "Northwick",
    "Lowmere",
    "Astrid",
    "Corven",
];
const ORGS: [&str; 8] = [
    "the Valderra Civil Protection Agency",
    "the Miren Harbour Authority",
    "the Northport Institute of Technology",
    "Corven Rail",
    "the Kestra City Council",
    "the Coastal Rescue Service",
    "Lowmere General Hospital",
    "the National Weather Office",
];
const EVENTS: [&str; 6] = ["storm", "flood", "fire", "collapse", "landslide", "blast"];
const HEADLINES: [&str; 6] = [
    "{E} Hits {P} as Crews Work Through the Night",
    "{P} Counts the Cost of the {E}",
    "Rescuers Search {P} After {E}",
    "{E} Leaves {P} Without Power",
    "Questions Mount in {P} Over {E} Warnings",
    "{P} Mourns Victims of {E}",
];
const VERBS: [&str; 5] = ["said", "told reporters", "added", "wrote", "said on Monday"];
const NUMBERS: [&str; 10] =
    ["two", "three", "a dozen", "14", "at least 20", "dozens of", "about 150", "1,200", "more than 300", "nearly 40"];
const HURT: [&str; 5] = ["were killed", "were injured", "were wounded", "remain missing", "died"];

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// About `size` bytes of articles.
pub fn news(size: usize, seed: u64) -> String {
    let mut r = Rng(seed);
    let mut out = String::with_capacity(size + 2048);
    while out.len() < size {
        let place = r.pick(&PLACES);
        let event = r.pick(&EVENTS);
        let (g1, f1) = (r.pick(&GIVEN), r.pick(&FAMILY));
        let (g2, f2) = (r.pick(&GIVEN), r.pick(&FAMILY));
        let org = r.pick(&ORGS);
        let headline = r.pick(&HEADLINES).replace("{E}", &capitalise(event)).replace("{P}", place);
        out.push_str(&headline);
        out.push_str("\n\n");
        out.push_str(&format!("By {} {}\n\n", r.pick(&GIVEN), r.pick(&FAMILY)));
        out.push_str(&format!(
            "{} people {} after a {} struck {} on Sunday, according to {}, which said {} others {}.\n\n",
            capitalise(r.pick(&NUMBERS)),
            r.pick(&HURT),
            event,
            place,
            org,
            r.pick(&NUMBERS),
            r.pick(&HURT),
        ));
        out.push_str(&format!(
            "\"We have never seen a {} like this in {},\" {} {}, the mayor, {}. \"Every family here has lost something.\"\n\n",
            event,
            place,
            g1,
            f1,
            r.pick(&VERBS)
        ));
        out.push_str(&format!(
            "{} {}, who works for {}, said crews had reached {} of the {} homes cut off by the {}. {} called the response \"slow but steady\".\n\n",
            g2,
            f2,
            org,
            r.pick(&NUMBERS),
            r.next() % 900 + 100,
            event,
            f2
        ));
        out.push_str(&format!(
            "Officials in {} expect the cost to pass {} million, and the council will meet on Tuesday. {} said {} more would be known by the weekend.\n\n",
            r.pick(&PLACES),
            r.next() % 90 + 10,
            f1,
            if r.next() % 2 == 0 { "she" } else { "he" },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_corpus_is_news_of_the_size_asked() {
        let text = super::news(20_000, 7);
        assert!(text.len() >= 20_000 && text.len() < 22_000);
        assert_eq!(text, super::news(20_000, 7));
        let a = crate::analyze(&text, &crate::Options::default()).expect("analyses");
        assert!(a.articles.len() > 10);
        let figures: usize = a.articles.iter().map(|x| x.casualties.len()).sum();
        let quotes: usize = a.articles.iter().map(|x| x.quotes.len()).sum();
        assert!(figures > a.articles.len() && quotes > a.articles.len(), "{figures} figures, {quotes} quotes");
    }
}
