using System;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// Tells simulation accounts from live ones by NinjaTrader 8's naming: <c>Sim101</c> and any account whose name starts
    /// with "Sim" (NT creates simulation accounts with that prefix), playback accounts (<c>Playback101</c>, prefix
    /// "Playback") and the Strategy Analyzer's "Backtest". Prefixes are case-sensitive as NT writes them; every other name
    /// is treated as live, so a mistake errs towards refusing.
    /// </summary>
    public static class AccountClassifier
    {
        /// <summary>True when <paramref name="accountName"/> names a simulation, playback or backtest account.</summary>
        public static bool IsSimulation(string? accountName)
        {
            if (accountName == null) return false;
            string n = accountName.Trim();
            return n.StartsWith("Sim", StringComparison.Ordinal)
                || n.StartsWith("Playback", StringComparison.Ordinal)
                || string.Equals(n, "Backtest", StringComparison.Ordinal);
        }
    }
}
