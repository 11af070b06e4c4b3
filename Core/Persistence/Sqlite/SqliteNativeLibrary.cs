using System;
using System.IO;
using System.Runtime.InteropServices;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>
    /// Makes the native SQLite library findable inside NinjaTrader 8 (.NET Framework 4.8) and selects SQLitePCLRaw's
    /// e_sqlite3 provider (no "batteries" assembly is shipped). The provider binds <c>[DllImport("e_sqlite3")]</c>, which
    /// .NET Framework looks up in the application's folder (NinjaTrader's own bin), not in bin\Custom where our DLLs live.
    /// Loading e_sqlite3.dll by full path from this assembly's folder (or, when the assembly was loaded from bytes, from
    /// Documents\NinjaTrader 8\bin\Custom) first makes Windows reuse that module for the DllImport: "if a DLL with the
    /// same module name is already loaded in memory, the system uses the loaded DLL" (Windows' DLL search order). On .NET
    /// (Core) the runtime finds the library through deps.json, so only the provider is set there.
    /// </summary>
    internal static class SqliteNativeLibrary
    {
        private static readonly object Gate = new object();
        private static bool _done;

        /// <summary>Name of the native library file on Windows.</summary>
        public const string WindowsFileName = "e_sqlite3.dll";

        public static void EnsureLoaded()
        {
            lock (Gate)
            {
                if (_done) return;
                PreloadOnNetFramework();
                SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
                _done = true;
            }
        }

        private static void PreloadOnNetFramework()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
            string rid = RuntimeInformation.ProcessArchitecture == Architecture.X86 ? "win-x86" : "win-x64";
            foreach (string folder in CandidateFolders())
            {
                foreach (string candidate in new[] { Path.Combine(folder, WindowsFileName), Path.Combine(folder, "runtimes", rid, "native", WindowsFileName) })
                {
                    if (File.Exists(candidate) && LoadLibraryW(candidate) != IntPtr.Zero) return;
                }
            }
        }

        private static string[] CandidateFolders()
        {
            string location = typeof(SqliteNativeLibrary).Assembly.Location;
            string custom = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "NinjaTrader 8", "bin", "Custom");
            // Location is empty when the assembly was loaded from bytes: then NinjaTrader's Custom folder is the place.
            return string.IsNullOrEmpty(location) ? new[] { custom } : new[] { Path.GetDirectoryName(location)!, custom };
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
