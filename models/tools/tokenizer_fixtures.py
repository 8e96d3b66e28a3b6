# SPDX-License-Identifier: Apache-2.0
"""Tokenizer fixtures: train small tokenizers with the reference libraries on a seeded synthetic
multilingual corpus, export each to a vocabulary-only GGUF with gguf_writer, and record the
reference ids of tricky strings (NAME.cases.json). Called by make_fixtures.py.

- tokenizer-llama-bpe: HF `tokenizers` byte-level BPE, Llama-3 split regex, ignore_merges (as Llama 3),
  BOS <|begin_of_text|> added by a TemplateProcessing post-processor -> gpt2 / pre llama-bpe.
- tokenizer-qwen2: Qwen2 split regex, no BOS -> gpt2 / pre qwen2 (no NFC normaliser: llama.cpp has none).
- tokenizer-gpt2: ByteLevel(use_regex=True), i.e. the GPT-2 regex, no BOS -> gpt2 / pre default.
- tokenizer-spm: sentencepiece BPE, byte_fallback, identity normalisation, whitespace kept, dummy prefix
  (Llama 2's settings) -> llama model with scores and token types.
"""
import io
import json
import os
import random

import gguf_writer
import vocab as V

LLAMA3_REGEX = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"
                r"|\s*[\r\n]+|\s+(?!\S)|\s+")
QWEN2_REGEX = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*"
               r"|\s*[\r\n]+|\s+(?!\S)|\s+")
VOCAB_SIZE = 2000

EN = ("the of and to in is you that it he was for on are as with his they at be this have from or one had by "
      "word but not what all were we when your can said there use an each which she do how their if will up "
      "other about out many then them these so some her would make like him into time has look two more write "
      "go see number no way could people my than first water been call who oil its now find long down day did "
      "get come made may part over new sound take only little work know place year live me back give most very "
      "after thing our just name good sentence man think say great where help through much before line right "
      "too mean old any same tell boy follow came want show also around form three small set put end does "
      "another well large must big even such because turn here why ask went men read need land different home "
      "us move try kind hand picture again change off play spell air away animal house point page letter mother "
      "answer found study still learn should America world apples shells Tom gives").split()
ACCENTED = ("café naïve résumé über Straße Mädchen niño año façade déjà Ångström crème brûlée Zürich São coração "
            "élève Ærø smørrebrød İstanbul Łódź Čeština").split()
OTHER = ("Привет мир как дела спасибо хорошо Ωμέγα καλημέρα λόγος مرحبا سلام كتاب שלום नमस्ते "
         "안녕하세요 감사합니다 한국어 사랑 세계").split()
CJK = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小"
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソタチツテト"
EMOJI = ["😀", "😂", "👍", "👍🏽", "❤️", "🎉", "🚀", "👨‍👩‍👧‍👦", "🇫🇷", "🇯🇵", "✅", "🤖"]
CONTRACTIONS = ["I'm", "don't", "can't", "it's", "we've", "they'll", "she'd", "You're", "I'VE", "DON'T", "o'clock"]
PUNCT = ["...", "!!", "?!", "--", "()", "[]", "{}", "->", "=>", "::", '"quoted"', "'single'", ";", ",", ".", "!?!?"]
CODE = ["def foo(x):\n    return x * 2\n", "for (int i = 0; i < n; i++) {\n\tsum += a[i];\n}\n",
        "if (a && b) { return; }", "x = [1, 2, 3]  # list", "SELECT * FROM t WHERE id = 42;"]

CASES = ["", " ", "  ", "   leading spaces", "trailing spaces   ", "Hello world", "hello World HELLO hElLo",
         "1", "12", "123", "1234", "12345678901234567890", "3.14159 and 1,000,000 and 2024-11-26 at 09:30",
         "a\nb", "\n", "\n\n\n", "line1\r\nline2\r\n", "\t\ttabs\tand spaces  \t", "  \n  \n ", "a      b",
         "café naïve résumé Ångström", "e\u0301 (decomposed e + acute)", "日本語のテキスト", "中文字符测试",
         "한국어 텍스트", "Привет, мир!", "Ωμέγα", "مرحبا بالعالم", "emoji 😀👍🏽 family 👨‍👩‍👧‍👦 flag 🇫🇷 ❤️",
         "I'm can't won't they'll we've he'd she's", "I'M CAN'T THEY'LL", "!!!??? ... --- ***",
         "(a+b)*c=d; x[0]->y && z", "Q: Tom has 427 shells. He gives away 188.\nLet's think step by step.\n",
         "non\u00a0breaking\u2003spaces", "zero\u200bwidth", "٣٤٥ ½ ² Ⅻ", "x" * 40, "ab" * 30,
         "def f(x):\n    return x**2\n", "   \t\n", "ünïcödé ÜNÏCÖDÉ", "don't stop", "$1,234.56 (50%)"]
