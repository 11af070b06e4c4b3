using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Execution.Planning
{
    /// <summary>
    /// Turns target weights into whole-lot positions. Target notional t_i = w_i x equity x (1 - cash buffer), cut to the
    /// allocation limits; a position q_i is allowed when it is a whole number of lots (or the current position, untouched),
    /// within the limits, and differs from the current one by at least the minimum trade notional. The plan minimises
    /// sum (q_i u_i - t_i)^2 (u_i = price x point value; equivalently the squared weight errors) subject to the gross
    /// exposure sum |q_i u_i| staying within max(investable equity, sum |t_i|). Start: cumulative rounding (each
    /// instrument rounds its target plus the running residual of the ones before, so the total stays on target); then a
    /// fix-up pass of single and paired lot moves until no move lowers the objective (O(N^2) per sweep); finally a branch and
    /// bound over each name's nearest allowed positions (the fix-up result as incumbent, pruned by the sum of per-name
    /// minimum errors and minimum gross) proves or improves the result within <see cref="NodeLimit"/> nodes.
    /// </summary>
    public sealed class RebalancePlanner
    {
        /// <summary>Search nodes the exactness pass may visit before it stops and reports <see cref="RebalancePlan.ProvedOptimal"/> = false (default 200,000).</summary>
        public int NodeLimit { get; set; } = 200_000;

        /// <summary>Plans the rebalance; throws <see cref="InvalidInputException"/> for bad inputs and <see cref="InfeasibleException"/>
        /// when the limits leave no allowed position.</summary>
        public RebalancePlan Plan(IReadOnlyList<PlannerInstrument> instruments, decimal equity, PlannerOptions? options = null, IAllocationLimits? limits = null)
        {
            Guard.NotNull(instruments, nameof(instruments));
            Guard.NotEmpty(instruments, nameof(instruments));
            if (equity <= 0) throw new InvalidInputException($"equity must be > 0, got {equity}");
            options ??= new PlannerOptions();
            Guard.InRange(options.CashBuffer, 0, 0.999999, "CashBuffer");
            if (options.MinTradeNotional < 0) throw new InvalidInputException($"minimum trade notional must be >= 0, got {options.MinTradeNotional}");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ins in instruments)
                if (!seen.Add(Guard.NotNull(ins, nameof(instruments)).Symbol)) throw new InvalidInputException($"instrument '{ins.Symbol}' is listed twice");

            int n = instruments.Count;
            decimal investable = equity * (1m - (decimal)options.CashBuffer);
            var unit = new double[n];
            var target = new double[n];
            var limit = new double[n];
            var capped = new bool[n];
            double sumAbsTarget = 0;
            for (int i = 0; i < n; i++)
            {
                var ins = instruments[i];
                unit[i] = (double)ins.UnitNotional;
                target[i] = ins.TargetWeight * (double)investable;
                if (unit[i] > 0 && Math.Abs(target[i] / unit[i]) > int.MaxValue)
                    throw new InvalidInputException($"instrument '{ins.Symbol}': target weight {Guard.Format(ins.TargetWeight)} of equity {equity} at {ins.UnitNotional} per unit is {Guard.Format(Math.Abs(target[i] / unit[i]))} units, more than one order can hold ({int.MaxValue}); check the equity, the weights and the prices");
                limit[i] = double.PositiveInfinity;
                if (limits != null)
                {
                    double? mw = limits.MaxWeight(ins.Symbol);
                    decimal? mn = limits.MaxNotional(ins.Symbol);
                    if (mw.HasValue) limit[i] = Math.Min(limit[i], mw.Value * (double)equity);
                    if (mn.HasValue) limit[i] = Math.Min(limit[i], (double)mn.Value);
                }
                if (Math.Abs(target[i]) > limit[i]) { target[i] = Math.Sign(target[i]) * limit[i]; capped[i] = true; }
                sumAbsTarget += Math.Abs(target[i]);
            }
            double budget = Math.Max((double)investable, sumAbsTarget) * (1 + 1e-12);
            var candidates = new Candidates[n];
            for (int i = 0; i < n; i++) candidates[i] = new Candidates(instruments[i], unit[i], limit[i], (double)options.MinTradeNotional);

            // 1. cumulative rounding
            var q = new long[n];
            double residual = 0, gross = 0;
            for (int i = 0; i < n; i++)
            {
                double desired = target[i] + residual;
                q[i] = candidates[i].Nearest(desired / unit[i]);
                residual = desired - q[i] * unit[i];
                gross += Math.Abs(q[i] * unit[i]);
            }
            // Over the gross budget (several names rounded up): move the name whose best smaller position costs the least
            // objective per unit of gross freed. When every name is at its smallest allowed position the limits are infeasible.
            for (int guard = 0; gross > budget && guard < 1_000_000; guard++)
            {
                int best = -1; double bestRatio = double.PositiveInfinity; long bestQ = 0;
                for (int i = 0; i < n; i++)
                {
                    double now = Math.Abs(q[i] * unit[i]);
                    long? smaller = candidates[i].NearestWithin(target[i] / unit[i], Math.Abs((double)q[i]) - 0.5);
                    if (!smaller.HasValue) continue;
                    double freed = now - Math.Abs(smaller.Value * unit[i]);
                    double e0 = q[i] * unit[i] - target[i], e1 = smaller.Value * unit[i] - target[i];
                    double ratio = (e1 * e1 - e0 * e0) / freed;
                    if (ratio < bestRatio) { bestRatio = ratio; best = i; bestQ = smaller.Value; }
                }
                if (best < 0)
                    throw new InfeasibleException($"the positions allowed by lot sizes, the minimum trade and the limits exceed the gross exposure budget {budget / (1 + 1e-12):0.##}", new[] { "gross exposure", "minimum trade", "lot sizes" });
                gross += Math.Abs(bestQ * unit[best]) - Math.Abs(q[best] * unit[best]);
                q[best] = bestQ;
            }

            // 2. fix-up: single moves, then paired moves, to a local optimum of the objective under the budget.
            FixUp(q, target, unit, candidates, budget);

            // 3. exactness: branch and bound over each name's nearest allowed positions, the fix-up result as incumbent.
            bool proved = BranchAndBound(q, target, unit, candidates, budget, NodeLimit);

            var trades = new List<PlannedTrade>(n);
            double objective = 0;
            decimal grossNotional = 0;
            for (int i = 0; i < n; i++)
            {
                var ins = instruments[i];
                double achieved = q[i] * unit[i] / (double)equity;
                double cappedWeight = target[i] / (double)equity;
                objective += (achieved - cappedWeight) * (achieved - cappedWeight);
                grossNotional += Math.Abs(q[i]) * ins.UnitNotional;
                trades.Add(new PlannedTrade(ins, q[i], target[i] / unit[i], cappedWeight, achieved, capped[i]));
            }
            return new RebalancePlan(trades, equity, investable, (decimal)(budget / (1 + 1e-12)), grossNotional, objective, proved);
        }

        private static void FixUp(long[] q, double[] target, double[] unit, Candidates[] c, double budget)
        {
            int n = q.Length;
            double gross = 0;
            for (int i = 0; i < n; i++) gross += Math.Abs(q[i] * unit[i]);
            double Err(int i, long v) { double e = v * unit[i] - target[i]; return e * e; }
            for (int sweep = 0; sweep < 1_000_000; sweep++)
            {
                double tol = 1e-12 * Math.Max(1.0, budget * budget);
                // best single move
                double bestDelta = -tol;
                int bi = -1; long bvi = 0;
                for (int i = 0; i < n; i++)
                    foreach (long vi in c[i].Neighbours(q[i]))
                    {
                        double g = gross - Math.Abs(q[i] * unit[i]) + Math.Abs(vi * unit[i]);
                        double d = Err(i, vi) - Err(i, q[i]);
                        if (g <= budget && d < bestDelta) { bestDelta = d; bi = i; bvi = vi; }
                    }
                if (bi >= 0)
                {
                    gross += Math.Abs(bvi * unit[bi]) - Math.Abs(q[bi] * unit[bi]);
                    q[bi] = bvi;
                    continue;
                }
                // no single move helps: paired moves, where one name's move is funded by another name giving up just enough
                // gross exposure (its best allowed position within the freed budget) or by a one-step move of the other name.
                int bj = -1; long bvj = 0;
                for (int i = 0; i < n; i++)
                    foreach (long vi in c[i].Neighbours(q[i]))
                    {
                        double di = Err(i, vi) - Err(i, q[i]);
                        if (di >= 0) continue; // an improving pair has an improving member; both orders are enumerated
                        double gi = gross - Math.Abs(q[i] * unit[i]) + Math.Abs(vi * unit[i]);
                        for (int j = 0; j < n; j++)
                        {
                            if (j == i) continue;
                            double rest = gi - Math.Abs(q[j] * unit[j]);
                            long? funded = c[j].NearestWithin(target[j] / unit[j], (budget - rest) / unit[j]);
                            var options = c[j].Neighbours(q[j]).ToList();
                            if (funded.HasValue) options.Add(funded.Value);
                            foreach (long vj in options)
                            {
                                if (vj == q[j]) continue;
                                double g = rest + Math.Abs(vj * unit[j]);
                                if (g > budget) continue;
                                double d = di + Err(j, vj) - Err(j, q[j]);
                                if (d < bestDelta) { bestDelta = d; bi = i; bvi = vi; bj = j; bvj = vj; }
                            }
                        }
                    }
                if (bi < 0) return;
                gross += Math.Abs(bvi * unit[bi]) - Math.Abs(q[bi] * unit[bi]) + Math.Abs(bvj * unit[bj]) - Math.Abs(q[bj] * unit[bj]);
                q[bi] = bvi;
                q[bj] = bvj;
            }
        }

        private static bool BranchAndBound(long[] q, double[] target, double[] unit, Candidates[] c, double budget, int nodeLimit)
        {
            int n = q.Length;
            var cand = new long[n][];
            var err = new double[n][];
            var sufErr = new double[n + 1];
            var sufGross = new double[n + 1];
            for (int i = 0; i < n; i++)
            {
                var list = c[i].NearestSet(target[i] / unit[i], 8);
                if (!list.Contains(q[i])) list.Add(q[i]);
                int ii = i;
                cand[i] = list.OrderBy(v => Math.Abs(v * unit[ii] - target[ii])).ToArray();
                err[i] = cand[i].Select(v => (v * unit[ii] - target[ii]) * (v * unit[ii] - target[ii])).ToArray();
            }
            for (int i = n - 1; i >= 0; i--)
            {
                sufErr[i] = sufErr[i + 1] + err[i].Min();
                int ii = i;
                sufGross[i] = sufGross[i + 1] + cand[i].Min(v => Math.Abs(v * unit[ii]));
            }
            double best = 0;
            for (int i = 0; i < n; i++) best += (q[i] * unit[i] - target[i]) * (q[i] * unit[i] - target[i]);
            double tol = 1e-12 * Math.Max(1.0, best);
            var cur = new long[n];
            long nodes = 0;
            bool complete = true;
            void Dfs(int i, double gross, double obj)
            {
                if (!complete) return;
                if (++nodes > nodeLimit) { complete = false; return; }
                if (obj + sufErr[i] >= best - tol || gross + sufGross[i] > budget) return;
                if (i == n) { best = obj; Array.Copy(cur, q, n); return; }
                for (int k = 0; k < cand[i].Length; k++)
                {
                    cur[i] = cand[i][k];
                    Dfs(i + 1, gross + Math.Abs(cur[i] * unit[i]), obj + err[i][k]);
                }
            }
            Dfs(0, 0, 0);
            return complete;
        }

        /// <summary>The allowed positions of one instrument: whole lots within the limit and the minimum trade, or the current position.</summary>
        private sealed class Candidates
        {
            private readonly long _current, _lot, _maxLots;
            private readonly bool _currentAllowed;
            private readonly string _symbol;
            private readonly double _minTradeUnits;

            public Candidates(PlannerInstrument ins, double unit, double limit, double minTrade)
            {
                _current = ins.CurrentQuantity;
                _symbol = ins.Symbol;
                _lot = ins.LotSize;
                _maxLots = double.IsPositiveInfinity(limit) ? long.MaxValue / 4 / _lot : (long)Math.Floor(limit / (unit * _lot) + 1e-9);
                _currentAllowed = Math.Abs(_current * unit) <= limit * (1 + 1e-12);
                _minTradeUnits = minTrade / unit;
                if (!_currentAllowed && _maxLots < 0) throw new InfeasibleException($"no allowed position for '{ins.Symbol}'", new[] { ins.Symbol });
            }

            private bool Allowed(long v)
            {
                if (v == _current) return _currentAllowed;
                if (v % _lot != 0 || Math.Abs(v / _lot) > _maxLots) return false;
                return Math.Abs(v - _current) >= _minTradeUnits - 1e-9;
            }

            // The nearest allowed whole-lot position strictly beyond a lot count in direction dir, jumping over the
            // minimum-trade hole around the current position in one step (no scan); null past the limit.
            private long? Step(long fromLots, int dir)
            {
                long next = fromLots + dir;
                for (int k = 0; k < 4; k++)
                {
                    if (Math.Abs(next) > _maxLots) return null;
                    long v = next * _lot;
                    if (Allowed(v)) return v;
                    double edge = dir > 0 ? Math.Ceiling((_current + _minTradeUnits) / _lot - 1e-9) : Math.Floor((_current - _minTradeUnits) / _lot + 1e-9);
                    long jump = (long)Math.Max(Math.Min(edge, long.MaxValue / 4), long.MinValue / 4);
                    next = dir > 0 ? Math.Max(jump, next + 1) : Math.Min(jump, next - 1);
                }
                return null;
            }

            public long Nearest(double idealUnits)
            {
                long baseLots = (long)Math.Floor(idealUnits / _lot);
                if (Math.Abs(baseLots) > _maxLots) baseLots = Math.Sign(baseLots) * _maxLots;
                var options = new List<long>();
                if (Allowed(baseLots * _lot)) options.Add(baseLots * _lot);
                long? up = Step(baseLots, +1), down = Step(baseLots, -1);
                if (up.HasValue) options.Add(up.Value);
                if (down.HasValue) options.Add(down.Value);
                if (_currentAllowed) options.Add(_current);
                if (options.Count == 0)
                    throw new InfeasibleException($"no position of '{_symbol}' satisfies its limit, lot size and the minimum trade (current {_current})", new[] { _symbol });
                return options.OrderBy(v => Math.Abs(v - idealUnits)).ThenBy(v => v == _current ? 0 : 1).First();
            }

            /// <summary>The allowed position nearest <paramref name="idealUnits"/> with |position| &lt;= <paramref name="maxAbsUnits"/>, or null.</summary>
            public long? NearestWithin(double idealUnits, double maxAbsUnits)
            {
                if (maxAbsUnits < 0) return null;
                double clamped = Math.Max(-maxAbsUnits, Math.Min(maxAbsUnits, idealUnits));
                long baseLots = (long)Math.Floor(clamped / _lot);
                if (Math.Abs(baseLots) > _maxLots) baseLots = Math.Sign(baseLots) * _maxLots;
                var options = new List<long> { baseLots * _lot, _current, 0 };
                long? up = Step(baseLots, +1), down = Step(baseLots, -1), up0 = Step(0, +1), down0 = Step(0, -1);
                if (up.HasValue) options.Add(up.Value);
                if (down.HasValue) options.Add(down.Value);
                if (up0.HasValue) options.Add(up0.Value);   // with 0 and the current position these include the smallest |position| allowed
                if (down0.HasValue) options.Add(down0.Value);
                long? best = null;
                foreach (long v in options)
                {
                    if (!Allowed(v) || Math.Abs(v) > maxAbsUnits + 1e-9) continue;
                    if (!best.HasValue || Math.Abs(v - idealUnits) < Math.Abs(best.Value - idealUnits)) best = v;
                }
                return best;
            }

            /// <summary>Up to <paramref name="k"/> allowed positions nearest the ideal on each side, plus the current position, 0 and the smallest non-zero ones.</summary>
            public List<long> NearestSet(double idealUnits, int k)
            {
                var set = new HashSet<long>();
                long baseLots = (long)Math.Floor(idealUnits / _lot);
                if (Math.Abs(baseLots) > _maxLots) baseLots = Math.Sign(baseLots) * _maxLots;
                if (Allowed(baseLots * _lot)) set.Add(baseLots * _lot);
                long lots = baseLots;
                for (int j = 0; j < k; j++) { long? v = Step(lots, +1); if (!v.HasValue) break; set.Add(v.Value); lots = v.Value / _lot; }
                lots = baseLots;
                for (int j = 0; j < k; j++) { long? v = Step(lots, -1); if (!v.HasValue) break; set.Add(v.Value); lots = v.Value / _lot; }
                if (_currentAllowed) set.Add(_current);
                if (Allowed(0)) set.Add(0);
                long? up0 = Step(0, +1), down0 = Step(0, -1);
                if (up0.HasValue) set.Add(up0.Value);
                if (down0.HasValue) set.Add(down0.Value);
                return set.ToList();
            }

            /// <summary>Positions one allowed step away from <paramref name="v"/> (up, down), plus 0 and the current position.</summary>
            public IEnumerable<long> Neighbours(long v)
            {
                if (v != 0 && Allowed(0)) yield return 0;
                bool onLot = v % _lot == 0; // only the untouched current position can be off the lot grid
                long below = onLot ? v / _lot : (long)Math.Floor((double)v / _lot);
                long? up = Step(below, +1);
                long? down = Step(onLot ? below : below + 1, -1);
                if (up.HasValue && up.Value != v) yield return up.Value;
                if (down.HasValue && down.Value != v) yield return down.Value;
                if (_currentAllowed && v != _current) yield return _current;
            }
        }
    }
}
