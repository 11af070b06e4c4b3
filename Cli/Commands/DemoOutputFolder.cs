using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NinjaTraderPortfolio.Core;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// The files <c>demo</c> writes into <c>--out</c>, and the rule that it replaces only its own: a marker file
    /// (<see cref="MarkerName"/>) listing them is written before anything else. A folder that already holds one of those
    /// names without the marker (the user's database, a chart of another program) is refused, naming the file; nothing is
    /// written or deleted then.
    /// </summary>
    internal static class DemoOutputFolder
    {
        public const string MarkerName = ".ntportfolio-demo";

        private static readonly string[] Owned =
        {
            DemoStore.FileName, DemoStore.FileName + "-wal", DemoStore.FileName + "-shm", DemoStore.FileName + "-journal",
            "frontier.png", "equity-drawdown.png", "weights.png", "risk-contributions.png",
            Path.Combine("backtest", "equity.csv"), Path.Combine("backtest", "weights.csv"), Path.Combine("backtest", "fills.csv"),
            Path.Combine("backtest", "rebalances.csv"), Path.Combine("backtest", "summary.json"),
        };

        /// <summary>Creates <paramref name="outDir"/> if needed and claims it; throws naming a file that is not demo's own.</summary>
        public static void Claim(string outDir)
        {
            if (File.Exists(outDir)) throw new InvalidInputException($"--out '{outDir}' is a file; give a folder");
            string marker = Path.Combine(outDir, MarkerName);
            bool ours = File.Exists(marker) && File.ReadAllText(marker).StartsWith(Header, StringComparison.Ordinal);
            if (!ours)
            {
                foreach (var name in Owned.Concat(new[] { MarkerName }))
                {
                    string p = Path.Combine(outDir, name);
                    if (File.Exists(p) || Directory.Exists(p))
                        throw new InvalidInputException($"--out '{outDir}' already holds '{name}', which demo did not write; choose another folder (demo replaces only its own output)");
                }
            }
            Directory.CreateDirectory(outDir);
            File.WriteAllText(marker, Header + string.Join("\n", Owned) + "\n", new UTF8Encoding(false));
        }

        private const string Header = "ntportfolio demo output; demo may replace these files:\n";
    }
}
