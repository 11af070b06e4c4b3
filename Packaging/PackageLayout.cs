using System.Collections.Generic;

namespace NinjaTraderPortfolio.Packaging
{
    /// <summary>What the NinjaTrader 8 import archive holds (docs/ninjatrader.md, "What is shipped and why").</summary>
    public static class PackageLayout
    {
        /// <summary>
        /// Assemblies NinjaTrader must reference, in AdditionalReferences.txt order (names without .dll): Core's net48
        /// build and the closure of its references that .NET Framework 4.8 does not provide. The package refuses to be
        /// made when this list and that closure differ.
        /// </summary>
        public static IReadOnlyList<string> RuntimeAssemblies { get; } = new[]
        {
            "NinjaTraderPortfolio.Core", "MathNet.Numerics",
            "Microsoft.Data.Sqlite", "SQLitePCLRaw.core", "SQLitePCLRaw.provider.e_sqlite3",
            "System.Memory", "System.Buffers", "System.Runtime.CompilerServices.Unsafe", "System.Numerics.Vectors",
        };

        /// <summary>Native libraries shipped next to the DLLs (not references): SQLite's engine for Windows x64.</summary>
        public static IReadOnlyList<string> NativeLibraries { get; } = new[] { "e_sqlite3.dll" };

        /// <summary>Folders of NinjaScript sources, packaged under the same names.</summary>
        public static IReadOnlyList<string> ScriptFolders { get; } = new[] { "AddOns", "Strategies", "Indicators" };

        /// <summary>The assembly every reference closure starts from.</summary>
        public const string EntryAssembly = "NinjaTraderPortfolio.Core";

        /// <summary>Export version written into Info.xml (the format NinjaTrader 8.1 exports write; it does not select the C#
        /// version NinjaTrader compiles with: docs/ninjatrader.md, "Supported NinjaTrader versions").</summary>
        public const string NinjaTraderVersion = "8.1.2.1";
    }
}
