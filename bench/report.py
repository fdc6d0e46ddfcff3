"""Summarises the benchmark: best-of-N wall times, their ratio, pamtui's peak RSS and the
targets. Fails (exit 1) only when the account counts differ or a run failed.

usage: report.py PAMTUI_RUNS BIPS_RUNS PAMTUI_COUNT BIPS_COUNT_FILE...
(each *_RUNS file holds measure.py's JSON lines)
"""

import json
import sys

TARGET_RATIO = 5.0
TARGET_RSS_MB = 150.0


def runs(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> int:
    pamtui_runs, bips_runs = runs(sys.argv[1]), runs(sys.argv[2])
    pamtui_count = int(sys.argv[3])
    bips_counts = [int(open(p).read()) for p in sys.argv[4:]]
    if any(r["status"] != 0 for r in pamtui_runs + bips_runs):
        print("bench: a run failed", file=sys.stderr)
        return 1
    if pamtui_count == 0 or any(c != pamtui_count for c in bips_counts):
        print(f"bench: account counts differ: pamtui {pamtui_count}, BIPS {bips_counts}", file=sys.stderr)
        return 1

    pamtui_wall = min(r["wall"] for r in pamtui_runs)
    bips_wall = min(r["wall"] for r in bips_runs)
    rss = max(r["maxrss_mb"] for r in pamtui_runs)
    ratio = bips_wall / pamtui_wall

    def verdict(ok):
        return "PASS" if ok else "MISS"

    def walls(rows):
        return ", ".join(f"{r['wall']:.3f}" for r in rows)

    print(f"accounts listed:        {pamtui_count} (pamtui) = {bips_counts[0]} (BIPS), over {len(pamtui_runs)} runs each")
    print(f"pamtui ls accounts:     {pamtui_wall:.3f} s best  (runs: {walls(pamtui_runs)})")
    print(f"BIPS list (python):     {bips_wall:.3f} s best  (runs: {walls(bips_runs)})")
    print(f"ratio python/pamtui:    {ratio:.1f}x   target >= {TARGET_RATIO:.0f}x   {verdict(ratio >= TARGET_RATIO)}")
    print(f"pamtui peak RSS:        {rss:.1f} MB   target <= {TARGET_RSS_MB:.0f} MB   {verdict(rss <= TARGET_RSS_MB)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
