using System;

namespace NinjaTraderPortfolio.Core.Analytics.Accounting
{
    /// <summary>
    /// Position and P&amp;L of one instrument under the average-cost method: buys and sells in the direction of
    /// the position move the average entry price; fills against it realise
    /// <c>closed quantity x (fill price - average price) x point value</c> (sign flipped for shorts); a fill that
    /// crosses zero closes the old position and opens the remainder at the fill price.
    /// Money is in account currency; quantities are whole contracts/shares (positive long, negative short).
    /// </summary>
    public sealed class PositionLedger
    {
        /// <summary>Creates a flat position for <paramref name="instrument"/> with the given point value (currency per point per contract; 1 for stocks).</summary>
        public PositionLedger(string instrument, decimal pointValue)
        {
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            PointValue = Guard.Positive(pointValue, nameof(pointValue));
        }

        /// <summary>Instrument name.</summary>
        public string Instrument { get; }

        /// <summary>Currency value of one point move for one contract.</summary>
        public decimal PointValue { get; }

        /// <summary>Signed position in contracts/shares.</summary>
        public long Quantity { get; private set; }

        // Signed cost of the open position in price units (sum of quantity x price of what is open). Kept
        // instead of an average price so that a round trip back to flat realises exactly the cash flows.
        private decimal _costBasis;

        /// <summary>Average entry price of the open position (0 when flat).</summary>
        public decimal AveragePrice => Quantity == 0 ? 0m : _costBasis / Quantity;

        /// <summary>Realised P&amp;L before commissions, in currency.</summary>
        public decimal RealizedPnL { get; private set; }

        /// <summary>Commissions and fees paid, in currency (positive).</summary>
        public decimal Commissions { get; private set; }

        /// <summary>Applies a fill: <paramref name="quantity"/> signed (+ buy, - sell), price per unit, commission in currency.</summary>
        public void ApplyFill(long quantity, decimal price, decimal commission = 0m)
        {
            if (quantity == 0) throw new ArgumentOutOfRangeException(nameof(quantity), $"fill quantity for '{Instrument}' must not be 0");
            Guard.Positive(price, nameof(price));
            Guard.NonNegative(commission, nameof(commission));
            Commissions += commission;

            if (Quantity == 0 || Math.Sign(Quantity) == Math.Sign(quantity))
            {
                _costBasis += quantity * price;
                Quantity += quantity;
                return;
            }

            long closing = Math.Min(Math.Abs(quantity), Math.Abs(Quantity));
            // A partial close removes its pro-rata share of the cost, rounded to 1e-10 price units so that every later
            // sum stays exact in decimal; the final close removes whatever is left, so round trips realise exactly.
            decimal removed = closing == Math.Abs(Quantity) ? _costBasis : Math.Round(_costBasis * closing / Math.Abs(Quantity), 10);
            RealizedPnL += (Math.Sign(Quantity) * closing * price - removed) * PointValue;
            _costBasis -= removed;
            long remaining = Quantity + quantity;
            if (remaining != 0 && Math.Sign(remaining) != Math.Sign(Quantity)) _costBasis = remaining * price;
            Quantity = remaining;
        }

        /// <summary>Unrealised P&amp;L at <paramref name="markPrice"/>, in currency.</summary>
        public decimal UnrealizedPnL(decimal markPrice)
        {
            Guard.Positive(markPrice, nameof(markPrice));
            return Quantity == 0 ? 0m : (Quantity * markPrice - _costBasis) * PointValue;
        }

        /// <summary>Signed market value (notional exposure) at <paramref name="markPrice"/>: quantity x price x point value.</summary>
        public decimal MarketValue(decimal markPrice)
        {
            Guard.Positive(markPrice, nameof(markPrice));
            return Quantity * markPrice * PointValue;
        }

        /// <summary>Realised plus unrealised P&amp;L less commissions, in currency.</summary>
        public decimal NetPnL(decimal markPrice) => RealizedPnL + UnrealizedPnL(markPrice) - Commissions;
    }
}
