# SPDX-License-Identifier: Apache-2.0
"""GenRM training data: the reasoner's own sampled solutions, labelled by their final answer,
plus gold (Yes) and corrupted-gold (No) solutions.

Problems come from Random(VERIFIER_SEED_BASE + seed) and skip every held-out question. Each
problem gets one sample per temperature (step-by-step prompt). Writes OUT (jsonl rows
{question, answer, solution, label, source}) and OUT.summary.json.
"""
import argparse
import json
import random
import time

import torch

import solve
import task
from model import load_checkpoint
from train import heldout_questions

VERIFIER_SEED_BASE = 20_000_000


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="reasoner folder (model.pt, config.json)")
    ap.add_argument("--out", required=True, help="output jsonl")
    ap.add_argument("--problems", type=int, default=40_000)
    ap.add_argument("--temperatures", type=float, nargs="+", default=[1.0, 0.8])
    ap.add_argument("--gold-share", type=float, default=0.12, help="gold (Yes) rows per problem")
    ap.add_argument("--corrupt-share", type=float, default=0.12, help="corrupted-gold (No) rows per problem")
    ap.add_argument("--heldout", nargs="+", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=2048)
    ap.add_argument("--difficulty", default="{}", help="JSON overrides of task.Difficulty (the reasoner's task)")
    args = ap.parse_args()

    t0 = time.time()
    model = load_checkpoint(f"{args.model}/model.pt", f"{args.model}/config.json")
    exclude = heldout_questions(args.heldout)
    rng = random.Random(VERIFIER_SEED_BASE + args.seed)
    d = task.parse_difficulty(args.difficulty)
    problems = []
    while len(problems) < args.problems:
        p = task.generate(rng, d)
        if p.question not in exclude:
            problems.append({"question": p.question, "answer": p.answer, "problem": p})
    rows = []
    for i, temp in enumerate(args.temperatures):
        texts = solve.solve(model, problems, "cot", temperature=temp, seed=args.seed * 100 + i, bf16=True,
                            batch_size=args.batch_size)
        for p, (t,) in zip(problems, texts):
            rows.append({"question": p["question"], "answer": p["answer"], "solution": t,
                         "label": int(task.is_correct(t, p["answer"])), "source": f"sample_t{temp}"})
    for p in problems:
        prob = p["problem"]
        if rng.random() < args.gold_share:
            rows.append({"question": p["question"], "answer": p["answer"], "label": 1, "source": "gold",
                         "solution": task.solution(prob, rng.choice(task.STRATEGIES))})
        if rng.random() < args.corrupt_share:
            bad = task.corrupt_solution(prob, rng.choice(task.STRATEGIES), rng)
            if bad is not None:
                rows.append({"question": p["question"], "answer": p["answer"], "label": 0, "source": "corrupt",
                             "solution": bad})
    rng.shuffle(rows)
    task.write_jsonl(args.out, rows)
    by = {}
    for r in rows:
        n, y = by.get(r["source"], (0, 0))
        by[r["source"]] = (n + 1, y + r["label"])
    summary = {"rows": len(rows), "problems": len(problems), "seconds": round(time.time() - t0, 1),
               "by_source": {k: {"rows": n, "yes_share": round(y / n, 4)} for k, (n, y) in sorted(by.items())}}
    with open(args.out + ".summary.json", "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    torch.backends.cuda.matmul.allow_tf32 = True
    main()
