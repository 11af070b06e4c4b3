using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using System;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Execution.Routing
{
    /// <summary>
    /// Chooses market, TWAP, VWAP or IS per order. Rules, in order: (1) small (size &lt;= MarketMaxAdvFraction x ADV, within
    /// visible depth) and tight spread: market; (2) urgent (Almgren-Chriss kappa T &gt;= IsMinKappaT, i.e. risk aversion and
    /// volatility make the optimal trajectory clearly front-loaded): IS; (3) large (&gt;= VwapMinAdvFraction x ADV): VWAP;
    /// (4) otherwise TWAP. Scheduled costs use the Almgren-Chriss linear model calibrated as in their section 5 example:
    /// epsilon = spread/2, eta = spread / (1% of ADV per day), gamma = spread / (10% of ADV), sigma = daily vol x price.
    /// A market order is priced with the square-root law.
    /// </summary>
    public sealed class SmartOrderRouter
    {
        /// <summary>Creates the router (default thresholds when null).</summary>
        public SmartOrderRouter(RouterThresholds? thresholds = null) => Thresholds = thresholds ?? new RouterThresholds();

        /// <summary>The thresholds in use.</summary>
        public RouterThresholds Thresholds { get; }

        /// <summary>Linear-model parameters per share (currency) for an instrument, following the AC 2000 calibration rule above.</summary>
        public static AlmgrenChrissParameters LinearModel(double price, InstrumentLiquidity liq, double riskAversion)
        {
            Guard.Positive(price, nameof(price));
            Guard.NotNull(liq, nameof(liq));
            double spread = Math.Max(liq.Spread * price, 1e-12);
            return new AlmgrenChrissParameters(liq.DailyVolatility * price, spread / (0.01 * liq.AverageDailyVolume),
                spread / (0.1 * liq.AverageDailyVolume), spread / 2, riskAversion);
        }

        /// <summary>Routes one order; the schedule's time unit is days.</summary>
        public RoutingDecision Route(RoutingRequest r)
        {
            Guard.NotNull(r, nameof(r));
            var t = Thresholds;
            var liq = r.Liquidity;
            double advFraction = r.Quantity / liq.AverageDailyVolume;
            bool fitsDepth = double.IsNaN(liq.VisibleDepth) || r.Quantity <= liq.VisibleDepth;
            string pct = Pct(advFraction);
            if (advFraction <= t.MarketMaxAdvFraction && fitsDepth && liq.Spread <= t.MarketMaxSpread)
            {
                double cost = new SquareRootImpactModel(t.SquareRootY).Cost(r.Quantity, r.Price, r.PointValue, liq);
                var one = new ExecutionSchedule("market", r.Quantity, r.HorizonDays, new[] { new ScheduleSlice(0, 0, r.Quantity) }, cost, 0);
                string depth = double.IsNaN(liq.VisibleDepth) ? "depth unknown" : $"within visible depth {F(liq.VisibleDepth)}";
                return new RoutingDecision(ExecutionAlgorithm.Market,
                    $"small order: {pct} of ADV (<= {Pct(t.MarketMaxAdvFraction)}), {depth}, spread {Bp(liq.Spread)} bp: one market order",
                    one, cost, 0, 0);
            }
            int slices = (int)Math.Max(1, Math.Min(r.Slices, r.Quantity));
            // The model works per unit of price; lambda is per currency, so per point it is lambda x point value.
            var p = LinearModel(r.Price, liq, r.RiskAversion * r.PointValue);
            double tau = r.HorizonDays / slices;
            if (!(p.Eta - p.Gamma * tau / 2 > 0))
                throw new InvalidInputException($"horizon {F(r.HorizonDays)} days in {slices} slices is too coarse for the linear impact model (eta~ <= 0); use more slices");
            var isSchedule = ImplementationShortfallSchedule.Build(r.Quantity, r.HorizonDays, slices, p);
            double kappaT = isSchedule.Kappa * r.HorizonDays;
            if (kappaT >= t.IsMinKappaT)
            {
                var s = isSchedule.Schedule;
                return Decide(ExecutionAlgorithm.ImplementationShortfall,
                    $"urgent: risk aversion {F(r.RiskAversion)} with daily vol {Pct(liq.DailyVolatility)} gives kappa*T = {F(kappaT)} (>= {F(t.IsMinKappaT)}), so front-load to cut timing risk",
                    s, r.PointValue, kappaT);
            }
            if (advFraction >= t.VwapMinAdvFraction)
            {
                var profile = r.VolumeProfile ?? VolumeProfile.Uniform(slices);
                if (!(p.Eta - p.Gamma * r.HorizonDays / profile.Buckets / 2 > 0))
                    throw new InvalidInputException($"horizon {F(r.HorizonDays)} days in {profile.Buckets} VWAP buckets is too coarse for the linear impact model (eta~ <= 0)");
                var s = VwapSchedule.Build(r.Quantity, r.HorizonDays, profile, cost: p);
                return Decide(ExecutionAlgorithm.Vwap,
                    $"large order: {pct} of ADV (>= {Pct(t.VwapMinAdvFraction)}) and not urgent (kappa*T = {F(kappaT)}): follow the volume profile",
                    s, r.PointValue, kappaT);
            }
            var twap = TwapSchedule.Build(r.Quantity, r.HorizonDays, slices, 1, null, p);
            string why = advFraction > t.MarketMaxAdvFraction ? $"{pct} of ADV is above the market-order limit {Pct(t.MarketMaxAdvFraction)}"
                : !fitsDepth ? $"size exceeds visible depth {F(liq.VisibleDepth)}" : $"spread {Bp(liq.Spread)} bp is above {Bp(t.MarketMaxSpread)} bp";
            return Decide(ExecutionAlgorithm.Twap, $"medium order: {why}, not urgent (kappa*T = {F(kappaT)}): equal slices", twap, r.PointValue, kappaT);
        }

        private static RoutingDecision Decide(ExecutionAlgorithm a, string reason, ExecutionSchedule s, double pointValue, double kappaT)
            => new RoutingDecision(a, reason, s, s.ExpectedCost * pointValue, s.CostStdDev * pointValue, kappaT);

        private static string Pct(double f) => (f * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
        private static string Bp(double f) => (f * 1e4).ToString("0.#", CultureInfo.InvariantCulture);
        private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
