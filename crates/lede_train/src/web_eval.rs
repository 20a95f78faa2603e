//! Lede's main text on the web-page sets, for `cargo xtask eval-html` to
//! score beside a peer's (trafilatura) with the sets' own metrics:
//! - WCXB dev (`wcxb-dev/html/<id>.html.gz`), split once by domain into a
//!   fitting part (70%) and a checking part ([`fitting`]);
//! - the Readability.js test pages (`readability-pages/<page>/source.html.gz`);
//! - L3S-GN1 (`original/<page>.html.gz`, gold from `annotated/`).
//!
//! `lede_train predict-web --shared DIR --out DIR` writes, into `--out`:
//! `wcxb-lede.json`, `readability-lede.json` and `l3s-lede.json` (`{"<page>": "main text"}`),
//! `l3s-gold.json`, and `wcxb-fit.ids` / `wcxb-check.ids` (one page id a line).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use lede_core::{analyze, Analysis, InputMode, Options, ParagraphKind, Role};

/// Share of WCXB's domains, in percent, in the fitting part.
pub const FIT_PERCENT: u64 = 70;

/// FNV-1a, 64 bits: a fixed hash, so the split never changes with a library.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A page's domain from its URL: the host, lowercase, without "www.".
pub fn domain(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    host.strip_prefix("www.").map(str::to_string).unwrap_or(host)
}

/// Whether a domain's pages are in the fitting part (else the checking part).
pub fn fitting(domain: &str) -> bool {
    fnv1a(domain) % 100 < FIT_PERCENT
}

/// The main article's text as a reader sees it: its headline, then its body
/// paragraphs (captions and embeds left out), one a line. Empty when the
/// page gives no article.
pub fn main_text(a: &Analysis, input: &str) -> String {
    let text = a.text.as_deref().unwrap_or(input);
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars.get(s..e).map(|c| c.iter().collect::<String>()).unwrap_or_default();
    let Some(main) = a.articles.iter().find(|x| x.role == Role::Main).or(a.articles.first()) else {
        return String::new();
    };
    let mut out = String::new();
    if let Some(h) = &main.headline {
        out.push_str(&h.text);
        out.push('\n');
    }
    for p in main.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body) {
        out.push_str(&slice(p.start, p.end));
        out.push('\n');
    }
    out
}

fn html_main_text(html: &str) -> String {
    let options = Options { input: InputMode::Html, ..Options::default() };
    analyze(html, &options).map(|a| main_text(&a, html)).unwrap_or_default()
}

pub fn write_json(path: &Path, map: &BTreeMap<String, String>) -> Result<(), String> {
    let json = serde_json::to_string(map).map_err(|e| e.to_string())?;
    std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))
}

/// WCXB's pages with their ids and whether each is in the fitting part.
pub fn wcxb_pages(data: &Path) -> Result<Vec<(String, bool)>, String> {
    let mut pages = Vec::new();
    for gt in crate::segment_train::entries(&data.join("ground-truth"))? {
        let Some(id) = gt.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gt).map_err(|e| e.to_string())?)
            .map_err(|e| format!("{}: {e}", gt.display()))?;
        let url = meta.get("url").and_then(|u| u.as_str()).unwrap_or("");
        pages.push((id.to_string(), fitting(&domain(url))));
    }
    Ok(pages)
}

/// `wcxb-fit.ids` and `wcxb-check.ids`: the split of `pages` (from
/// [`wcxb_pages`]), one page id a line.
pub fn write_split(pages: &[(String, bool)], out: &Path) -> Result<(), String> {
    let (mut fit, mut check) = (String::new(), String::new());
    for (id, fitting) in pages {
        let part = if *fitting { &mut fit } else { &mut check };
        part.push_str(id);
        part.push('\n');
    }
    std::fs::write(out.join("wcxb-fit.ids"), fit).map_err(|e| e.to_string())?;
    std::fs::write(out.join("wcxb-check.ids"), check).map_err(|e| e.to_string())
}

