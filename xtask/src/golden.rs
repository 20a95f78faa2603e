//! `cargo xtask golden [--save] [--sets a,b] [--dump DIR]`: the CLI's JSON on
//! every document in `../shared` (the seeds, CoNLL dev, PolNeAR dev and train,
//! L3S-GN1, the gun-violence dev set, GVDB dev, WCXB dev and the Readability
//! pages), each analysed as a page and with `--single`, compared byte for byte
//! with the outputs recorded in `xtask/golden.tsv`.
//!
//! A refactoring that must not change behaviour is checked with it: the
//! committed file holds one digest per set (of every document's output, in a
//! fixed order), so a clean clone can check it; `--save` also keeps each
//! document's digest in `target/golden/baseline.tsv`, and a later run names
//! the documents whose output differs from that baseline. `--dump DIR` writes
//! each output to `DIR/<set>/<id>.<mode>.json` for reading a difference.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};

use crate::{cargo_target, root, run, Result};

const MODES: [&str; 2] = ["page", "single"];

/// FNV-1a, 64 bits: a digest to notice a change, not a security hash.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
const FNV0: u64 = 0xcbf2_9ce4_8422_2325;

struct Doc {
    set: String,
    id: String,
    text: String,
}

struct Out {
    n: usize,
    key: String,
    digest: u64,
}

fn analyse(bin: &Path, doc: &Arc<Doc>, mode: &str, dump: Option<&PathBuf>) -> Result<u64> {
    let mut cmd = Command::new(bin);
    cmd.arg("analyze");
    if mode == "single" {
        cmd.arg("--single");
    }
    let mut child = cmd
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let shared = Arc::clone(doc);
    let feeder = std::thread::spawn(move || stdin.write_all(shared.text.as_bytes()));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = feeder.join();
    let code = out.status.code().unwrap_or(-1).to_string();
    if let Some(dir) = dump {
        let d = dir.join(&doc.set);
        std::fs::create_dir_all(&d).map_err(|e| e.to_string())?;
        let mut body = out.stdout.clone();
        body.extend_from_slice(&out.stderr);
        std::fs::write(d.join(format!("{}.{mode}.json", doc.id)), body).map_err(|e| e.to_string())?;
    }
    Ok(fnv(fnv(fnv(FNV0, code.as_bytes()), &out.stdout), &out.stderr))
}

fn read_docs(path: &Path, sets: &Option<Vec<String>>) -> Result<Vec<Doc>> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for line in BufReader::new(f).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let set = v["set"].as_str().unwrap_or("").to_string();
        if sets.as_ref().is_some_and(|s| !s.contains(&set)) {
            continue;
        }
        let (id, text) = (v["id"].as_str().unwrap_or("").to_string(), v["text"].as_str().unwrap_or("").to_string());
        docs.push(Doc { set, id, text });
    }
    Ok(docs)
}

fn analyse_all(bin: &Path, docs: Vec<Doc>, dump: Option<PathBuf>) -> Result<Vec<Out>> {
    let jobs: Vec<(usize, Arc<Doc>, &'static str)> = docs
        .into_iter()
        .map(Arc::new)
        .flat_map(|d| MODES.iter().map(move |m| (Arc::clone(&d), *m)))
        .enumerate()
        .map(|(n, (d, m))| (n, d, m))
        .collect();
    let total = jobs.len();
    let queue = Arc::new(Mutex::new(jobs.into_iter()));
    let (tx, rx) = mpsc::channel();
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let mut handles = Vec::new();
    for _ in 0..threads {
        let (queue, tx, bin, dump) = (Arc::clone(&queue), tx.clone(), bin.to_path_buf(), dump.clone());
        handles.push(std::thread::spawn(move || loop {
            let job = queue.lock().ok().and_then(|mut q| q.next());
            let Some((n, doc, mode)) = job else { break };
            let r = analyse(&bin, &doc, mode, dump.as_ref()).map(|digest| Out {
                n,
                key: format!("{}\t{}\t{mode}", doc.set, doc.id),
                digest,
            });
            if tx.send(r).is_err() {
                break;
            }
        }));
    }
    drop(tx);
    let mut outs = Vec::with_capacity(total);
    for r in rx {
        outs.push(r?);
        if outs.len() % 1000 == 0 {
            eprintln!("xtask: golden: {} of {total} analyses", outs.len());
        }
    }
    for h in handles {
        let _ = h.join();
    }
    outs.sort_by_key(|o| o.n);
    Ok(outs)
}

/// One line per set: its name, how many analyses, and the digest of their digests.
fn summary(outs: &[Out]) -> BTreeMap<String, (usize, u64)> {
    let mut sets: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    for o in outs {
        let set = o.key.split('\t').next().unwrap_or("").to_string();
        let e = sets.entry(set).or_insert((0, FNV0));
        e.0 += 1;
        e.1 = fnv(e.1, &o.digest.to_le_bytes());
    }
    sets
}

fn parse_summary(s: &str) -> BTreeMap<String, (usize, u64)> {
    s.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (set, n, d) = (f.next()?, f.next()?.parse().ok()?, u64::from_str_radix(f.next()?, 16).ok()?);
            Some((set.to_string(), (n, d)))
        })
        .collect()
}

