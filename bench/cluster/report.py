#!/usr/bin/env python3
"""Folds bench/cluster/run.sh's runs into one JSON file and prints the rows for bench/README.md."""
import glob, json, os, sys

runs, out, cores, command = sys.argv[1:5]
world = []
for path in sorted(glob.glob(os.path.join(runs, "world-*.json"))):
    r = json.load(open(path))
    world.append({k: r.get(k) for k in (
        "bots", "connected", "nodes", "latencyP50Ms", "latencyP99Ms", "crossNodeLatencyP50Ms", "crossNodeLatencyP99Ms",
        "crossNodeLatencySamples", "sameNodeLatencyP50Ms", "sameNodeLatencyP99Ms", "bytesPerClientPerSecond", "avgAvatarsInView")})
world.sort(key=lambda r: (r["bots"], r["nodes"]))
failover = json.load(open(os.path.join(runs, "failover.json"))) if os.path.exists(os.path.join(runs, "failover.json")) else None
json.dump({"bench": "cluster", "machineCores": int(cores), "command": command, "world": world, "failover": failover},
          open(out, "w"), indent=2)

def ms(v):
    return "–" if v is None else f"{v:.0f}"

print("| bots | nodes | p50 / p99 all (ms) | same node p50 / p99 | other node p50 / p99 |")
print("|---:|---:|---|---|---|")
for r in world:
    print(f"| {r['bots']:,} | {r['nodes']} | {ms(r['latencyP50Ms'])} / {ms(r['latencyP99Ms'])} | "
          f"{ms(r['sameNodeLatencyP50Ms'])} / {ms(r['sameNodeLatencyP99Ms'])} | {ms(r['crossNodeLatencyP50Ms'])} / {ms(r['crossNodeLatencyP99Ms'])} |")
if failover:
    print(f"\nfailover over {len(failover['rounds'])} kills: median {failover['medianSeconds']} s, max {failover['maxSeconds']} s, "
          f"mean {failover['meanSeconds']} s")
