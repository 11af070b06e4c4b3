using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Sizing
{
    public sealed class FuturesSizerTests
    {
        private static readonly FxRates Usd = new FxRates("USD");

        private static SizedOrder Row(SizingResult r, string symbol) => r.Orders.Single(o => o.Symbol == symbol);

        [Test]
        public void EuroContract_NotionalWeightAndMargin_AreConvertedAtTheRate()
        {
            // FDAX-like: price 100, point value 10 EUR, EUR = 1.1 USD -> one contract = 1,100 USD.
            // w = 0.5 of 100,000 USD = 50,000 -> 45.45 -> 45 contracts; notional 45 x 1,100 = 49,500; weight 0.495;
            // margin 45 x 200 EUR x 1.1 = 9,900 USD.
            var fx = new FxRates("USD", new Dictionary<string, decimal> { ["EUR"] = 1.1m });
            var r = new FuturesSizer().Size(new[] { new SizingInstrument("DAX", 100m, 10m, 1, 0, 0.5, "EUR", 200m) }, 100_000m, fx);
            var o = Row(r, "DAX");
            Assert.That(o.TargetQuantity, Is.EqualTo(45));
            Assert.That(o.OrderNotional, Is.EqualTo(49_500m));
            Assert.That(o.AchievedWeight, Is.EqualTo(0.495).Within(1e-15));
            Assert.That(r.MarginUsed, Is.EqualTo(9_900m));
            Assert.That(o.FxRate, Is.EqualTo(1.1m));
        }

        [Test]
        public void MissingRate_ThrowsNamingTheCurrency()
        {
            Assert.That(() => new FuturesSizer().Size(new[] { new SizingInstrument("SMI", 100m, 10m, 1, 0, 0.5, "CHF") }, 100_000m, Usd),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'CHF'"));
        }

        [Test]
        public void ContractAboveItsWeightLimit_HoldsZero_SaysWhy_AndOthersStillTrade()
        {
            // $250k account, max weight 0.6: ES 6000 x 50 = 300,000 = 120% of equity > 60% -> 0 contracts by the rule;
            // ZN 110 x 1000 = 110,000: target 0.5 x 250,000 = 125,000 -> 1 contract.
            var ins = new[]
            {
                new SizingInstrument("ES", 6000m, 50m, 1, 0, 0.5),
                new SizingInstrument("ZN", 110m, 1000m, 1, 0, 0.5),
            };
            var r = new FuturesSizer().Size(ins, 250_000m, Usd, null, new InstrumentLimits(defaultMaxWeight: 0.6));
            Assert.That(Row(r, "ES").TargetQuantity, Is.EqualTo(0));
            Assert.That(Row(r, "ES").Note, Does.Contain("one contract = 120.0% of equity > max weight 60.0%").And.Contain("0 contracts"));
            Assert.That(Row(r, "ZN").TargetQuantity, Is.EqualTo(1));
        }

        [Test]
        public void TargetBelowHalfAContract_IsExplained()
        {
            var r = new FuturesSizer().Size(new[] { new SizingInstrument("ES", 6000m, 50m, 1, 0, 0.4) }, 250_000m, Usd);
            // 0.4 x 250,000 = 100,000 < half of 300,000
            Assert.That(Row(r, "ES").TargetQuantity, Is.EqualTo(0));
            Assert.That(Row(r, "ES").Note, Does.Contain("less than half of one contract (120.0% of equity)"));
        }

        [Test]
        public void Micro_ReachesTheTargetWithinOneMicro_WholeContractsFirst()
        {
            // ES 6000 x 50 = 300,000; MES = 30,000. Target 0.5 x 1,000,000 = 500,000 = 16.67 micros -> 17 -> 1 ES + 7 MES;
            // combined 510,000 = 0.51 of equity.
            var ins = new[] { new SizingInstrument("ES", 6000m, 50m, 1, 0, 0.5, null, 15_000m, new MicroContract("MES", 10)) };
            var r = new FuturesSizer().Size(ins, 1_000_000m, Usd);
            Assert.That(Row(r, "ES").TargetQuantity, Is.EqualTo(1));
            Assert.That(Row(r, "MES").TargetQuantity, Is.EqualTo(7));
            Assert.That(Row(r, "MES").ParentSymbol, Is.EqualTo("ES"));
            Assert.That(Row(r, "ES").AchievedWeight + Row(r, "MES").AchievedWeight, Is.EqualTo(0.51).Within(1e-15));
            Assert.That(Row(r, "MES").OrderNotional, Is.EqualTo(210_000m));
            // margin: 1 x 15,000 + 7 x 1,500 (parent margin / ratio)
            Assert.That(r.MarginUsed, Is.EqualTo(25_500m));
        }

        [Test]
        public void Micro_ShortTarget_SplitsTowardZero()
        {
            // -0.5 -> -17 micros -> -1 ES and -7 MES; holding 2 MES now: order -9 MES.
            var ins = new[] { new SizingInstrument("ES", 6000m, 50m, 1, 0, -0.5, null, null, new MicroContract("MES", 10, 2)) };
            var r = new FuturesSizer().Size(ins, 1_000_000m, Usd);
            Assert.That(Row(r, "ES").TargetQuantity, Is.EqualTo(-1));
            Assert.That(Row(r, "MES").TargetQuantity, Is.EqualTo(-7));
            Assert.That(Row(r, "MES").OrderQuantity, Is.EqualTo(-9));
        }

        [Test]
        public void MarginCap_ScalesTheTargets_HandWorked()
        {
            // unit 10,000, margin 3,000, w = 1 of 100,000: 10 contracts use 30,000 > cap 0.25 x 100,000 = 25,000;
            // scale 25,000 / 30,000 -> 8.33 -> 8 contracts, margin 24,000.
            var ins = new[] { new SizingInstrument("A", 100m, 100m, 1, 0, 1.0, null, 3_000m) };
            var r = new FuturesSizer().Size(ins, 100_000m, Usd, new SizingOptions { MaxMarginUse = 0.25 });
            Assert.That(Row(r, "A").TargetQuantity, Is.EqualTo(8));
            Assert.That(r.MarginUsed, Is.EqualTo(24_000m));
            Assert.That(r.MarginLimit, Is.EqualTo(25_000m));
            Assert.That(Row(r, "A").Note, Does.Contain("margin cap"));
        }

        [Test]
        public void MarginCap_RoundingUpPastTheCap_IsCutOneLot()
        {
            // cap 0.26 -> 26,000 / 30,000 -> 8.67 -> rounds to 9 (27,000 > 26,000) -> cut to 8.
            var ins = new[] { new SizingInstrument("A", 100m, 100m, 1, 0, 1.0, null, 3_000m) };
            var r = new FuturesSizer().Size(ins, 100_000m, Usd, new SizingOptions { MaxMarginUse = 0.26 });
            Assert.That(Row(r, "A").TargetQuantity, Is.EqualTo(8));
            Assert.That(Row(r, "A").Note, Does.Contain("cut from 9 to 8"));
        }

        [Test]
        public void MarginCap_WithoutMargin_ThrowsNamingTheInstrument()
        {
            var ins = new[] { new SizingInstrument("A", 100m, 100m, 1, 0, 1.0, null, 3_000m), new SizingInstrument("B", 100m, 100m, 1, 0, 0.5) };
            Assert.That(() => new FuturesSizer().Size(ins, 100_000m, Usd, new SizingOptions { MaxMarginUse = 0.3 }),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'B'"));
        }

        [Test]
        public void NoTradeBand_KeepsThePosition_WhenTheWeightChangeIsSmall()
        {
            // unit 10,000, equity 1,000,000: held 10 (0.10), target 0.12 -> 12 contracts; a band of 0.03 keeps 10.
            var ins = new[] { new SizingInstrument("A", 100m, 100m, 1, 10, 0.12) };
            Assert.That(Row(new FuturesSizer().Size(ins, 1_000_000m, Usd), "A").TargetQuantity, Is.EqualTo(12));
            var banded = new FuturesSizer().Size(ins, 1_000_000m, Usd, new SizingOptions { MinTradeWeight = 0.03 });
            Assert.That(Row(banded, "A").TargetQuantity, Is.EqualTo(10));
            Assert.That(Row(banded, "A").Note, Does.Contain("no-trade band"));
            var trades = new FuturesSizer().Size(ins, 1_000_000m, Usd, new SizingOptions { MinTradeWeight = 0.015 });
            Assert.That(Row(trades, "A").TargetQuantity, Is.EqualTo(12));
        }

        [Test]
        public void RandomCases_MarginWithinCap_WeightsWithinLimits_MicrosWithinOneMicro()
        {
            var rng = new Random(1205);
            var fx = new FxRates("USD", new Dictionary<string, decimal> { ["EUR"] = 1.08m, ["GBP"] = 1.27m, ["CHF"] = 1.13m });
            string[] ccy = { "USD", "EUR", "GBP", "CHF" };
            for (int c = 0; c < 150; c++)
            {
                int n = rng.Next(1, 6);
                var list = new List<SizingInstrument>();
                for (int i = 0; i < n; i++)
                {
                    decimal price = Math.Round((decimal)(50 + rng.NextDouble() * 5000), 2);
                    decimal pv = new[] { 5m, 10m, 20m, 50m }[rng.Next(4)];
                    var micro = rng.Next(3) == 0 ? new MicroContract("M" + i, 10) : null;
                    list.Add(new SizingInstrument("S" + i, price, pv, 1, rng.Next(-3, 4), rng.NextDouble() * 1.2 - 0.4, ccy[rng.Next(4)],
                        Math.Round(price * pv * 0.08m, 0), micro));
                }
                decimal equity = (decimal)(100_000 + rng.Next(0, 5_000_000));
                double cap = 0.05 + rng.NextDouble() * 0.4, mw = 0.2 + rng.NextDouble();
                var r = new FuturesSizer().Size(list, equity, fx, new SizingOptions { MaxMarginUse = cap }, new InstrumentLimits(defaultMaxWeight: mw));
                Assert.That(r.MarginUsed, Is.LessThanOrEqualTo((decimal)cap * equity * 1.000000001m), $"case {c}");
                Assert.That(r.MarginUsed, Is.EqualTo(r.Orders.Sum(o => Math.Abs(o.TargetQuantity) * o.MarginPerContract!.Value)));
                foreach (var ins in list)
                {
                    double combined = r.Orders.Where(o => o.Symbol == ins.Symbol || o.ParentSymbol == ins.Symbol).Sum(o => o.AchievedWeight);
                    Assert.That(Math.Abs(combined), Is.LessThanOrEqualTo(mw + 1e-9), $"case {c} {ins.Symbol}");
                    var row = r.Orders.Single(o => o.Symbol == ins.Symbol);
                    Assert.That(row.OrderNotional, Is.EqualTo(Math.Abs(row.OrderQuantity) * row.Price * row.PointValue * fx.Rate(ins.Currency)));
                }
            }
        }

        [Test]
        public void RandomCases_WithoutLimits_MicroPairsLandWithinOneMicroOfTheTarget()
        {
            var rng = new Random(77);
            for (int c = 0; c < 200; c++)
            {
                decimal price = Math.Round((decimal)(1000 + rng.NextDouble() * 5000), 2);
                double w = rng.NextDouble() * 2 - 1;
                decimal equity = 2_000_000m;
                var ins = new[] { new SizingInstrument("ES", price, 50m, 1, 0, w, null, null, new MicroContract("MES", 10)) };
                var r = new FuturesSizer().Size(ins, equity, Usd);
                double combined = Row(r, "ES").AchievedWeight + Row(r, "MES").AchievedWeight;
                double micro = (double)(price * 5m / equity);
                Assert.That(Math.Abs(combined - w), Is.LessThanOrEqualTo(0.5 * micro + 1e-12), $"case {c}");
                Assert.That(Math.Abs(Row(r, "MES").TargetQuantity), Is.LessThan(10));
            }
        }
    }
}