pub fn golden(args: &[String]) -> Result {
    let save = args.iter().any(|a| a == "--save");
    let after = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let sets: Option<Vec<String>> = after("--sets").map(|s| s.split(',').map(String::from).collect());
    let dump = after("--dump").map(PathBuf::from);
    let shared = root().join("..").join("shared");
    if !shared.join("data").is_dir() {
        return Err("../shared not found beside the project: the documents live there".into());
    }
    run(Command::new("cargo").args(["build", "--release", "--locked", "-q", "-p", "lede_cli"]))?;
    let dir = cargo_target().join("golden");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let docs_path = dir.join("docs.jsonl");
    run(Command::new("python3").arg(root().join("xtask/scripts/golden_docs.py")).arg(&shared).arg(&docs_path))?;
    let docs = read_docs(&docs_path, &sets)?;
    let started = std::time::Instant::now();
    let outs = analyse_all(&cargo_target().join("release/lede"), docs, dump)?;
    eprintln!("xtask: golden: {} analyses in {:.0} s", outs.len(), started.elapsed().as_secs_f64());
    let per_doc: String = outs.iter().map(|o| format!("{}\t{:016x}\n", o.key, o.digest)).collect();
    std::fs::write(dir.join("last.tsv"), &per_doc).map_err(|e| e.to_string())?;
    let now = summary(&outs);
    let committed = root().join("xtask/golden.tsv");
    if save {
        std::fs::write(dir.join("baseline.tsv"), &per_doc).map_err(|e| e.to_string())?;
        let mut s = String::from("# set\tanalyses\tdigest  (cargo xtask golden --save writes this)\n");
        let mut old = std::fs::read_to_string(&committed).map(|s| parse_summary(&s)).unwrap_or_default();
        old.extend(now);
        for (set, (n, d)) in old {
            s.push_str(&format!("{set}\t{n}\t{d:016x}\n"));
        }
        std::fs::write(&committed, s).map_err(|e| e.to_string())?;
        println!("golden: saved {} analyses ({})", outs.len(), committed.display());
        return Ok(());
    }
    let want =
        parse_summary(&std::fs::read_to_string(&committed).map_err(|e| format!("{}: {e}", committed.display()))?);
    let mut differ = 0;
    for (set, (n, d)) in &now {
        let verdict = match want.get(set) {
            Some(&(wn, wd)) if wn == *n && wd == *d => "identical",
            Some(_) => {
                differ += 1;
                "DIFFERS"
            }
            None => "not recorded",
        };
        println!("golden: {set:<14} {n:>6} analyses  {verdict}");
    }
    if let Ok(base) = std::fs::read_to_string(dir.join("baseline.tsv")) {
        let base: BTreeMap<&str, &str> = base.lines().filter_map(|l| l.rsplit_once('\t')).collect();
        let changed: Vec<&str> = per_doc
            .lines()
            .filter_map(|l| l.rsplit_once('\t'))
            .filter(|(k, d)| base.get(k).is_some_and(|b| b != d))
            .map(|(k, _)| k)
            .collect();
        for k in changed.iter().take(30) {
            println!("golden: changed against target/golden/baseline.tsv: {k}");
        }
        if changed.len() > 30 {
            println!("golden: … {} changed in all", changed.len());
        }
    }
    if differ > 0 {
        Err(format!("{differ} set(s) give other output than xtask/golden.tsv records"))
    } else {
        Ok(())
    }
}
