#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs a pipeline run packed by pack.sh into the repository's models/ folder:
#   models/train/install.sh ship-1.tgz ship-2.tgz
#
#   ship/*.gguf            -> models/*.gguf
#   data/{eval,dev}.jsonl  -> models/data/
#   reference/             -> models/eval/reference/ (replaced)
#   pytorch-results.json   -> models/eval/pytorch-results.json
#   a, b, verifier curves  -> models/eval/runs/tiny-{reasoner,reasoner-b,verifier}.{curve.jsonl,summary.json}
#   vdata summary, log     -> models/eval/runs/verifier-data.summary.json, pipeline.log
# Then update the model card (models/eval/results_table.py prints the results table).
set -euo pipefail
if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
    sed -n '3,12p' "$0"
    exit 0
fi
MODELS=$(cd "$(dirname "$0")/.." && pwd)
RUN=$(mktemp -d)
trap 'rm -rf "$RUN"' EXIT
for archive in "$@"; do tar xzf "$archive" -C "$RUN"; done
for name in tiny-reasoner tiny-reasoner-b tiny-verifier; do
    [[ -f $RUN/ship/$name.gguf ]] || { echo "missing ship/$name.gguf" >&2; exit 1; }
done
install -m 644 "$RUN"/ship/*.gguf "$MODELS/"
install -m 644 "$RUN"/data/eval.jsonl "$RUN"/data/dev.jsonl "$MODELS/data/"
rm -rf "$MODELS/eval/reference"
cp -r "$RUN/reference" "$MODELS/eval/reference"
install -m 644 "$RUN/pytorch-results.json" "$MODELS/eval/pytorch-results.json"
RUNS=$MODELS/eval/runs
for pair in a:tiny-reasoner b:tiny-reasoner-b verifier:tiny-verifier; do
    install -m 644 "$RUN/${pair%%:*}/curve.jsonl" "$RUNS/${pair#*:}.curve.jsonl"
    install -m 644 "$RUN/${pair%%:*}/summary.json" "$RUNS/${pair#*:}.summary.json"
done
install -m 644 "$RUN/vdata.jsonl.summary.json" "$RUNS/verifier-data.summary.json"
install -m 644 "$RUN/logs/pipeline.log" "$RUNS/pipeline.log"
echo "installed into $MODELS; now: git diff --stat models/"
