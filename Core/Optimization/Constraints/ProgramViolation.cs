using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// The one violation kernel behind <c>QpOutcome.WorstViolation</c> (the solver's answer) and
    /// <see cref="PortfolioProgramLayout.WorstViolation"/> (the final weights). It sits here, below the optimizers, so that
    /// this namespace never uses <c>Core.Optimization</c> (which uses it).
    /// </summary>
    public static class ProgramViolation
    {
        /// <summary>
        /// The row of <paramref name="rows"/> or bound that <paramref name="x"/> violates most (null when none is), bounds
        /// named by <paramref name="boundId"/>; <paramref name="amount"/> is the violation (in the row's or bound's units, 0
        /// when nothing is violated).
        /// </summary>
        public static ConstraintId? Worst(IReadOnlyList<LinearConstraint> rows, double[] lower, double[] upper,
            Func<int, ConstraintSide, ConstraintId> boundId, double[] x, out double amount)
        {
            Guard.NotNull(x, nameof(x));
            amount = 0;
            ConstraintId? worst = null;
            foreach (var c in rows)
            {
                double ax = 0;
                for (int j = 0; j < x.Length; j++) ax += c.Coefficients[j] * x[j];
                double v = c.Sense == ConstraintSense.Equal ? Math.Abs(ax - c.Bound)
                    : c.Sense == ConstraintSense.LessOrEqual ? ax - c.Bound : c.Bound - ax;
                if (v > amount) { amount = v; worst = c.Id; }
            }
            for (int j = 0; j < x.Length; j++)
            {
                if (lower[j] - x[j] > amount) { amount = lower[j] - x[j]; worst = boundId(j, ConstraintSide.Lower); }
                if (x[j] - upper[j] > amount) { amount = x[j] - upper[j]; worst = boundId(j, ConstraintSide.Upper); }
            }
            return worst;
        }
    }
}
