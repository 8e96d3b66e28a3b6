# SPDX-License-Identifier: Apache-2.0
"""Training batches: an endless, seeded stream of tokenised (prompt, target) rows.

Each row is BOS + prompt bytes + target bytes + EOS; the loss covers the target and EOS only.
Rows are drawn in pools, sorted by length and cut into batches of about `tokens_per_batch`
padded tokens, so padding stays small.
"""
import random

import torch
from torch.utils.data import IterableDataset, get_worker_info

import task
from model import BOS, EOS, PAD, encode


def row(prompt, target, weight=1.0):
    """(prompt ids with BOS, target ids with EOS, loss weight)."""
    return [BOS] + encode(prompt), encode(target) + [EOS], weight


def collate(rows):
    """rows -> inputs (B, L) long, labels (B, L) long (-100 = no loss), weights (B,) float."""
    length = max(len(p) + len(t) for p, t, _ in rows) - 1
    inp = torch.full((len(rows), length), PAD, dtype=torch.long)
    lab = torch.full((len(rows), length), -100, dtype=torch.long)
    for i, (p, t, _) in enumerate(rows):
        seq = p + t
        inp[i, :len(seq) - 1] = torch.tensor(seq[:-1])
        lab[i, len(p) - 1:len(seq) - 1] = torch.tensor(t)
    return inp, lab, torch.tensor([w for _, _, w in rows])


def batched(rows, tokens_per_batch, rng):
    """Sort by length, cut into batches of at most tokens_per_batch padded tokens, shuffle."""
    rows.sort(key=lambda r: len(r[0]) + len(r[1]))
    batches, cur = [], []
    for r in rows:
        n = len(r[0]) + len(r[1])
        if cur and n * (len(cur) + 1) > tokens_per_batch:
            batches.append(cur)
            cur = []
        cur.append(r)
    if cur:
        batches.append(cur)
    rng.shuffle(batches)
    return batches


class Stream(IterableDataset):
    """Endless training batches for one model (worker w uses Random(TRAIN_SEED_BASE + 1000 * seed + w)).

    With a finite corpus (task.corpus, built once by the caller and shared by every worker) rows
    are drawn from it, each with its prompt style and strategy drawn afresh."""

    def __init__(self, difficulty, mix, seed, exclude, tokens_per_batch=65536, pool=4096, corpus=None):
        self.d, self.mix, self.seed, self.exclude = difficulty, mix, seed, frozenset(exclude)
        self.tokens_per_batch, self.pool, self.corpus = tokens_per_batch, pool, corpus

    def __iter__(self):
        info = get_worker_info()
        rng = random.Random(task.TRAIN_SEED_BASE + 1000 * self.seed + (info.id if info else 0))
        while True:
            rows = []
            for _ in range(self.pool):
                prompt, target, _ = task.training_pair(rng, self.d, self.mix, self.exclude, self.corpus)
                rows.append(row(prompt, target))
            for b in batched(rows, self.tokens_per_batch, rng):
                yield collate(b)
