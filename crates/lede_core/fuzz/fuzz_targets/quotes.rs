#![no_main]
//! Fuzz target: lede_core::fuzzing::quotes (panics on a broken invariant),
//! with the memory it holds bounded.

mod peak;

#[global_allocator]
static ALLOC: peak::Counting = peak::Counting;

libfuzzer_sys::fuzz_target!(
    init: peak::warm_up(),
    |data: &[u8]| peak::bounded(data, lede_core::fuzzing::quotes)
);
