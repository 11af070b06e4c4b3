#!/usr/bin/python3
"""Turns a bundled sample price file into the bench's input: returns.csv (simple returns P_t / P_(t-1) - 1, written with
repr, i.e. exactly) and sectors.csv (asset i in sector G(i mod K)), so both sides of the comparison read the same numbers.
usage: samples_to_returns.py PRICES OUTDIR [--sectors 2]"""
import argparse, os
import pandas as pd

ap = argparse.ArgumentParser()
ap.add_argument("prices"); ap.add_argument("outdir")
ap.add_argument("--sectors", type=int, default=2)
a = ap.parse_args()
p = pd.read_csv(a.prices, index_col=0)
r = (p / p.shift(1) - 1).iloc[1:]
os.makedirs(a.outdir, exist_ok=True)
with open(os.path.join(a.outdir, "returns.csv"), "w") as fh:
    fh.write("Date," + ",".join(r.columns) + "\n")
    for d, row in r.iterrows():
        fh.write(str(d) + "," + ",".join(repr(float(x)) for x in row) + "\n")
with open(os.path.join(a.outdir, "sectors.csv"), "w") as fh:
    fh.write("Asset,Sector\n")
    for i, nm in enumerate(r.columns):
        fh.write(f"{nm},G{i % a.sectors}\n")
