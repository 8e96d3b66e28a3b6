# SPDX-License-Identifier: Apache-2.0
"""Multi-step integer arithmetic problems for the shipped tiny reasoners.

Pure Python (no torch), so the grammar can be read, tested and reused anywhere.
`python task.py --help` writes the held-out files; see models/README.md for the grammar.

One problem = a start value and a list of operations applied left to right:
  kind  word (60%) | bare (40%)
  ops   n_ops uniform in [ops_min, ops_max]; each op is +x, -x or *m
  values every intermediate value stays in [0, max_value]
Each problem is rendered as a question and solved by one of three step-by-step
strategies (seq, regroup, split); every step line is checked with Python arithmetic.
"""
import argparse
import itertools
import json
import os
import random
import re
from dataclasses import dataclass

COT_INSTRUCTION = "Let's think step by step."
DIRECT_INSTRUCTION = "Answer directly."
STRATEGIES = ("seq", "regroup", "split")

# Held-out split: problem i of a split is generate(Random(base + i)) (duplicates skipped).
EVAL_SEED_BASE = 1_000_000
DEV_SEED_BASE = 2_000_000
# Training streams use Random(TRAIN_SEED_BASE + 1000 * model_seed + worker) and skip
# every held-out question string.
TRAIN_SEED_BASE = 10_000_000
# A finite training corpus (train.py --problems N) is the first N distinct problems of
# Random(CORPUS_SEED_BASE + model_seed), held-out questions skipped.
CORPUS_SEED_BASE = 30_000_000


@dataclass(frozen=True)
class Difficulty:
    """Knobs of the problem distribution (defaults are the shipped models')."""

    ops_min: int = 2
    ops_max: int = 8
    max_value: int = 99_999
    p_add: float = 0.40
    p_sub: float = 0.35  # the rest (0.25) is multiplication
    p_two_digit_mul: float = 0.75  # share of multipliers in 10..99 (else 2..9)
    word_share: float = 0.6


def parse_difficulty(text):
    """A Difficulty from JSON overrides of its defaults ('{}' is the shipped task)."""
    return Difficulty(**json.loads(text))


NAMES = [("Tom", "He", "he", "His"), ("Anna", "She", "she", "Her"), ("Ben", "He", "he", "His"),
         ("Lucy", "She", "she", "Her"), ("Omar", "He", "he", "His"), ("Mia", "She", "she", "Her"),
         ("Ravi", "He", "he", "His"), ("Zoe", "She", "she", "Her")]
ITEMS = ["shells", "apples", "coins", "stamps", "marbles", "cards", "stickers", "beads"]
ADD_WORDS = ["{P} gets {x} more.", "{P} finds {x} more.", "{P} buys {x} more."]
SUB_WORDS = ["{P} gives away {x}.", "{P} loses {x}.", "{P} sells {x}."]
MUL_WORDS = ["Then {p} has {m} times as many.", "{H} pile grows to {m} times its size."]


@dataclass(frozen=True)
class Problem:
    """A generated problem: start value, ops [(sign, operand)], rendered question."""

    start: int
    ops: tuple
    question: str
    kind: str

    @property
    def answer(self):
        return apply_ops(self.start, self.ops)[-1]


def _rand_digits(rng, lo_digits, hi_digits, cap):
    """A value with a uniformly chosen number of digits, at most cap (cap >= 1)."""
    hi_digits = min(hi_digits, len(str(cap)))
    d = rng.randint(lo_digits, max(lo_digits, hi_digits))
    lo = 1 if d == 1 else 10 ** (d - 1)
    return rng.randint(lo, min(10 ** d - 1, cap))


def apply_op(v, sign, x):
    return v + x if sign == "+" else v - x if sign == "-" else v * x


def apply_ops(start, ops):
    values = [start]
    for sign, x in ops:
        values.append(apply_op(values[-1], sign, x))
    return values


