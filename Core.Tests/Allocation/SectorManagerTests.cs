using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Allocation
{
    public class SectorManagerTests
    {
        private static readonly SectorManager Manager = new SectorManager(
            new Dictionary<string, string> { ["ES"] = "Equity", ["NQ"] = "Equity", ["ZN"] = "Rates", ["CL"] = "Energy" },
            new Dictionary<string, double> { ["Equity"] = 0.5 });

        [Test]
        public void Analyze_ComputesExposuresHerfindahlAndBreaches()
        {
            var r = Manager.Analyze(new[] { "ES", "NQ", "ZN", "CL", "GC" }, new[] { 0.4, 0.2, -0.2, 0.2, 0.1 });
            var eq = r.Exposures.Single(e => e.Sector == "Equity");
            Assert.That(eq.Net, Is.EqualTo(0.6).Within(1e-15));
            Assert.That(eq.Gross, Is.EqualTo(0.6).Within(1e-15));
            Assert.That(r.Exposures.Single(e => e.Sector == "Rates").Net, Is.EqualTo(-0.2));
            // Gross shares 0.6, 0.2, 0.2 of 1.0: HHI = 0.36 + 0.04 + 0.04 = 0.44.
            Assert.That(r.Herfindahl, Is.EqualTo(0.44).Within(1e-15));
            Assert.That(r.Breaches.Select(b => b.Sector), Is.EqualTo(new[] { "Equity" }));
            Assert.That(r.UnknownAssets, Is.EqualTo(new[] { "GC" }));
            Assert.That(r.UnknownWeight, Is.EqualTo(0.1));
        }

        [Test]
        public void Analyze_NoExposure_HerfindahlIsNaN()
            => Assert.That(Manager.Analyze(new[] { "ES" }, new[] { 0.0 }).Herfindahl, Is.NaN);

        [Test]
        public void BadInput_IsRejected()
        {
            Assert.Throws<InvalidInputException>(() => new SectorManager(new Dictionary<string, string> { ["ES"] = "Equity" }, new Dictionary<string, double> { ["Metals"] = 0.3 }));
            Assert.Throws<ArgumentException>(() => new SectorManager(new Dictionary<string, string> { ["ES"] = " " }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SectorManager(new Dictionary<string, string> { ["ES"] = "Equity" }, new Dictionary<string, double> { ["Equity"] = -1 }));
            Assert.Throws<ArgumentException>(() => Manager.Analyze(new[] { "ES", "NQ" }, new[] { 0.5 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => Manager.Analyze(new[] { "ES" }, new[] { double.NaN }));
        }
    }
}
