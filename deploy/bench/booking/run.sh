#!/usr/bin/env bash
# Builds booking-service and this benchmark (offline, no tests), then runs it; see README.md.
# Usage: deploy/bench/booking/run.sh   (BENCH_FILL=1000000 BENCH_CONCURRENCY=16 BENCH_ROUNDS=10 by default)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
./mvnw -B -o -q -f booking-service/pom.xml package -DskipTests
./mvnw -B -o -q -f deploy/bench/booking/pom.xml compile
java -Xmx512m -cp "deploy/bench/booking/target/classes:$(cat deploy/bench/booking/target/classpath.txt)" \
  -Dbench.fill="${BENCH_FILL:-1000000}" -Dbench.concurrency="${BENCH_CONCURRENCY:-16}" -Dbench.rounds="${BENCH_ROUNDS:-10}" \
  io.bantam.bench.booking.BookingBenchmark booking-service/target/booking-service-0.1.0-SNAPSHOT-exec.jar
