#!/usr/bin/python3
"""Reference QP solutions from cvxopt for the Goldfarb-Idnani solver tests.

Run from the repository root with Debian's interpreter (numpy, pandas, cvxopt):
    /usr/bin/python3 Core.Tests/References/Solvers/generate_qp_references.py
Writes Core.Tests/References/Solvers/qp_references.json. Problems: minimise 1/2 x'Px + q'x subject to named rows
(sense "=", "<=", ">=") and bounds (null = unbounded). Multipliers use the QpResult convention
Px + q + sum y_i a_i - muL + muU = 0 (y >= 0 on <= rows, y <= 0 on >= rows).
"""
import json
import os
import sys

import cvxopt
import numpy as np
import pandas as pd
from cvxopt import matrix, solvers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

solvers.options["show_progress"] = False
solvers.options["maxiters"] = 500


def solve(problem):
    """Solves with cvxopt.solvers.qp; the objective is scaled by 1/mean(diag P) (x is unchanged)."""
    P = np.array(problem["P"], dtype=float)
    q = np.array(problem["q"], dtype=float)
    n = len(q)
    scale = float(np.mean(np.diag(P)))
    G, h, A, b, kinds = [], [], [], [], []
    for c in problem["constraints"]:
        a = np.array(c["a"], dtype=float)
        if c["sense"] == "=":
            A.append(a); b.append(c["b"]); kinds.append(("eq", len(A) - 1))
        elif c["sense"] == "<=":
            G.append(a); h.append(c["b"]); kinds.append(("le", len(G) - 1))
        else:
            G.append(-a); h.append(-c["b"]); kinds.append(("ge", len(G) - 1))
    lower_rows, upper_rows = {}, {}
    for i in range(n):
        e = np.zeros(n); e[i] = 1.0
        if problem["lower"][i] is not None:
            G.append(-e); h.append(-problem["lower"][i]); lower_rows[i] = len(G) - 1
        if problem["upper"][i] is not None:
            G.append(e); h.append(problem["upper"][i]); upper_rows[i] = len(G) - 1
    args = [matrix(P / scale), matrix(q / scale)]
    args += [matrix(np.array(G)), matrix(np.array(h))] if G else [None, None]
    if A:
        args += [matrix(np.array(A)), matrix(np.array(b, dtype=float))]
    for tol in (1e-12, 1e-11, 1e-10):  # tightest tolerance cvxopt reaches on this problem
        solvers.options["abstol"] = solvers.options["reltol"] = solvers.options["feastol"] = tol
        sol = solvers.qp(*args)
        if sol["status"] == "optimal":
            break
    if sol["status"] != "optimal":
        sys.exit("cvxopt did not converge on %s: %s" % (problem["name"], sol["status"]))
    problem["cvxoptTolerance"] = tol
    x = np.array(sol["x"]).ravel()
    z = np.array(sol["z"]).ravel() * scale if G else np.zeros(0)
    yeq = np.array(sol["y"]).ravel() * scale if A else np.zeros(0)
    y = []
    for kind, k in kinds:
        y.append(float(yeq[k]) if kind == "eq" else float(z[k]) if kind == "le" else float(-z[k]))
    mu_l = [float(z[lower_rows[i]]) if i in lower_rows else 0.0 for i in range(n)]
    mu_u = [float(z[upper_rows[i]]) if i in upper_rows else 0.0 for i in range(n)]
    problem["x"] = x.tolist()
    problem["objective"] = float(0.5 * x @ P @ x + q @ x)
    problem["y"] = y
    problem["muLower"] = mu_l
    problem["muUpper"] = mu_u
    problem["cvxoptIterations"] = int(sol["iterations"])
    return problem


def row(name, a, sense, b):
    return {"name": name, "a": [float(v) for v in a], "sense": sense, "b": float(b)}


