"""Issue 5's web figures: requests/s and p50/p99 latency of the dashboard page and one API list at
50 and 200 concurrent connections (wrk on loopback), with the demo grown to 10,000 irritants,
beside /healthz of the same server as the hello-world yardstick; and the server's peak memory.

Usage: python3 scripts/lib/web_bench.py PATH_TO_RELEASE_PARLEY [IRRITANTS]"""

import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "web-bench-password"


def start(binary):
    workdir = tempfile.mkdtemp(prefix="parley-web-bench-")
    env = dict(os.environ, PARLEY_DEMO_PASSWORD=PASSWORD)
    env.pop("PARLEY_DATABASE_URL", None)
    process = subprocess.Popen(
        [binary, "serve", "--demo", "--port", "0", "--database", os.path.join(workdir, "bench.sqlite")],
        cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    printed = b""
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("the server printed no address: " + printed.decode(errors="replace"))
        printed += line
        match = re.search(rb"listening on http://127\.0\.0\.1:(\d+)", printed)
        if match:
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process, int(match.group(1))


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    headers = dict(response.getheaders())
    # Several Set-Cookie headers may come at once; keep them all.
    headers["Set-Cookie"] = response.msg.get_all("Set-Cookie") or []
    return response.status, headers, data


def token(port, username):
    status, _, data = request(port, "POST", "/api/v1/auth/token",
                              json.dumps({"username": username, "password": PASSWORD}),
                              {"Content-Type": "application/json"})
    assert status in (200, 201), data
    return json.loads(data)["token"]


def session_cookie(port, username):
    status, headers, data = request(port, "GET", "/sign-in")
    cookie = "; ".join(c.split(";")[0] for c in headers["Set-Cookie"])
    csrf = re.search(rb'name="csrf" value="([^"]+)"', data).group(1).decode()
    form = urllib.parse.urlencode({"csrf": csrf, "username": username, "password": PASSWORD})
    status, headers, _ = request(port, "POST", "/sign-in", form,
                                 {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    assert status == 303, status
    session = [c.split(";")[0] for c in headers["Set-Cookie"] if "session" in c.split("=")[0]]
    assert session, headers["Set-Cookie"]
    return session[0]


def grow(port, bearer, mechanism, count):
    """Raises irritants through the API from 8 threads until the mechanism holds `count`."""
    headers = {"Authorization": "Bearer " + bearer, "Content-Type": "application/json"}
    def work(n):
        for i in range(n):
            body = json.dumps({"title": f"Bench irritant {threading.get_ident()}-{i}",
                               "description": "Raised by scripts/bench to grow the demo."})
            status, _, data = request(port, "POST", f"/api/v1/mechanisms/{mechanism}/irritants", body, headers)
            assert status == 201, (status, data)
    threads = [threading.Thread(target=work, args=(count // 8 + (1 if t < count % 8 else 0),)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def wrk(port, path, connections, header):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", "-d10s", "--latency", "-H", header, f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)\b", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, percentile(50), percentile(99), int(errors.group(1)) if errors else 0


ROUNDS = int(os.environ.get("PARLEY_BENCH_ROUNDS", "3"))


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def median_and_all(ratios):
    return f"{median(ratios):.2f} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return -1


def main():
    binary = os.path.abspath(sys.argv[1])
    irritants = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    process, port = start(binary)
    try:
        bearer = token(port, "us-negotiator")
        _, _, data = request(port, "GET", "/api/v1/mechanisms", headers={"Authorization": "Bearer " + bearer})
        mechanism = next(m["id"] for m in json.loads(data)["mechanisms"] if m["title"].startswith("US"))
        started = time.monotonic()
        grow(port, bearer, mechanism, irritants)
        print(f"  {'demo grown by API (8 clients)':62} {irritants} irritants in {time.monotonic() - started:.1f} s")
        cookie = session_cookie(port, "us-negotiator")
        # Measure the page itself, not a redirect to the sign-in form.
        status, _, _ = request(port, "GET", f"/mechanisms/{mechanism}", headers={"Cookie": cookie})
        assert status == 200, f"the dashboard answered {status} to the bench's session"
        targets = [
            ("dashboard page", f"/mechanisms/{mechanism}", "Cookie: " + cookie),
            ("API irritant list", f"/api/v1/mechanisms/{mechanism}/irritants", "Authorization: Bearer " + bearer),
            ("hello world (/healthz, yardstick)", "/healthz", "X-Bench: 1"),
        ]
        # wrk shares the machine's cores with the server, and the yardstick's own rate swings
        # between runs: each round measures every target back to back, and the medians of the
        # rounds are reported with each round's ratio to the yardstick.
        for connections in (50, 200):
            rounds = [[wrk(port, path, connections, header) for _, path, header in targets]
                      for _ in range(ROUNDS)]
            hello = [r[-1][0] for r in rounds]
            for t, (label, _, _) in enumerate(targets):
                rps = median([r[t][0] for r in rounds])
                p50 = median([r[t][1] for r in rounds])
                p99 = median([r[t][2] for r in rounds])
                worst = max(r[t][2] for r in rounds)
                errors = sum(r[t][3] for r in rounds)
                note = f", {errors} non-2xx" if errors else ""
                ratios = "" if t == len(targets) - 1 else (
                    ", hello÷this " + median_and_all([h / r[t][0] for h, r in zip(hello, rounds)]))
                print(f"  {label + f' at {connections} connections':62} "
                      f"{rps:,.0f} req/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms (worst round {worst:.2f}){ratios}{note}")
        print(f"  {'server peak memory (VmHWM)':62} {peak_memory_mb(process.pid)} MB")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
