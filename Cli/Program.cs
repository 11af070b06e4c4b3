using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;

namespace NinjaTraderPortfolio.Cli
{
    /// <summary>Entry point of <c>ntportfolio</c>: dispatches to a command and maps failures to exit codes.</summary>
    public static class Program
    {
        /// <summary>Success.</summary>
        public const int ExitOk = 0;
        /// <summary>Bad input data or arguments.</summary>
        public const int ExitBadInput = 2;
        /// <summary>Infeasible limits or a solver that did not converge.</summary>
        public const int ExitInfeasible = 3;
        /// <summary>Unexpected internal error (a bug): reported without a stack trace.</summary>
        public const int ExitInternal = 4;
        /// <summary>Interrupted by the user (Ctrl-C).</summary>
        public const int ExitInterrupted = 130;

        /// <summary>Process entry point.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>
        /// Runs one command line. Output goes to <paramref name="stdout"/> only when the command succeeds;
        /// errors go to <paramref name="stderr"/> as one line "error: ..." without a stack trace.
        /// </summary>
        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var commands = Discover();
            if (args.Count == 0)
            {
                // Nothing asked: the usage is an error message here (stderr, exit 2), not output.
                stderr.WriteLine(HelpText(commands));
                return ExitBadInput;
            }
            if (args[0] == "--help" || args[0] == "-h" || args[0] == "help")
            {
                if (args.Count >= 2 && commands.TryGetValue(args[1], out var c))
                    return WriteOut(stdout, stderr, c.Usage + "\n");
                if (args.Count >= 2)
                {
                    stderr.WriteLine($"error: unknown command '{args[1]}' for help; commands: {string.Join(", ", commands.Keys)}");
                    return ExitBadInput;
                }
                return WriteOut(stdout, stderr, HelpText(commands) + "\n");
            }
            if (!commands.TryGetValue(args[0], out var command))
            {
                stderr.WriteLine($"error: unknown command '{args[0]}'; commands: {string.Join(", ", commands.Keys)}");
                return ExitBadInput;
            }
            var rest = args.Skip(1).ToArray();
            if (rest.Contains("--help") || rest.Contains("-h"))
                return WriteOut(stdout, stderr, command.Usage + "\n");
            var buffer = new StringWriter { NewLine = "\n" };
            int result;
            try
            {
                result = command.Run(rest, buffer, stderr);
            }
            catch (Exception ex)
            {
                int code = ExitCodeFor(ex);
                stderr.WriteLine("error: " + Describe(ex));
                return code;
            }
            return result == ExitOk ? WriteOut(stdout, stderr, buffer.ToString()) : result;
        }

        // Writes the result; a stdout that cannot take it (full disk, /dev/full, closed pipe) is the environment's fault: exit 3.
        private static int WriteOut(TextWriter stdout, TextWriter stderr, string text)
        {
            try
            {
                stdout.Write(text);
                stdout.Flush();
                return ExitOk;
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"error: the result could not be written to standard output ({ex.Message}); the work itself is done (an execution's state is in its --db)");
                return ExitInfeasible;
            }
        }

        /// <summary>Maps an exception to the documented exit code.</summary>
        public static int ExitCodeFor(Exception ex)
        {
            switch (ex)
            {
                case CliUsageException _:
                case InvalidInputException _:
                case ArgumentException _:
                case FormatException _:
                case FileNotFoundException _:
                case DirectoryNotFoundException _:
                case UnauthorizedAccessException _:
                    return ExitBadInput;
                case OverflowException _:
                    return ExitBadInput; // a number in the input too large for the arithmetic (decimal money, counts)
                case InfeasibleException _:
                case NotConvergedException _:
                case IOException _:                         // disk full, read-only file system, device errors
                case System.Data.Common.DbException _:      // database locked or busy, disk full, I/O error in the store
                case OutOfMemoryException _:                // a count or size the machine cannot hold
                    return ExitInfeasible;
                case OperationCanceledException _:
                    return ExitInterrupted;
                default:
                    return ExitInternal;
            }
        }

        private static string Describe(Exception ex)
        {
            if (ex is InfeasibleException inf && inf.Conflicts.Count > 0 && !inf.Message.Contains(inf.Conflicts[0]))
                return $"{ex.Message} (conflicting: {string.Join("; ", inf.Conflicts)})";
            if (ExitCodeFor(ex) == ExitInternal)
                return $"internal error ({ex.GetType().Name}): {ex.Message}";
            if (ex is OverflowException)
                return $"a number in the input is too large to compute with ({ex.Message}); check prices, quantities, weights and equity";
            if (ex is OutOfMemoryException)
                return $"out of memory ({ex.Message}); a count or input file is too large for this machine";
            if (ex is System.Data.Common.DbException db)
                return $"the SQLite store failed: {db.Message} (is another program using the database, or is its disk full or read-only?)";
            if (ex is IOException && !(ex is FileNotFoundException || ex is DirectoryNotFoundException))
                return $"input/output error: {ex.Message} (disk full, read-only or unavailable?)";
            // ArgumentException appends "(Parameter 'x')"; our messages already name the parameter.
            if (ex is ArgumentException ae && ae.ParamName != null)
            {
                string suffix = $" (Parameter '{ae.ParamName}')";
                string m = ae.Message;
                int k = m.IndexOf(suffix, StringComparison.Ordinal);
                if (k >= 0) m = m.Substring(0, k) + m.Substring(k + suffix.Length);
                int av = m.IndexOf("\nActual value was", StringComparison.Ordinal);
                if (av >= 0) m = m.Substring(0, av);
                return m.Trim();
            }
            return ex.Message;
        }

        private static SortedDictionary<string, ICliCommand> Discover()
        {
            var map = new SortedDictionary<string, ICliCommand>(StringComparer.Ordinal);
            foreach (var t in typeof(Program).Assembly.GetTypes())
            {
                if (t.IsAbstract || t.IsInterface || !typeof(ICliCommand).IsAssignableFrom(t)) continue;
                if (t.GetConstructor(Type.EmptyTypes) == null) continue;
                var c = (ICliCommand)Activator.CreateInstance(t)!;
                map[c.Name] = c;
            }
            return map;
        }

        private static string HelpText(SortedDictionary<string, ICliCommand> commands)
        {
            var lines = new List<string> { "ntportfolio: portfolio optimization, risk and execution for NinjaTrader 8 traders", "", "commands:" };
            int w = commands.Keys.Select(k => k.Length).DefaultIfEmpty(8).Max();
            foreach (var kv in commands) lines.Add($"  {kv.Key.PadRight(w)}  {kv.Value.Summary}");
            lines.Add("");
            lines.Add("ntportfolio help COMMAND   shows a command's options");
            lines.Add("exit codes: 0 ok, 2 bad input or arguments, 3 infeasible, not converged, refused by a guard, or an environment");
            lines.Add("fault (disk full, read-only, database locked, out of memory), 4 internal error (a bug: please report it)");
            return string.Join("\n", lines);
        }
    }
}
