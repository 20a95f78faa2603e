//! The reader's entry point: mount only.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <lede::App/> });
}
