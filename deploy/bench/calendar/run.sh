#!/usr/bin/env bash
# The calendar feed benchmark: booking-service's CalendarFeedBenchmark (a user with 2,000 bookings in range, the
# feed fetched over HTTP one request at a time), on the embedded PostgreSQL and Kafka of platform/testing.
# Prints a Markdown table, also written to booking-service/target/calendar-bench.md; see README.md.
# Usage: deploy/bench/calendar/run.sh   (BENCH_RUNS=1000 BENCH_WARMUP=300 BENCH_BOOKINGS=2000 by default)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
./mvnw -B -o -q -pl booking-service -am verify -DskipTests=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CalendarFeedBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.runs=${BENCH_RUNS:-1000} -Dbench.warmup=${BENCH_WARMUP:-300} -Dbench.bookings=${BENCH_BOOKINGS:-2000}"
cat booking-service/target/calendar-bench.md
