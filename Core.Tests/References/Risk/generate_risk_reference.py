#!/usr/bin/python3
"""Independent reference figures for Core/Risk, computed with numpy/scipy on the bundled samples.

Run from the repository root:  /usr/bin/python3 Core.Tests/References/Risk/generate_risk_reference.py
Writes Core.Tests/References/Risk/risk_reference.json. Definitions (as in the issue):
  simple returns r_t = P_t / P_{t-1} - 1; mean arithmetic; covariance np.cov(ddof=1);
  z = norm.ppf(1 - c); parametric VaR -(mu_p + z sigma_p); historical VaR -np.quantile(r_p, 1 - c) (linear = type 7);
  modified VaR with scipy.stats.skew/kurtosis (bias=True, Fisher) and np.std(ddof=1);
  parametric CVaR -(mu_p - sigma_p pdf(z)/(1-c)); historical CVaR -mean(r_p[r_p <= q]);
  component VaR w_i(-mu_i - z (S w)_i / sigma_p); incremental VaR VaR(w) - VaR(w with w_i = 0);
  component CVaR w_i(-mu_i + pdf(z)/(1-c) (S w)_i / sigma_p); diversification ratio sum w_i sigma_i / sigma_p;
  average correlation = mean of upper-triangle correlations; ENB (Meucci 2009) from np.linalg.eigh;
  beta cov(rp, rb)/var(rb); tracking error std(rp - rb, ddof=1);
  EWMA: a_t = lam^(T-1-t)/sum, m = sum a_t r_t, S = sum a_t (r_t - m)(r_t - m)'.
"""
import json, os, sys
import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def load(name):
    path = os.path.join(ROOT, "samples", name)
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, len(header)))
    return header[1:], data


def var_of(mu, S, w, z):
    return -(w @ mu + z * np.sqrt(w @ S @ w))


def figures(R, w, c, lam, rb=None):
    mu = R.mean(axis=0)
    S = np.cov(R, rowvar=False, ddof=1)
    rp = R @ w
    sig = float(np.sqrt(w @ S @ w))
    mup = float(w @ mu)
    z = stats.norm.ppf(1 - c)
    tail = stats.norm.pdf(z) / (1 - c)
    q = np.quantile(rp, 1 - c, method="linear")
    skew = stats.skew(rp, bias=True)
    kurt = stats.kurtosis(rp, fisher=True, bias=True)
    zcf = z + (z**2 - 1) * skew / 6 + (z**3 - 3 * z) * kurt / 24 - (2 * z**3 - 5 * z) * skew**2 / 36
    Sw = S @ w
    marginal = -mu - z * Sw / sig
    incremental = []
    for i in range(len(w)):
        w0 = w.copy(); w0[i] = 0.0
        incremental.append(var_of(mu, S, w, z) - var_of(mu, S, w0, z))
    sd = np.sqrt(np.diag(S))
    C = S / np.outer(sd, sd)
    iu = np.triu_indices(len(w), 1)
    lam_e, E = np.linalg.eigh(S)
    v = (E.T @ w) ** 2 * np.clip(lam_e, 0, None)
    p = v / v.sum()
    p = p[p > 0]
    out = {
        "meanReturn": mup,
        "volatility": sig,
        "parametricVaR": -(mup + z * sig),
        "historicalVaR": float(-q),
        "modifiedVaR": float(-(rp.mean() + zcf * np.std(rp, ddof=1))),
        "parametricCVaR": -(mup - sig * tail),
        "historicalCVaR": float(-rp[rp <= q].mean()),
        "skewness": float(skew),
        "excessKurtosis": float(kurt),
        "marginalVaR": marginal.tolist(),
        "componentVaR": (w * marginal).tolist(),
        "incrementalVaR": [float(x) for x in incremental],
        "componentCVaR": (w * (-mu + tail * Sw / sig)).tolist(),
        "diversificationRatio": float(w @ sd / sig),
        "averageCorrelation": float(C[iu].mean()),
        "effectiveNumberOfBets": float(np.exp(-(p * np.log(p)).sum())),
    }
    if rb is not None:
        out["beta"] = float(np.cov(rp, rb, ddof=1)[0, 1] / np.var(rb, ddof=1))
        out["benchmarkCorrelation"] = float(np.corrcoef(rp, rb)[0, 1])
        out["trackingError"] = float(np.std(rp - rb, ddof=1))
    T = R.shape[0]
    a = lam ** np.arange(T - 1, -1, -1, dtype=float)
    a /= a.sum()
    m = a @ R
    D = R - m
    Se = (D * a[:, None]).T @ D
    sige = float(np.sqrt(w @ Se @ w))
    mupe = float(w @ m)
    # Age-weighted historical simulation: sort ascending, first return whose cumulative weight reaches 1 - c.
    order = np.argsort(rp, kind="stable")
    cw = np.cumsum(a[order])
    kq = int(np.argmax(cw >= (1 - c) - 1e-12))
    qw = rp[order[kq]]
    below = rp <= qw
    out["ewma"] = {
        "historicalVaR": float(-qw),
        "historicalCVaR": float(-(a[below] @ rp[below]) / a[below].sum()),
        "lambda": lam,
        "meanReturn": mupe,
        "volatility": sige,
        "parametricVaR": -(mupe + z * sige),
        "parametricCVaR": -(mupe - sige * tail),
        "componentVaR": (w * (-m - z * (Se @ w) / sige)).tolist(),
    }
    return out


