"""The peer's main text on the web-page sets, for `cargo xtask eval-html`.

  peer_extract.py SHARED OUT

Runs trafilatura (default settings, text output, no comments) on every page of
wcxb-dev, readability-pages and L3S-GN1 and writes OUT/<set>-trafilatura.json
as {"<page>": "main text"}, the same keys as lede_train predict-web writes.
A set whose file exists for this trafilatura version is not run again.
"""
import gzip
import json
import os
import sys

import trafilatura


def read(path):
    with gzip.open(path, 'rb') as f:
        raw = f.read()
    return raw.decode('utf-8', errors='replace')


def extract(html):
    try:
        return trafilatura.extract(html, output_format='txt', include_comments=False) or ''
    except Exception:  # a page the peer fails on scores as empty, as Lede's would
        return ''


def pages(shared):
    data = os.path.join(shared, 'data')
    wcxb = os.path.join(data, 'wcxb-dev', 'html')
    yield 'wcxb', [(n[:-len('.html.gz')], os.path.join(wcxb, n)) for n in sorted(os.listdir(wcxb)) if n.endswith('.html.gz')]
    rd = os.path.join(data, 'readability-pages')
    yield 'readability', [(n, os.path.join(rd, n, 'source.html.gz')) for n in sorted(os.listdir(rd))
                          if os.path.isfile(os.path.join(rd, n, 'source.html.gz'))]
    l3s = os.path.join(data, 'l3s-gn1', 'original')
    yield 'l3s', [(n, os.path.join(l3s, n)) for n in sorted(os.listdir(l3s)) if n.endswith('.html.gz')]


def main():
    shared, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    stamp = os.path.join(out, 'trafilatura.version')
    same = os.path.exists(stamp) and open(stamp).read().strip() == trafilatura.__version__
    for name, items in pages(shared):
        path = os.path.join(out, f'{name}-trafilatura.json')
        if same and os.path.exists(path):
            continue
        preds = {key: extract(read(p)) for key, p in items}
        with open(path, 'w') as f:
            json.dump(preds, f)
        print(f'trafilatura {trafilatura.__version__}: {name} {len(preds)} pages', file=sys.stderr)
    with open(stamp, 'w') as f:
        f.write(trafilatura.__version__)


if __name__ == '__main__':
    main()
