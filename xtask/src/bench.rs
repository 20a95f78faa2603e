//! `cargo xtask bench [--quick] [--no-criterion]`: every performance figure
//! in one table.
//!
//! - criterion benchmarks of the core's stages and the whole pipeline;
//! - native runs of the pipeline on the generated corpus at 1, 5, 10 and
//!   50 MB (one process each, so each peak memory is its own), with the
//!   time per stage, and the entity model's load time;
//! - the release bundle (wasm, JS, CSS; raw, gzip, brotli);
//! - in headless Chromium: navigation to the analysed sample, and the same
//!   pipeline through the embed bundle's `analyze()` on the same corpus,
//!   beside compromise (npm) finding people, places and organisations in
//!   the same text on the same page.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::browser::{serve, Browser};
use crate::{install, root, run, sizes, Result};

/// The compromise release measured against (npm).
const COMPROMISE: &str = "compromise@14.17.0";

fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = w.write_all(bytes);
    }
    out.len()
}

fn native_run(bin: &Path, arg: &str) -> Result<Value> {
    let out = Command::new(bin).arg(arg).output().map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if !out.status.success() {
        return Err(format!("bench_run {arg} failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("bench_run {arg}: {e}"))
}

/// compromise's single-file ES module, installed from npm into `.tools/npm`.
fn compromise_module() -> Result<std::path::PathBuf> {
    let prefix = root().join(".tools/npm");
    let module = prefix.join("node_modules/compromise/builds/three/compromise-three.mjs");
    if !module.exists() {
        run(Command::new("npm").args(["install", "--no-audit", "--no-fund", "--prefix"]).arg(&prefix).arg(COMPROMISE))?;
    }
    if module.exists() {
        Ok(module)
    } else {
        Err(format!("npm installed {COMPROMISE} but {} is missing", module.display()))
    }
}

const PAGE: &str = r#"<!DOCTYPE html>
<meta charset="utf-8">
<title>Lede browser benchmark</title>
<script type="module">
const SIZES = __SIZES__, PEER_SIZES = __PEER_SIZES__;
const out = { lede: [], compromise: [] };
const count = (a) => a.articles.reduce((n, x) => n + x.entities.length + x.quotes.length + x.casualties.length, 0);
try {
  let t = performance.now();
  const { analyze } = await import('/embed/lede-embed.js');
  out.module_ms = performance.now() - t;
  t = performance.now();
  analyze('Warm up: Ada Quill said "hello" in Harbour Town.');
  out.first_call_ms = performance.now() - t;
  for (const size of SIZES) {
    const text = await (await fetch(`/bench/corpus-${size}.txt`)).text();
    let best = Infinity, items = 0;
    for (let r = 0; r < (size > 2e6 ? 1 : 3); r++) {
      t = performance.now();
      const a = analyze(text);
      best = Math.min(best, performance.now() - t);
      items = count(a);
    }
    out.lede.push({ bytes: new Blob([text]).size, ms: best, items });
  }
  const nlp = (await import('/bench/compromise.mjs')).default;
  for (const size of PEER_SIZES) {
    const text = await (await fetch(`/bench/corpus-${size}.txt`)).text();
    t = performance.now();
    const doc = nlp(text);
    const items = doc.people().length + doc.places().length + doc.organizations().length;
    out.compromise.push({ bytes: new Blob([text]).size, ms: performance.now() - t, items });
  }
} catch (e) {
  out.error = String((e && e.stack) || e);
}
window.__bench = out;
</script>
"#;

pub fn bench(args: &[String]) -> Result {
    let quick = args.iter().any(|a| a == "--quick");
    let tools = install::ensure(true)?;
    if !args.iter().any(|a| a == "--no-criterion") {
        let mut cmd = Command::new("cargo");
        cmd.args(["bench", "--locked", "-p", "lede_core"]);
        if quick {
            cmd.args(["--", "--quick"]);
        }
        run(&mut cmd)?;
    }

    // Native runs, one process per size.
    run(Command::new("cargo").args(["build", "--release", "--locked", "-p", "lede_core", "--example", "bench_run"]))?;
    let bin = crate::cargo_target().join("release/examples/bench_run");
    let native_sizes: &[usize] =
        if quick { &[1_000_000, 5_000_000] } else { &[1_000_000, 5_000_000, 10_000_000, 50_000_000] };
    let mut native = Vec::new();
    for &size in native_sizes {
        eprintln!("xtask: native pipeline on {} MB", size / 1_000_000);
        native.push(native_run(&bin, &size.to_string())?);
    }
    let model = native_run(&bin, "model")?;

    // The release site with the embed bundle, and the bench page beside it.
    crate::release_build(&tools)?;
    let bench_dir = root().join("target/bench");
    std::fs::create_dir_all(&bench_dir).map_err(|e| e.to_string())?;
    let browser_sizes: &[usize] = if quick { &[1_000_000] } else { &[1_000_000, 5_000_000] };
    let peer_sizes: &[usize] = if quick { &[100_000] } else { &[100_000, 1_000_000] };
    for &size in browser_sizes.iter().chain(peer_sizes) {
        let path = bench_dir.join(format!("corpus-{size}.txt"));
        std::fs::write(&path, lede_core::corpus::news(size, 42)).map_err(|e| e.to_string())?;
    }
    std::fs::copy(compromise_module()?, bench_dir.join("compromise.mjs")).map_err(|e| e.to_string())?;
    let list = |s: &[usize]| format!("{s:?}");
    let page = PAGE.replace("__SIZES__", &list(browser_sizes)).replace("__PEER_SIZES__", &list(peer_sizes));
    std::fs::write(bench_dir.join("bench.html"), page).map_err(|e| e.to_string())?;

    let origin = serve(root().join("dist"), bench_dir)?;
    let browser = Browser::start(&tools.chromedriver)?;
    let mark = "const m = performance.getEntriesByName('lede-analysed')[0]; \
                const p = performance.getEntriesByName('first-contentful-paint')[0]; \
                return m && p ? [m.startTime, p.startTime, document.querySelectorAll('mark[data-kind]').length] : null;";
    let mut navigations = Vec::new();
    for _ in 0..3 {
        browser.goto(&format!("{origin}/index.html"))?;
        navigations.push(browser.wait_for(mark, 30)?);
    }
    let paste = paste_big(&browser, &origin, browser_sizes[browser_sizes.len() - 1])?;
    browser.goto(&format!("{origin}/bench/bench.html"))?;
    let web = browser.wait_for("return window.__bench || null;", 900)?;
    drop(browser);
    if let Some(e) = web.get("error") {
        return Err(format!("the browser benchmark failed: {e}"));
    }

    // One table.
    let f = |v: &Value, k: &str| v[k].as_f64().unwrap_or(0.0);
    println!("\nLede benchmarks ({})", machine());
    println!("\nnative pipeline (one core, release build, generated news corpus)");
    println!(
        "  {:>8} {:>8} {:>8} {:>9} {:>8}   share of time: segment tokens entities quotes casualties output",
        "MB", "seconds", "MB/s", "peak MB", "peak/in"
    );
    for r in &native {
        let mb = f(r, "bytes") / 1e6;
        let secs = f(r, "seconds");
        let peak = f(r, "peak_rss") / 1e6;
        let st = &r["stages"];
        let share = |k: &str| 100.0 * f(st, k) / secs.max(1e-9);
        println!(
            "  {mb:>8.1} {secs:>8.2} {:>8.2} {peak:>9.0} {:>7.1}x   {:>5.1}% {:>5.1}% {:>5.1}% {:>5.1}% {:>5.1}% {:>5.1}%",
            f(r, "mb_per_s"),
            peak / mb.max(1e-9),
            share("segment"),
            share("tokens"),
            share("entities"),
            share("quotes"),
            share("casualties"),
            share("output"),
        );
    }
    println!(
        "  entity model: {:.0} KB, loaded in {:.2} ms natively",
        f(&model, "model_bytes") / 1024.0,
        f(&model, "model_load_ms")
    );

    println!("\nheadless Chromium (release embed bundle: core at opt-level 2, the rest z; same corpus)");
    println!("  {:<34} {:>8} {:>10} {:>8} {:>8}", "", "MB", "ms", "MB/s", "items");
    // Print one runner's rows; returns its throughput on the largest input.
    let rows = |label: &str, runs: &Value| {
        let mut rate = 0.0;
        for r in runs.as_array().into_iter().flatten() {
            rate = f(r, "bytes") / 1e6 / (f(r, "ms") / 1e3);
            println!("  {label:<34} {:>8.1} {:>10.0} {:>8.2} {:>8}", f(r, "bytes") / 1e6, f(r, "ms"), rate, r["items"]);
        }
        rate
    };
    let lede_rate = rows("Lede analyze() (all three kinds)", &web["lede"]);
    let peer_rate = rows("compromise people/places/orgs", &web["compromise"]);
    if peer_rate > 0.0 {
        println!("  Lede / compromise throughput: {:.1}x", lede_rate / peer_rate);
    }
    println!(
        "  embed module load {:.0} ms; first analyze() (entity model load) {:.1} ms",
        f(&web, "module_ms"),
        f(&web, "first_call_ms")
    );
    println!(
        "  pasting {:.0} MB into the reader: analysed in the worker and shown in {:.0} ms; longest main-thread task {:.0} ms; {} progress updates",
        paste.0, paste.1, paste.2, paste.3
    );
    for (i, n) in navigations.iter().enumerate() {
        println!(
            "  navigation {} to the analysed sample: in the DOM at {:.0} ms, first contentful paint {:.0} ms ({} highlights)",
            i + 1,
            n[0].as_f64().unwrap_or(0.0),
            n[1].as_f64().unwrap_or(0.0),
            n[2]
        );
    }

    println!("\nrelease bundle (raw / gzip / brotli, KB)");
    let dist = root().join("dist");
    for dir in [dist.clone(), dist.join("embed")] {
        let mut rows: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .filter_map(std::result::Result::ok)
            .filter(|e| e.path().is_file())
            .filter_map(|e| Some((e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).ok()?)))
            .filter(|(n, _)| [".wasm", ".js", ".css"].iter().any(|x| n.ends_with(x)))
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1.len()));
        for (name, bytes) in rows {
            let rel = if dir == dist { name } else { format!("embed/{name}") };
            println!(
                "  {rel:<44} {:>8.1} {:>8.1} {:>8.1}",
                bytes.len() as f64 / 1024.0,
                sizes::gzip_len(&bytes) as f64 / 1024.0,
                brotli_len(&bytes) as f64 / 1024.0
            );
        }
    }
    Ok(())
}

