# SPDX-License-Identifier: Apache-2.0
"""Tests of the answer aggregation rules (pure Python): python -m unittest test_strategies"""
import unittest

import strategies as st


class StrategiesTests(unittest.TestCase):

    def test_plurality_skips_unparsed_and_breaks_ties_by_first_seen(self):
        self.assertEqual(st.plurality([None, 3, 4, 4, 3]), 3)
        self.assertEqual(st.plurality([None, 5, 4, 4]), 4)
        self.assertIsNone(st.plurality([None, None]))
        self.assertEqual(st.plurality([1, 2, 2], weights=[0.9, 0.1, 0.2]), 1)

    def test_groups_are_disjoint(self):
        self.assertEqual(st.sc_scores([1, 1, 2, 2, 2, 1], 1, 3), (0.5, 1))
        self.assertEqual(st.pass_scores([1, 2, 2, 2, 2, 2], 1, 3), (0.5, 1))
        self.assertEqual(st.best_of_scores([1, 2, 2, 1], [0.1, 0.9, 0.8, 0.95], 1, 2), (0.5, 0))

    def test_answer_span_margin_covers_only_the_digits(self):
        text = b"12+3=15\nThe answer is 15."
        margins = [0.0] * len(text)
        start = text.index(b"15.")
        margins[start], margins[start + 1] = 0.5, 0.7
        answer, margin = st.answer_span(list(text), margins)
        self.assertEqual(answer, 15)
        self.assertAlmostEqual(margin, 0.6)
        self.assertEqual(st.answer_span(list(b"12+3="), [1.0] * 5), (None, -1.0))

    def test_cot_decoding_picks_the_most_confident_allowed_branch(self):
        br = [{"answer": 1, "margin": 0.2}, {"answer": 2, "margin": 0.9}, {"answer": 3, "margin": 0.95}]
        self.assertEqual(st.cot_decoding_pick(br, range(2)), 1)
        self.assertEqual(st.cot_decoding_pick(br, range(3)), 2)
        br.append({"answer": 2, "margin": 0.5})
        self.assertEqual(st.aggregated_pick(br, range(4)), 2)


if __name__ == "__main__":
    unittest.main()
