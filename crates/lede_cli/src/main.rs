//! `lede analyze FILE|-`: print Lede's analysis of a news page as JSON.
//!
//! Exit codes: 0 success, 2 unreadable or unusable input, 64 usage error.

use std::io::{Read, Write};
use std::process::ExitCode;

use lede_core::{analyze_bytes, InputMode, Options};

const USAGE: &str = "\
usage: lede analyze [--pretty] [--single] [--explain] [--input text|html|auto] [--max-bytes N] FILE|-

  Analyses a news page (plain text or HTML) and prints Lede's JSON contract:
  articles with entities, quotes and casualty figures, and the page's boilerplate.

  FILE|-          the file to read, or - for standard input
  --pretty        indent the JSON
  --single        treat the whole input as one article body (no segmentation)
  --explain       add each quote's speaker_evidence: the rules that gave its speaker
  --input KIND    text, html or auto (default: auto, detects HTML markup)
  --max-bytes N   refuse inputs over N bytes (default: 64 MiB)";

#[derive(Debug)]
struct Args {
    path: String,
    pretty: bool,
    options: Options,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("analyze") => {}
        Some("-h" | "--help" | "help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command {other:?}")),
    }
    let mut path = None;
    let mut pretty = false;
    let mut options = Options::default();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pretty" => pretty = true,
            "--single" => options.single = true,
            "--explain" => options.explain = true,
            "--input" => {
                let v = it.next().ok_or("--input needs a value: text, html or auto")?;
                options.input = v.parse::<InputMode>().map_err(|e| e.to_string())?;
            }
            "--max-bytes" => {
                let v = it.next().ok_or("--max-bytes needs a number")?;
                options.max_bytes = v.parse().map_err(|_| format!("--max-bytes needs a number, not {v:?}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            s => {
                if path.replace(s.to_string()).is_some() {
                    return Err("give one FILE (or - for standard input)".into());
                }
            }
        }
    }
    let path = path.ok_or("missing FILE (or - for standard input)")?;
    Ok(Args { path, pretty, options })
}

fn read_input(path: &str, limit: usize) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let cap = limit as u64 + 1;
    let res = if path == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut buf)
    } else {
        let f = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
            return Err(format!("cannot read {path}: it is a directory"));
        }
        f.take(cap).read_to_end(&mut buf)
    };
    res.map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(buf)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("lede: {msg}\n\n{USAGE}");
            return ExitCode::from(64);
        }
    };
    let bytes = match read_input(&args.path, args.options.max_bytes) {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("lede: {msg}");
            return ExitCode::from(2);
        }
    };
    let analysis = match analyze_bytes(&bytes, &args.options) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("lede: {}: {e}", args.path);
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if args.pretty {
        serde_json::to_writer_pretty(&mut out, &analysis)
    } else {
        serde_json::to_writer(&mut out, &analysis)
    };
    if let Err(e) = written.map_err(std::io::Error::from).and_then(|_| writeln!(out)).and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("lede: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Args, String> {
        parse_args(&s.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn argument_table() {
        let a = args("analyze --pretty --single --input html page.html").expect("ok");
        assert!(a.pretty && a.options.single && a.options.input == InputMode::Html && a.path == "page.html");
        assert!(!a.options.explain && args("analyze --explain f").expect("ok").options.explain);
        assert_eq!(args("analyze -").expect("ok").path, "-");
        assert!(args("analyze").unwrap_err().contains("missing FILE"));
        assert!(args("analyze --input xml f").unwrap_err().contains("text, html or auto"));
        assert!(args("analyze --bogus f").unwrap_err().contains("unknown option"));
        assert!(args("frobnicate f").unwrap_err().contains("unknown command"));
        assert_eq!(args("--help").err(), Some(String::new()));
    }
}
