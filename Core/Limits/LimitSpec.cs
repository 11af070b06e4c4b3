using System;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Limits
{
    /// <summary>
    /// The declaration of one limit: its name, unit, valid range, default and the one message an out-of-range value gets.
    /// Every face that takes the limit from a user (CLI option, JSON config member, NinjaTrader property) checks it here,
    /// once; the Core types that carry it afterwards do not check it again. The table of all limits is <see cref="LimitCatalog"/>;
    /// an optimizer method's own figures (Kelly fraction, target return) are declared the same way
    /// (<c>Optimization.Catalog.OptimizerParameter</c>).
    /// </summary>
    public class LimitSpec
    {
        /// <summary>Creates the declaration. <paramref name="defaultValue"/> null means "no limit unless given".</summary>
        public LimitSpec(string name, string unit, double min, bool minInclusive, double max, bool maxInclusive, double? defaultValue, string description)
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

        /// <summary>Name in messages ("max weight").</summary>
        public string Name { get; }

        /// <summary>Unit of the value ("fraction of portfolio value", "currency", "whole units").</summary>
        public string Unit { get; }

        /// <summary>Lowest valid value (see <see cref="MinInclusive"/>); negative infinity when unbounded below.</summary>
        public double Min { get; }

        /// <summary>Whether <see cref="Min"/> itself is valid.</summary>
        public bool MinInclusive { get; }

        /// <summary>Highest valid value (see <see cref="MaxInclusive"/>); positive infinity when unbounded above.</summary>
        public double Max { get; }

        /// <summary>Whether <see cref="Max"/> itself is valid.</summary>
        public bool MaxInclusive { get; }

        /// <summary>The value every face uses when none is given; null = no limit unless given.</summary>
        public double? Default { get; }

        /// <summary>One line for help texts: what the limit bounds.</summary>
        public string Description { get; }

        /// <summary>The valid range as text: "a finite number", "&gt; 0", "&gt;= 0", "in (0, 1]".</summary>
        public string RangeText
        {
            get
            {
                bool openBelow = double.IsNegativeInfinity(Min), openAbove = double.IsPositiveInfinity(Max);
                if (openBelow && openAbove) return "a finite number";
                if (openAbove) return (MinInclusive ? ">= " : "> ") + Guard.Format(Min);
                if (openBelow) return (MaxInclusive ? "<= " : "< ") + Guard.Format(Max);
                return "in " + (MinInclusive ? "[" : "(") + Guard.Format(Min) + ", " + Guard.Format(Max) + (MaxInclusive ? "]" : ")");
            }
        }

        /// <summary>True when <paramref name="value"/> is finite and inside the valid range.</summary>
        public bool IsValid(double value)
            => !double.IsNaN(value) && !double.IsInfinity(value)
               && (MinInclusive ? value >= Min : value > Min)
               && (MaxInclusive ? value <= Max : value < Max);

        /// <summary>The declared message for an out-of-range value shown as <paramref name="shown"/>: "max weight must be ... (unit), got 1.5".</summary>
        public string Message(string shown) => $"{Name} must be {RangeText} ({Unit}), got {shown}";

        /// <summary>Null when <paramref name="value"/> is valid, else <see cref="Message"/> of it.</summary>
        public string? Problem(double value) => IsValid(value) ? null : Message(Guard.Format(value));

        /// <summary>Null when <paramref name="value"/> (money) is valid, else <see cref="Message"/> of it.</summary>
        public string? Problem(decimal value) => IsValid((double)value) ? null : Message(value.ToString(CultureInfo.InvariantCulture));

        /// <summary>Null when <paramref name="value"/> (a count) is valid, else <see cref="Message"/> of it.</summary>
        public string? Problem(long value) => IsValid(value) ? null : Message(value.ToString(CultureInfo.InvariantCulture));

        /// <summary>
        /// Returns <paramref name="value"/> or throws <see cref="InvalidInputException"/> "<paramref name="culprit"/>: message",
        /// where the culprit names the face's field (e.g. "portfolios[0].limits.maxWeight", "property MaxWeight").
        /// </summary>
        public double Check(double value, string culprit) => Problem(value) is string p ? throw Bad(culprit, p) : value;

        /// <inheritdoc cref="Check(double, string)"/>
        public decimal Check(decimal value, string culprit) => Problem(value) is string p ? throw Bad(culprit, p) : value;

        /// <inheritdoc cref="Check(double, string)"/>
        public long Check(long value, string culprit) => Problem(value) is string p ? throw Bad(culprit, p) : value;

        /// <summary>The declared text of the limit for help and docs: "max weight (fraction of portfolio value), a finite number, default 1".</summary>
        public override string ToString()
            => $"{Name} ({Unit}), {RangeText}" + (Default is double d ? ", default " + Guard.Format(d) : "");

        private static InvalidInputException Bad(string culprit, string problem)
            => new InvalidInputException(string.IsNullOrEmpty(culprit) ? problem : culprit + ": " + problem);
    }
}
