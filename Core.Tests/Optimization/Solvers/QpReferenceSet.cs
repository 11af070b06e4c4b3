using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>One problem of References/Solvers/qp_references.json with cvxopt's answer (see the README there).</summary>
    public sealed class QpReference
    {
        public string Name = "";
        public string? Source;
        public QuadraticProgram Problem = null!;
        public double[] X = Array.Empty<double>();
        public double Objective;
        public double[] Y = Array.Empty<double>();
        public double[] MuLower = Array.Empty<double>();
        public double[] MuUpper = Array.Empty<double>();
        /// <summary>False when P is singular and the minimiser is not unique (compare objectives only).</summary>
        public bool UniqueX = true;

        public override string ToString() => Name;
    }

    /// <summary>Loads the cvxopt reference problems.</summary>
    internal static class QpReferenceSet
    {
        private static List<QpReference>? cache;

        public static IReadOnlyList<QpReference> All => cache ??= Load();

        public static IEnumerable<TestCaseData> Cases() => All.Select(Case);

        /// <summary>Problems whose minimiser and multipliers are unique (P positive definite).</summary>
        public static IEnumerable<TestCaseData> UniqueCases() => All.Where(r => r.UniqueX).Select(Case);

        private static TestCaseData Case(QpReference r) => new TestCaseData(r.Name).SetName(r.Name.Replace(' ', '_').Replace("=", ""));

        public static QpReference Get(string name) => All.Single(r => r.Name == name);

        private static List<QpReference> Load()
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "Solvers", "qp_references.json");
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var list = new List<QpReference>();
            foreach (var p in doc.RootElement.GetProperty("problems").EnumerateArray())
            {
                var rows = p.GetProperty("P").EnumerateArray().Select(Vector).ToArray();
                int n = rows.Length;
                var pm = new double[n, n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) pm[i, j] = rows[i][j];
                var constraints = p.GetProperty("constraints").EnumerateArray().Select(c => new LinearConstraint(
                    c.GetProperty("name").GetString()!, Vector(c.GetProperty("a")),
                    c.GetProperty("sense").GetString() switch { "=" => ConstraintSense.Equal, "<=" => ConstraintSense.LessOrEqual, _ => ConstraintSense.GreaterOrEqual },
                    c.GetProperty("b").GetDouble())).ToList();
                var lower = p.GetProperty("lower").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NegativeInfinity : v.GetDouble()).ToArray();
                var upper = p.GetProperty("upper").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.PositiveInfinity : v.GetDouble()).ToArray();
                var problem = new QuadraticProgram(pm, Vector(p.GetProperty("q")), constraints, lower, upper);
                if (p.TryGetProperty("variables", out var names)) problem.VariableNames = names.EnumerateArray().Select(v => v.GetString()!).ToArray();
                list.Add(new QpReference
                {
                    Name = p.GetProperty("name").GetString()!,
                    Source = p.TryGetProperty("source", out var s) ? s.GetString() : null,
                    Problem = problem,
                    X = Vector(p.GetProperty("x")),
                    Objective = p.GetProperty("objective").GetDouble(),
                    Y = Vector(p.GetProperty("y")),
                    MuLower = Vector(p.GetProperty("muLower")),
                    MuUpper = Vector(p.GetProperty("muUpper")),
                    UniqueX = !p.TryGetProperty("uniqueX", out var u) || u.GetBoolean(),
                });
            }
            return list;
        }

        private static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }
}
