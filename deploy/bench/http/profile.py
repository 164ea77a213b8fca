#!/usr/bin/env python3
"""Profiles a running system (./bantam up, any BANTAM_PORT_OFFSET) under the GET load of bench.py with JFR:

    python3 deploy/bench/http/profile.py [--offset N] [--seconds 30] [--target direct|gateway]

Starts a JFR recording in task-service and the gateway (jcmd), drives wrk, dumps the recordings to .bantam/ and
prints the hottest frames (top of stack, and any frame on the stack) of each."""
import argparse, collections, os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def hot(jfr, top=25):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", jfr],
                          capture_output=True, text=True).stdout
    leaf, inclusive, samples = collections.Counter(), collections.Counter(), 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = [line.strip().split("(")[0] for line in event.splitlines() if "line:" in line]
        if not frames:
            continue
        samples += 1
        leaf[frames[0]] += 1
        for frame in set(frames):
            inclusive[frame] += 1
    print(f"\n{jfr}: {samples} samples\n-- top of stack")
    for frame, n in leaf.most_common(top):
        print(f"{100.0 * n / samples:5.1f}%  {frame}")
    print("-- on the stack (inclusive)")
    for frame, n in inclusive.most_common(top * 3):
        print(f"{100.0 * n / samples:5.1f}%  {frame}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--offset", type=int, default=int(os.environ.get("BANTAM_PORT_OFFSET", "0")))
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--target", default="gateway")
    args = parser.parse_args()
    system = bench.System(None, args.offset, "/dev/null")
    gateway, task = system.url(8080), system.url(8084)
    user = bench.prepare(gateway, 1)[0]
    for i in range(9):
        bench.until_created(gateway, "/api/tasks", {"title": f"Task {i}", "clientId": user["clientId"]}, user["token"])
    url = (task if args.target == "direct" else gateway) + "/api/tasks?limit=10"
    bench.wrk(url, 20, 16, 2, user["token"])  # warm-up
    pids = {name: pids[0] for name, pids in bench.processes().items() if name in ("task", "gateway")}
    for name, pid in pids.items():
        subprocess.run(["jcmd", str(pid), "JFR.start", "name=bench", "settings=profile"], capture_output=True)
    run = bench.wrk(url, args.seconds, 16, 2, user["token"])
    print(f"{run['rps']:.0f} req/s, CPU ms/req {run['cpu_ms_per_request']}, load {run['load']}")
    for name, pid in pids.items():
        out = os.path.join(bench.ROOT, ".bantam", f"profile-{name}.jfr")
        subprocess.run(["jcmd", str(pid), "JFR.stop", "name=bench", f"filename={out}"], capture_output=True)
        hot(out)


if __name__ == "__main__":
    main()
