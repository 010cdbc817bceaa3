#!/bin/sh
# Soak (docs/benchmarks.md, "Soak"): a mixed load at about half of the measured capacity against a
# `krr serve` process in its own JVM, sampling its RSS, heap after GC, threads and open files.
#
#   bench/soak.sh 2m          # anyone can run it; 30m for the long one
#
# Builds the CLI and bench jars when they are missing. Environment: PORT (7171), PERSONS (100000),
# SERVER_HEAP (512m), STORE (h2-file or ephemeral), TOKEN_RATE (200), LOOKUP_RATE (15),
# WRITE_RATE (2), SAMPLE (duration/20, at least 10s), BUILD (target), KEEP=1 keeps the work dir.
set -eu
DURATION=${1:-2m}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-target}
KRR_JAR=$ROOT/krr-cli/$BUILD/krr.jar
BENCH_JAR=$ROOT/bench/$BUILD/bench.jar
PORT=${PORT:-7171}
PERSONS=${PERSONS:-100000}
if [ ! -f "$KRR_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  echo "soak: building krr.jar and bench.jar..." >&2
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true package \
    -pl krr-cli,bench -am)
fi
WORK=$(mktemp -d)
cd "$WORK"
case "${STORE:-h2-file}" in
  ephemeral) STORE_ARGS="--ephemeral" ;;
  *) STORE_ARGS="--data $WORK/data" ;;
esac

# shellcheck disable=SC2086
java -Xmx"${SERVER_HEAP:-512m}" -jar "$KRR_JAR" serve --port "$PORT" $STORE_ARGS \
  --seed-persons "$PERSONS" --bootstrap-out bootstrap.json > serve.log 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "soak: work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# the bootstrap file is written once the register is seeded and the server listens
until [ -s bootstrap.json ]; do
  kill -0 "$SERVER" 2>/dev/null || { cat serve.log; echo "soak: krr serve died" >&2; exit 1; }
  sleep 1
done

echo "soak: machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)," \
  "$(java -version 2>&1 | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$BENCH_JAR" soak --pid "$SERVER" --url "http://localhost:$PORT" \
  --bootstrap bootstrap.json --duration "$DURATION" --persons "$PERSONS" \
  ${SAMPLE:+--sample "$SAMPLE"} --token-rate "${TOKEN_RATE:-200}" \
  --lookup-rate "${LOOKUP_RATE:-15}" --write-rate "${WRITE_RATE:-2}"
echo "soak: serve.log $(wc -l < serve.log) lines, $(wc -c < serve.log) bytes," \
  "$(grep -c 'Exception' serve.log || true) lines naming an exception;" \
  "store $(du -sh data 2>/dev/null | cut -f1 || echo in memory)"
