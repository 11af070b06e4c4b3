using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution;
using NinjaTraderPortfolio.Core.Safety;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// Checks the whole execution against the trading guards before anything is sent: the largest child of each parent
    /// (a slice, or the per-order cap when slices are split to it) against the per-order, participation and stale-price
    /// guards, and the sum of all parents against the daily limits.
    /// A refusal throws <see cref="TradingGuardException"/> (exit 3) naming the guard.
    /// </summary>
    internal static class ExecutePreflight
    {
        public static void Check(IReadOnlyList<ExecuteOrderRow> rows, ExecuteSettings s)
        {
            var clock = new ExecuteClock();
            var perOrder = new TradingLimits
            {
                AllowLiveAccounts = s.Limits.AllowLiveAccounts,
                MaxOrderQuantity = s.Limits.MaxOrderQuantity,
                MaxOrderNotional = s.Limits.MaxOrderNotional,
                MaxParticipation = s.Limits.MaxParticipation,
                MaxPriceAge = s.Limits.MaxPriceAge,
            };
            var guard = new TradingGuard(perOrder, clock);
            DateTime priceTime = s.PriceTime ?? clock.UtcNow;
            long totalQuantity = 0;
            decimal totalNotional = 0;
            foreach (var r in rows)
            {
                long largest = Slices(r.Quantity, s, clock.UtcNow).Max(x => x.Quantity);
                int? cap = MaxChildQuantity(s);
                if (cap.HasValue) largest = Math.Min(largest, cap.Value); // larger slices are worked as several children
                var d = guard.Check(new OrderIntent(s.Account, r.Instrument, r.Side, largest, s.Price, priceTime, 1m, s.MarketVolume));
                if (!d.IsAllowed) throw new TradingGuardException(d);
                totalQuantity += r.Quantity;
                totalNotional += r.Quantity * s.Price;
            }
            var inv = CultureInfo.InvariantCulture;
            if (totalQuantity > s.Limits.MaxDailyQuantity)
                throw new TradingGuardException(GuardDecision.Refuse(GuardKind.DailyQuantity,
                    $"the orders total {totalQuantity}, above the maximum daily quantity {s.Limits.MaxDailyQuantity}"));
            if (totalNotional > s.Limits.MaxDailyNotional)
                throw new TradingGuardException(GuardDecision.Refuse(GuardKind.DailyNotional,
                    $"the orders total a notional of {totalNotional.ToString(inv)}, above the maximum daily notional {s.Limits.MaxDailyNotional.Value.ToString(inv)}"));
        }

        /// <summary>Largest child the per-order guards allow (catch-up slices are split to it), or null without such limits.</summary>
        public static int? MaxChildQuantity(ExecuteSettings s)
        {
            long cap = int.MaxValue;
            if (s.Limits.MaxOrderQuantity.HasValue) cap = Math.Min(cap, s.Limits.MaxOrderQuantity.Value);
            if (s.Limits.MaxOrderNotional.HasValue) cap = Math.Min(cap, (long)decimal.Floor(s.Limits.MaxOrderNotional.Value / s.Price));
            if (s.Limits.MaxParticipation.HasValue && s.MarketVolume.HasValue) cap = Math.Min(cap, (long)Math.Floor(s.Limits.MaxParticipation.Value * s.MarketVolume.Value));
            return cap == int.MaxValue ? (int?)null : (int)Math.Max(1, cap);
        }

        /// <summary>The timed slices of one parent: N slices of the chosen strategy, one every interval from <paramref name="start"/>.</summary>
        public static IReadOnlyList<TimedSlice> Slices(long quantity, ExecuteSettings s, DateTime start)
        {
            ExecutionSchedule schedule;
            switch (s.Strategy)
            {
                case "twap":
                    schedule = TwapSchedule.Build(quantity, s.Slices, s.Slices);
                    break;
                case "vwap":
                    schedule = VwapSchedule.Build(quantity, s.Slices, VolumeProfile.Uniform(s.Slices));
                    break;
                default:
                    schedule = ImplementationShortfallSchedule.Build(quantity, s.Slices, s.Slices,
                        new AlmgrenChrissParameters(s.Sigma, s.Eta, 0, 0, s.RiskAversion)).Schedule;
                    break;
            }
            return schedule.ToTimedSlices(start, TimeSpan.FromMilliseconds(s.IntervalMs));
        }
    }
}
