using System;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Numerics;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// The kernels of round three (docs/performance.md), each next to the path it replaces: the streamed byte-level CSV read
    /// against reading the file as text and parsing it; the 4-wide vector Gram product against the scalar blocked kernel
    /// (same sums bit for bit); the Cholesky PSD certificate against the eigenvalues; the vector dot product against the
    /// scalar one. N = 500 assets, T = 1260 rows of seeded factor-model returns written with round-trip precision.
    /// </summary>
    [MemoryDiagnoser]
    public class KernelBenchmark
    {
        private string _dir = "";
        private string _path = "";
        private double[][] _centred = Array.Empty<double[]>();
        private double[,] _covariance = new double[0, 0];
        private double[] _a = Array.Empty<double>(), _b = Array.Empty<double>();

        /// <summary>Writes the CSV file and prepares the matrices.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var frame = BenchmarkData.FactorReturns(500, 1260);
            _dir = Path.Combine(Path.GetTempPath(), "ntp-kernel-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
            _path = Path.Combine(_dir, "returns.csv");
            var sb = new StringBuilder("Date");
            foreach (var a in frame.Assets) sb.Append(',').Append(a);
            sb.Append('\n');
            for (int r = 0; r < frame.Rows; r++)
            {
                sb.Append(frame.Dates[r].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                for (int j = 0; j < frame.AssetCount; j++) sb.Append(',').Append(frame[r, j].ToString("R", CultureInfo.InvariantCulture));
                sb.Append('\n');
            }
            File.WriteAllText(_path, sb.ToString());
            _centred = SampleMoments.Centre(frame.Columns);
            _covariance = SampleMoments.Covariance(frame);
            var rng = new Random(1);
            _a = new double[500];
            _b = new double[500];
            for (int k = 0; k < 500; k++) { _a[k] = rng.NextDouble(); _b[k] = rng.NextDouble(); }
        }

        /// <summary>Removes the CSV file.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }

        /// <summary>What <c>ntportfolio optimize --returns</c> reads with: the streamed fast path (two threads for this size).</summary>
        [Benchmark]
        public AssetFrame CsvStreamed() => PriceFileLoader.Load(new[] { _path }, FrameKind.SimpleReturns).Frame;

        /// <summary>The general path: the whole file as checked UTF-8 text, then the text parser.</summary>
        [Benchmark]
        public AssetFrame CsvAsText() => CsvFrameLoader.Parse(File.ReadAllText(_path), _path, FrameKind.SimpleReturns);

        /// <summary>Gram product of the centred data, 4 x 8 vector tiles (row-major copy included).</summary>
        [Benchmark]
        public double[,] GramVector() => CrossProductKernel.Gram(_centred);

        /// <summary>Gram product of the centred data, scalar 2 x 4 tiles.</summary>
        [Benchmark]
        public double[,] GramScalar() => CrossProductKernel.GramScalar(_centred);

        /// <summary>Positive definite with condition number at most 5e9: one shifted Cholesky.</summary>
        [Benchmark]
        public bool PsdCertificate() => PsdCheck.CertifiesConditionAtMost(_covariance, 5e9);

        /// <summary>The same question answered with every eigenvalue (tridiagonalisation + QL).</summary>
        [Benchmark]
        public PsdReport PsdEigenvalues() => PsdCheck.Analyse(_covariance);

        /// <summary>Dot product of length 500, 4-wide vectors.</summary>
        [Benchmark]
        public double DotVector() => DotKernels.Dot(_a, _b, 0, 500);

        /// <summary>Dot product of length 500, four scalar accumulators (same result bit for bit).</summary>
        [Benchmark]
        public double DotScalar() => DotKernels.DotScalar(_a, _b, 0, 500);
    }
}
