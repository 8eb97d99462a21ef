#!/usr/bin/env python3
"""Prints the README tables from BenchmarkDotNet's CSV reports.

    python3 bench/summarize.py [BenchmarkDotNet.Artifacts/results]

One table per benchmark class: per case the mean, the allocated bytes, both ratios to the baseline
(the generated parser, or the full generator run) of the same parameters, and for the parsers the
bytes allocated per job of the payload (PayloadSize in Payloads/PayloadSize.cs).
"""
import csv
import glob
import os
import sys

# Jobs per payload, as Payloads/Payload.cs makes them.
JOBS = {"Documented": 1, "Jobs100": 100, "Jobs10000": 10000}

# BenchmarkDotNet's units of memory are powers of 1024.
UNITS = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def per_job(row):
    jobs = JOBS.get(row.get("Payload", ""))
    number, _, unit = row["Allocated"].replace(",", "").partition(" ")
    if not jobs or unit not in UNITS or number in ("", "-"):
        return ""
    return f"{float(number) * UNITS[unit] / jobs:,.0f} B"


results = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"
for path in sorted(glob.glob(os.path.join(results, "*-report.csv"))):
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    if not rows:
        continue
    name = os.path.basename(path).replace("Bindings.Benchmarks.", "").replace("-report.csv", "")
    params = [column for column in ("Payload", "Specs", "TrackSteps") if column in rows[0]]
    print(f"### {name}\n")
    header = params + ["Method", "Mean", "Allocated", "Ratio", "Alloc Ratio"] + (["Allocated per job"] if "Payload" in params else [])
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if column in params + ["Method"] else "---:" for column in header) + "|")
    for row in rows:
        cells = [row[column] for column in params] + [row["Method"].strip("'"), row["Mean"], row["Allocated"], row["Ratio"], row.get("Alloc Ratio", "")] + ([per_job(row)] if "Payload" in params else [])
        print("| " + " | ".join(cells) + " |")
    print()
