using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NinjaTraderPortfolio.Packaging
{
    /// <summary>
    /// <c>ntpackage package [--out FILE] [--bin DIR] [--configuration NAME]</c> writes the import archive (default
    /// artifacts/NinjaTraderPortfolio.zip); <c>ntpackage deploy --custom-folder DIR [--bin DIR]</c> copies the same files
    /// into NinjaTrader's Custom folder (on Windows the folder defaults to Documents\NinjaTrader 8\bin\Custom).
    /// <c>--bin</c> defaults to NinjaScript.Check/bin/CONFIGURATION/net48, the DLLs the compile check used.
    /// </summary>
    public static class Program
    {
        private const string Usage =
            "usage: ntpackage package [--out FILE] [--bin DIR] [--configuration NAME]\n" +
            "       ntpackage deploy [--custom-folder DIR] [--bin DIR] [--configuration NAME]";

        /// <summary>Runs a command; returns 0 on success, 1 when packaging fails, 2 for bad arguments.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());

        /// <summary>Runs a command with the given output writers and working directory (for tests).</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
        {
            try
            {
                if (args.Length == 0) throw new ArgumentException("no command given");
                Dictionary<string, string> options = ParseOptions(args.Skip(1).ToArray(), args[0]);
                string root = options.TryGetValue("--root", out string? r) ? Path.GetFullPath(r) : FindRepositoryRoot(workingDirectory);
                string configuration = options.TryGetValue("--configuration", out string? c) ? c : "Release";
                string bin = options.TryGetValue("--bin", out string? b)
                    ? Path.GetFullPath(b, workingDirectory)
                    : Path.Combine(root, "NinjaScript.Check", "bin", configuration, "net48");
                IReadOnlyList<PackageFile> files = PackageFiles.Collect(bin, root);
                if (args[0] == "package")
                {
                    string zip = options.TryGetValue("--out", out string? o) ? Path.GetFullPath(o, workingDirectory) : Path.Combine(root, "artifacts", "NinjaTraderPortfolio.zip");
                    int count = ImportArchive.Write(zip, files);
                    output.WriteLine($"package: {zip} ({count} entries)");
                }
                else
                {
                    string custom = options.TryGetValue("--custom-folder", out string? f) ? Path.GetFullPath(f, workingDirectory) : DefaultCustomFolder();
                    CustomFolderDeployment.Deploy(custom, files);
                    output.WriteLine($"deploy: copied to {custom}. In the NinjaScript Editor add references to {string.Join(", ", PackageLayout.RuntimeAssemblies)} and compile (F5).");
                }
                return 0;
            }
            catch (ArgumentException e)
            {
                error.WriteLine("ntpackage: " + e.Message);
                error.WriteLine(Usage);
                return 2;
            }
            catch (PackagingException e)
            {
                error.WriteLine("ntpackage: " + e.Message);
                return 1;
            }
        }

        private static Dictionary<string, string> ParseOptions(string[] rest, string command)
        {
            string[] allowed = command switch
            {
                "package" => new[] { "--out", "--bin", "--configuration", "--root" },
                "deploy" => new[] { "--custom-folder", "--bin", "--configuration", "--root" },
                _ => throw new ArgumentException($"unknown command '{command}' (package, deploy)"),
            };
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < rest.Length; i += 2)
            {
                if (!allowed.Contains(rest[i])) throw new ArgumentException($"unknown option '{rest[i]}' for {command} ({string.Join(", ", allowed)})");
                if (i + 1 >= rest.Length || rest[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"option {rest[i]} needs a value");
                options[rest[i]] = rest[i + 1];
            }
            return options;
        }

        private static string DefaultCustomFolder()
        {
            if (!OperatingSystem.IsWindows())
                throw new ArgumentException("deploy: NinjaTrader 8 runs on Windows only; pass --custom-folder <NinjaTrader bin\\Custom folder> to deploy elsewhere");
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "NinjaTrader 8", "bin", "Custom");
        }

        private static string FindRepositoryRoot(string start)
        {
            for (DirectoryInfo? dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NinjaTraderPortfolio.sln"))) return dir.FullName;
            throw new PackagingException($"NinjaTraderPortfolio.sln not found in '{start}' or above (run from the repository or pass --root)");
        }
    }
}
