"""The benchmark table, in Markdown, from the raw results scripts/bench collects: one line per run,
"task<TAB>tool<TAB>rows<TAB>microseconds<TAB>max RSS KB<TAB>note", microseconds "-" when the run failed.
Per task and tool: median seconds, rows per second, peak memory (the largest of the runs) and the ratio of the
tool's median to naravard's (above 1: naravard is faster); naravard's extra rows ("naravard …") get no ratio.
Usage: table.py RESULTS.tsv"""
import statistics
import sys

runs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    task, tool, rows, microseconds, kilobytes, note = line.rstrip("\n").split("\t")
    entry = runs.setdefault((task, tool), {"rows": rows, "seconds": [], "kilobytes": [], "note": note})
    if microseconds == "-":
        entry["failed"] = True
    else:
        entry["seconds"].append(int(microseconds) / 1e6)
        entry["kilobytes"].append(int(kilobytes))
    entry["rows"], entry["note"] = rows, note


def grouped(number):
    return f"{number:,.0f}".replace(",", " ")


def seconds(value):
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:.0f}"


medians = {key: statistics.median(entry["seconds"]) for key, entry in runs.items()
           if entry["seconds"] and not entry.get("failed")}
header = ["task", "tool", "rows", "median s", "rows/s", "peak MB", "× naravard"]
table = []
for (task, tool), entry in runs.items():
    label = f"{tool} ({entry['note']})" if entry["note"] else tool
    median = medians.get((task, tool))
    if median is None:
        table.append([task, label, grouped(int(entry["rows"])), "not available", "", "", ""])
        continue
    reference = medians.get((task, "naravard"))
    compared = reference and (tool == "naravard" or not tool.startswith("naravard"))
    table.append([task, label, grouped(int(entry["rows"])), seconds(median),
                  grouped(int(entry["rows"]) / median) if median else "", grouped(max(entry["kilobytes"]) / 1024),
                  f"{median / reference:.2f}" if compared else ""])

widths = [max(len(row[column]) for row in [header, *table]) for column in range(len(header))]
left = {0, 1}
print("| " + " | ".join(text.ljust(width) for text, width in zip(header, widths)) + " |")
print("| " + " | ".join("-" * width if column in left else "-" * (width - 1) + ":"
                        for column, width in enumerate(widths)) + " |")
for row in table:
    print("| " + " | ".join(text.ljust(width) if column in left else text.rjust(width)
                            for column, (text, width) in enumerate(zip(row, widths))) + " |")
