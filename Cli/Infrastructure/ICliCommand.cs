using System.Collections.Generic;
using System.IO;

namespace NinjaTraderPortfolio.Cli.Infrastructure
{
    /// <summary>
    /// One <c>ntportfolio</c> sub-command. Implementations are discovered by reflection (public
    /// parameterless constructor), so adding a command is adding a file under <c>Cli/Commands/</c>.
    /// </summary>
    public interface ICliCommand
    {
        /// <summary>The verb, e.g. "optimize".</summary>
        string Name { get; }

        /// <summary>One-line description for the help text.</summary>
        string Summary { get; }

        /// <summary>Usage lines printed by <c>ntportfolio help NAME</c>.</summary>
        string Usage { get; }

        /// <summary>
        /// Runs the command. Writes results to <paramref name="stdout"/> (buffered by the host and shown only
        /// on success). Throws InvalidInputException/CliUsageException (exit 2) or InfeasibleException/
        /// NotConvergedException (exit 3) on failure. Returns the exit code on success (normally 0).
        /// </summary>
        int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr);
    }
}
