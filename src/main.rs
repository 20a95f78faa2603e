//! The reader's entry point: mount, then mark the moment the analysed
//! sample is in the DOM (`cargo xtask bench` reads the mark).

fn main() {
    console_error_panic_hook::set_once();
    // Long inputs are analysed in a worker that `cargo xtask build` puts beside the page.
    leptos::mount::mount_to_body(|| leptos::view! { <lede::App worker="./embed/lede-worker.js"/> });
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("lede-analysed");
    }
}