def sample_problems():
    out = []
    for file in ["eustockmarkets-prices.csv", "gccindex-prices.csv"]:
        prices = pd.read_csv(os.path.join(ROOT, "samples", file), index_col=0)
        returns = prices.pct_change().dropna()          # simple returns
        cov = returns.cov().values                      # sample covariance, divisor T - 1
        mu = returns.mean().values
        names = list(prices.columns)
        n = len(names)
        ones = np.ones(n)
        stem = file.split("-")[0]
        base = {"variables": names, "source": "samples/" + file, "P": cov.tolist()}
        out.append(dict(base, name=stem + " min-variance long-only box", q=[0.0] * n,
                        constraints=[row("budget", ones, "=", 1)], lower=[0.0] * n, upper=[0.3 if n > 4 else 0.35] * n))
        if n == 4:  # DAX, SMI, CAC, FTSE
            sectors = [row("sector Eurozone max", [1, 0, 1, 0], "<=", 0.45), row("sector non-euro min", [0, 1, 0, 1], ">=", 0.6)]
        else:       # country groups of the GCC indices
            group = lambda *cols: [1.0 if c in cols else 0.0 for c in names]
            sectors = [row("sector Bahrain max", group("BAHDSC", "BAHSC"), "<=", 0.15),
                       row("sector Oman max", group("OMADSC", "OMASC"), "<=", 0.2),
                       row("sector UAE max", group("UAEDSC", "UAESC"), "<=", 0.2),
                       row("sector regional min", group("GCCEXSASC", "GCCSC"), ">=", 0.1)]
        out.append(dict(base, name=stem + " min-variance with sectors", q=[0.0] * n,
                        constraints=[row("budget", ones, "=", 1)] + sectors, lower=[0.02] * n, upper=[0.4] * n))
        target = float(np.quantile(mu, 0.7))
        out.append(dict(base, name=stem + " min-variance with return floor", q=[0.0] * n,
                        constraints=[row("budget", ones, "=", 1), row("return floor", mu, ">=", target)] + sectors,
                        lower=[0.0] * n, upper=[0.5] * n))
        risk_aversion = 2.0 / float(np.mean(np.diag(cov))) * float(np.mean(np.abs(mu)))
        out.append(dict(base, name=stem + " mean-variance long-short", q=(-mu / risk_aversion * np.mean(np.diag(cov)) * 50).tolist(),
                        constraints=[row("budget", ones, "=", 1)], lower=[-0.3] * n, upper=[0.6] * n))
    return out


def random_problems():
    rng = np.random.default_rng(20261125)
    out = []
    for size in [5, 8, 12, 17, 23, 30, 38, 45, 52, 60]:
        for variant in range(2):
            n = size
            B = rng.standard_normal((n, n))
            P = B.T @ B / n + (0.05 if variant == 0 else 1e-3) * np.eye(n)
            q = rng.uniform(-3, 3, n)
            x0 = rng.uniform(-1, 1, n)
            cons = []
            n_eq = int(rng.integers(0, 4))
            n_in = int(rng.integers(2, 16))
            for k in range(n_eq + n_in):
                a = np.where(rng.random(n) < 0.3, 0.0, rng.uniform(-1, 1, n))
                a[rng.integers(n)] = 0.5 + rng.random()
                ax = float(a @ x0)
                if k < n_eq:
                    cons.append(row("eq%d" % k, a, "=", ax))
                elif rng.random() < 0.5:
                    cons.append(row("le%d" % k, a, "<=", ax + 0.5 * rng.random()))
                else:
                    cons.append(row("ge%d" % k, a, ">=", ax - 0.5 * rng.random()))
            lower, upper = [], []
            for i in range(n):
                kind = rng.random()
                lower.append(None if kind < 0.15 else float(x0[i] - 0.5 * rng.random()))
                upper.append(None if kind > 0.85 else float(x0[i] + 0.5 * rng.random()))
            out.append({"name": "random n=%d variant %d" % (n, variant), "P": P.tolist(), "q": q.tolist(),
                        "constraints": cons, "lower": lower, "upper": upper})
    return out


def factor_problems():
    """Min-variance on factor-model sample covariances; T < n makes P singular (x then not unique: objective only)."""
    rng = np.random.default_rng(500)
    out = []
    for n, t in [(150, 400), (120, 60)]:
        loadings = rng.standard_normal((n, 8))
        factors = 0.01 * rng.standard_normal((t, 8))
        returns = factors @ loadings.T + 0.02 * rng.standard_normal((t, n))
        cov = np.cov(returns, rowvar=False)  # divisor T - 1
        mu = returns.mean(axis=0)
        cons = [row("budget", np.ones(n), "=", 1)]
        for s in range(6):
            cons.append(row("sector %d max" % s, [1.0 if i % 6 == s else 0.0 for i in range(n)], "<=", 0.2))
        cons.append(row("factor 0 exposure min", loadings[:, 0], ">=", -0.05))
        cons.append(row("return floor", mu, ">=", float(np.quantile(mu, 0.6))))
        out.append({"name": "factor n=%d T=%d min-variance" % (n, t), "P": cov.tolist(), "q": [0.0] * n, "constraints": cons,
                    "lower": [0.0] * n, "upper": [0.03] * n, "uniqueX": t > n})
    return out


def main():
    problems = [solve(p) for p in sample_problems() + random_problems() + factor_problems()]
    doc = {
        "provenance": "cvxopt %s solvers.qp, abstol=reltol=feastol=1e-12 (1e-11 or 1e-10 where cvxopt stalls; per problem in cvxoptTolerance), numpy %s, pandas %s; generated by "
                      "Core.Tests/References/Solvers/generate_qp_references.py" % (cvxopt.__version__, np.__version__, pd.__version__),
        "problems": problems,
    }
    with open(os.path.join(HERE, "qp_references.json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    for p in problems:
        print("%-50s n=%2d iters=%2d tol=%g obj=%.12g" % (p["name"], len(p["q"]), p["cvxoptIterations"], p["cvxoptTolerance"], p["objective"]))


if __name__ == "__main__":
    main()
