#!/usr/bin/python3
"""Independent reference answers for Core/Optimization, produced with cvxopt (Debian python3-cvxopt).

Run from the repository root:  /usr/bin/python3 Core.Tests/References/Optimization/generate_optimization_references.py
Writes Core.Tests/References/Optimization/optimization-references.json.

Data: samples/eustockmarkets-prices.csv and samples/gccindex-prices.csv, simple returns p_t/p_{t-1} - 1,
arithmetic mean, sample covariance with divisor T-1 (numpy.cov default). Everything is per period (daily).

Each problem is solved by cvxopt.solvers.qp (interior point, tolerances 1e-12) and then "polished": the active
inequalities found by cvxopt are treated as equalities and the KKT system is solved with numpy.linalg.lstsq.
The polished point is kept only when it is feasible to 1e-12 with an
objective not worse than cvxopt's (the JSON records "polished"); cvxopt's own answer agrees with it to ~1e-9.

Formulations (w = weights, n assets):
  min-variance : min 1/2 w'Sw                      s.t. limits, 1'w = 1
  target-return: min 1/2 w'Sw                      s.t. limits, 1'w = 1, mu'w >= target
  max-sharpe   : Charnes-Cooper with an explicit k: variables (y, k), y = k w,
                 min 1/2 y'Sy s.t. (mu - rf)'y = 1, 1'y = k, k >= 0, l k <= y <= u k, sector rows a'y <= c k
  kelly        : min 1/(2c) f'Sf - (mu - rf)'f     s.t. limits, gross leverage 1'|f| <= L, NOT fully invested
                 (c = Kelly fraction; unconstrained this is c times the growth-optimal f = S^-1 (mu - rf))
  projection   : min 1/2 |w - w0|^2                s.t. limits, 1'w = 1
  target-volatility: max mu'w s.t. limits, 1'w = 1, |L'w| <= sigma (S = LL'), a second-order cone program
                 (cvxopt.solvers.socp, tolerance 1e-9); polished on the face cvxopt finds: there the efficient
                 weights are affine in the return target, w(r) = w0 + r d (two KKT solves), and r is the larger root
                 of w(r)'S w(r) = sigma^2
Limits: lo <= w_i <= hi, sector sums <= cap / >= floor, and, when lo < 0, gross leverage via auxiliaries
t_i >= w_i, t_i >= -w_i, 1't <= L.
"""
import json, os, sys
import numpy as np
import pandas as pd
from cvxopt import matrix, solvers

solvers.options.update({"show_progress": False, "abstol": 1e-12, "reltol": 1e-12, "feastol": 1e-12, "maxiters": 200})
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(os.path.dirname(__file__), "optimization-references.json")


def load(name):
    p = pd.read_csv(os.path.join(ROOT, "samples", name), index_col=0)
    r = p.values[1:] / p.values[:-1] - 1.0
    return list(p.columns), r.mean(axis=0), np.cov(r, rowvar=False, ddof=1)


def sectors_file():
    s = pd.read_csv(os.path.join(os.path.dirname(__file__), "gcc-sectors.csv"))
    return dict(zip(s.Asset, s.Sector))


def limit_rows(assets, spec, nvar, k_col=None):
    """Inequalities G x <= h and equalities A x = b on x = [w, t?, k?] for the portfolio limits.
    When k_col is given every right-hand side c becomes c*k (Charnes-Cooper homogenisation)."""
    n = len(assets)
    G, h, A, b = [], [], [], []

    def le(row, rhs):
        if k_col is not None:
            row = row.copy(); row[k_col] -= rhs; rhs = 0.0
        G.append(row); h.append(rhs)

    def eq(row, rhs):
        if k_col is not None:
            row = row.copy(); row[k_col] -= rhs; rhs = 0.0
        A.append(row); b.append(rhs)

    lo, hi = spec.get("minWeight", 0.0), spec.get("maxWeight", 1.0)
    for i in range(n):
        r = np.zeros(nvar); r[i] = 1; le(r, hi)
        r = np.zeros(nvar); r[i] = -1; le(r, -lo)
    secmap = spec.get("sectorMap") or {}
    for s, cap in (spec.get("sectorMax") or {}).items():
        r = np.zeros(nvar)
        for i, a in enumerate(assets):
            if secmap.get(a) == s: r[i] = 1
        le(r, cap)
    for s, floor in (spec.get("sectorMin") or {}).items():
        r = np.zeros(nvar)
        for i, a in enumerate(assets):
            if secmap.get(a) == s: r[i] = -1
        le(r, -floor)
    lev = spec.get("maxLeverage")
    if lev is not None:
        if lo < 0:
            for i in range(n):
                r = np.zeros(nvar); r[i] = 1; r[n + i] = -1; le(r, 0.0)
                r = np.zeros(nvar); r[i] = -1; r[n + i] = -1; le(r, 0.0)
            r = np.zeros(nvar); r[n:2 * n] = 1; le(r, lev)
        else:
            r = np.zeros(nvar); r[:n] = 1; le(r, lev)
    if spec.get("budget", 1.0) is not None:
        r = np.zeros(nvar); r[:n] = 1; eq(r, spec.get("budget", 1.0))
    return G, h, A, b


