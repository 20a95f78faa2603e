#!/usr/bin/env python3
"""Every document of ../shared (seeds and data sets) as JSON lines for `cargo xtask golden`.

Writes one object a line: {"set", "id", "kind": "text" | "html", "text"}. The order is fixed
(sorted file names, file order inside a file), so a set's digest depends only on the outputs.
"""
import csv, glob, gzip, json, os, subprocess, sys, tempfile

shared, out_path = sys.argv[1], sys.argv[2]
data = os.path.join(shared, 'data')
csv.field_size_limit(10 ** 9)


def docs():
    for p in sorted(glob.glob(os.path.join(shared, 'seeds', '*.txt'))):
        yield 'seeds', os.path.basename(p), 'text', open(p, encoding='utf-8').read()
    with tempfile.TemporaryDirectory() as tmp:
        exp = os.path.join(tmp, 'conll.json')
        subprocess.run([sys.executable, os.path.join(shared, 'eval', 'conll_eval.py'), 'export',
                        os.path.join(data, 'conll2003', 'eng.testa'), exp], check=True,
                       stdout=subprocess.DEVNULL)
        e = json.load(open(exp, encoding='utf-8'))
        for i, (s, t) in enumerate(e['doc_ranges']):
            yield 'conll-dev', str(i), 'text', e['text'][s:t]
    for split in ('dev', 'train'):
        for p in sorted(glob.glob(os.path.join(data, 'polnear', split, 'text', '*.txt'))):
            yield 'polnear-' + split, os.path.basename(p), 'text', open(p, encoding='utf-8').read()
    for p in sorted(glob.glob(os.path.join(data, 'l3s-gn1', 'original', '*.gz'))):
        yield 'l3s-gn1', os.path.basename(p), 'html', gzip.open(p, 'rb').read().decode('utf-8', 'replace')
    with gzip.open(os.path.join(data, 'gva', 'documents.dev.jsonl.gz'), 'rt', encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            yield 'gva-dev', str(d['doc_id']), 'text', d['text'] or ''
    with gzip.open(os.path.join(data, 'gvdb', 'dev.tsv.gz'), 'rt', encoding='utf-8') as f:
        for d in csv.DictReader(f, delimiter='\t'):
            yield 'gvdb-dev', d['Article id'], 'text', d['Full text']
    for p in sorted(glob.glob(os.path.join(data, 'wcxb-dev', 'html', '*.html.gz'))):
        yield 'wcxb-dev', os.path.basename(p), 'html', gzip.open(p, 'rb').read().decode('utf-8', 'replace')
    for p in sorted(glob.glob(os.path.join(data, 'readability-pages', '*', 'source.html.gz'))):
        yield 'readability', os.path.basename(os.path.dirname(p)), 'html', \
            gzip.open(p, 'rb').read().decode('utf-8', 'replace')


with open(out_path, 'w', encoding='utf-8') as out:
    n = 0
    for s, i, k, t in docs():
        out.write(json.dumps({'set': s, 'id': i, 'kind': k, 'text': t}, ensure_ascii=False) + '\n')
        n += 1
print(f'{n} documents', file=sys.stderr)
