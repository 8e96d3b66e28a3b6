# SPDX-License-Identifier: Apache-2.0
"""Why the A+B ensemble does not beat B: the ensemble under other vote weights, on the samples
of evaluate.py (same seed, so the same 20 samples per problem and model).

Votes of B's samples count `w` times a vote of A's (w = 1 is the card's ensemble); a verified
ensemble weights every sample by the verifier's p(Yes) as well. Each row is paired (McNemar, on
the first group) against B's self-consistency with the same total or the same B sample count.
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train"))
import solve  # noqa: E402
import strategies as st  # noqa: E402
import task  # noqa: E402
from evaluate import Table, answers_of  # noqa: E402
from gguf_io import load_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reasoner", required=True)
    ap.add_argument("--reasoner-b", required=True)
    ap.add_argument("--verifier", required=True)
    ap.add_argument("--eval", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--temperature", type=float, default=0.8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--weights", type=float, nargs="+", default=[1.0, 1.5, 2.0, 3.0])
    args = ap.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = False
    problems = task.load_jsonl(args.eval)
    golds = [p["answer"] for p in problems]
    n, half = args.samples, args.samples // 2
    texts, answers = {}, {}
    for tag, path in (("A", args.reasoner), ("B", args.reasoner_b)):
        out = solve.solve(load_model(path), problems, "cot", temperature=args.temperature, samples=n, seed=args.seed)
        texts[tag], answers[tag] = out, [answers_of(t) for t in out]
    verifier = load_model(args.verifier)
    scores = {}
    for tag in ("A", "B"):
        flat = solve.genrm_scores(verifier, [p["question"] for p in problems for _ in range(n)],
                                  [x for t in texts[tag] for x in t])
        scores[tag] = [flat[i * n:(i + 1) * n] for i in range(len(problems))]

    def vote(k_a, k_b, w, verified=False):
        res = []
        for i, gold in enumerate(golds):
            a, b = answers["A"][i][:k_a], answers["B"][i][:k_b]
            weights = [1.0] * k_a + [w] * k_b
            if verified:
                weights = [x * s for x, s in zip(weights, scores["A"][i][:k_a] + scores["B"][i][:k_b])]
            res.append(int(st.plurality(a + b, weights) == gold))
        return res

    table = Table()
    for k in (half, n):
        table.add(f"B SC@{k}", [int(st.plurality(a[:k]) == g) for a, g in zip(answers["B"], golds)])
    table.add(f"B GenRM weighted vote@{n}", vote(0, n, 1.0, verified=True), baseline=f"B SC@{n}")
    for w in args.weights:
        table.add(f"A{half}+B{half}, B weight {w}", vote(half, half, w), baseline=f"B SC@{half}")
        table.add(f"A{half}+B{half}, B weight {w} (vs B SC@{n})", vote(half, half, w), baseline=f"B SC@{n}")
        table.add(f"A{n}+B{n}, B weight {w}", vote(n, n, w), baseline=f"B SC@{n}")
    table.add(f"A{half}+B{half} verified (GenRM)", vote(half, half, 1.0, verified=True), baseline=f"B SC@{n}")
    table.add(f"A{n}+B{n} verified (GenRM)", vote(n, n, 1.0, verified=True), baseline=f"B SC@{n}")
    result = {"problems": len(problems), "samples": n, "temperature": args.temperature, "seed": args.seed,
              "device": torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu", "table": table.rows}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
