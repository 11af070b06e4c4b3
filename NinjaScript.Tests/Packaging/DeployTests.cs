using System;
using System.IO;
using NinjaTraderPortfolio.Packaging;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Packaging
{
    [TestFixture]
    public class DeployTests
    {
        [Test]
        public void Deploy_IntoACustomFolder_CopiesDllsToItsRootAndSourcesToTheirFolders()
        {
            string custom = Path.Combine(Path.GetTempPath(), "ntp-custom-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(custom);
            try
            {
                var output = new StringWriter();
                int exitCode = Program.Run(new[] { "deploy", "--bin", PackagingPaths.CoreBin, "--custom-folder", custom }, output, output, PackagingPaths.RepositoryRoot);

                Assert.That(exitCode, Is.Zero, output.ToString());
                Assert.That(File.Exists(Path.Combine(custom, "NinjaTraderPortfolio.Core.dll")), Is.True);
                Assert.That(File.Exists(Path.Combine(custom, "MathNet.Numerics.dll")), Is.True);
                Assert.That(File.Exists(Path.Combine(custom, "Microsoft.Data.Sqlite.dll")), Is.True);
                Assert.That(File.Exists(Path.Combine(custom, "e_sqlite3.dll")), Is.True);
                Assert.That(File.ReadAllBytes(Path.Combine(custom, "Indicators", "PortfolioCorrelation.cs")),
                    Is.EqualTo(File.ReadAllBytes(Path.Combine(PackagingPaths.RepositoryRoot, "Indicators", "PortfolioCorrelation.cs"))));
                Assert.That(File.Exists(Path.Combine(custom, "Info.xml")), Is.False, "Info.xml belongs to import archives only");
            }
            finally
            {
                Directory.Delete(custom, recursive: true);
            }
        }

        [Test]
        public void Deploy_WithoutCustomFolder_OffWindows_RefusesNamingTheOption()
        {
            Assume.That(OperatingSystem.IsWindows(), Is.False, "on Windows deploy targets Documents\\NinjaTrader 8\\bin\\Custom");
            var output = new StringWriter();

            int exitCode = Program.Run(new[] { "deploy", "--bin", PackagingPaths.CoreBin }, output, output, PackagingPaths.RepositoryRoot);

            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(output.ToString(), Does.Contain("--custom-folder"));
        }

        [Test]
        public void Deploy_IntoAMissingFolder_FailsNamingIt()
        {
            string missing = Path.Combine(Path.GetTempPath(), "ntp-missing-" + Guid.NewGuid().ToString("N"));
            var output = new StringWriter();

            int exitCode = Program.Run(new[] { "deploy", "--bin", PackagingPaths.CoreBin, "--custom-folder", missing }, output, output, PackagingPaths.RepositoryRoot);

            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output.ToString(), Does.Contain(missing));
            Assert.That(Directory.Exists(missing), Is.False);
        }

        [Test]
        public void Package_FromAFolderWithoutTheDlls_FailsNamingTheFolder()
        {
            string empty = Path.Combine(Path.GetTempPath(), "ntp-empty-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(empty);
            try
            {
                var output = new StringWriter();
                int exitCode = Program.Run(new[] { "package", "--bin", empty, "--out", Path.Combine(empty, "x.zip") }, output, output, PackagingPaths.RepositoryRoot);

                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(output.ToString(), Does.Contain(Path.Combine(empty, "NinjaTraderPortfolio.Core.dll")));
                Assert.That(File.Exists(Path.Combine(empty, "x.zip")), Is.False);
            }
            finally
            {
                Directory.Delete(empty, recursive: true);
            }
        }
    }
}
