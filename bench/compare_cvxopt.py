#!/usr/bin/python3
"""numpy+cvxopt counterpart of `ntportfolio optimize` for the speed comparison (issue 8).

Loads the returns CSV (pandas), sample mean and covariance (numpy, ddof=1), and solves with cvxopt.solvers.qp
(tolerances 1e-10) under 0 <= w_i <= MAXW, sum w = 1 and every sector <= SECTORMAX:
  min-variance: min w'Sw
  max-sharpe:   Charnes-Cooper: min y'Sy s.t. (mu - rf)'y = 1, y >= 0, y_i <= MAXW k, sector sum y <= SECTORMAX k,
                1'y = k, k >= 0; w = y / k.
Prints the weights as CSV (Asset,Weight).

usage: compare_cvxopt.py RETURNS SECTORS min-variance|max-sharpe [--max-weight 0.02] [--sector-max 0.15] [--risk-free 0]
"""
import argparse, sys
import numpy as np
import pandas as pd
from cvxopt import matrix, solvers

ap = argparse.ArgumentParser()
ap.add_argument("returns"); ap.add_argument("sectors"); ap.add_argument("method", choices=["min-variance", "max-sharpe"])
ap.add_argument("--max-weight", type=float, default=0.02)
ap.add_argument("--sector-max", type=float, default=0.15)
ap.add_argument("--risk-free", type=float, default=0.0)
a = ap.parse_args()

frame = pd.read_csv(a.returns, index_col=0)
x = frame.to_numpy(dtype=float)
names = list(frame.columns)
n = len(names)
mu = x.mean(axis=0)
cov = np.cov(x, rowvar=False, ddof=1)
sect = pd.read_csv(a.sectors).set_index("Asset")["Sector"].reindex(names)
groups = sorted(sect.unique())
S = np.array([(sect.to_numpy() == g).astype(float) for g in groups])   # sectors x n

solvers.options.update({"show_progress": False, "abstol": 1e-10, "reltol": 1e-10, "feastol": 1e-10, "maxiters": 200})
if a.method == "min-variance":
    G = np.vstack([-np.eye(n), np.eye(n), S])
    h = np.concatenate([np.zeros(n), np.full(n, a.max_weight), np.full(len(groups), a.sector_max)])
    sol = solvers.qp(matrix(2 * cov), matrix(np.zeros(n)), matrix(G), matrix(h), matrix(np.ones((1, n))), matrix(1.0))
    w = np.array(sol["x"]).ravel()
else:
    # variables z = (y, k)
    P = np.zeros((n + 1, n + 1)); P[:n, :n] = 2 * cov
    G = np.vstack([
        np.hstack([-np.eye(n), np.zeros((n, 1))]),                        # y >= 0
        np.hstack([np.eye(n), np.full((n, 1), -a.max_weight)]),           # y_i - MAXW k <= 0
        np.hstack([S, np.full((len(groups), 1), -a.sector_max)]),         # sector y - SECTORMAX k <= 0
        np.hstack([np.zeros((1, n)), -np.ones((1, 1))]),                  # k >= 0
    ])
    h = np.zeros(G.shape[0])
    A = np.vstack([np.concatenate([mu - a.risk_free, [0.0]]), np.concatenate([np.ones(n), [-1.0]])])
    sol = solvers.qp(matrix(P), matrix(np.zeros(n + 1)), matrix(G), matrix(h), matrix(A), matrix([1.0, 0.0]))
    z = np.array(sol["x"]).ravel()
    w = z[:n] / z[n]
if sol["status"] != "optimal":
    sys.exit(f"cvxopt: {sol['status']}")
out = sys.stdout
out.write("Asset,Weight\n")
for nm, v in zip(names, w):
    out.write(f"{nm},{v!r}\n")
