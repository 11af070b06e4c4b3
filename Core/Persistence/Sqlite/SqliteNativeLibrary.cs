using System;
using System.IO;
using System.Runtime.InteropServices;

namespace NinjaTraderPortfolio.Core.Persistence
{
    /// <summary>
    /// Makes the native SQLite library findable inside NinjaTrader 8 (.NET Framework 4.8). SQLitePCLRaw's provider binds
    /// <c>[DllImport("e_sqlite3")]</c>, which .NET Framework looks up in the application's folder (NinjaTrader's own bin),
    /// not in bin\Custom where our DLLs live. Loading e_sqlite3.dll by full path from this assembly's folder first makes
    /// Windows reuse that module for the DllImport. On .NET (Core) the runtime finds the library through deps.json, so
    /// nothing is done there.
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
                _done = true;
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
                if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
                string location = typeof(SqliteNativeLibrary).Assembly.Location;
                if (string.IsNullOrEmpty(location)) return; // loaded from bytes: rely on the normal search
                string folder = Path.GetDirectoryName(location)!;
                string rid = RuntimeInformation.ProcessArchitecture == Architecture.X86 ? "win-x86" : "win-x64";
                foreach (string candidate in new[] { Path.Combine(folder, WindowsFileName), Path.Combine(folder, "runtimes", rid, "native", WindowsFileName) })
                {
                    if (File.Exists(candidate) && LoadLibraryW(candidate) != IntPtr.Zero) return;
                }
            }
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
