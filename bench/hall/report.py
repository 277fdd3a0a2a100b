#!/usr/bin/env python3
"""Folds bench/hall/run.sh's runs into one JSON file and prints the rows for bench/README.md."""
import glob, json, os, sys

runs, out, cores, command = sys.argv[1:5]
rows = []
for path in sorted(glob.glob(os.path.join(runs, "hall-*.json"))):
    r = json.load(open(path))
    h = r.get("hall") or {}
    by = h.get("byInstance") or []
    rows.append({
        "bots": r["bots"], "connected": r["connected"], "connectedAtEnd": r["connectedAtEnd"], "nodes": r.get("nodes"),
        "instances": h.get("instances"), "observers": sum(i["observers"] for i in by),
        "observersSeeingStage": sum(i["observersSeeingStage"] for i in by),
        "everyInstanceSawTheStage": bool(by) and all(i["observersSeeingStage"] > 0 for i in by),
        "otherInstanceP50Ms": h.get("otherInstanceLatencyP50Ms"), "otherInstanceP99Ms": h.get("otherInstanceLatencyP99Ms"),
        "otherInstanceSamples": h.get("otherInstanceLatencySamples"),
        "sameInstanceP50Ms": h.get("sameInstanceLatencyP50Ms"), "sameInstanceP99Ms": h.get("sameInstanceLatencyP99Ms"),
        "floorListeners": h.get("floorListeners"), "floorListeningAtEnd": h.get("floorListeningAtEnd"),
        "questionsAsked": h.get("questionsAsked"), "floorP50Ms": h.get("floorLatencyP50Ms"), "floorP99Ms": h.get("floorLatencyP99Ms"),
        "floorMaxMs": h.get("floorLatencyMaxMs"), "floorSamples": h.get("floorSamples"),
        "deliveryP99Ms": r.get("deliveryP99Ms"), "bytesPerClientPerSecond": r.get("bytesPerClientPerSecond"),
        "botsWithErrors": r.get("botsWithErrors"), "firstError": r.get("firstError"), "byInstance": by,
    })
rows.sort(key=lambda r: r["bots"])
json.dump({"bench": "hall", "machineCores": int(cores), "command": command, "runs": rows}, open(out, "w"), indent=2)

def ms(v):
    return "–" if v is None else f"{v:.0f}"

print("| bots (joined) | instances | observers seeing the stage | stage, other instances p50 / p99 (ms) | speaker's instance p50 / p99 | floor listeners | floor update p50 / p99 / max (ms) |")
print("|---:|---:|---|---|---|---:|---|")
for r in rows:
    print(f"| {r['bots']:,} ({r['connected']:,}) | {r['instances']} | {r['observersSeeingStage']} of {r['observers']}"
          f"{' (every instance)' if r['everyInstanceSawTheStage'] else ''} | {ms(r['otherInstanceP50Ms'])} / {ms(r['otherInstanceP99Ms'])} | "
          f"{ms(r['sameInstanceP50Ms'])} / {ms(r['sameInstanceP99Ms'])} | {r['floorListeningAtEnd']} of {r['floorListeners']} | "
          f"{ms(r['floorP50Ms'])} / {ms(r['floorP99Ms'])} / {ms(r['floorMaxMs'])} |")
