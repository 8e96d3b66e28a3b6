# SPDX-License-Identifier: Apache-2.0
"""The PyTorch reference evaluation of the shipped models on the held-out problems.

Runs in float32 (TF32 off) on the weights given (GGUF files are dequantised, so the shipped
weights are what is measured). Every method is scored per problem; the table gives accuracy
with a 95% interval (Wilson; bootstrap for scores averaged over disjoint sample groups) and
paired exact McNemar counts against the method's baseline (for averaged methods: group 0).
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train"))
import solve  # noqa: E402
import stats  # noqa: E402
import strategies as st  # noqa: E402
import task  # noqa: E402
from gguf_io import load_model  # noqa: E402
from generate import generate, last_logits  # noqa: E402
from model import BOS, encode  # noqa: E402


class Table:
    """Methods with per-problem scores (possibly averaged) and paired 0/1 outcomes."""

    def __init__(self):
        self.rows, self.binary = [], {}

    def add(self, name, scores, binary=None, baseline=None, **extra):
        binary = scores if binary is None else binary
        self.binary[name] = binary
        n = len(scores)
        acc = sum(scores) / n
        averaged = any(s not in (0, 1) for s in scores)
        lo, hi = stats.bootstrap(scores) if averaged else stats.wilson(sum(scores), n)
        row = {"method": name, "acc": round(100 * acc, 2), "ci95": [round(100 * lo, 2), round(100 * hi, 2)], "n": n}
        if baseline:
            a_only, b_only, p = stats.mcnemar(binary, self.binary[baseline])
            row.update(baseline=baseline, wins=a_only, losses=b_only, p=float(f"{p:.3g}"))
        row.update(extra)
        self.rows.append(row)
        print(json.dumps(row), flush=True)


def answers_of(texts):
    return [task.extract_answer(t) for t in texts]


def evaluate_reasoner(table, name, model, problems, args, tag):
    """Greedy prompts, sampling (SC@N, pass@N).
    Returns sampled answers (problem, sample), sampled texts (flat) and greedy CoT outcomes."""
    golds = [p["answer"] for p in problems]
    g = {}
    for style in ("direct", "plain", "cot"):
        texts = [t[0] for t in solve.solve(model, problems, style)]
        g[style] = solve.correct(texts, problems)
        if style == "plain":
            plain_cot = sum("=" in t for t in texts) / len(texts)
    table.add(f"{tag} direct greedy", g["direct"])
    table.add(f"{tag} plain-prompt greedy", g["plain"], baseline=f"{tag} direct greedy",
              cot_share=round(plain_cot, 4))
    table.add(f"{tag} CoT greedy", g["cot"], baseline=f"{tag} direct greedy")
    texts = solve.solve(model, problems, "cot", temperature=args.temperature, samples=args.samples, seed=args.seed)
    answers = [answers_of(t) for t in texts]
    single = [sum(a == gold for a in ans) / len(ans) for ans, gold in zip(answers, golds)]
    table.add(f"{tag} single sample T={args.temperature} (mean of {args.samples})", single,
              [int(a[0] == gold) for a, gold in zip(answers, golds)], baseline=f"{tag} CoT greedy")
    for n in args.sc:
        sc = [st.sc_scores(a, gold, n) for a, gold in zip(answers, golds)]
        table.add(f"{tag} SC@{n}", [s for s, _ in sc], [b for _, b in sc], baseline=f"{tag} CoT greedy")
    for n in args.sc:
        ps = [st.pass_scores(a, gold, n) for a, gold in zip(answers, golds)]
        table.add(f"{tag} pass@{n} (oracle)", [s for s, _ in ps], [b for _, b in ps], baseline=f"{tag} CoT greedy")
    return answers, [x for t in texts for x in t], g["cot"]


def cot_decoding(table, model, problems, args, tag):
    """Branch on the top-k first tokens of the plain prompt, continue greedily, pick by margin."""
    prompts = [[BOS] + encode(task.prompt_plain(p["question"])) for p in problems]
    probs = torch.softmax(last_logits(model, prompts), -1)
    top_p, top_i = probs.topk(args.k, dim=-1)
    flat = [pr for pr in prompts for _ in range(args.k)]
    out = generate(model, flat, max_new=solve.MAX_NEW, forced=top_i.flatten().tolist(), margins=True)
    golds = [p["answer"] for p in problems]
    picks = {f"k={k}": [] for k in args.cot_k}
    picks.update({f"k={args.k}, p>={args.floor}": [], f"k={args.k} aggregated": [], f"oracle k={args.k}": []})
    cot_picked = {key: 0 for key in picks}
    for i, gold in enumerate(golds):
        br = []
        for j in range(args.k):
            o = out[i * args.k + j]
            ans, margin = st.answer_span(o["ids"], o["margins"])
            br.append({"answer": ans, "margin": margin, "cot": ord("=") in o["ids"]})
        choices = {f"k={k}": range(k) for k in args.cot_k}
        choices[f"k={args.k}, p>={args.floor}"] = [j for j in range(args.k) if j == 0 or top_p[i, j] >= args.floor]
        for key, allowed in choices.items():
            j = st.cot_decoding_pick(br, allowed)
            picks[key].append(int(br[j]["answer"] == gold))
            cot_picked[key] += br[j]["cot"]
        picks[f"k={args.k} aggregated"].append(int(st.aggregated_pick(br, range(args.k)) == gold))
        picks[f"oracle k={args.k}"].append(int(any(b["answer"] == gold for b in br)))
    for key, res in picks.items():
        extra = {"cot_share_of_picks": round(cot_picked[key] / len(golds), 4)} if key in cot_picked and cot_picked[key] else {}
        table.add(f"{tag} CoT-decoding plain prompt {key}", res, baseline=f"{tag} plain-prompt greedy", **extra)
    second = top_p[:, 1].tolist()
    return {"first_token_p2_median": sorted(second)[len(second) // 2],
            "first_token_top1_is_T": sum(int(t) == ord("T") for t in top_i[:, 0].tolist()) / len(golds)}


def genrm(table, verifier, problems, answers, texts_flat, args, tag):
    golds = [p["answer"] for p in problems]
    qs = [p["question"] for p in problems for _ in range(args.samples)]
    scores = solve.genrm_scores(verifier, qs, texts_flat)
    per = [scores[i * args.samples:(i + 1) * args.samples] for i in range(len(problems))]
    labels = [int(a == gold) for ans, gold in zip(answers, golds) for a in ans]
    for n in args.genrm_n:
        wv = [st.weighted_scores(a, s, gold, n) for a, s, gold in zip(answers, per, golds)]
        bo = [st.best_of_scores(a, s, gold, n) for a, s, gold in zip(answers, per, golds)]
        base = f"{tag} SC@{n}"
        table.add(f"{tag} GenRM weighted vote@{n}", [x for x, _ in wv], [b for _, b in wv], baseline=base)
        table.add(f"{tag} GenRM best-of-{n}", [x for x, _ in bo], [b for _, b in bo], baseline=base)
    return {"genrm_auc_on_samples": stats.auc(scores, labels), "sample_accuracy": sum(labels) / len(labels)}


def shipped_names(**paths):
    """The GGUFs as the repository ships them (models/NAME), not the run's paths."""
    return {k: "models/" + os.path.basename(v) for k, v in paths.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reasoner", required=True, help="tiny-reasoner: .gguf file or checkpoint folder")
    ap.add_argument("--reasoner-b", required=True)
    ap.add_argument("--verifier", required=True)
    ap.add_argument("--eval", required=True, help="eval.jsonl")
    ap.add_argument("--out", required=True, help="results json")
    ap.add_argument("--limit", type=int, default=0, help="only the first N problems (smoke tests)")
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--temperature", type=float, default=0.8)
    ap.add_argument("--sc", type=int, nargs="+", default=[5, 10, 20])
    ap.add_argument("--genrm-n", type=int, nargs="+", default=[10, 20])
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--cot-k", type=int, nargs="+", default=[2, 3, 10])
    ap.add_argument("--floor", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--extra", default=None, help="json file merged into the output (e.g. quantisation table)")
    args = ap.parse_args()

    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    t0 = time.time()
    problems = task.load_jsonl(args.eval)
    if args.limit:
        problems = problems[:args.limit]
    a, b, v = load_model(args.reasoner), load_model(args.reasoner_b), load_model(args.verifier)
    table, notes = Table(), {}
    a_ans, a_texts, a_cot = evaluate_reasoner(table, "tiny-reasoner", a, problems, args, "A")
    notes["cot_decoding"] = cot_decoding(table, a, problems, args, "A")
    notes["genrm"] = genrm(table, v, problems, a_ans, a_texts, args, "A")
    b_ans, _, b_cot = evaluate_reasoner(table, "tiny-reasoner-b", b, problems, args, "B")
    golds = [p["answer"] for p in problems]
    half = args.samples // 2
    ens = [int(st.plurality(x[:half] + y[:half]) == g) for x, y, g in zip(a_ans, b_ans, golds)]
    table.add(f"ensemble A{half}+B{half} majority", ens, baseline=f"A SC@{args.samples}")
    table.add(f"ensemble A{half}+B{half} majority (vs B)", ens, baseline=f"B SC@{args.samples}")
    both = [int(st.plurality(x + y) == g) for x, y, g in zip(a_ans, b_ans, golds)]
    table.add(f"ensemble A{args.samples}+B{args.samples} majority", both, baseline=f"A SC@{args.samples}")
    v_cot = solve.correct([t[0] for t in solve.solve(v, problems, "cot")], problems)
    table.add("V (verifier as reasoner) CoT greedy", v_cot, baseline="A CoT greedy")
    notes["greedy_errors"] = {"A_wrong": a_cot.count(0), "B_wrong": b_cot.count(0),
                              "both_wrong": sum(1 for x, y in zip(a_cot, b_cot) if not x and not y)}
    by_ops = {}
    for tag, res in (("A", a_cot), ("B", b_cot)):
        for n_ops in sorted({p["n_ops"] for p in problems}):
            sel = [r for r, p in zip(res, problems) if p["n_ops"] == n_ops]
            by_ops.setdefault(tag, {})[n_ops] = round(100 * sum(sel) / len(sel), 1)
    result = {"problems": len(problems), "samples": args.samples, "temperature": args.temperature,
              "weights": shipped_names(A=args.reasoner, B=args.reasoner_b, V=args.verifier), "precision": "float32, TF32 off",
              "device": torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu", "torch": torch.__version__, "seconds": round(time.time() - t0, 1),
              "table": table.rows, "cot_greedy_by_ops": by_ops, "notes": notes}
    if args.extra:
        with open(args.extra) as f:
            result.update(json.load(f))
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"wrote {args.out} in {result['seconds']} s")


if __name__ == "__main__":
    main()