def sample_ops(rng, d, n_ops, start):
    """Operations that keep every value in [0, d.max_value]."""
    ops, v = [], start
    for _ in range(n_ops):
        r = rng.random()
        sign = "+" if r < d.p_add else "-" if r < d.p_add + d.p_sub else "*"
        if sign == "*":
            m = rng.randint(10, 99) if rng.random() < d.p_two_digit_mul else rng.randint(2, 9)
            if v < 2 or v * m > d.max_value:
                m = rng.randint(2, 9)
            if v < 2 or v * m > d.max_value:
                sign = "+" if rng.random() < 0.5 else "-"
        if sign == "-" and v < 1:
            sign = "+"
        if sign == "+" and v >= d.max_value:
            sign = "-"
        if sign == "+":
            x = _rand_digits(rng, 1, 3, d.max_value - v)
        elif sign == "-":
            x = _rand_digits(rng, 1, 3, v)
        else:
            x = m
        ops.append((sign, x))
        v = apply_op(v, sign, x)
    return tuple(ops)


def render_word(rng, start, ops):
    name, he_cap, he, his = rng.choice(NAMES)
    items = rng.choice(ITEMS)
    parts = [f"{name} has {start} {items}."]
    for sign, x in ops:
        words = ADD_WORDS if sign == "+" else SUB_WORDS if sign == "-" else MUL_WORDS
        parts.append(rng.choice(words).format(P=he_cap, p=he, H=his, x=x, m=x))
    parts.append(f"How many {items} does {name} have now?")
    return " ".join(parts)


def render_bare(start, ops):
    return "Evaluate from left to right: " + str(start) + "".join(f"{s}{x}" for s, x in ops)


def generate(rng, d=Difficulty(), n_ops=None):
    """One problem drawn from the distribution `d` (n_ops overrides the op count)."""
    n = n_ops if n_ops is not None else rng.randint(d.ops_min, d.ops_max)
    start = _rand_digits(rng, 1, 3, d.max_value)
    ops = sample_ops(rng, d, n, start)
    if rng.random() < d.word_share:
        return Problem(start, ops, render_word(rng, start, ops), "word")
    return Problem(start, ops, render_bare(start, ops), "bare")


# ---- step-by-step strategies: each returns lines "a<op>b=c" ----

def _line(a, sign, b):
    return f"{a}{sign}{b}={apply_op(a, sign, b)}", apply_op(a, sign, b)


def steps_seq(start, ops):
    """Left to right, one line per operation."""
    lines, v = [], start
    for sign, x in ops:
        line, v = _line(v, sign, x)
        lines.append(line)
    return lines


def _runs(ops):
    """Split ops into maximal runs of +/- and single multiplications."""
    runs = []
    for op in ops:
        if op[0] != "*" and runs and runs[-1][0][0] != "*":
            runs[-1].append(op)
        else:
            runs.append([op])
    return runs


def _total(lines, xs):
    t = xs[0]
    for x in xs[1:]:
        line, t = _line(t, "+", x)
        lines.append(line)
    return t


def steps_regroup(start, ops):
    """In each run of +/-, total the gains and the losses first, then apply both."""
    lines, v = [], start
    for run in _runs(ops):
        if len(run) == 1:
            line, v = _line(v, *run[0])
            lines.append(line)
            continue
        gains = [x for s, x in run if s == "+"]
        losses = [x for s, x in run if s == "-"]
        g = _total(lines, gains) if gains else 0
        l = _total(lines, losses) if losses else 0
        if gains:
            line, v = _line(v, "+", g)
            lines.append(line)
        if losses:
            line, v = _line(v, "-", l)
            lines.append(line)
    return lines


def steps_split(start, ops):
    """Apply each operand of two or more digits in two parts (multipliers: tens and units)."""
    lines, v = [], start
    for sign, x in ops:
        if sign == "*":
            tens, units = x - x % 10, x % 10
            if x < 10 or units == 0:
                line, v = _line(v, "*", x)
                lines.append(line)
                continue
            a_line, a = _line(v, "*", tens)
            b_line, b = _line(v, "*", units)
            c_line, v = _line(a, "+", b)
            lines += [a_line, b_line, c_line]
            continue
        head = int(str(x)[0]) * 10 ** (len(str(x)) - 1)
        if x < 10 or head == x:
            line, v = _line(v, sign, x)
            lines.append(line)
            continue
        for part in (head, x - head):
            line, v = _line(v, sign, part)
            lines.append(line)
    return lines


