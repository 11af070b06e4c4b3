using System;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>Runs <c>ntportfolio</c> in-process and captures exit code, stdout and stderr.</summary>
    internal static class CliRunner
    {
        /// <summary>Runs one full command line (the verb first).</summary>
        internal static (int Code, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = NinjaTraderPortfolio.Cli.Program.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        /// <summary>Runs <paramref name="command"/> with <paramref name="args"/>.</summary>
        internal static (int Code, string Out, string Err) RunCommand(string command, string[] args)
            => Run(new[] { command }.Concat(args).ToArray());
    }

    /// <summary>A fixture with a fresh scratch folder per test (deleted after it) for the input files a test writes.</summary>
    public abstract class ScratchFolderFixture
    {
        private readonly string _prefix;

        /// <summary>Creates the fixture; <paramref name="prefix"/> names its temp folders (e.g. "ntp-risk").</summary>
        protected ScratchFolderFixture(string prefix) => _prefix = prefix;

        /// <summary>This test's scratch folder.</summary>
        protected string Dir { get; private set; } = "";

        [SetUp]
        public void CreateScratchFolder()
        {
            Dir = Path.Combine(Path.GetTempPath(), _prefix + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Dir);
        }

        [TearDown]
        public void DeleteScratchFolder() => Directory.Delete(Dir, recursive: true);

        /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the scratch folder and returns its path.</summary>
        protected string Write(string name, string text)
        {
            var path = Path.Combine(Dir, name);
            File.WriteAllText(path, text);
            return path;
        }
    }
}
