//! The `lede` binary end to end: JSON on stdout, exit 2 with one line on
//! stderr for unusable input.

use std::io::Write;
use std::process::{Command, Stdio};

fn lede(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lede");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn analyses_stdin_to_contract_json() {
    let text = "Harbour Town Closes Its Oldest Bridge\nAt least 3 people were killed when the old bridge fell, said Mayor Ada Quill on Sunday morning.\n";
    let (code, out, err) = lede(&["analyze", "-"], text.as_bytes());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["input_kind"], "text");
    assert_eq!(v["articles"][0]["headline"]["text"], "Harbour Town Closes Its Oldest Bridge");
    assert_eq!(v["articles"][0]["casualties"][0]["value"], 3);
}

#[test]
fn single_and_html_flags() {
    let (code, out, _) = lede(&["analyze", "--single", "-"], b"Short Title Line\nBody line one.\n");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(v["articles"][0]["headline"].is_null());
    assert_eq!(v["articles"][0]["paragraphs"].as_array().map(Vec::len), Some(2));
    let (code, out, _) = lede(&["analyze", "--input", "html", "-"], b"<p>Hello <b>there</b></p>");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["text"], "Hello there\n");
}

#[test]
fn unusable_input_exits_2_with_one_line() {
    for (input, needle) in [(&b""[..], "empty"), (&b"\x00\x01\x02\x03"[..], "binary"), (&b"caf\xe9"[..], "UTF-8")] {
        let (code, out, err) = lede(&["analyze", "-"], input);
        assert_eq!(code, 2, "{input:?}");
        assert!(out.is_empty());
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
    }
    let (code, _, err) = lede(&["analyze", "/nonexistent/file.txt"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"));
    let (code, _, err) = lede(&["analyze", "--max-bytes", "5", "-"], b"0123456789");
    assert_eq!(code, 2);
    assert!(err.contains("over the limit"));
}