def solve(P, q, G, h, A, b):
    # Scale the objective to O(1) (returns are ~1e-3, variances ~1e-4); the minimiser does not change.
    scale = 1.0 / max(np.abs(np.diag(P)).max(), np.abs(q).max(), 1e-300)
    P = np.asarray(P, float) * scale; q = np.asarray(q, float) * scale
    G = np.asarray(G, float); h = np.asarray(h, float)
    args = [matrix(P), matrix(q), matrix(G), matrix(h)]
    if len(A):
        args += [matrix(np.asarray(A, float)), matrix(np.asarray(b, float))]
    sol = solvers.qp(*args)
    x = np.array(sol["x"]).ravel()
    z = np.array(sol["z"]).ravel()
    polished, ok, signs = polish(P, q, G, h, np.asarray(A, float), np.asarray(b, float), x, z)
    if sol["status"] != "optimal" and not (ok and signs):
        raise RuntimeError("cvxopt: " + sol["status"])
    return (polished if ok else x), ok, x


def polish(P, q, G, h, A, b, x, z):
    slack = h - G @ x
    act = np.where((slack < 1e-7) & (z > 1e-10 * max(1.0, z.max())))[0]
    E = np.vstack([A.reshape(-1, len(q)), G[act]]) if len(act) or len(A) else np.zeros((0, len(q)))
    f = np.concatenate([b.ravel(), h[act]])
    m = E.shape[0]
    K = np.block([[P, E.T], [E, np.zeros((m, m))]])
    sol = np.linalg.lstsq(K, np.concatenate([-q, f]), rcond=None)[0]
    xp, lam = sol[:len(q)], sol[len(q):]
    feas = np.max(G @ xp - h) <= 1e-12 and (len(A) == 0 or np.max(np.abs(A @ xp - b)) <= 1e-12)
    signs = np.all(lam[len(b.ravel()):] >= -1e-12)
    obj = lambda v: 0.5 * v @ P @ v + q @ v
    better = obj(xp) <= obj(x) + 1e-14 * max(1.0, abs(obj(x)))
    # Degenerate vertices (more active rows than variables) give non-unique multipliers, so the sign check
    # is informative only; a feasible point no worse than cvxopt's optimum is accepted.
    return xp, bool(feas and better), bool(signs)


def target_volatility(assets, mu, S, spec):
    n = len(assets)
    sig = spec["targetVolatility"]
    G, h, A, b = (np.array(v, float) for v in limit_rows(assets, spec, n))
    L = np.linalg.cholesky(S)
    old = dict(solvers.options)
    solvers.options.update({"abstol": 1e-9, "reltol": 1e-9, "feastol": 1e-9})
    Gq = [matrix(np.vstack([np.zeros((1, n)), -L.T / sig]))]
    hq = [matrix(np.concatenate([[1.0], np.zeros(n)]))]
    sol = solvers.socp(matrix(-mu / np.abs(mu).max()), matrix(G), matrix(h), Gq, hq, matrix(A), matrix(b))
    solvers.options.clear(); solvers.options.update(old)
    if sol["status"] != "optimal":
        raise RuntimeError("cvxopt socp: " + sol["status"])
    raw = np.array(sol["x"]).ravel()
    act = np.where(h - G @ raw < 1e-6)[0]
    E = np.vstack([A, G[act], mu])
    m = E.shape[0]
    K = np.block([[S, E.T], [E, np.zeros((m, m))]])

    def efficient(r):
        return np.linalg.lstsq(K, np.concatenate([np.zeros(n), b, h[act], [r]]), rcond=None)[0][:n]

    w0 = efficient(0.0)
    d = (efficient(1e-3) - w0) / 1e-3
    qa, qb, qc = d @ S @ d, 2 * w0 @ S @ d, w0 @ S @ w0 - sig ** 2
    r = (-qb + np.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa)
    w = w0 + r * d
    ok = np.max(G @ w - h) <= 1e-12 and abs(np.sqrt(w @ S @ w) - sig) <= 1e-15 and mu @ w >= mu @ raw - 1e-10
    return (w if ok else raw), bool(ok), raw


