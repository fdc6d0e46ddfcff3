"""Runs a command and prints one JSON line: its wall time, peak RSS and exit status.

usage: measure.py [--stdout FILE] -- COMMAND [ARG...]

The command's stdout goes to FILE (default /dev/null), its stderr is inherited. Peak RSS is
the child's ru_maxrss from wait4(2), the figure `/usr/bin/time -v` reports, without needing it.
"""

import argparse
import json
import os
import subprocess
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stdout", default=os.devnull)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command")

    with open(args.stdout, "wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    child.returncode = code  # already reaped by wait4
    print(json.dumps({"wall": round(wall, 4), "maxrss_mb": round(usage.ru_maxrss / 1024, 1), "status": code}))
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
