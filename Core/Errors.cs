using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core
{
    /// <summary>
    /// Input data or configuration that cannot be used: a file, cell, value or setting is wrong.
    /// The message names the culprit (file, line or date, column, value). The CLI maps it to exit code 2.
    /// </summary>
    public class InvalidInputException : Exception
    {
        /// <summary>Creates the error with a message that names the culprit.</summary>
        public InvalidInputException(string message) : base(message) { }

        /// <summary>Creates the error with a message and the low-level cause.</summary>
        public InvalidInputException(string message, Exception inner) : base(message, inner) { }
    }

    /// <summary>
    /// Limits or constraints that no portfolio can satisfy. <see cref="Conflicts"/> lists the constraints
    /// that conflict. The CLI maps it to exit code 3.
    /// </summary>
    public class InfeasibleException : Exception
    {
        /// <summary>Creates the error; <paramref name="conflicts"/> names the conflicting constraints.</summary>
        public InfeasibleException(string message, IReadOnlyList<string>? conflicts = null) : base(message)
        {
            Conflicts = conflicts ?? Array.Empty<string>();
            var ids = new List<ConstraintId>();
            foreach (var c in Conflicts) ids.Add(ConstraintId.Row(c));
            ConflictIds = ids;
        }

        /// <summary>Creates the error from the typed identities of the conflicting constraints (their texts become <see cref="Conflicts"/>).</summary>
        public InfeasibleException(string message, IReadOnlyList<ConstraintId> conflictIds) : base(message)
        {
            ConflictIds = conflictIds ?? Array.Empty<ConstraintId>();
            Conflicts = ConstraintId.Texts(ConflictIds);
        }

        /// <summary>Names of the constraints found to conflict (may be empty when unknown).</summary>
        public IReadOnlyList<string> Conflicts { get; }

        /// <summary>Typed identities of <see cref="Conflicts"/> (kind, asset or sector, side), same order.</summary>
        public IReadOnlyList<ConstraintId> ConflictIds { get; }
    }

    /// <summary>
    /// An iterative method stopped before meeting its tolerance. The CLI maps it to exit code 3.
    /// </summary>
    public class NotConvergedException : Exception
    {
        /// <summary>Creates the error with the iteration count reached and the final residual.</summary>
        public NotConvergedException(string message, int iterations, double residual) : base(message)
        {
            Iterations = iterations;
            Residual = residual;
        }

        /// <summary>Iterations performed before giving up.</summary>
        public int Iterations { get; }

        /// <summary>Residual (method-specific optimality measure) at the last iterate.</summary>
        public double Residual { get; }
    }
}
