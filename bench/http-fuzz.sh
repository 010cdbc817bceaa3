#!/bin/sh
# HTTP mutation fuzzer (docs/guide.md, "Fuzzing"): mutated copies of valid requests of every
# service against krr-local started in the fuzzer's JVM on a free port; fails on any 5xx, any
# answer that shows Java internals, any answer slower than 10 s.
#
#   mvn -B -q -pl bench -am package -DskipTests
#   bench/http-fuzz.sh [--requests 20000] [--seed 1] [--admin] [--save DIR]
#
# --admin adds the operator API; --save writes each finding's raw request to DIR for replay
# (nc localhost PORT < DIR/finding-0001.http against a running emulator).
# Set BUILD=target-NAME when built with -Dkrr.buildDir=target-NAME.
set -eu
BUILD=${BUILD:-target}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
exec java -cp "$ROOT/bench/$BUILD/bench.jar" io.krrkit.bench.HttpFuzz "$@"
