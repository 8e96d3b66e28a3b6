#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The shipped-model pipeline for several task variants at once, on a machine of several cards:
#   models/train/variants.sh OUTDIR NAME='{"difficulty":"json"}[@PROBLEMS]' [NAME=...]
#
# Variant i runs pipeline.sh OUTDIR/NAME with DIFFICULTY set, and TRAIN_PROBLEMS when @PROBLEMS is
# given (else the pipeline's default corpus; @0 trains on a fresh problem every row). Its
# tiny-reasoner trains alone on card i (and every later step of the variant runs there); when there
# are more cards than variants, every variant's tiny-reasoner-b trains on the last card, side by
# side. At the end it prints, per variant, tiny-reasoner's dev-accuracy curve (converged or still
# climbing?) and the headline results, so that the variant whose converged tiny-reasoner lands in
# the 60-75% band is shipped.
# Environment knobs pass through to pipeline.sh (TRAIN_MINUTES, SMOKE, ...).
set -euo pipefail
if [[ $# -lt 2 || $1 == -h || $1 == --help ]]; then
    sed -n '3,13p' "$0"
    exit 0
fi
OUT=$(realpath -m "$1")
shift
HERE=$(cd "$(dirname "$0")" && pwd)
CARDS=$(nvidia-smi -L | wc -l)
N=$#
WORKERS=$(( $(nproc) / (2 * N) ))
(( WORKERS >= 2 )) || WORKERS=2
mkdir -p "$OUT"
pids=() names=() i=0
for spec in "$@"; do
    name=${spec%%=*} difficulty=${spec#*=} problems=
    if [[ $difficulty == *@* ]]; then problems=${difficulty##*@} difficulty=${difficulty%@*}; fi
    names+=("$name")
    gpu_a=$(( i % CARDS ))
    gpu_b=$gpu_a
    (( CARDS > N )) && gpu_b=$(( CARDS - 1 ))
    echo "$name: difficulty $difficulty, corpus ${problems:-as pipeline.sh sets it}, tiny-reasoner on card $gpu_a, tiny-reasoner-b on card $gpu_b"
    env ${problems:+TRAIN_PROBLEMS=$problems} DIFFICULTY="$difficulty" GPU_A=$gpu_a GPU_B=$gpu_b WORKERS_A=$WORKERS \
        WORKERS_B=$WORKERS "$HERE/pipeline.sh" "$OUT/$name" > "$OUT/$name.log" 2>&1 &
    pids+=($!)
    i=$(( i + 1 ))
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
for name in "${names[@]}"; do
    python3 - "$OUT/$name" "$name" <<'EOF'
import json, os, sys
out, name = sys.argv[1:]
def curve(model):
    path = f"{out}/{model}/curve.jsonl"
    if not os.path.exists(path):
        return "no curve"
    rows = [json.loads(line) for line in open(path)]
    return " ".join(f"{r.get('t', 0):.0f}s:{r['dev_cot_acc']:.3f}" for r in rows)
print(f"== {name} {open(f'{out}/logs/task.log').read().strip() if os.path.exists(f'{out}/logs/task.log') else ''}")
print(f"  tiny-reasoner   {curve('a')}")
for model in "ab":
    path = f"{out}/{model}/summary.json"
    if os.path.exists(path):
        s = json.load(open(path))
        print(f"  {model}: {s['tokens']:,} tokens, {s.get('epochs')} epochs of the corpus, corpus accuracy {s.get('corpus_cot_acc')}")
print(f"  tiny-reasoner-b {curve('b')}")
results = f"{out}/pytorch-results.json"
if os.path.exists(results):
    for row in json.load(open(results))["table"]:
        print(f"  {row['method']:<48} {row['acc']:6.2f}")
EOF
done
exit $status
