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

        /// <summary>The test output holds Core's netstandard2.0 build and MathNet.Numerics (project reference).</summary>
        internal static string CoreBin => TestContext.CurrentContext.TestDirectory;

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
