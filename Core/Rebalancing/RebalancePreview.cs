using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Routing;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>One planned order of the Rebalance tab with the router's choice and its estimated cost (currency).</summary>
    public sealed class RebalancePreviewRow
    {
        /// <summary>Creates the row.</summary>
        public RebalancePreviewRow(PlannedTrade trade, RoutingDecision? decision, ExecutionSchedule schedule)
        {
            Trade = trade;
            Decision = decision;
            Schedule = schedule;
        }

        /// <summary>The planner's row (instrument, target and order quantity).</summary>
        public PlannedTrade Trade { get; }
        /// <summary>The router's decision, or null when the instrument's liquidity is unknown (then a plain TWAP, cost unknown).</summary>
        public RoutingDecision? Decision { get; }
        /// <summary>The schedule the executor works (time unit: days).</summary>
        public ExecutionSchedule Schedule { get; }
        /// <summary>market, twap, vwap or is.</summary>
        public string Algorithm => Decision == null ? "twap" : Decision.AlgorithmName;
        /// <summary>Why (the router's sentence).</summary>
        public string Reason => Decision == null ? "liquidity unknown (no volume or spread history): equal slices, cost not estimated" : Decision.Reason;
        /// <summary>Expected cost in currency (NaN when unknown).</summary>
        public double ExpectedCost => Decision == null ? double.NaN : Decision.ExpectedCost;
    }

    /// <summary>
    /// The Rebalance tab's preview: Core's <see cref="RebalancePlanner"/> (whole contracts, point values, limits) and, per
    /// order, <see cref="SmartOrderRouter"/> with the instrument's liquidity over the horizon. Executing it hands each
    /// row's schedule to a <see cref="ScheduleExecutor"/> (see <see cref="Slices"/>).
    /// </summary>
    public static class RebalancePreview
    {
        /// <summary>
        /// Plans and routes. <paramref name="liquidity"/> by instrument name (missing = unknown); <paramref name="horizonDays"/>
        /// the time allowed (days, e.g. 30 minutes = 30/1440); <paramref name="slices"/> child orders of a scheduled order;
        /// <paramref name="riskAversion"/> lambda in 1/currency (0 = not urgent).
        /// </summary>
        public static IReadOnlyList<RebalancePreviewRow> Compute(RebalancePlan plan, IReadOnlyDictionary<string, InstrumentLiquidity>? liquidity,
            double horizonDays, int slices, double riskAversion)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            var router = new SmartOrderRouter();
            var rows = new List<RebalancePreviewRow>();
            foreach (PlannedTrade trade in plan.Trades)
            {
                long quantity = Math.Abs(trade.OrderQuantity);
                if (quantity == 0) continue;
                InstrumentLiquidity? liq = null;
                if (liquidity != null && liquidity.TryGetValue(trade.Instrument.Symbol, out var known)) liq = known;
                if (liq == null)
                {
                    rows.Add(new RebalancePreviewRow(trade, null, TwapSchedule.Build(quantity, horizonDays, slices)));
                    continue;
                }
                RoutingDecision decision = router.Route(new RoutingRequest(quantity, (double)trade.Instrument.Price, (double)trade.Instrument.PointValue,
                    liq, horizonDays, slices, riskAversion));
                rows.Add(new RebalancePreviewRow(trade, decision, decision.Schedule));
            }
            return rows;
        }

        /// <summary>The row's schedule on the wall clock from <paramref name="start"/> (schedules are in days).</summary>
        public static IReadOnlyList<TimedSlice> Slices(RebalancePreviewRow row, DateTime start)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            return row.Schedule.ToTimedSlices(start, TimeSpan.FromDays(1));
        }
    }
}
