//! `cargo xtask test`'s last step: the built site in headless Chromium, as a
//! user meets it. The browser tests run the app with the entity model built
//! in; the site fetches it after the first paint, so this checks that path:
//! the reader's sample gets its entities, a long paste analysed in the
//! worker gets them, and the widgets of the embed example page get them.

use crate::browser::{serve, Browser};
use crate::install::Tools;
use crate::{root, Result};

/// Generated text long enough to go to the worker (over `OFFLOAD_BYTES`).
const LONG: usize = 400_000;

pub fn check(tools: &Tools) -> Result {
    let dir = crate::cargo_target().join("site-check");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("long.txt"), lede_core::corpus::news(LONG, 7)).map_err(|e| e.to_string())?;
    let origin = serve(root().join("dist"), dir)?;
    let browser = Browser::start(&tools.chromedriver)?;

    browser.goto(&format!("{origin}/index.html"))?;
    let entities = "const n = document.querySelectorAll('mark[data-kind=entity]').length; \
                    return n > 0 && !document.querySelector('[data-testid=model-status]') ? n : null;";
    let n = browser.wait_for(entities, 30).map_err(|e| format!("the reader's sample got no entities: {e}"))?;
    println!("site: the reader's sample shows {n} entity highlights once the model has arrived");

    let paste = "return (async () => {
        const text = await (await fetch('/bench/long.txt')).text();
        const area = document.querySelector('[data-testid=input] textarea');
        area.value = text;
        area.dispatchEvent(new Event('input'));
        document.querySelector('[data-testid=analyse]').click();
        return true;
    })();";
    browser.eval(paste)?;
    let done = "const s = document.querySelector('[data-testid=status]').textContent; \
                if (!/in the background|article\\(s\\) analysed/.test(s)) return null; \
                if (/in the background/.test(s)) return null; \
                return [s, document.querySelectorAll('mark[data-kind=entity]').length];";
    let v = browser.wait_for(done, 300)?;
    let status = v[0].as_str().unwrap_or("");
    if status.contains("on this page") || v[1].as_u64().unwrap_or(0) == 0 {
        return Err(format!("the long paste was not analysed with entities in the worker: {v}"));
    }
    println!("site: a {} KB paste, analysed in the worker: {status}, {} entity highlights", LONG / 1000, v[1]);

    browser.goto(&format!("{origin}/embed.html"))?;
    let widgets = "const w = [...document.querySelectorAll('lede-reader')].map(e => e.shadowRoot \
                   ? e.shadowRoot.querySelectorAll('mark[data-kind]').length : 0); \
                   const first = document.querySelector('#story-1'); \
                   const ents = first && first.shadowRoot ? first.shadowRoot.querySelectorAll('mark[data-kind=entity]').length : 0; \
                   return w.length === 2 && w.every(n => n > 0) && ents > 0 ? [ents, w] : null;";
    let v = browser.wait_for(widgets, 30).map_err(|e| format!("the embed example's widgets: {e}"))?;
    println!("site: the embed example's widgets show {} highlights, {} of them entities in the first", v[1], v[0]);
    Ok(())
}
