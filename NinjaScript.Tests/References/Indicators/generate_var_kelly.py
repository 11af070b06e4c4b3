# Writes the batch references of the PortfolioValueAtRisk and PortfolioKellyFraction indicator tests.
# Run: /usr/bin/python3 NinjaScript.Tests/References/Indicators/generate_var_kelly.py (Debian numpy + scipy).
# Independent of Core: numpy sample mean/cov (ddof=1), numpy's default (type-7, linear) quantile, scipy's norm.ppf.
import os
import numpy as np
from scipy.stats import norm

here = os.path.dirname(os.path.abspath(__file__))
sample = os.path.join(here, "..", "..", "..", "samples", "eustockmarkets-prices.csv")
rows = [l.strip().split(",") for l in open(sample) if l.strip()]
header, data = rows[0], rows[1:]
dates = [r[0] for r in data]
prices = np.array([[float(x) for x in r[1:]] for r in data])
idx = {name: j for j, name in enumerate(header[1:])}

def var_file(assets, weights, lookback, conf, name):
    p = prices[:, [idx[a] for a in assets]]
    r = p[1:] / p[:-1] - 1.0
    w = np.array(weights)
    z = norm.ppf(1 - conf)
    with open(os.path.join(here, name), "w") as f:
        f.write(f"# generate_var_kelly.py: basket {assets} weights {weights}, lookback {lookback}, confidence {conf}; numpy ddof=1 cov, type-7 quantile, scipy norm.ppf\n")
        f.write("Date,ParametricVaR,HistoricalVaR\n")
        for t in range(len(dates)):
            if t < lookback:
                f.write(f"{dates[t]},,\n"); continue
            win = r[t - lookback:t]          # returns ending at bar t (return t is row t-1)
            mu = win.mean(axis=0); cov = np.atleast_2d(np.cov(win, rowvar=False, ddof=1))
            m = w @ mu; s = np.sqrt(w @ cov @ w)
            rp = win @ w
            f.write(f"{dates[t]},{-(m + z * s)!r},{-np.quantile(rp, 1 - conf)!r}\n")

def kelly_file(asset, lookback, fraction, rf, name, shrink=False, cap=None):
    p = prices[:, idx[asset]]
    r = p[1:] / p[:-1] - 1.0
    rule = "fraction*(mean - rf)/var(ddof=1)"
    if shrink:
        rule += " x max(0, 1 - 1/t^2), t = (mean - rf)/sqrt(var/n)"
    if cap is not None:
        rule += f", clipped to +-{cap}"
    with open(os.path.join(here, name), "w") as f:
        f.write(f"# generate_var_kelly.py: {asset}, lookback {lookback}, fraction {fraction}, risk-free {rf} per bar; {rule}\n")
        f.write("Date,Kelly\n")
        for t in range(len(dates)):
            if t < lookback:
                f.write(f"{dates[t]},\n"); continue
            win = r[t - lookback:t]
            if not shrink and cap is None:
                f.write(f"{dates[t]},{fraction * (win.mean() - rf) / win.var(ddof=1)!r}\n"); continue
            m = win.mean() - rf
            v = win.var(ddof=1)
            k = fraction * m / v
            if shrink:
                t2 = m * m / (v / lookback)
                k *= (1 - 1 / t2) if t2 > 1 else 0.0
            if cap is not None:
                k = float(np.clip(k, -cap, cap))
            f.write(f"{dates[t]},{k!r}\n")

var_file(["DAX", "SMI", "CAC", "FTSE"], [0.4, 0.3, 0.2, 0.1], 250, 0.99, "var_dax_smi_cac_ftse_250.csv")
var_file(["FTSE", "DAX"], [0.7, -0.3], 60, 0.95, "var_ftse_dax_60.csv")
kelly_file("DAX", 60, 0.5, 0.0, "kelly_dax_60_half.csv")
kelly_file("FTSE", 250, 1.0, 0.0001, "kelly_ftse_250_full.csv")
# The indicators' defaults: the chart instrument alone (VaR), half Kelly over 250 bars with shrinkage and a 2x cap.
var_file(["DAX"], [1.0], 250, 0.99, "var_dax_alone_250_defaults.csv")
kelly_file("DAX", 250, 0.5, 0.0, "kelly_dax_250_defaults.csv", shrink=True, cap=2.0)
