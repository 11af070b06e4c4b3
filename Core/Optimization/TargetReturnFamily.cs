using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// The target-return programs <c>min w'Sigma w</c> s.t. <c>mu'w &gt;= r</c> and the limits, for many r (frontier points,
    /// target-volatility search): the limits, the scaled objective and the bounds are built once; each solve only adds the
    /// "target return" row, so a step costs the QP solve and O(rows) allocation, not a fresh O(n^2) program.
    /// </summary>
    internal sealed class TargetReturnFamily
    {
        private readonly IQpSolver _solver;
        private readonly PortfolioProblem _problem;
        private readonly PortfolioProgramLayout _layout;
        private readonly QuadraticProgram _base;
        private readonly double[] _muRow;

        public TargetReturnFamily(IQpSolver solver, PortfolioProblem problem, string method)
        {
            _solver = solver;
            _problem = problem;
            Method = method;
            QpPortfolioSolve.RequireBudget(problem, method);
            _layout = PortfolioProgramBuilder.Limits(problem.Assets, problem.Constraints);
            _base = PortfolioProgramBuilder.ToProgram(_layout, problem.Covariance, new double[problem.Count]);
            _muRow = new double[_layout.VariableCount];
            for (int i = 0; i < problem.Count; i++) _muRow[i] = problem.ExpectedReturns[i];
        }

        /// <summary>Method name used in results and messages.</summary>
        public string Method { get; }

        /// <summary>The efficient portfolio for <paramref name="target"/> (per period); <paramref name="outcome"/> carries the active set.</summary>
        public OptimizationResult Solve(double target, QpOptions? options, out QpOutcome outcome)
        {
            var rows = new List<LinearConstraint>(_base.Constraints.Count + 1);
            rows.AddRange(_base.Constraints);
            rows.Add(new LinearConstraint("target return", _muRow, ConstraintSense.GreaterOrEqual, target));
            var qp = new QuadraticProgram(_base.P, _base.Q, rows, _base.Lower, _base.Upper)
            {
                VariableNames = _base.VariableNames, LowerBoundIds = _base.LowerBoundIds, UpperBoundIds = _base.UpperBoundIds,
            };
            outcome = QpOutcome.Solve(_solver, qp, Method, options);
            var w = new double[_problem.Count];
            System.Array.Copy(outcome.X, w, w.Length);
            return QpPortfolioSolve.Finish(_problem, _layout, Method, w, outcome.Status, outcome.Result.Iterations, outcome.Message);
        }
    }
}
