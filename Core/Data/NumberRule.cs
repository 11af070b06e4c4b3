namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>What values a numeric key/value file may hold.</summary>
    public enum NumberRule
    {
        /// <summary>Any finite number.</summary>
        Finite,
        /// <summary>Finite and &gt;= 0.</summary>
        NonNegative,
    }
}
