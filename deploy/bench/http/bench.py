#!/usr/bin/env python3
"""HTTP benchmark of the whole system, started as `./bantam up` does (docs/benchmarks.md, "HTTP: the whole system").

For each JVM flag set (column): start the system (--repeat times, the median start reported), record the time to
ready and the memory (PSS) of every process, create users and data through the gateway, then with wrk, each load
--repeat times and the run of median throughput reported with every run's beside it:
  * authenticated GET /api/tasks?limit=10 (ten rows), direct to task-service and through the gateway;
  * the mixed load: 24 users creating and listing tasks, notes and bookings and reading slots, once warm;
  * each step of the mixed load alone (--steps), to see which costs what;
and for each run the CPU milliseconds per request of every process involved, read from /proc (utime + stime
before and after), so that other load on the machine does not hide what a request costs. Then the PSS again.

Python 3 standard library only; wrk from the distribution (apt-get install -y wrk)."""
import argparse, datetime, json, os, re, shutil, signal, subprocess, sys, time, urllib.error, urllib.request, uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TICK = os.sysconf("SC_CLK_TCK")

# what the images run (Dockerfile ENTRYPOINT) inside the Kubernetes limits (deploy/k8s: 512 MiB, 2 CPUs):
# MaxRAM stands in for the container's memory limit, from which the JVM sizes its heap. It does not stand in for
# the limit when the JVM picks its collector: that choice reads the memory the JVM sees (the container's 512 MiB,
# below the 1,792 MiB of a "server-class machine", hence the serial collector), while MaxRAM leaves it at this
# machine's 24 GB (hence G1). So the collector of a 512 MiB container is named here.
PRODUCTION_FLAGS = ("-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:ActiveProcessorCount=2"
                    " -XX:+UseSerialGC")
RAISED_LIMITS = {
    "BANTAM_GATEWAY_RATELIMITS_WRITES_PERMINUTE": "1000000", "BANTAM_GATEWAY_RATELIMITS_WRITES_BURST": "1000000",
    "BANTAM_GATEWAY_RATELIMITS_AUTH_PERMINUTE": "1000000", "BANTAM_GATEWAY_RATELIMITS_AUTH_BURST": "1000000",
    "BANTAM_GATEWAY_RATELIMITS_CONNECT_PERMINUTE": "1000000", "BANTAM_GATEWAY_RATELIMITS_CONNECT_BURST": "1000000",
}


def log(*args):
    print(*args, flush=True)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# ---------------------------------------------------------------- processes, CPU and memory from /proc

def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except OSError:
        return 0


def children(pid):
    try:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    except OSError:
        return []
    return [int(p) for p in out.split()]


def tree(pid):
    pids = [pid]
    for child in children(pid):
        pids += tree(child)
    return pids


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def processes():
    """name -> pids (PostgreSQL with its backends) of the running system, from .bantam/bantam.pid."""
    result = {}
    with open(os.path.join(ROOT, ".bantam", "bantam.pid")) as f:
        for line in f:
            if "=" not in line or line.startswith("#"):
                continue
            role, value = line.strip().split("=", 1)
            pid = int(value.split("@")[0])
            if role == "launcher":
                continue
            name = role.removeprefix("service.")
            result[name] = tree(pid) if name == "postgres" else [pid]
    return result


def cpu_snapshot():
    return {name: sum(cpu_ticks(p) for p in pids) for name, pids in processes().items()}


