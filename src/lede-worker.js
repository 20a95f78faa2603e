// Lede's analysis worker (module worker). Messages in: {id, text, maxBytes};
// out: {id, progress} while it works, then {id, json} or {id, error}.
import init, { analyzeToJson } from './lede.js';

const ready = init();
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
    self.postMessage({ id, json });
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