WHOLE_WORDS = [" QuorumEngine", " quorumvote", "QuorumEngine"]  # tokens no merge builds (llama-bpe only)
SPECIAL_CASES = {"tokenizer-llama-bpe": ["<|begin_of_text|>Hello<|eot_id|>", "x <|eot_id|> y<|end_of_text|>",
                                         "The QuorumEngine runs quorumvote 7b3f", "QuorumEngine"],
                 "tokenizer-qwen2": ["<|im_start|>user\nHi<|im_end|>\n", "a<|endoftext|>b"],
                 "tokenizer-gpt2": ["Hello<|endoftext|>World", " <|endoftext|> "],
                 "tokenizer-spm": ["<s>Hi</s>", "<unk> text"]}


def corpus(seed, n_docs=6000):
    """Seeded synthetic multilingual documents (several lines each)."""
    rng = random.Random(seed)

    def number():
        k = rng.random()
        if k < 0.4:
            return str(rng.randint(0, 10 ** rng.randint(1, 12)))
        if k < 0.7:
            return f"{rng.uniform(0, 1000):.{rng.randint(1, 4)}f}"
        return f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def token():
        k = rng.random()
        if k < 0.55:
            w = rng.choice(EN)
            return w.capitalize() if rng.random() < 0.15 else (w.upper() if rng.random() < 0.03 else w)
        for p, pick in ((0.63, lambda: rng.choice(ACCENTED)), (0.69, lambda: rng.choice(OTHER)),
                        (0.74, lambda: "".join(rng.choice(CJK) for _ in range(rng.randint(2, 6)))),
                        (0.78, lambda: "".join(rng.choice(KANA) for _ in range(rng.randint(2, 6)))),
                        (0.81, lambda: rng.choice(EMOJI)), (0.87, number), (0.92, lambda: rng.choice(CONTRACTIONS))):
            if k < p:
                return pick()
        return rng.choice(PUNCT)

    def line():
        if rng.random() < 0.05:
            return rng.choice(CODE)
        sep = lambda: rng.choice([" "] * 20 + ["  ", "\t", "   "])  # noqa: E731
        words = [token() for _ in range(rng.randint(3, 16))]
        return (" " * rng.choice([0, 0, 0, 2, 4])) + "".join(w + sep() for w in words[:-1]) + words[-1]

    return ["\n".join(line() for _ in range(rng.randint(1, 6))) + rng.choice(["", "\n", "\n\n"])
            for _ in range(n_docs)]


