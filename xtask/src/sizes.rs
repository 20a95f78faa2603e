//! The release bundle's size: raw and gzip, per file and total.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::Result;

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

/// Print a table of the files in `dist` with raw and gzip sizes.
pub fn print(dist: &Path) -> Result {
    let mut rows = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    for entry in entries.filter_map(std::result::Result::ok) {
        let path = entry.path();
        if path.is_file() {
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            rows.push((entry.file_name().to_string_lossy().into_owned(), bytes.len(), gzip_len(&bytes)));
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("\nrelease bundle (dist/):");
    println!("  {:<44} {:>12} {:>12}", "file", "raw bytes", "gzip bytes");
    for (name, raw, gz) in &rows {
        println!("  {name:<44} {raw:>12} {gz:>12}");
    }
    let (raw, gz) = rows.iter().fold((0, 0), |(r, g), x| (r + x.1, g + x.2));
    println!("  {:<44} {:>12} {:>12}", "total", raw, gz);
    println!("bundle: {:.1} KB raw, {:.1} KB gzip", raw as f64 / 1024.0, gz as f64 / 1024.0);
    Ok(())
}
