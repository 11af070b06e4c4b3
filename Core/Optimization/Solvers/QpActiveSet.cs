namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// The integer encoding of constraints in <see cref="QpResult.ActiveSet"/> and <see cref="QpOptions.WarmActiveSet"/>,
    /// for a problem with m general constraints and n variables:
    /// <c>k</c> in [0, m) is <c>Constraints[k]</c>; <c>m + i</c> is the lower bound of variable i;
    /// <c>m + n + i</c> is the upper bound of variable i. A fixed variable (lower = upper) is reported as
    /// its lower bound when its multiplier pushes up and as its upper bound otherwise.
    /// </summary>
    public static class QpActiveSet
    {
        /// <summary>Index of general constraint <paramref name="k"/> (0-based, <see cref="QuadraticProgram.Constraints"/> order).</summary>
        public static int Constraint(QuadraticProgram problem, int k)
        {
            Guard.NotNull(problem, nameof(problem));
            Guard.InRange(k, 0, problem.Constraints.Count - 1, nameof(k));
            return k;
        }

        /// <summary>Index of the lower bound of variable <paramref name="i"/>.</summary>
        public static int LowerBound(QuadraticProgram problem, int i)
        {
            Guard.NotNull(problem, nameof(problem));
            Guard.InRange(i, 0, problem.Size - 1, nameof(i));
            return problem.Constraints.Count + i;
        }

        /// <summary>Index of the upper bound of variable <paramref name="i"/>.</summary>
        public static int UpperBound(QuadraticProgram problem, int i)
        {
            Guard.NotNull(problem, nameof(problem));
            Guard.InRange(i, 0, problem.Size - 1, nameof(i));
            return problem.Constraints.Count + problem.Size + i;
        }

        /// <summary>
        /// Human-readable name of an encoded index: the constraint's <see cref="LinearConstraint.Name"/>, or
        /// "lower bound of NAME" / "upper bound of NAME" with NAME from <see cref="QuadraticProgram.VariableNames"/>
        /// or "x[i]".
        /// </summary>
        public static string Describe(QuadraticProgram problem, int index)
        {
            Guard.NotNull(problem, nameof(problem));
            int m = problem.Constraints.Count, n = problem.Size;
            Guard.InRange(index, 0, m + 2 * n - 1, nameof(index));
            if (index < m) return problem.Constraints[index].Name;
            int i = (index - m) % n;
            return problem.BoundId(i, index < m + n ? ConstraintSide.Lower : ConstraintSide.Upper).Text;
        }

        /// <summary>Name of variable i: <see cref="QuadraticProgram.VariableNames"/>[i] when given, else "x[i]".</summary>
        public static string VariableName(QuadraticProgram problem, int i)
        {
            Guard.NotNull(problem, nameof(problem));
            var names = problem.VariableNames;
            if (names != null && i < names.Count && !string.IsNullOrWhiteSpace(names[i])) return names[i];
            return "x[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        }
    }
}
