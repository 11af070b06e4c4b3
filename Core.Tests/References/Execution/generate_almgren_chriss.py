#!/usr/bin/python3
"""Independent numpy reference for the Almgren-Chriss (2000) worked example (Table 1 parameters).

Run with Debian's numpy:  /usr/bin/python3 generate_almgren_chriss.py
Writes almgren_chriss_2000_example.csv (key,value). Two independent evaluations of E and V are written:
the closed forms of eq. 20 and the explicit sums E = gamma X^2/2 + eps sum|n| + eta~/tau sum n^2,
V = sigma^2 tau sum x_k^2, so a typo in either would show. kappa comes from the discrete relation
cosh(kappa tau) = 1 + kappa~^2 tau^2 / 2 (numpy.arccosh).
"""
import numpy as np

X, T, N = 1e6, 5.0, 5
sigma, eta, gamma, eps = 0.95, 2.5e-6, 2.5e-7, 1.0 / 16


def trajectory(lam, sig=sigma):
    tau = T / N
    et = eta - gamma * tau / 2
    kt = np.sqrt(lam * sig * sig / et)
    k = np.arccosh(1 + kt * kt * tau * tau / 2) / tau
    t = np.arange(N + 1) * tau
    x = X * np.sinh(k * (T - t)) / np.sinh(k * T) if k > 0 else X * (T - t) / T
    x[-1] = 0.0
    n = -np.diff(x)
    e_sum = 0.5 * gamma * X * X + eps * np.abs(n).sum() + et / tau * (n * n).sum()
    v_sum = sig * sig * tau * (x[1:] ** 2).sum()
    if k > 0:
        e_cf = (0.5 * gamma * X * X + eps * X + et * X * X * np.tanh(k * tau / 2)
                * (tau * np.sinh(2 * k * T) + 2 * T * np.sinh(k * tau)) / (2 * tau * tau * np.sinh(k * T) ** 2))
        v_cf = (0.5 * sig * sig * X * X * (tau * np.sinh(k * T) * np.cosh(k * (T - tau)) - T * np.sinh(k * tau))
                / (np.sinh(k * T) ** 2 * np.sinh(k * tau)))
    else:
        e_cf, v_cf = e_sum, v_sum
    return k, kt, x, e_sum, v_sum, e_cf, v_cf


rows = []
k, kt, x, es, vs, ec, vc = trajectory(1e-6)
rows += [("kappa", k), ("kappa_tilde", kt)]
rows += [(f"x{j}", x[j]) for j in range(N + 1)]
rows += [(f"x{j}_rounded", float(np.floor(x[j] + 0.5))) for j in range(N + 1)]
rows += [("E_closed_form", ec), ("E_sum", es), ("sqrtV_closed_form", np.sqrt(vc)), ("sqrtV_sum", np.sqrt(vs))]
# lambda -> 0: the linear (TWAP) trajectory, E = gamma X^2/2 + eps X + eta~ X^2 / T, V = sigma^2 X^2 T (1-1/N)(1-1/(2N)) / 3
k0, _, x0, e0, v0, _, _ = trajectory(0.0)
rows += [("twap_E", e0), ("twap_sqrtV", np.sqrt(v0))]
# efficient frontier points
for lam in (1e-8, 1e-7, 1e-6, 1e-5):
    k_, _, _, es_, vs_, ec_, vc_ = trajectory(lam)
    rows += [(f"frontier_{lam:g}_E", ec_), (f"frontier_{lam:g}_sqrtV", np.sqrt(vc_))]

with open("almgren_chriss_2000_example.csv", "w") as f:
    f.write("# Almgren-Chriss (2000) Table 1 example, lambda=1e-6, computed by generate_almgren_chriss.py with numpy "
            + np.__version__ + " (closed form eq. 20 and explicit sums)\n")
    f.write("key,value\n")
    for key, val in rows:
        f.write(f"{key},{float(val)!r}\n")
print(open("almgren_chriss_2000_example.csv").read())
