using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Routing;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Execution.Session
{
    /// <summary>Turns one parent order into the timed slices its executor works, starting at a given time (UTC).</summary>
    public interface ISchedulePolicy
    {
        /// <summary>The slices of <paramref name="order"/>, numbered 0..n-1, quantities summing to the order's quantity.</summary>
        IReadOnlyList<TimedSlice> Slices(SessionOrder order, DateTime startUtc);
    }

    /// <summary>The slicing strategies of <see cref="FixedSchedulePolicy"/>.</summary>
    public enum SliceStrategy
    {
        /// <summary>Equal slices (<see cref="TwapSchedule"/>).</summary>
        Twap,
        /// <summary>Slices along a uniform volume profile (<see cref="VwapSchedule"/>).</summary>
        Vwap,
        /// <summary>Almgren-Chriss implementation shortfall (<see cref="ImplementationShortfallSchedule"/>).</summary>
        ImplementationShortfall,
    }

    /// <summary>
    /// N slices of one strategy, one every <see cref="Interval"/> from the start (the CLI's <c>execute</c>). The IS strategy
    /// uses <see cref="Sigma"/>, <see cref="Eta"/> and <see cref="RiskAversion"/> in slice units.
    /// </summary>
    public sealed class FixedSchedulePolicy : ISchedulePolicy
    {
        /// <summary>Largest number of slices of one order.</summary>
        public const int MaxSlices = 100_000;

        /// <summary>Creates the policy; <paramref name="slices"/> in [1, <see cref="MaxSlices"/>], <paramref name="interval"/> &gt; 0.</summary>
        public FixedSchedulePolicy(SliceStrategy strategy, int slices, TimeSpan interval, double sigma = 0, double eta = 1, double riskAversion = 0)
        {
            if (slices < 1 || slices > MaxSlices) throw new InvalidInputException($"slices must be in [1, {MaxSlices}], got {slices}");
            if (interval <= TimeSpan.Zero) throw new InvalidInputException($"slice interval must be > 0, got {interval}");
            Strategy = strategy; SliceCount = slices; Interval = interval; Sigma = sigma; Eta = eta; RiskAversion = riskAversion;
        }

        /// <summary>Slicing strategy.</summary>
        public SliceStrategy Strategy { get; }
        /// <summary>Slices per order (an order smaller than this gets one slice per unit).</summary>
        public int SliceCount { get; }
        /// <summary>Time between slice starts.</summary>
        public TimeSpan Interval { get; }
        /// <summary>IS volatility per slice (price units).</summary>
        public double Sigma { get; }
        /// <summary>IS temporary impact coefficient.</summary>
        public double Eta { get; }
        /// <summary>IS risk aversion.</summary>
        public double RiskAversion { get; }

        /// <inheritdoc />
        public IReadOnlyList<TimedSlice> Slices(SessionOrder order, DateTime startUtc)
        {
            Guard.NotNull(order, nameof(order));
            return Build(Strategy, order.Quantity, SliceCount, Sigma, Eta, RiskAversion).ToTimedSlices(startUtc, Interval);
        }

        /// <summary>
        /// The schedule this policy gives an order of <paramref name="quantity"/> units (&gt; 0) in at most <paramref name="slices"/>
        /// slices of one time unit each (never more slices than units: no empty children). Shared by the live session and the
        /// backtester's sliced execution, so both split a parent the same way.
        /// </summary>
        public static ExecutionSchedule Build(SliceStrategy strategy, long quantity, int slices, double sigma = 0, double eta = 1, double riskAversion = 0)
        {
            if (slices < 1 || slices > MaxSlices) throw new InvalidInputException($"slices must be in [1, {MaxSlices}], got {slices}");
            int n = (int)Math.Min(slices, quantity);
            switch (strategy)
            {
                case SliceStrategy.Twap:
                    return TwapSchedule.Build(quantity, n, n);
                case SliceStrategy.Vwap:
                    return VwapSchedule.Build(quantity, n, VolumeProfile.Uniform(n));
                default:
                    return ImplementationShortfallSchedule.Build(quantity, n, n, new AlmgrenChrissParameters(sigma, eta, 0, 0, riskAversion)).Schedule;
            }
        }
    }

    /// <summary>
    /// The portfolio policy: when the order's liquidity is known the <see cref="SmartOrderRouter"/> chooses the schedule over
    /// <see cref="HorizonDays"/>, otherwise one TWAP slice over the horizon. Slice k runs from start + t_k days to the next
    /// slice's start (the last to the horizon's end).
    /// </summary>
    public sealed class RoutedSchedulePolicy : ISchedulePolicy
    {
        private readonly SmartOrderRouter _router = new SmartOrderRouter();
        private readonly Func<string, decimal> _price;
        private readonly Func<string, decimal> _pointValue;

        /// <summary>Creates the policy; <paramref name="price"/> and <paramref name="pointValue"/> give currency per point and currency per point per unit.</summary>
        public RoutedSchedulePolicy(double horizonDays, int maxSlices, Func<string, decimal> price, Func<string, decimal> pointValue)
        {
            Guard.Positive(horizonDays, nameof(horizonDays));
            Guard.Positive(maxSlices, nameof(maxSlices));
            HorizonDays = horizonDays; MaxSlices = maxSlices;
            _price = Guard.NotNull(price, nameof(price));
            _pointValue = Guard.NotNull(pointValue, nameof(pointValue));
        }

        /// <summary>Execution horizon, days.</summary>
        public double HorizonDays { get; }
        /// <summary>Most slices the router may use.</summary>
        public int MaxSlices { get; }

        /// <inheritdoc />
        public IReadOnlyList<TimedSlice> Slices(SessionOrder order, DateTime startUtc)
        {
            Guard.NotNull(order, nameof(order));
            ExecutionSchedule schedule = order.Liquidity != null
                ? _router.Route(new RoutingRequest(order.Quantity, (double)_price(order.Instrument), (double)_pointValue(order.Instrument), order.Liquidity, HorizonDays, MaxSlices, 0)).Schedule
                : TwapSchedule.Build(order.Quantity, HorizonDays, 1);
            var list = new List<TimedSlice>();
            var slices = schedule.Slices.Where(x => x.Quantity > 0).ToList();
            for (int k = 0; k < slices.Count; k++)
            {
                var start = startUtc.AddDays(slices[k].Time);
                var end = k + 1 < slices.Count ? startUtc.AddDays(slices[k + 1].Time) : startUtc.AddDays(Math.Max(schedule.Horizon, slices[k].Time + 1e-6));
                list.Add(new TimedSlice(k, start, end, slices[k].Quantity));
            }
            return list;
        }
    }
}
