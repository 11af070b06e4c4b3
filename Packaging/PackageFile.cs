using System;

namespace NinjaTraderPortfolio.Packaging
{
    /// <summary>One file of the package: its archive entry name (backslash-separated, as NinjaTrader's exporter writes
    /// them) and its bytes.</summary>
    public sealed class PackageFile
    {
        /// <summary>Creates a package file.</summary>
        public PackageFile(string entry, byte[] bytes)
        {
            if (string.IsNullOrWhiteSpace(entry)) throw new ArgumentException("entry name is empty", nameof(entry));
            Entry = entry;
            Bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
        }

        /// <summary>Entry name, e.g. <c>Indicators\PortfolioCorrelation.cs</c> or <c>MathNet.Numerics.dll</c>.</summary>
        public string Entry { get; }

        /// <summary>File contents.</summary>
        public byte[] Bytes { get; }
    }
}
