using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    /// <summary>Reads the reference files under References/Execution (comment lines start with '#').</summary>
    internal static class ReferenceData
    {
        public static string PathOf(string file) => Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "Execution", file);

        public static string[] DataLines(string file)
            => File.ReadAllLines(PathOf(file)).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToArray();

        public static Dictionary<string, double> KeyValues(string file)
        {
            var d = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var line in DataLines(file).Skip(1))
            {
                int c = line.IndexOf(',');
                d[line.Substring(0, c)] = double.Parse(line.Substring(c + 1), CultureInfo.InvariantCulture);
            }
            return d;
        }

        public static List<string[]> Table(string file) => DataLines(file).Skip(1).Select(l => l.Split(',')).ToList();

        public static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }
}
