namespace NinjaTraderPortfolio.Core.Optimization.Catalog
{
    /// <summary>
    /// One tunable figure of an optimizer method (e.g. the Kelly fraction): its option name, unit, valid range and default.
    /// The faces (CLI options, JSON config, NinjaTrader property grid) read these instead of repeating them.
    /// </summary>
    public sealed class OptimizerParameter
    {
        /// <summary>Creates the parameter. <paramref name="defaultValue"/> null means the parameter is required.</summary>
        public OptimizerParameter(string name, string unit, double min, bool minInclusive, double max, bool maxInclusive, double? defaultValue, string description)
        {
            Name = Guard.NotBlank(name, nameof(name));
            Unit = Guard.NotBlank(unit, nameof(unit));
            Min = min;
            MinInclusive = minInclusive;
            Max = max;
            MaxInclusive = maxInclusive;
            Default = defaultValue;
            Description = Guard.NotBlank(description, nameof(description));
        }

        /// <summary>Option name as the CLI spells it ("kelly-fraction").</summary>
        public string Name { get; }

        /// <summary>Unit of the value (e.g. "fraction of full Kelly", "return per period").</summary>
        public string Unit { get; }

        /// <summary>Lowest valid value (see <see cref="MinInclusive"/>).</summary>
        public double Min { get; }

        /// <summary>Whether <see cref="Min"/> itself is valid.</summary>
        public bool MinInclusive { get; }

        /// <summary>Highest valid value (see <see cref="MaxInclusive"/>).</summary>
        public double Max { get; }

        /// <summary>Whether <see cref="Max"/> itself is valid.</summary>
        public bool MaxInclusive { get; }

        /// <summary>The value used when none is given; null = required.</summary>
        public double? Default { get; }

        /// <summary>One line for help texts.</summary>
        public string Description { get; }

        /// <summary>The valid range as text, e.g. "(0, 1]".</summary>
        public string RangeText => (MinInclusive ? "[" : "(") + Guard.Format(Min) + ", " + Guard.Format(Max) + (MaxInclusive ? "]" : ")");

        /// <summary>True when <paramref name="value"/> is inside the valid range (NaN never is).</summary>
        public bool IsValid(double value)
            => !double.IsNaN(value)
               && (MinInclusive ? value >= Min : value > Min)
               && (MaxInclusive ? value <= Max : value < Max);

        /// <summary>Returns <paramref name="value"/> or throws <see cref="InvalidInputException"/> naming the parameter, its range and unit.</summary>
        public double Check(double value)
        {
            if (!IsValid(value)) throw new InvalidInputException($"{Name} must be in {RangeText} ({Unit}), got {Guard.Format(value)}");
            return value;
        }
    }
}