def case(assets, mu, S, method, spec):
    n = len(assets)
    if method == "target-volatility":
        w, ok, raw = target_volatility(assets, mu, S, spec)
        ret = float(w @ mu); vol = float(np.sqrt(w @ S @ w))
        return {"weights": dict(zip(assets, map(float, w))), "expectedReturn": ret, "volatility": vol,
                "sharpe": ret / vol, "polished": ok, "cvxoptMaxDiff": float(np.max(np.abs(w - raw)))}
    rf = spec.get("riskFree", 0.0)
    aux = (spec.get("minWeight", 0.0) < 0 and spec.get("maxLeverage") is not None)
    nw = 2 * n if aux else n
    if method == "max-sharpe":
        k = nw
        nvar = nw + 1
        G, h, A, b = limit_rows(assets, spec, nvar, k_col=k)
        r = np.zeros(nvar); r[k] = -1; G.append(r); h.append(0.0)          # k >= 0
        # (mu - rf)'y = s with s = max|mu - rf| instead of 1 (homogeneous, same w = y/k) so that k is O(1)
        r = np.zeros(nvar); r[:n] = mu - rf; A.append(r); b.append(float(np.abs(mu - rf).max()))
        P = np.zeros((nvar, nvar)); P[:n, :n] = S
        x, ok, raw = solve(P, np.zeros(nvar), G, h, A, b)
        w = x[:n] / x[k]; wr = raw[:n] / raw[k]
    else:
        nvar = nw
        s2 = dict(spec)
        if method == "kelly":
            s2["budget"] = None
        G, h, A, b = limit_rows(assets, s2, nvar)
        P = np.zeros((nvar, nvar)); P[:n, :n] = S
        q = np.zeros(nvar)
        if method == "target-return":
            r = np.zeros(nvar); r[:n] = -mu; G.append(r); h.append(-spec["targetReturn"])
        elif method == "kelly":
            c = spec.get("kellyFraction", 1.0)
            P[:n, :n] = S / c
            q[:n] = -(mu - rf)
        elif method == "projection":
            P = np.eye(nvar) * 0.0; P[:n, :n] = np.eye(n); q[:n] = -np.asarray(spec["point"])
        x, ok, raw = solve(P, q, G, h, A, b)
        w = x[:n]; wr = raw[:n]
    ret = float(w @ mu); vol = float(np.sqrt(w @ S @ w))
    return {"weights": dict(zip(assets, map(float, w))), "expectedReturn": ret, "volatility": vol,
            "sharpe": (ret - rf) / vol, "polished": ok, "cvxoptMaxDiff": float(np.max(np.abs(w - wr)))}


def main():
    eu = load("eustockmarkets-prices.csv")
    gcc = load("gccindex-prices.csv")
    sec = sectors_file()
    gsec = {"sectorFile": "gcc-sectors.csv", "sectorMap": sec,
            "sectorMax": {"Kuwait": 0.15, "Oman": 0.25, "Regional": 0.2},
            "sectorMin": {"Saudi": 0.1, "UAE": 0.12}}
    cases = [
        ("eu", "min-variance", {}),
        ("eu", "min-variance", {"minWeight": 0.1, "maxWeight": 0.4}),
        ("eu", "min-variance", {"minWeight": -0.5, "maxWeight": 1.0, "maxLeverage": 1.4}),
        ("eu", "max-sharpe", {}),
        ("eu", "max-sharpe", {"riskFree": 0.0002}),
        ("eu", "max-sharpe", {"maxWeight": 0.5}),
        ("eu", "max-sharpe", {"minWeight": -0.5, "maxWeight": 1.0, "maxLeverage": 1.6}),
        ("eu", "target-return", {"targetReturn": 0.0008}),
        ("eu", "kelly", {"maxLeverage": 1.0}),
        ("eu", "kelly", {"maxLeverage": 1.0, "kellyFraction": 0.5}),
        ("eu", "kelly", {"maxLeverage": 1.0, "kellyFraction": 0.25, "maxWeight": 0.3}),
        ("eu", "projection", {"minWeight": 0.1, "maxWeight": 0.4, "point": [0.7, 0.5, -0.1, -0.2]}),
        ("gcc", "min-variance", {"maxWeight": 0.3}),
        ("gcc", "min-variance", dict(gsec, maxWeight=0.3)),
        ("gcc", "max-sharpe", {"maxWeight": 0.4}),
        ("gcc", "max-sharpe", dict(gsec, maxWeight=0.4)),
        ("gcc", "max-sharpe", dict(gsec, maxWeight=0.4, riskFree=0.0001)),
        ("gcc", "target-return", dict(gsec, maxWeight=0.4, targetReturn=0.0003)),
        ("eu", "target-volatility", {"targetVolatility": 0.008}),
        ("gcc", "target-volatility", {"maxWeight": 0.4, "targetVolatility": 0.0075}),
        ("gcc", "target-volatility", dict(gsec, maxWeight=0.4, targetVolatility=0.008)),
        ("gcc", "kelly", {"maxLeverage": 1.0, "kellyFraction": 0.5}),
        ("gcc", "kelly", dict(gsec, maxLeverage=1.0, kellyFraction=0.5, maxWeight=0.4)),
    ]
    out = []
    for ds, method, spec in cases:
        assets, mu, S = eu if ds == "eu" else gcc
        res = case(assets, mu, S, method, spec)
        entry = {"dataset": "eustockmarkets-prices.csv" if ds == "eu" else "gccindex-prices.csv", "method": method}
        entry.update({k: v for k, v in spec.items() if k != "sectorMap"})
        entry.update(res)
        out.append(entry)
        print(ds, method, {k: v for k, v in spec.items() if k != "sectorMap"}, "polished" if res["polished"] else "RAW",
              "diff %.1e" % res["cvxoptMaxDiff"], file=sys.stderr)
    with open(OUT, "w") as f:
        json.dump({"generator": "generate_optimization_references.py (cvxopt %s, numpy %s)" % (__import__("cvxopt").__version__, np.__version__),
                   "cases": out}, f, indent=1)


if __name__ == "__main__":
    main()
