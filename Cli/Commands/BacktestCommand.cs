using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// <c>ntportfolio backtest</c>: replays close prices through the rebalancing loop (<see cref="Backtester"/> over Core's
    /// <see cref="RebalancingLoop"/>, the strategy's loop), with fixed
    /// weights or an optimizer re-run on a trailing window at every rebalance, and prints the performance (table or JSON);
    /// <c>--report DIR</c> also writes the equity curve, weights, fills and rebalances as CSV.
    /// </summary>
    public sealed class BacktestCommand : ICliCommand
    {
        /// <inheritdoc />
        public string Name => "backtest";

        /// <inheritdoc />
        public string Summary => "replay prices through the rebalancing engine: whole lots, impact costs, commissions";

        /// <inheritdoc />
        public string Usage => string.Join("\n",
            "ntportfolio backtest --prices FILE (--weights FILE | --method M [optimize options] --lookback N)",
            "                     --rebalance none|daily|weekly|monthly|quarterly|drift:X --initial-capital C --costs none|model",
            "                     [--commission-per-unit X] [--instruments FILE] [--format table|json] [--report DIR]",
            "                     [--periods-per-year N] [--cash-buffer F] [--min-trade-weight X] [--fractional]",
            "                     [--execution moc|twap|vwap|is --slices N [--is-sigma S --is-eta E --is-risk-aversion L]]",
            "                     [--vol-target V] [--max-gross-leverage L] [--vol-window N] [--fx FILE] [--account-currency CUR]",
            "  --prices           closes: wide CSV 'Date,<asset>,...' or NinjaTrader exports (repeat --prices; inner-joined on dates)",
            "  --weights          CSV 'Asset,Weight': fixed target weights, fractions of equity (assets not listed target 0)",
            "  --method M         re-optimize at the first bar and every rebalance on the last N returns (--lookback N) up to",
            "                     that close; any 'ntportfolio optimize' limit options apply (not --frontier, --expected-returns,",
            "                     --max-turnover/--current-weights). Typed optimizer figures are annual (see --periods-per-year)",
            "  --rebalance        none = buy and hold; daily/weekly/monthly/quarterly = first bar of each new period;",
            "                     drift:X = when any |weight - target| exceeds X (fraction of equity)",
            "  Conventions: the first allocation trades at the close of the first bar (the lookback-th bar with --method);",
            "  every rebalance trades at the close of the bar that triggers it (market-on-close).",
            "  --costs none       no commission and no impact; model = --commission-per-unit (currency per contract/share,",
            "                     default 0) plus square-root impact (spread/2 + sigma sqrt(q/ADV)) needing --instruments with",
            "                     Adv and Spread for every asset",
            "  --instruments      CSV 'Asset,PointValue,LotSize,Adv,Spread,Currency' (see 'ntportfolio help rebalance'); default",
            "                     point value 1, lot 1; its Margin and Micro columns are not used by backtest",
            "  --periods-per-year bars per year for the annualised figures (default 252, daily bars; give it for intraday bars)",
            "  --min-trade-weight X  no-trade band (fraction of equity): an instrument whose target differs from its current",
            "                     weight by less than X keeps its position; trades are at least X (same rule as rebalance)",
            "  --vol-target V     scale the targets at every rebalance by k = min(V / sigma, L / sum|w|), sigma = sqrt(w' S w N)",
            "                     with S the sample covariance of the last --vol-window returns (default --lookback, else 60)",
            "  --max-gross-leverage L  cap on sum |weights| (without --vol-target it only cuts)",
            "  --fx FILE          CSV 'Currency,Rate' (account currency per unit); instruments' Currency column converts",
            "                     notional, P&L and weights at these constant rates; --account-currency CUR (default USD)",
            "  --execution moc|twap|vwap|is  moc (default) fills every rebalance at the decision bar's close; twap|vwap|is",
            "                     split each parent order like live (the execute command's schedules) into at most --slices N",
            "                     children in whole lots, child k at the close of the k-th bar after the decision, each paying",
            "                     commission and impact on its own quantity; cash and positions move per child; while children",
            "                     are pending a drift signal is ignored and a calendar signal cancels them and re-plans (as the",
            "                     strategy does); a signal on the last bar fills at its close. vwap uses a",
            "                     uniform profile; is takes --is-sigma (price per sqrt(bar), default 0), --is-eta (default 1) and",
            "                     --is-risk-aversion (default 0). The output adds the delay vs the decision close and the slicing",
            "                     cost (delay + commissions + impact); fills.csv adds DecisionDate, DecisionPrice, DelayCost",
            "  --fractional       positions in exact fractions of a unit instead of whole lots (for comparisons with closed forms)",
            "  --report DIR       also write equity.csv, weights.csv, fills.csv, rebalances.csv, summary.json and the charts",
            "                     equity-drawdown.png and weights.png there",
            "JSON: finalEquity, totalReturn (final / initial capital - 1), annualizedReturn, volatility, sharpe, maxDrawdown,",
            "turnover (sum over rebalances after the first of traded notional / equity), trades (fills), equityCurve [{date, equity}].");

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var s = BacktestSettings.Parse(args);
            var loaded = PriceFileLoader.Load(s.PricePaths, FrameKind.Prices);
            foreach (var w in loaded.Warnings) stderr.WriteLine("warning: " + w);
            var prices = loaded.Frame;
            if (prices.Rows < 1) throw new InvalidInputException($"{string.Join(", ", s.PricePaths)}: no price rows");
            var assets = prices.Assets;

            PortfolioConstraints? limits = s.Optimizer == null ? null : OptimizeCommand.BuildLimits(s.Optimizer, assets);
            ITargetWeightSource source = s.WeightsPath != null
                ? new FixedWeightSource(AssetValueFileReader.ReadWeights(s.WeightsPath, assets, requireAll: false).Align(assets, 0.0))
                : BuildOptimizerSource(s, assets, limits!);
            if (s.VolTarget.HasValue || s.MaxGross.HasValue)
                source = new ScaledWeightSource(source, s.VolWindow, s.PeriodsPerYear, s.VolTarget, s.MaxGross);
            var instruments = BuildInstruments(s, assets);
            var options = new BacktestOptions
            {
                InitialCapital = s.InitialCapital,
                Policy = s.Policy,
                Costs = s.ModelCosts ? BacktestCosts.WithImpact(s.CommissionPerUnit, new SquareRootImpactModel()) : BacktestCosts.None,
                FractionalUnits = s.Fractional,
                PeriodsPerYear = s.PeriodsPerYear,
                CashBuffer = s.CashBuffer,
                MinTradeWeight = s.MinTradeWeight,
                Execution = s.Execution,
                // With an optimizer, whole-lot rounding must not push a weight past the optimizer's own limit.
                SizingLimits = limits == null ? null : SizingCaps.From(limits),
            };
            var result = new Backtester().Run(prices, instruments, source, options);

            string json = BacktestOutput.Json(result, s.Policy);
            if (s.Json) stdout.Write(json);
            else BacktestOutput.WriteTable(stdout, result, s.Policy);
            if (s.ReportDir != null)
            {
                BacktestOutput.WriteReport(s.ReportDir, result, json);
                BacktestOutput.WriteCharts(s.ReportDir, result, s.Policy);
            }
            return 0;
        }

        private static ITargetWeightSource BuildOptimizerSource(BacktestSettings s, IReadOnlyList<string> assets, PortfolioConstraints limits)
        {
            var o = s.Optimizer!;
            RiskBudgets? budgets = o.BudgetsPath == null ? null
                : RiskBudgets.FromMap(assets, OptimizeCommand.ToDictionary(AssetValueFileReader.ReadRiskBudgets(o.BudgetsPath, assets, requireAll: true), assets));
            var optimizer = o.CreateOptimizer(new GoldfarbIdnaniSolver(), budgets);
            return new OptimizerWeightSource(optimizer, limits, s.Lookback, CovarianceMethodNames.Parse(o.Covariance), o.PerPeriodReturn(o.RiskFree));
        }

        private static List<BacktestInstrument> BuildInstruments(BacktestSettings s, IReadOnlyList<string> assets)
        {
            var specs = s.InstrumentsPath != null ? RebalanceInstrumentsFile.Read(s.InstrumentsPath, assets.ToList()) : new Dictionary<string, InstrumentSpec>();
            var fx = FxRatesFile.Read(s.FxPath, s.AccountCurrency);
            var list = new List<BacktestInstrument>();
            foreach (var a in assets)
            {
                var spec = specs.TryGetValue(a, out var sp) ? sp : new InstrumentSpec();
                // Point values in the account currency: notional, P&L and weights are converted at the (constant) --fx rate.
                list.Add(new BacktestInstrument(a, spec.PointValue * fx.Rate(spec.Currency), spec.LotSize, spec.Adv, spec.Spread));
            }
            return list;
        }
    }
}
