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
// gives the JS API. The wasm and the entity model are fetched from beside this file,
// each checked against the hash this file was built with (Subresource Integrity), so
// pinning this file (integrity=\"…\") pins them too.
import init, { analyze, mount, defineElement, entityModelFile, installEntityModel } from './lede.js';

const pinned = (file, integrity) => fetch(new URL(file, import.meta.url), { integrity });
await init({ module_or_path: pinned('lede_bg.wasm', '__WASM_SRI__') });
const resp = await pinned(entityModelFile(), '__MODEL_SRI__');
if (!resp.ok) throw new Error(`Lede: the entity model (${resp.url}) could not be loaded: the server answered ${resp.status}`);
installEntityModel(new Uint8Array(await resp.arrayBuffer()));
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
    write(&out.join("lede-worker.js"), WORKER)?;
    // The entity model, fetched after the first paint by the reader, the
    // worker and the widget; named by its hash, so older ones go.
    for entry in std::fs::read_dir(&out).map_err(|e| e.to_string())?.filter_map(std::result::Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("lede-ner-") && name.ends_with(".bin") {
            std::fs::remove_file(entry.path()).map_err(|e| format!("cannot remove {name}: {e}"))?;
        }
    }
    let model = root().join("crates/lede_core/models/ner.bin");
    let model_out = out.join(lede_core::ner::MODEL_FILE);
    std::fs::copy(&model, &model_out).map_err(|e| format!("cannot copy {}: {e}", model.display()))?;
    // The loader, with the hashes of the wasm and the model it fetches.
    let sri = |path: &Path| std::fs::read(path).map(|b| crate::security::sri(&b)).map_err(|e| e.to_string());
    let loader = LOADER.replace("__WASM_SRI__", &sri(&bg)?).replace("__MODEL_SRI__", &sri(&model_out)?);
    write(&out.join("lede-embed.js"), &loader)?;
    // The example page's second widget fetches this document.
    let sample = root().join("crates/lede_core/src/sample.txt");
    std::fs::copy(&sample, out.join("sample.txt")).map_err(|e| format!("cannot copy {}: {e}", sample.display()))?;
    Ok(())
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
