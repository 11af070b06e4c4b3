#!/usr/bin/python3
"""Independent reference answers for RiskParityOptimizer on the bundled sample data.

Run from the repository root with Debian's interpreter (numpy + scipy):
    /usr/bin/python3 Core.Tests/References/RiskParity/generate_riskparity_reference.py

For each sample price file: simple returns r_t = P_t / P_{t-1} - 1, unbiased sample covariance (divisor n-1),
then the long-only risk budgeting portfolio for equal budgets and for a custom budget vector.
Solver: scipy.optimize.root (MINPACK hybrd) on the first-order condition of Spinu's convex problem
    min 1/2 x'Sx - sum b_i ln x_i   <=>   S x - b / x = 0,   w = x / sum(x),
checked against a second, different solver (MINPACK lmder, Levenberg-Marquardt) and against the defining
property RC_i = w_i (S w)_i / (w'S w) = b_i. Nothing here shares code with the C# implementation.
Output: one CSV per case, first line a '#' comment saying how it was produced, then asset,budget,weight.
"""
import csv
import os
import sys

import numpy as np
import scipy
from scipy import optimize

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def load_simple_returns(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    assets = rows[0][1:]
    prices = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    return assets, prices[1:] / prices[:-1] - 1.0


def risk_contributions(cov, w):
    s = cov @ w
    return w * s / (w @ s)


def solve(cov, b):
    # Work on a rescaled covariance (weights are scale-invariant) so the unknowns are O(1).
    scale = 1.0 / np.mean(np.diag(cov))
    c = cov * scale
    f = lambda x: c @ x - b / x
    jac = lambda x: c + np.diag(b / x**2)
    x0 = np.sqrt(b) / np.sqrt(np.diag(c))
    x0 /= np.sqrt(x0 @ c @ x0)
    r1 = optimize.root(f, x0, jac=jac, method="hybr", options={"xtol": 1e-15})
    r2 = optimize.root(f, x0, jac=jac, method="lm", options={"xtol": 1e-15, "ftol": 1e-15})
    # MINPACK may report "no further improvement" at machine precision; acceptance is decided by the checks below.
    if np.any(r1.x <= 0) or np.any(r2.x <= 0):
        sys.exit(f"solver failure: {r1.message} / {r2.message}")
    w1, w2 = r1.x / r1.x.sum(), r2.x / r2.x.sum()
    assert np.max(np.abs(w1 - w2)) < 1e-12, np.max(np.abs(w1 - w2))
    gap = np.max(np.abs(risk_contributions(cov, w1) - b))
    assert gap < 1e-12, gap
    return w1, gap


def write(name, source, assets, b, w, gap, budget_rule):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as f:
        f.write(f"# generate_riskparity_reference.py (numpy {np.__version__}, scipy {scipy.__version__}): {source}, "
                f"simple returns, sample covariance (n-1), budgets {budget_rule}; scipy.optimize.root hybr on "
                f"S x - b/x = 0 (Spinu 2013), w = x/sum(x), agrees with root lm to 1e-12, max|RC-b| = {gap:.1e}\n")
        f.write("asset,budget,weight\n")
        for a, bi, wi in zip(assets, b, w):
            f.write(f"{a},{bi!r},{wi!r}\n")
    print("wrote", path)


def main():
    cases = [
        ("eustockmarkets", "samples/eustockmarkets-prices.csv",
         lambda n: np.array([0.4, 0.3, 0.2, 0.1]), "0.4/0.3/0.2/0.1"),
        ("gccindex", "samples/gccindex-prices.csv",
         lambda n: np.arange(1, n + 1, dtype=float) / (n * (n + 1) / 2), "i/66 for asset i = 1..11"),
    ]
    for key, rel, custom, rule in cases:
        assets, r = load_simple_returns(os.path.join(ROOT, rel))
        cov = np.cov(r, rowvar=False, ddof=1)
        n = len(assets)
        for label, b, brule in (("equal", np.full(n, 1.0 / n), "1/n"), ("custom", custom(n), rule)):
            w, gap = solve(cov, b)
            write(f"sample-{key}-{label}.csv", rel, assets, b, w, gap, brule)


if __name__ == "__main__":
    main()
