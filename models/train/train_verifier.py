# SPDX-License-Identifier: Apache-2.0
"""Fine-tune the GenRM verifier from the reasoner it judges.

Each batch mixes GenRM rows (`Q: ..\\nLet's think step by step.\\n{solution}\\nIs the answer
correct (Yes/No)? ` -> `Yes`/`No` + EOS) with ordinary reasoning rows (the reasoner's own
training mix); loss = GenRM loss + reason_weight * reasoning loss. Rows of one problem in
twenty (by CRC32 of the question) are held out to measure AUC. Writes OUT/model.pt,
OUT/config.json, OUT/curve.jsonl, OUT/summary.json.
"""
import argparse
import copy
import json
import os
import random
import shutil
import time
import zlib

import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info

import solve
import stats
import task
from data import collate, row
from model import DEVICE, load_checkpoint
from train import ema_update, heldout_questions, lr_at, optimizer, parse_mix, token_loss

VERIFIER_TRAIN_SEED_BASE = 30_000_000


def held_out(question):
    return zlib.crc32(question.encode()) % 20 == 0


class MixedStream(IterableDataset):
    """Batches of genrm_rows GenRM rows (weight 1) and reason_rows reasoning rows (weight 0.5)."""

    def __init__(self, rows, genrm_rows, reason_rows, mix, seed, exclude, difficulty):
        self.rows, self.g, self.r, self.mix, self.seed, self.exclude = rows, genrm_rows, reason_rows, mix, seed, exclude
        self.d = difficulty

    def __iter__(self):
        info = get_worker_info()
        rng = random.Random(VERIFIER_TRAIN_SEED_BASE + 1000 * self.seed + (info.id if info else 0))
        while True:
            batch = [row(task.genrm_prompt(r["question"], r["solution"]), "Yes" if r["label"] else "No", 1.0)
                     for r in rng.sample(self.rows, self.g)]
            for _ in range(self.r):
                prompt, target, _ = task.training_pair(rng, self.d, self.mix, self.exclude)
                batch.append(row(prompt, target, 0.5))
            yield collate(batch)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--init", required=True, help="reasoner folder to start from (model.pt, config.json)")
    ap.add_argument("--data", required=True, help="verifier_data.py output")
    ap.add_argument("--out", required=True)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--minutes", type=float, default=3.0)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--genrm-rows", type=int, default=192)
    ap.add_argument("--reason-rows", type=int, default=64)
    ap.add_argument("--reason-weight", type=float, default=0.5)
    ap.add_argument("--mix", default="seq:0.4,regroup:0.3,split:0.3", help="reasoning rows' strategy mix")
    ap.add_argument("--ema", type=float, default=0.995)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--heldout", nargs="+", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=6)
    ap.add_argument("--difficulty", default="{}", help="JSON overrides of task.Difficulty (reasoning rows)")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(args.seed)
    shutil.copy(f"{args.init}/config.json", f"{args.out}/config.json")
    model = load_checkpoint(f"{args.init}/model.pt", f"{args.init}/config.json").train()
    ema = copy.deepcopy(model).eval()
    opt = optimizer(model, args.lr)
    rows = task.load_jsonl(args.data)
    train_rows = [r for r in rows if not held_out(r["question"])]
    test_rows = [r for r in rows if held_out(r["question"])][:4000]
    stream = MixedStream(train_rows, args.genrm_rows, args.reason_rows, parse_mix(args.mix), args.seed,
                         frozenset(heldout_questions(args.heldout)), task.parse_difficulty(args.difficulty))
    loader = DataLoader(stream, batch_size=None, num_workers=args.workers, pin_memory=True, prefetch_factor=4,
                        persistent_workers=True)
    curve = open(f"{args.out}/curve.jsonl", "w")
    t0, step, acc = time.time(), 0, []
    for inp, lab, w in loader:
        progress = max(step / args.steps, (time.time() - t0) / (60 * args.minutes))
        if progress >= 1:
            break
        for g in opt.param_groups:
            g["lr"] = lr_at(step, progress, args.lr, 50, cosine=True)
        inp, lab, w = (x.to(DEVICE, non_blocking=True) for x in (inp, lab, w))
        s, n = token_loss(model, inp, lab)
        per_row = s / n.clamp(min=1)
        is_genrm = w == 1.0
        g_loss, r_loss = per_row[is_genrm].mean(), per_row[~is_genrm].mean()
        loss = g_loss + args.reason_weight * r_loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        ema_update(ema, model, step, args.ema)
        acc.append(torch.stack([g_loss.detach(), r_loss.detach()]))
        step += 1
        if step % 100 == 0:
            g_mean, r_mean = torch.stack(acc).mean(0).tolist()
            rec = {"step": step, "t": round(time.time() - t0, 1), "genrm_loss": round(g_mean, 4),
                   "reason_loss": round(r_mean, 4), "lr": opt.param_groups[0]["lr"]}
            print(json.dumps(rec), flush=True)
            curve.write(json.dumps(rec) + "\n")
            acc = []
    elapsed = time.time() - t0
    scores = solve.genrm_scores(ema, [r["question"] for r in test_rows], [r["solution"] for r in test_rows], bf16=True)
    dev = solve.report(ema, task.load_jsonl(args.dev))
    summary = {"steps": step, "seconds": round(elapsed, 1), "train_rows": len(train_rows), "test_rows": len(test_rows),
               "test_auc": stats.auc(scores, [r["label"] for r in test_rows]),
               "test_yes_share": sum(r["label"] for r in test_rows) / max(1, len(test_rows)),
               "dev_cot_acc": dev["acc"], "dev_by_ops": dev["by_ops"], "lr": args.lr,
               "genrm_rows": args.genrm_rows, "reason_rows": args.reason_rows, "reason_weight": args.reason_weight}
    curve.close()
    torch.save(ema.state_dict(), f"{args.out}/model.pt")
    with open(f"{args.out}/summary.json", "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
