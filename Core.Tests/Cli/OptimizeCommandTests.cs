using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Cli;
using NinjaTraderPortfolio.Core.Tests.Optimization;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary><c>ntportfolio optimize</c> run in-process: JSON shape, figures, exit codes 2 and 3, nothing on stdout on failure.</summary>
    public sealed class OptimizeCommandTests : ScratchFolderFixture
    {
        public OptimizeCommandTests() : base("ntp-optimize") { }

        private static string Eu => OptimizationSamples.TestPath("samples", "eustockmarkets-prices.csv");
        private static string Gcc => OptimizationSamples.TestPath("samples", "gccindex-prices.csv");
        private static string GccSectors => OptimizationSamples.TestPath("References", "Optimization", "gcc-sectors.csv");

        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.RunCommand("optimize", args);

        private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

        private static void AssertFailure((int Code, string Out, string Err) r, int code, string culprit)
        {
            Assert.That(r.Code, Is.EqualTo(code), r.Err);
            Assert.That(r.Out, Is.Empty, "nothing on stdout on failure");
            var errors = r.Err.TrimEnd().Split('\n').Where(l => l.StartsWith("error: ")).ToList();
            Assert.That(errors.Count, Is.EqualTo(1), r.Err);
            Assert.That(errors[0], Does.Contain(culprit));
            Assert.That(r.Err, Does.Not.Contain("   at "), "no stack trace");
        }

        [Test]
        public void Json_MaxSharpe_HasTheDocumentedShapeAndMatchesCvxopt()
        {
            var r = Run("--prices", Eu, "--method", "max-sharpe", "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var j = Json(r.Out);
            Assert.That(j.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "method", "status", "weights", "expectedReturn", "volatility", "sharpe", "riskContributions" }));
            Assert.That(j.GetProperty("method").GetString(), Is.EqualTo("max-sharpe"));
            Assert.That(j.GetProperty("status").GetString(), Is.EqualTo("optimal"));
            Assert.That(j.GetProperty("weights").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "DAX", "SMI", "CAC", "FTSE" }));
            Assert.That(j.GetProperty("riskContributions").EnumerateObject().Sum(p => p.Value.GetDouble()), Is.EqualTo(1).Within(1e-12));
            // cvxopt (References/Optimization/optimization-references.json, case "eu max-sharpe" long-only, rf 0).
            var reference = Reference("max-sharpe", "eustockmarkets-prices.csv", c => !c.TryGetProperty("maxWeight", out _) && !c.TryGetProperty("riskFree", out _) && !c.TryGetProperty("minWeight", out _));
            foreach (var p in j.GetProperty("weights").EnumerateObject())
                Assert.That(p.Value.GetDouble(), Is.EqualTo(reference.GetProperty("weights").GetProperty(p.Name).GetDouble()).Within(1e-6), p.Name);
            Assert.That(j.GetProperty("sharpe").GetDouble(), Is.EqualTo(reference.GetProperty("sharpe").GetDouble()).Within(1e-9));
        }

        [Test]
        public void Json_PeriodsPerYear_AnnualisesReportedFiguresOnly()
        {
            var daily = Json(Run("--prices", Eu, "--method", "min-variance", "--format", "json").Out);
            var r = Run("--prices", Eu, "--method", "min-variance", "--format", "json", "--periods-per-year", "260");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var annual = Json(r.Out);
            Assert.That(annual.GetProperty("expectedReturn").GetDouble(), Is.EqualTo(260 * daily.GetProperty("expectedReturn").GetDouble()).Within(1e-14));
            Assert.That(annual.GetProperty("volatility").GetDouble(), Is.EqualTo(Math.Sqrt(260) * daily.GetProperty("volatility").GetDouble()).Within(1e-14));
            Assert.That(annual.GetProperty("sharpe").GetDouble(), Is.EqualTo(Math.Sqrt(260) * daily.GetProperty("sharpe").GetDouble()).Within(1e-12));
            Assert.That(annual.GetProperty("weights").GetProperty("SMI").GetDouble(), Is.EqualTo(daily.GetProperty("weights").GetProperty("SMI").GetDouble()));
        }

        [Test]
        public void Json_TargetReturnAnnualised_IsTheSamePortfolioAsTheDailyTarget()
        {
            var daily = Json(Run("--prices", Eu, "--method", "target-return", "--target-return", "0.0008", "--format", "json").Out);
            var annual = Json(Run("--prices", Eu, "--method", "target-return", "--target-return", "0.208", "--periods-per-year", "260", "--format", "json").Out);
            foreach (var p in daily.GetProperty("weights").EnumerateObject())
                Assert.That(annual.GetProperty("weights").GetProperty(p.Name).GetDouble(), Is.EqualTo(p.Value.GetDouble()).Within(1e-12));
            Assert.That(annual.GetProperty("expectedReturn").GetDouble(), Is.EqualTo(0.208).Within(1e-10));
        }

        [Test]
        public void Json_SectorLimits_MatchCvxoptAndHold()
        {
            var r = Run("--prices", Gcc, "--method", "min-variance", "--max-weight", "0.3", "--sectors", GccSectors,
                "--sector-max", "Kuwait=0.15,Oman=0.25", "--sector-max", "Regional=0.2", "--sector-min", "Saudi=0.1", "--sector-min", "UAE=0.12", "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var w = Json(r.Out).GetProperty("weights");
            var reference = Reference("min-variance", "gccindex-prices.csv", c => c.TryGetProperty("sectorFile", out _));
            foreach (var p in w.EnumerateObject())
                Assert.That(p.Value.GetDouble(), Is.EqualTo(reference.GetProperty("weights").GetProperty(p.Name).GetDouble()).Within(1e-6), p.Name);
            Assert.That(w.GetProperty("OMADSC").GetDouble() + w.GetProperty("OMASC").GetDouble(), Is.LessThanOrEqualTo(0.25 + 1e-8));
            Assert.That(w.GetProperty("KSADSC").GetDouble(), Is.GreaterThanOrEqualTo(0.1 - 1e-8));
        }

        [Test]
        public void Json_Frontier_HasNPointsRisingInReturnAndVolatility()
        {
            var r = Run("--prices", Eu, "--method", "max-sharpe", "--frontier", "6", "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var points = Json(r.Out).GetProperty("frontier").EnumerateArray().ToList();
            Assert.That(points.Count, Is.EqualTo(6));
            for (int k = 1; k < points.Count; k++)
            {
                Assert.That(points[k].GetProperty("expectedReturn").GetDouble(), Is.GreaterThan(points[k - 1].GetProperty("expectedReturn").GetDouble()));
                Assert.That(points[k].GetProperty("volatility").GetDouble(), Is.GreaterThan(points[k - 1].GetProperty("volatility").GetDouble()));
            }
            Assert.That(points.Select(p => p.GetProperty("weights").EnumerateObject().Sum(w => w.Value.GetDouble())), Is.All.EqualTo(1).Within(1e-9));
        }

        [Test]
        public void Json_Kelly_IsNotForcedFullyInvested()
        {
            var r = Run("--prices", Gcc, "--method", "kelly", "--kelly-fraction", "0.5", "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var reference = Reference("kelly", "gccindex-prices.csv", c => !c.TryGetProperty("sectorFile", out _));
            var w = Json(r.Out).GetProperty("weights");
            foreach (var p in w.EnumerateObject())
                Assert.That(p.Value.GetDouble(), Is.EqualTo(reference.GetProperty("weights").GetProperty(p.Name).GetDouble()).Within(1e-6), p.Name);
            // A smaller fraction leaves part of the capital in cash instead of filling the budget.
            var tenth = Json(Run("--prices", Gcc, "--method", "kelly", "--kelly-fraction", "0.1", "--format", "json").Out).GetProperty("weights");
            double invested = tenth.EnumerateObject().Sum(p => p.Value.GetDouble());
            Assert.That(invested, Is.LessThan(0.95).And.GreaterThan(0.05));
        }

        [Test]
        public void Json_MixedAndRiskParity_Run()
        {
            var rp = Run("--prices", Eu, "--method", "risk-parity", "--format", "json");
            Assert.That(rp.Code, Is.EqualTo(0), rp.Err);
            Assert.That(Json(rp.Out).GetProperty("riskContributions").EnumerateObject().Select(p => p.Value.GetDouble()), Is.All.EqualTo(0.25).Within(1e-9));
            var mixed = Run("--prices", Eu, "--method", "mixed", "--mix", "risk-parity=0.5,min-variance=0.5", "--max-weight", "0.5", "--format", "json");
            Assert.That(mixed.Code, Is.EqualTo(0), mixed.Err);
            var j = Json(mixed.Out);
            Assert.That(j.GetProperty("method").GetString(), Is.EqualTo("mixed"));
            Assert.That(j.GetProperty("weights").EnumerateObject().Select(p => p.Value.GetDouble()), Is.All.LessThanOrEqualTo(0.5 + 1e-8));
        }

        [Test]
        public void Json_MixedKellyAlone_IsTheSimplexProjectionOfTheBudgetFreeKellyPortfolio()
        {
            var kelly = Json(Run("--prices", Gcc, "--method", "kelly", "--kelly-fraction", "0.1", "--format", "json").Out).GetProperty("weights");
            var r = Run("--prices", Gcc, "--method", "mixed", "--mix", "kelly=1", "--kelly-fraction", "0.1", "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var mixed = Json(r.Out).GetProperty("weights");
            var f = kelly.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            var w = mixed.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            Assert.That(f.Values.Sum(), Is.LessThan(0.95), "Kelly alone keeps cash");
            Assert.That(w.Values.Sum(), Is.EqualTo(1).Within(1e-9));
            // Euclidean projection onto {w >= 0, sum w = 1} is w_i = max(f_i + tau, 0) with one shift tau (Held et al. 1974).
            var held = w.Where(kv => kv.Value > 1e-9).Select(kv => kv.Value - f[kv.Key]).ToList();
            Assert.That(held, Is.All.EqualTo(held[0]).Within(1e-9));
            Assert.That(w.Where(kv => kv.Value <= 1e-9).Select(kv => f[kv.Key] + held[0]), Is.All.LessThanOrEqualTo(1e-9));
        }

        [Test]
        public void Json_TurnoverCap_LimitsTradingAwayFromCurrentWeights()
        {
            var current = Write("current.csv", "Asset,Weight\nDAX,0.7\nSMI,0.1\nCAC,0.1\nFTSE,0.1\n");
            var r = Run("--prices", Eu, "--method", "min-variance", "--current-weights", current, "--max-turnover", "0.3", "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var w = Json(r.Out).GetProperty("weights");
            double turnover = Math.Abs(w.GetProperty("DAX").GetDouble() - 0.7) + Math.Abs(w.GetProperty("SMI").GetDouble() - 0.1)
                + Math.Abs(w.GetProperty("CAC").GetDouble() - 0.1) + Math.Abs(w.GetProperty("FTSE").GetDouble() - 0.1);
            Assert.That(turnover, Is.EqualTo(0.3).Within(1e-8));
            AssertFailure(Run("--prices", Eu, "--method", "min-variance", "--max-turnover", "0.3"), 2, "--current-weights");
        }

        [Test]
        public void Json_ExpectedReturnsFile_ReplacesTheSampleMean()
        {
            // Only FTSE expected to earn anything: max-Sharpe long-only must hold FTSE alone.
            var er = Write("er.csv", "Asset,ExpectedReturn\nDAX,-0.001\nSMI,-0.001\nCAC,-0.001\nFTSE,0.001\n");
            var r = Run("--prices", Eu, "--method", "max-sharpe", "--expected-returns", er, "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            Assert.That(Json(r.Out).GetProperty("weights").GetProperty("FTSE").GetDouble(), Is.EqualTo(1).Within(1e-9));
        }

        [Test]
        public void Json_ReturnsFileWithoutLimits_EqualsClosedFormMinimumVariance()
        {
            var rng = new Random(3);
            var rows = new List<double[]>();
            var lines = new List<string> { "Date,X,Y,Z" };
            var day = new DateTime(2021, 1, 4);
            for (int t = 0; t < 40; t++, day = day.AddDays(1))
            {
                var r = new[] { 0.01 * OptimizationSamples.Normal(rng), 0.02 * OptimizationSamples.Normal(rng), 0.015 * OptimizationSamples.Normal(rng) };
                r[2] += 0.5 * r[0];
                rows.Add(r);
                lines.Add(day.ToString("yyyy-MM-dd") + "," + string.Join(",", r.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
            }
            var path = Write("returns.csv", string.Join("\n", lines) + "\n");
            var res = Run("--returns", path, "--method", "min-variance", "--min-weight", "-5", "--max-weight", "5", "--max-leverage", "none", "--format", "json");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            // Closed form Sigma^-1 1 / 1'Sigma^-1 1 with the sample covariance (divisor T-1) computed here.
            var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRows(rows);
            var centred = x - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(40, 3, (i, j) => x.Column(j).Average());
            var cov = centred.TransposeThisAndMultiply(centred) / 39;
            var z = cov.Inverse() * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(3, 1.0);
            var expected = z / z.Sum();
            var w = Json(res.Out).GetProperty("weights");
            Assert.That(w.GetProperty("X").GetDouble(), Is.EqualTo(expected[0]).Within(1e-9));
            Assert.That(w.GetProperty("Y").GetDouble(), Is.EqualTo(expected[1]).Within(1e-9));
            Assert.That(w.GetProperty("Z").GetDouble(), Is.EqualTo(expected[2]).Within(1e-9));
        }

        [Test]
        public void Json_SeveralPriceFiles_AreJoinedIntoOneUniverse()
        {
            var lines = System.IO.File.ReadAllLines(Eu);
            var first = Write("eu-a.csv", string.Join("\n", lines.Select(l => string.Join(",", l.Split(',').Take(3)))) + "\n");
            var second = Write("eu-b.csv", string.Join("\n", lines.Select(l => { var c = l.Split(','); return c[0] + "," + c[3] + "," + c[4]; })) + "\n");
            var joined = Run("--prices", first, "--prices", second, "--method", "max-sharpe", "--format", "json");
            var single = Run("--prices", Eu, "--method", "max-sharpe", "--format", "json");
            Assert.That(joined.Code, Is.EqualTo(0), joined.Err);
            Assert.That(joined.Out, Is.EqualTo(single.Out));
        }

        [Test]
        public void Table_IsTheDefaultFormat()
        {
            var r = Run("--prices", Eu, "--method", "min-variance");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            Assert.That(r.Out, Does.StartWith("method: min-variance   status: optimal").And.Contain("FTSE").And.Contain("(per period)"));
        }

        [TestCase(new[] { "--method", "min-variance" }, "--returns FILE or --prices FILE")]
        [TestCase(new[] { "--prices", "P", "--returns", "P", "--method", "min-variance" }, "exactly one")]
        [TestCase(new[] { "--prices", "P" }, "--method")]
        [TestCase(new[] { "--prices", "P", "--method", "best" }, "'best'")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--max-weight", "abc" }, "--max-weight")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--max-leverage", "-1" }, "--max-leverage")]
        [TestCase(new[] { "--prices", "P", "--method", "target-return" }, "--target-return")]
        [TestCase(new[] { "--prices", "P", "--method", "target-volatility", "--target-volatility", "0" }, "--target-volatility")]
        [TestCase(new[] { "--prices", "P", "--method", "kelly", "--kelly-fraction", "1.5" }, "--kelly-fraction")]
        [TestCase(new[] { "--prices", "P", "--method", "mixed", "--mix", "min-variance=0.7,max-sharpe=0.7" }, "sum to 1")]
        [TestCase(new[] { "--prices", "P", "--method", "mixed", "--mix", "magic=1" }, "'magic'")]
        [TestCase(new[] { "--prices", "P", "--method", "mixed" }, "--mix")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--sector-max", "Energy=0.2" }, "--sectors")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--frontier", "1" }, "--frontier")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--frontier", "1001" }, "from 2 to 1000, got 1001")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--frontier", "2147483647" }, "--frontier")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--frontier", "99999999999" }, "--frontier")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--format", "xml" }, "--format")]
        [TestCase(new[] { "--prices", "P", "--method", "risk-parity", "--max-weight", "0.3" }, "risk-parity takes no")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--covariance", "magic" }, "magic")]
        [TestCase(new[] { "--prices", "P", "--method", "min-variance", "--bogus", "1" }, "--bogus")]
        public void BadArguments_Exit2NamingTheCulprit(string[] args, string culprit)
            => AssertFailure(Run(args.Select(a => a == "P" ? Eu : a).ToArray()), 2, culprit);

        [Test]
        public void MissingFile_Exit2NamingIt()
            => AssertFailure(Run("--prices", Path.Combine(Dir, "nope.csv"), "--method", "min-variance"), 2, "nope.csv");

        [Test]
        public void UnknownSectorLimit_Exit2NamingIt()
            => AssertFailure(Run("--prices", Gcc, "--method", "min-variance", "--sectors", GccSectors, "--sector-max", "Atlantis=0.2"), 2, "'Atlantis'");

        [Test]
        public void NegativePrice_Exit2NamingAssetAndRow()
        {
            var p = Write("bad.csv", "Date,A,B\n2020-01-01,1,2\n2020-01-02,1.1,-2\n2020-01-03,1.2,2.1\n2020-01-06,1.1,2.2\n");
            AssertFailure(Run("--prices", p, "--method", "min-variance"), 2, "'B'");
        }

        [Test]
        public void DuplicatedAsset_SingularCovariance_Exit2NamingIt()
        {
            var p = Write("dup.csv", "Date,A,B,C\n2020-01-01,1,2,1\n2020-01-02,1.1,2.1,1.1\n2020-01-03,1.2,2.0,1.2\n2020-01-06,1.1,2.2,1.1\n2020-01-07,1.3,2.1,1.3\n");
            AssertFailure(Run("--prices", p, "--method", "min-variance"), 2, "'C'");
        }

        [Test]
        public void ImpossibleLimits_Exit3ExplainingThem()
            => AssertFailure(Run("--prices", Eu, "--method", "min-variance", "--max-weight", "0.2"), 3, "max weight 0.2 x 4 assets = 0.8 < 1 (budget)");

        [Test]
        public void SolverNotConverged_ThrowsNotConvergedMappedToExit3_WithNothingWritten()
        {
            var solver = new Moq.Mock<NinjaTraderPortfolio.Core.Optimization.Solvers.IQpSolver>();
            solver.Setup(s => s.Solve(Moq.It.IsAny<NinjaTraderPortfolio.Core.Optimization.Solvers.QuadraticProgram>(), Moq.It.IsAny<NinjaTraderPortfolio.Core.Optimization.Solvers.QpOptions>()))
                .Returns(new NinjaTraderPortfolio.Core.Optimization.Solvers.QpResult(NinjaTraderPortfolio.Core.Optimization.Solvers.QpStatus.MaxIterations,
                    new[] { 0.25, 0.25, 0.25, 0.25 }, 0, 40, new double[1], new double[4], new double[4], new int[0], new string[0], 0, "iteration limit 40"));
            var command = new NinjaTraderPortfolio.Cli.Commands.OptimizeCommand(() => solver.Object);
            var stdout = new StringWriter();
            var ex = Assert.Throws<NotConvergedException>(() => command.Run(new[] { "--prices", Eu, "--method", "min-variance", "--format", "json" }, stdout, new StringWriter()));
            Assert.That(ex!.Message, Does.Contain("min-variance did not converge").And.Contain("MaxIterations"));
            Assert.That(ex.Iterations, Is.EqualTo(40));
            Assert.That(Program.ExitCodeFor(ex), Is.EqualTo(Program.ExitInfeasible));
            Assert.That(stdout.ToString(), Is.Empty, "the not-converged weights are never printed");
        }

        [Test]
        public void Json_ExpectedReturnsFileAnnualised_GivesTheSamePortfolioAsPerPeriod()
        {
            var daily = Write("daily.csv", "Asset,ExpectedReturn\nDAX,0.0004\nSMI,0.0006\nCAC,0.0003\nFTSE,0.0005\n");
            var annual = Write("annual.csv", "Asset,ExpectedReturn\nDAX,0.104\nSMI,0.156\nCAC,0.078\nFTSE,0.13\n");
            var a = Json(Run("--prices", Eu, "--method", "max-sharpe", "--expected-returns", daily, "--format", "json").Out).GetProperty("weights");
            var b = Json(Run("--prices", Eu, "--method", "max-sharpe", "--expected-returns", annual, "--periods-per-year", "260", "--format", "json").Out).GetProperty("weights");
            foreach (var p in a.EnumerateObject())
                Assert.That(b.GetProperty(p.Name).GetDouble(), Is.EqualTo(p.Value.GetDouble()).Within(1e-10), p.Name);
        }

        [Test]
        public void TargetVolatilityOutOfRange_Exit3()
            => AssertFailure(Run("--prices", Eu, "--method", "target-volatility", "--target-volatility", "0.0001"), 3, "outside");

        [Test]
        public void TargetVolatilityOutOfRangeAnnualised_Exit3SayingTheMessageIsPerPeriod()
            => AssertFailure(Run("--prices", Eu, "--method", "target-volatility", "--target-volatility", "0.01", "--periods-per-year", "260"), 3,
                "figures in this message are per period");

        [Test]
        public void NothingBeatsRiskFree_Exit3()
            => AssertFailure(Run("--prices", Eu, "--method", "max-sharpe", "--risk-free", "0.01"), 3, "risk-free rate");

        [Test]
        public void TargetReturnTooHigh_Exit3()
            => AssertFailure(Run("--prices", Eu, "--method", "target-return", "--target-return", "0.01", "--format", "json"), 3, "target return");

        private static JsonElement Reference(string method, string dataset, Func<JsonElement, bool> pick)
        {
            var path = OptimizationSamples.TestPath("References", "Optimization", "optimization-references.json");
            var root = JsonDocument.Parse(System.IO.File.ReadAllText(path)).RootElement;
            return root.GetProperty("cases").EnumerateArray()
                .First(c => c.GetProperty("method").GetString() == method && c.GetProperty("dataset").GetString() == dataset && pick(c));
        }
    }
}
