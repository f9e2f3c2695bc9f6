"""Pairs 19: every pair of the frame (frame.py) that no labelled file holds, sharing 20% or
more of the shorter's runs of five words; shuffled (seed 20261222), numbered from 4000, one
side or the other first at random. Pairs sharing 30% or more: two readers each
(high1-4, again1-4, two splits); 20-30%: one reader each (low1-7)."""
import json, pickle, random, glob
SEED = 20261222
f = pickle.load(open("/tmp/pairs19-frame.pkl", "rb"))
ids, P = f["ids"], f["pairs"]
labelled = set()
for fn in glob.glob("/work/main/tests/data/stories/*.jsonl"):
    for line in open(fn):
        d = json.loads(line)
        labelled.add(frozenset((d["a"], d["b"])))
pairs = sorted((ids[i], ids[j], s) for (i, j), s in P.items()
               if s >= 0.2 and frozenset((ids[i], ids[j])) not in labelled)
rng = random.Random(SEED)
rng.shuffle(pairs)
out = []
for k, (a, b, s) in enumerate(pairs):
    if rng.random() < 0.5:
        a, b = b, a
    out.append({"n": 4000 + k, "a": a, "b": b, "share": round(s, 3)})
with open("pairs.jsonl", "w") as fh:
    for d in out:
        fh.write(json.dumps(d) + "\n")
arts = {}
for line in open("/work/shared/real-news/articles.jsonl", encoding="utf-8"):
    d = json.loads(line)
    arts[d["id"]] = d
def write(name, chunk):
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(f"# {len(chunk)} pairs: pair numbers {', '.join(str(d['n']) for d in chunk)}\n\n")
        for d in chunk:
            fh.write(f"======== PAIR {d['n']} ========\n")
            for side in ("a", "b"):
                x = arts[d[side]]
                fh.write(f"--- {side.upper()}: {x['id']} | date {x.get('date')} | title: {x.get('title')}\n")
                fh.write((x.get("body") or "").strip() + "\n")
            fh.write("\n")
high = [d for d in out if d["share"] >= 0.3]
low = [d for d in out if d["share"] < 0.3]
# the pairs sharing 30% or more: two readers each, in two different splits of four files
for i in range(4):
    write(f"high{i+1}.txt", high[i::4])
    write(f"again{i+1}.txt", [d for k, d in enumerate(high) if (k // 4) % 4 == i])
# the pairs sharing 20-30%: one reader each, in seven files
for i in range(7):
    write(f"low{i+1}.txt", low[i::7])
print(len(out), "pairs;", len(high), "high,", len(low), "low")
