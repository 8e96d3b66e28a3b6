# SPDX-License-Identifier: Apache-2.0
"""Tests of the batched KV-cache generation against full recomputation (CPU, random weights):
python -m unittest test_generate"""
import unittest

import torch

from generate import generate, last_logits
from model import BOS, Config, Llama


class GenerateTests(unittest.TestCase):

    def setUp(self):
        torch.manual_seed(0)
        self.model = Llama(Config(2, 64, 4, 2, 96)).eval()
        g = torch.Generator().manual_seed(1)
        self.prompts = [[BOS] + torch.randint(0, 256, (n,), generator=g).tolist() for n in (3, 9, 5, 14, 1)]

    def reference(self, prompt, steps, forced=None):
        """Greedy by recomputing the whole sequence each step; margins of each step."""
        seq, margins = list(prompt), []
        with torch.no_grad():
            for t in range(steps):
                p = self.model(torch.tensor([seq]))[0, -1].softmax(-1)
                top = p.topk(2).values
                margins.append((top[0] - top[1]).item())
                seq.append(forced if t == 0 and forced is not None else int(p.argmax()))
        return seq[len(prompt):], margins

    def test_batched_left_padded_greedy_matches_recomputation(self):
        out = generate(self.model, self.prompts, max_new=12, margins=True, batch_size=3)
        for prompt, o in zip(self.prompts, out):
            ids, margins = self.reference(prompt, 12)
            n = len(o["ids"])
            self.assertEqual(o["ids"], ids[:n])
            for a, b in zip(o["margins"], margins):
                self.assertAlmostEqual(a, b, places=5)

    def test_forced_first_token(self):
        out = generate(self.model, self.prompts, max_new=6, forced=[65, 66, 67, 68, 69])
        for prompt, o, f in zip(self.prompts, out, [65, 66, 67, 68, 69]):
            self.assertEqual(o["ids"][0], f)
            self.assertEqual(o["ids"], self.reference(prompt, 6, forced=f)[0][:len(o["ids"])])

    def test_last_logits_match_unpadded_forward(self):
        got = last_logits(self.model, self.prompts, batch_size=2)
        for i, p in enumerate(self.prompts):
            with torch.no_grad():
                want = self.model(torch.tensor([p]))[0, -1]
            self.assertTrue(torch.allclose(got[i], want, atol=1e-5))

    def test_sampling_is_seeded(self):
        a = generate(self.model, self.prompts, max_new=8, temperature=1.0, seed=3)
        b = generate(self.model, self.prompts, max_new=8, temperature=1.0, seed=3)
        self.assertEqual([x["ids"] for x in a], [x["ids"] for x in b])


if __name__ == "__main__":
    unittest.main()
