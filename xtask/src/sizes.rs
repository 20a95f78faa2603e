//! The release bundle's size: raw and gzip, per file and total, for the
//! reader (the files of `dist/`) and the embed bundle (`dist/embed/`), and
//! the first-paint budget that `cargo xtask test` enforces.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::Result;

/// The gzip transfer allowed for the reader's first paint (page, script,
/// wasm, stylesheet; the entity model loads just after it).
pub const FIRST_PAINT_BUDGET: usize = 600 * 1024;

/// The gzip transfer allowed for the whole app: the reader, the embed
/// bundle its worker runs, and the entity model.
pub const WHOLE_BUDGET: usize = 1200 * 1024;

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

/// (name, raw, gzip) of each file directly in `dir`, largest first.
fn files(dir: &Path) -> Result<Vec<(String, usize, usize)>> {
    let mut rows = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.filter_map(std::result::Result::ok) {
        let path = entry.path();
        if path.is_file() {
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            rows.push((entry.file_name().to_string_lossy().into_owned(), bytes.len(), gzip_len(&bytes)));
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    Ok(rows)
}

fn table(title: &str, rows: &[(String, usize, usize)]) -> (usize, usize) {
    println!("\n{title}:");
    println!("  {:<44} {:>12} {:>12}", "file", "raw bytes", "gzip bytes");
    for (name, raw, gz) in rows {
        println!("  {name:<44} {raw:>12} {gz:>12}");
    }
    let (raw, gz) = rows.iter().fold((0, 0), |(r, g), x| (r + x.1, g + x.2));
    println!("  {:<44} {:>12} {:>12}", "total", raw, gz);
    (raw, gz)
}

/// Print the tables and check the budgets: the whole app, and the first
/// paint (the page, its script, wasm and stylesheet, gzip).
pub fn print(dist: &Path) -> Result {
    let rows = files(dist)?;
    let (raw, gz) = table("release bundle (dist/)", &rows);
    println!("bundle: {:.1} KB raw, {:.1} KB gzip", raw as f64 / 1024.0, gz as f64 / 1024.0);
    let embed_dir = dist.join("embed");
    let mut whole = gz;
    if embed_dir.is_dir() {
        let (raw, gz) = table("embed bundle (dist/embed/)", &files(&embed_dir)?);
        println!("embed: {:.1} KB raw, {:.1} KB gzip", raw as f64 / 1024.0, gz as f64 / 1024.0);
        whole += gz;
    }
    println!("whole app: {:.1} KB gzip (budget {:.0} KB)", whole as f64 / 1024.0, WHOLE_BUDGET as f64 / 1024.0);
    if whole > WHOLE_BUDGET {
        return Err(format!("the whole app is {whole} bytes gzip, over the budget of {WHOLE_BUDGET}"));
    }
    let first_paint: usize = rows
        .iter()
        .filter(|(name, ..)| name == "index.html" || [".js", ".wasm", ".css"].iter().any(|x| name.ends_with(x)))
        .map(|r| r.2)
        .sum();
    println!(
        "first paint: {:.1} KB gzip (budget {:.0} KB)",
        first_paint as f64 / 1024.0,
        FIRST_PAINT_BUDGET as f64 / 1024.0
    );
    if first_paint > FIRST_PAINT_BUDGET {
        return Err(format!("first paint is {first_paint} bytes gzip, over the budget of {FIRST_PAINT_BUDGET}"));
    }
    Ok(())
}
