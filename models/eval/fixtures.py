# SPDX-License-Identifier: Apache-2.0
"""Reference fixtures for the Java engine check, from transformers on the shipped weights.

For each GGUF: the weights are dequantised (gguf_io), loaded into transformers'
LlamaForCausalLM in float32 (TF32 off, eager attention), and we write into OUT:
  NAME.greedy.json  greedy step-by-step outputs on the first N held-out problems
                    (prompt ids, generated ids without EOS, text, top-1 minus top-2 margins)
  NAME.ref.json     teacher-forced sequences (token ids) and where their logits are
  NAME.logits.f32   raw little-endian float32 logits, the sequences one after another, (sum T, 259)
It also checks that our own model code gives the same logits as transformers.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train"))
import task  # noqa: E402
from gguf_io import read_hf  # noqa: E402
from model import BOS, DEVICE, EOS, PAD, VOCAB, decode, encode, from_tensors  # noqa: E402
from solve import MAX_NEW  # noqa: E402


def hf_model(config, tensors):
    from transformers import LlamaConfig, LlamaForCausalLM
    hf = {k: v for k, v in config.hf().items() if k not in ("architectures", "model_type")}
    m = LlamaForCausalLM(LlamaConfig(**hf, attn_implementation="eager")).float()
    sd = {k: torch.from_numpy(v.copy()) for k, v in tensors.items()}
    missing, unexpected = m.load_state_dict(sd, strict=False)
    missing = [k for k in missing if "rotary_emb" not in k]
    if missing or unexpected:
        raise ValueError(f"missing {missing}, unexpected {unexpected}")
    return m.to(DEVICE).eval()


@torch.no_grad()
def greedy_cases(m, problems):
    """Greedy decoding of each prompt alone (no padding): rows of equal prompt length are batched."""
    prompts = {p["id"]: [BOS] + encode(task.prompt_cot(p["question"])) for p in problems}
    cases = {}
    by_len = {}
    for p in problems:
        by_len.setdefault(len(prompts[p["id"]]), []).append(p)
    for group in by_len.values():
        ids = torch.tensor([prompts[p["id"]] for p in group]).to(DEVICE)
        out = m.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False, max_new_tokens=MAX_NEW,
                         eos_token_id=EOS, pad_token_id=PAD, output_scores=True, return_dict_in_generate=True)
        seqs = out.sequences[:, ids.shape[1]:].tolist()
        probs = torch.stack([s.float().softmax(-1) for s in out.scores], 1)  # (B, steps, V)
        top2 = probs.topk(2, dim=-1).values
        margins = (top2[..., 0] - top2[..., 1]).tolist()
        for row, p in enumerate(group):
            gen = seqs[row]
            n = gen.index(EOS) if EOS in gen else len(gen)
            cases[p["id"]] = {"id": p["id"], "question": p["question"], "answer": p["answer"],
                              "prompt": prompts[p["id"]], "generated": gen[:n], "eos": n < len(gen),
                              "text": decode(gen[:n]), "correct": task.is_correct(decode(gen[:n]), p["answer"]),
                              "margins": [round(x, 5) for x in margins[row][:n + 1]],
                              "min_margin": round(min(margins[row][:n + 1]), 6)}
    return [cases[p["id"]] for p in problems]


def sequences(problems, greedy, max_tokens):
    """Three teacher-forced sequences: a CoT prompt with the model's own solution, a plain prompt
    with a direct answer, and a GenRM prompt (each truncated to max_tokens)."""
    a, b, c = greedy[0], problems[1], greedy[2]
    seqs = [a["prompt"] + a["generated"] + [EOS],
            [BOS] + encode(task.prompt_plain(b["question"]) + task.final_line(b["answer"])) + [EOS],
            [BOS] + encode(task.genrm_prompt(c["question"], c["text"]) + "Yes") + [EOS]]
    return [s[:max_tokens] for s in seqs]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gguf", nargs="+", required=True)
    ap.add_argument("--eval", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n-greedy", type=int, default=50)
    ap.add_argument("--max-tokens", type=int, default=160)
    args = ap.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    os.makedirs(args.out, exist_ok=True)
    problems = task.load_jsonl(args.eval)[:args.n_greedy]
    checks = {}
    for path in args.gguf:
        name = os.path.basename(path)[:-len(".gguf")]
        config, tensors = read_hf(path)
        m = hf_model(config, tensors)
        ours = from_tensors(config, tensors)
        greedy = greedy_cases(m, problems)
        seqs = sequences(problems, greedy, args.max_tokens)
        logits, diff = [], 0.0
        with torch.no_grad():
            for s in seqs:
                ids = torch.tensor([s]).to(DEVICE)
                ref = m(ids).logits[0].float()
                diff = max(diff, (ours(ids)[0] - ref).abs().max().item())
                logits.append(ref.cpu().numpy())
        flat = np.concatenate(logits).astype("<f4")
        flat.tofile(f"{args.out}/{name}.logits.f32")
        offsets = np.cumsum([0] + [len(s) for s in seqs]).tolist()
        ref = {"model": f"{name}.gguf", "vocab_size": VOCAB, "logits": f"{name}.logits.f32",
               "sequences": [{"tokens": s, "n_tokens": len(s), "row_offset": offsets[i]} for i, s in enumerate(seqs)],
               "n_rows": offsets[-1], "layout": "float32 little-endian, shape (n_rows, vocab_size), sequences in order",
               "source": "transformers LlamaForCausalLM, float32, TF32 off, eager attention, weights dequantised from the GGUF",
               "tolerance_note": "engine float32 arithmetic on the same dequantised weights; expect max abs diff of order 1e-3"}
        with open(f"{args.out}/{name}.ref.json", "w") as f:
            json.dump(ref, f)
        with open(f"{args.out}/{name}.greedy.json", "w") as f:
            json.dump({"model": f"{name}.gguf", "prompt_style": "cot", "max_new_tokens": MAX_NEW,
                       "source": "transformers greedy decoding, float32, one prompt length per batch (no padding)",
                       "cases": greedy}, f)
        checks[name] = {"max_abs_logit_diff_ours_vs_transformers": diff,
                        "greedy_correct": sum(c["correct"] for c in greedy), "greedy_n": len(greedy),
                        "min_margin": min(c["min_margin"] for c in greedy)}
        print(name, json.dumps(checks[name]), flush=True)
    with open(f"{args.out}/checks.json", "w") as f:
        json.dump(checks, f, indent=1)


if __name__ == "__main__":
    main()
