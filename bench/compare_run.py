#!/usr/bin/python3
"""Times `ntportfolio optimize` against compare_cvxopt.py, whole process, alternating, and prints medians, the ratio,
peak memory (max RSS of each process, from wait4), median CPU time (user + system, from wait4: less sensitive than wall
time to other processes on a shared machine) and the largest weight difference. Prints the load average before and after.
usage: compare_run.py NTPORTFOLIO DATADIR [--runs 7] [--max-weight 0.02] [--sector-max 0.15] [--label NAME]"""
import argparse, json, os, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("ntportfolio"); ap.add_argument("datadir")
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--max-weight", type=float, default=0.02)
ap.add_argument("--sector-max", type=float, default=0.15)
ap.add_argument("--label", default=None)
a = ap.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
ret, sec = os.path.join(a.datadir, "returns.csv"), os.path.join(a.datadir, "sectors.csv")
sectors = sorted({line.split(",")[1] for line in open(sec).read().splitlines()[1:]})


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def run(cmd):
    """Runs cmd, returns (wall seconds, max RSS MB, stdout, CPU seconds)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read(); err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd[:3])} ... failed ({p.returncode}): {err.decode()}")
    return dt, usage.ru_maxrss / 1024.0, out.decode(), usage.ru_utime + usage.ru_stime


with open(ret) as fh:
    n_assets = len(fh.readline().split(",")) - 1
    n_rows = sum(1 for _ in fh)
print(f"data: {a.label or ret} ({n_assets} assets x {n_rows} rows) | max weight {a.max_weight}, every sector <= {a.sector_max} "
      f"({len(sectors)} sectors) | {a.runs} alternating runs each | load before {load()}")
print(f"{'method':<14}{'ntportfolio s':>14}{'cvxopt s':>10}{'ratio':>8}{'cpu ratio':>10}{'nt MB':>8}{'py MB':>8}{'max |dw|':>12}")
for method in ["min-variance", "max-sharpe"]:
    nt_cmd = [a.ntportfolio, "optimize", "--returns", ret, "--sectors", sec, "--max-weight", str(a.max_weight), "--method", method, "--format", "json"]
    for s in sectors: nt_cmd += ["--sector-max", f"{s}={a.sector_max}"]
    py_cmd = ["/usr/bin/python3", os.path.join(here, "compare_cvxopt.py"), ret, sec, method, "--max-weight", str(a.max_weight), "--sector-max", str(a.sector_max)]
    tn, tp, mn, mp, cn, cp = [], [], [], [], [], []
    for i in range(a.runs):
        order = [(nt_cmd, tn, mn, cn), (py_cmd, tp, mp, cp)] if i % 2 == 0 else [(py_cmd, tp, mp, cp), (nt_cmd, tn, mn, cn)]
        for cmd, times, mems, cpus in order:
            dt, mb, out, cpu = run(cmd)
            times.append(dt); mems.append(mb); cpus.append(cpu)
            if cmd is nt_cmd: nt_out = out
            else: py_out = out
    wn = json.loads(nt_out)["weights"]
    wp = {k: float(v) for k, v in (l.split(",") for l in py_out.splitlines()[1:])}
    dw = max(abs(wn[k] - wp[k]) for k in wp)
    mt, mpy = statistics.median(tn), statistics.median(tp)
    cr = statistics.median(cn) / statistics.median(cp)
    print(f"{method:<14}{mt:>14.3f}{mpy:>10.3f}{mt / mpy:>8.3f}{cr:>10.3f}{max(mn):>8.0f}{max(mp):>8.0f}{dw:>12.2e}")
    print(f"  ntportfolio runs: {' '.join(f'{x:.3f}' for x in tn)}")
    print(f"  cvxopt runs:      {' '.join(f'{x:.3f}' for x in tp)}")
print(f"load after: {load()}")
