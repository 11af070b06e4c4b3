using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Packaging
{
    /// <summary>Runs build.ps1 through the repository's local PowerShell tool (dotnet tool run pwsh).</summary>
    internal static class BuildScript
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
        /// The net48 compile check's output: Core's netstandard2.0 build with every runtime DLL NinjaTrader (.NET
        /// Framework 4.8) needs, resolved as for net48 (System.Memory and friends included). Same configuration as the tests.
        /// </summary>
        internal static string CoreBin
        {
            get
            {
                string configuration = Path.GetFileName(Path.GetDirectoryName(TestContext.CurrentContext.TestDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
                return Path.Combine(RepositoryRoot, "NinjaScript.Check", "bin", configuration, "net48");
            }
        }

        internal static (int ExitCode, string Output) Run(params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", "build.ps1" })
                start.ArgumentList.Add(a);
            foreach (string a in arguments)
                start.ArgumentList.Add(a);
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(180_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("build.ps1 " + string.Join(' ', arguments) + " did not finish in 180 s");
            }
            return (process.ExitCode, stdout + stderr.Result);
        }
    }
}
