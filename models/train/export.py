# SPDX-License-Identifier: Apache-2.0
"""Export the trained models to GGUF and ship each in the smallest tensor type that keeps
greedy step-by-step accuracy on the held-out problems within one point of float32.

For every model and type the GGUF is written, read back and dequantised, and
evaluated in float32 (TF32 off); the verifier must also keep its GenRM AUC (on held-out verifier
rows) within 0.01. Writes SHIP/NAME.gguf and QUANT_JSON.
"""
import argparse
import json
import os
import shutil
import sys

import torch

import solve
import stats
import task
from gguf_io import export, load_model
from train_verifier import held_out

TYPES = ["q4_0", "q8_0", "f16", "f32"]  # smallest first
DESCRIPTIONS = {
    "tiny-reasoner": "Quorum tiny reasoner: byte-level Llama trained from scratch on synthetic multi-step "
                     "integer arithmetic; answers 'Q: ...\\nLet's think step by step.\\n' with one step per line "
                     "and 'The answer is N.'",
    "tiny-reasoner-b": "Quorum tiny reasoner B: a second byte-level Llama (other size, seed and strategy mix) "
                       "for ensembles, same task and prompts as tiny-reasoner",
    "tiny-verifier": "Quorum tiny verifier: GenRM fine-tuned from tiny-reasoner; after 'Q: ...\\nLet's think step "
                     "by step.\\n{solution}\\nIs the answer correct (Yes/No)? ' the next token is Yes or No",
}


def cot_acc(model, problems):
    return 100 * sum(solve.correct([t[0] for t in solve.solve(model, problems, "cot")], problems)) / len(problems)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", nargs=2, action="append", metavar=("NAME", "DIR"), required=True,
                    help="model name and checkpoint folder (repeat)")
    ap.add_argument("--eval", required=True)
    ap.add_argument("--verifier-data", required=True, help="verifier rows (held-out part measures AUC)")
    ap.add_argument("--work", required=True, help="folder for every exported type")
    ap.add_argument("--ship", required=True, help="folder for the chosen NAME.gguf")
    ap.add_argument("--quant-json", required=True)
    ap.add_argument("--tolerance", type=float, default=1.0, help="points of accuracy")
    args = ap.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = False
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.ship, exist_ok=True)
    problems = task.load_jsonl(args.eval)
    rows = [r for r in task.load_jsonl(args.verifier_data) if held_out(r["question"])][:2000]
    report = {}
    for name, ckpt in args.model:
        is_verifier = "verifier" in name

        def measure(m):
            res = {"cot_greedy": round(cot_acc(m, problems), 2)}
            if is_verifier:
                s = solve.genrm_scores(m, [r["question"] for r in rows], [r["solution"] for r in rows])
                res["genrm_auc"] = round(stats.auc(s, [r["label"] for r in rows]), 4)
            return res

        ref = measure(load_model(ckpt))
        entry = {"f32_checkpoint": ref, "types": {}}
        chosen = None
        for t in TYPES:
            path = f"{args.work}/{name}.{t}.gguf"
            export(ckpt, path, t, name, DESCRIPTIONS[name])
            res = measure(load_model(path))
            res["bytes"] = os.path.getsize(path)
            entry["types"][t] = res
            ok = abs(res["cot_greedy"] - ref["cot_greedy"]) <= args.tolerance
            if is_verifier:
                ok = ok and abs(res["genrm_auc"] - ref["genrm_auc"]) <= 0.01
            res["within_tolerance"] = ok
            print(name, t, json.dumps(res), flush=True)
            if ok and chosen is None:
                chosen = t
        entry["chosen"] = chosen
        shutil.copy(f"{args.work}/{name}.{chosen}.gguf", f"{args.ship}/{name}.gguf")
        report[name] = entry
    with open(args.quant_json, "w") as f:
        json.dump({"quantisation": report, "tolerance_points": args.tolerance}, f, indent=1)


if __name__ == "__main__":
    main()
