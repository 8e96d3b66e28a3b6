#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Reproduces the serving, KV and accuracy figures of docs/benchmarks.md in one command.
#
#   bench/platform-bench.sh serving|accuracy [--port-base 9080] [--out DIR] [--quick]
#
# It starts its own Redis and services from the built jars on ports of its own (so it runs beside
# a ./scripts/quorum up), runs quorum-bench against them, and stops everything it started.
# Serving layout (2 cores): decode-service pinned to CPU 0, prefill-service to CPU 1 ("separate
# cores"); a second decode-service started fresh on the same Redis stands for decode after a
# restart; a third one prefills locally (colocated, QUORUM_DECODE_PREFILL_ENABLED=false, both CPUs).
# Accuracy layout: decode-service on both CPUs, with verifier-service and ensemble-service.
# Accuracy settings from the environment: QUORUM_BENCH_LIMIT (questions, default 200),
# QUORUM_BENCH_STRATEGIES and QUORUM_BENCH_COMPARE (as quorum-bench accuracy takes them),
# QUORUM_BENCH_NAME (result file names, default accuracy). Serving parts to run:
# QUORUM_BENCH_PARTS (default "kv serve scenarios").
# Build first:
#   ./mvnw -q -pl prefill-service,decode-service,gateway-service,verifier-service,ensemble-service,bench -am \
#       package -DskipTests -Ddisable.checks=true
set -euo pipefail
. "$(dirname "$0")/../scripts/lib/common.sh"
cd "$QUORUM_ROOT"

WHAT=${1:-}
shift || true
BASE=9080
OUT=bench/target/results
QUICK=0
while [ $# -gt 0 ]; do
  case $1 in
    --port-base) BASE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --quick) QUICK=1; shift ;;
    *) die "unknown option $1" ;;
  esac
done
case $WHAT in serving|accuracy) ;; *) die "usage: bench/platform-bench.sh serving|accuracy [--port-base 9080] [--out DIR] [--quick]" ;; esac

GATEWAY=$BASE DECODE=$((BASE + 1)) PREFILL=$((BASE + 2)) VERIFIER=$((BASE + 3)) ENSEMBLE=$((BASE + 4))
FRESH=$((BASE + 11)) COLOCATED=$((BASE + 12)) REDIS=$((BASE + 99))
STATE="$QUORUM_ROOT/bench/target/platform"
rm -rf "$STATE/jars"
mkdir -p "$STATE/logs" "$STATE/jars" "$OUT"
PIDS=()
KEY="sk-quorum-bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

find_java
[ -f "$QUORUM_ROOT/bench/target/quorum-bench.jar" ] || die "no bench/target/quorum-bench.jar; build it first (see the top of this script)"
BENCH="$STATE/jars/quorum-bench.jar"
cp "$QUORUM_ROOT/bench/target/quorum-bench.jar" "$BENCH"
jar_of() { ls "$QUORUM_ROOT/$1-service/target/$1-service-"*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

# start NAME PORT CPUS ENV... : a service jar on a port, pinned to CPUS, with extra environment
start() {
  local name=$1 port=$2 cpus=$3 svc jar
  shift 3
  svc=${name%%-*}
  jar="$STATE/jars/$svc.jar"
  if [ ! -f "$jar" ]; then
    # a copy: builds running meanwhile replace the jars under target/
    [ -n "$(jar_of "$svc")" ] || die "no jar for $svc-service; build it first"
    cp "$(jar_of "$svc")" "$jar"
  fi
  port_busy "$port" && die "port $port is in use; pick another --port-base"
  # shellcheck disable=SC2046
  env SERVER_PORT="$port" SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS" "$@" \
    setsid taskset -c "$cpus" "$JAVA_HOME/bin/java" $(jvm_flags) -Xmx1g -jar "$jar" \
    > "$STATE/logs/$name.log" 2>&1 < /dev/null &
  PIDS+=($!)
  say "$name: pid $! on port $port, CPUs $cpus"
}

wait_ready() {
  local name=$1 port=$2
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" || true)" = 200 ] \
      && { say "$name: ready"; return 0; }
    sleep 1
  done
  tail -n 30 "$STATE/logs/$name.log" >&2
  die "$name did not become ready"
}

bench() { "$JAVA_HOME/bin/java" -jar "$BENCH" "$@"; }

port_busy "$REDIS" && die "port $REDIS is in use; pick another --port-base"
setsid redis-server --port "$REDIS" --bind 127.0.0.1 --save "" --appendonly no --maxmemory 2gb \
  --maxmemory-policy allkeys-lru > "$STATE/logs/redis.log" 2>&1 < /dev/null &
PIDS+=($!)
sleep 0.5

start prefill "$PREFILL" 1
start decode "$DECODE" "$([ "$WHAT" = serving ] && echo 0 || echo 0-1)" QUORUM_DECODE_PREFILL_URI="http://127.0.0.1:$PREFILL"
start gateway "$GATEWAY" 0-1 QUORUM_GATEWAY_ROUTES_DECODE_URI="http://127.0.0.1:$DECODE" \
  QUORUM_GATEWAY_ROUTES_ENSEMBLE_URI="http://127.0.0.1:$ENSEMBLE" QUORUM_GATEWAY_ROUTES_VERIFIER_URI="http://127.0.0.1:$VERIFIER" \
  QUORUM_GATEWAY_AUTH_MODE=keys QUORUM_GATEWAY_AUTH_KEYS_0_ID=bench QUORUM_GATEWAY_AUTH_KEYS_0_RATECLASS=batch \
  QUORUM_GATEWAY_AUTH_KEYS_0_SHA256="$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)" \
  QUORUM_GATEWAY_RATELIMIT_CLASSES_BATCH_REQUESTSPERSECOND=1000 QUORUM_GATEWAY_RATELIMIT_CLASSES_BATCH_BURST=10000
