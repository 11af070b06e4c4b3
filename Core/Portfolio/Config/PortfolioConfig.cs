using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.Constraints;

namespace NinjaTraderPortfolio.Core.Portfolio.Config
{
    /// <summary>
    /// Configuration of the portfolio manager: the portfolios it runs. Read from JSON by <see cref="PortfolioConfigReader"/>;
    /// checked by <see cref="PortfolioConfigValidator"/> (messages name the field path and its value).
    /// </summary>
    public sealed class PortfolioManagerConfig
    {
        /// <summary>The portfolios, names unique.</summary>
        public List<PortfolioConfig> Portfolios { get; set; } = new List<PortfolioConfig>();
    }

    /// <summary>One named portfolio: its instruments, how targets are made, limits, rebalance policy and account binding.</summary>
    public sealed class PortfolioConfig
    {
        /// <summary>Unique name.</summary>
        public string Name { get; set; } = "";
        /// <summary>Broker account it trades in (NinjaTrader account name, e.g. "Sim101").</summary>
        public string Account { get; set; } = "";
        /// <summary>Instruments, symbols unique.</summary>
        public List<InstrumentConfig> Instruments { get; set; } = new List<InstrumentConfig>();
        /// <summary>How target weights are made.</summary>
        public OptimizationConfig Optimization { get; set; } = new OptimizationConfig();
        /// <summary>Weight limits.</summary>
        public LimitsConfig Limits { get; set; } = new LimitsConfig();
        /// <summary>Rebalance policy: none|daily|weekly|monthly|quarterly|drift:X (see <see cref="Backtesting.RebalancePolicy"/>).</summary>
        public string Rebalance { get; set; } = "monthly";
        /// <summary>Commission in currency per contract/share traded (backtests, cost estimates).</summary>
        public decimal CommissionPerUnit { get; set; }
        /// <summary>Fraction of equity kept in cash when sizing, in [0, 1).</summary>
        public double CashBuffer { get; set; }
        /// <summary>Days each rebalance order may take (router horizon), &gt; 0. Default 1.</summary>
        public double ExecutionHorizonDays { get; set; } = 1;
        /// <summary>Currency of the account's equity, cash and P&amp;L (3-letter code). Default USD.</summary>
        public string AccountCurrency { get; set; } = "USD";
        /// <summary>Account-currency units per unit of each instrument currency (EUR: 1.08 for a USD account).</summary>
        public Dictionary<string, decimal> FxRates { get; set; } = new Dictionary<string, decimal>();

        /// <summary>The instrument's rate into the account currency (1 without a currency or in the account currency).</summary>
        public decimal FxRate(InstrumentConfig instrument)
            => new Execution.Sizing.FxRates(AccountCurrency, FxRates).Rate(Guard.NotNull(instrument, nameof(instrument)).Currency);

        /// <summary>Account currency per point per contract: point value x FX rate.</summary>
        public decimal PointValueInAccount(InstrumentConfig instrument) => instrument.PointValue * FxRate(instrument);

        /// <summary>
        /// The optimizer's limits of this portfolio: <see cref="Limits"/> over its method's default limits (long-only or with
        /// the configured minimum; fully invested except Kelly; see <see cref="OptimizerSpec.DefaultLimits"/>), the instruments'
        /// sectors and the sector caps. The one mapping from config to <see cref="PortfolioConstraints"/>: the validator checks
        /// it (<see cref="ConstraintFeasibilityCheck"/>), the manager optimizes under it and sizes with caps derived from it.
        /// </summary>
        public PortfolioConstraints Constraints()
        {
            var start = Optimization.Method == "fixed" ? PortfolioConstraints.LongOnly : OptimizerCatalog.Get(Optimization.Method).DefaultLimits;
            var c = start.WithWeightRange(Limits.MinWeight, Limits.MaxWeight);
            var sectors = Instruments.Where(i => i.Sector != null).ToDictionary(i => i.Symbol, i => i.Sector!, StringComparer.Ordinal);
            if (sectors.Count > 0) c = c.WithSectors(sectors);
            foreach (var kv in Limits.SectorMax.OrderBy(k => k.Key, StringComparer.Ordinal)) c = c.WithSectorMax(kv.Key, kv.Value);
            return c;
        }
    }

    /// <summary>One instrument of a portfolio.</summary>
    public sealed class InstrumentConfig
    {
        /// <summary>Symbol (NinjaTrader instrument name or price-file column).</summary>
        public string Symbol { get; set; } = "";
        /// <summary>Instrument currency per point per contract (1 for shares).</summary>
        public decimal PointValue { get; set; } = 1m;
        /// <summary>Currency of the point value (3-letter code), or null for the account currency.</summary>
        public string? Currency { get; set; }
        /// <summary>Units per lot (orders are whole lots).</summary>
        public int LotSize { get; set; } = 1;
        /// <summary>Sector name for sector limits and attribution, or null.</summary>
        public string? Sector { get; set; }
        /// <summary>Average daily volume in units, or null when unknown (needed for impact estimates and routing).</summary>
        public double? AverageDailyVolume { get; set; }
        /// <summary>Full bid-ask spread as a fraction of price, or null when unknown.</summary>
        public double? Spread { get; set; }
    }

    /// <summary>How targets are made: fixed weights, or an optimizer on a trailing window of bar returns.</summary>
    public sealed class OptimizationConfig
    {
        /// <summary>fixed, min-variance, max-sharpe or risk-parity.</summary>
        public string Method { get; set; } = "min-variance";
        /// <summary>Returns in the trailing estimation window (&gt;= 2) for optimizer methods.</summary>
        public int Lookback { get; set; } = 60;
        /// <summary>Covariance estimator: sample|ewma|ledoit-wolf|ledoit-wolf-cc.</summary>
        public string Covariance { get; set; } = "sample";
        /// <summary>Risk-free rate per bar (fraction) for max-sharpe.</summary>
        public double RiskFreePerPeriod { get; set; }
        /// <summary>Target weights by symbol for method fixed (fractions of equity).</summary>
        public Dictionary<string, double> Weights { get; set; } = new Dictionary<string, double>();
    }

    /// <summary>Weight limits, fractions of equity; ranges and defaults are the declarations of <see cref="LimitCatalog"/>.</summary>
    public sealed class LimitsConfig
    {
        /// <summary>Lowest weight per instrument (negative allows shorts), <see cref="LimitCatalog.MinWeight"/>. Default 0.</summary>
        public double MinWeight { get; set; } = LimitCatalog.MinWeight.Default!.Value;
        /// <summary>Highest weight per instrument, <see cref="LimitCatalog.MaxWeight"/>. Default 1.</summary>
        public double MaxWeight { get; set; } = LimitCatalog.MaxWeight.Default!.Value;
        /// <summary>Highest total weight per sector, by sector name (<see cref="LimitCatalog.SectorMax"/>).</summary>
        public Dictionary<string, double> SectorMax { get; set; } = new Dictionary<string, double>();
    }
}
