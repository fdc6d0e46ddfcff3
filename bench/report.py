"""Summarises the benchmark: best-of-N wall times, their ratio, pamtui's peak RSS and the
targets. Fails (exit 1) only when the account counts differ or a run failed.

usage: report.py [--what accounts] [--peer BIPS] PAMTUI_RUNS PEER_RUNS PAMTUI_COUNT PEER_COUNT_FILE...
(each *_RUNS file holds measure.py's JSON lines; --what names the rows, --peer the Python SDK)
"""

import json
import sys

TARGET_RATIO = 5.0
TARGET_RSS_MB = 150.0


def runs(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> int:
    arguments = sys.argv[1:]
    what, peer = "accounts", "BIPS"
    while arguments and arguments[0] in ("--what", "--peer"):
        if arguments[0] == "--what":
            what = arguments[1]
        else:
            peer = arguments[1]
        arguments = arguments[2:]
    pamtui_runs, bips_runs = runs(arguments[0]), runs(arguments[1])
    pamtui_count = int(arguments[2])
    bips_counts = [int(open(p).read()) for p in arguments[3:]]
    if any(r["status"] != 0 for r in pamtui_runs + bips_runs):
        print("bench: a run failed", file=sys.stderr)
        return 1
    if pamtui_count == 0 or any(c != pamtui_count for c in bips_counts):
        print(f"bench: {what} counts differ: pamtui {pamtui_count}, {peer} {bips_counts}", file=sys.stderr)
        return 1

    pamtui_wall = min(r["wall"] for r in pamtui_runs)
    bips_wall = min(r["wall"] for r in bips_runs)
    rss = max(r["maxrss_mb"] for r in pamtui_runs)
    ratio = bips_wall / pamtui_wall

    def verdict(ok):
        return "PASS" if ok else "MISS"

    def walls(rows):
        return ", ".join(f"{r['wall']:.3f}" for r in rows)

    print(f"{what + ' listed:':<24}{pamtui_count} (pamtui) = {bips_counts[0]} ({peer}), over {len(pamtui_runs)} runs each")
    print(f"{'pamtui ls ' + what + ':':<24}{pamtui_wall:.3f} s best  (runs: {walls(pamtui_runs)})")
    print(f"{peer + ' list (python):':<24}{bips_wall:.3f} s best  (runs: {walls(bips_runs)})")
    print(f"ratio python/pamtui:    {ratio:.1f}x   target >= {TARGET_RATIO:.0f}x   {verdict(ratio >= TARGET_RATIO)}")
    print(f"pamtui peak RSS:        {rss:.1f} MB   target <= {TARGET_RSS_MB:.0f} MB   {verdict(rss <= TARGET_RSS_MB)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