/// The machine the figures come from.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    format!("{cpu}, {cores} cores")
}

/// `cargo xtask screenshot`: PNGs of the reader on the sample, in light and
/// dark themes, at desktop and phone width (360 px), in `target/screenshots/`.
pub fn screenshot() -> Result {
    let tools = install::ensure(true)?;
    crate::release_build(&tools)?;
    let out = root().join("target/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let origin = serve(root().join("dist"), root().join("target/bench"))?;
    let browser = Browser::start(&tools.chromedriver)?;
    let ready = "return document.querySelectorAll('mark[data-kind]').length > 0 ? true : null;";
    for (name, theme, width, height) in [
        ("light", "light", 1280, 1600),
        ("dark", "dark", 1280, 1600),
        ("phone-light", "light", 360, 1400),
        ("phone-dark", "dark", 360, 1400),
    ] {
        browser.resize(width, height)?;
        browser.goto(&format!("{origin}/index.html?theme={theme}"))?;
        browser.wait_for(ready, 30)?;
        // Show a card, as hovering would: focus the first casualty figure without scrolling.
        browser.eval("const m = document.querySelector('mark[data-kind=casualty]'); if (m) m.focus({focusVisible: true, preventScroll: true}); window.scrollTo(0, 0); return true;")?;
        let png = browser.screenshot()?;
        let path = out.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("{}", path.display());
    }
    browser.goto(&format!("{origin}/embed.html"))?;
    browser.resize(1280, 1600)?;
    browser.wait_for(
        "const w = document.querySelectorAll('lede-reader'); return [...w].every(e => e.shadowRoot && e.shadowRoot.querySelector('mark')) ? true : null;",
        30,
    )?;
    let path = out.join("embed.png");
    std::fs::write(&path, browser.screenshot()?).map_err(|e| e.to_string())?;
    println!("{}", path.display());
    Ok(())
}

/// Paste a long document into the reader as a user would and watch the main
/// thread: (MB, ms until the analysis is on screen, the longest task, how
/// many progress values the page showed).
fn paste_big(browser: &Browser, origin: &str, size: usize) -> Result<(f64, f64, f64, u64)> {
    browser.goto(&format!("{origin}/index.html"))?;
    browser.wait_for("return document.querySelectorAll('mark[data-kind]').length > 0 ? true : null;", 30)?;
    let start = format!(
        "window.__paste = {{ longest: 0, progress: new Set(), done: null }};
         new PerformanceObserver((l) => {{ for (const e of l.getEntries()) window.__paste.longest = Math.max(window.__paste.longest, e.duration); }})
           .observe({{ type: 'longtask', buffered: false }});
         const text = await (await fetch('/bench/corpus-{size}.txt')).text();
         const area = document.querySelector('[data-testid=input] textarea');
         area.value = text;
         area.dispatchEvent(new Event('input'));
         const before = document.querySelector('[data-testid=status]').textContent;
         const t0 = performance.now();
         document.querySelector('[data-testid=analyse]').click();
         const poll = () => {{
           const p = document.querySelector('[data-testid=progress]');
           if (p) window.__paste.progress.add(p.value);
           const s = document.querySelector('[data-testid=status]').textContent;
           if (/article\\(s\\) analysed/.test(s) && !p) window.__paste.done = performance.now() - t0;
           else setTimeout(poll, 10);
         }};
         poll();
         return true;"
    );
    browser.eval(&format!("return (async () => {{ {start} }})();"))?;
    let v = browser.wait_for(
        "const p = window.__paste; return p && p.done !== null ? [p.done, p.longest, p.progress.size] : null;",
        600,
    )?;
    let f = |i: usize| v[i].as_f64().unwrap_or(0.0);
    Ok((size as f64 / 1e6, f(0), f(1), f(2) as u64))
}
