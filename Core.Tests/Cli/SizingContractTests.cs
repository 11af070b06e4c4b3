using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Tests.Execution;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>
    /// The sizing contract of <c>rebalance</c>, <c>schedule --volume-profile</c> and <c>backtest --min-trade-weight</c>
    /// on the bundled EuStockMarkets prices (last row: DAX 5473.72, SMI 7676.3, CAC 3995, FTSE 5455).
    /// </summary>
    public sealed class SizingContractTests : ScratchFolderFixture
    {
        public SizingContractTests() : base("ntp-sizing") { }

        private static string Eu => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv");

        private static readonly Dictionary<string, double> LastPrice = new Dictionary<string, double>
        {
            ["DAX"] = 5473.72, ["SMI"] = 7676.3, ["CAC"] = 3995, ["FTSE"] = 5455,
        };

        private JsonElement Rebalance(params string[] extra)
        {
            var pos = Write("pos.csv", "Asset,Quantity\nDAX,2\n");
            var tgt = Write("tgt.csv", "Asset,Weight\nDAX,0.6\nSMI,-0.3\nCAC,0.5\nFTSE,0.2\n");
            var args = new List<string> { "--positions", pos, "--prices", Eu, "--equity", "1000000", "--targets", tgt, "--format", "json" };
            args.AddRange(extra);
            var res = CliRunner.RunCommand("rebalance", args.ToArray());
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            return JsonDocument.Parse(res.Out).RootElement;
        }

        [Test]
        public void VolTargetAndLeverage_ScaleMatchesNumpy_AndEveryTargetWeightIsScaled()
        {
            var refs = ReferenceData.KeyValues("risk_scaling_eustockmarkets.csv");
            var root = Rebalance("--vol-target", "0.10", "--periods-per-year", "252", "--max-gross-leverage", "1.5");
            double scale = root.GetProperty("scale").GetDouble();
            Assert.That(scale, Is.EqualTo(refs["a_scale"]).Within(1e-10).Percent);
            Assert.That(root.GetProperty("predictedVolatility").GetDouble(), Is.EqualTo(refs["a_predicted"]).Within(1e-10).Percent);
            Assert.That(root.GetProperty("grossLeverage").GetDouble(), Is.EqualTo(refs["a_gross"]).Within(1e-10).Percent);
            var w = new Dictionary<string, double> { ["DAX"] = 0.6, ["SMI"] = -0.3, ["CAC"] = 0.5, ["FTSE"] = 0.2 };
            foreach (var o in root.GetProperty("orders").EnumerateArray())
                Assert.That(o.GetProperty("targetWeight").GetDouble(), Is.EqualTo(scale * w[o.GetProperty("asset").GetString()!]).Within(1e-12));
        }

        [Test]
        public void LeverageCapBinds_WhenTighterThanTheVolatilityTarget()
        {
            var root = Rebalance("--vol-target", "0.5", "--max-gross-leverage", "0.8");
            // gross of the targets 1.6: k = min(0.5 / 0.1623, 0.8 / 1.6) = 0.5
            Assert.That(root.GetProperty("scale").GetDouble(), Is.EqualTo(0.5).Within(1e-15));
            Assert.That(root.GetProperty("grossLeverage").GetDouble(), Is.EqualTo(0.8).Within(1e-15));
        }

        [Test]
        public void Currencies_NotionalWeightAndMargin_InTheAccountCurrency_MarginWithinCap()
        {
            var ins = Write("ins.csv", "Asset,PointValue,Currency,Margin\nDAX,25,EUR,30000\nSMI,10,CHF,8000\nCAC,10,EUR,7000\nFTSE,10,GBP,6000\n");
            var fx = Write("fx.csv", "Currency,Rate\nEUR,1.08\nCHF,1.13\nGBP,1.27\n");
            var rate = new Dictionary<string, double> { ["EUR"] = 1.08, ["CHF"] = 1.13, ["GBP"] = 1.27 };
            var pv = new Dictionary<string, double> { ["DAX"] = 25, ["SMI"] = 10, ["CAC"] = 10, ["FTSE"] = 10 };
            var margin = new Dictionary<string, double> { ["DAX"] = 30000, ["SMI"] = 8000, ["CAC"] = 7000, ["FTSE"] = 6000 };
            var root = Rebalance("--instruments", ins, "--fx", fx, "--account-currency", "USD", "--max-margin-use", "0.1");
            double marginUsed = 0;
            foreach (var o in root.GetProperty("orders").EnumerateArray())
            {
                string a = o.GetProperty("asset").GetString()!;
                double r = rate[o.GetProperty("currency").GetString()!];
                double unit = LastPrice[a] * pv[a] * r;
                long target = o.GetProperty("targetQuantity").GetInt64();
                Assert.That(o.GetProperty("orderNotional").GetDouble(), Is.EqualTo(Math.Abs(o.GetProperty("orderQuantity").GetInt64()) * unit).Within(1e-9).Percent, a);
                Assert.That(o.GetProperty("achievedWeight").GetDouble(), Is.EqualTo(target * unit / 1e6).Within(1e-9).Percent, a);
                marginUsed += Math.Abs(target) * margin[a] * r;
            }
            Assert.That(root.GetProperty("marginUsed").GetDouble(), Is.EqualTo(marginUsed).Within(1e-9).Percent);
            Assert.That(marginUsed, Is.LessThanOrEqualTo(0.1 * 1e6));
            Assert.That(marginUsed, Is.GreaterThan(0));
        }

        [Test]
        public void ContractAboveItsWeightLimit_ExitsZero_SaysWhy_OthersGetContracts()
        {
            // FTSE: one contract 5455 x 10 x 1.27 = 69,278.5 = 6.9% of equity > its max weight 5%.
            var ins = Write("ins.csv", "Asset,PointValue,Currency,MaxWeight\nDAX,25,EUR,\nSMI,10,CHF,\nCAC,10,EUR,\nFTSE,10,GBP,0.05\n");
            var fx = Write("fx.csv", "Currency,Rate\nEUR,1.08\nCHF,1.13\nGBP,1.27\n");
            var root = Rebalance("--instruments", ins, "--fx", fx);
            var orders = root.GetProperty("orders").EnumerateArray().ToDictionary(o => o.GetProperty("asset").GetString()!);
            Assert.That(orders["FTSE"].GetProperty("targetQuantity").GetInt64(), Is.EqualTo(0));
            Assert.That(orders["FTSE"].GetProperty("reason").GetString(), Does.Contain("contract").And.Contain("6.9% of equity > max weight 5.0%"));
            Assert.That(orders["CAC"].GetProperty("targetQuantity").GetInt64(), Is.Not.EqualTo(0));
            Assert.That(orders["SMI"].GetProperty("targetQuantity").GetInt64(), Is.LessThan(0));
        }

        [Test]
        public void Micro_ListedInTheInstrumentsFile_TakesTheRemainder()
        {
            // DAX 5473.72 x 25 = 136,843 per contract; micro ratio 5 -> 27,368.6. Target 0.6 x 1e6 = 600,000 = 21.92 micros
            // -> 22 -> 4 DAX + 2 micros (held 2 DAX now).
            var ins = Write("ins.csv", "Asset,PointValue,Micro,MicroRatio\nDAX,25,FDXS,5\n");
            var root = Rebalance("--instruments", ins);
            var orders = root.GetProperty("orders").EnumerateArray().ToDictionary(o => o.GetProperty("asset").GetString()!);
            Assert.That(orders["DAX"].GetProperty("targetQuantity").GetInt64(), Is.EqualTo(4));
            Assert.That(orders["FDXS"].GetProperty("targetQuantity").GetInt64(), Is.EqualTo(2));
            Assert.That(orders["FDXS"].GetProperty("microOf").GetString(), Is.EqualTo("DAX"));
        }

        [Test]
        public void SameMicroForTwoInstruments_ExitsTwoNamingBoth()
        {
            var ins = Write("ins.csv", "Asset,PointValue,Micro,MicroRatio\nDAX,25,M,5\nCAC,10,M,5\n");
            var pos = Write("pos.csv", "Asset,Quantity\n");
            var tgt = Write("tgt.csv", "Asset,Weight\nDAX,0.3\n");
            var res = CliRunner.RunCommand("rebalance", new[] { "--positions", pos, "--prices", Eu, "--equity", "1000000", "--targets", tgt, "--instruments", ins });
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("line 3").And.Contain("'CAC'").And.Contain("'DAX'"));
        }

        [Test]
        public void MissingFxRate_ExitsTwoNamingTheCurrency()
        {
            var ins = Write("ins.csv", "Asset,PointValue,Currency\nSMI,10,CHF\n");
            var pos = Write("pos.csv", "Asset,Quantity\n");
            var tgt = Write("tgt.csv", "Asset,Weight\nSMI,0.3\n");
            var res = CliRunner.RunCommand("rebalance", new[] { "--positions", pos, "--prices", Eu, "--equity", "1000000", "--targets", tgt, "--instruments", ins });
            Assert.That(res.Code, Is.Not.EqualTo(0));
            Assert.That(res.Err, Does.Contain("CHF"));
        }

        [Test]
        public void VwapVolumeProfile_WithoutImpactOptions_SlicesFollowTheProfile()
        {
            var prof = Write("prof.csv", "Bucket,Volume\n1,120000\n2,60000\n3,45000\n4,40000\n5,52000\n6,150000\n");
            var res = CliRunner.RunCommand("schedule", new[] { "--strategy", "vwap", "--quantity", "1000", "--horizon", "1", "--slices", "6", "--volume-profile", prof, "--format", "json" });
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var root = JsonDocument.Parse(res.Out).RootElement;
            Assert.That(root.TryGetProperty("expectedCost", out _), Is.False);
            var q = root.GetProperty("slices").EnumerateArray().Select(s => s.GetProperty("quantity").GetInt64()).ToArray();
            double[] v = { 120000, 60000, 45000, 40000, 52000, 150000 };
            Assert.That(q.Sum(), Is.EqualTo(1000));
            for (int i = 0; i < 6; i++) Assert.That(Math.Abs(q[i] - 1000 * v[i] / v.Sum()), Is.LessThan(1.0), $"slice {i}");
            // 1000 x v / sum v = 256.96, 128.48, 96.36, 85.65, 111.35, 321.20 (cumulative rounding)
            Assert.That(q, Is.EqualTo(new long[] { 257, 128, 97, 85, 112, 321 }));
        }

        [Test]
        public void VwapVolumeProfile_BucketCountMustMatchSlices()
        {
            var prof = Write("prof.csv", "Bucket,Volume\n1,1\n2,3\n");
            var res = CliRunner.RunCommand("schedule", new[] { "--strategy", "vwap", "--quantity", "10", "--horizon", "1", "--slices", "3", "--volume-profile", prof });
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("--volume-profile").And.Contain("2 buckets"));
        }

        [Test]
        public void VwapFromMinuteBars_FollowsTheSessionProfile()
        {
            // Two days of 1-minute bars 09:30-09:33 (NinjaTrader export 'yyyyMMdd HHmmss;o;h;l;c;v', bar end times):
            // volumes 300,100 then 100,100 per 2-minute bucket -> shares (0.75,0.25) and (0.5,0.5) -> profile (0.625, 0.375).
            var bars = Write("ES 12-26.Last.txt",
                "20261201 093100;1;1;1;1;200\n20261201 093200;1;1;1;1;100\n20261201 093300;1;1;1;1;60\n20261201 093400;1;1;1;1;40\n" +
                "20261202 093100;1;1;1;1;50\n20261202 093200;1;1;1;1;50\n20261202 093300;1;1;1;1;70\n20261202 093400;1;1;1;1;30\n");
            var res = CliRunner.RunCommand("schedule", new[] { "--strategy", "vwap", "--quantity", "80", "--horizon", "1", "--slices", "2", "--volume-bars", bars, "--session", "09:31-09:35", "--format", "json" });
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var q = JsonDocument.Parse(res.Out).RootElement.GetProperty("slices").EnumerateArray().Select(s => s.GetProperty("quantity").GetInt64()).ToArray();
            Assert.That(q, Is.EqualTo(new long[] { 50, 30 }));
        }

        [Test]
        public void BacktestMinTradeWeight_SkipsSmallTrades()
        {
            var w = Write("w.csv", "Asset,Weight\nDAX,0.25\nSMI,0.25\nCAC,0.25\nFTSE,0.25\n");
            int Trades(string band)
            {
                var res = CliRunner.RunCommand("backtest", new[] { "--prices", Eu, "--weights", w, "--rebalance", "monthly", "--initial-capital", "1000000", "--costs", "none", "--format", "json", "--min-trade-weight", band });
                Assert.That(res.Code, Is.EqualTo(0), res.Err);
                return JsonDocument.Parse(res.Out).RootElement.GetProperty("trades").GetInt32();
            }
            int none = Trades("0"), banded = Trades("0.01");
            Assert.That(banded, Is.LessThan(none));
            Assert.That(Trades("0.02"), Is.LessThan(banded));
        }
    }
}
