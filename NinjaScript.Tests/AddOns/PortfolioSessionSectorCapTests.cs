using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.Core.Views;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.AddOns
{
    /// <summary>The Optimize tab's sector caps: the session's optimized weights are Core's optimizer under the same caps.</summary>
    [TestFixture]
    public class PortfolioSessionSectorCapTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc);
        private static readonly string[] Names = { "DAX", "SMI", "CAC", "FTSE" };
        private static readonly string[] Sectors = { "Euro", "NonEuro", "Euro", "NonEuro" };
        private Account account;

        [SetUp]
        public void SetUp()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            Instrument.ClearDefinitions();
            Account.ClearDefinitions();
            foreach (string n in Names)
                Instrument.Define(n, 10, 0.5);
            account = Account.Define("Sim101");
            account.SetAccountItem(AccountItem.NetLiquidation, 10000000, Now);
            BarsRequest.HistoryProvider = r => bars[r.Instrument.FullName].Skip(bars[r.Instrument.FullName].Count - r.BarsBack).ToList();
            NinjaTrader.NinjaScript.HostRules.ResetPlatform();
        }

        [TearDown]
        public void TearDown()
        {
            BarsRequest.HistoryProvider = null;
            NinjaTrader.NinjaScript.HostRules.ResetPlatform();
        }

        [Test]
        public void OptimizeWithASectorCap_EqualsCoresOptimizerUnderTheSameCap_AndTheCapBinds()
        {
            // The same window, straight from the sample file through Core (not through the session).
            AssetFrame returns = ReturnCalculator.Simple(CsvFrameLoader.Load(SampleBars.SamplePath("eustockmarkets-prices.csv")).Select(Names));
            returns = Tail(returns, 299);
            var map = Names.Select((n, i) => new KeyValuePair<string, string>(n, Sectors[i])).ToDictionary(kv => kv.Key, kv => kv.Value);
            var solver = new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver());
            PortfolioProblem Problem(PortfolioConstraints c) => new PortfolioProblem(Names, SampleMoments.Mean(returns), SampleMoments.Covariance(returns), 0, c);
            double[] free = solver.Optimize(Problem(PortfolioConstraints.LongOnly)).CopyWeights();
            double freeNonEuro = free[1] + free[3];
            double cap = Math.Round(freeNonEuro / 2, 4);
            Assert.That(freeNonEuro, Is.GreaterThan(0.05), "the uncapped portfolio must hold the NonEuro sector for the cap to bind: " + string.Join(", ", free));
            double[] expected = solver.Optimize(Problem(PortfolioConstraints.LongOnly.WithSectors(map).WithSectorMax("NonEuro", cap))).CopyWeights();

            using (var session = new PortfolioSession(account, Names, Sectors))
            {
                session.RequestHistory(300);
                var targets = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 1, 1, 0);
                PortfolioAnalysisResult capped = session.Analyze(targets, SectorLimits.ParseCaps("NonEuro, " + cap.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0.95, 5, 1000000m);
                PortfolioAnalysisResult uncapped = session.Analyze(targets, new Dictionary<string, double>(), 0.95, 5, 1000000m);

                double[] w = capped.Optimization.CopyWeights();
                Assert.That(w, Is.EqualTo(expected).Within(1e-9));
                Assert.That(w[1] + w[3], Is.EqualTo(cap).Within(1e-7), "the cap binds");
                Assert.That(uncapped.Optimization.CopyWeights(), Is.EqualTo(free).Within(1e-9));
                Assert.That(capped.Risk.Weights, Is.EqualTo(w), "risk is of the capped weights");
                Assert.That(capped.Frontier.All(f => f.Weights[1] + f.Weights[3] <= cap + 1e-7), Is.True, "the frontier respects the cap");
            }
        }

        [Test]
        public void SectorCaps_WithRiskParityOrAnUnknownSectorOrABadLine_AreRefusedByName()
        {
            using (var session = new PortfolioSession(account, Names, Sectors))
            {
                session.RequestHistory(300);
                var caps = new Dictionary<string, double> { { "Euro", 0.3 } };
                var parity = new TargetWeightCalculator(PortfolioMethod.RiskParity, 1, 1, 0);
                Assert.That(() => session.Analyze(parity, caps, 0.95, 5, 1000000m), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("sector caps"));
                var minVar = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 1, 1, 0);
                Assert.That(() => session.Analyze(minVar, new Dictionary<string, double> { { "Asia", 0.3 } }, 0.95, 5, 1000000m),
                    Throws.InstanceOf<InvalidInputException>().With.Message.Contains("Asia"));
            }
            Assert.That(() => SectorLimits.ParseCaps("Euro, 0.3\nUK 0.2"), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("line 2"));
            Assert.That(() => SectorLimits.ParseCaps("Euro, 1.5"), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("line 1"));
        }

        private static AssetFrame Tail(AssetFrame frame, int rows) => frame.Slice(frame.Rows - rows, rows);
    }
}
