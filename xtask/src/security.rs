//! The static site's defences, written by `cargo xtask build` after trunk:
//! a Content Security Policy in `index.html` (and a `_headers` file for
//! hosts that set headers), and `embed/integrity.json` with the
//! Subresource Integrity hashes of the embed bundle's files.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

use crate::Result;

/// The policy, with the hash of the one inline script trunk writes (the
/// module that loads the wasm) in place of `{script}`. `?src=` may fetch
/// any https page (and this site's own files); nothing else is reached.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script}; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self' https:; worker-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'none'";

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The Subresource Integrity value of some bytes: `sha384-<base64>`.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", b64(&Sha384::digest(bytes)))
}

/// The inline scripts of a page: the text between each `<script…>` without
/// a `src` and its `</script>`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let Some(open_end) = rest[i..].find('>').map(|j| i + j + 1) else { break };
        let tag = &rest[i..open_end];
        let Some(close) = rest[open_end..].find("</script>").map(|j| open_end + j) else { break };
        if !tag.contains(" src=") {
            out.push(&rest[open_end..close]);
        }
        rest = &rest[close + "</script>".len()..];
    }
    out
}

/// The policy for a page, allowing its own inline scripts by their hashes.
pub fn policy(html: &str) -> String {
    let hashes: Vec<String> =
        inline_scripts(html).iter().map(|s| format!("'sha256-{}'", b64(&Sha256::digest(s.as_bytes())))).collect();
    POLICY.replace("{script}", &hashes.join(" "))
}

/// Put the policy into `dist/index.html` (a `<meta>` right after the
/// charset, before any script) and write `dist/_headers` with it and
/// `frame-ancestors`, which only a header can set.
pub fn apply(dist: &Path) -> Result {
    let path = dist.join("index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if html.contains("Content-Security-Policy") {
        return Ok(());
    }
    let policy = policy(&html);
    let charset = "<meta charset=\"utf-8\" />";
    let at = html.find(charset).ok_or("index.html has no <meta charset>")? + charset.len();
    let meta = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let out = format!("{}{meta}{}", &html[..at], &html[at..]);
    std::fs::write(&path, out).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let headers = format!(
        "# Headers for hosts that read this file (Netlify, Cloudflare Pages); see the README for others.\n\
         /index.html\n  Content-Security-Policy: {policy}; frame-ancestors 'self'\n\
         /\n  Content-Security-Policy: {policy}; frame-ancestors 'self'\n  X-Content-Type-Options: nosniff\n"
    );
    std::fs::write(dist.join("_headers"), headers).map_err(|e| format!("cannot write _headers: {e}"))?;
    Ok(())
}

/// Write the pinned loading lines into the README between its
/// `<!-- sri:begin -->` and `<!-- sri:end -->` markers (when they differ).
pub fn readme_snippet(readme: &Path, loader: &str, glue: &str) -> Result {
    let text = std::fs::read_to_string(readme).map_err(|e| format!("cannot read {}: {e}", readme.display()))?;
    let (begin, end) = ("<!-- sri:begin -->\n", "<!-- sri:end -->");
    let (Some(a), Some(b)) = (text.find(begin), text.find(end)) else { return Err("README has no sri markers".into()) };
    let snippet = format!(
        "   ```html\n   <link rel=\"modulepreload\" href=\"/assets/lede/embed/lede.js\" integrity=\"{glue}\" crossorigin>\n   \
         <script type=\"module\" src=\"/assets/lede/embed/lede-embed.js\" integrity=\"{loader}\" crossorigin></script>\n   ```\n"
    );
    let out = format!("{}{begin}{snippet}{}", &text[..a], &text[b..]);
    if out != text {
        std::fs::write(readme, out).map_err(|e| format!("cannot write {}: {e}", readme.display()))?;
    }
    Ok(())
}

/// `embed/integrity.json`: the `sha384-…` of each file of the embed bundle,
/// for a host that pins them (`<script integrity=…>`). Returns the
/// loader's and the glue's (`lede.js`).
pub fn integrity(embed: &Path) -> Result<(String, String)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    let entries = std::fs::read_dir(embed).map_err(|e| format!("cannot read {}: {e}", embed.display()))?;
    for entry in entries.filter_map(std::result::Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() && name != "integrity.json" {
            let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
            rows.push((name, sri(&bytes)));
        }
    }
    rows.sort();
    let map: serde_json::Map<String, serde_json::Value> =
        rows.iter().map(|(n, h)| (n.clone(), serde_json::Value::String(h.clone()))).collect();
    let json = serde_json::to_string_pretty(&map).map_err(|e| e.to_string())?;
    std::fs::write(embed.join("integrity.json"), json + "\n")
        .map_err(|e| format!("cannot write integrity.json: {e}"))?;
    let of = |file: &str| rows.iter().find(|(n, _)| n == file).map(|r| r.1.clone()).ok_or(format!("no {file}"));
    Ok((of("lede-embed.js")?, of("lede.js")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_exactly_the_pages_inline_scripts() {
        let html = "<head><script type=\"module\">import init from './a.js';</script>\
                    <script src=\"b.js\"></script><script>x()</script></head>";
        assert_eq!(inline_scripts(html), ["import init from './a.js';", "x()"]);
        let p = policy(html);
        // echo -n "x()" | openssl dgst -sha256 -binary | base64
        assert!(p.contains("'sha256-D6IGS8VMvCoyaR/l0h9tERrBTATY01CoPS7l6xDv0kI='"), "{p}");
        assert_eq!(p.matches("'sha256-").count(), 2);
        assert!(!p.contains("unsafe-inline") && p.contains("object-src 'none'") && p.contains("'wasm-unsafe-eval'"));
    }
}