CASES = [
    # file, weights (None = equal over non-benchmark columns), benchmark, confidence
    ("eustockmarkets-prices.csv", None, None, 0.95),
    ("eustockmarkets-prices.csv", {"DAX": 0.4, "SMI": 0.3, "CAC": -0.1, "FTSE": 0.4}, None, 0.99),
    ("gccindex-prices.csv", None, "GCCSC", 0.975),
]


def main():
    cases = []
    for fname, wmap, bench, c in CASES:
        assets, P = load(fname)
        R = P[1:] / P[:-1] - 1.0
        cols = [a for a in assets if a != bench]
        if wmap is None:
            wmap = {a: 1.0 / len(cols) for a in cols}
        names = list(wmap.keys())
        idx = [assets.index(a) for a in names]
        w = np.array([wmap[a] for a in names])
        rb = R[:, assets.index(bench)] if bench else None
        cases.append({"file": fname, "assets": names, "weights": w.tolist(), "benchmark": bench,
                      "confidence": c, "observations": int(R.shape[0]),
                      "expected": figures(R[:, idx], w, c, 0.94, rb)})
    # Correlation analyzer on the GCC sample: correlation matrix, pairs above 0.8, rolling 60-period correlation of
    # two columns (pandas-free: np.corrcoef per window), top-3 variance shares of equal weights.
    assets, P = load("gccindex-prices.csv")
    R = P[1:] / P[:-1] - 1.0
    S = np.cov(R, rowvar=False, ddof=1)
    sd = np.sqrt(np.diag(S))
    C = S / np.outer(sd, sd)
    pairs = [[assets[i], assets[j], float(C[i, j])] for i in range(len(assets)) for j in range(i + 1, len(assets)) if C[i, j] > 0.8]
    pairs.sort(key=lambda p: -p[2])
    x, y = R[:, assets.index("KSADSC")], R[:, assets.index("UAEDSC")]
    win = 60
    rolling = [float(np.corrcoef(x[t + 1 - win:t + 1], y[t + 1 - win:t + 1])[0, 1]) for t in range(win - 1, len(x))]
    w = np.full(len(assets), 1.0 / len(assets))
    rc = w * (S @ w) / (w @ S @ w)
    top = np.argsort(-rc)[:3]
    correlation = {"file": "gccindex-prices.csv", "assets": assets, "matrix": C.tolist(), "pairsAbove0.8": pairs,
                   "rolling": {"x": "KSADSC", "y": "UAEDSC", "window": win, "values": rolling},
                   "top3": {"assets": [assets[i] for i in top], "shares": [float(rc[i]) for i in top]}}
    # Stress on the EuStockMarkets sample, equal weights: worst 5-period buy-and-hold windows (greedy, non-overlapping,
    # worst first) and Gaussian VaR at 0.99 under volatilities x2 and correlations moved halfway to 1.
    assets, P = load("eustockmarkets-prices.csv")
    R = P[1:] / P[:-1] - 1.0
    with open(os.path.join(ROOT, "samples", "eustockmarkets-prices.csv")) as f:
        dates = [line.split(",")[0] for line in f.read().split("\n")[2:] if line]
    w = np.full(R.shape[1], 1.0 / R.shape[1])
    k = 5
    G = np.array([np.prod(1 + R[s:s + k], axis=0) - 1 for s in range(R.shape[0] - k + 1)])
    loss = -(G @ w)
    taken = []
    for s in sorted(range(len(loss)), key=lambda s: (-loss[s], s)):
        if len(taken) == 3:
            break
        if all(abs(s - t) >= k for t in taken):
            taken.append(s)
    S = np.cov(R, rowvar=False, ddof=1)
    sd = np.sqrt(np.diag(S))
    C = S / np.outer(sd, sd)
    C2 = 0.5 * C + 0.5
    np.fill_diagonal(C2, 1.0)
    S2 = np.outer(2 * sd, 2 * sd) * C2
    z = stats.norm.ppf(0.01)
    sig2 = np.sqrt(w @ S2 @ w)
    stress = {"file": "eustockmarkets-prices.csv", "weights": "equal", "window": k,
              "worst": [{"start": dates[s], "end": dates[s + k - 1], "loss": float(loss[s]), "assetReturns": G[s].tolist()} for s in taken],
              "covariance": {"volatilityScale": 2.0, "correlationShift": 0.5, "confidence": 0.99,
                             "var": float(-(w @ R.mean(axis=0) + z * sig2)),
                             "componentVaR": (w * (-R.mean(axis=0) - z * (S2 @ w) / sig2)).tolist()}}
    doc = {"provenance": "generated by Core.Tests/References/Risk/generate_risk_reference.py with numpy %s, scipy %s, python %s"
           % (np.__version__, scipy.__version__, sys.version.split()[0]),
           "cases": cases, "correlation": correlation, "stress": stress}
    with open(os.path.join(HERE, "risk_reference.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
