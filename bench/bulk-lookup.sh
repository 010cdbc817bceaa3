#!/bin/sh
# Bulk lookup benchmark (docs/benchmarks.md, "Bulk lookup"): `krr lookup --in` of a generated
# 1 000 000-line file, end to end against a local emulator, with the CLI's heap capped at 256 MB.
#
#   mvn -B -q -pl krr-cli,bench -am package -DskipTests
#   bench/bulk-lookup.sh [LINES] [POPULATION]
#
# Set BUILD=target-NAME when built with -Dkrr.buildDir=target-NAME.
set -eu
LINES=${1:-1000000}
POPULATION=${2:-100000}
BUILD=${BUILD:-target}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KRR_JAR=$ROOT/krr-cli/$BUILD/krr.jar
BENCH_JAR=$ROOT/bench/$BUILD/bench.jar
PORT=${PORT:-7171}
WORK=$(mktemp -d)
cd "$WORK"

java -jar "$KRR_JAR" serve --port "$PORT" --ephemeral --seed-persons "$POPULATION" \
  --bootstrap-out bootstrap.json > serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
until [ -s bootstrap.json ]; do sleep 1; done
# the bootstrap file is written once the register is seeded and the server listens

java -jar "$KRR_JAR" keygen --out bench --kid bench-key > /dev/null
CLIENT=$(java -jar "$KRR_JAR" client create --bootstrap bootstrap.json --name bench --json \
  | sed -n 's/.*"client_id" *: *"\([^"]*\)".*/\1/p')
java -jar "$KRR_JAR" client keys upload --bootstrap bootstrap.json --client "$CLIENT" \
  --public-key bench.pub.jwk > /dev/null
java -cp "$BENCH_JAR" io.krrkit.bench.BulkInputFile --out ids.txt --lines "$LINES" \
  --population "$POPULATION" --seed 1

START=$(date +%s.%N)
/usr/bin/time -f "max RSS %M KB, %e s wall, %U s user, %S s sys" \
  java -Xmx256m -jar "$KRR_JAR" lookup --url "http://localhost:$PORT" --client-id "$CLIENT" \
  --key bench.jwk --in ids.txt --out out.jsonl --progress-every 5
END=$(date +%s.%N)
echo "output: $(wc -l < out.jsonl) rows, $(du -h out.jsonl | cut -f1); rejects: $(($(wc -l < out.jsonl.rejects) - 1))"
echo "rate: $(echo "$LINES / ($END - $START)" | bc) lines/s end to end (JVM start included)"
