//! Installing the tools the web build needs, only when missing or at the
//! wrong version.

use std::path::PathBuf;
use std::process::Command;

use crate::{root, run, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
/// npm's binaryen package; Trunk.toml pins `wasm_opt = "version_132"`.
pub const BINARYEN_VERSION: &str = "132";

pub struct Tools {
    /// Folder holding npm's wasm-opt, put first on PATH for trunk.
    pub bin_dirs: Vec<PathBuf>,
    pub chromedriver: PathBuf,
}

impl Tools {
    pub fn path_env(&self) -> String {
        let mut parts: Vec<String> = self.bin_dirs.iter().map(|p| p.display().to_string()).collect();
        parts.push(cargo_bin().display().to_string());
        if let Ok(p) = std::env::var("PATH") {
            parts.push(p);
        }
        parts.join(":")
    }
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// The first line a command prints for `--version`, if it runs.
fn version_of(program: &str, path_env: Option<&str>) -> Option<String> {
    let mut c = Command::new(program);
    c.arg("--version");
    if let Some(p) = path_env {
        c.env("PATH", p);
    }
    let out = c.output().ok()?;
    let s = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    out.status.success().then(|| s.lines().next().unwrap_or("").trim().to_string())
}

/// The version of `package` recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == format!("name = \"{package}\"") {
            if let Some(v) = lines.next().and_then(|v| v.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

pub fn ensure_target() -> Result {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).output();
    let installed = out.map(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown")).unwrap_or(false);
    if !installed {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn ensure_trunk(path: &str) -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    if version_of("trunk", Some(path)).as_deref() == Some(want.as_str()) {
        return Ok(());
    }
    eprintln!("xtask: installing trunk {TRUNK_VERSION} (a few minutes, once)");
    run(Command::new("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"))
}

fn ensure_wasm_bindgen(path: &str) -> Result {
    let v = locked_version("wasm-bindgen")?;
    let want = format!("wasm-bindgen {v}");
    let runner_ok = version_of("wasm-bindgen-test-runner", Some(path)).map(|s| s.contains(&v)).unwrap_or(false);
    if version_of("wasm-bindgen", Some(path)).as_deref() == Some(want.as_str()) && runner_ok {
        return Ok(());
    }
    eprintln!("xtask: installing wasm-bindgen-cli {v} (a few minutes, once)");
    // Not --locked: its lockfile names a webpki-roots version the registry lacks.
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &v, "--force"]))
}

/// wasm-opt from npm's binaryen package, into `.tools/` of the workspace.
/// (Debian's binaryen is too old and builds a wasm that crashes.)
fn ensure_wasm_opt() -> Result<PathBuf> {
    let dir = root().join(".tools").join("binaryen");
    let bin = dir.join("node_modules").join(".bin");
    let wasm_opt = bin.join("wasm-opt");
    let ok = version_of(&wasm_opt.display().to_string(), None)
        .map(|s| s.contains(&format!("version {BINARYEN_VERSION}")))
        .unwrap_or(false);
    if !ok {
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        eprintln!("xtask: installing wasm-opt (npm binaryen@{BINARYEN_VERSION})");
        run(Command::new("npm").args([
            "install",
            "--prefix",
            &dir.display().to_string(),
            "--no-audit",
            "--no-fund",
            "--no-save",
            &format!("binaryen@{BINARYEN_VERSION}"),
        ]))?;
    }
    Ok(bin)
}

/// The extraction peer's packages from PyPI, pinned (lxml_html_clean is
/// what jusText, a dependency of trafilatura, needs with lxml 5 and later).
const TRAFILATURA: &str = "2.3.1";
const PEER_EXTRA: &str = "lxml_html_clean==0.4.7";

/// A Python virtual environment in `.tools/peers` with the extraction peer
/// (trafilatura) from PyPI; its interpreter.
pub fn ensure_peers() -> Result<PathBuf> {
    let dir = root().join(".tools").join("peers");
    let python = dir.join("bin").join("python");
    let ok = Command::new(&python)
        .args(["-c", &format!("import trafilatura, sys; sys.exit(trafilatura.__version__ != '{TRAFILATURA}')")])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        let packages = [format!("trafilatura=={TRAFILATURA}"), PEER_EXTRA.to_string()];
        eprintln!("xtask: installing the extraction peer into {} ({})", dir.display(), packages.join(", "));
        run(Command::new("python3").arg("-m").arg("venv").arg(&dir))?;
        run(Command::new(dir.join("bin").join("pip")).args(["install", "--quiet"]).args(&packages))?;
    }
    Ok(python)
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

pub fn ensure_chromium() -> Result<PathBuf> {
    let driver = PathBuf::from("/usr/bin/chromedriver");
    let have = |p: &str| std::path::Path::new(p).exists();
    if have("/usr/bin/chromium") && driver.exists() {
        return Ok(driver);
    }
    let cmd = "apt-get update && apt-get install -y chromium chromium-driver";
    if !is_root() {
        return Err(format!("the browser tests need Chromium and ChromeDriver; install them with: sudo sh -c '{cmd}'"));
    }
    eprintln!("xtask: installing Chromium and ChromeDriver from Debian packages");
    run(Command::new("sh").args(["-c", cmd]).env("DEBIAN_FRONTEND", "noninteractive"))?;
    if driver.exists() {
        Ok(driver)
    } else {
        Err("chromium-driver installed but /usr/bin/chromedriver is missing".into())
    }
}

/// Install what is missing; with `browser`, Chromium and ChromeDriver too.
pub fn ensure(browser: bool) -> Result<Tools> {
    ensure_target()?;
    let wasm_opt_bin = ensure_wasm_opt()?;
    let tools = Tools { bin_dirs: vec![wasm_opt_bin], chromedriver: PathBuf::from("/usr/bin/chromedriver") };
    let path = tools.path_env();
    ensure_trunk(&path)?;
    ensure_wasm_bindgen(&path)?;
    let chromedriver = if browser { ensure_chromium()? } else { tools.chromedriver.clone() };
    Ok(Tools { chromedriver, ..tools })
}
