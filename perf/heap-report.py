#!/usr/bin/env python3
"""The mixed load at -Xmx1g and at -Xmx256m, from Gatling's own reports: perf/heap-report.py LARGE SMALL.
Each argument is a run's directory under target/gatling (perf/heap.sh gives them)."""
import importlib.util
import pathlib
import sys

spec = importlib.util.spec_from_file_location("compare_report", pathlib.Path(__file__).with_name("compare-report.py"))
compare_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_report)

large, small = (compare_report.stats(d) for d in sys.argv[1:3])
print("\nLibrarianMixSimulation at -Xmx1g and at -Xmx256m, one run (ms; ratio: p95 at 256m / p95 at 1g;"
      " target at most 1.15 and no failed requests)")
print(f"{'request':<36}{'n':>6}{'p95 1g':>8}{'n':>6}{'p95 256m':>10}{'ratio':>8}")
failed = 0
for name, s in small.items():
    if name.startswith("warm-up") or name == "All Requests":
        continue
    failed += s["ko"]
    l = large.get(name)
    if l is None:
        continue
    ratio = f"{s['p95'] / l['p95']:.2f}" if l["p95"] else "-"
    print(f"{name:<36}{l['ok']:>6}{l['p95']:>8}{s['ok']:>6}{s['p95']:>10}{ratio:>8}")
print(f"failed requests at 256m: {failed}")
