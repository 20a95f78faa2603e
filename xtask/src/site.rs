//! `cargo xtask test`'s last step: the built site in headless Chromium, as a
//! user meets it. The browser tests run the app with the entity model built
//! in; the site fetches it after the first paint, so this checks that path:
//! the reader's sample gets its entities, a long paste analysed in the
//! worker gets them, and the widgets of the embed example page get them.
//! All of it under the site's Content Security Policy, which refuses an
//! inline script injected into the page; and the widget works on a host
//! page whose policy allows no inline style or script at all.

use crate::browser::{serve, Browser};
use crate::install::Tools;
use crate::{root, Result};

/// Generated text long enough to go to the worker (over `OFFLOAD_BYTES`).
const LONG: usize = 400_000;

/// Generated text just under the reader's 16 MiB limit.
const LARGEST: usize = 16_000_000;

/// The wasm memory a worker may hold after analysing the largest input
/// the reader takes (measured: see the README).
const WORKER_MEMORY_MAX_MB: f64 = 512.0;

/// Collect the page's Content Security Policy violations in `window.__violations`.
const WATCH_VIOLATIONS: &str = "window.__violations = []; \
    document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));";

/// A host page with a strict policy (no inline script or style anywhere)
/// that pins the embed bundle with the hashes of `embed/integrity.json`.
const STRICT_HOST: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'" />
<title>A host with a strict policy</title>
<link rel="modulepreload" href="/embed/lede.js" integrity="__GLUE__" crossorigin>
<script type="module" src="/embed/lede-embed.js" integrity="__LOADER__" crossorigin></script>
</head><body>
<lede-reader id="w">Harbour Wall Holds

VALDERRA — Two fishermen were injured when a wave broke over the harbour wall on Monday, said Ines Calloway, the harbour engineer. "The wall held, and that is what matters," she said.
</lede-reader>
</body></html>
"#;

