#!/usr/bin/env bash
# One command: bash bench/compare.sh [RUNS]   (from anywhere; default 7 alternating runs per side, method and dataset)
# Whole-process comparison of the published `ntportfolio` against numpy+cvxopt (optimize: min-variance and max-Sharpe,
# box + sector caps) and numpy/scipy (risk at N = 2000), on four generated datasets and the two bundled samples.
# Every block prints the load average before and after it: this machine may be shared. See docs/performance.md.
#   RISK_RUNS=N   runs of the N = 2000 risk comparison (default 3; 0 skips it)
#   SAMPLES=0     skips the two bundled samples
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
risk_runs="${RISK_RUNS:-3}"
py=/usr/bin/python3
bench="$root/bench"

missing=()
for pkg in python3-numpy python3-pandas python3-scipy python3-cvxopt; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

gen() {   # gen DIR ARGS...: seeded factor-model data, made once
  local dir="$1"; shift
  [ -f "$dir/returns.csv" ] || { echo "generating $dir ($*)"; "$py" "$bench/make_factor_returns.py" "$dir" "$@"; }
}
gen "$bench/data"       --assets 500 --days 1260 --factors 3 --seed 20261125                  # the bench's own (issue 8)
gen "$bench/data-b"     --assets 500 --days 1260 --factors 6 --uneven-sectors --seed 424242   # 6 factors, sectors 154..6 assets
gen "$bench/data-c"     --assets 500 --days 2520 --factors 1 --seed 99                        # one factor, twice the history
gen "$bench/data-e"     --assets 500 --days 1260 --factors 4 --uneven-sectors --seed 4711     # 4 factors, uneven sectors (round three)
gen "$bench/data-r2000" --assets 2000 --days 1260 --factors 3 --seed 5                         # risk at N = 2000
[ -f "$bench/data-eu/returns.csv" ]  || "$py" "$bench/samples_to_returns.py" "$root/samples/eustockmarkets-prices.csv" "$bench/data-eu" --sectors 2
[ -f "$bench/data-gcc/returns.csv" ] || "$py" "$bench/samples_to_returns.py" "$root/samples/gccindex-prices.csv" "$bench/data-gcc" --sectors 3

echo "publishing ntportfolio: dotnet publish Cli -c Release -o bench/bin (ReadyToRun comes from Cli.csproj)"
dotnet publish "$root/Cli" -c Release -o "$bench/bin" -v q -nologo >/dev/null
nt="$bench/bin/ntportfolio"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version) SDK, $(date -u '+%Y-%m-%d %H:%M UTC'), uptime: $(uptime)"
"$py" "$bench/compare_run.py" "$nt" "$bench/data"   --runs "$runs" --label "A: 3 factors, 10 equal sectors"
"$py" "$bench/compare_run.py" "$nt" "$bench/data-b" --runs "$runs" --label "B: 6 factors, 10 uneven sectors"
"$py" "$bench/compare_run.py" "$nt" "$bench/data-c" --runs "$runs" --label "C: 1 factor, T = 2520"
"$py" "$bench/compare_run.py" "$nt" "$bench/data-e" --runs "$runs" --label "E: 4 factors, 10 uneven sectors"
if [ "${SAMPLES:-1}" != 0 ]; then
  "$py" "$bench/compare_run.py" "$nt" "$bench/data-eu"  --runs "$runs" --max-weight 0.4 --sector-max 0.7 --label "sample eustockmarkets"
  "$py" "$bench/compare_run.py" "$nt" "$bench/data-gcc" --runs "$runs" --max-weight 0.2 --sector-max 0.5 --label "sample gccindex"
fi
if [ "$risk_runs" -gt 0 ]; then
  "$py" "$bench/compare_risk.py" "$nt" "$bench/data-r2000" "$bench/stress.csv" --runs "$risk_runs"
fi
