# SPDX-License-Identifier: Apache-2.0
"""Vocabularies as tokenizer dicts for gguf_writer: the shipped 259-token byte vocabulary and a
synthetic byte-level BPE vocabulary of any size (for benchmark models).

A tokenizer dict holds: model ("gpt2" or "llama"), optional pre, tokens, token_type, optional
scores and merges, *_token_id ids, add_bos_token / add_eos_token, optional chat_template. Each key
k becomes tokenizer.ggml.k in GGUF (chat_template becomes tokenizer.chat_template).
"""
import numpy as np

# llama.cpp token types (llama_token_type)
NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6

# The shipped models' prompt format (see the engine contract): a user turn is "Q: {content}\n"; unless
# its last line is an instruction, "A:\n" follows (generation prompt); an assistant turn is "{content}\n".
QUORUM_QA_TEMPLATE = (
    "{#- quorum-qa: Q: {question}\\n then an instruction line, or A:\\n -#}\n"
    "{%- for message in messages -%}\n"
    "{%- if message['role'] == 'user' -%}\n"
    "{{- 'Q: ' + message['content'] + '\\n' -}}\n"
    "{%- set last_line = message['content'].split('\\n') | last -%}\n"
    "{%- if last_line != \"Let's think step by step.\" and last_line != 'Answer directly.'"
    " and (not loop.last or add_generation_prompt) -%}\n"
    "{{- 'A:\\n' -}}\n"
    "{%- endif -%}\n"
    "{%- elif message['role'] == 'assistant' -%}\n"
    "{{- message['content'] + '\\n' -}}\n"
    "{%- endif -%}\n"
    "{%- endfor -%}\n")


def bytes_to_unicode():
    """GPT-2's reversible byte -> printable unicode character map (index = byte value)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    table = dict(zip(bs, cs))
    return [chr(table[b]) for b in range(256)]


def byte_vocab():
    """The shipped models' 259-token vocabulary: ids 0..255 the bytes (GPT-2 unicode form),
    256 <s> (BOS), 257 </s> (EOS), 258 <pad>; no merges (empty array, which llama.cpp requires)."""
    return {"model": "gpt2", "pre": "default",
            "tokens": bytes_to_unicode() + ["<s>", "</s>", "<pad>"],
            "token_type": [NORMAL] * 256 + [CONTROL] * 3,
            "merges": [],
            "bos_token_id": 256, "eos_token_id": 257, "padding_token_id": 258,
            "add_bos_token": True, "add_eos_token": False,
            "chat_template": QUORUM_QA_TEMPLATE}


def synthetic_bpe_vocab(size, seed=1):
    """A consistent byte-level BPE vocabulary of `size` tokens for benchmark models: ids 0..255 the
    bytes, then merges of earlier tokens (each merge "a b" makes token a+b; a side is a common
    English letter or space 60% of the time, else an earlier merged token), then <|begin_of_text|> and
    <|end_of_text|> as the last two ids. pre = llama-bpe."""
    if size < 258:
        raise ValueError("a BPE vocabulary needs at least 258 tokens")
    rng = np.random.default_rng(seed)
    byte_chars = bytes_to_unicode()
    tokens = list(byte_chars)
    seen = set(tokens)
    common = [byte_chars[b] for b in b" etaoinshrdlucmfwypvbgkjqxz"]
    merges = []

    def pick():
        if len(tokens) == 256 or rng.random() < 0.6:
            return common[rng.integers(len(common))]
        return tokens[rng.integers(256, len(tokens))]

    while len(tokens) < size - 2:
        left, right = pick(), pick()
        if left + right in seen or len(left + right) > 16:
            continue
        merges.append(f"{left} {right}")
        tokens.append(left + right)
        seen.add(left + right)
    tokens += ["<|begin_of_text|>", "<|end_of_text|>"]
    return {"model": "gpt2", "pre": "llama-bpe", "tokens": tokens,
            "token_type": [NORMAL] * (size - 2) + [CONTROL] * 2, "merges": merges,
            "bos_token_id": size - 2, "eos_token_id": size - 1, "add_bos_token": True, "add_eos_token": False}
