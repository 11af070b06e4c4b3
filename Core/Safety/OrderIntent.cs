using System;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>An order about to be sent, with what the guards need to judge it.</summary>
    public sealed class OrderIntent
    {
        /// <summary>Creates the intent; values are checked by the guard (a malformed intent is refused, not thrown).</summary>
        public OrderIntent(string account, string instrument, Execution.Executor.OrderSide side, long quantity, decimal price, DateTime priceTimeUtc,
            decimal pointValue = 1m, double? marketVolume = null)
        {
            Account = account ?? ""; Instrument = instrument ?? ""; Side = side; Quantity = quantity; Price = price;
            PriceTimeUtc = priceTimeUtc; PointValue = pointValue; MarketVolume = marketVolume;
        }

        /// <summary>Account name (NT: Account.Name).</summary>
        public string Account { get; }
        /// <summary>Instrument name.</summary>
        public string Instrument { get; }
        /// <summary>Buy or sell.</summary>
        public Execution.Executor.OrderSide Side { get; }
        /// <summary>Whole units.</summary>
        public long Quantity { get; }
        /// <summary>Reference price, currency per point.</summary>
        public decimal Price { get; }
        /// <summary>When that price was observed, UTC.</summary>
        public DateTime PriceTimeUtc { get; }
        /// <summary>Currency per point per unit (NT: MasterInstrument.PointValue; 1 for stocks).</summary>
        public decimal PointValue { get; }
        /// <summary>Market volume over the order's interval (whole units), for the participation guard; null when unknown.</summary>
        public double? MarketVolume { get; }

        /// <summary>|quantity| x price x point value, currency.</summary>
        public decimal Notional => Math.Abs(Quantity) * Price * PointValue;
    }

    /// <summary>A risk limit checked before each order (e.g. VaR or gross exposure of the portfolio after the order).</summary>
    public interface IRiskLimitCheck
    {
        /// <summary>A sentence naming the breached limit and its value, or null when within limits.</summary>
        string? Breach(OrderIntent intent);
    }
}