STEP_FUNCS = {"seq": steps_seq, "regroup": steps_regroup, "split": steps_split}
LINE_RE = re.compile(r"^(\d+)([+\-*])(\d+)=(\d+)$")


def check_line(line):
    """True if a step line `a<op>b=c` is arithmetically right."""
    m = LINE_RE.match(line)
    return bool(m) and apply_op(int(m[1]), m[2], int(m[3])) == int(m[4])


def solution(problem, strategy):
    """The step-by-step solution text (no trailing newline); every line is verified."""
    lines = STEP_FUNCS[strategy](problem.start, problem.ops)
    for line in lines:
        if not check_line(line):
            raise AssertionError(f"bad step {line!r} in {problem}")
    if int(lines[-1].split("=")[1]) != problem.answer:
        raise AssertionError(f"{strategy} ends at {lines[-1]}, answer {problem.answer}")
    return "\n".join(lines) + "\n" + final_line(problem.answer)


def final_line(answer):
    return f"The answer is {answer}."


# ---- prompts (byte for byte) and answers ----

def prompt_cot(question):
    return f"Q: {question}\n{COT_INSTRUCTION}\n"


def prompt_direct(question):
    return f"Q: {question}\n{DIRECT_INSTRUCTION}\n"


def prompt_plain(question):
    return f"Q: {question}\nA:\n"


PROMPTS = {"cot": prompt_cot, "direct": prompt_direct, "plain": prompt_plain}
ANSWER_RE = re.compile(r"The answer is (\d+)\.")


def extract_answer(text):
    """The integer after the last `The answer is N.`, or None."""
    found = ANSWER_RE.findall(text)
    return int(found[-1]) if found else None


def is_correct(text, answer):
    return extract_answer(text) == answer


# ---- GenRM verifier format ----

GENRM_QUESTION = "Is the answer correct (Yes/No)? "


def genrm_prompt(question, solution_text):
    """The verifier's prompt; the next token ("Y" of Yes or "N" of No) decides the score."""
    return f"{prompt_cot(question)}{solution_text}\n{GENRM_QUESTION}"


def corrupt_solution(problem, strategy, rng, tries=20):
    """A gold solution with one realistic error (wrong digit, carry slip or mis-copied operand),
    later steps recomputed from the wrong value; None if no corruption changes the answer."""
    gold = STEP_FUNCS[strategy](problem.start, problem.ops)
    for _ in range(tries):
        i = rng.randrange(len(gold))
        a, sign, b, c = (int(t) if t.isdigit() else t for t in LINE_RE.match(gold[i]).groups())
        r = rng.random()
        if r < 0.4:
            c2 = _change_digit(rng, c)
        elif r < 0.7:
            c2 = c + rng.choice([-1, 1]) * 10 ** rng.randrange(1, max(2, len(str(c))))
        else:
            b = _change_digit(rng, b)
            c2 = apply_op(a, sign, b)
        if c2 < 0 or c2 == c:
            continue
        lines, remap = gold[:i] + [f"{a}{sign}{b}={c2}"], {c: c2}
        for g in gold[i + 1:]:
            x, s, y, z = (int(t) if t.isdigit() else t for t in LINE_RE.match(g).groups())
            x, y = remap.get(x, x), remap.get(y, y)
            z2 = apply_op(x, s, y)
            remap[z] = z2
            lines.append(f"{x}{s}{y}={z2}")
        final = int(lines[-1].split("=")[1])
        if final >= 0 and final != problem.answer and "=-" not in "".join(lines):
            return "\n".join(lines) + "\n" + final_line(final)
    return None


def _change_digit(rng, n):
    s = list(str(n))
    k = rng.randrange(len(s))
    choices = [d for d in "0123456789" if d != s[k] and not (k == 0 and d == "0" and len(s) > 1)]
    s[k] = rng.choice(choices)
    return int("".join(s))


