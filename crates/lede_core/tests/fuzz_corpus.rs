//! The fuzz targets' checks over the seed corpus and every saved regression
//! input (`crates/lede_core/fuzz/{seeds,regressions}`), so each crash that
//! fuzzing ever found is replayed by `cargo xtask test`.

use std::path::Path;

#[test]
fn fuzz_seeds_and_regressions_pass_every_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = 0;
    for sub in ["seeds", "regressions"] {
        let entries = std::fs::read_dir(dir.join(sub)).expect("fuzz input folder");
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            let data = std::fs::read(&path).expect("read fuzz input");
            lede_core::fuzzing::analyze_text(&data);
            lede_core::fuzzing::analyze_html(&data);
            lede_core::fuzzing::numbers(&data);
            lede_core::fuzzing::quotes(&data);
            inputs += 1;
        }
    }
    assert!(inputs >= 6, "the seed corpus is missing ({inputs} inputs)");
}
