# SPDX-License-Identifier: Apache-2.0
"""Train a tiny reasoner from scratch on the arithmetic task (one H100, a few minutes).

bf16 autocast with float32 master weights, AdamW, warm-up then constant lr with a linear
decay over the last 20% of the budget, EMA of the weights (the EMA copy is evaluated and saved).
The budget is whichever of --steps / --minutes runs out first; the schedule follows it.
Writes OUT/model.pt (EMA, HF tensor names), OUT/config.json, OUT/curve.jsonl, OUT/summary.json.
"""
import argparse
import copy
import json
import math
import os
import random
import time

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

import solve
import task
from data import Stream
from model import DEVICE, VOCAB, Config, Llama

ARCHS = {"a": Config(6, 384, 6, 2, 1024), "b": Config(8, 256, 4, 1, 768), "smoke": Config(2, 64, 2, 1, 128),
         # smaller candidates for the second reasoner (search_b.sh); all converged at 88-90% like "b"
         "b4": Config(4, 256, 4, 1, 768), "b3": Config(3, 256, 4, 1, 768), "b4n": Config(4, 192, 3, 1, 512)}


def parse_mix(text):
    """'seq:0.4,regroup:0.3,split:0.3' -> task.Mix."""
    pairs = tuple((k, float(v)) for k, v in (p.split(":") for p in text.split(",")))
    if {k for k, _ in pairs} - set(task.STRATEGIES) or abs(sum(v for _, v in pairs) - 1) > 1e-6:
        raise SystemExit(f"bad strategy mix {text}")
    return task.Mix(strategies=pairs)


def optimizer(model, lr, wd=0.1):
    decay = [p for p in model.parameters() if p.dim() >= 2]
    rest = [p for p in model.parameters() if p.dim() < 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": wd}, {"params": rest, "weight_decay": 0.0}],
                             lr=lr, betas=(0.9, 0.95), fused=DEVICE == "cuda")


def lr_at(step, progress, lr, warmup, final_frac=0.1, decay_from=0.8, cosine=False):
    """Warm-up, then constant (or cosine) lr; linear decay to final_frac over the last 20%."""
    if step < warmup:
        return lr * (step + 1) / warmup
    if cosine:
        return lr * (final_frac + (1 - final_frac) * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0))))
    if progress < decay_from:
        return lr
    return lr * (1 - (1 - final_frac) * (progress - decay_from) / (1 - decay_from))


@torch.no_grad()
def ema_update(ema, model, step, decay):
    d = min(decay, (1 + step) / (10 + step))
    torch._foreach_lerp_(list(ema.parameters()), list(model.parameters()), 1 - d)


def token_loss(model, inp, lab):
    """Mean cross-entropy per row over labelled tokens -> (B,) float32, and token counts (B,)."""
    with torch.autocast(DEVICE, torch.bfloat16):
        logits = model(inp)
    ce = F.cross_entropy(logits.float().view(-1, VOCAB), lab.view(-1), ignore_index=-100, reduction="none")
    ce = ce.view(lab.shape)
    n = (lab != -100).sum(1)
    return ce.sum(1), n


