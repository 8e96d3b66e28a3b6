# SPDX-License-Identifier: Apache-2.0
"""Answer aggregation for the evaluation: votes, pass@N, verifier votes, CoT-decoding picks.

All functions work on one problem's candidates; `None` answers (no `The answer is N.`) never vote.
"""
import re
from collections import defaultdict

ANSWER_BYTES = re.compile(rb"The answer is (\d+)\.")


def plurality(answers, weights=None):
    """Most voted answer (ties: the one reached first); None if nothing parsed."""
    tally, first = defaultdict(float), {}
    for i, a in enumerate(answers):
        if a is None:
            continue
        tally[a] += 1.0 if weights is None else weights[i]
        first.setdefault(a, i)
    if not tally:
        return None
    return max(tally, key=lambda a: (tally[a], -first[a]))


def groups(items, size):
    """Disjoint groups of `size` (len(items) // size of them)."""
    return [items[g * size:(g + 1) * size] for g in range(len(items) // size)]


def sc_scores(answers, gold, n):
    """Self-consistency@n over disjoint groups -> (mean correct over groups, group-0 correct)."""
    res = [int(plurality(g) == gold) for g in groups(answers, n)]
    return sum(res) / len(res), res[0]


def pass_scores(answers, gold, n):
    res = [int(gold in g) for g in groups(answers, n)]
    return sum(res) / len(res), res[0]


def weighted_scores(answers, scores, gold, n):
    """Verifier-weighted vote@n (sum of p(Yes) per answer)."""
    res = [int(plurality(a, s) == gold) for a, s in zip(groups(answers, n), groups(scores, n))]
    return sum(res) / len(res), res[0]


def best_of_scores(answers, scores, gold, n):
    """Best-of-n: the answer of the sample the verifier scores highest."""
    res = []
    for a, s in zip(groups(answers, n), groups(scores, n)):
        best = max(range(n), key=lambda i: (s[i], -i))
        res.append(int(a[best] == gold))
    return sum(res) / len(res), res[0]


def answer_span(ids, margins):
    """(answer, mean top-1 minus top-2 probability over the answer's digit tokens) of a branch.

    On the byte vocabulary each generated token is one byte, so byte offsets are token offsets."""
    text = bytes(i if i < 256 else 0 for i in ids)
    found = list(ANSWER_BYTES.finditer(text))
    if not found:
        return None, -1.0
    m = found[-1]
    span = margins[m.start(1):m.end(1)]
    return int(m[1]), sum(span) / len(span)


def cot_decoding_pick(branches, allowed):
    """Index of the branch with the largest answer-span margin among `allowed` indices."""
    return max(allowed, key=lambda j: (branches[j]["margin"], -j))


def aggregated_pick(branches, allowed):
    """Answer with the largest summed answer-span margin over `allowed` branches."""
    tally = defaultdict(float)
    for j in allowed:
        if branches[j]["answer"] is not None:
            tally[branches[j]["answer"]] += branches[j]["margin"]
    return max(tally, key=tally.get) if tally else None
