using System;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>
    /// One trading day of a portfolio's history, all money in account currency. Unique per portfolio and date (upsert).
    /// Returns are not stored: they follow from consecutive equities and <see cref="CashFlow"/>.
    /// </summary>
    public sealed record DailyPerformanceRecord
    {
        /// <summary>Creates the row; <paramref name="date"/> must be a date without time of day.</summary>
        public DailyPerformanceRecord(string portfolio, DateTime date, decimal equity, decimal pnl, decimal realizedPnl,
            decimal unrealizedPnl, decimal commissions, decimal turnover, decimal cashFlow)
        {
            Portfolio = Guard.NotBlank(portfolio, nameof(portfolio));
            if (date.TimeOfDay != TimeSpan.Zero)
                throw new ArgumentException($"date must be a calendar date without time of day, got {date:O}", nameof(date));
            Date = DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
            Equity = equity;
            Pnl = pnl;
            RealizedPnl = realizedPnl;
            UnrealizedPnl = unrealizedPnl;
            Commissions = Guard.NonNegative(commissions, nameof(commissions));
            Turnover = Guard.NonNegative(turnover, nameof(turnover));
            CashFlow = cashFlow;
        }

        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>Trading date (calendar date, <see cref="DateTimeKind.Unspecified"/>).</summary>
        public DateTime Date { get; }
        /// <summary>Equity at the close of the day.</summary>
        public decimal Equity { get; }
        /// <summary>Profit and loss of the day, net of commissions.</summary>
        public decimal Pnl { get; }
        /// <summary>Realized P&amp;L of the day.</summary>
        public decimal RealizedPnl { get; }
        /// <summary>Unrealized P&amp;L of open positions at the close.</summary>
        public decimal UnrealizedPnl { get; }
        /// <summary>Commissions paid during the day (&gt;= 0).</summary>
        public decimal Commissions { get; }
        /// <summary>Notional traded during the day, buys plus sells (&gt;= 0).</summary>
        public decimal Turnover { get; }
        /// <summary>Deposits minus withdrawals during the day.</summary>
        public decimal CashFlow { get; }
    }
}
