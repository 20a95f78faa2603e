// Lede's analysis worker (module worker). Messages in: {id, text, maxBytes};
// out: {id, progress} while it works, then {id, json, memory} or {id, error}
// (memory: the bytes of wasm memory the worker holds, its peak so far, since
// wasm memory never shrinks; the page drops the worker after a large input).
// The entity model is fetched from beside this script before the first
// analysis (the browser caches it: the reader page has fetched it too).
import init, { analyzeToJson, entityModelFile, entityModelReady, installEntityModel } from './lede.js';

let wasm = null;
async function start() {
  wasm = await init();
  if (!entityModelReady()) {
    const url = new URL(entityModelFile(), import.meta.url);
    const resp = await fetch(url);
    if (!resp.ok) throw new Error(`the entity model (${url}) could not be loaded: the server answered ${resp.status}`);
    installEntityModel(new Uint8Array(await resp.arrayBuffer()));
  }
}

const ready = start();
self.onmessage = async (event) => {
  const { id, text, maxBytes } = event.data;
  try {
    await ready;
    let last = -1;
    const json = analyzeToJson(text, maxBytes, (share) => {
      if (share - last >= 0.01) {
        last = share;
        self.postMessage({ id, progress: share });
      }
    });
    self.postMessage({ id, json, memory: wasm && wasm.memory ? wasm.memory.buffer.byteLength : null });
  } catch (e) {
    // A trap inside the wasm (a panic) is a crash: the page says so in its
    // own words, shows no panic text, and starts a new worker for the next
    // analysis. Any other error is Lede's message for the input.
    if (e instanceof WebAssembly.RuntimeError) self.postMessage({ id, crashed: true });
    else self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
