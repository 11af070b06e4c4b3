using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Routing;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NinjaTraderPortfolio.Core.Portfolio.Manager;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>One planned order of the demo's sample account with the router's decision.</summary>
    internal sealed class DemoOrder
    {
        public DemoOrder(PlannedTrade trade, RoutingDecision decision) { Trade = trade; Decision = decision; }
        public PlannedTrade Trade { get; }
        public RoutingDecision Decision { get; }
    }

    /// <summary>
    /// The computations of <c>ntportfolio demo</c>, all through Core: every optimizer side by side on the whole sample
    /// (per-period figures; the tables annualise with <see cref="PeriodsPerYear"/>), the efficient frontier, the risk report of
    /// the configured portfolio's current targets, a rebalance of a sample account through the portfolio manager with the
    /// router's schedules, and a monthly backtest of the configured policy.
    /// </summary>
    internal sealed class DemoAnalysis
    {
        /// <summary>EuStockMarkets: business days (R's ts frequency 260).</summary>
        public const int PeriodsPerYear = 260;

        public AssetFrame Prices { get; private set; } = null!;
        public AssetFrame Returns { get; private set; } = null!;
        public PortfolioManagerConfig Config { get; private set; } = null!;
        public PortfolioConfig Portfolio { get; private set; } = null!;
        public List<OptimizationResult> Methods { get; } = new List<OptimizationResult>();
        public IReadOnlyList<OptimizationResult> Frontier { get; private set; } = Array.Empty<OptimizationResult>();
        public RiskReport Risk { get; private set; } = null!;
        public PortfolioEvaluation Evaluation { get; private set; } = null!;
        public RebalancePlan Plan { get; private set; } = null!;
        public List<DemoOrder> Orders { get; } = new List<DemoOrder>();
        public Dictionary<string, long> AccountPositions { get; } = new Dictionary<string, long>(StringComparer.Ordinal);
        public decimal AccountCash { get; private set; }
        public BacktestResult Backtest { get; private set; } = null!;
        public DateTime AsOfUtc { get; private set; }

        public void Load(string pricesPath, string configPath)
        {
            Prices = PriceFileLoader.Load(new[] { pricesPath }).Frame;
            Returns = ReturnCalculator.Simple(Prices);
            Config = PortfolioConfigReader.ReadFile(configPath);
            Portfolio = Config.Portfolios[0];
            foreach (var i in Portfolio.Instruments) Prices.IndexOf(i.Symbol); // names a config symbol missing from the prices
            var last = Prices.Dates[Prices.Rows - 1];
            AsOfUtc = DateTime.SpecifyKind(last.Date.AddHours(16), DateTimeKind.Utc);
        }

        // Long-only, fully invested, at most 60% in one index; Kelly at half fraction, not forced fully invested.
        public void Optimize()
        {
            var solver = new GoldfarbIdnaniSolver();
            var limits = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.6);
            var problem = new PortfolioProblem(Returns.Assets, SampleMoments.Mean(Returns), SampleMoments.Covariance(Returns), 0, limits);
            OptimizationResult Run(string method, OptimizerSettings settings)
            {
                var spec = OptimizerCatalog.Get(method);
                var own = problem.WithConstraints(spec.DefaultLimits.WithWeightRange(0, 0.6));
                return spec.Create(settings).Optimize(own).RequireOptimal(method);
            }
            var minVar = Run("min-variance", new OptimizerSettings { Solver = solver });
            var maxSharpe = Run("max-sharpe", new OptimizerSettings { Solver = solver });
            Methods.Add(minVar);
            Methods.Add(maxSharpe);
            // A volatility target halfway between the two, so it lies on the frontier for any data.
            Methods.Add(Run("target-volatility", new OptimizerSettings { Solver = solver, TargetVolatility = (minVar.Volatility + maxSharpe.Volatility) / 2 }));
            Methods.Add(Run("risk-parity", new OptimizerSettings { Solver = solver }));
            Methods.Add(Run("kelly", new OptimizerSettings { Solver = solver, KellyFraction = 0.5 }));
            Frontier = new EfficientFrontier(solver).Compute(problem, 40);
            foreach (var p in Frontier) p.RequireOptimal("frontier");
        }

        /// <summary>Drives the manager over the last lookback+1 bars for a sample account, then plans and routes the rebalance.</summary>
        public void PlanRebalance()
        {
            var clock = new FixedClock(AsOfUtc);
            var manager = new PortfolioManager(Config, clock);
            var symbols = Portfolio.Instruments.Select(i => i.Symbol).ToArray();
            int first = Prices.Rows - 1 - Portfolio.Optimization.Lookback;
            // The sample account: an existing book (contracts in EUR, CHF, GBP) plus USD cash, equity about 3.4 million USD.
            AccountPositions["DAX"] = 8; AccountPositions["SMI"] = 4; AccountPositions["CAC"] = 0; AccountPositions["FTSE"] = 12;
            AccountCash = 1_000_000m;
            for (int t = first; t < Prices.Rows; t++)
                manager.UpdatePrices(Portfolio.Name, Prices.Dates[t], symbols.ToDictionary(s => s, s => Prices[t, Prices.IndexOf(s)]));
            manager.UpdatePositions(Portfolio.Name, AccountPositions, AccountCash);
            Evaluation = manager.Evaluate(Portfolio.Name);
            Plan = manager.Plan(Portfolio.Name);
            var router = new SmartOrderRouter();
            foreach (var t in Plan.Trades)
            {
                if (t.OrderQuantity == 0) continue;
                var ic = Portfolio.Instruments.First(i => i.Symbol == t.Instrument.Symbol);
                var closes = Prices.CopyColumn(Prices.IndexOf(ic.Symbol)).Skip(Prices.Rows - 21).ToArray();
                var liq = new InstrumentLiquidity(LiquidityEstimator.Volatility(closes), ic.AverageDailyVolume ?? throw new InvalidInputException($"config: instrument '{ic.Symbol}' needs averageDailyVolume for routing"),
                    ic.Spread ?? throw new InvalidInputException($"config: instrument '{ic.Symbol}' needs spread for routing"));
                var d = router.Route(new RoutingRequest(Math.Abs(t.OrderQuantity), (double)t.Instrument.Price, (double)t.Instrument.PointValue, liq, Portfolio.ExecutionHorizonDays, 8, 1e-6));
                Orders.Add(new DemoOrder(t, d));
            }
            Risk = manager.AnalyzeRisk(Portfolio.Name, 0.99, useTargets: true);
        }

        public void RunBacktest()
        {
            var symbols = Portfolio.Instruments.Select(i => i.Symbol).ToArray();
            var options = TargetSourceFactory.BacktestOptions(Portfolio, 2_500_000m, PeriodsPerYear);
            options.Costs = BacktestCosts.WithImpact(Portfolio.CommissionPerUnit, new SquareRootImpactModel());
            Backtest = new Backtester().Run(Prices.Select(symbols), TargetSourceFactory.Instruments(Portfolio),
                TargetSourceFactory.Create(Portfolio, new GoldfarbIdnaniSolver()), options);
        }

        private sealed class FixedClock : IClock
        {
            public FixedClock(DateTime utc) => UtcNow = utc;
            public DateTime UtcNow { get; }
        }
    }
}
