#!/usr/bin/python3
"""Reference for LiquidityEstimator: seeded synthetic daily bars and numpy estimates.

Run: /usr/bin/python3 generate_liquidity.py  -> liquidity_bars.csv (bars) and liquidity_expected.csv (key,value).
Volatility: numpy std (ddof=1) of log close returns. Corwin-Schultz (2012, J. Finance 67(2), eqs. 14, 18, 19):
beta = sum of squared log(H/L) over two days, gamma = squared log of the two-day range,
alpha = (sqrt(2 beta) - sqrt(beta)) / (3 - 2 sqrt 2) - sqrt(gamma / (3 - 2 sqrt 2)), S = 2 (e^alpha - 1)/(1 + e^alpha),
negative S set to 0, mean over pairs. ADV: mean volume of the last 20 bars.
"""
import numpy as np

rng = np.random.default_rng(20261125)
n = 60
mid = 100 * np.exp(np.cumsum(rng.normal(0, 0.012, n)))
spread = 0.004
close = mid * (1 + spread / 2 * rng.choice([-1, 1], n))
high = mid * np.exp(np.abs(rng.normal(0, 0.008, n))) * (1 + spread / 2)
low = mid * np.exp(-np.abs(rng.normal(0, 0.008, n))) * (1 - spread / 2)
close = np.clip(close, low, high)
volume = rng.integers(50_000, 150_000, n).astype(float)

r = np.diff(np.log(close))
vol = r.std(ddof=1)
k = 3 - 2 * np.sqrt(2)
b = np.log(high / low) ** 2
beta = b[:-1] + b[1:]
g = np.log(np.maximum(high[:-1], high[1:]) / np.minimum(low[:-1], low[1:])) ** 2
alpha = (np.sqrt(2 * beta) - np.sqrt(beta)) / k - np.sqrt(g / k)
s = 2 * (np.exp(alpha) - 1) / (1 + np.exp(alpha))
cs = np.maximum(s, 0).mean()
adv20 = volume[-20:].mean()

with open("liquidity_bars.csv", "w") as f:
    f.write("# seeded synthetic daily bars (numpy default_rng(20261125)) written by generate_liquidity.py\n")
    f.write("high,low,close,volume\n")
    for i in range(n):
        f.write(f"{high[i]!r},{low[i]!r},{close[i]!r},{volume[i]!r}\n")
with open("liquidity_expected.csv", "w") as f:
    f.write(f"# numpy {np.__version__} estimates for liquidity_bars.csv, written by generate_liquidity.py\n")
    f.write("key,value\n")
    f.write(f"volatility,{vol!r}\ncorwin_schultz_spread,{cs!r}\nadv20,{adv20!r}\n")
print(vol, cs, adv20)
