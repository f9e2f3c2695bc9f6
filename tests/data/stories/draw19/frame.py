"""Run from a folder outside the project (it writes the readers' files there), with
PYTHONHASHSEED=0 (the runs of five words are hashed by Python's hash).

The draw's frame, independent of timtin's code: every pair of real articles sharing
at least a tenth of the shorter's runs of five words (runs held by more than 30 articles
left out as boilerplate)."""
import json, re, unicodedata, collections, pickle, sys
ARTS = "/work/shared/real-news/articles.jsonl"
WORD = re.compile(r"\w+")
def words(t):
    return WORD.findall(unicodedata.normalize("NFC", t).lower())
arts = [json.loads(l) for l in open(ARTS, encoding="utf-8")]
sh = []
for a in arts:
    w = words((a.get("title") or "") + "\n" + (a.get("body") or ""))
    sh.append({hash(tuple(w[i:i+5])) for i in range(max(0, len(w) - 4))})
post = collections.defaultdict(list)
for i, s in enumerate(sh):
    for h in s:
        post[h].append(i)
common = {h for h, l in post.items() if len(l) > 30}
for h in common:
    del post[h]
sh = [s - common for s in sh]
pairs = {}
for i, s in enumerate(sh):
    c = collections.Counter()
    for h in s:
        for j in post[h]:
            if j > i:
                c[j] += 1
    for j, n in c.items():
        m = min(len(s), len(sh[j]))
        if m and n / m >= 0.10:
            pairs[(i, j)] = n / m
ids = [a["id"] for a in arts]
pickle.dump({"ids": ids, "pairs": pairs}, open("/tmp/pairs19-frame.pkl", "wb"))
print(len(pairs), "pairs")
