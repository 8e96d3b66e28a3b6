# SPDX-License-Identifier: Apache-2.0
"""Solving held-out problems with a model: prompts, greedy and sampled answers, accuracy."""
import contextlib
from collections import defaultdict

import torch

import task
from generate import generate, last_logits
from model import BOS, DEVICE, decode, encode

MAX_NEW = 480  # bytes; the longest step-by-step solution of the shipped grammar is about 275, harder variants reach 430


def prompt_ids(question, style):
    return [BOS] + encode(task.PROMPTS[style](question))


def autocast(bf16):
    return torch.autocast(DEVICE, torch.bfloat16) if bf16 else contextlib.nullcontext()


def solve(model, problems, style="cot", temperature=0.0, samples=1, seed=0, bf16=False, **kw):
    """-> texts[problem][sample] (with samples == 1: texts[problem] is a list of one)."""
    prompts = [prompt_ids(p["question"], style) for p in problems for _ in range(samples)]
    with autocast(bf16):
        out = generate(model, prompts, max_new=kw.pop("max_new", MAX_NEW), temperature=temperature,
                       seed=seed, **kw)
    texts = [decode(o["ids"]) for o in out]
    return [texts[i * samples:(i + 1) * samples] for i in range(len(problems))]


def correct(texts, problems):
    """texts[problem] (one text each) -> list of 0/1."""
    return [int(task.is_correct(t, p["answer"])) for t, p in zip(texts, problems)]


def report(model, problems, bf16=True):
    """Greedy step-by-step accuracy overall and by number of operations."""
    texts = [t[0] for t in solve(model, problems, "cot", bf16=bf16)]
    ok = correct(texts, problems)
    by = defaultdict(list)
    for o, p in zip(ok, problems):
        by[p["n_ops"]].append(o)
    return {"acc": sum(ok) / len(ok), "by_ops": {k: round(sum(v) / len(v), 4) for k, v in sorted(by.items())}}


YES, NO = ord("Y"), ord("N")


def genrm_scores(verifier, questions, solutions, bf16=False, batch_size=256):
    """p(Yes) / (p(Yes) + p(No)) of the verifier's next byte after the GenRM prompt."""
    prompts = [[BOS] + encode(task.genrm_prompt(q, s)) for q, s in zip(questions, solutions)]
    with autocast(bf16):
        logits = last_logits(verifier, prompts, batch_size)
    p = torch.softmax(logits, -1)
    return (p[:, YES] / (p[:, YES] + p[:, NO])).tolist()
