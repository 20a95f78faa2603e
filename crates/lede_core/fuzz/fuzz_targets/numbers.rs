#![no_main]
//! Fuzz target: lede_core::fuzzing::numbers (panics on a broken invariant),
//! with the memory it holds bounded.

mod peak;

#[global_allocator]
static ALLOC: peak::Counting = peak::Counting;

libfuzzer_sys::fuzz_target!(
    // Load the entity model before counting: it is loaded once per process.
    init: { lede_core::fuzzing::analyze_text(b"Warm up: Ada Quill said \"hello\" in Harbour Town."); },
    |data: &[u8]| peak::bounded(data, lede_core::fuzzing::numbers)
);
