#!/usr/bin/env python3
"""Celianet against the floor, from Gatling's own reports: perf/compare-report.py MIX FLOOR_MIX REG FLOOR_REG
STATUS FLOOR_STATUS [PAGES FLOOR_PAGES] [-Dduration=…], or PAGES FLOOR_PAGES alone. Each argument but the options is
a run's directory under target/gatling (perf/compare.sh gives them). The pages (PagesSimulation, one request per line
of perf/pages.tsv) are each read against the floor's one-row page of FloorPagesSimulation: target p95 ≤ 2 × its p95.
Gatling 3.15 writes no stats.json and a binary simulation.log, so the figures are read from its report's statistics
table (index.html): per request the count, the 50th and the 95th percentile."""
import html
import os
import re
import sys

ROW = re.compile(
    r'class="ellipsed-name">(?P<name>[^<]*)</span>.*?'
    r'<td class="value ok col-3">(?P<ok>\d+)</td>.*?'
    r'<td class="value ko col-4">(?P<ko>\d+)</td>.*?'
    r'<td class="value total col-8">(?P<p50>\d+)</td>.*?'
    r'<td class="value total col-10">(?P<p95>\d+)</td>',
    re.S)

# Each Celianet request and the floor's counterpart (see src/perf/java/…/Floor.java): a page that reads by key for
# the pages and searches' results, a form POST answered 303 for the searches and the registration.
MIX = [
    ("sign in", "sign in"),
    ("search by identity code", "row insert"),
    ("search by identity code, results", "row page"),
    ("search by patron number", "row insert"),
    ("search by patron number, results", "row page"),
    ("search by name", "row insert"),
    ("search by name, results", "row page"),
    ("patron page", "row page"),
    ("registration form", "row form"),
    ("registration", "row insert"),
    ("registered patron page", "inserted row page"),
    ("home page", "row page"),
]
REGISTRATION = [
    ("sign in", "sign in"),
    ("registration form", "row form"),
    ("registration", "row insert"),
    ("registered patron page", "inserted row page"),
]
STATUS = [("api status", "api status")]
PAGES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages.tsv")
# Every signed-in page's p95 at most this many times the floor's one-row page's.
PAGES_TARGET = 2.0


def page_names():
    """The pages' names, as perf/pages.tsv lists them (PagesSimulation names each request so), those matching
    PAGES_ONLY or all but those matching PAGES_SKIP (regular expressions, as -Dpages.only and -Dpages.skip)."""
    only, skip = os.environ.get("PAGES_ONLY", ""), os.environ.get("PAGES_SKIP", "")
    with open(PAGES_FILE, encoding="utf-8") as f:
        names = [line.split("\t")[0].strip() for line in f if line.strip() and not line.startswith("#")]
    return [n for n in names
            if (not only or re.fullmatch(only, n)) and not (skip and re.fullmatch(skip, n))]


def stats(directory):
    with open(f"{directory}/index.html", encoding="utf-8") as f:
        page = f.read()
    return {html.unescape(m["name"]): {k: int(m[k]) for k in ("ok", "ko", "p50", "p95")} for m in ROW.finditer(page)}


def main():
    dirs = [a for a in sys.argv[1:] if not a.startswith("-")]
    options = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("-D") and "=" in a)
    if len(dirs) not in (2, 6, 8):
        sys.exit(f"Expected six or eight reports (three or four simulations, each against Celianet and the floor), or"
                 f" the pages' two, got {len(dirs)}")
    status_seconds = min(20, int(options.get("duration", 60)))
    print("\nCelianet against the floor, one run (n: measured requests; ms; ratio: Celianet p95 / floor p95;"
          " throughput: Celianet's as a share of the floor's)")
    print(f"{'request':<36}{'n':>6}{'p50':>6}{'p95':>6}  {'floor counterpart':<20}{'n':>6}{'p50':>6}{'p95':>6}"
          f"{'ratio':>8}")
    errors = 0
    pairs_runs = [
        ("LibrarianMixSimulation / FloorMixSimulation", MIX, False),
        ("RegistrationSimulation / FloorRegistrationSimulation", REGISTRATION, False),
        ("StatusSimulation / FloorStatusSimulation", STATUS, False),
    ] if len(dirs) >= 6 else []
    if len(dirs) in (2, 8):
        title = os.environ.get("PAGES_TITLE", "PagesSimulation / FloorPagesSimulation (target: ratio <= 2x)")
        pairs_runs.append((title,
                           [(name, "row page") for name in page_names()], True))
    for i, (title, pairs, pages) in enumerate(pairs_runs):
        celianet_dir, floor_dir = dirs[2 * i:2 * i + 2]
        celianet, floor = stats(celianet_dir), stats(floor_dir)
        errors += sum(s["ko"] for name, s in list(celianet.items()) + list(floor.items())
                      if not name.startswith("warm-up") and name != "All Requests")
        print(title)
        within = 0
        for ours, theirs in pairs:
            c, f = celianet.get(ours), floor.get(theirs)
            if c is None or f is None:
                print(f"  {ours:<34}  (not in {'Celianet' if c is None else 'the floor'}'s report)")
                continue
            ratio = f"{c['p95'] / f['p95']:.1f}x" if f["p95"] else "-"
            verdict = ""
            if pages and os.environ.get("PAGES_ONLY"):
                verdict = f"  {c['ko']} failed" if c["ko"] else ""
            elif pages:
                ok = not c["ko"] and c["p95"] <= PAGES_TARGET * f["p95"]
                within += ok
                verdict = f"  {c['ko']} failed" if c["ko"] else "  ok" if ok else "  over 2x"
            print(f"  {ours:<34}{c['ok']:>6}{c['p50']:>6}{c['p95']:>6}  {theirs:<20}{f['ok']:>6}{f['p50']:>6}"
                  f"{f['p95']:>6}{ratio:>8}{verdict}")
        if pages and not os.environ.get("PAGES_ONLY"):
            print(f"  {within} of {len(pairs)} pages within 2x the floor's one-row page")
        if pairs is STATUS:
            c, f = celianet.get("api status"), floor.get("api status")
            if c and f:
                print(f"  {'throughput (requests/s)':<34}{c['ok'] / status_seconds:>18.0f}  {'':<20}"
                      f"{f['ok'] / status_seconds:>18.0f}{c['ok'] / f['ok'] * 100 if f['ok'] else 0:>7.0f}%")
    if errors:
        print(f"{errors} failed requests in the measured runs: see the reports")
    print("Reports: " + " ".join(dirs))


if __name__ == "__main__":
    main()
