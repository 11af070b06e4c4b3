using System;
using NinjaTraderPortfolio.Core.Analytics.Performance;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Analytics
{
    public class PerformanceCalculatorTests
    {
        // Equity 100 -> 110 -> 99 -> 121, monthly (P = 12). Worked by hand:
        // r = (0.1, -0.1, 22/99); total = 0.21; annualised = 1.21^(12/3) - 1 = 1.14358881;
        // mean = 0.0740740..., sample sd (n-1) = 0.16266808..., vol = sd sqrt(12) = 0.56349877036;
        // Sharpe = mean/sd sqrt(12) = 1.57744601345; downside dev = sqrt(0.01/3), Sortino = 4.4444444444;
        // max drawdown 110 -> 99 = 0.1, under water from index 1 to index 3 = 2 periods; Calmar = 11.435888;
        // hit rate 2/3.
        private static readonly decimal[] Equity = { 100m, 110m, 99m, 121m };

        [Test]
        public void Compute_OnHandWorkedCurve_MatchesHandFigures()
        {
            var r = PerformanceCalculator.Compute(Equity, 12);
            Assert.Multiple(() =>
            {
                Assert.That(r.Periods, Is.EqualTo(3));
                Assert.That(r.TotalReturn, Is.EqualTo(0.21).Within(1e-14));
                Assert.That(r.AnnualizedReturn, Is.EqualTo(1.14358881).Within(1e-12));
                Assert.That(r.Volatility, Is.EqualTo(0.5634987703602653).Within(1e-12));
                Assert.That(r.Sharpe, Is.EqualTo(1.577446013450199).Within(1e-12));
                Assert.That(r.Sortino, Is.EqualTo(4.444444444444448).Within(1e-12));
                Assert.That(r.MaxDrawdown, Is.EqualTo(0.1).Within(1e-15));
                Assert.That(r.MaxDrawdownPeakIndex, Is.EqualTo(1));
                Assert.That(r.MaxDrawdownTroughIndex, Is.EqualTo(2));
                Assert.That(r.MaxDrawdownDuration, Is.EqualTo(2));
                Assert.That(r.Calmar, Is.EqualTo(11.435888099999998).Within(1e-10));
                Assert.That(r.HitRate, Is.EqualTo(2.0 / 3.0).Within(1e-15));
            });
        }

        [Test]
        public void Compute_WhenNeverRecovering_CountsDurationToTheEnd()
        {
            var r = PerformanceCalculator.Compute(new[] { 100m, 120m, 90m, 100m, 110m }, 252);
            Assert.That(r.MaxDrawdown, Is.EqualTo(0.25).Within(1e-15));
            Assert.That(r.MaxDrawdownDuration, Is.EqualTo(3));
        }

        [Test]
        public void Compute_OnRisingCurve_HasNoDrawdownAndNaNCalmar()
        {
            var r = PerformanceCalculator.Compute(new[] { 100m, 101m, 103m }, 252);
            Assert.That(r.MaxDrawdown, Is.EqualTo(0));
            Assert.That(r.MaxDrawdownDuration, Is.EqualTo(0));
            Assert.That(r.Calmar, Is.NaN);
            Assert.That(r.Sortino, Is.NaN);
        }

        [Test]
        public void Compute_WithNonPositiveEquity_NamesThePoint()
        {
            var ex = Assert.Throws<ArgumentException>(() => PerformanceCalculator.Compute(new[] { 100m, 0m }, 252));
            Assert.That(ex!.Message, Does.Contain("equity[1]"));
        }

        [Test]
        public void Compute_WithOnePoint_Throws()
            => Assert.Throws<ArgumentException>(() => PerformanceCalculator.Compute(new[] { 100m }, 252));

        [Test]
        public void DrawdownSeries_OnRandomCurves_IsBetweenZeroAndOneAndZeroAtNewHighs()
        {
            var rng = new Random(7);
            for (int k = 0; k < 200; k++)
            {
                var eq = new decimal[50];
                eq[0] = 1000m;
                for (int i = 1; i < eq.Length; i++) eq[i] = Math.Round(eq[i - 1] * (decimal)(1 + (rng.NextDouble() - 0.5) * 0.1), 4);
                var dd = PerformanceCalculator.DrawdownSeries(eq);
                decimal peak = 0m;
                double max = 0;
                for (int i = 0; i < eq.Length; i++)
                {
                    Assert.That(dd[i], Is.InRange(0.0, 1.0));
                    if (eq[i] >= peak) { Assert.That(dd[i], Is.EqualTo(0)); peak = eq[i]; }
                    max = Math.Max(max, dd[i]);
                }
                Assert.That(PerformanceCalculator.Compute(eq, 252).MaxDrawdown, Is.EqualTo(max).Within(1e-15));
            }
        }
    }
}
