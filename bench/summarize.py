#!/usr/bin/env python3
"""Prints the README tables from BenchmarkDotNet's CSV reports.

    python3 bench/summarize.py [BenchmarkDotNet.Artifacts/results]

One table per benchmark class: per case the mean, the allocated bytes, and both ratios to the
baseline (the generated parser, or the full generator run) of the same parameters.
"""
import csv
import glob
import os
import sys

results = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"
for path in sorted(glob.glob(os.path.join(results, "*-report.csv"))):
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    if not rows:
        continue
    name = os.path.basename(path).replace("Bindings.Benchmarks.", "").replace("-report.csv", "")
    params = [column for column in ("Payload", "Specs", "TrackSteps") if column in rows[0]]
    print(f"### {name}\n")
    header = params + ["Method", "Mean", "Allocated", "Ratio", "Alloc Ratio"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if column in params + ["Method"] else "---:" for column in header) + "|")
    for row in rows:
        cells = [row[column] for column in params] + [row["Method"].strip("'"), row["Mean"], row["Allocated"], row["Ratio"], row.get("Alloc Ratio", "")]
        print("| " + " | ".join(cells) + " |")
    print()
