#!/usr/bin/env python3
"""Combines the per-run JSON files of bench/world/run.sh into one result file and prints the Markdown table."""
import json, os, platform, sys

runs_dir, out_file, cores, command = sys.argv[1:5]
runs = []
for name in sorted(os.listdir(runs_dir)):
    with open(os.path.join(runs_dir, name)) as f:
        runs.append(json.load(f))
runs.sort(key=lambda r: (r["label"] != "lingjing", r["bots"]))

cpu_model = ""
try:
    with open("/proc/cpuinfo") as f:
        cpu_model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
except OSError:
    pass

with open(out_file, "w") as f:
    json.dump({"machine": {"cores": int(cores), "cpu": cpu_model, "kernel": platform.release()}, "command": command, "runs": runs}, f, indent=2)

def ms(v):
    return "-" if v is None else f"{v:.0f}"

baseline = {r["bots"]: r for r in runs if r["label"] == "baseline"}
print("| bots | mode | joined | p50 ms | p99 ms | p99 within 20 m | server CPU % (of 200) | server RSS MB | KB/s per client | avatars in view | server tick mean ms | closed by server |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in runs:
    s0, s1 = r.get("serverStart"), r.get("serverEnd")
    tick = "-"
    if s0 and s1 and s1["ticks"] > s0["ticks"]:
        tick = f'{(s1["totalTickMicroseconds"] - s0["totalTickMicroseconds"]) / (s1["ticks"] - s0["ticks"]) / 1000:.1f}'
    closes = ", ".join(f"{k}: {v}" for k, v in r["closedByCode"].items()) or "none"
    cpu = "-" if r.get("serverCpuPercent") is None else f'{r["serverCpuPercent"]:.0f}'
    rss = "-" if r.get("serverRssBytes") is None else f'{r["serverRssBytes"] / 1048576:.0f}'
    print(f'| {r["bots"]:,} | {"Lingjing" if r["label"] == "lingjing" else "naive baseline"} | {r["connected"]:,} | {ms(r["latencyP50Ms"])} | {ms(r["latencyP99Ms"])} | {ms(r.get("nearLatencyP99Ms"))} | {cpu} | {rss} | {r["bytesPerClientPerSecond"] / 1024:.2f} | {r["avgAvatarsInView"]:.0f} | {tick} | {closes} |')

print()
print("| bots | p99 baseline / Lingjing | bytes per client baseline / Lingjing | server CPU baseline / Lingjing |")
print("|---|---|---|---|")
for r in runs:
    b = baseline.get(r["bots"])
    if r["label"] != "lingjing" or not b:
        continue
    def ratio(a, c):
        return "-" if a is None or c in (None, 0) else f"{a / c:.1f}x"
    print(f'| {r["bots"]:,} | {ratio(b["latencyP99Ms"], r["latencyP99Ms"])} | {ratio(b["bytesPerClientPerSecond"], r["bytesPerClientPerSecond"])} | {ratio(b.get("serverCpuPercent"), r.get("serverCpuPercent"))} |')
