"""The readers' answers as the project's label files (ids and labels only)."""
import json, glob
pairs = {json.loads(l)["n"]: json.loads(l) for l in open("/work/labels/pairs19/pairs.jsonl")}
OUT = "/work/main/tests/data/stories/real_pairs_issue19{}.jsonl"
for suffix, pats in (("", ["high[0-9]", "low[0-9]"]), ("_second", ["again[0-9]", "lowagain[0-9]"]),
                     ("_third", ["third", "lowthird[0-9]"])):
    rows = []
    for pat in pats:
        for f in sorted(glob.glob(f"/work/labels/pairs19/answers/{pat}.jsonl")):
            for line in open(f):
                if line.strip():
                    r = json.loads(line)
                    assert r["label"] in ("copy", "same", "not", "unsure"), (f, r)
                    row = {"n": r["n"], "a": pairs[r["n"]]["a"], "b": pairs[r["n"]]["b"], "label": r["label"]}
                    if r.get("why"):
                        row["why"] = r["why"]
                    rows.append(row)
    rows.sort(key=lambda r: r["n"])
    assert len({r["n"] for r in rows}) == len(rows)
    with open(OUT.format(suffix), "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(suffix or "first", len(rows))
