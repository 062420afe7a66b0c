#!/usr/bin/env python3
"""Mouth-to-ear latency of proximity voice on loopback, run by hand (not a test).

Starts a moim-server and two headless moim-clients on SDL's disk audio driver. A's microphone is
a raw file: silence while both join and walk, then clicks every half second; A stands 2 tiles to
the right of B and holds push-to-talk. B's loudspeaker is a raw file. Each client writes its audio
devices' clocks (MOIM_VOICE_CLOCK: first and last callback time, samples passed) so a sample
index in either file maps to the machine's monotonic clock; a click's latency is the time its
onset reaches B's loudspeaker minus the time it entered A's microphone.

Then time to first audio: B stands 7 tiles from A (out of reach) while A talks without pause,
and walks to 2 tiles; the figure is from the start of the step that brings B within reach (its
walk's start from MOIM_SCRIPT_TRACE plus two steps of 125 ms) to the first audible sample in B's
output.

    python3 bench/voice_latency.py --build build/release [--clicks 40] [--out docs/bench/voice.md]
"""
import argparse
import array
import bisect
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RATE = 48000


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def click(n=RATE // 50, fade=RATE // 500):
    out = []
    for i in range(n):
        env = min(1.0, i / fade, (n - i) / fade)
        out.append(int(16000 * env * math.sin(2 * math.pi * 1000 * i / RATE)))
    return out


def buzz(seconds, amplitude=0.3):
    """Speech-like sound without pauses: harmonics of a pitch gliding between 110 and 220 Hz."""
    out = []
    phase = 0.0
    for i in range(int(seconds * RATE)):
        t = i / RATE
        phase += 2 * math.pi * (165 + 55 * math.sin(2 * math.pi * 0.7 * t)) / RATE
        v = sum(math.sin(h * phase) / h for h in range(1, 8))
        out.append(int(max(-1.0, min(1.0, amplitude * 0.6 * v)) * 32767))
    return out


def write_raw(path, samples):
    array.array("h", samples).tofile(open(path, "wb"))


def read_raw(path):
    a = array.array("h")
    data = Path(path).read_bytes()
    a.frombytes(data[: len(data) // 2 * 2])
    return a


def onsets(samples, channels, threshold, gap_s=0.2):
    """Sample indices (per channel) where |x| first exceeds threshold after gap_s of quiet."""
    out = []
    last = -10 * RATE
    gap = int(gap_s * RATE)
    for i in range(0, len(samples), channels):
        v = max(abs(samples[i + c]) for c in range(channels))
        if v > threshold:
            n = i // channels
            if n - last > gap:
                out.append(n)
            last = n
    return out


class Clock:
    """Maps a device's sample index to monotonic ns: the time of the callback that moved it.

    Each client writes every audio callback's time and running sample count (MOIM_VOICE_CLOCK);
    SDL's disk driver reads the microphone file and writes the loudspeaker file in the callback's
    turn, so that time is when the sample entered or left the machine."""

    def __init__(self, marks):
        self.ns = [m[0] for m in marks]
        self.samples = [m[1] for m in marks]

    def at(self, n):
        i = bisect.bisect_left(self.samples, n)
        return self.ns[min(i, len(self.ns) - 1)]


def clocks(path):
    marks = {}
    for line in Path(path).read_text().splitlines():
        f = line.split()
        if f[0] == "mark":
            marks.setdefault(f[1], []).append((int(f[2]), int(f[3])))
    return {k: Clock(v) for k, v in marks.items()}


def start_server(build, port, data):
    server = subprocess.Popen(
        [str(build / "server/moim-server"), "--port", str(port), "--dev", "--data-dir", str(data),
         "--maps", str(ROOT / "maps")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=0.5)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("the server did not start")


def client(build, port, name, script, mic, out, clock, trace=None):
    env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILEIN=str(mic),
               SDL_DISKAUDIOFILE=str(out), MOIM_VOICE_CLOCK=str(clock))
    if trace:
        env["MOIM_SCRIPT_TRACE"] = "1"
    return subprocess.Popen(
        [str(build / "client/app/moim-client"), "--headless", "--server", f"ws://127.0.0.1:{port}",
         "--name", name, "--room", "lobby", "--frames", "5", "--script", *script],
        env=env, stdout=subprocess.DEVNULL, stderr=open(trace or os.devnull, "w"))


def row():
    """Open floor in the lobby: x of B, A = B + 2, far = B + 7, on one row."""
    return (24, 24)


def latency_run(build, port, tmp, clicks):
    bx, y = row()
    lead = 5.0  # joining and walking; a headless run ends after 20 s, so keep it all shorter
    mic = [0] * int(lead * RATE)
    for _ in range(clicks):
        mic += click() + [0] * (RATE // 2 - RATE // 50)
    mic += [0] * RATE
    write_raw(tmp / "a-in.raw", mic)
    seconds = len(mic) / RATE
    a = client(build, port, "Alice", [f"goto:{bx + 2},{y}", "talk:on", f"wait:{seconds - 2:.0f}"],
               tmp / "a-in.raw", tmp / "a-out.raw", tmp / "a.clock")
    b = client(build, port, "Bob", [f"goto:{bx},{y}", f"wait:{seconds - 1:.0f}"],
               tmp / "none.raw", tmp / "b-out.raw", tmp / "b.clock")
    a.wait()
    b.wait()
    ca = clocks(tmp / "a.clock")["capture"]
    cb = clocks(tmp / "b.clock")["play"]
    sent = onsets(mic, 1, 4000)
    heard = onsets(read_raw(tmp / "b-out.raw"), 2, 1500)
    lat = []
    for s in sent:
        t0 = ca.at(s)
        later = [cb.at(q) - t0 for q in heard if 0 < cb.at(q) - t0 < 400e6]
        if later:
            lat.append(min(later) / 1e6)
    return lat, len(sent)


def first_audio_run(build, port, tmp):
    bx, y = row()
    mic = [0] * int(5 * RATE) + buzz(8.0)  # A talks without a pause from 5 s on
    write_raw(tmp / "a2-in.raw", mic)
    seconds = len(mic) / RATE
    a = client(build, port, "Alice", [f"goto:{bx + 2},{y}", "talk:on", f"wait:{seconds - 2:.0f}"],
               tmp / "a2-in.raw", tmp / "a2-out.raw", tmp / "a2.clock")
    b = client(build, port, "Bob", [f"goto:{bx - 5},{y}", "wait:5", f"goto:{bx},{y}", "wait:2"],
               tmp / "none.raw", tmp / "b2-out.raw", tmp / "b2.clock", trace=tmp / "b2.trace")
    a.wait()
    b.wait()
    cb = clocks(tmp / "b2.clock")["play"]
    steps = [l.split() for l in Path(tmp / "b2.trace").read_text().splitlines()
             if l.startswith("script ")]
    goto = [int(s[2]) for s in steps if s[1].startswith("goto:") and s[1] != f"goto:{bx - 5},{y}"]
    if not goto:
        return None
    heard = [cb.at(q) for q in onsets(read_raw(tmp / "b2-out.raw"), 2, 500)]
    # The step that brings B within reach (7 -> 4 tiles: the third) starts two steps, 250 ms at
    # 8 tiles a second, after the walk does.
    entered = goto[0] + 2 * 125e6
    after = [t - entered for t in heard if t > goto[0]]
    return min(after) / 1e6 if after else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build/release")
    ap.add_argument("--clicks", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3, help="time-to-first-audio repetitions")
    ap.add_argument("--out", default=None, help="write the markdown section here")
    args = ap.parse_args()
    build = (ROOT / args.build).resolve()
    port = free_port()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        server = start_server(build, port, tmp / "data")
        try:
            lat, sent = latency_run(build, port, tmp, args.clicks)
            firsts = [first_audio_run(build, port, tmp) for _ in range(args.runs)]
        finally:
            server.terminate()
            server.wait()
    if not lat:
        sys.exit(f"no click arrived ({sent} sent)")
    lat.sort()
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
    load = open("/proc/loadavg").read().split()[:3]
    result = {"clicks_sent": sent, "clicks_heard": len(lat), "p50_ms": p(0.5), "p95_ms": p(0.95),
              "max_ms": lat[-1], "first_audio_ms": firsts, "load": load}
    print(json.dumps(result, indent=1))
    if args.out:
        fa = [f for f in firsts if f is not None]
        md = [
            "## voice (client, run by hand)", "",
            "`python3 bench/voice_latency.py --build " + args.build + "`: a moim-server and two "
            "headless clients on SDL's disk audio driver over loopback; A (push-to-talk held) "
            "stands 2 tiles right of B. Mouth-to-ear is a click's onset in A's microphone file to "
            "its onset in B's loudspeaker file, both mapped to the monotonic clock by the "
            "time of the audio callback that moved each sample. Time to first audio: B walks from 7 to 2 tiles from A, "
            "who talks without pause; from the start of the step that brings B within reach (the "
            "third, 250 ms into the walk) to the first audible sample at B.", "",
            "| measure | goal | p50 | p95 | max | n |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
            f"| mouth-to-ear, loopback | p95 ≤ 100 ms | {p(0.5):.1f} ms | {p(0.95):.1f} ms | "
            f"{lat[-1]:.1f} ms | {len(lat)}/{sent} clicks |",
        ]
        if fa:
            fa.sort()
            md.append(f"| first audio after stepping into range | p95 ≤ 150 ms | "
                      f"{statistics.median(fa):.0f} ms | {fa[-1]:.0f} ms (worst) | {fa[-1]:.0f} ms "
                      f"| {len(fa)} runs |")
        md += ["", f"Load average at the end: {' '.join(load)}.", ""]
        Path(args.out).write_text("\n".join(md))


if __name__ == "__main__":
    main()
