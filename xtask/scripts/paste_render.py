"""Render saved web pages as a reader's select-all and copy gives them, for `cargo xtask paste-corpus`.

  paste_render.py CHROMEDRIVER SHARED CACHE

For each page of WCXB dev (`wcxb-dev/html/<id>.html.gz`), the Readability
test pages (`readability-pages/<page>/source.html.gz`) and L3S-GN1
(`l3s-gn1/original/<name>.html.gz`), opens the page in headless Chromium as a
`file://` URL with scripts off and every host unresolvable (no network), and
writes `document.body.innerText` to CACHE/<set>/<page>.txt. Pages already in
the cache are skipped; the cache is keyed by Chromium's version
(CACHE/<set>/.chromium holds it), and a new version renders again.

Only the Python standard library: ChromeDriver is driven over its HTTP
(WebDriver) interface.
"""
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
        '--blink-settings=scriptEnabled=false', '--host-resolver-rules=MAP * ~NOTFOUND',
        '--window-size=1280,1024', '--disable-extensions', '--mute-audio']
# Seconds a page may take to load before its text is read as it stands.
LOAD_SECONDS = 15


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, chromedriver):
        self.port = free_port()
        self.proc = subprocess.Popen([chromedriver, f'--port={self.port}'],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                self.call('GET', '/status')
                break
            except OSError:
                time.sleep(0.1)
        self.session = None

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f'http://127.0.0.1:{self.port}{path}', method=method, data=data,
                                     headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return json.load(r)

    def start(self):
        caps = {'capabilities': {'alwaysMatch': {
            'browserName': 'chrome', 'pageLoadStrategy': 'normal',
            'goog:chromeOptions': {'binary': '/usr/bin/chromium', 'args': ARGS}}}}
        self.session = self.call('POST', '/session', caps)['value']['sessionId']
        self.call('POST', f'/session/{self.session}/timeouts',
                  {'pageLoad': LOAD_SECONDS * 1000, 'script': 10000})

    def stop(self):
        if self.session:
            try:
                self.call('DELETE', f'/session/{self.session}', timeout=20)
            except Exception:
                pass
            self.session = None

    def inner_text(self, path):
        s = f'/session/{self.session}'
        try:
            self.call('POST', f'{s}/url', {'url': 'file://' + path}, timeout=LOAD_SECONDS + 30)
        except urllib.error.HTTPError:
            pass  # a load timeout: read what has rendered
        # about:blank between pages, so a slow page cannot leak into the next.
        script = 'return document.body ? document.body.innerText : "";'
        text = self.call('POST', f'{s}/execute/sync', {'script': script, 'args': []})['value']
        self.call('POST', f'{s}/url', {'url': 'about:blank'})
        return text

    def close(self):
        self.stop()
        self.proc.terminate()


def pages(shared):
    data = os.path.join(shared, 'data')
    wcxb = os.path.join(data, 'wcxb-dev', 'html')
    for f in sorted(os.listdir(wcxb)):
        if f.endswith('.html.gz'):
            yield 'wcxb', f[:-len('.html.gz')], os.path.join(wcxb, f)
    rd = os.path.join(data, 'readability-pages')
    for d in sorted(os.listdir(rd)):
        src = os.path.join(rd, d, 'source.html.gz')
        if os.path.isfile(src):
            yield 'readability', d, src
    l3s = os.path.join(data, 'l3s-gn1', 'original')
    for f in sorted(os.listdir(l3s)):
        if f.endswith('.html.gz'):
            yield 'l3s', f, os.path.join(l3s, f)


def main():
    chromedriver, shared, cache = sys.argv[1], sys.argv[2], sys.argv[3]
    version = subprocess.run(['/usr/bin/chromium', '--version'], capture_output=True, text=True).stdout.strip()
    todo = []
    for s, page, src in pages(shared):
        d = os.path.join(cache, s)
        os.makedirs(d, exist_ok=True)
        stamp = os.path.join(d, '.chromium')
        if not os.path.exists(stamp) or open(stamp).read() != version:
            for f in os.listdir(d):
                os.remove(os.path.join(d, f))
            with open(stamp, 'w') as f:
                f.write(version)
        out = os.path.join(d, page + '.txt')
        if not os.path.exists(out):
            todo.append((out, src))
    print(f'paste-corpus: {version}; {len(todo)} pages to render into {cache}', flush=True)
    if not todo:
        return
    driver = Driver(chromedriver)
    tmp = tempfile.mkdtemp(prefix='lede-paste-')
    started, failed = time.time(), 0
    try:
        driver.start()
        for n, (out, src) in enumerate(todo, 1):
            page = os.path.join(tmp, 'page.html')
            with gzip.open(src, 'rb') as f, open(page, 'wb') as g:
                g.write(f.read())
            try:
                text = driver.inner_text(page)
            except Exception as e:  # a crashed tab or browser: start again
                failed += 1
                print(f'paste-corpus: {src}: {e}; restarting the browser', flush=True)
                driver.stop()
                driver.start()
                continue
            with open(out + '.part', 'w', encoding='utf-8') as f:
                f.write(text)
            os.replace(out + '.part', out)
            if n % 100 == 0:
                print(f'paste-corpus: {n}/{len(todo)} pages, {time.time() - started:.0f} s', flush=True)
    finally:
        driver.close()
    print(f'paste-corpus: {len(todo) - failed} pages rendered in {time.time() - started:.0f} s, {failed} failed', flush=True)


if __name__ == '__main__':
    main()
