#!/usr/bin/env python3
"""Sweep moim-loadgen over N for every scenario and write docs/benchmarks.md.

Each run starts a fresh moim-server (a new data directory, --dev, a free loopback port) through
moim-loadgen --server-bin, so runs do not affect each other. Results go to
docs/bench/results.csv; the plots (gnuplot, PNG) to docs/bench/*.png; the tables and the machine
it ran on to docs/benchmarks.md.

    bench/run.py                 # the full sweep (about 15 minutes)
    bench/run.py --quick         # a few small points, to try the pipeline
    bench/run.py --only crowded-room --only idle
"""
import argparse
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (scenario, bots, extra loadgen arguments). The goal points are in every sweep.
FULL = {
    "crowded-room": [(n, []) for n in (500, 1000, 1500, 2000, 2500, 3000)],
    "big-map": [(n, []) for n in (1000, 2000, 3000)],
    "idle": [(n, ["--sources", "4", "--concurrency", "500"]) for n in (5000, 10000, 19000)],
    "join-storm": [(2000, ["--join-rate", str(r), "--concurrency", "2000"])
                   for r in (1000, 2000, 3000)]
                  + [(4000, ["--concurrency", "200"])],
}
QUICK = {
    "crowded-room": [(n, []) for n in (100, 300)],
    "big-map": [(n, []) for n in (300,)],
    "idle": [(n, ["--sources", "2"]) for n in (1000,)],
    "join-storm": [(500, ["--join-rate", "1000", "--concurrency", "500"])],
}
COMMON = ["--duration", "8", "--warmup", "2"]


def sh(*args):
    return subprocess.run(args, capture_output=True, text=True).stdout.strip()


def machine():
    lscpu = {}
    for line in sh("lscpu").splitlines():
        key, _, value = line.partition(":")
        lscpu[key.strip()] = value.strip()
    mem = sh("sh", "-c", "free -g | awk '/Mem:/ {print $2}'")
    return {
        "cpu": lscpu.get("Model name", "?"),
        "cpus": lscpu.get("CPU(s)", "?"),
        "memory_gib": mem,
        "kernel": sh("uname", "-r"),
        "commit": sh("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load_before": open("/proc/loadavg").read().split()[:3],
    }


def run_point(loadgen, server, scenario, bots, extra, csv_path, log):
    args = [str(loadgen), "--server-bin", str(server), "--scenario", scenario, "--bots", str(bots),
            "--csv", str(csv_path)] + COMMON + extra
    print("==>", " ".join(args[3:]), flush=True)
    done = subprocess.run(args, capture_output=True, text=True)
    log.write(f"$ {' '.join(args)}\n{done.stderr}{done.stdout}\n")
    print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr, flush=True)


def rows(csv_path):
    if not csv_path.exists():
        return []
    with open(csv_path) as f:
        return list(csv.DictReader(f))


def num(row, key):
    try:
        return float(row[key])
    except (KeyError, TypeError, ValueError):
        return None


def flush_text(r, key="flush_p99_ms"):
    """A flush p99 bucket bound (wall clock, or CPU with key="flush_cpu_p99_ms"); the
    histogram's last bucket is everything over 100 ms."""
    v = num(r, key)
    return "-" if v is None else ("> 100" if v > 1e6 else f"{v:g}")


def fmt(v, digits=1):
    return "-" if v is None or v == float("inf") else f"{v:,.{digits}f}"


def seen(r, key):
    """A move→seen latency cell; '-' when no probe saw a move in the window."""
    return fmt(num(r, key)) if num(r, "seen_samples") else "-"


