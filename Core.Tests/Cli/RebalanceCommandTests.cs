using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Cli;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary><c>ntportfolio rebalance</c> in-process on the bundled EuStockMarkets prices.</summary>
    public sealed class RebalanceCommandTests : ScratchFolderFixture
    {
        public RebalanceCommandTests() : base("ntp-rebalance") { }

        private static string Eu => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv");

        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.RunCommand("rebalance", args);

        [Test]
        public void Json_OrdersAreWholeLots_WithinLimits_AndSchedulesSumToOrders()
        {
            // last EuStockMarkets row: DAX 5473.72, SMI 7676.3, CAC 3994.5, FTSE 5814.1 (see samples/README.md)
            var pos = Write("pos.csv", "Asset,Quantity\nDAX,2\nSMI,-1\n");
            var tgt = Write("tgt.csv", "Asset,Weight\nDAX,0.4\nSMI,0.3\nCAC,0.2\n");
            var ins = Write("ins.csv", "Asset,PointValue,LotSize,Adv,Spread,Depth,MaxWeight\nDAX,25,1,80000,0.0002,30,\nSMI,10,1,30000,0.0003,,0.25\nCAC,10,2,50000,0.0004,,\n");
            var res = Run("--positions", pos, "--prices", Eu, "--equity", "1000000", "--targets", tgt, "--instruments", ins, "--format", "json", "--slices", "4");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var root = JsonDocument.Parse(res.Out).RootElement;
            var orders = root.GetProperty("orders").EnumerateArray().ToDictionary(o => o.GetProperty("asset").GetString()!);
            Assert.That(orders.Keys, Is.EquivalentTo(new[] { "DAX", "SMI", "CAC" }));
            // DAX: 0.4 x 1e6 / (5473.72 x 25) = 2.92 -> 3 contracts
            Assert.That(orders["DAX"].GetProperty("targetQuantity").GetInt64(), Is.EqualTo(3));
            Assert.That(orders["SMI"].GetProperty("capped").GetBoolean(), Is.True);
            Assert.That(Math.Abs(orders["SMI"].GetProperty("achievedWeight").GetDouble()), Is.LessThanOrEqualTo(0.25));
            Assert.That(orders["CAC"].GetProperty("targetQuantity").GetInt64() % 2, Is.EqualTo(0));
            foreach (var o in orders.Values)
            {
                long q = Math.Abs(o.GetProperty("orderQuantity").GetInt64());
                long sum = o.GetProperty("schedule").EnumerateArray().Sum(s => s.GetProperty("quantity").GetInt64());
                Assert.That(sum, Is.EqualTo(q), o.GetProperty("asset").GetString());
                if (q > 0)
                {
                    Assert.That(o.GetProperty("reason").GetString(), Is.Not.Empty);
                    Assert.That(o.GetProperty("expectedCost").GetDouble(), Is.GreaterThan(0));
                }
            }
            Assert.That(root.GetProperty("provedOptimal").GetBoolean(), Is.True);
        }

        [Test]
        public void WithoutLiquidity_DefaultsToTwapAndSaysSo()
        {
            var pos = Write("pos.csv", "Asset,Quantity\n");
            var tgt = Write("tgt.csv", "Asset,Weight\nFTSE,0.5\n");
            var res = Run("--positions", pos, "--prices", Eu, "--equity", "100000", "--targets", tgt, "--format", "json");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var o = JsonDocument.Parse(res.Out).RootElement.GetProperty("orders")[0];
            Assert.That(o.GetProperty("algorithm").GetString(), Is.EqualTo("twap"));
            Assert.That(o.GetProperty("reason").GetString(), Does.Contain("no Adv/Spread"));
            Assert.That(o.GetProperty("expectedCost").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(o.GetProperty("targetQuantity").GetInt64(), Is.EqualTo(9)); // 50,000 / 5814.1 = 8.6
        }

        [Test]
        public void Table_ShowsReasonAndSchedule()
        {
            var pos = Write("pos.csv", "Asset,Quantity\nDAX,0\n");
            var tgt = Write("tgt.csv", "Asset,Weight\nDAX,0.9\n");
            var ins = Write("ins.csv", "Asset,Adv,Spread\nDAX,2000,0.0002\n");
            var res = Run("--positions", pos, "--prices", Eu, "--equity", "10000000", "--targets", tgt, "--instruments", ins);
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            Assert.That(res.Out, Does.Contain("reason:").And.Contain("vwap"));
        }

        [Test]
        public void UnknownAsset_ExitsTwoNamingIt()
        {
            var pos = Write("pos.csv", "Asset,Quantity\nNIKKEI,3\n");
            var tgt = Write("tgt.csv", "Asset,Weight\nDAX,0.5\n");
            var res = Run("--positions", pos, "--prices", Eu, "--equity", "100000", "--targets", tgt);
            Assert.That(res.Code, Is.EqualTo(2), res.Err);
            Assert.That(res.Err, Does.Contain("NIKKEI"));
            Assert.That(res.Out, Is.Empty);
        }

        [Test]
        public void FractionalPosition_And_BadInstrumentsCell_ExitTwo()
        {
            var tgt = Write("tgt.csv", "Asset,Weight\nDAX,0.5\n");
            var res = Run("--positions", Write("p.csv", "Asset,Quantity\nDAX,1.5\n"), "--prices", Eu, "--equity", "100000", "--targets", tgt);
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("whole number"));
            res = Run("--positions", Write("p2.csv", "Asset,Quantity\nDAX,1\n"), "--prices", Eu, "--equity", "100000", "--targets", tgt,
                "--instruments", Write("i.csv", "Asset,LotSize\nDAX,0\n"));
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("lotsize of 'DAX'"));
        }

        [Test]
        public void OptimizerOptions_InsteadOfTargets_UseTheOptimizersWeights()
        {
            var pos = Write("pos.csv", "Asset,Quantity\n");
            var opt = new StringWriter();
            int code = Program.Run(new[] { "optimize", "--prices", Eu, "--method", "min-variance", "--max-weight", "0.6", "--format", "json" }, opt, new StringWriter());
            Assert.That(code, Is.EqualTo(0));
            var weights = JsonDocument.Parse(opt.ToString()).RootElement.GetProperty("weights");
            var res = Run("--positions", pos, "--prices", Eu, "--equity", "10000000", "--method", "min-variance", "--max-weight", "0.6", "--format", "json");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var orders = JsonDocument.Parse(res.Out).RootElement.GetProperty("orders").EnumerateArray().ToList();
            Assert.That(orders, Is.Not.Empty);
            foreach (var o in orders)
            {
                string asset = o.GetProperty("asset").GetString()!;
                Assert.That(o.GetProperty("targetWeight").GetDouble(), Is.EqualTo(weights.GetProperty(asset).GetDouble()).Within(1e-12), asset);
                Assert.That(Math.Abs(o.GetProperty("achievedWeight").GetDouble()), Is.LessThanOrEqualTo(0.6 + 1e-12), asset);
            }
        }

        [Test]
        public void TargetsAndOptimizerOptionsTogether_ExitTwo()
        {
            var res = Run("--positions", Write("p.csv", "Asset,Quantity\nDAX,1\n"), "--prices", Eu, "--equity", "100000",
                "--targets", Write("t.csv", "Asset,Weight\nDAX,0.5\n"), "--method", "min-variance");
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("--method"));
        }

        [Test]
        public void MissingTargets_ExitsTwo()
        {
            var res = Run("--positions", Write("p.csv", "Asset,Quantity\nDAX,1\n"), "--prices", Eu, "--equity", "100000");
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("--targets"));
        }

        [Test]
        public void ImpossibleLimits_ExitThree()
        {
            // A short of 3 SMI is above a 1% limit, and a minimum trade of 1e9 forbids reducing it.
            var res = Run("--positions", Write("p.csv", "Asset,Quantity\nSMI,-3\n"), "--prices", Eu, "--equity", "100000",
                "--targets", Write("t.csv", "Asset,Weight\nSMI,0\n"), "--max-weight", "0.01", "--min-trade", "1000000000");
            Assert.That(res.Code, Is.EqualTo(3), res.Err);
        }
    }
}
