using System;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// Residuals of the Karush-Kuhn-Tucker conditions of a <see cref="QuadraticProgram"/> at a point, all absolute
    /// (in the units of the problem's rows) and maximum norms. A point is optimal to tolerance tol when every field is &lt;= tol.
    /// </summary>
    public sealed class QpKktReport
    {
        /// <summary>Creates a report.</summary>
        public QpKktReport(double maxPrimalInfeasibility, double stationarityResidual, double maxDualSignViolation, double maxComplementarity)
        {
            MaxPrimalInfeasibility = maxPrimalInfeasibility;
            StationarityResidual = stationarityResidual;
            MaxDualSignViolation = maxDualSignViolation;
            MaxComplementarity = maxComplementarity;
        }

        /// <summary>Largest violation of a row (|a'x - b| for equalities, the excess for inequalities) or bound.</summary>
        public double MaxPrimalInfeasibility { get; }

        /// <summary><c>max_j |Px + q + sum_i y_i a_i - mu_L + mu_U|_j</c>.</summary>
        public double StationarityResidual { get; }

        /// <summary>Largest multiplier of the wrong sign (y &lt; 0 on &lt;= rows, y &gt; 0 on &gt;= rows, mu &lt; 0), as a magnitude.</summary>
        public double MaxDualSignViolation { get; }

        /// <summary>
        /// Largest <c>|multiplier * slack|</c> over inequality rows and finite bounds; a nonzero multiplier on an
        /// infinite bound counts with its magnitude.
        /// </summary>
        public double MaxComplementarity { get; }

        /// <summary>The largest of the four residuals.</summary>
        public double Max => Math.Max(Math.Max(MaxPrimalInfeasibility, StationarityResidual), Math.Max(MaxDualSignViolation, MaxComplementarity));

        /// <inheritdoc />
        public override string ToString() =>
            $"primal {Guard.Format(MaxPrimalInfeasibility)}, stationarity {Guard.Format(StationarityResidual)}, " +
            $"dual sign {Guard.Format(MaxDualSignViolation)}, complementarity {Guard.Format(MaxComplementarity)}";
    }
}
