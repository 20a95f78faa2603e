//! The embed bundle: `cargo xtask build` compiles this crate to wasm and
//! runs wasm-bindgen on it, giving `dist/embed/lede.js` with the exports of
//! [`lede::embed`]: `analyze`, `mount`, `defineElement` and the handle class.
//! `dist/embed/lede-embed.js` loads it and defines `<lede-reader>`.

pub use lede::embed::{analyze_js, define_element, mount, Features, LedeHandle};
