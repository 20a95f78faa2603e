//! Driving headless Chromium for `cargo xtask bench`: a static file server
//! for `dist/` (and the bench page under `/bench/`), and a minimal W3C
//! WebDriver client over ChromeDriver, both on std only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::Result;

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// Serve `root` at `/` and `bench` at `/bench/` on 127.0.0.1 (a free port),
/// in a background thread for the life of the process. Returns the origin.
pub fn serve(root: PathBuf, bench: PathBuf) -> Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot listen: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, bench) = (root.clone(), bench.clone());
            std::thread::spawn(move || {
                let _ = answer(stream, &root, &bench);
            });
        }
    });
    Ok(format!("http://127.0.0.1:{port}"))
}

fn answer(mut stream: TcpStream, root: &Path, bench: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let target = target.split('?').next().unwrap_or("/");
    let (base, rest) = match target.strip_prefix("/bench/") {
        Some(rest) => (bench, rest),
        None => (root, target.trim_start_matches('/')),
    };
    let rest = if rest.is_empty() { "index.html" } else { rest };
    let path = base.join(rest);
    let safe = !rest.split('/').any(|p| p == "..");
    match std::fs::read(&path) {
        Ok(body) if safe => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                mime(&path),
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body)
        }
        _ => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}

/// A ChromeDriver process and one headless Chromium session.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("chromedriver: {e}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(600))).map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    // Read the head, then exactly Content-Length bytes (the driver may keep
    // the connection open).
    let mut reader = BufReader::new(stream);
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).map_err(|e| format!("chromedriver: {e}"))? == 0 || line.trim().is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut raw = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).map_err(|e| e.to_string())?;
            let n = usize::from_str_radix(size.trim(), 16).map_err(|e| format!("chromedriver chunk: {e}"))?;
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = length {
        raw.resize(n, 0);
        reader.read_exact(&mut raw).map_err(|e| format!("chromedriver: {e}"))?;
    } else {
        reader.read_to_end(&mut raw).map_err(|e| format!("chromedriver: {e}"))?;
    }
    let payload = String::from_utf8_lossy(&raw);
    let v: Value = serde_json::from_str(&payload).map_err(|e| format!("chromedriver answered {payload:?}: {e}"))?;
    if let Some(err) = v["value"].get("error") {
        return Err(format!("webdriver {path}: {err} {}", v["value"]["message"]));
    }
    Ok(v["value"].clone())
}

impl Browser {
    pub fn start(chromedriver: &Path) -> Result<Self> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| format!("no free port: {e}"))?;
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", chromedriver.display()))?;
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not start".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]
        }}}});
        let mut b = Self { driver, port, session: String::new() };
        let v = http(port, "POST", "/session", Some(&caps))?;
        b.session = v["sessionId"].as_str().ok_or("no webdriver session")?.to_string();
        Ok(b)
    }

    pub fn goto(&self, url: &str) -> Result {
        http(self.port, "POST", &format!("/session/{}/url", self.session), Some(&json!({ "url": url }))).map(|_| ())
    }

    /// Run a script in the page and return its value.
    pub fn eval(&self, script: &str) -> Result<Value> {
        let body = json!({ "script": script, "args": [] });
        http(self.port, "POST", &format!("/session/{}/execute/sync", self.session), Some(&body))
    }

    /// Resize the window (CSS pixels).
    pub fn resize(&self, width: u32, height: u32) -> Result {
        let body = json!({ "width": width, "height": height });
        http(self.port, "POST", &format!("/session/{}/window/rect", self.session), Some(&body)).map(|_| ())
    }

    /// A PNG of the page as it is on screen.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let v = http(self.port, "GET", &format!("/session/{}/screenshot", self.session), None)?;
        base64_decode(v.as_str().ok_or("no screenshot")?)
    }

    /// Poll `script` until it returns something other than null (up to `secs`).
    pub fn wait_for(&self, script: &str, secs: u64) -> Result<Value> {
        let started = Instant::now();
        loop {
            let v = self.eval(script)?;
            if !v.is_null() {
                return Ok(v);
            }
            if started.elapsed() > Duration::from_secs(secs) {
                return Err(format!("timed out after {secs} s waiting for: {script}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 (as WebDriver returns screenshots).
fn base64_decode(s: &str) -> Result<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in s.as_bytes().iter().filter(|c| !c.is_ascii_whitespace() && **c != b'=') {
        acc = (acc << 6) | value(c).ok_or("bad base64 in the screenshot")?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_table() {
        assert_eq!(super::base64_decode("TGVkZQ==").as_deref(), Ok(&b"Lede"[..]));
        assert_eq!(super::base64_decode("iVBORw0K").as_deref(), Ok(&[0x89, b'P', b'N', b'G', 13, 10][..]));
        assert!(super::base64_decode("*").is_err());
    }
}
