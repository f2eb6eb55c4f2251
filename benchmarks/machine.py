"""How busy the machine was: printed beside every benchmark's figures.

On a shared machine wall-clock figures grow with other processes' work; the
load average and the CPU count let a reader judge a figure (load 30 on 2
CPUs and load 0.5 on 8 are different measurements of the same code).
"""
from __future__ import annotations

import os


def machine() -> dict:
    """The "machine" object of a benchmark's JSON."""
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):  # Windows has no load average
        load = None
    return {"load_avg_1_5_15": load, "cpus": os.cpu_count()}


def describe() -> str:
    """One line for the human-readable output."""
    m = machine()
    if m["load_avg_1_5_15"] is None:
        return f"machine: {m['cpus']} CPUs, load average not available on this system"
    one, five, fifteen = m["load_avg_1_5_15"]
    return f"machine: {m['cpus']} CPUs, load average {one} / {five} / {fifteen} (1 / 5 / 15 min)"
