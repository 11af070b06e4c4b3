"""Reference for RiskScaling: numpy sample covariance (ddof=1) of the simple returns of every row of
samples/eustockmarkets-prices.csv, sigma = sqrt(w' S w * N), scale = min(V / sigma, L / sum|w|).
Run from the repository root: python3 Core.Tests/References/Execution/generate_risk_scaling.py"""
import numpy as np

rows = [l.strip().split(',') for l in open('samples/eustockmarkets-prices.csv') if l.strip() and not l.startswith('#')]
prices = np.array([[float(x) for x in r[1:]] for r in rows[1:]])
returns = prices[1:] / prices[:-1] - 1
S = np.cov(returns, rowvar=False, ddof=1)
N, V, L = 252, 0.10, 1.5
w = np.array([0.6, -0.3, 0.5, 0.2])
sigma = np.sqrt(w @ S @ w * N)
scale = min(V / sigma, L / np.abs(w).sum())
w2 = np.array([0.9, 0.1, 0.8, 0.7])  # gross 2.5: the leverage cap binds
sigma2 = np.sqrt(w2 @ S @ w2 * N)
scale2 = min(0.30 / sigma2, 1.2 / np.abs(w2).sum())
with open('Core.Tests/References/Execution/risk_scaling_eustockmarkets.csv', 'w') as f:
    f.write('# numpy %s, written by generate_risk_scaling.py: sample covariance (ddof=1) of the simple returns of all rows of\n' % np.__version__)
    f.write('# samples/eustockmarkets-prices.csv; case a: w=(0.6,-0.3,0.5,0.2) V=0.10 L=1.5 N=252; case b: w=(0.9,0.1,0.8,0.7) V=0.30 L=1.2 N=252\n')
    f.write('key,value\n')
    for k, v in [('a_sigma', sigma), ('a_scale', scale), ('a_predicted', scale * sigma), ('a_gross', scale * np.abs(w).sum()),
                 ('b_sigma', sigma2), ('b_scale', scale2), ('b_predicted', scale2 * sigma2), ('b_gross', scale2 * np.abs(w2).sum())]:
        f.write('%s,%r\n' % (k, float(v)))
