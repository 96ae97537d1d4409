"""Run one command as this process's only child; print its wall time and peak RSS as JSON.

    python benchmarks/measure_child.py -- mkdocs build ...

RUSAGE_CHILDREN's ru_maxrss is the largest peak of any waited-for child
(KiB on Linux); with exactly one child it is that command's own peak. The
command's output is passed through to this process's stderr.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        print("usage: measure_child.py -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    cmd = argv[argv.index("--") + 1 :]
    start = time.perf_counter()
    child = subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "wall_s": wall,
                "max_rss_kib": usage.ru_maxrss,
                "user_s": usage.ru_utime,
                "sys_s": usage.ru_stime,
                "returncode": child.returncode,
            }
        )
    )
    return child.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
