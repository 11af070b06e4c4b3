using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core
{
    /// <summary>What a constraint limits.</summary>
    public enum ConstraintKind
    {
        /// <summary>A named linear row with no portfolio meaning known to the builder (e.g. an auxiliary row).</summary>
        Row,
        /// <summary>A bound of a variable without a portfolio meaning ("lower bound of NAME").</summary>
        Bound,
        /// <summary>The weight of one asset (its min or max weight).</summary>
        Weight,
        /// <summary>The summed weight of one sector (cap or floor).</summary>
        Sector,
        /// <summary>The sum of weights (fully invested).</summary>
        Budget,
        /// <summary>Gross leverage, sum of |w|.</summary>
        Leverage,
        /// <summary>Turnover, sum of |w - w0|.</summary>
        Turnover,
    }

    /// <summary>Which side of the limit binds.</summary>
    public enum ConstraintSide
    {
        /// <summary>A floor (x &gt;= bound).</summary>
        Lower,
        /// <summary>A cap (x &lt;= bound).</summary>
        Upper,
        /// <summary>An equality.</summary>
        Equal,
    }

    /// <summary>
    /// The typed identity of a constraint: kind, subject (asset or sector, null when the whole portfolio) and side.
    /// The program builder gives each row and weight bound one; the solver reports conflicts and violations with it;
    /// <see cref="Text"/> is the one name the user reads ("max weight DAX", "sector eurozone max", "budget").
    /// </summary>
    public sealed class ConstraintId : IEquatable<ConstraintId>
    {
        private ConstraintId(ConstraintKind kind, string? subject, ConstraintSide side, string text)
        {
            Kind = kind;
            Subject = subject;
            Side = side;
            Text = text;
        }

        /// <summary>What is limited.</summary>
        public ConstraintKind Kind { get; }

        /// <summary>The asset (Weight, Bound: the variable) or sector (Sector) limited; null for portfolio-wide limits.</summary>
        public string? Subject { get; }

        /// <summary>Cap, floor or equality.</summary>
        public ConstraintSide Side { get; }

        /// <summary>The name shown to the user.</summary>
        public string Text { get; }

        /// <summary>A row known only by its name.</summary>
        public static ConstraintId Row(string name, ConstraintSide side = ConstraintSide.Equal) => new ConstraintId(ConstraintKind.Row, null, side, Guard.NotBlank(name, nameof(name)));

        /// <summary>A bound of variable <paramref name="variable"/>: "lower bound of X" / "upper bound of X".</summary>
        public static ConstraintId Bound(string variable, ConstraintSide side)
            => new ConstraintId(ConstraintKind.Bound, variable, side, (side == ConstraintSide.Lower ? "lower bound of " : "upper bound of ") + variable);

        /// <summary>The min or max weight of <paramref name="asset"/>: "min weight X" / "max weight X".</summary>
        public static ConstraintId Weight(string asset, ConstraintSide side)
            => new ConstraintId(ConstraintKind.Weight, asset, side, (side == ConstraintSide.Lower ? "min weight " : "max weight ") + asset);

        /// <summary>The cap or floor of sector <paramref name="sector"/>: "sector S max" / "sector S min".</summary>
        public static ConstraintId Sector(string sector, ConstraintSide side)
            => new ConstraintId(ConstraintKind.Sector, sector, side, "sector " + sector + (side == ConstraintSide.Lower ? " min" : " max"));

        /// <summary>The budget row "budget".</summary>
        public static ConstraintId Budget { get; } = new ConstraintId(ConstraintKind.Budget, null, ConstraintSide.Equal, "budget");

        /// <summary>The gross leverage cap "max leverage".</summary>
        public static ConstraintId Leverage { get; } = new ConstraintId(ConstraintKind.Leverage, null, ConstraintSide.Upper, "max leverage");

        /// <summary>The turnover cap "max turnover".</summary>
        public static ConstraintId Turnover { get; } = new ConstraintId(ConstraintKind.Turnover, null, ConstraintSide.Upper, "max turnover");

        /// <inheritdoc />
        public bool Equals(ConstraintId? other)
            => other != null && Kind == other.Kind && Side == other.Side && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
               && string.Equals(Text, other.Text, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as ConstraintId);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text) ^ (int)Kind;

        /// <inheritdoc />
        public override string ToString() => Text;

        /// <summary>The texts of <paramref name="ids"/>.</summary>
        public static IReadOnlyList<string> Texts(IReadOnlyList<ConstraintId> ids)
        {
            var list = new List<string>(ids.Count);
            foreach (var id in ids) list.Add(id.Text);
            return list;
        }
    }
}
