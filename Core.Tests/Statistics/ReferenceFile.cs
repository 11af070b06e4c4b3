using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    /// <summary>Reads Core.Tests/References/Statistics/*.csv: '#' comments, optional 'shrinkage,v', then numeric rows.</summary>
    internal sealed class ReferenceFile
    {
        private ReferenceFile(double[,] matrix, double? shrinkage)
        {
            Matrix = matrix;
            Shrinkage = shrinkage;
        }

        public double[,] Matrix { get; }

        public double? Shrinkage { get; }

        public double[] Row => Flatten();

        public static ReferenceFile Load(string name)
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "Statistics", name);
            var rows = new List<double[]>();
            double? shrinkage = null;
            foreach (var line in File.ReadAllLines(path))
            {
                if (line.Length == 0 || line.StartsWith("#")) continue;
                var cells = line.Split(',');
                if (cells[0] == "shrinkage") { shrinkage = double.Parse(cells[1], CultureInfo.InvariantCulture); continue; }
                var row = new double[cells.Length];
                for (int j = 0; j < row.Length; j++) row[j] = double.Parse(cells[j], CultureInfo.InvariantCulture);
                rows.Add(row);
            }
            var m = new double[rows.Count, rows[0].Length];
            for (int i = 0; i < rows.Count; i++)
                for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
            return new ReferenceFile(m, shrinkage);
        }

        private double[] Flatten()
        {
            var r = new double[Matrix.GetLength(1)];
            for (int j = 0; j < r.Length; j++) r[j] = Matrix[0, j];
            return r;
        }
    }
}
