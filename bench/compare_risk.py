#!/usr/bin/python3
"""Times `ntportfolio risk` (equal weights, 99%, stress file with sector shocks) against risk_numpy.py, whole process,
alternating, and prints median wall and CPU time, the ratios, peak memory and the largest difference of each figure.
usage: compare_risk.py NTPORTFOLIO DATADIR STRESS [--runs 3]"""
import argparse, json, os, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("ntportfolio"); ap.add_argument("datadir"); ap.add_argument("stress")
ap.add_argument("--runs", type=int, default=3)
a = ap.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
ret, sec = os.path.join(a.datadir, "returns.csv"), os.path.join(a.datadir, "sectors.csv")


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def measured(cmd):
    """(wall s, CPU s, max RSS MB, stdout) of one whole process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunks = []
    while True:
        b = p.stdout.read(1 << 20)
        if not b: break
        chunks.append(b)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd[:3])} ... failed: {err.decode()}")
    return dt, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, b"".join(chunks).decode()


nt_cmd = [a.ntportfolio, "risk", "--returns", ret, "--weights", "equal", "--confidence", "0.99", "--stress", a.stress,
          "--sectors", sec, "--format", "json"]
py_cmd = ["/usr/bin/python3", os.path.join(here, "risk_numpy.py"), ret, sec, a.stress, "--confidence", "0.99"]
with open(ret) as fh:
    n_assets = len(fh.readline().split(",")) - 1
    n_rows = sum(1 for _ in fh)
print(f"risk: {n_assets} assets x {n_rows} rows, equal weights, 99%, stress {os.path.basename(a.stress)} | {a.runs} alternating runs | load before {load()}")
wn, wp, cn, cp, mn, mp = [], [], [], [], [], []
for i in range(a.runs):
    for side in ([0, 1] if i % 2 == 0 else [1, 0]):
        dt, cpu, mb, out = measured(nt_cmd if side == 0 else py_cmd)
        (wn if side == 0 else wp).append(dt); (cn if side == 0 else cp).append(cpu); (mn if side == 0 else mp).append(mb)
        if side == 0: nt_out = out
        else: py_out = out
nt, py = json.loads(nt_out), json.loads(py_out)
worst = 0.0
for k in ["volatility", "parametricVaR", "parametricCVaR", "historicalVaR", "historicalCVaR", "modifiedVaR",
          "diversificationRatio", "averageCorrelation", "effectiveNumberOfBets"]:
    worst = max(worst, abs(nt[k] - py[k]) / max(abs(py[k]), 1e-300))
cv = max(abs(nt["componentVaR"][k] - v) for k, v in py["componentVaR"].items()) / max(abs(v) for v in py["componentVaR"].values())
share = abs(nt["riskConcentration"]["topShare"] - py["topShare"])
names = [s["scenario"] + (f" #{s['description'].split('#')[1].split(':')[0]}" if s["kind"] == "worst-window" else "") for s in nt["stress"]]
st = max(abs(s["loss"] - py["stress"][nm]) for s, nm in zip(nt["stress"], names))
print(f"{'':<14}{'ntportfolio s':>14}{'numpy s':>10}{'ratio':>8}{'cpu ratio':>10}{'nt MB':>8}{'py MB':>8}")
print(f"{'risk':<14}{statistics.median(wn):>14.3f}{statistics.median(wp):>10.3f}{statistics.median(wn) / statistics.median(wp):>8.3f}"
      f"{statistics.median(cn) / statistics.median(cp):>10.3f}{max(mn):>8.0f}{max(mp):>8.0f}")
print(f"  ntportfolio runs: {' '.join(f'{x:.2f}' for x in wn)}  (CPU {' '.join(f'{x:.2f}' for x in cn)})")
print(f"  numpy runs:       {' '.join(f'{x:.2f}' for x in wp)}  (CPU {' '.join(f'{x:.2f}' for x in cp)})")
print(f"  largest relative difference of the scalar figures {worst:.1e}, component VaR {cv:.1e}, top-3 share {share:.1e}, stress losses {st:.1e}")
print(f"load after: {load()}")
