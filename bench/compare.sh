#!/usr/bin/env bash
# One command: bash bench/compare.sh [RUNS]   (from anywhere; default 7 alternating runs per side and method)
# Times `ntportfolio optimize` (Release build) against numpy+cvxopt on a seeded factor-model file (N=500, T=1260, 10 sectors),
# max weight 2%, every sector <= 15%, min-variance and max-Sharpe (Charnes-Cooper). See docs/performance.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
data="${BENCH_DATA:-$root/bench/data}"
py=/usr/bin/python3

missing=()
for pkg in python3-numpy python3-pandas python3-cvxopt; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

if [ ! -f "$data/returns.csv" ] || [ ! -f "$data/sectors.csv" ]; then
  echo "generating $data (N=500, T=1260, 10 sectors, seed 20261125)"
  "$py" "$root/bench/make_factor_returns.py" "$data"
fi

echo "building ntportfolio (Release, published ReadyToRun for linux-x64 into bench/bin)"
dotnet publish "$root/Cli/Cli.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$root/bench/bin" -v q -nologo >/dev/null
nt="$root/bench/bin/ntportfolio"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version) SDK, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$py" "$root/bench/compare_run.py" "$nt" "$data" --runs "$runs"
