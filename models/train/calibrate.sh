#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Difficulty calibration: trains tiny-reasoner on three task variants side by side on one GPU
# and logs each one's dev-accuracy curve:  models/train/calibrate.sh OUTDIR [MINUTES]
set -euo pipefail
if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
    sed -n '3,4p' "$0"
    exit 0
fi
OUT=$(realpath -m "$1")
MINUTES=${2:-4.5}
HERE=$(cd "$(dirname "$0")" && pwd)
export PYTHONUNBUFFERED=1
cd "$HERE"
# The variants as first run (before "hard" became task.Difficulty's default).
declare -A VARIANTS=([base]='{"p_two_digit_mul": 0.5, "ops_max": 7}' [easy]='{"p_two_digit_mul": 0.25, "ops_max": 7}' \
    [hard]='{"p_two_digit_mul": 0.75, "ops_max": 8}')
pids=()
for v in base easy hard; do
    mkdir -p "$OUT/$v"
    python3 task.py --out-dir "$OUT/$v" --difficulty "${VARIANTS[$v]}" > "$OUT/$v/task.log"
    python3 train.py --out "$OUT/$v" --arch a --seed 1 --minutes "$MINUTES" --workers 4 --difficulty "${VARIANTS[$v]}" \
        --dev "$OUT/$v/dev.jsonl" --heldout "$OUT/$v/eval.jsonl" "$OUT/$v/dev.jsonl" > "$OUT/$v/train.log" 2>&1 &
    pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
echo "calibration done"