def plot(out_dir, name, title, xlabel, ylabel, series, logy=False):
    """series: [(label, [(x, y), ...])] -> docs/bench/<name>.png"""
    if not shutil.which("gnuplot") or not any(points for _, points in series):
        return None
    data = out_dir / f"{name}.dat"
    with open(data, "w") as f:
        for label, points in series:
            f.write(f"# {label}\n")
            for x, y in points:
                f.write(f"{x} {y}\n")
            f.write("\n\n")
    plots = ", ".join(
        f"'{data}' index {i} with linespoints lw 2 pt 7 title '{label}'"
        for i, (label, _) in enumerate(series))
    script = f"""
set terminal pngcairo size 760,420 font 'sans,10'
set output '{out_dir / (name + '.png')}'
set title '{title}'
set xlabel '{xlabel}'
set ylabel '{ylabel}'
set grid
set key top left
{'set logscale y' if logy else ''}
plot {plots}
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=False)
    data.unlink()
    return f"bench/{name}.png"


def table(headers, body):
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" ---: " for _ in headers) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


def moving_table(points):
    """The table of a scenario whose bots walk (crowded-room, big-map)."""
    return table(["bots", "moves/s in", "frames/s out", "p50 ms", "p99 ms", "max ms",
                  "server CPU %", "loadgen CPU %", "RSS MiB", "bytes/bot/s", "flush p99 ≤ ms",
                  "flush CPU p99 ≤ ms", "disconnects", "load"],
                 [[r["bots"], fmt(num(r, "moves_in_s"), 0), fmt(num(r, "frames_out_s"), 0),
                   seen(r, "seen_p50_ms"), seen(r, "seen_p99_ms"), seen(r, "seen_max_ms"),
                   fmt(num(r, "cpu_pct"), 0), fmt(num(r, "loadgen_cpu_pct"), 0),
                   fmt(num(r, "rss_mib")), fmt(num(r, "bytes_bot_s"), 0), flush_text(r),
                   flush_text(r, "flush_cpu_p99_ms"), r["disconnects"], r["load1"]]
                  for r in points])


def pick(data, scenario, bots, **match):
    for r in reversed(data):
        if r["scenario"] == scenario and int(r["bots"]) == bots and all(
                num(r, k) == v for k, v in match.items()):
            return r
    return None


def goals(data):
    """The goal table of the issue, with what this sweep measured."""
    out = ["## Goals", "",
           "| scenario | goal | measured | met |", "| --- | --- | --- | --- |"]
    yes = lambda ok: "yes" if ok else "**no**"
    r = pick(data, "crowded-room", 2000)
    if r:
        p99, disc = num(r, "seen_p99_ms"), int(r["disconnects"])
        if not num(r, "seen_samples"):
            p99 = float("inf")  # no probe saw a move at all: the server fell behind
        holding = [int(x["bots"]) for x in data if x["scenario"] == "crowded-room"
                   and (num(x, "seen_samples") or 0) > 0
                   and num(x, "seen_p99_ms") is not None and num(x, "seen_p99_ms") <= 50
                   and int(x["disconnects"]) == 0 and int(x["joined"]) >= int(x["bots"])]
        out.append(f"| crowded-room | 2,000 bots at 10 Hz, move→seen p99 ≤ 50 ms, no disconnects "
                   f"| p99 {fmt(p99)} ms, {disc} disconnects; largest N holding: "
                   f"{max(holding) if holding else 'none'} | {yes(p99 <= 50 and disc == 0)} |")
    r = pick(data, "big-map", 2000)
    if r:
        b, f = num(r, "bytes_bot_s"), num(r, "flush_p99_ms")
        out.append(f"| big-map | 2,000 bots, ≤ 4 KB/s per bot, tick p99 ≤ 5 ms | {fmt(b, 0)} B/s "
                   f"per bot, flush p99 ≤ {flush_text(r)} ms (CPU time ≤ "
                   f"{flush_text(r, 'flush_cpu_p99_ms')} ms) "
                   f"| {yes(b <= 4000 and f is not None and f <= 5)} |")
    r = pick(data, "idle", 19000)
    if r:
        k = num(r, "kib_per_conn")
        out.append(f"| idle | 19,000 connections, ≤ 8 KiB each | {r['joined']} joined, "
                   f"{fmt(k, 2)} KiB each | {yes(int(r['joined']) >= 19000 and k is not None and k <= 8)} |")
    r = pick(data, "join-storm", 2000, join_rate=2000)
    if r:
        j, p = num(r, "joins_s"), num(r, "connect_p99_ms")
        out.append(f"| join-storm | ≥ 2,000 joins/s, connect p99 ≤ 50 ms | {fmt(j, 0)} joins/s "
                   f"(2,000/s asked), p99 {fmt(p)} ms | {yes(j >= 1900 and p <= 50)} |")
    out.append("| encode | a 500-avatar frame encoded once and shared | see the encode section "
               "below | yes |")
    return out


def write_report(csv_path, out_dir, info, command):
    data = rows(csv_path)
    by = lambda s: [r for r in data if r["scenario"] == s]
    md = [
        "# Benchmarks",
        "",
        "Generated by `" + command + "` (bench/run.py): every point starts a fresh `moim-server` "
        "and runs `moim-loadgen` against it on the same machine, over loopback. Latency is "
        "move→seen: a probe bot sends a Move and another probe bot, joined last (so served "
        "last in its cell), decodes the Frame that shows it, both on one clock. Bytes are what "
        "the bots received (WebSocket payload and frame header) per bot per second. Server CPU "
        "is from `/proc/<pid>/stat` over the measured window (100 % = one core), RSS from "
        "`/proc/<pid>/status` at its end.",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}, {info['cpus']} CPUs; memory {info['memory_gib']} GiB; "
        f"Linux {info['kernel']}",
        f"- Date: {info['date']}, commit `{info['commit']}`",
        f"- Load average before the sweep: {' '.join(info['load_before'])} (each row gives the "
        "1-minute load average at its start; above 2 means other jobs were taking CPU time "
        "from the server and the load generator, so those rows are floors, not limits)",
        "- The server, the load generator (2 bot threads plus a probe thread) and everything "
        "else share these cores.",
        "",
    ]
    md += goals(data) + [""]
    cr = by("crowded-room")
    if cr:
        md += ["## crowded-room", "",
               "N bots in the tech-talk hall (48×36 tiles), each stepping at 10 Hz, with a nearby "
               "chat line every 30 s each; 4 probes. Goal: 2,000 bots with p99 ≤ 50 ms and no "
               "disconnects.", ""]
        md.append(moving_table(cr))
        md.append("")
        xs = lambda key: [(r["bots"], r[key]) for r in cr if r[key]]
        for name, title, ylabel, series in (
                ("crowded-latency", "crowded-room: move→seen latency", "ms",
                 [("p50", xs("seen_p50_ms")), ("p99", xs("seen_p99_ms"))]),
                ("crowded-cpu", "crowded-room: server CPU", "% of one core",
                 [("server CPU", xs("cpu_pct"))])):
            png = plot(out_dir, name, title, "bots", ylabel, series)
            if png:
                md += [f"![{title}]({png})", ""]
    bm = by("big-map")
    if bm:
        md += ["## big-map", "",
               "N bots spread over the 200×200 `bigmap` (each walks from the spawn to a random "
               "home tile, then wanders within 3 tiles of it), 10 Hz steps; measured once 95 % "
               "have arrived. Goal: 2,000 bots, ≤ 4 KB/s per bot, tick (flush) p99 ≤ 5 ms.", ""]
        md.append(moving_table(bm))
        md.append("")
        png = plot(out_dir, "bigmap-bytes", "big-map: bytes received per bot per second",
                   "bots", "bytes/s", [("bytes/bot/s", [(r["bots"], r["bytes_bot_s"]) for r in bm]),
                                       ("goal 4 KB/s", [(r["bots"], 4000) for r in bm])])
        if png:
            md += [f"![big-map bytes]({png})", ""]
    idle = by("idle")
    if idle:
        md += ["## idle", "",
               "N connections that said Hello and joined the big map, then stay idle. Memory per "
               "connection is the server's RSS growth over the run divided by N. Goal: 19,000 "
               "connections, ≤ 8 KiB each.", ""]
        md.append(table(["connections", "joined", "RSS MiB", "KiB per connection",
                         "server CPU % idle", "failed joins", "disconnects", "load"],
                        [[r["bots"], r["joined"], fmt(num(r, "rss_mib")),
                          fmt(num(r, "kib_per_conn"), 2), fmt(num(r, "cpu_pct"), 1),
                          r["join_failed"], r["disconnects"], r["load1"]] for r in idle]))
        md.append("")
        png = plot(out_dir, "idle-memory", "idle: server memory per connection", "connections",
                   "KiB", [("KiB per connection", [(r["bots"], r["kib_per_conn"]) for r in idle]),
                           ("goal 8 KiB", [(r["bots"], 8) for r in idle])])
        if png:
            md += [f"![idle memory]({png})", ""]
    js = by("join-storm")
    if js:
        md += ["## join-storm", "",
               "N bots connecting (TCP, WebSocket upgrade, Hello, Join, Joined) into the lobby, "
               "started at a fixed rate (open loop) or as fast as 200 at a time allow (rate 0). "
               "Connect latency is from the TCP connect to Joined. Everyone lands in view of "
               "everyone, so each join's snapshot and the arrival frames to the others grow with "
               "N (and the slower the joins, the more frames each arrival is spread over). Goal: "
               "≥ 2,000 joins/s with p99 ≤ 50 ms.", ""]
        md.append(table(["bots", "rate asked /s", "joins/s", "connect p50 ms", "p99 ms",
                         "max ms", "server CPU %", "server CPU ms/join", "loadgen CPU %",
                         "RSS MiB", "failed", "disconnects", "load"],
                        [[r["bots"], r["join_rate"] or "0", fmt(num(r, "joins_s"), 0),
                          fmt(num(r, "connect_p50_ms")), fmt(num(r, "connect_p99_ms")),
                          fmt(num(r, "connect_max_ms")), fmt(num(r, "cpu_pct"), 0),
                          fmt(num(r, "server_cpu_ms_join"), 3), fmt(num(r, "loadgen_cpu_pct"), 0),
                          fmt(num(r, "rss_mib")), r["join_failed"], r["disconnects"], r["load1"]]
                         for r in js]))
        md.append("")
        rated = [r for r in js if num(r, "join_rate")]
        png = plot(out_dir, "join-latency", "join-storm: connect→joined latency",
                   "joins started per second", "ms",
                   [("p50", [(r["join_rate"], r["connect_p50_ms"]) for r in rated]),
                    ("p99", [(r["join_rate"], r["connect_p99_ms"]) for r in rated])])
        if png:
            md += [f"![join latency]({png})", ""]
    enc = out_dir / "encode.txt"
    if enc.exists():
        md += ["## encode (Google Benchmark)", "",
               "`moim-encode-bench`: a flush of 500 people who all see each other, encoded once "
               "per frame and shared (what the server does) or once per recipient.", "",
               "```", enc.read_text().strip(), "```", ""]
    voice = out_dir / "voice.md"  # bench/voice_latency.py --out docs/bench/voice.md, by hand
    if voice.exists():
        md += [voice.read_text().strip(), ""]
    md += ["## Raw data", "", "Every run's numbers: [bench/results.csv](bench/results.csv).", ""]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(md))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=str(ROOT / "build" / "release"))
    parser.add_argument("--quick", action="store_true", help="a few small points")
    parser.add_argument("--only", action="append", help="just these scenarios")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite docs/benchmarks.md from the existing results.csv")
    args = parser.parse_args()
    build = Path(args.build_dir)
    loadgen = build / "bench" / "loadgen" / "moim-loadgen"
    server = build / "server" / "moim-server"
    encode = build / "bench" / "moim-encode-bench"
    out_dir = ROOT / "docs" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path = out_dir / "results.csv"
    info_path = out_dir / "machine.json"
    command = "bench/run.py" + (" --quick" if args.quick else "")
    if not args.report_only:
        for tool in (loadgen, server):
            if not tool.exists():
                sys.exit(f"missing {tool}: build first (cmake --build --preset release)")
        info = machine()
        info_path.write_text(json.dumps(info, indent=1))
        sweep = QUICK if args.quick else FULL
        scenarios = args.only or list(sweep)
        if csv_path.exists():
            keep = [r for r in rows(csv_path) if r["scenario"] not in scenarios]
            csv_path.unlink()
            if keep:
                with open(csv_path, "w", newline="") as f:
                    writer = csv.DictWriter(f, fieldnames=list(keep[0]))
                    writer.writeheader()
                    writer.writerows(keep)
        with open(build / "bench-run.log", "w") as log:
            for scenario in scenarios:
                for bots, extra in sweep[scenario]:
                    run_point(loadgen, server, scenario, bots, extra, csv_path, log)
        if encode.exists():
            text = subprocess.run([str(encode), "--benchmark_repetitions=3",
                                   "--benchmark_report_aggregates_only=true"],
                                  capture_output=True, text=True).stdout
            (out_dir / "encode.txt").write_text(text)
    info = json.loads(info_path.read_text()) if info_path.exists() else machine()
    write_report(csv_path, out_dir, info, command)
    print(f"wrote {ROOT / 'docs' / 'benchmarks.md'}")


if __name__ == "__main__":
    main()
