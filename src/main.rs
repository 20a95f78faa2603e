//! The reader's entry point: mount only.

fn main() {
    console_error_panic_hook::set_once();
    // Long inputs are analysed in a worker that `cargo xtask build` puts beside the page.
    leptos::mount::mount_to_body(|| leptos::view! { <lede::App worker="./embed/lede-worker.js"/> });
}
