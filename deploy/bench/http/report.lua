-- Prints wrk's figures on one line for deploy/bench/http/bench.py.
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.2f errors=%d p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
