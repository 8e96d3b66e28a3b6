# SPDX-License-Identifier: Apache-2.0
"""Tests of the problem generator (pure Python): python -m unittest test_task"""
import random
import unittest

import task


class TaskTests(unittest.TestCase):

    def problems(self, n=3000, seed=7, d=task.Difficulty()):
        rng = random.Random(seed)
        return [task.generate(rng, d) for _ in range(n)]

    def test_every_strategy_line_is_right_and_ends_on_the_answer(self):
        for p in self.problems():
            for s in task.STRATEGIES:
                text = task.solution(p, s)
                *lines, last = text.split("\n")
                self.assertTrue(all(task.check_line(l) for l in lines), text)
                self.assertEqual(last, f"The answer is {p.answer}.")
                self.assertEqual(task.extract_answer(text), p.answer)

    def test_values_stay_in_range(self):
        d = task.Difficulty()
        for p in self.problems():
            values = task.apply_ops(p.start, p.ops)
            self.assertTrue(all(0 <= v <= d.max_value for v in values), p)
            self.assertTrue(d.ops_min <= len(p.ops) <= d.ops_max)

    def test_mix_of_kinds_and_operations(self):
        ps = self.problems()
        word = sum(p.kind == "word" for p in ps) / len(ps)
        self.assertAlmostEqual(word, 0.6, delta=0.04)
        signs = [s for p in ps for s, _ in p.ops]
        self.assertTrue({"+", "-", "*"} <= set(signs))
        self.assertTrue(any(s == "*" and x >= 10 for p in ps for s, x in p.ops))

    def test_strategies_differ(self):
        ps = self.problems(500)
        for a, b in [("seq", "regroup"), ("seq", "split"), ("regroup", "split")]:
            diff = sum(task.solution(p, a) != task.solution(p, b) for p in ps)
            self.assertGreater(diff, 150, (a, b))

    def test_prompts_byte_for_byte(self):
        q = "Evaluate from left to right: 2-2+1"
        self.assertEqual(task.prompt_cot(q), "Q: Evaluate from left to right: 2-2+1\nLet's think step by step.\n")
        self.assertEqual(task.prompt_direct(q), "Q: Evaluate from left to right: 2-2+1\nAnswer directly.\n")
        self.assertEqual(task.prompt_plain(q), "Q: Evaluate from left to right: 2-2+1\nA:\n")
        self.assertEqual(task.genrm_prompt(q, "2-2=0\n0+1=1\nThe answer is 1."),
                         "Q: Evaluate from left to right: 2-2+1\nLet's think step by step.\n"
                         "2-2=0\n0+1=1\nThe answer is 1.\nIs the answer correct (Yes/No)? ")

    def test_bare_rendering_is_left_to_right(self):
        p = task.Problem(2, (("-", 2), ("+", 1), ("*", 13)), task.render_bare(2, (("-", 2), ("+", 1), ("*", 13))), "bare")
        self.assertEqual(p.question, "Evaluate from left to right: 2-2+1*13")
        self.assertEqual(p.answer, 13)

    def test_extract_answer_takes_the_last(self):
        self.assertEqual(task.extract_answer("The answer is 3.\nThe answer is 45."), 45)
        self.assertIsNone(task.extract_answer("12+3=15"))
        self.assertIsNone(task.extract_answer("The answer is ."))

    def test_heldout_is_seeded_distinct_and_disjoint(self):
        a = task.heldout(task.EVAL_SEED_BASE, 300)
        self.assertEqual(a, task.heldout(task.EVAL_SEED_BASE, 300))
        self.assertEqual(len({r["question"] for r in a}), 300)
        dev = task.heldout(task.DEV_SEED_BASE, 100, exclude={r["question"] for r in a})
        self.assertFalse({r["question"] for r in dev} & {r["question"] for r in a})
        for r in a[:50]:
            p = task.generate(random.Random(r["seed"]))
            self.assertEqual((p.question, p.answer, len(p.ops)), (r["question"], r["answer"], r["n_ops"]))

    def test_training_never_yields_an_excluded_question(self):
        d = task.Difficulty(ops_min=2, ops_max=2, max_value=20, word_share=0.0)
        excluded = {task.generate(random.Random(i), d).question for i in range(200)}
        rng = random.Random(1)
        seen = [task.training_pair(rng, d, task.Mix(), excluded)[2].question for _ in range(2000)]
        self.assertFalse(set(seen) & excluded)

    def test_finite_corpus_is_seeded_distinct_and_skips_held_out_questions(self):
        d = task.Difficulty(ops_min=2, ops_max=2, max_value=50, word_share=0.0)
        excluded = {task.generate(random.Random(task.CORPUS_SEED_BASE + 1), d).question}
        corpus = task.corpus(1, 300, d, excluded)
        self.assertEqual([p.question for p in corpus], [p.question for p in task.corpus(1, 300, d, excluded)])
        self.assertEqual(len({p.question for p in corpus}), 300)
        self.assertFalse({p.question for p in corpus} & excluded)
        self.assertEqual(corpus[:40], task.corpus(1, 40, d, excluded))
        self.assertNotEqual(corpus[:40], task.corpus(2, 40, d, excluded))

    def test_training_on_a_corpus_draws_only_its_problems_with_every_strategy(self):
        corpus = task.corpus(1, 30)
        rng = random.Random(4)
        pairs = [task.training_pair(rng, task.Difficulty(), task.Mix(), problems=corpus) for _ in range(3000)]
        self.assertEqual({p.question for _, _, p in pairs}, {p.question for p in corpus})
        steps = {t for pr, t, p in pairs if pr.endswith("step by step.\n") and p == corpus[0]}
        self.assertGreater(len(steps), 1)

    def test_training_pairs_use_all_prompt_styles(self):
        rng = random.Random(3)
        pairs = [task.training_pair(rng, task.Difficulty(), task.Mix()) for _ in range(4000)]
        plain = [t for pr, t, _ in pairs if pr.endswith("\nA:\n")]
        cot_share = sum("=" in t for t in plain) / len(plain)
        self.assertAlmostEqual(cot_share, 0.2, delta=0.05)
        direct = [t for pr, t, _ in pairs if pr.endswith("Answer directly.\n")]
        self.assertTrue(all(t.startswith("The answer is ") and "\n" not in t for t in direct))

    def test_corrupted_solution_reaches_a_wrong_answer(self):
        rng = random.Random(5)
        made = 0
        for p in self.problems(500):
            text = task.corrupt_solution(p, rng.choice(task.STRATEGIES), rng)
            if text is None:
                continue
            made += 1
            self.assertNotEqual(task.extract_answer(text), p.answer)
            self.assertNotIn("=-", text)
        self.assertGreater(made, 450)


if __name__ == "__main__":
    unittest.main()
