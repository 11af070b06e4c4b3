using System;
using System.Data.Common;
using System.IO;
using NinjaTraderPortfolio.Cli;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>
    /// Exit codes and messages of the item-7 list of issue 15: every mistake of the user or fault of the environment is
    /// exit 2 or 3 with one line naming the culprit; exit 4 is left for genuine bugs.
    /// </summary>
    public sealed class ProgramExitCodeTests : ScratchFolderFixture
    {
        public ProgramExitCodeTests() : base("ntp-exit") { }

        [Test]
        public void NoArguments_PrintsTheUsageOnStderr_WithExit2()
        {
            var r = CliRunner.Run();
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Out, Is.Empty);
            Assert.That(r.Err, Does.Contain("commands:").And.Contain("execute"));
        }

        [Test]
        public void HelpForAnUnknownCommand_IsExit2NamingIt()
        {
            var r = CliRunner.Run("help", "bogus");
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain("unknown command 'bogus'"));
            Assert.That(CliRunner.Run("help", "execute").Code, Is.EqualTo(0));
        }

        [Test]
        public void AnOptionWhereAValueBelongs_IsRefusedNamingBoth()
        {
            var r = CliRunner.Run("optimize", "--prices", "--method", "x");
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain("option --prices needs a value").And.Contain("--method"));
        }

        [Test]
        public void AHugePrice_IsRefusedNamingFileAssetAndDate()
        {
            string f = Write("big.csv", "Date,A,B\n2024-01-01,100,50\n2024-01-02,1e308,51\n2024-01-03,102,52\n2024-01-04,103,50\n");
            var r = CliRunner.Run("optimize", "--prices", f, "--method", "min-variance");
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain("big.csv").And.Contain("'A'").And.Contain("2024-01-02"));
        }

        [Test]
        public void ALossOf100PercentOrMore_IsRefusedInAReturnsFile()
        {
            string f = Write("ret.csv", "Date,A,B\n2024-01-01,0.01,0.02\n2024-01-02,-1.0,0.01\n2024-01-03,0.02,-0.01\n2024-01-04,0.01,0.0\n");
            var r = CliRunner.Run("optimize", "--returns", f, "--method", "min-variance");
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain("ret.csv").And.Contain("'A'").And.Contain("2024-01-02").And.Contain("> -1"));
        }

        [Test]
        public void CrOnlyLineEndings_AreReadLikeLf()
        {
            string lf = Write("lf.csv", "Date,A,B\n2024-01-01,100,50\n2024-01-02,101,51\n2024-01-03,99,52\n2024-01-04,103,50\n2024-01-05,102,53\n");
            string cr = Write("cr.csv", File.ReadAllText(lf).Replace('\n', '\r'));
            var a = CliRunner.Run("optimize", "--prices", lf, "--method", "min-variance", "--format", "json");
            var b = CliRunner.Run("optimize", "--prices", cr, "--method", "min-variance", "--format", "json");
            Assert.That(b.Code, Is.EqualTo(0), b.Err);
            Assert.That(b.Out.Replace("cr.csv", "lf.csv"), Is.EqualTo(a.Out));
        }

        [Test]
        public void AnInfiniteExpectedCost_IsRefused()
        {
            var r = CliRunner.Run("schedule", "--strategy", "twap", "--quantity", "2000000000", "--horizon", "1", "--slices", "10", "--eta", "1e300", "--gamma", "1");
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain("expected cost").And.Contain("infinite"));
        }

        [Test]
        public void AStdoutThatCannotBeWritten_IsExit3_NotAnInternalError()
        {
            var stderr = new StringWriter();
            int code = Program.Run(new[] { "help" }, new FullDisk(), stderr);
            Assert.That(code, Is.EqualTo(3));
            Assert.That(stderr.ToString(), Does.Contain("standard output").And.Contain("No space left"));
        }

        [Test]
        public void EnvironmentFaults_AreExit3_AndNumbersTooLarge_Exit2()
        {
            Assert.That(Program.ExitCodeFor(new IOException("No space left on device")), Is.EqualTo(3));
            Assert.That(Program.ExitCodeFor(new FakeDbException("database is locked")), Is.EqualTo(3));
            Assert.That(Program.ExitCodeFor(new OutOfMemoryException()), Is.EqualTo(3));
            Assert.That(Program.ExitCodeFor(new OverflowException()), Is.EqualTo(2));
            Assert.That(Program.ExitCodeFor(new FileNotFoundException("x")), Is.EqualTo(2));
            Assert.That(Program.ExitCodeFor(new NullReferenceException()), Is.EqualTo(4), "a bug stays a bug");
        }

        private sealed class FullDisk : TextWriter
        {
            public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
            public override void Write(char value) => throw new IOException("No space left on device : '/dev/full'");
            public override void Write(string? value) => throw new IOException("No space left on device : '/dev/full'");
        }

        private sealed class FakeDbException : DbException
        {
            public FakeDbException(string message) : base(message) { }
        }
    }
}
