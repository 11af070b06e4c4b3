using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// The limits of a portfolio as linear rows and bounds over the variables
    /// <c>x = [w (n) | t (n, gross-leverage auxiliaries, optional) | d (n, turnover auxiliaries, optional)]</c>.
    /// Built by <see cref="PortfolioProgramBuilder.Limits"/>; turned into a QP by <see cref="PortfolioProgramBuilder.ToProgram"/>
    /// or homogenised by <see cref="CharnesCooperProgram"/>.
    /// </summary>
    public sealed class PortfolioProgramLayout
    {
        internal PortfolioProgramLayout(IReadOnlyList<string> assets, int variableCount, int absOffset, int turnoverOffset,
            IReadOnlyList<LinearConstraint> rows, double[] lower, double[] upper, string[] variableNames, double? budget, double[] currentWeights)
        {
            _currentWeights = currentWeights;
            Assets = assets;
            VariableCount = variableCount;
            AbsOffset = absOffset;
            TurnoverOffset = turnoverOffset;
            Rows = rows;
            Lower = lower;
            Upper = upper;
            VariableNames = variableNames;
            Budget = budget;
            var lowerIds = new ConstraintId?[variableCount];
            var upperIds = new ConstraintId?[variableCount];
            for (int i = 0; i < assets.Count; i++)
            {
                lowerIds[i] = ConstraintId.Weight(assets[i], ConstraintSide.Lower);
                upperIds[i] = ConstraintId.Weight(assets[i], ConstraintSide.Upper);
            }
            LowerBoundIds = lowerIds;
            UpperBoundIds = upperIds;
        }

        private readonly double[] _currentWeights;

        /// <summary>Asset names (the first n variables are their weights).</summary>
        public IReadOnlyList<string> Assets { get; }

        /// <summary>Number of assets n.</summary>
        public int AssetCount => Assets.Count;

        /// <summary>Total number of variables (n plus auxiliaries).</summary>
        public int VariableCount { get; }

        /// <summary>Index of the first t_i with t_i &gt;= |w_i| (gross leverage), or -1 when not needed.</summary>
        public int AbsOffset { get; }

        /// <summary>Index of the first d_i with d_i &gt;= |w_i - w0_i| (turnover), or -1 when not needed.</summary>
        public int TurnoverOffset { get; }

        /// <summary>Named linear rows ("budget", "sector Energy max", "max leverage", ...), all over <see cref="VariableCount"/> variables.</summary>
        public IReadOnlyList<LinearConstraint> Rows { get; }

        /// <summary>Lower bounds of the variables (weights: min weight; auxiliaries: 0). Do not mutate.</summary>
        public double[] Lower { get; }

        /// <summary>Upper bounds of the variables (weights: max weight; auxiliaries: +infinity). Do not mutate.</summary>
        public double[] Upper { get; }

        /// <summary>Variable names for conflict reports: the asset names, then "|w| aux X", "turnover aux X".</summary>
        public string[] VariableNames { get; }

        /// <summary>Identities of the lower bounds: "min weight X" for the weights, null (solver default) for auxiliaries.</summary>
        public IReadOnlyList<ConstraintId?> LowerBoundIds { get; }

        /// <summary>Identities of the upper bounds: "max weight X" for the weights, null for auxiliaries.</summary>
        public IReadOnlyList<ConstraintId?> UpperBoundIds { get; }

        /// <summary>The budget (sum of weights), or null when free.</summary>
        public double? Budget { get; }

        /// <summary>
        /// The row or bound violated most by the weights <paramref name="w"/> (auxiliaries set to their least feasible
        /// values |w_i| and |w_i - w0_i|), or null when none is; <paramref name="amount"/> is the violation.
        /// </summary>
        public ConstraintId? WorstViolation(IReadOnlyList<double> w, out double amount)
        {
            int n = AssetCount;
            var x = new double[VariableCount];
            for (int i = 0; i < n; i++) x[i] = w[i];
            if (AbsOffset >= 0) for (int i = 0; i < n; i++) x[AbsOffset + i] = System.Math.Abs(w[i]);
            if (TurnoverOffset >= 0) for (int i = 0; i < n; i++) x[TurnoverOffset + i] = System.Math.Abs(w[i] - _currentWeights[i]);
            return ProgramViolation.Worst(Rows, Lower, Upper, (j, side) => (side == ConstraintSide.Lower ? LowerBoundIds[j] : UpperBoundIds[j])
                ?? ConstraintId.Bound(VariableNames[j], side), x, out amount);
        }
    }
}