/// WCXB: predictions and the split. Returns (pages, bytes, seconds).
fn wcxb(data: &Path, out: &Path) -> Result<(usize, usize, f64), String> {
    let mut preds = BTreeMap::new();
    let (mut bytes, mut secs) = (0usize, 0.0f64);
    let pages = wcxb_pages(data)?;
    for (id, _) in &pages {
        let html = crate::segment_train::read_gz(&data.join("html").join(format!("{id}.html.gz")))?;
        let t = Instant::now();
        preds.insert(id.clone(), html_main_text(&html));
        secs += t.elapsed().as_secs_f64();
        bytes += html.len();
    }
    write_json(&out.join("wcxb-lede.json"), &preds)?;
    write_split(&pages, out)?;
    Ok((preds.len(), bytes, secs))
}

fn readability(data: &Path, out: &Path) -> Result<usize, String> {
    let mut preds = BTreeMap::new();
    for dir in crate::segment_train::entries(data)? {
        let source = dir.join("source.html.gz");
        if !source.is_file() {
            continue;
        }
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        preds.insert(name, html_main_text(&crate::segment_train::read_gz(&source)?));
    }
    write_json(&out.join("readability-lede.json"), &preds)?;
    Ok(preds.len())
}

/// L3S-GN1's gold main text (the annotated "full text" blocks) by page.
fn l3s_gold(data: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut gold = BTreeMap::new();
    for file in crate::segment_train::files(&data.join("annotated"))? {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text: String = crate::segment_eval::lines_with_labels(&crate::segment_train::read_gz(&file)?)
            .into_iter()
            .filter(|(_, l)| *l == 2)
            .map(|(t, _)| t + "\n")
            .collect();
        gold.insert(name, text);
    }
    Ok(gold)
}

/// `l3s-gold.json`: L3S-GN1's gold main text by page.
pub fn write_l3s_gold(data: &Path, out: &Path) -> Result<(), String> {
    write_json(&out.join("l3s-gold.json"), &l3s_gold(data)?)
}

/// L3S-GN1: Lede's main text with the committed block model, and the gold.
fn l3s(data: &Path, out: &Path) -> Result<usize, String> {
    let mut preds = BTreeMap::new();
    let gold = l3s_gold(data)?;
    for name in gold.keys() {
        let html = crate::segment_train::read_gz(&data.join("original").join(name))?;
        preds.insert(name.clone(), html_main_text(&html));
    }
    write_json(&out.join("l3s-lede.json"), &preds)?;
    write_json(&out.join("l3s-gold.json"), &gold)?;
    Ok(preds.len())
}

/// Write every prediction file into `out`.
pub fn predict(shared: &Path, out: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let data = shared.join("data");
    let (pages, bytes, secs) = wcxb(&data.join("wcxb-dev"), out)?;
    println!("wcxb-dev: {pages} pages analysed, {:.1} MB of HTML/s", bytes as f64 / 1e6 / secs.max(1e-9));
    println!("readability-pages: {} pages analysed", readability(&data.join("readability-pages"), out)?);
    println!("l3s-gn1: {} pages analysed", l3s(&data.join("l3s-gn1"), out)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_of_urls() {
        for (url, want) in [
            ("https://www.Example.com/a/b?c", "example.com"),
            ("http://news.example.co.uk:8080/x", "news.example.co.uk"),
            ("https://user@example.org#top", "example.org"),
            ("example.net/path", "example.net"),
            ("", ""),
        ] {
            assert_eq!(domain(url), want, "{url}");
        }
    }

    #[test]
    fn the_split_is_fixed_and_near_seventy_percent() {
        // FNV-1a's published test value: the hash never changes.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        let domains: Vec<String> = (0..2000).map(|i| format!("site{i}.example")).collect();
        let fit = domains.iter().filter(|d| fitting(d)).count();
        assert!((1300..1500).contains(&fit), "{fit} of 2000 in the fitting part");
    }
}
