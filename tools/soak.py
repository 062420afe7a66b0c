#!/usr/bin/env python3
"""Soak: one moim-server, the load generator run against it again and again, the server's
resident memory (VmRSS) and open file descriptors sampled all along.

A leak shows as numbers that climb from cycle to cycle: a session that never ends keeps its
socket (one fd each) and its memory. CI runs a short smoke with --check (a few cycles of some
seconds; fails if fds do not come back to the baseline after every cycle or RSS keeps growing);
by hand, e.g. 500 bots for half an hour:

  nice tools/soak.py --server-bin build/release/server/moim-server \\
      --loadgen-bin build/release/bench/loadgen/moim-loadgen --maps maps \\
      --bots 500 --duration 300 --cycles 6 --sample 60
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def wait_healthy(port, server, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--server-bin", required=True)
    p.add_argument("--loadgen-bin", required=True)
    p.add_argument("--maps", required=True)
    p.add_argument("--scenario", default="crowded-room")
    p.add_argument("--bots", type=int, default=100)
    p.add_argument("--duration", type=float, default=5, help="seconds of load per cycle")
    p.add_argument("--cycles", type=int, default=3)
    p.add_argument("--sample", type=float, default=2, help="seconds between samples")
    p.add_argument("--check", action="store_true", help="exit 1 if fds or RSS do not stay flat")
    a = p.parse_args()

    data = tempfile.mkdtemp(prefix="moim-soak-")
    port = free_port()
    server = subprocess.Popen(
        [a.server_bin, "--dev", "--bind", "127.0.0.1", "--port", str(port), "--data-dir", data,
         "--maps", a.maps, "--room-capacity", str(a.bots + 100), "--log-level", "warn"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples = []  # (seconds since start, label, rss MiB, fds)
    start = time.time()

    def sample(label):
        samples.append((time.time() - start, label, rss_mib(server.pid), fds(server.pid)))
        t, l, r, f = samples[-1]
        print(f"{t:8.1f}s  {l:<14} RSS {r:7.1f} MiB  fds {f:5d}", flush=True)

    try:
        if not wait_healthy(port, server):
            print("soak: the server did not start", file=sys.stderr)
            return 1
        sample("baseline")
        after = []
        for cycle in range(1, a.cycles + 1):
            done = threading.Event()

            def sampler():
                while not done.wait(a.sample):
                    sample(f"cycle {cycle} load")

            thread = threading.Thread(target=sampler)
            thread.start()
            run = subprocess.run(
                [a.loadgen_bin, "--server-pid", str(server.pid), "--port", str(port),
                 "--maps", a.maps, "--scenario", a.scenario, "--bots", str(a.bots),
                 "--warmup", "2", "--duration", str(a.duration), "--probes", "2",
                 "--max-run", str(max(60.0, a.duration * 3 + 60))],
                capture_output=True, text=True)
            done.set()
            thread.join()
            if run.returncode != 0:
                print(run.stdout + run.stderr, file=sys.stderr)
                print(f"soak: the load generator failed in cycle {cycle}", file=sys.stderr)
                return 1
            lines = run.stdout.strip().splitlines()
            if lines:
                print("    loadgen: " + lines[-1], flush=True)
            time.sleep(1.5)  # closes and resume grace bookkeeping settle
            sample(f"cycle {cycle} after")
            after.append(samples[-1])
        if server.poll() is not None:
            print("soak: the server died", file=sys.stderr)
            return 1

        base_fds = samples[0][3]
        first_rss = after[0][2]
        last_rss = after[-1][2]
        peak = max(s[2] for s in samples)
        print(f"soak: {a.cycles} cycles of {a.bots} bots x {a.duration:.0f} s ({a.scenario}); "
              f"fds baseline {base_fds}, after each cycle {[s[3] for s in after]}; RSS after "
              f"the first cycle {first_rss:.1f} MiB, after the last {last_rss:.1f} MiB, "
              f"peak {peak:.1f} MiB")
        if a.check:
            # Every connection ended: the fds are back to where they were before any bot came.
            leaked = [s for s in after if s[3] > base_fds + 2]
            if leaked:
                print(f"soak: file descriptors left open after a cycle: {leaked}", file=sys.stderr)
                return 1
            # The first cycle grows the allocator's pools; later ones reuse them.
            if last_rss > first_rss * 1.25 + 16:
                print("soak: RSS kept growing from cycle to cycle", file=sys.stderr)
                return 1
        return 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
