#!/usr/bin/env python3
"""The database's own time for each page, from the server log that perf/explain-pages.sh collects.

  perf/explain-report.py report <database> <log> <reltuples.tsv>
      One database: per page the median over the measured requests of PostgreSQL's time for all the statements the
      request ran, the number of queries, the query taking the largest share, and every sequential scan on a table of
      more than SEQ_SCAN_ROWS rows. Prints the table and writes target/compare/explain-<database>.txt/.json.
  perf/explain-report.py compare <small.json> <large.json>
      Two sizes side by side (e.g. 100,000 and 1,000,000 patrons): both db ms, their ratio (and that of exec ms, for
      information), and the verdict: at most MAX_GROWTH times as much at the larger size, or, for the pages whose
      work grows with the data by nature (EXEMPT_BUDGET_MS), at most their budget; no sequential scan on a table of
      more than SEQ_SCAN_ROWS rows; status 200.
      Prints the table and writes target/compare/explain-compare.txt/.tsv. Exits 1 if a page fails.

The times, all from PostgreSQL's own log lines of the requests' statements:
  db ms    parse + bind + execute of every query (log_min_duration_statement = 0): planning included. The growth
           rule and the budgets apply to it.
  exec ms  the executor's time of every query (auto_explain's duration, the "Execution Time" that EXPLAIN ANALYZE
           reports; timing every plan node costs a little, as EXPLAIN ANALYZE does).
  tx ms    the transaction control statements (BEGIN, COMMIT, SET, the pool's empty validation query): mostly the
           COMMITs' wait for the write-ahead log to reach the disk, which depends on the disk, not on the data.
Everything logged between a request's two markers counts, from any connection but the marker's own: the page's
queries, the session's reads and writes, the audit record, and anything else the server ran meanwhile.
"""

import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

# A sequential scan on a table with more rows than this (pg_class.reltuples, or the exact count if larger) is a finding.
SEQ_SCAN_ROWS = 10_000
# The larger size may take at most this many times the smaller one's time.
MAX_GROWTH = 1.3
# Pages whose work grows with the data by nature: no growth rule, an absolute budget for "db ms" at the larger size
# instead (docs/performance.md gives the reasons). The audience counts of an announcement read every patron and
# staff account with an address; the exports read every row they list (the big library's 50,000 patrons; the big
# club's members, 31,000 at 100,000 patrons and 100,000 at 1,000,000).
EXEMPT_BUDGET_MS = {
    "maintenance-audience-counts": 5000.0,
    "patron-list-csv": 2000.0,
    "shipment-members-csv": 500.0,
    "shipment-labels-pdf": 500.0,
}

OUT = Path("target/compare")
HEADER = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] \S*@\S* (\w+):  (.*)$")
PLAN = re.compile(r"^duration: ([\d.]+) ms  plan:\n(.*)$", re.S)
TIMING = re.compile(r"^duration: ([\d.]+) ms  (parse|bind|execute|statement)(.*?): (.*)$", re.S)
MARK = re.compile(r"'perf-mark:([^']*)'")
CONTROL = re.compile(r"^(|BEGIN.*|START TRANSACTION.*|COMMIT|END|ROLLBACK.*|SAVEPOINT .*|RELEASE .*|SET .*|SHOW .*)$", re.I)


