using System;
using System.IO;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Packaging
{
    /// <summary>Folders the packaging tests read: the repository, the shipped DLLs and .NET Framework 4.8's reference assemblies.</summary>
    internal static class PackagingPaths
    {
        internal static string RepositoryRoot
        {
            get
            {
                var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "NinjaTraderPortfolio.sln")))
                    dir = dir.Parent;
                return dir?.FullName ?? throw new InvalidOperationException("NinjaTraderPortfolio.sln not found above " + TestContext.CurrentContext.TestDirectory);
            }
        }

        /// <summary>
        /// The net48 compile check's output: Core's net48 build with every runtime DLL NinjaTrader (.NET Framework 4.8)
        /// needs, resolved as for net48, and the native e_sqlite3.dll. Same configuration as the tests.
        /// </summary>
        internal static string CoreBin
        {
            get
            {
                string configuration = Path.GetFileName(Path.GetDirectoryName(TestContext.CurrentContext.TestDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
                return Path.Combine(RepositoryRoot, "NinjaScript.Check", "bin", configuration, "net48");
            }
        }

        /// <summary>
        /// build/.NETFramework/v4.8 of the Microsoft.NETFramework.ReferenceAssemblies.net48 package (restored for this
        /// test project, path written into the assembly at build time): the framework's assemblies and Facades/.
        /// </summary>
        internal static string Net48ReferenceAssemblies
        {
            get
            {
                string package = typeof(PackagingPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "Net48ReferenceAssembliesPackage").Value!;
                string dir = Path.Combine(package, "build", ".NETFramework", "v4.8");
                if (!Directory.Exists(dir)) throw new InvalidOperationException("net48 reference assemblies not found at " + dir);
                return dir;
            }
        }
    }
}
