using NinjaTraderPortfolio.Core.Execution.Planning;
using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Execution.Sizing
{
    /// <summary>
    /// Futures-native sizing around <see cref="RebalancePlanner"/>: notionals, weights and margin in the account currency
    /// (unit notional = price x point value x FX rate); an instrument with a micro alternative is planned in micro units
    /// (unit notional / ratio), then split into whole parent contracts (toward zero) plus the micro remainder, so the
    /// target is reached within one micro; the no-trade band is the planner's minimum trade (band x equity); the margin cap
    /// first scales all targets by min(1, cap / margin of the ideal positions), then, if rounding still exceeds it, takes
    /// one lot at a time from the position whose cut costs the least squared weight error per unit of margin freed.
    /// Rule for a contract worth more than its limit: the limit wins and the instrument holds 0 contracts (never exceeded
    /// to hold one); its row says so, and the other instruments are planned as usual.
    /// </summary>
    public sealed class FuturesSizer
    {
        private readonly RebalancePlanner _planner = new RebalancePlanner();

        /// <summary>Sizes the instruments; <paramref name="equity"/> in the account currency (&gt; 0). Throws
        /// <see cref="InvalidInputException"/> for bad input (missing FX rate, missing margin under a margin cap).</summary>
        public SizingResult Size(IReadOnlyList<SizingInstrument> instruments, decimal equity, FxRates fx, SizingOptions? options = null, IAllocationLimits? limits = null)
        {
            Guard.NotNull(instruments, nameof(instruments));
            Guard.NotEmpty(instruments, nameof(instruments));
            Guard.NotNull(fx, nameof(fx));
            if (equity <= 0) throw new InvalidInputException($"equity must be > 0, got {equity}");
            options ??= new SizingOptions();
            Guard.InRange(options.MinTradeWeight, 0, double.MaxValue, "minimum trade weight");
            if (options.MaxMarginUse.HasValue) Guard.Positive(options.MaxMarginUse.Value, "max margin use");
            int n = instruments.Count;
            var rate = new decimal[n];
            var ratio = new int[n];
            var unit = new double[n];          // account currency per planner unit (contract, or micro when a micro is named)
            var planned = new List<PlannerInstrument>(n);
            for (int i = 0; i < n; i++)
            {
                var ins = Guard.NotNull(instruments[i], nameof(instruments));
                rate[i] = fx.Rate(ins.Currency);
                ratio[i] = ins.Micro?.Ratio ?? 1;
                decimal pv = ins.PointValue * rate[i] / ratio[i];
                long current = ins.CurrentQuantity * ratio[i] + (ins.Micro?.CurrentQuantity ?? 0);
                planned.Add(new PlannerInstrument(ins.Symbol, ins.Price, pv, ins.LotSize, current, ins.TargetWeight));
                unit[i] = (double)(ins.Price * pv);
                if (options.MaxMarginUse.HasValue && ins.Margin == null && (ins.TargetWeight != 0 || current != 0))
                    throw new InvalidInputException($"a margin cap needs the initial margin of every instrument held or targeted; '{ins.Symbol}' has none");
            }

            // Margin cap, step 1: scale the targets so the ideal (fractional) positions use at most the cap.
            decimal? marginLimit = options.MaxMarginUse.HasValue ? (decimal)options.MaxMarginUse.Value * equity : (decimal?)null;
            double marginScale = 1.0;
            if (marginLimit.HasValue)
            {
                double ideal = 0;
                for (int i = 0; i < n; i++)
                    ideal += Math.Abs(instruments[i].TargetWeight * (double)equity * (1 - options.CashBuffer) / unit[i]) * MarginPerUnit(instruments[i], rate[i]);
                if (ideal > (double)marginLimit.Value) marginScale = (double)marginLimit.Value / ideal;
                if (marginScale < 1.0)
                    for (int i = 0; i < n; i++)
                    {
                        var p = planned[i];
                        planned[i] = new PlannerInstrument(p.Symbol, p.Price, p.PointValue, p.LotSize, p.CurrentQuantity, p.TargetWeight * marginScale);
                    }
            }

            // No-trade band: an instrument whose target differs from its current weight by less than the band keeps its
            // position (its target becomes the current weight, which the planner then holds exactly); trades it does make
            // are at least the band (the planner's minimum trade).
            var held = new double?[n];
            if (options.MinTradeWeight > 0)
                for (int i = 0; i < n; i++)
                {
                    var p = planned[i];
                    double now = p.CurrentQuantity * unit[i] / (double)equity, want = p.TargetWeight * (1 - options.CashBuffer);
                    if (Math.Abs(want - now) >= options.MinTradeWeight) continue;
                    held[i] = Math.Abs(want - now);
                    planned[i] = new PlannerInstrument(p.Symbol, p.Price, p.PointValue, p.LotSize, p.CurrentQuantity, now / (1 - options.CashBuffer));
                }
            decimal minTrade = Math.Max(options.MinTradeNotional, (decimal)options.MinTradeWeight * equity);
            var plan = _planner.Plan(planned, equity, new PlannerOptions { CashBuffer = options.CashBuffer, MinTradeNotional = minTrade }, limits);
            var q = new long[n];
            for (int i = 0; i < n; i++) q[i] = plan.Trades[i].TargetQuantity;
            var beforeCut = (long[])q.Clone();

            // Margin cap, step 2: whole lots may round up past the cap; cut the cheapest lot until within it.
            if (marginLimit.HasValue)
            {
                double Margin(int i, long v) => (double)MarginOf(instruments[i], rate[i], v);
                double total = 0;
                for (int i = 0; i < n; i++) total += Margin(i, q[i]);
                while (total > (double)marginLimit.Value * (1 + 1e-12))
                {
                    int best = -1; long bestQ = 0; double bestRatio = double.PositiveInfinity;
                    for (int i = 0; i < n; i++)
                    {
                        long? next = TowardZero(q[i], planned[i], unit[i], (double)minTrade);
                        if (!next.HasValue) continue;
                        double freed = Margin(i, q[i]) - Margin(i, next.Value);
                        if (!(freed > 0)) continue;
                        double t = plan.Trades[i].CappedTargetWeight * (double)equity;
                        double e0 = q[i] * unit[i] - t, e1 = next.Value * unit[i] - t;
                        double r = (e1 * e1 - e0 * e0) / freed;
                        if (r < bestRatio) { bestRatio = r; best = i; bestQ = next.Value; }
                    }
                    if (best < 0)
                        throw new InfeasibleException($"the margin cap {marginLimit.Value.ToString("0.##", CultureInfo.InvariantCulture)} cannot be met: no position can move toward zero (minimum trade or current positions)", new[] { "max margin use" });
                    total += Margin(best, bestQ) - Margin(best, q[best]);
                    q[best] = bestQ;
                }
            }

            var orders = new List<SizedOrder>(n + 2);
            decimal marginUsed = 0, gross = 0;
            for (int i = 0; i < n; i++)
            {
                var ins = instruments[i];
                var trade = plan.Trades[i];
                long parentQ = q[i], microQ = 0;
                if (ins.Micro != null)
                {
                    parentQ = q[i] >= 0 ? q[i] / ratio[i] : -((-q[i]) / ratio[i]);
                    microQ = q[i] - parentQ * ratio[i];
                }
                decimal? m = ins.Margin.HasValue ? ins.Margin.Value * rate[i] : (decimal?)null;
                string? note = Note(ins, trade, limits, equity, unit[i] * ratio[i] * ins.LotSize, ratio[i], marginScale, beforeCut[i], q[i], held[i], options.MinTradeWeight);
                bool capped = trade.Capped || beforeCut[i] != q[i] || (marginScale < 1.0 && ins.TargetWeight != 0);
                double achieved = (double)(parentQ * ins.Price * ins.PointValue * rate[i] / equity);
                var row = new SizedOrder(ins.Symbol, null, ins.Currency, rate[i], ins.Price, ins.PointValue, ins.CurrentQuantity, parentQ,
                    ins.TargetWeight, achieved, m, capped, note);
                orders.Add(row);
                marginUsed += row.MarginUsed;
                gross += Math.Abs(parentQ) * ins.Price * ins.PointValue * rate[i];
                if (ins.Micro != null)
                {
                    var mc = ins.Micro;
                    decimal mpv = ins.PointValue / mc.Ratio;
                    decimal? mm = mc.Margin.HasValue ? mc.Margin.Value * rate[i] : m.HasValue ? m.Value / mc.Ratio : (decimal?)null;
                    double microAchieved = (double)(microQ * ins.Price * mpv * rate[i] / equity);
                    var micro = new SizedOrder(mc.Symbol, ins.Symbol, ins.Currency, rate[i], ins.Price, mpv, mc.CurrentQuantity, microQ,
                        trade.CappedTargetWeight - achieved, microAchieved, mm, capped,
                        $"micro of {ins.Symbol} (1 {ins.Symbol} = {mc.Ratio} {mc.Symbol}): remainder of the target after {parentQ} {ins.Symbol}");
                    orders.Add(micro);
                    marginUsed += micro.MarginUsed;
                    gross += Math.Abs(microQ) * ins.Price * mpv * rate[i];
                }
            }
            return new SizingResult(orders, plan, marginUsed, marginLimit, gross);
        }

        // Margin in the account currency per planner unit (a contract, or a micro when one is named), for the ideal positions.
        private static double MarginPerUnit(SizingInstrument ins, decimal rate)
        {
            if (ins.Micro == null) return (double)((ins.Margin ?? 0m) * rate);
            return (double)((ins.Micro.Margin ?? (ins.Margin ?? 0m) / ins.Micro.Ratio) * rate);
        }

        // Margin in the account currency of a position of q planner units (split into parent contracts and micros).
        private static decimal MarginOf(SizingInstrument ins, decimal rate, long q)
        {
            decimal m = (ins.Margin ?? 0m) * rate;
            if (ins.Micro == null) return Math.Abs(q) * m;
            long parent = q >= 0 ? q / ins.Micro.Ratio : -((-q) / ins.Micro.Ratio);
            long micro = q - parent * ins.Micro.Ratio;
            decimal mm = ins.Micro.Margin.HasValue ? ins.Micro.Margin.Value * rate : m / ins.Micro.Ratio;
            return Math.Abs(parent) * m + Math.Abs(micro) * mm;
        }

        // The next allowed position one lot (or more, past the minimum-trade hole) closer to zero, or the current position
        // when that is closer to zero; null at zero.
        private static long? TowardZero(long q, PlannerInstrument p, double unit, double minTrade)
        {
            if (q == 0) return null;
            int dir = q > 0 ? -1 : 1;
            for (long v = q + dir * p.LotSize; dir < 0 ? v >= 0 : v <= 0; v += dir * p.LotSize)
            {
                if (v == p.CurrentQuantity) return v;
                if (Math.Abs(v - p.CurrentQuantity) * unit >= minTrade - 1e-9) return v;
            }
            if (Math.Abs(p.CurrentQuantity) < Math.Abs(q) && Math.Sign(p.CurrentQuantity) != -Math.Sign(q)) return p.CurrentQuantity;
            return null;
        }

        private static string Pct(double x) => (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        private static string? Note(SizingInstrument ins, PlannedTrade trade, IAllocationLimits? limits, decimal equity, double contractUnit,
            int ratio, double marginScale, long beforeCut, long after, double? heldChange, double band)
        {
            var inv = CultureInfo.InvariantCulture;
            var notes = new List<string>();
            double e = (double)equity;
            double? mw = limits?.MaxWeight(ins.Symbol);
            decimal? mn = limits?.MaxNotional(ins.Symbol);
            double limit = double.PositiveInfinity;
            if (mw.HasValue) limit = Math.Min(limit, mw.Value * e);
            if (mn.HasValue) limit = Math.Min(limit, (double)mn.Value);
            // contractUnit: one lot of the smallest contract the planner may use (the micro when one is named).
            double smallest = contractUnit / ratio;
            string what = ratio > 1 ? $"one micro {ins.Micro!.Symbol}" : ins.LotSize > 1 ? $"one lot ({ins.LotSize} contracts)" : "one contract";
            if (ins.TargetWeight != 0 && smallest > limit * (1 + 1e-12))
            {
                string lim = mw.HasValue && mw.Value * e <= limit * (1 + 1e-12) ? $"max weight {Pct(mw.Value)}" : $"max notional {mn!.Value.ToString("0.##", inv)}";
                notes.Add($"{what} = {Pct(smallest / e)} of equity > {lim}: holds 0 contracts (rule: a weight limit is never exceeded to hold one contract{(ratio > 1 ? "" : "; name a micro alternative to trade it")})");
            }
            else if (ratio > 1 && contractUnit > limit * (1 + 1e-12) && ins.TargetWeight != 0)
                notes.Add($"one contract = {Pct(contractUnit / e)} of equity > limit {Pct(limit / e)}: held in micros {ins.Micro!.Symbol} only");
            else if (trade.Capped)
                notes.Add($"target cut by its limit to {Pct(trade.CappedTargetWeight)} of equity");
            if (after == 0 && ins.TargetWeight != 0 && notes.Count == 0 && !heldChange.HasValue && Math.Abs(trade.CappedTargetWeight * e) < 0.5 * smallest)
                notes.Add($"target {Pct(trade.CappedTargetWeight)} of equity is less than half of {what} ({Pct(smallest / e)} of equity): 0 contracts");
            if (marginScale < 1.0 && ins.TargetWeight != 0)
                notes.Add($"margin cap: targets scaled by {marginScale.ToString("0.####", inv)} to keep the margin within the cap");
            if (beforeCut != after)
                notes.Add($"margin cap: position cut from {beforeCut} to {after} {(ratio > 1 ? "micro units" : "contracts")}");
            if (heldChange.HasValue && after == trade.Instrument.CurrentQuantity)
                notes.Add($"inside the no-trade band: the target differs from the current weight by {Pct(heldChange.Value)} of equity < {Pct(band)}; position kept");
            return notes.Count == 0 ? null : string.Join("; ", notes);
        }
    }
}