def entries(log):
    """Yields (pid, level, message) of each log entry; continuation lines (a tab first) join their entry."""
    current = None
    with open(log, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            line = line.rstrip("\n")
            header = HEADER.match(line)
            if header:
                if current:
                    yield current
                current = [header.group(1), header.group(2), header.group(3)]
            elif current and line.startswith("\t"):
                current[2] += "\n" + line[1:]
        if current:
            yield current


def walk(node):
    yield node
    for child in node.get("Plans", []):
        yield from walk(child)


def requests(log):
    """The requests between markers: dicts of page, round, kind, status and the statements logged meanwhile."""
    found, current = [], None
    for pid, level, message in entries(log):
        if level != "LOG":
            continue
        mark = MARK.search(message)
        if mark:
            if not message.startswith("duration:") or " statement: " not in message:
                continue  # the marker's plan; its statement line is the mark
            parts = mark.group(1).split(":")
            if parts[0] == "begin":
                current = {"page": parts[1], "round": int(parts[2]), "kind": parts[3], "plans": [], "timings": []}
            elif parts[0] == "end" and current and current["page"] == parts[1]:
                current["status"] = parts[4]
                found.append(current)
                current = None
            elif parts[0] == "skip":
                found.append({"page": parts[1], "skipped": parts[2]})
            continue
        if current is None:
            continue
        plan = PLAN.match(message)
        if plan:
            try:
                explained = json.loads(plan.group(2))
            except json.JSONDecodeError:
                continue
            current["plans"].append((float(plan.group(1)), explained.get("Query Text", ""), explained.get("Plan", {})))
            continue
        timing = TIMING.match(message)
        if timing:
            current["timings"].append((float(timing.group(1)), timing.group(2), " ".join(timing.group(4).split())))
    return found


def short(text, width=160):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summarise(database, log, reltuples_tsv):
    reltuples = {}
    for line in Path(reltuples_tsv).read_text().splitlines():
        if "\t" in line:  # name, reltuples and, for the application's tables, the exact count: the larger counts
            name, *rows = line.split("\t")
            reltuples[name] = max([reltuples.get(name, 0)] + [int(float(r)) for r in rows])
    pages = {}
    for request in requests(log):
        page = pages.setdefault(request["page"], {"name": request["page"], "requests": []})
        if "skipped" in request:
            page["skipped"] = request["skipped"]
        else:
            page["requests"].append(request)
    results = []
    for page in pages.values():
        result = {"name": page["name"]}
        if "skipped" in page:
            result["skipped"] = page["skipped"]
            results.append(result)
            continue
        measured = [r for r in page["requests"] if r["kind"] == "measured"] or page["requests"]
        db_ms = [sum(t[0] for t in r["timings"] if not CONTROL.match(t[2])) for r in measured]
        tx_ms = [sum(t[0] for t in r["timings"] if CONTROL.match(t[2])) for r in measured]
        exec_ms = [sum(p[0] for p in r["plans"]) for r in measured]
        by_text = defaultdict(lambda: [0.0, 0])
        for r in measured:
            for duration, kind, text in r["timings"]:
                if CONTROL.match(text):
                    continue
                by_text[text][0] += duration
                if kind in ("execute", "statement"):
                    by_text[text][1] += 1
        largest_text, (largest_ms, largest_runs) = max(by_text.items(), key=lambda item: item[1][0], default=("", (0.0, 0)))
        total = sum(db_ms)
        scans = {}
        for r in page["requests"]:
            for _, text, plan in r["plans"]:
                for node in walk(plan):
                    relation = node.get("Relation Name")
                    if node.get("Node Type") == "Seq Scan" and reltuples.get(relation, 0) > SEQ_SCAN_ROWS:
                        key = (relation, " ".join(text.split()))
                        scans[key] = {
                            "relation": relation,
                            "reltuples": reltuples[relation],
                            "rows_removed_by_filter": node.get("Rows Removed by Filter"),
                            "filter": node.get("Filter"),
                            "query": key[1],
                        }
        result.update(
            {
                "statuses": sorted({r["status"] for r in measured}),
                "requests": len(measured),
                "db_ms": statistics.median(db_ms),
                "exec_ms": statistics.median(exec_ms),
                "tx_ms": statistics.median(tx_ms),
                "statements": statistics.median(len(r["plans"]) for r in measured),
                "largest": {
                    "query": largest_text,
                    "share": largest_ms / total if total else 0.0,
                    "runs_per_request": largest_runs / len(measured),
                },
                "seq_scans": list(scans.values()),
            }
        )
        results.append(result)
    return {"database": database, "seq_scan_rows": SEQ_SCAN_ROWS, "pages": results}


def report(database, log, reltuples_tsv):
    summary = summarise(database, log, reltuples_tsv)
    lines = [
        f"Database time per page on {database} (median of the measured requests; db ms = parse + bind + execute of "
        f"every query, exec ms = executor only, tx ms = BEGIN/COMMIT/SET; queries = statements with a plan)",
        "",
        f"{'page':<30} {'status':>6} {'db ms':>9} {'exec ms':>9} {'tx ms':>7} {'queries':>7} {'largest':>8}  seq scans > "
        f"{SEQ_SCAN_ROWS:,} rows",
    ]
    for page in summary["pages"]:
        if "skipped" in page:
            lines.append(f"{page['name']:<30} skipped ({page['skipped']})")
            continue
        scans = ", ".join(f"{s['relation']} ({s['reltuples']:,})" for s in page["seq_scans"]) or "-"
        lines.append(
            f"{page['name']:<30} {'/'.join(page['statuses']):>6} {page['db_ms']:9.2f} {page['exec_ms']:9.2f} "
            f"{page['tx_ms']:7.2f} {page['statements']:7g} {page['largest']['share']:7.0%}  {scans}"
        )
    lines += ["", "Largest query of each page (share of db ms, runs per request):"]
    for page in summary["pages"]:
        if "largest" in page:
            largest = page["largest"]
            lines.append(
                f"  {page['name']}: {largest['share']:.0%}, {largest['runs_per_request']:g}x  {short(largest['query'])}"
            )
    scans = [(page["name"], scan) for page in summary["pages"] for scan in page.get("seq_scans", [])]
    if scans:
        lines += ["", f"Sequential scans on tables of more than {SEQ_SCAN_ROWS:,} rows:"]
        for name, scan in scans:
            lines.append(
                f"  {name}: {scan['relation']} ({scan['reltuples']:,} rows; filter {short(str(scan['filter']), 120)}, "
                f"{scan['rows_removed_by_filter']} rows removed)\n    {short(scan['query'], 400)}"
            )
    text = "\n".join(lines) + "\n"
    print(text, end="")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"explain-{database}.txt").write_text(text)
    (OUT / f"explain-{database}.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")


