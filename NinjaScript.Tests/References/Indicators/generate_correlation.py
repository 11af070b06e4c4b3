#!/usr/bin/python3
"""Reference values for the PortfolioCorrelation indicator, computed in one batch with numpy.

For each date t of samples/eustockmarkets-prices.csv (all assets share every date):
  r_t = p_t / p_{t-1} - 1 (simple returns), and the value at t is numpy.corrcoef of the last `period`
  returns of the two assets (t-period+1 .. t); dates with fewer than `period` returns are left empty.
Run from the repository root:  /usr/bin/python3 NinjaScript.Tests/References/Indicators/generate_correlation.py
"""
import csv
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "samples", "eustockmarkets-prices.csv")
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
CASES = [("DAX", "FTSE", 20), ("SMI", "CAC", 60)]


def main():
    with open(SAMPLE, newline="") as f:
        rows = list(csv.DictReader(f))
    dates = [r["Date"] for r in rows]
    for first, second, period in CASES:
        x = np.array([float(r[first]) for r in rows])
        y = np.array([float(r[second]) for r in rows])
        rx = x[1:] / x[:-1] - 1.0
        ry = y[1:] / y[:-1] - 1.0
        name = f"correlation_{first.lower()}_{second.lower()}_{period}.csv"
        with open(os.path.join(OUT_DIR, name), "w", newline="") as out:
            out.write(f"# numpy {np.__version__} corrcoef of {period} simple returns, {first} vs {second}, "
                      f"from samples/eustockmarkets-prices.csv by generate_correlation.py\n")
            out.write("Date,Correlation\n")
            for t, date in enumerate(dates):
                if t < period:
                    out.write(f"{date},\n")
                    continue
                window = slice(t - period, t)  # returns index t-1 is the return ending at date t
                value = np.corrcoef(rx[window], ry[window])[0, 1]
                out.write(f"{date},{value:.17g}\n")


if __name__ == "__main__":
    main()
