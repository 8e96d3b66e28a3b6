#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Packs what a pipeline run ships into two archives small enough to bring back from the GPU
# machine (each under 16 MiB):  models/train/pack.sh RUNDIR OUTDIR
#
#   OUTDIR/ship-1.tgz  ship/tiny-reasoner.gguf, ship/tiny-verifier.gguf
#   OUTDIR/ship-2.tgz  ship/tiny-reasoner-b.gguf, data/, reference/, pytorch-results.json,
#                      quant.json, {a,b,verifier}/{curve.jsonl,summary.json},
#                      vdata.jsonl.summary.json, logs/pipeline.log
# models/train/install.sh OUTDIR/ship-*.tgz puts them where the repository keeps them.
set -euo pipefail
if [[ $# -ne 2 || $1 == -h || $1 == --help ]]; then
    sed -n '3,10p' "$0"
    exit 0
fi
RUN=$1 OUT=$2
mkdir -p "$OUT"
tar czf "$OUT/ship-1.tgz" -C "$RUN" ship/tiny-reasoner.gguf ship/tiny-verifier.gguf
tar czf "$OUT/ship-2.tgz" -C "$RUN" ship/tiny-reasoner-b.gguf data/eval.jsonl data/dev.jsonl reference \
    pytorch-results.json quant.json a/curve.jsonl a/summary.json b/curve.jsonl b/summary.json \
    verifier/curve.jsonl verifier/summary.json vdata.jsonl.summary.json logs/pipeline.log
for f in "$OUT"/ship-1.tgz "$OUT"/ship-2.tgz; do
    size=$(stat -c %s "$f")
    echo "$f: $size bytes"
    (( size < 16 * 1024 * 1024 )) || { echo "$f is over 16 MiB" >&2; exit 1; }
done
