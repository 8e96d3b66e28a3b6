#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The whole shipped-model pipeline on one GPU:  models/train/pipeline.sh OUTDIR
#
#   held-out data -> tiny-reasoner and tiny-reasoner-b (trained side by side) -> verifier data from
#   tiny-reasoner's own samples -> tiny-verifier -> GGUF export and type choice -> evaluation of the
#   shipped files -> Java reference fixtures.
#
# OUTDIR gets data/, a/, b/, verifier/, vdata.jsonl, export/, ship/*.gguf, quant.json,
# pytorch-results.json, reference/ and logs/. A step whose output exists is skipped, so a run that
# stopped resumes. Knobs (environment): TRAIN_MINUTES (11), VERIFIER_PROBLEMS (20000),
# VERIFIER_MINUTES (2), DIFFICULTY (JSON overrides of task.Difficulty, '{}' = the shipped task),
# TRAIN_PROBLEMS (a finite training corpus of that many problems per reasoner, 20000; 0 = a fresh
# problem every row), GPU_A / GPU_B (the card that trains tiny-reasoner, and later every other step / tiny-reasoner-b),
# WORKERS_A / WORKERS_B (data-loader processes, 6); SMOKE=1 runs everything tiny and fast.
set -euo pipefail
if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
    sed -n '3,15p' "$0"
    exit 0
fi
OUT=$(realpath -m "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT/logs"
export PYTHONUNBUFFERED=1
ARCH_A=a ARCH_B=b N_GREEDY=50 EVAL_LIMIT=0
: "${TRAIN_MINUTES:=11}" "${VERIFIER_PROBLEMS:=20000}" "${VERIFIER_MINUTES:=2}" "${DIFFICULTY:={\}}"
: "${WORKERS_A:=6}" "${WORKERS_B:=6}" "${TRAIN_PROBLEMS:=20000}"
# Every step after training runs where tiny-reasoner trained.
if [[ -n ${GPU_A:-} ]]; then export CUDA_VISIBLE_DEVICES=$GPU_A; fi
if [[ ${SMOKE:-0} == 1 ]]; then
    ARCH_A=smoke ARCH_B=smoke N_GREEDY=5 EVAL_LIMIT=40 TRAIN_MINUTES=0.3 VERIFIER_PROBLEMS=300 VERIFIER_MINUTES=0.3
fi
cd "$HERE"
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/logs/pipeline.log"; }

todo() { [[ ! -e $1 ]]; }

log "held-out problems"
todo "$OUT/data/dev.jsonl" && python3 task.py --out-dir "$OUT/data" --difficulty "$DIFFICULTY" 2>&1 | tee "$OUT/logs/task.log"
DEV=$OUT/data/dev.jsonl EVAL=$OUT/data/eval.jsonl

log "training tiny-reasoner and tiny-reasoner-b for $TRAIN_MINUTES min"
pids=()
todo "$OUT/a/model.pt" && { python3 train.py --out "$OUT/a" --arch $ARCH_A --seed 1 --mix seq:0.4,regroup:0.3,split:0.3 \
    --minutes "$TRAIN_MINUTES" --eval-every-s 45 --workers "$WORKERS_A" --difficulty "$DIFFICULTY" \
    --problems "$TRAIN_PROBLEMS" --dev "$DEV" --heldout "$EVAL" "$DEV" > "$OUT/logs/train-a.log" 2>&1 &
    pids+=($!); }
todo "$OUT/b/model.pt" && { env ${GPU_B:+CUDA_VISIBLE_DEVICES=$GPU_B} python3 train.py --out "$OUT/b" --arch $ARCH_B \
    --seed 2 --mix seq:0.25,regroup:0.25,split:0.5 \
    --minutes "$TRAIN_MINUTES" --eval-every-s 45 --workers "$WORKERS_B" --difficulty "$DIFFICULTY" \
    --problems "$TRAIN_PROBLEMS" --dev "$DEV" --heldout "$EVAL" "$DEV" > "$OUT/logs/train-b.log" 2>&1 &
    pids+=($!); }
for p in "${pids[@]}"; do wait "$p"; done

log "verifier data: $VERIFIER_PROBLEMS problems sampled by tiny-reasoner"
todo "$OUT/vdata.jsonl.summary.json" && python3 verifier_data.py --model "$OUT/a" --out "$OUT/vdata.jsonl" --problems "$VERIFIER_PROBLEMS" \
    --heldout "$EVAL" "$DEV" --difficulty "$DIFFICULTY" 2>&1 | tee "$OUT/logs/verifier-data.log"

log "training tiny-verifier for $VERIFIER_MINUTES min"
todo "$OUT/verifier/model.pt" && python3 train_verifier.py --init "$OUT/a" --data "$OUT/vdata.jsonl" --out "$OUT/verifier" \
    --minutes "$VERIFIER_MINUTES" --dev "$DEV" --heldout "$EVAL" "$DEV" --difficulty "$DIFFICULTY" 2>&1 \
    | tee "$OUT/logs/train-verifier.log"

log "export and tensor-type choice"
todo "$OUT/quant.json" && python3 export.py --model tiny-reasoner "$OUT/a" --model tiny-reasoner-b "$OUT/b" --model tiny-verifier "$OUT/verifier" \
    --eval "$EVAL" --verifier-data "$OUT/vdata.jsonl" --work "$OUT/export" --ship "$OUT/ship" \
    --quant-json "$OUT/quant.json" 2>&1 | tee "$OUT/logs/export.log"

log "evaluation of the shipped files"
todo "$OUT/pytorch-results.json" && python3 ../eval/evaluate.py --reasoner "$OUT/ship/tiny-reasoner.gguf" --reasoner-b "$OUT/ship/tiny-reasoner-b.gguf" \
    --verifier "$OUT/ship/tiny-verifier.gguf" --eval "$EVAL" --limit $EVAL_LIMIT --extra "$OUT/quant.json" \
    --out "$OUT/pytorch-results.json" 2>&1 | tee "$OUT/logs/evaluate.log"

log "reference fixtures"
todo "$OUT/reference/checks.json" && python3 ../eval/fixtures.py --gguf "$OUT/ship/tiny-reasoner.gguf" "$OUT/ship/tiny-reasoner-b.gguf" \
    "$OUT/ship/tiny-verifier.gguf" --eval "$EVAL" --n-greedy $N_GREEDY --out "$OUT/reference" 2>&1 \
    | tee "$OUT/logs/fixtures.log"
log "done"