def memory():
    return {name: sum(pss_kb(p) for p in pids) // 1024 for name, pids in processes().items()}


# ---------------------------------------------------------------- the system

class System:
    def __init__(self, flags, offset, log_path):
        self.flags, self.offset, self.log_path = flags, offset, log_path
        self.process = self.output = None

    def url(self, port):
        return f"http://localhost:{port + self.offset}"

    def up(self):
        env = dict(os.environ, BANTAM_PORT_OFFSET=str(self.offset), BANTAM_BUILD=os.environ.get("BANTAM_BUILD", "never"),
                   **RAISED_LIMITS)
        if self.flags is not None:
            env["BANTAM_JVM_OPTS"] = self.flags
        os.makedirs(os.path.dirname(self.log_path), exist_ok=True)
        self.output = open(self.log_path, "w")
        self.process = subprocess.Popen([os.path.join(ROOT, "bantam"), "up"], cwd=ROOT, env=env, stdout=self.output,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 1200
        while time.time() < deadline:
            text = open(self.log_path).read()
            found = re.search(r"Bantam is ready at \S+ \(([0-9.]+) s\)", text)
            if found:
                return float(found.group(1))
            if self.process.poll() is not None:
                raise SystemExit("./bantam up ended:\n" + text[-3000:])
            time.sleep(0.5)
        raise SystemExit("not ready within 1200 s")

    def down(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(300)  # a first run writes the archives as it stops
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        if self.output:
            self.output.close()


def call(base, method, path, body=None, token=None, tries=20):
    """One call; a 502/503/504 (a service still warming up behind the gateway) is tried again, 1 s apart."""
    for _ in range(tries - 1):
        status, answer = call_once(base, method, path, body, token)
        if status not in (502, 503, 504):
            return status, answer
        time.sleep(1)
    return call_once(base, method, path, body, token)


def call_once(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    return status, (json.loads(text) if text else None)


def until_created(base, path, body, token):
    deadline = time.time() + 60
    while True:
        status, answer = call(base, "POST", path, body, token)
        if status == 201:
            return answer
        if time.time() > deadline:
            raise SystemExit(f"POST {path}: {status} {answer}")
        time.sleep(0.2)  # the relationship event is on its way to the service


def prepare(gateway, users):
    """`users` freelancers, each with a connected client and availability around the clock (UTC)."""
    tag = uuid.uuid4().hex[:8]
    password = "correct horse battery"

    def signup(role, i):
        status, answer = call(gateway, "POST", "/api/auth/signup", {
            "email": f"bench-{role.lower()}-{i}-{tag}@example.com", "password": password, "name": f"{role} {i}",
            "role": role, "timeZone": "UTC"})
        if status != 201:
            raise SystemExit(f"signup: {status} {answer}")
        return answer

    result = []
    week = [{"day": d, "start": "00:00", "end": "23:45"} for d in
            ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]]
    tomorrow = datetime.datetime.combine(datetime.date.today() + datetime.timedelta(days=1), datetime.time(),
                                         datetime.timezone.utc)
    for i in range(users):
        freelancer, client = signup("FREELANCER", i), signup("CLIENT", i)
        token = freelancer["accessToken"]
        status, answer = call(gateway, "POST", "/api/relationships", {"clientEmail": client["user"]["email"]}, token)
        if status != 201:
            raise SystemExit(f"connect: {status} {answer}")
        status, answer = call(gateway, "PUT", "/api/availability", {"timeZone": "UTC", "weekly": week}, token)
        if status != 200:
            raise SystemExit(f"availability: {status} {answer}")
        result.append({"token": token, "clientId": client["user"]["id"], "freelancerId": freelancer["user"]["id"],
                       "bookingBase": int(tomorrow.timestamp())})
    for user in result:  # every service has heard of the relationship
        until_created(gateway, "/api/tasks", {"title": "Warm", "clientId": user["clientId"]}, user["token"])
        until_created(gateway, "/api/notes", {"clientId": user["clientId"], "text": "Warm"}, user["token"])
        start = datetime.datetime.fromtimestamp(user["bookingBase"] - 3600, datetime.timezone.utc)
        until_created(gateway, "/api/bookings", {"clientId": user["clientId"], "durationMinutes": 15, "title": "Warm",
                                                 "start": start.strftime("%Y-%m-%dT%H:%M:%SZ")}, user["token"])
    return result


# ---------------------------------------------------------------- wrk

def wrk(url, seconds, connections, threads, token=None, script=None, env=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "-s", script or os.path.join(HERE, "report.lua")]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    command.append(url)
    before, load_before, started = cpu_snapshot(), loadavg(), time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, **(env or {})))
    wrk_pid = process.pid
    wrk_ticks = 0
    while process.poll() is None:
        wrk_ticks = max(wrk_ticks, cpu_ticks(wrk_pid))
        time.sleep(0.2)
    out, err = process.communicate()
    after, load_after = cpu_snapshot(), loadavg()
    line = next((l for l in out.splitlines() if l.startswith(("RESULT", "MIXED"))), None)
    if line is None:
        raise SystemExit(f"wrk printed no result:\n{out}\n{err}")
    figures = dict(pair.split("=") for pair in line.split()[1:])
    requests = int(figures["requests"])
    cpu = {name: (after[name] - before.get(name, after[name])) * 1000.0 / TICK / max(requests, 1) for name in after}
    cpu["wrk"] = wrk_ticks * 1000.0 / TICK / max(requests, 1)
    return {
        "url": url, "requests": requests, "rps": requests / float(figures["seconds"]), "errors": int(figures["errors"]),
        "p50": float(figures["p50"]), "p95": float(figures["p95"]), "p99": float(figures["p99"]),
        "cpu_ms_per_request": {k: round(v, 3) for k, v in cpu.items()}, "load": f"{load_before} -> {load_after}",
        "wall": round(time.time() - started, 1), "stderr": err.strip()[-1500:],
    }


# ---------------------------------------------------------------- one column

def column(name, flags, args):
    log(f"\n=== {name}: BANTAM_JVM_OPTS={flags if flags is not None else '(launcher defaults)'}")
    system = System(flags, args.offset, os.path.join(ROOT, ".bantam", f"bench-{name}.log"))
    result = {"name": name, "flags": flags if flags is not None else "launcher defaults"}
    try:
        result["load_at_start"] = loadavg()
        starts = []
        for i in range(args.repeat):  # the last start stays up for the loads below
            if i > 0:
                system.down()
            start = {"ready_seconds": system.up()}
            # CPU seconds each process used until ready: what start-up costs, whatever else runs on the machine
            start["cpu_seconds_at_ready"] = {k: round(v / TICK, 1) for k, v in cpu_snapshot().items()}
            time.sleep(3)  # the launcher's post-start GC
            start["pss_ready_mb"] = memory()
            starts.append(start)
            log(f"start {i + 1}/{args.repeat}: ready after {start['ready_seconds']} s, CPU seconds until ready "
                f"{sum(start['cpu_seconds_at_ready'].values()):.1f} {start['cpu_seconds_at_ready']}, PSS "
                f"{sum(start['pss_ready_mb'].values())} MB {start['pss_ready_mb']}")
        result.update(sorted(starts, key=lambda s: s["ready_seconds"])[(len(starts) - 1) // 2])
        result["ready_seconds_all_starts"] = [s["ready_seconds"] for s in starts]
        gateway, task = system.url(8080), system.url(8084)
        users = prepare(gateway, args.users)
        bench_user = users[0]
        for i in range(9):  # ten rows with the warm-up task
            until_created(gateway, "/api/tasks", {"title": f"Task {i}", "clientId": bench_user["clientId"]},
                          bench_user["token"])
        status, page = call(task, "GET", "/api/tasks?limit=10", token=bench_user["token"])
        assert status == 200 and len(page["items"]) == 10, (status, page)
        path = "/api/tasks?limit=10"
        for target, base in (("direct", task), ("gateway", gateway)):
            log(f"warm-up {target} {args.warmup} s ...")
            wrk(base + path, args.warmup, args.connections, 2, bench_user["token"])
        runs = {"direct": [], "gateway": []}
        for i in range(args.repeat):  # alternated, so that a change in the machine's load falls on both alike
            for target, base in (("direct", task), ("gateway", gateway)):
                run = wrk(base + path, args.duration, args.connections, 2, bench_user["token"])
                runs[target].append(run)
                log(f"{target} {i + 1}/{args.repeat}: {summary(run)}")
        for target in runs:
            result[target] = median_run(runs[target])
        users_file = os.path.join(ROOT, ".bantam", "bench-users.lua")
        with open(users_file, "w") as f:
            f.write("return {\n" + ",\n".join(
                f'{{token="{u["token"]}",clientId="{u["clientId"]}",freelancerId="{u["freelancerId"]}",'
                f'bookingBase={u["bookingBase"]}}}' for u in users) + "\n}\n")
        today = datetime.date.today()
        env = {"BANTAM_BENCH_USERS": users_file, "BANTAM_BENCH_THREADS": "2",
               "BANTAM_BENCH_SLOTS_FROM": (today + datetime.timedelta(days=20)).isoformat(),
               "BANTAM_BENCH_SLOTS_TO": (today + datetime.timedelta(days=26)).isoformat()}
        if args.mixed <= 0:
            result["pss_after_mb"] = memory()
            return result
        if args.mixed_warmup > 0:
            result["mixed_warmup"] = warm_up_mixed(gateway, args.mixed_warmup, args.users, env)
        mixed = []
        for i in range(args.repeat):
            log(f"mixed load {i + 1}/{args.repeat}: {args.users} users, {args.mixed} s ...")
            # each run books in a range of its own (quarter-hours ahead), beyond the warm-up's and the steps'
            run = wrk(gateway, args.mixed, args.users, 2, script=os.path.join(HERE, "mixed.lua"),
                      env=dict(env, BANTAM_BENCH_BOOKING_SKIP=str(150000 + 3000 * i)))
            mixed.append(run)
            log(f"mixed {i + 1}/{args.repeat}: {summary(run)}")
            if run["stderr"]:
                log(run["stderr"])
        result["mixed"] = median_run(mixed)
        if args.steps > 0:
            result["steps"] = steps(gateway, args.steps, args.users, env)
        time.sleep(2)
        result["pss_after_mb"] = memory()
        log(f"PSS after the mixed load {sum(result['pss_after_mb'].values())} MB {result['pss_after_mb']}")
    finally:
        system.down()
    return result


def summary(run):
    """One wrk run in a line of the log."""
    return (f"{run['rps']:.0f} req/s p50 {run['p50']} p95 {run['p95']} p99 {run['p99']} ms, errors {run['errors']}, "
            f"CPU ms/req {run['cpu_ms_per_request']}, load {run['load']}")


def median_run(runs):
    """
    The run of median throughput among `runs` (all its figures from that one run, so that they belong together),
    with every run's throughput, errors and p95 beside it under "repeats": on this 2-core machine, with eight JVMs
    and wrk on the same cores, one run's figures vary by ±25 % from the next (docs/benchmarks.md, session 21), and
    the spread says how far a difference between two columns or two commits can be trusted.
    """
    chosen = dict(sorted(runs, key=lambda r: r["rps"])[(len(runs) - 1) // 2])
    chosen["repeats"] = [{"rps": round(r["rps"], 1), "errors": r["errors"], "p95": r["p95"], "load": r["load"]}
                         for r in runs]
    chosen["errors_all_runs"] = sum(r["errors"] for r in runs)
    return chosen


def warm_up_mixed(gateway, budget, users, env, window=10, least=90):
    """
    The mixed load in windows of `window` seconds until the system is warm: at least `least` seconds, then until three
    windows in a row are within 10 % of each other's throughput, or `budget` seconds. booking-, notes- and
    task-service's write paths are cold until now (the GET runs only warmed task-service's list), and C2 compiles
    them while they run, for minutes: a fixed 20 s left the measured minute at a third of the steady throughput, and
    two windows alike came as early as 50 s, on a plateau before the next compilations (docs/benchmarks.md,
    session 20). Returns the windows' req/s.
    """
    windows, spent = [], 0
    while spent < budget:
        skip = 3000 * (len(windows) + 1)  # quarter-hours ahead of the measured run's bookings, and of each other's
        run = wrk(gateway, window, users, 2, script=os.path.join(HERE, "mixed.lua"),
                  env=dict(env, BANTAM_BENCH_BOOKING_SKIP=str(skip)))
        windows.append(round(run["rps"]))
        spent += window
        log(f"warm-up mixed, {spent} s: {run['rps']:.0f} req/s")
        last = windows[-3:]
        if spent >= least and len(last) == 3 and max(last) - min(last) <= 0.1 * min(last):
            break
    return windows


STEPS = ("GET tasks", "POST task", "GET notes", "POST note", "GET bookings", "POST booking", "GET slots")


def steps(gateway, seconds, users, env):
    """Each step of the mixed load alone, `seconds` each, warm: what each costs, per process."""
    result = {}
    for i, step in enumerate(STEPS):
        run = wrk(gateway, seconds, users, 2, script=os.path.join(HERE, "mixed.lua"),
                  env=dict(env, BANTAM_BENCH_ONLY=step, BANTAM_BENCH_BOOKING_SKIP=str(100000 + 3000 * i)))
        result[step] = run
        cpu = {k: v for k, v in run["cpu_ms_per_request"].items() if v >= 0.05}
        log(f"{step:13s} {run['rps']:6.0f} req/s, p95 {run['p95']} ms, errors {run['errors']}, "
            f"CPU ms/req {sum(cpu.values()):.2f} {cpu}, load {run['load']}")
    return result


def table(results):
    rows = [("ready (s), median start (every start)", lambda r: f"{r['ready_seconds']:.1f} ("
             + ", ".join(f"{x:.1f}" for x in r.get("ready_seconds_all_starts", [])) + ")"),
            ("CPU s until ready, all processes", lambda r: f"{sum(r['cpu_seconds_at_ready'].values()):.1f}"),
            ("PSS ready / after mixed (MB)",
             lambda r: f"{sum(r['pss_ready_mb'].values())} / {sum(r['pss_after_mb'].values())}")]
    for target in [t for t in ("direct", "gateway", "mixed") if all(t in r for r in results)]:
        rows += [
            (f"{target}: req/s, median run (every run)",
             lambda r, t=target: f"{r[t]['rps']:.0f} (" + ", ".join(f"{x['rps']:.0f}" for x in r[t].get("repeats", [])) + ")"),
            (f"{target}: p50 / p95 / p99 (ms)", lambda r, t=target: f"{r[t]['p50']} / {r[t]['p95']} / {r[t]['p99']}"),
            (f"{target}: errors, all runs", lambda r, t=target: str(r[t].get("errors_all_runs", r[t]["errors"]))),
            (f"{target}: load average", lambda r, t=target: r[t]["load"]),
        ]
        for proc in ("task", "gateway", "identity", "notes", "booking", "postgres", "kafka", "wrk"):
            rows.append((f"{target}: CPU ms/req {proc}", lambda r, t=target, p=proc: f"{r[t]['cpu_ms_per_request'].get(p, 0):.3f}"))
    if all("steps" in r for r in results):
        for step in STEPS:
            rows.append((f"alone: {step}: req/s, CPU ms/req all processes (gateway + service)",
                         lambda r, s=step: f"{r['steps'][s]['rps']:.0f}, {sum(r['steps'][s]['cpu_ms_per_request'].values()):.2f} "
                                           f"({r['steps'][s]['cpu_ms_per_request'].get('gateway', 0):.2f} + "
                                           f"{max(v for k, v in r['steps'][s]['cpu_ms_per_request'].items() if k in ('task', 'notes', 'booking')):.2f})"))
    if all("mixed" in r for r in results):
        rows.append(("mixed: warm-up windows, req/s", lambda r: " → ".join(map(str, r.get("mixed_warmup", [])))))
    lines = ["| figure | " + " | ".join(r["name"] for r in results) + " |", "|---" * (len(results) + 1) + "|"]
    for label, get in rows:
        lines.append(f"| {label} | " + " | ".join(get(r) for r in results) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--columns", default="production,local",
                        help="production (the images' flags), local (./bantam up's own defaults), or both")
    parser.add_argument("--offset", type=int, default=int(os.environ.get("BANTAM_PORT_OFFSET", "0")))
    parser.add_argument("--duration", type=int, default=30, help="seconds of each GET run")
    parser.add_argument("--warmup", type=int, default=20, help="seconds of warm-up before the GET runs")
    parser.add_argument("--mixed", type=int, default=60, help="seconds of the mixed load (0: none)")
    parser.add_argument("--mixed-warmup", type=int, default=240,
                        help="at most this many seconds of mixed load before the measured one: 10 s windows, at least"
                             " 90 s, until three in a row are within 10 %% of each other")
    parser.add_argument("--steps", type=int, default=15,
                        help="seconds of each step of the mixed load alone, after it (0: none)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each measured load (direct and gateway alternated, then the mixed load); the"
                             " median run is reported, every run's throughput beside it")
    parser.add_argument("--users", type=int, default=24)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--out", default=os.path.join(ROOT, ".bantam", "bench-http.json"))
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat: at least 1")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: sudo apt-get install -y wrk")
    flags = {"production": PRODUCTION_FLAGS, "local": os.environ.get("BANTAM_JVM_OPTS")}
    results = [column(name, flags[name], args) for name in args.columns.split(",")]
    with open(args.out, "w") as f:
        json.dump(results, f, indent=2)
    log("\n" + table(results))
    log(f"\n(all figures also in {os.path.relpath(args.out, ROOT)})")


if __name__ == "__main__":
    main()
