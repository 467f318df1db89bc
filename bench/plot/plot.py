"""Plots route-dump time and peak RSS against table size, one line per reader.

Usage: /usr/bin/python3 plot.py POINTS.csv OUT.png   (CSV columns: reader,size,ms,rss_mb; Debian's python3-matplotlib)
"""
import csv
import sys

import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)


def main(points_path, out_path):
    series = {}
    with open(points_path, newline='') as points:
        for row in csv.DictReader(points):
            series.setdefault(row['reader'], []).append((int(row['size']), float(row['ms']), float(row['rss_mb'])))
    figure, (time_axes, memory_axes) = plt.subplots(1, 2, figsize=(13, 5.5))
    for reader, values in series.items():
        values.sort()
        sizes = [v[0] for v in values]
        time_axes.plot(sizes, [v[1] for v in values], marker='o', label=reader)
        memory_axes.plot(sizes, [v[2] for v in values], marker='o', label=reader)
    for axes, label, title in ((time_axes, 'time (ms)', 'Dump time'), (memory_axes, 'peak RSS, whole process (MB)', 'Peak memory')):
        axes.set_xscale('log')
        axes.set_yscale('log')
        axes.set_xlabel('IPv4 routes in the table')
        axes.set_ylabel(label)
        axes.set_title(title)
        axes.grid(True, which='both', alpha=0.3)
    time_axes.legend(fontsize='small')
    figure.suptitle('Reading the routing table (lower is better)')
    figure.tight_layout()
    figure.savefig(out_path, dpi=110)


main(sys.argv[1], sys.argv[2])