if [ "$WHAT" = serving ]; then
  start decode-fresh "$FRESH" 0 QUORUM_DECODE_PREFILL_URI="http://127.0.0.1:$PREFILL"
  start decode-colocated "$COLOCATED" 0-1 QUORUM_DECODE_PREFILL_ENABLED=false
fi
if [ "$WHAT" = accuracy ]; then
  start verifier "$VERIFIER" 0-1 QUORUM_VERIFIER_DECODEURI="http://127.0.0.1:$DECODE"
  start ensemble "$ENSEMBLE" 0-1 QUORUM_ENSEMBLE_DECODEURI="http://127.0.0.1:$DECODE" \
    QUORUM_ENSEMBLE_VERIFIERURI="http://127.0.0.1:$VERIFIER"
fi
wait_ready prefill "$PREFILL"; wait_ready decode "$DECODE"; wait_ready gateway "$GATEWAY"
if [ "$WHAT" = serving ]; then wait_ready decode-fresh "$FRESH"; wait_ready decode-colocated "$COLOCATED"
else wait_ready verifier "$VERIFIER"; wait_ready ensemble "$ENSEMBLE"; fi
sleep 20 # the services' start-up compilation settles
say "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

GW="http://127.0.0.1:$GATEWAY"
PAIRS=$([ "$QUICK" = 1 ] && echo 4 || echo 12)
N=$([ "$QUICK" = 1 ] && echo 20 || echo 100)
PARTS=" ${QUORUM_BENCH_PARTS:-kv serve scenarios} "
part() { [ "$WHAT" = serving ] && [[ "$PARTS" == *" $1 "* ]]; }
if part kv; then
  bench kv --redis "redis://127.0.0.1:$REDIS" --json "$OUT/kv.json" | tee "$OUT/kv.txt"
fi
if part serve; then
  # a seed per rate: no run finds the prompts of another in the prefix caches
  for rate in 1 2 4; do
    bench serve --url "$GW" --api-key "$KEY" --model tiny-reasoner --endpoint completions --rate "$rate" --requests "$N" \
      --prompt-tokens uniform:128:512 --output-tokens 128 --shared-prefix-ratio 0.5 \
      --slo-ttft-ms 1000 --slo-tpot-ms 100 --seed "$rate" --warmup 10 --timeout-s 120 --json "$OUT/serve-rate$rate.json" | tee "$OUT/serve-rate$rate.txt"
  done
fi
if part scenarios; then
  bench scenario prefix-cache --url "$GW" --api-key "$KEY" --model tiny-reasoner --pairs "$PAIRS" --timeout-s 120 \
    --json "$OUT/scenario-prefix-cache.json" | tee "$OUT/scenario-prefix-cache.txt"
  bench scenario samples --url "$GW" --api-key "$KEY" --model tiny-reasoner --pairs "$PAIRS" --n 16 --timeout-s 120 \
    --temperature 0.8 --json "$OUT/scenario-samples.json" | tee "$OUT/scenario-samples.txt"
  bench scenario restart --url "http://127.0.0.1:$DECODE" --restarted-url "http://127.0.0.1:$FRESH" \
    --model tiny-reasoner --pairs "$PAIRS" --timeout-s 120 --json "$OUT/scenario-restart.json" | tee "$OUT/scenario-restart.txt"
  bench scenario disagg --url "http://127.0.0.1:$DECODE" --colocated-url "http://127.0.0.1:$COLOCATED" \
    --model tiny-reasoner --endpoint completions --streams 4 --stream-tokens 256 --long-prompts "$PAIRS" --long-rate 0.5 --timeout-s 120 \
    --json "$OUT/scenario-disagg.json" | tee "$OUT/scenario-disagg.txt"
fi
if [ "$WHAT" = accuracy ]; then
  LIMIT=$([ "$QUICK" = 1 ] && echo 20 || echo "${QUORUM_BENCH_LIMIT:-200}")
  NAME=${QUORUM_BENCH_NAME:-accuracy}
  STRATEGIES="greedy/tiny-reasoner;cot/tiny-reasoner;sc-5/tiny-reasoner?early_stop.rule=none"
  STRATEGIES+=";sc-10/tiny-reasoner?early_stop.rule=none;sc-10/tiny-reasoner"
  STRATEGIES+=";greedy/tiny-reasoner?prompt_style=plain;cot-decoding-2/tiny-reasoner"
  STRATEGIES+=";bon-10/tiny-reasoner?early_stop.rule=none;vv-10/tiny-reasoner?early_stop.rule=none"
  STRATEGIES+=";cot/tiny-reasoner-b;sc-10/tiny-reasoner-b?early_stop.rule=none"
  STRATEGIES+=";ensemble-10/tiny-reasoner+tiny-reasoner-b?early_stop.rule=none"
  COMPARE=2:1,3:2,4:3,4:2,5:4,7:6,7:1,9:4,8:4,12:11,12:4
  bench accuracy --url "$GW" --api-key "$KEY" --dataset models/data/eval.jsonl --limit "$LIMIT" \
    --strategies "${QUORUM_BENCH_STRATEGIES:-$STRATEGIES}" --compare "${QUORUM_BENCH_COMPARE-$COMPARE}" \
    --json "$OUT/$NAME.json" --markdown "$OUT/$NAME.md" --plot "$OUT/$NAME.svg" | tee "$OUT/$NAME.txt"
fi
say "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results in $OUT"
