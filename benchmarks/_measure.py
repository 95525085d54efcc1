"""What the benchmarks measure besides time: the process's peak resident memory."""

from __future__ import annotations

import resource


def rss_mb() -> float:
    """This process's peak resident memory in MB (VmHWM; ru_maxrss can carry a parent's)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