def compare(small_json, large_json):
    small = json.loads(Path(small_json).read_text())
    large = json.loads(Path(large_json).read_text())
    small_pages = {p["name"]: p for p in small["pages"]}
    a, b = small["database"], large["database"]
    wa, wb = max(12, len(a)), max(12, len(b))
    lines = [
        f"Database time per page (db ms, median): {a} against {b}; at most {MAX_GROWTH}x, or the budget for pages "
        f"whose work grows with the data; no sequential scan on a table of more than {SEQ_SCAN_ROWS:,} rows",
        "",
        f"{'page':<30} {a:>{wa}} {b:>{wb}} {'ratio':>7} {'exec ratio':>10}  verdict",
    ]
    rows = [["page", f"{a} db ms", f"{b} db ms", "ratio", "exec ratio", "budget ms", "seq scans", "verdict"]]
    failed = False
    for page in large["pages"]:
        name = page["name"]
        before = small_pages.get(name, {})
        if "db_ms" not in page or "db_ms" not in before:
            lines.append(f"{name:<30} {'':>{wa}} {'':>{wb}} {'':>7} {'':>10}  not measured on both")
            rows.append([name, "", "", "", "", "", "", "not measured on both"])
            failed = True
            continue
        ratio = page["db_ms"] / before["db_ms"] if before["db_ms"] else float("inf")
        exec_ratio = page["exec_ms"] / before["exec_ms"] if before["exec_ms"] else float("inf")
        scans = sorted({s["relation"] for s in page["seq_scans"] + before.get("seq_scans", [])})
        problems = []
        budget = EXEMPT_BUDGET_MS.get(name)
        if budget is not None:
            if page["db_ms"] > budget:
                problems.append(f"over its budget of {budget:g} ms")
        elif ratio > MAX_GROWTH:
            problems.append(f"grows more than {MAX_GROWTH}x")
        if scans:
            problems.append("seq scan on " + ", ".join(scans))
        if any(s != "200" for s in page["statuses"] + before.get("statuses", [])):
            problems.append("status " + "/".join(sorted(set(page["statuses"] + before.get("statuses", [])))))
        verdict = "; ".join(problems) or (f"ok (budget {budget:g} ms)" if budget is not None else "ok")
        failed |= bool(problems)
        lines.append(
            f"{name:<30} {before['db_ms']:{wa}.2f} {page['db_ms']:{wb}.2f} {ratio:7.2f} {exec_ratio:10.2f}  {verdict}"
        )
        rows.append(
            [name, f"{before['db_ms']:.2f}", f"{page['db_ms']:.2f}", f"{ratio:.2f}", f"{exec_ratio:.2f}",
             "" if budget is None else f"{budget:g}", ",".join(scans), verdict]
        )
    text = "\n".join(lines) + "\n"
    print(text, end="")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "explain-compare.txt").write_text(text)
    (OUT / "explain-compare.tsv").write_text("".join("\t".join(row) + "\n" for row in rows))
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "report":
        report(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
