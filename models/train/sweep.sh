#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Difficulty sweep with converging models:
#   models/train/sweep.sh OUTDIR MINUTES ARCH SEED MIX NAME='{"difficulty":"json"}' [NAME=...]
#
# For each named task variant: generates its own held-out eval/dev files, then trains ARCH on it,
# all variants side by side on one GPU, and prints each one's final dev greedy step-by-step
# accuracy. Unlike calibrate.sh (tiny-reasoner's size, 4.5 minutes, still climbing), the point is
# an architecture that converges within MINUTES, so the numbers are converged accuracies.
set -euo pipefail
if [[ $# -lt 6 || $1 == -h || $1 == --help ]]; then
    sed -n '3,9p' "$0"
    exit 0
fi
OUT=$(realpath -m "$1") MINUTES=$2 ARCH=$3 SEED=$4 MIX=$5
shift 5
HERE=$(cd "$(dirname "$0")" && pwd)
export PYTHONUNBUFFERED=1
cd "$HERE"
pids=() names=()
for spec in "$@"; do
    name=${spec%%=*} difficulty=${spec#*=}
    names+=("$name")
    mkdir -p "$OUT/$name"
    echo "$difficulty" > "$OUT/$name/difficulty.json"
    python3 task.py --out-dir "$OUT/$name" --difficulty "$difficulty" > "$OUT/$name/task.log"
    python3 train.py --out "$OUT/$name" --arch "$ARCH" --seed "$SEED" --mix "$MIX" --minutes "$MINUTES" \
        --eval-every-s 60 --workers $(( 15 / $# )) --difficulty "$difficulty" --dev "$OUT/$name/dev.jsonl" \
        --heldout "$OUT/$name/eval.jsonl" "$OUT/$name/dev.jsonl" > "$OUT/$name/train.log" 2>&1 &
    pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
for name in "${names[@]}"; do
    python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(sys.argv[2], open(sys.argv[3]).read().strip(), s['tokens'], 'tokens', 'dev', s['dev_cot_acc'], s['dev_by_ops'])" \
        "$OUT/$name/summary.json" "$name" "$OUT/$name/difficulty.json"
done