# ---- held-out split ----

def distinct(tries, count, exclude=()):
    """The first `count` (tag, problem) pairs of the iterator `tries` whose questions are new and
    not in `exclude`."""
    seen, out = set(exclude), []
    while len(out) < count:
        tag, p = next(tries)
        if p.question not in seen:
            seen.add(p.question)
            out.append((tag, p))
    return out


def as_row(p):
    """A problem as a JSON row: question, answer, n_ops, kind (what solve.report reads)."""
    return {"question": p.question, "answer": p.answer, "n_ops": len(p.ops), "kind": p.kind}


def heldout(seed_base, count, d=Difficulty(), exclude=()):
    """`count` distinct problems: problem i uses Random(seed_base + j) for the j-th try."""
    tries = ((seed_base + j, generate(random.Random(seed_base + j), d)) for j in itertools.count())
    return [{"id": f"{i:04d}", **as_row(p), "seed": seed} for i, (seed, p) in enumerate(distinct(tries, count, exclude))]


@dataclass(frozen=True)
class Mix:
    """Prompt-style and strategy mix of the training stream."""

    cot: float = 0.55  # `Let's think step by step.` -> steps
    direct: float = 0.15  # `Answer directly.` -> answer; the rest uses the plain `A:` prompt
    plain_cot: float = 0.20  # share of plain-prompt targets that are step by step
    strategies: tuple = (("seq", 0.4), ("regroup", 0.3), ("split", 0.3))


def pick_strategy(rng, mix):
    r, acc = rng.random(), 0.0
    for name, w in mix.strategies:
        acc += w
        if r < acc:
            return name
    return mix.strategies[-1][0]


def corpus(model_seed, count, d=Difficulty(), exclude=frozenset()):
    """A finite training corpus: `count` distinct problems, none of them in `exclude`."""
    rng = random.Random(CORPUS_SEED_BASE + model_seed)
    return [p for _, p in distinct(((None, generate(rng, d)) for _ in itertools.count()), count, exclude)]


def training_pair(rng, d, mix, exclude=frozenset(), problems=None):
    """(prompt, target, problem) for training: a fresh problem (never a question in `exclude`), or
    one drawn from the finite corpus `problems`; prompt style and strategy are drawn afresh each time."""
    if problems:
        p = rng.choice(problems)
    else:
        p = generate(rng, d)
        while p.question in exclude:
            p = generate(rng, d)
    r = rng.random()
    style = "cot" if r < mix.cot else "direct" if r < mix.cot + mix.direct else "plain"
    steps = style == "cot" or (style == "plain" and rng.random() < mix.plain_cot)
    target = solution(p, pick_strategy(rng, mix)) if steps else final_line(p.answer)
    return PROMPTS[style](p.question), target, p


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


def main():
    ap = argparse.ArgumentParser(description="Write the held-out eval/dev problem files.")
    ap.add_argument("--out-dir", required=True, help="folder for eval.jsonl and dev.jsonl")
    ap.add_argument("--n-eval", type=int, default=1000)
    ap.add_argument("--n-dev", type=int, default=500)
    ap.add_argument("--difficulty", default="{}", help="JSON overrides of Difficulty (e.g. ops_min, ops_max)")
    args = ap.parse_args()
    d = parse_difficulty(args.difficulty)
    os.makedirs(args.out_dir, exist_ok=True)
    ev = heldout(EVAL_SEED_BASE, args.n_eval, d)
    dev = heldout(DEV_SEED_BASE, args.n_dev, d, exclude={r["question"] for r in ev})
    for r in dev:
        r["id"] = "dev-" + r["id"]
    write_jsonl(f"{args.out_dir}/eval.jsonl", ev)
    write_jsonl(f"{args.out_dir}/dev.jsonl", dev)
    print(f"wrote {len(ev)} eval and {len(dev)} dev problems ({d})")


if __name__ == "__main__":
    main()
