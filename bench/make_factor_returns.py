#!/usr/bin/python3
"""Seeded factor-model daily returns for the speed comparison (issue 8).

N assets in K sectors, T days: r_it = mu_i + beta_i' f_t + g_{s(i),t} + e_it with F market-wide factors (default 3),
one factor per sector and idiosyncratic noise (all Gaussian, numpy default_rng(seed)). Sectors are equal in size
(asset i in sector i mod K) or, with --uneven-sectors, of geometrically falling size (the largest ~ a third of the assets).
Writes returns.csv (Date,A000,...; simple daily returns, business days from 2020-01-01)
and sectors.csv (Asset,Sector).

usage: make_factor_returns.py OUTDIR [--assets 500] [--days 1260] [--sectors 10] [--seed 20261125] [--factors 3]
                              [--uneven-sectors]
"""
import argparse, os
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("outdir")
ap.add_argument("--assets", type=int, default=500)
ap.add_argument("--days", type=int, default=1260)
ap.add_argument("--sectors", type=int, default=10)
ap.add_argument("--seed", type=int, default=20261125)
ap.add_argument("--factors", type=int, default=3)
ap.add_argument("--uneven-sectors", action="store_true")
a = ap.parse_args()
n, t, k = a.assets, a.days, a.sectors
rng = np.random.default_rng(a.seed)
names = [f"A{i:03d}" for i in range(n)]
if a.uneven_sectors:
    share = 0.7 ** np.arange(k); share /= share.sum()
    sector = np.minimum(np.searchsorted(np.cumsum(share), (np.arange(n) + 0.5) / n), k - 1)
else:
    sector = np.arange(n) % k
nf = a.factors
f = rng.normal(0.0, 0.009, size=(t, nf))                    # market-wide factors
beta = rng.normal(np.r_[1.0, np.zeros(nf - 1)], np.r_[0.3, np.full(nf - 1, 0.5)], size=(n, nf))
g = rng.normal(0.0, 0.005, size=(t, k))                      # sector factors
idio = rng.uniform(0.008, 0.025, size=n)                     # idiosyncratic daily vol
mu = rng.normal(0.0004, 0.0004, size=n)                      # daily drift
r = mu + f @ beta.T + g[:, sector] + rng.normal(size=(t, n)) * idio
dates = np.busday_offset(np.datetime64("2020-01-01"), np.arange(t), roll="forward")
os.makedirs(a.outdir, exist_ok=True)
with open(os.path.join(a.outdir, "returns.csv"), "w") as fh:
    fh.write("Date," + ",".join(names) + "\n")
    for d, row in zip(dates, r):
        fh.write(str(d) + "," + ",".join(repr(float(x)) for x in row) + "\n")
with open(os.path.join(a.outdir, "sectors.csv"), "w") as fh:
    fh.write("Asset,Sector\n")
    for nm, s in zip(names, sector):
        fh.write(f"{nm},S{s:02d}\n")