pub fn check(tools: &Tools) -> Result {
    let dir = crate::cargo_target().join("site-check");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("long.txt"), lede_core::corpus::news(LONG, 7)).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("largest.txt"), lede_core::corpus::news(LARGEST, 8)).map_err(|e| e.to_string())?;
    let pins = std::fs::read_to_string(root().join("dist/embed/integrity.json")).map_err(|e| e.to_string())?;
    let pins: serde_json::Value = serde_json::from_str(&pins).map_err(|e| e.to_string())?;
    let pin = |f: &str| pins[f].as_str().map(str::to_string).ok_or(format!("integrity.json has no {f}"));
    let strict = STRICT_HOST.replace("__GLUE__", &pin("lede.js")?).replace("__LOADER__", &pin("lede-embed.js")?);
    std::fs::write(dir.join("strict.html"), &strict).map_err(|e| e.to_string())?;
    // The same page with a loader hash that is not the file's.
    let wrong = format!("sha384-{}", "A".repeat(64));
    std::fs::write(dir.join("tampered.html"), strict.replace(&pin("lede-embed.js")?, &wrong))
        .map_err(|e| e.to_string())?;
    let origin = serve(root().join("dist"), dir)?;
    let browser = Browser::start(&tools.chromedriver)?;

    browser.goto(&format!("{origin}/index.html"))?;
    let entities = "const n = document.querySelectorAll('mark[data-kind=entity]').length; \
                    return n > 0 && !document.querySelector('[data-testid=model-status]') ? n : null;";
    let n = browser.wait_for(entities, 30).map_err(|e| format!("the reader's sample got no entities: {e}"))?;
    println!("site: the reader's sample shows {n} entity highlights once the model has arrived");
    let policy = browser.eval(
        "const m = document.querySelector('meta[http-equiv=Content-Security-Policy]'); return m ? m.content : null;",
    )?;
    let policy = policy.as_str().ok_or("dist/index.html carries no Content Security Policy")?.to_string();
    if policy.contains("unsafe-inline") || !policy.contains("object-src 'none'") {
        return Err(format!("the site's policy is too loose: {policy}"));
    }
    // An inline script injected into the page is refused, and says so.
    browser.eval(&format!(
        "{WATCH_VIOLATIONS} const s = document.createElement('script'); s.textContent = 'window.__injected = true;'; \
         document.head.appendChild(s); return true;"
    ))?;
    let v = browser
        .wait_for("return window.__violations.length ? [window.__violations, !!window.__injected] : null;", 10)
        .map_err(|e| format!("no CSP violation for an injected inline script: {e}"))?;
    if v[1].as_bool() != Some(false) {
        return Err(format!("an injected inline script ran: {v}"));
    }
    println!("site: under its policy an injected inline script is refused ({})", v[0]);

    let paste = |file: &str| {
        format!(
            "return (async () => {{
        const text = await (await fetch('/bench/{file}')).text();
        const area = document.querySelector('[data-testid=input] textarea');
        area.value = text;
        area.dispatchEvent(new Event('input'));
        document.querySelector('[data-testid=analyse]').click();
        return true;
    }})();"
        )
    };
    browser.eval(&paste("long.txt"))?;
    let done = "const s = document.querySelector('[data-testid=status]').textContent; \
                if (!/article\\(s\\) analysed/.test(s) || /in the background/.test(s)) return null; \
                return [s, document.querySelectorAll('mark[data-kind=entity]').length];";
    let v = browser.wait_for(done, 300)?;
    let status = v[0].as_str().unwrap_or("");
    if status.contains("on this page") || v[1].as_u64().unwrap_or(0) == 0 {
        return Err(format!("the long paste was not analysed with entities in the worker: {v}"));
    }
    println!("site: a {} KB paste, analysed in the worker: {status}, {} entity highlights", LONG / 1000, v[1]);

    // The largest input the reader takes: the worker's memory, then the worker dropped.
    browser.eval(&paste("largest.txt"))?;
    let done = "const s = document.querySelector('[data-testid=status]').textContent; \
                return /article\\(s\\) analysed/.test(s) && !document.querySelector('[data-testid=progress]') ? s : null;";
    let status = browser.wait_for(done, 600)?;
    let status = status.as_str().unwrap_or("").to_string();
    let held = status
        .split("the worker held ")
        .nth(1)
        .and_then(|r| r.split(" MB and was released").next())
        .and_then(|n| n.parse::<f64>().ok())
        .ok_or(format!("after the largest input the worker was not released: {status:?}"))?;
    if held > WORKER_MEMORY_MAX_MB {
        return Err(format!("the worker held {held} MB of wasm memory, over {WORKER_MEMORY_MAX_MB}"));
    }
    println!("site: a {} MB paste: {status}", LARGEST / 1_000_000);
    // The next long input gets a new worker.
    browser.eval(&paste("long.txt"))?;
    let done = "const s = document.querySelector('[data-testid=status]').textContent; \
                return /article\\(s\\) analysed/.test(s) && !/Analysing/.test(s) \
                && !document.querySelector('[data-testid=progress]') && !/was released/.test(s) ? s : null;";
    let status = browser.wait_for(done, 300)?;
    if status.as_str().unwrap_or("").contains("on this page") {
        return Err(format!("after the release no new worker started: {status}"));
    }
    println!("site: the next long paste starts a new worker: {status}");

    browser.goto(&format!("{origin}/embed.html"))?;
    let widgets = "const w = [...document.querySelectorAll('lede-reader')].map(e => e.shadowRoot \
                   ? e.shadowRoot.querySelectorAll('mark[data-kind]').length : 0); \
                   const first = document.querySelector('#story-1'); \
                   const ents = first && first.shadowRoot ? first.shadowRoot.querySelectorAll('mark[data-kind=entity]').length : 0; \
                   return w.length === 2 && w.every(n => n > 0) && ents > 0 ? [ents, w] : null;";
    let v = browser.wait_for(widgets, 30).map_err(|e| format!("the embed example's widgets: {e}"))?;
    println!("site: the embed example's widgets show {} highlights, {} of them entities in the first", v[1], v[0]);

    browser.goto(&format!("{origin}/bench/strict.html"))?;
    browser.eval(&format!("{WATCH_VIOLATIONS} return true;"))?;
    let styled = "const r = document.querySelector('#w').shadowRoot; if (!r) return null; \
                  const m = r.querySelector('mark[data-kind=entity]'); if (!m) return null; \
                  return [getComputedStyle(m).backgroundColor, r.querySelectorAll('mark[data-kind]').length, window.__violations];";
    let v = browser.wait_for(styled, 30).map_err(|e| format!("the widget on a strict host: {e}"))?;
    let bg = v[0].as_str().unwrap_or("");
    if bg == "rgba(0, 0, 0, 0)" || bg == "transparent" || v[2].as_array().is_some_and(|a| !a.is_empty()) {
        return Err(format!("on a host whose policy allows no inline style the widget is unstyled or refused: {v}"));
    }
    println!(
        "site: on a strict host (no inline script or style) that pins the bundle by integrity.json the widget shows {} highlights, styled ({bg})",
        v[1]
    );
    browser.goto(&format!("{origin}/bench/tampered.html"))?;
    std::thread::sleep(std::time::Duration::from_secs(3));
    let defined = browser.eval("return !!customElements.get('lede-reader');")?;
    if defined.as_bool() != Some(false) {
        return Err("a loader whose hash is not the pinned one ran".into());
    }
    println!("site: with a pinned hash that is not the loader's, the browser refuses to run it");
    Ok(())
}
