using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Limits;

namespace NinjaTraderPortfolio.Cli.Infrastructure
{
    /// <summary>Bad arguments on the command line; exit code 2.</summary>
    public sealed class CliUsageException : Exception
    {
        /// <summary>Creates the error with a message naming the argument.</summary>
        public CliUsageException(string message) : base(message) { }
    }

    /// <summary>
    /// Parsed <c>--name value</c> options. Every command declares the options it knows; anything else is
    /// an error naming the option. Options may repeat (e.g. <c>--sector-max A=0.3 --sector-max B=0.2</c>).
    /// </summary>
    public sealed class CliArgs
    {
        private readonly Dictionary<string, List<string>> _values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        private readonly HashSet<string> _flags = new HashSet<string>(StringComparer.Ordinal);

        private CliArgs() { }

        /// <summary>
        /// Parses <paramref name="args"/>. <paramref name="valueOptions"/> take one value each
        /// (names without the leading dashes); <paramref name="flagOptions"/> take none.
        /// </summary>
        public static CliArgs Parse(IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string>? flagOptions = null)
        {
            var known = new HashSet<string>(valueOptions, StringComparer.Ordinal);
            var flags = new HashSet<string>(flagOptions ?? Array.Empty<string>(), StringComparer.Ordinal);
            var parsed = new CliArgs();
            for (int i = 0; i < args.Count; i++)
            {
                string a = args[i];
                if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
                    throw new CliUsageException($"unexpected argument '{a}' (options start with --)");
                string name = a.Substring(2);
                string? inline = null;
                int eq = name.IndexOf('=');
                if (eq > 0) { inline = name.Substring(eq + 1); name = name.Substring(0, eq); }
                if (flags.Contains(name))
                {
                    if (inline != null) throw new CliUsageException($"option --{name} takes no value");
                    parsed._flags.Add(name);
                    continue;
                }
                if (!known.Contains(name))
                {
                    var all = known.Concat(flags).OrderBy(s => s, StringComparer.Ordinal).Select(s => "--" + s);
                    throw new CliUsageException($"unknown option --{name}; known options: {string.Join(" ", all)}");
                }
                string value;
                if (inline != null) value = inline;
                else
                {
                    if (i + 1 >= args.Count) throw new CliUsageException($"option --{name} needs a value");
                    value = args[++i];
                    // "--prices --method x": the next word is an option, not this option's value (write --name=--value for such a value)
                    if (value.StartsWith("--", StringComparison.Ordinal) && value.Length > 2)
                        throw new CliUsageException($"option --{name} needs a value, got the option '{value}'");
                }
                if (!parsed._values.TryGetValue(name, out var list)) parsed._values[name] = list = new List<string>();
                list.Add(value);
            }
            return parsed;
        }

        /// <summary>True when the option or flag was given.</summary>
        public bool Has(string name) => _values.ContainsKey(name) || _flags.Contains(name);

        /// <summary>The option's value, or null when absent. Errors when given more than once.</summary>
        public string? Get(string name)
        {
            if (!_values.TryGetValue(name, out var list)) return null;
            if (list.Count > 1) throw new CliUsageException($"option --{name} was given {list.Count} times; give it once");
            return list[0];
        }

        /// <summary>The option's value; errors when absent.</summary>
        public string Require(string name) => Get(name) ?? throw new CliUsageException($"missing required option --{name}");

        /// <summary>All values of a repeatable option, in order (empty when absent).</summary>
        public IReadOnlyList<string> GetAll(string name)
            => _values.TryGetValue(name, out var list) ? list : (IReadOnlyList<string>)Array.Empty<string>();

        /// <summary>A finite number, or <paramref name="fallback"/> when absent.</summary>
        public double GetDouble(string name, double fallback)
        {
            var s = Get(name);
            return s == null ? fallback : ParseDouble(name, s);
        }

        /// <summary>A finite number, or null when absent.</summary>
        public double? GetDoubleOrNull(string name)
        {
            var s = Get(name);
            return s == null ? (double?)null : ParseDouble(name, s);
        }

        /// <summary>
        /// A limit typed by the user, validated once against its declaration: the number, or the declared default when
        /// absent (null when the limit has none). Errors read "option --NAME: max weight must be ..., got X".
        /// </summary>
        public double? GetLimit(string name, LimitSpec spec)
        {
            var s = Get(name);
            return s == null ? spec.Default : CheckLimit(name, spec, ParseNumber(name, s));
        }

        /// <summary>Validates <paramref name="value"/> of option <paramref name="name"/> against <paramref name="spec"/> (the one check of a limit typed on the command line).</summary>
        public static double CheckLimit(string name, LimitSpec spec, double value)
            => spec.Problem(value) is string problem ? throw new CliUsageException($"option --{name}: {problem}") : value;

        /// <summary>An integer, or <paramref name="fallback"/> when absent.</summary>
        public int GetInt(string name, int fallback)
        {
            var s = Get(name);
            if (s == null) return fallback;
            if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
                throw new CliUsageException($"option --{name} must be a whole number, got '{s}'");
            return v;
        }

        /// <summary>A decimal (money or quantity), or null when absent.</summary>
        public decimal? GetDecimalOrNull(string name)
        {
            var s = Get(name);
            if (s == null) return null;
            if (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v))
                throw new CliUsageException($"option --{name} must be a number, got '{s}'");
            return v;
        }

        /// <summary>One of <paramref name="allowed"/> (case-sensitive), or <paramref name="fallback"/> when absent.</summary>
        public string GetChoice(string name, string? fallback, params string[] allowed)
        {
            var s = Get(name) ?? fallback ?? throw new CliUsageException($"missing required option --{name} ({string.Join("|", allowed)})");
            if (Array.IndexOf(allowed, s) < 0)
                throw new CliUsageException($"option --{name} must be one of {string.Join("|", allowed)}, got '{s}'");
            return s;
        }

        /// <summary>Parses <c>NAME=X</c> pairs of a repeatable option.</summary>
        public IReadOnlyList<KeyValuePair<string, double>> GetPairs(string name)
        {
            var result = new List<KeyValuePair<string, double>>();
            foreach (var raw in GetAll(name))
            {
                foreach (var item in raw.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    int eq = item.LastIndexOf('=');
                    if (eq <= 0 || eq == item.Length - 1)
                        throw new CliUsageException($"option --{name} expects NAME=VALUE, got '{item}'");
                    result.Add(new KeyValuePair<string, double>(item.Substring(0, eq).Trim(), ParseDouble(name, item.Substring(eq + 1).Trim())));
                }
            }
            return result;
        }

        /// <summary>Parses an invariant-culture number (range checks are the caller's), naming the option on failure.</summary>
        public static double ParseNumber(string name, string s)
        {
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new CliUsageException($"option --{name} must be a number, got '{s}'");
            return v;
        }

        /// <summary>Parses a finite invariant-culture number, naming the option on failure.</summary>
        public static double ParseDouble(string name, string s)
        {
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v))
                throw new CliUsageException($"option --{name} must be a finite number, got '{s}'");
            return v;
        }
    }
}
