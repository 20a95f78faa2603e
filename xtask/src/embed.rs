//! The embed bundle: `crates/lede_embed` built for wasm32 with the small-code
//! profile, wasm-bindgen `--target web`, wasm-opt, and a loader module, into
//! `target/embed/`. Trunk copies that folder to `dist/embed/` (index.html
//! asks for it), beside `embed.html`, the example page.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::install::Tools;
use crate::{root, run, Result};

/// The one module a host page includes: it loads the wasm next to it,
/// defines `<lede-reader>` and re-exports the JS API.
const LOADER: &str = "\
// Lede embed: <script type=\"module\" src=\".../embed/lede-embed.js\"></script>
// defines <lede-reader>; `import { analyze, mount } from \".../embed/lede-embed.js\"`
// gives the JS API. The wasm is fetched from beside this file.
import init, { analyze, mount, defineElement } from './lede.js';

await init();
defineElement();

export { analyze, mount };
";

/// The reader's Web Worker: analyses off the page's main thread with the
/// embed bundle's wasm, posting progress, then the contract as JSON. The
/// browser tests run the same script against the test module.
const WORKER: &str = include_str!("../../src/lede-worker.js");

pub fn out_dir() -> PathBuf {
    root().join("target/embed")
}

pub fn build(tools: &Tools) -> Result {
    let out = out_dir();
    run(Command::new("cargo").args([
        "build",
        "--locked",
        "-p",
        "lede_embed",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]))?;
    let wasm = crate::cargo_target().join("wasm32-unknown-unknown/wasm-release/lede_embed.wasm");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    run(Command::new("wasm-bindgen")
        .env("PATH", tools.path_env())
        .arg(&wasm)
        .args(["--target", "web", "--no-typescript", "--out-name", "lede", "--out-dir"])
        .arg(&out))?;
    let bg = out.join("lede_bg.wasm");
    run(Command::new("wasm-opt")
        .env("PATH", tools.path_env())
        .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
        .args(["--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"])
        .arg(&bg)
        .arg("-o")
        .arg(&bg))?;
    write(&out.join("lede-embed.js"), LOADER)?;
    write(&out.join("lede-worker.js"), WORKER)?;
    // The example page's second widget fetches this document.
    let sample = root().join("crates/lede_core/src/sample.txt");
    std::fs::copy(&sample, out.join("sample.txt")).map_err(|e| format!("cannot copy {}: {e}", sample.display()))?;
    Ok(())
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
