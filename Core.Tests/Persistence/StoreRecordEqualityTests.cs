using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Tca;
using NinjaTraderPortfolio.Core.Persistence.Records;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>
    /// The store records are records: the SQLite store tells a replayed execution from a conflicting one by
    /// <see cref="FillRecord"/> equality, so every field must take part and decimals compare by value.
    /// </summary>
    public sealed class StoreRecordEqualityTests
    {
        private static FillRecord Fill(string id = "X1", string order = "P1-0-0", string instrument = "ES", OrderSide side = OrderSide.Buy,
            long quantity = 2, decimal price = 4321.25m, decimal commission = 1.04m, DateTime? time = null)
            => new FillRecord(id, order, instrument, side, quantity, price, commission, time ?? T0);

        [Test]
        public void FillsWithEqualFields_AreEqual_AlsoWhenDecimalsDifferInScale()
        {
            var fill = Fill();
            Assert.That(new FillRecord("X1", "P1-0-0", "ES", OrderSide.Buy, 2, 4321.25m, 1.04m, T0), Is.EqualTo(fill));
            Assert.That(Fill(price: 4321.2500m, commission: 1.040m), Is.EqualTo(fill));
            Assert.That(Fill().GetHashCode(), Is.EqualTo(Fill(price: 4321.2500m).GetHashCode()));
        }

        [Test]
        public void FillsDifferingInAnyOneField_AreNotEqual()
        {
            var variants = new List<FillRecord>
            {
                Fill(id: "X2"), Fill(order: "P1-0-1"), Fill(instrument: "NQ"), Fill(side: OrderSide.Sell), Fill(quantity: 3),
                Fill(price: 4321.5m), Fill(commission: 0m), Fill(time: T0.AddTicks(1)),
            };
            foreach (var v in variants) Assert.That(v, Is.Not.EqualTo(Fill()), v.ToString());
        }

        [Test]
        public void Constructors_StillValidate_WithTheSameMessages()
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Fill(quantity: 0))!;
            Assert.That(ex.Message, Does.StartWith("quantity must be > 0, got 0"));
            var t = Assert.Throws<ArgumentOutOfRangeException>(() => new TargetRecord("main", "ES", double.NaN, T0, ""))!;
            Assert.That(t.Message, Does.StartWith("targetWeight must be a finite number, got NaN"));
        }
    }
}
