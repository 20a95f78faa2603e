"""Score Lede's and the peer's main text on the web-page sets, for `cargo xtask eval-html`.

  web_scores.py SHARED DIR [SYSTEM=DIR2 ...]

DIR holds <set>-<system>.json predictions ({"<page>": "text"}), wcxb-fit.ids,
wcxb-check.ids and l3s-gold.json. The systems scored are `lede` and
`trafilatura` from DIR, or those named after it, each with the directory
that holds its predictions (`cargo xtask eval-paste`: Lede and the whole
pasted text from its own directory, trafilatura on the HTML from eval-html's). Metrics, each the set's own:
- wcxb-dev: WCXB's word F1 per page, averaged (the reference scorer
  SHARED/eval/wcxb_f1.py), on the checking part (figures to report) and the
  fitting part (where misses may be read);
- readability-pages: the same word F1 against the text of expected.html;
- L3S-GN1: word 4-gram shingles, P and R per page averaged, F1 of the averages
  (as the ScrapingHub benchmark scores it).
Prints one table row a set and system.
"""
import collections
import gzip
import html.parser
import json
import os
import re
import statistics
import subprocess
import sys



def words(t):
    return re.findall(r'\w+', (t or '').lower())


def word_f1(pred, ref):
    p, r = collections.Counter(words(pred)), collections.Counter(words(ref))
    if not r:
        return 1.0 if not p else 0.0
    o = sum((p & r).values())
    if not p or not o:
        return 0.0
    P, R = o / sum(p.values()), o / sum(r.values())
    return 2 * P * R / (P + R)


class Text(html.parser.HTMLParser):
    """The text of an HTML fragment, a line a block."""
    BLOCKS = {'p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'pre', 'blockquote', 'section'}

    def __init__(self):
        super().__init__()
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.out.append('\n')

    def handle_data(self, data):
        self.out.append(data)


def html_text(s):
    t = Text()
    t.feed(s)
    return ''.join(t.out)


def load(path):
    with open(path) as f:
        return json.load(f)


def wcxb(shared, d, sd, system, part):
    out = subprocess.run([sys.executable, os.path.join(shared, 'eval', 'wcxb_f1.py'),
                          os.path.join(sd, f'wcxb-{system}.json'), '--ids', os.path.join(d, f'wcxb-{part}.ids')],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r'articles F1 ([\d.]+) all F1 ([\d.]+)', out)
    pages = sum(int(n) for n in re.findall(r'(\d+) pages', out))
    articles = re.search(r'article\s+(\d+) pages', out)
    return float(m.group(1)), float(m.group(2)), int(articles.group(1)) if articles else 0, pages


def readability(shared, sd, system):
    root = os.path.join(shared, 'data', 'readability-pages')
    pred = load(os.path.join(sd, f'readability-{system}.json'))
    scores = []
    for page in sorted(pred):
        with gzip.open(os.path.join(root, page, 'expected.html.gz'), 'rt', encoding='utf-8', errors='replace') as f:
            gold = html_text(f.read())
        scores.append(word_f1(pred[page], gold))
    return statistics.mean(scores), len(scores)


def shingles(t):
    w = words(t)
    return {tuple(w[i:i + 4]) for i in range(len(w) - 3)} if len(w) >= 4 else {(x,) for x in w}


def l3s(d, sd, system):
    gold, pred = load(os.path.join(d, 'l3s-gold.json')), load(os.path.join(sd, f'l3s-{system}.json'))
    sp = sr = n = 0
    for page, g in gold.items():
        g = shingles(g)
        if not g:
            continue
        p = shingles(pred.get(page, ''))
        common = len(p & g)
        sp += common / len(p) if p else 0.0
        sr += common / len(g)
        n += 1
    P, R = sp / n, sr / n
    return (2 * P * R / (P + R) if P + R else 0.0), n


LABELS = {'lede': 'Lede', 'trafilatura': 'trafilatura', 'whole': 'whole text kept'}


def main():
    shared, d = sys.argv[1], sys.argv[2]
    systems = dict(a.split('=', 1) for a in sys.argv[3:]) or {'lede': d, 'trafilatura': d}
    names = list(systems)
    rows = []
    for part in ['check', 'fit']:
        got = {s: wcxb(shared, d, systems[s], s, part) for s in names}
        label = 'checking' if part == 'check' else 'fitting'
        n_articles, n_all = got[names[0]][2], got[names[0]][3]
        rows.append((f'wcxb-dev {label} part, articles (word F1)', n_articles, {s: got[s][0] for s in names}))
        rows.append((f'wcxb-dev {label} part, all 7 types (word F1)', n_all, {s: got[s][1] for s in names}))
    rd = {s: readability(shared, systems[s], s) for s in names}
    rows.append(('readability-pages (word F1)', rd[names[0]][1], {s: rd[s][0] for s in names}))
    ls = {s: l3s(d, systems[s], s) for s in names}
    rows.append(('L3S-GN1 (4-gram shingle F1; committed block model)', ls[names[0]][1], {s: ls[s][0] for s in names}))
    print('\n| set | pages | ' + ' | '.join(LABELS.get(s, s) for s in names) + ' |')
    print('|---|---|' + '---|' * len(names))
    for name, n, v in rows:
        print(f'| {name} | {n} | ' + ' | '.join(f'{v[s]:.3f}' for s in names) + ' |')


if __name__ == '__main__':
    main()
