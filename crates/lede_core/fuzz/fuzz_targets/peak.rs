//! A counting allocator: the fuzz targets check that no input makes the core
//! hold more than 64 times its size (plus a fixed allowance for small inputs).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator and only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

/// Bytes allowed on top of 64× the input (tables sized for a paragraph).
const ALLOWANCE: usize = 1 << 20;

/// Run `f` on `data` and panic if the memory it held at its peak exceeds
/// 64× the input plus the allowance.
/// Load the entity model before counting: it is loaded once per process.
pub fn warm_up() {
    lede_core::fuzzing::analyze_text(b"Warm up: Ada Quill said \"hello\" in Harbour Town.");
}

pub fn bounded(data: &[u8], f: fn(&[u8])) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    f(data);
    let used = PEAK.load(Relaxed).saturating_sub(base);
    let limit = 64 * data.len() + ALLOWANCE;
    assert!(used <= limit, "held {used} bytes for a {}-byte input (limit {limit})", data.len());
}
