//! Long inputs are analysed off the page's main thread, in a module Web
//! Worker that runs the embed bundle's wasm (`dist/embed/lede-worker.js`,
//! written by `cargo xtask build`). The page stays responsive and shows the
//! share done; if the worker cannot start, the page analyses the text itself.

use std::cell::RefCell;
use std::rc::Rc;

use lede_core::Analysis;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Inputs at least this long go to the worker.
pub const OFFLOAD_BYTES: usize = 256 * 1024;

/// After an input at least this long the worker is dropped, so the memory
/// it grew to (wasm memory never shrinks) returns; the next long input
/// starts a new one.
pub const RELEASE_AFTER_BYTES: usize = 4 << 20;

/// What the worker reports.
pub enum Event {
    Progress(f64),
    /// The analysis, and the bytes of wasm memory the worker holds (its peak).
    Done(Result<Analysis, String>, Option<f64>),
    /// The worker could not run (its script missing, or no module workers).
    Unavailable,
    /// The analysis crashed inside the worker's wasm (the worker is not used again).
    Crashed,
}

type Handler = Box<dyn FnMut(Event)>;

/// A worker and the handler of the request in flight (one at a time: a new
/// request replaces the old one, whose answers are then ignored).
pub struct Offload {
    worker: web_sys::Worker,
    current: Rc<RefCell<(u32, Option<Handler>)>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Offload {
    /// Start the worker at `url` (relative to the page).
    pub fn start(url: &str) -> Option<Self> {
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(url, &opts).ok()?;
        let current: Rc<RefCell<(u32, Option<Handler>)>> = Rc::new(RefCell::new((0, None)));
        let c = current.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
            let id = get("id").as_f64().unwrap_or(-1.0) as u32;
            if id != c.borrow().0 {
                return; // an answer to a request since replaced
            }
            let event = if let Some(p) = get("progress").as_f64() {
                Event::Progress(p)
            } else if get("crashed").is_truthy() {
                Event::Crashed
            } else if let Some(json) = get("json").as_string() {
                let memory = get("memory").as_f64();
                Event::Done(
                    serde_json::from_str(&json).map_err(|e| format!("the analysis could not be read: {e}")),
                    memory,
                )
            } else {
                Event::Done(Err(get("error").as_string().unwrap_or_else(|| "the analysis failed".into())), None)
            };
            let done = matches!(event, Event::Done(..) | Event::Crashed);
            // Call the handler with nothing borrowed (it may start another request).
            let handler = c.borrow_mut().1.take();
            if let Some(mut h) = handler {
                h(event);
                let mut cur = c.borrow_mut();
                if !done && cur.0 == id && cur.1.is_none() {
                    cur.1 = Some(h);
                }
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let c = current.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            if let Some(mut h) = c.borrow_mut().1.take() {
                h(Event::Unavailable);
            }
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Self { worker, current, _on_message: on_message, _on_error: on_error })
    }

    /// Analyse `text` in the worker; `handler` hears progress, then the end.
    pub fn analyse(&self, text: &str, max_bytes: usize, handler: impl FnMut(Event) + 'static) {
        let id = {
            let mut cur = self.current.borrow_mut();
            cur.0 = cur.0.wrapping_add(1);
            cur.1 = Some(Box::new(handler));
            cur.0
        };
        let msg = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&msg, &k.into(), &v);
        };
        set("id", JsValue::from(id));
        set("text", JsValue::from_str(text));
        set("maxBytes", JsValue::from_f64(max_bytes as f64));
        if self.worker.post_message(&msg).is_err() {
            if let Some(mut h) = self.current.borrow_mut().1.take() {
                h(Event::Unavailable);
            }
        }
    }
}

impl Drop for Offload {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