def train_hf_bpe(docs, regex, specials, bos, ignore_merges, whole_words=()):
    """Byte-level BPE; whole_words are appended to the vocabulary with no merge that builds them,
    so only ignore_merges (look the whole pre-token up first) can produce them, as in Llama 3."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    tok = Tokenizer(models.BPE())
    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=regex is None)
    tok.pre_tokenizer = byte_level if regex is None else pre_tokenizers.Sequence(
        [pre_tokenizers.Split(Regex(regex), behavior="isolated", invert=False), byte_level])
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=VOCAB_SIZE - len(specials), min_frequency=2, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(docs, trainer)
    spec = json.loads(tok.to_str())
    spec["model"]["ignore_merges"] = ignore_merges
    table = V.bytes_to_unicode()
    for w in whole_words:
        spec["model"]["vocab"]["".join(table[b] for b in w.encode("utf-8"))] = len(spec["model"]["vocab"])
    tok = Tokenizer.from_str(json.dumps(spec))
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    if bos:
        tok.post_processor = processors.TemplateProcessing(single=f"{bos} $A", pair=f"{bos} $A {bos} $B",
                                                           special_tokens=[(bos, tok.token_to_id(bos))])
    return tok


def hf_vocab(tok, pre, specials, ids, add_bos, template):
    spec = json.loads(tok.to_str())
    merges = [m if isinstance(m, str) else " ".join(m) for m in spec["model"]["merges"]]
    by_id = {i: t for t, i in tok.get_vocab(with_added_tokens=True).items()}
    tokens = [by_id[i] for i in range(len(by_id))]
    d = {"model": "gpt2", "pre": pre, "tokens": tokens,
         "token_type": [V.CONTROL if t in specials else V.NORMAL for t in tokens], "merges": merges,
         "add_bos_token": add_bos, "add_eos_token": False, "chat_template": template}
    d.update({k: tok.token_to_id(v) for k, v in ids.items()})
    return d


def train_spm(docs):
    import sentencepiece as spm
    buf = io.BytesIO()
    lines = [ln for d in docs for ln in d.split("\n") if ln.strip()]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buf, model_type="bpe", vocab_size=VOCAB_SIZE,
        byte_fallback=True, character_coverage=0.995, normalization_rule_name="identity",
        remove_extra_whitespaces=False, add_dummy_prefix=True, split_digits=True, allow_whitespace_only_pieces=True,
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1, num_threads=1, minloglevel=2)
    return spm.SentencePieceProcessor(model_proto=buf.getvalue())


def spm_vocab(sp):
    n = sp.get_piece_size()

    def kind(i):
        return (V.UNKNOWN if sp.is_unknown(i) else V.CONTROL if sp.is_control(i) else V.BYTE if sp.is_byte(i)
                else V.UNUSED if sp.is_unused(i) else V.NORMAL)

    return {"model": "llama", "pre": "default", "tokens": [sp.id_to_piece(i) for i in range(n)],
            "scores": [sp.get_score(i) for i in range(n)], "token_type": [kind(i) for i in range(n)],
            "bos_token_id": sp.bos_id(), "eos_token_id": sp.eos_id(), "unknown_token_id": sp.unk_id(),
            "add_bos_token": True, "add_eos_token": False, "add_space_prefix": True}


def build(out, seed, log):
    import tokenizers
    import sentencepiece
    docs = corpus(seed)
    log(f"tokenizer corpus: {len(docs)} documents, {sum(map(len, docs))} characters (seed {seed}); "
        f"tokenizers {tokenizers.__version__}, sentencepiece {sentencepiece.__version__}")
    llama3_tpl = "{# llama3 #}{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>\n\n{{ m['content'] }}<|eot_id|>{% endfor %}"
    chatml_tpl = "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    hf = {
        "tokenizer-llama-bpe": dict(regex=LLAMA3_REGEX, pre="llama-bpe", ignore_merges=True, add_bos=True,
                                    specials=["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>",
                                              "<|end_header_id|>", "<|eot_id|>"],
                                    ids={"bos_token_id": "<|begin_of_text|>", "eos_token_id": "<|end_of_text|>",
                                         "eot_token_id": "<|eot_id|>"}, template=llama3_tpl),
        "tokenizer-qwen2": dict(regex=QWEN2_REGEX, pre="qwen2", ignore_merges=False, add_bos=False,
                                specials=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
                                ids={"bos_token_id": "<|endoftext|>", "eos_token_id": "<|im_end|>",
                                     "eot_token_id": "<|im_end|>", "padding_token_id": "<|endoftext|>"},
                                template=chatml_tpl),
        "tokenizer-gpt2": dict(regex=None, pre="default", ignore_merges=False, add_bos=False,
                               specials=["<|endoftext|>"],
                               ids={"bos_token_id": "<|endoftext|>", "eos_token_id": "<|endoftext|>"}, template=None),
    }
    for name, c in hf.items():
        tok = train_hf_bpe(docs, c["regex"], c["specials"], c["specials"][0] if c["add_bos"] else None,
                           c["ignore_merges"], WHOLE_WORDS if c["ignore_merges"] else ())
        d = hf_vocab(tok, c["pre"], set(c["specials"]), c["ids"], c["add_bos"], c["template"])
        if d["chat_template"] is None:
            del d["chat_template"]
        gguf_writer.write_tokenizer_gguf(os.path.join(out, name + ".gguf"), d, {"general.name": name})
        cases = []
        for text in CASES + SPECIAL_CASES[name]:
            case = {"text": text, "ids": tok.encode(text, add_special_tokens=False).ids, "parse_special": True}
            if c["add_bos"]:
                case["ids_with_bos"] = tok.encode(text, add_special_tokens=True).ids
            cases.append(case)
        _write_cases(out, name, cases)
        plain = [tok.decode(x["ids"]) == x["text"] for x in cases if not any(s in x["text"] for s in c["specials"])]
        extra = ""
        if c["ignore_merges"]:
            spec = json.loads(tok.to_str())
            spec["model"]["ignore_merges"] = False
            other = type(tok).from_str(json.dumps(spec))
            diff = sum(other.encode(x["text"], add_special_tokens=False).ids != x["ids"] for x in cases)
            extra = f"; cases whose ids change without ignore_merges: {diff}"
        log(f"{name}: vocab {len(d['tokens'])}, merges {len(d['merges'])}, {len(cases)} cases, "
            f"decode round trips {sum(plain)}/{len(plain)}{extra}")
    sp = train_spm(docs)
    d = spm_vocab(sp)
    gguf_writer.write_tokenizer_gguf(os.path.join(out, "tokenizer-spm.gguf"), d, {"general.name": "tokenizer-spm"})
    cases = [{"text": t, "ids": sp.encode(t), "ids_with_bos": sp.encode(t, add_bos=True), "parse_special": False}
             for t in CASES + SPECIAL_CASES["tokenizer-spm"]]
    _write_cases(out, "tokenizer-spm", cases)
    byte_ids = sum(1 for x in cases for i in x["ids"] if sp.is_byte(i))
    log(f"tokenizer-spm: vocab {len(d['tokens'])} ({sum(t == V.BYTE for t in d['token_type'])} byte pieces), "
        f"{len(cases)} cases, {byte_ids} byte-fallback ids in them, decode round trips "
        f"{sum(sp.decode(x['ids']) == x['text'] for x in cases)}/{len(cases)}")


def _write_cases(out, name, cases):
    with open(os.path.join(out, name + ".cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
