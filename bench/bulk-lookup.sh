#!/bin/sh
# Bulk lookup benchmark (docs/benchmarks.md, "Bulk lookup"): `krr lookup --in` of a generated
# 1 000 000-line file, end to end against a local emulator, with the CLI's heap capped at 256 MB;
# then the same CLI against the emulator answering every lookup batch after 200 ms (a fault rule
# adding latency to the krr_lookup group), once per --parallel value, to show the window of
# batches stays busy: the rate should be about parallel x 1000 / 0.2 s.
#
#   mvn -B -q -pl krr-cli,bench -am package -DskipTests
#   bench/bulk-lookup.sh [LINES] [POPULATION]
#
# Environment: LATENCY_LINES (lines per latency run, default 100000; 0 skips the latency runs),
# LATENCY_MS (default 200), PARALLEL (the --parallel values of the latency runs, default "4 8 16"),
# KRR_JAR (the CLI to measure, default the build's; the emulator always runs the build's),
# BUILD=target-NAME when built with -Dkrr.buildDir=target-NAME, PORT (default 7171).
set -eu
LINES=${1:-1000000}
POPULATION=${2:-100000}
LATENCY_LINES=${LATENCY_LINES:-100000}
LATENCY_MS=${LATENCY_MS:-200}
PARALLEL=${PARALLEL:-4 8 16}
BUILD=${BUILD:-target}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_JAR=$ROOT/krr-cli/$BUILD/krr.jar
KRR_JAR=${KRR_JAR:-$SERVER_JAR}
BENCH_JAR=$ROOT/bench/$BUILD/bench.jar
PORT=${PORT:-7171}
URL=http://localhost:$PORT
WORK=$(mktemp -d)
cd "$WORK"

java -jar "$SERVER_JAR" serve --port "$PORT" --ephemeral --admin --seed-persons "$POPULATION" \
  --bootstrap-out bootstrap.json > serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM
until [ -s bootstrap.json ]; do sleep 1; done
# the bootstrap file is written once the register is seeded and the server listens

java -jar "$SERVER_JAR" keygen --out bench --kid bench-key > /dev/null
CLIENT=$(java -jar "$SERVER_JAR" client create --bootstrap bootstrap.json --name bench --json \
  | sed -n 's/.*"client_id" *: *"\([^"]*\)".*/\1/p')
java -jar "$SERVER_JAR" client keys upload --bootstrap bootstrap.json --client "$CLIENT" \
  --public-key bench.pub.jwk > /dev/null
java -cp "$BENCH_JAR" io.krrkit.bench.BulkInputFile --out ids.txt --lines "$LINES" \
  --population "$POPULATION" --seed 1

# CPU seconds the emulator has used (user + system), from /proc; 0 where there is none
server_cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$SERVER/stat" 2>/dev/null || echo 0; }

# lookup LINES_IN_FILE FILE OUT [ARGS...]: one timed run; prints the rate and the CPU split
lookup() {
  n=$1; in=$2; out=$3; shift 3
  rm -f "$out" "$out.rejects" "$out.checkpoint"
  cpu0=$(server_cpu)
  start=$(date +%s.%N)
  /usr/bin/time -o cli.time -f "%U %S %M" \
    java -Xmx256m -jar "$KRR_JAR" lookup --url "$URL" --client-id "$CLIENT" \
    --key bench.jwk --in "$in" --out "$out" --progress-every 1 "$@" > cli.out 2> cli.err \
    || { cat cli.err; exit 1; }
  end=$(date +%s.%N)
  cpu1=$(server_cpu)
  read -r user sys rss < cli.time
  wall=$(echo "$end - $start" | bc)
  # the CLI's own rate since its first batch (no JVM start, no line count), from its last progress
  # line; the whole rate where the run was too short for one
  RATE=$(sed -n 's/.*), \([0-9]*\) lines\/s.*/\1/p' cli.err | tail -1)
  RATE=${RATE:-$(echo "$n / $wall" | bc)}
  # "rate: N lines/s" and "max RSS N KB" of the first run are what `bench all` reads
  echo "  $n lines in $wall s, rate: $(echo "$n / $wall" | bc) lines/s end to end (JVM start" \
    "included), $RATE lines/s looking up (the CLI's last progress line)"
  echo "  CPU: CLI ${user} s user + ${sys} s sys (max RSS $rss KB)," \
    "emulator $(echo "$cpu1 - $cpu0" | bc | sed "s/^\./0./") s; output $(wc -l < "$out") rows," \
    "$(($(wc -l < "$out.rejects") - 1)) rejects"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
echo "krr lookup --in, $LINES lines, against the local emulator:"
lookup "$LINES" ids.txt out.jsonl

if [ "$LATENCY_LINES" -gt 0 ]; then
  head -n "$LATENCY_LINES" ids.txt > latency-ids.txt
  curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"endpoint\":\"krr_lookup\",\"latency\":\"PT$((LATENCY_MS / 1000)).$(printf %03d $((LATENCY_MS % 1000)))S\"}" \
    "$URL/admin/faults" > /dev/null
  echo "every lookup batch answered after $LATENCY_MS ms ($LATENCY_LINES lines per run):"
  for p in $PARALLEL; do
    echo " --parallel $p: expected about $((p * 1000 * 1000 / LATENCY_MS)) lines/s"
    lookup "$LATENCY_LINES" latency-ids.txt latency.jsonl --parallel "$p"
    echo "  = $((RATE * 100 * LATENCY_MS / (p * 1000 * 1000))) % of parallel x 1000 / $LATENCY_MS ms"
  done
  curl -fsS -X DELETE "$URL/admin/faults" > /dev/null
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