def heldout_questions(paths):
    return {r["question"] for p in paths for r in task.load_jsonl(p)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--arch", choices=ARCHS, default="a")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mix", default="seq:0.4,regroup:0.3,split:0.3", help="CoT strategy mix")
    ap.add_argument("--steps", type=int, default=100_000)
    ap.add_argument("--minutes", type=float, default=8.0)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--tokens-per-batch", type=int, default=65536)
    ap.add_argument("--ema", type=float, default=0.998)
    ap.add_argument("--workers", type=int, default=6)
    ap.add_argument("--dev", required=True, help="dev.jsonl (dev accuracy curve)")
    ap.add_argument("--heldout", nargs="+", required=True, help="jsonl files whose questions training skips")
    ap.add_argument("--eval-every-s", type=float, default=30.0)
    ap.add_argument("--difficulty", default="{}", help="JSON overrides of task.Difficulty")
    ap.add_argument("--problems", type=int, default=0,
                    help="train on a finite corpus of this many distinct problems (0: a fresh problem every row)")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    c = ARCHS[args.arch]
    c.save(f"{args.out}/config.json")
    model = Llama(c).to(DEVICE)
    ema = copy.deepcopy(model).eval()
    opt = optimizer(model, args.lr)
    dev = task.load_jsonl(args.dev)
    d = task.parse_difficulty(args.difficulty)
    exclude = heldout_questions(args.heldout)
    corpus = task.corpus(args.seed, args.problems, d, exclude) if args.problems else None
    stream = Stream(d, parse_mix(args.mix), args.seed, exclude, args.tokens_per_batch, corpus=corpus)
    loader = DataLoader(stream, batch_size=None, num_workers=args.workers, pin_memory=True, prefetch_factor=4,
                        persistent_workers=True)
    print(f"arch {args.arch} {c} params {model.n_params():,} difficulty {d} mix {args.mix} "
          f"problems {args.problems or 'unlimited'}", flush=True)
    # With a finite corpus, greedy accuracy on 500 of its own problems shows when it is learnt.
    seen = [task.as_row(p) for p in corpus[:500]] if corpus else None
    curve = open(f"{args.out}/curve.jsonl", "w")
    t0 = time.time()
    last_eval, tokens, rows, loss_acc, n_acc, step = t0, 0, 0, torch.zeros((), device=DEVICE), 0, 0
    for inp, lab, _ in loader:
        progress = max(step / args.steps, (time.time() - t0) / (60 * args.minutes))
        if progress >= 1:
            break
        for g in opt.param_groups:
            g["lr"] = lr_at(step, progress, args.lr, args.warmup)
        inp, lab = inp.to(DEVICE, non_blocking=True), lab.to(DEVICE, non_blocking=True)
        s, n = token_loss(model, inp, lab)
        loss = s.sum() / n.sum()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        ema_update(ema, model, step, args.ema)
        loss_acc += loss.detach()
        n_acc += 1
        tokens += inp.numel()
        rows += inp.shape[0]
        step += 1
        if time.time() - last_eval >= args.eval_every_s:
            rep = solve.report(ema, dev)
            last_eval = time.time()
            rec = {"step": step, "t": round(last_eval - t0, 1), "tokens": tokens, "loss": round(loss_acc.item() / n_acc, 4),
                   "lr": opt.param_groups[0]["lr"], "dev_cot_acc": rep["acc"], "dev_by_ops": rep["by_ops"]}
            if seen:
                rec |= {"epochs": round(rows / args.problems, 2), "corpus_cot_acc": solve.report(ema, seen)["acc"]}
            print(json.dumps(rec), flush=True)
            curve.write(json.dumps(rec) + "\n")
            curve.flush()
            loss_acc, n_acc = torch.zeros((), device=DEVICE), 0
    elapsed = time.time() - t0
    rep = solve.report(ema, dev)
    corpus_acc = solve.report(ema, seen)["acc"] if seen else None
    summary = {"arch": args.arch, "config": c.__dict__, "params": model.n_params(), "steps": step, "tokens": tokens,
               "seconds": round(elapsed, 1), "tokens_per_s": round(tokens / elapsed), "dev_cot_acc": rep["acc"],
               "dev_by_ops": rep["by_ops"], "seed": args.seed, "mix": args.mix, "difficulty": d.__dict__,
               "lr": args.lr, "ema": args.ema, "tokens_per_batch": args.tokens_per_batch, "rows": rows,
               "problems": args.problems, "epochs": round(rows / args.problems, 1) if args.problems else None,
               "corpus_cot_acc": corpus_acc}
    curve.write(json.dumps({"final": True, "step": step, "t": round(elapsed, 1), "dev_cot_acc": rep["acc"],
                            "dev_by_ops": rep["by_ops"]}) + "\n")
    curve.close()
    torch.save(ema.state_dict(), f"{args.out}/model.pt")
    with open(f"{args.out}/summary.json", "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
