# SPDX-License-Identifier: Apache-2.0
"""Prints the model card's results table (markdown) from pytorch-results.json.

    python3 models/eval/results_table.py models/eval/pytorch-results.json
"""
import json
import sys


def fmt_p(p):
    if p is None:
        return "—"
    return f"{p:.2g}" if p >= 1e-3 else f"{p:.0e}"


def rows(results):
    yield "| method | acc % | 95% CI | baseline | wins / losses vs baseline | p (exact McNemar) |"
    yield "| --- | ---: | --- | --- | ---: | ---: |"
    for r in results["table"]:
        low, high = r["ci95"]
        paired = "baseline" in r
        yield (f"| {r['method']} | {r['acc']:.1f} | {low:.1f}–{high:.1f} | {r.get('baseline', '—')} | "
               f"{(str(r['wins']) + ' / ' + str(r['losses'])) if paired else '—'} | "
               f"{fmt_p(r.get('p')) if paired else '—'} |")


def main():
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return
    with open(sys.argv[1], encoding="utf-8") as f:
        results = json.load(f)
    print("\n".join(rows(results)))


if __name__ == "__main__":
    main()
