using System;
using System.IO;
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
                (int exitCode, string output) = BuildScript.Run("deploy", "-NoBuild", "-CoreBin", BuildScript.CoreBin, "-CustomFolder", custom);

                Assert.That(exitCode, Is.Zero, output);
                Assert.That(File.Exists(Path.Combine(custom, "NinjaTraderPortfolio.Core.dll")), Is.True);
                Assert.That(File.Exists(Path.Combine(custom, "MathNet.Numerics.dll")), Is.True);
                Assert.That(File.Exists(Path.Combine(custom, "Microsoft.Data.Sqlite.dll")), Is.True);
                Assert.That(File.Exists(Path.Combine(custom, "e_sqlite3.dll")), Is.True);
                Assert.That(File.ReadAllBytes(Path.Combine(custom, "Indicators", "PortfolioCorrelation.cs")),
                    Is.EqualTo(File.ReadAllBytes(Path.Combine(BuildScript.RepositoryRoot, "Indicators", "PortfolioCorrelation.cs"))));
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

            (int exitCode, string output) = BuildScript.Run("deploy", "-NoBuild", "-CoreBin", BuildScript.CoreBin);

            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(output, Does.Contain("-CustomFolder"));
        }
    }
}
