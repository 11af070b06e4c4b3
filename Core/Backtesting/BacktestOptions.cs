namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>Settings of a <see cref="Backtester"/> run.</summary>
    public sealed class BacktestOptions
    {
        /// <summary>Starting cash in currency (&gt; 0). Default 1,000,000.</summary>
        public decimal InitialCapital { get; set; } = 1_000_000m;

        /// <summary>When to rebalance after the first allocation. Default monthly.</summary>
        public RebalancePolicy Policy { get; set; } = RebalancePolicy.Periodic(Allocation.CalendarFrequency.Monthly);

        /// <summary>
        /// The triggers in full, or null (default): those of <see cref="Policy"/>. Set them to replay a live configuration the
        /// policy text cannot name, e.g. the strategy's calendar schedule together with its drift band.
        /// </summary>
        public Allocation.RebalanceTriggerOptions? Triggers { get; set; }

        /// <summary>Commission and impact. Default none.</summary>
        public BacktestCosts Costs { get; set; } = BacktestCosts.None;

        /// <summary>
        /// False (default): positions are whole lots, sized by <see cref="Execution.Planning.RebalancePlanner"/> like a live account.
        /// True: positions are exact decimal fractions of a unit, q = w x equity / (price x point value), so the portfolio
        /// holds exactly the target weights after each rebalance (up to decimal's 28 digits). Used to compare with closed forms.
        /// </summary>
        public bool FractionalUnits { get; set; }

        /// <summary>Periods per year of the bars, for annualised figures (252 for daily bars). Default 252.</summary>
        public int PeriodsPerYear { get; set; } = 252;

        /// <summary>Fraction of equity kept in cash when sizing whole lots, in [0, 1). Default 0.</summary>
        public double CashBuffer { get; set; }

        /// <summary>
        /// No-trade band for whole-lot sizing, a fraction of equity (default 0): an instrument whose target differs from its
        /// current weight by less than this keeps its position, and trades are at least this size (the same rule as live,
        /// <see cref="Execution.Sizing.FuturesSizer"/>).
        /// </summary>
        public double MinTradeWeight { get; set; }

        /// <summary>
        /// Null (default): every rebalance fills market-on-close at the decision bar. Otherwise each parent is split into child
        /// fills over the next bars by the live schedule (<see cref="BacktestExecution"/>); needs whole lots.
        /// </summary>
        public BacktestExecution? Execution { get; set; }

        /// <summary>
        /// The signals that re-optimize (see <see cref="Rebalancing.RebalancingLoopOptions.RetargetOn"/>): every signal by default;
        /// <see cref="Allocation.RebalanceReason.Calendar"/> replays the NinjaTrader strategy, whose drift signals trade back to
        /// the targets in force.
        /// </summary>
        public Allocation.RebalanceReason RetargetOn { get; set; } = Rebalancing.RebalancingLoopOptions.EverySignal;

        /// <summary>Per-instrument |weight| and notional caps the whole-lot sizing respects (as a live account would), or null.</summary>
        public Execution.Planning.IAllocationLimits? SizingLimits { get; set; }
    }
}
