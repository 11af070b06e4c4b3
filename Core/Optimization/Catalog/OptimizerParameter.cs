using NinjaTraderPortfolio.Core.Limits;

namespace NinjaTraderPortfolio.Core.Optimization.Catalog
{
    /// <summary>
    /// One tunable figure of an optimizer method (e.g. the Kelly fraction), declared like a limit (<see cref="LimitSpec"/>:
    /// option name, unit, valid range, default, message). The faces (CLI options, JSON config, NinjaTrader property grid)
    /// read these instead of repeating them.
    /// </summary>
    public sealed class OptimizerParameter : LimitSpec
    {
        /// <summary>Creates the parameter. <paramref name="defaultValue"/> null means the parameter is required.</summary>
        public OptimizerParameter(string name, string unit, double min, bool minInclusive, double max, bool maxInclusive, double? defaultValue, string description)
            : base(name, unit, min, minInclusive, max, maxInclusive, defaultValue, description)
        {
        }

        /// <summary>Returns <paramref name="value"/> or throws <see cref="InvalidInputException"/> naming the parameter, its range and unit.</summary>
        public double Check(double value) => Check(value, "");
    }
}
