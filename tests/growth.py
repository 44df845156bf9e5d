"""Growth checks that a busy machine cannot fail: CPU time of this process (not wall time,
which other processes inflate), the best of three runs, 1x against 4x the input."""

from __future__ import annotations

import time
from collections.abc import Callable

LINEAR_LIMIT = 8  # linear work grows about 4 times for 4 times the input; quadratic, 16


def cpu_seconds(work: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def grows_linearly(work_for: Callable[[int], Callable[[], object]], small: int) -> bool:
    """Whether the work for 4 * small costs under LINEAR_LIMIT times the work for small."""
    cpu_seconds(work_for(small // 10 or 1), runs=1)  # warm up imports and caches
    return cpu_seconds(work_for(4 * small)) < LINEAR_LIMIT * cpu_seconds(work_for(small))
