#!/usr/bin/python3
"""numpy/scipy counterpart of `ntportfolio risk --weights equal --stress FILE --sectors FILE` for the speed comparison
(issue 16): the same figures from the same definitions (Core/Risk/README.md), printed as JSON.

Per period: mean, sample covariance (ddof 1), portfolio returns r_p = R w; volatility; Gaussian VaR/CVaR; historical
VaR (type-7 quantile) and CVaR (mean of returns at or below it); Cornish-Fisher VaR (population skew/excess kurtosis);
marginal, component and incremental VaR and component CVaR (Euler); diversification ratio; average correlation;
effective number of bets (Meucci: eigh of the covariance, p_k = (e_k'w)^2 lambda_k / w'Sw); top-3 risk share;
stress: shocks, a dated history window, the 3 worst non-overlapping windows, and Gaussian VaR under scaled
volatilities / correlations moved toward 1.

usage: risk_numpy.py RETURNS SECTORS STRESS [--confidence 0.99] [--value 1000000]
"""
import argparse, json, sys
import numpy as np
import pandas as pd
from scipy.stats import norm

ap = argparse.ArgumentParser()
ap.add_argument("returns"); ap.add_argument("sectors"); ap.add_argument("stress")
ap.add_argument("--confidence", type=float, default=0.99)
ap.add_argument("--value", type=float, default=1_000_000.0)
a = ap.parse_args()
c = a.confidence

frame = pd.read_csv(a.returns, index_col=0, parse_dates=True)
x = frame.to_numpy(dtype=float)
names = list(frame.columns)
t, n = x.shape
w = np.full(n, 1.0 / n)
mu = x.mean(axis=0)
cov = np.cov(x, rowvar=False, ddof=1)
rp = x @ w
sw = cov @ w
var_p = w @ sw
sigma = np.sqrt(var_p)
mup = w @ mu
z = norm.ppf(1 - c)
tail = norm.pdf(z) / (1 - c)
pvar = -(mup + z * sigma)
pcvar = -(mup - sigma * tail)
q = np.quantile(rp, 1 - c)                                   # numpy default: type 7 (linear)
hvar = -q
hcvar = -rp[rp <= q].mean()
m, sd = rp.mean(), rp.std(ddof=1)
d = rp - m
skew = (d ** 3).mean() / (d ** 2).mean() ** 1.5
exkurt = (d ** 4).mean() / (d ** 2).mean() ** 2 - 3
zcf = z + (z * z - 1) * skew / 6 + (z ** 3 - 3 * z) * exkurt / 24 - (2 * z ** 3 - 5 * z) * skew ** 2 / 36
mvar = -(m + zcf * sd)
marginal = -mu - z * sw / sigma
component = w * marginal
component_cvar = w * (-mu + tail * sw / sigma)
var_without = var_p - 2 * w * sw + w * w * np.diag(cov)
incremental = pvar + (mup - w * mu + z * np.sqrt(np.maximum(var_without, 0)))
sd_i = np.sqrt(np.diag(cov))
dr = (w @ sd_i) / sigma
corr = cov / np.outer(sd_i, sd_i)
avg_corr = (corr.sum() - n) / (n * (n - 1))
lam, vec = np.linalg.eigh(cov)
v = (vec.T @ w) ** 2 * np.maximum(lam, 0)
p = v / v.sum()
p = p[p > 0]
enb = float(np.exp(-(p * np.log(p)).sum()))
rc = w * sw / var_p
top3 = float(np.sort(rc)[::-1][:3].sum())

# Stress scenarios (the bench's file: one shock scenario, one history, one worst-window, two covariance scenarios).
sector = pd.read_csv(a.sectors).set_index("Asset")["Sector"].reindex(names).to_numpy()
rows = [l.split(",") for l in open(a.stress).read().splitlines()[1:] if l.strip() and not l.startswith("#")]
scen = {}
for name, kind, target, value in rows: scen.setdefault(name, []).append((kind, target, value))
dates = frame.index
stress = {}
for name, items in scen.items():
    kinds = {k for k, _, _ in items}
    if kinds <= {"market", "sector", "asset"}:
        shock = np.zeros(n)
        for k, tg, val in items:
            if k == "market": shock[:] = float(val)
        for k, tg, val in items:
            if k == "sector": shock[sector == tg] = float(val)
        for k, tg, val in items:
            if k == "asset": shock[names.index(tg)] = float(val)
        stress[name] = float(-(w * shock).sum())
    elif kinds == {"history"}:
        s0, s1 = items[0][1].split(":")
        sel = (dates >= s0) & (dates <= s1)
        stress[name] = float(-(w * (np.prod(1 + x[sel], axis=0) - 1)).sum())
    elif kinds == {"worst"}:
        k, count = int(items[0][1]), int(items[0][2] or 1)
        pre = np.vstack([np.zeros(n), np.cumsum(np.log1p(x), axis=0)])
        loss = -((np.exp(pre[k:] - pre[:-k]) - 1) @ w)
        taken = []
        for s in np.lexsort((np.arange(len(loss)), -loss)):
            if len(taken) == count: break
            if all(abs(s - u) >= k for u in taken): taken.append(int(s))
        for j, s in enumerate(taken):
            stress[f"{name} #{j + 1}"] = float(-(w * (np.prod(1 + x[s:s + k], axis=0) - 1)).sum())
    else:
        scale = next((float(v) for kk, _, v in items if kk == "volatility"), 1.0)
        shift = next((float(v) for kk, _, v in items if kk == "correlation"), 0.0)
        cs = scale * scale * ((1 - shift) * cov + shift * np.outer(sd_i, sd_i))
        np.fill_diagonal(cs, scale * scale * np.diag(cov))
        stress[name] = float(-(mup + z * np.sqrt(w @ cs @ w)))

json.dump({
    "volatility": float(sigma), "parametricVaR": float(pvar), "parametricCVaR": float(pcvar),
    "historicalVaR": float(hvar), "historicalCVaR": float(hcvar), "modifiedVaR": float(mvar),
    "diversificationRatio": float(dr), "averageCorrelation": float(avg_corr), "effectiveNumberOfBets": enb,
    "topShare": top3, "componentVaRSum": float(component.sum()), "componentCVaRSum": float(component_cvar.sum()),
    "componentVaR": dict(zip(names, map(float, component))), "incrementalVaRMax": float(incremental.max()),
    "stress": stress,
}, sys.stdout)
