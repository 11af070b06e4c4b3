using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Packaging
{
    /// <summary>
    /// Runs the packager (ntpackage package, in process, on the DLLs the compile check used) and checks the NinjaTrader 8
    /// import archive: Info.xml (UTF-8 BOM, CRLF), AdditionalReferences.txt, DLLs at the root, every source under
    /// AddOns\, Strategies\, Indicators\ byte for byte.
    /// </summary>
    [TestFixture]
    public class PackageTests
    {
        // Written out here, not read from PackageLayout, so that a change to the shipped set is a visible test change.
        private static readonly string[] RuntimeAssemblies =
        {
            "NinjaTraderPortfolio.Core", "MathNet.Numerics", "Microsoft.Data.Sqlite", "SQLitePCLRaw.core",
            "SQLitePCLRaw.provider.e_sqlite3", "System.Memory", "System.Buffers", "System.Runtime.CompilerServices.Unsafe", "System.Numerics.Vectors",
        };
        private string workDir;
        private Dictionary<string, byte[]> entries;

        [OneTimeSetUp]
        public void BuildPackage()
        {
            workDir = Path.Combine(Path.GetTempPath(), "ntp-package-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(workDir);
            string zipPath = Path.Combine(workDir, "NinjaTraderPortfolio.zip");
            var output = new StringWriter();
            int exitCode = NinjaTraderPortfolio.Packaging.Program.Run(new[] { "package", "--bin", PackagingPaths.CoreBin, "--out", zipPath }, output, output, PackagingPaths.RepositoryRoot);
            Assert.That(exitCode, Is.Zero, output.ToString());
            entries = ReadEntries(zipPath);
        }

        [OneTimeTearDown]
        public void Clean() => Directory.Delete(workDir, recursive: true);

        /// <summary>The archive's entries (name to bytes), for the metadata tests.</summary>
        internal static Dictionary<string, byte[]> ReadEntries(string zipPath)
        {
            using ZipArchive zip = ZipFile.OpenRead(zipPath);
            return zip.Entries.ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            });
        }

        [Test]
        public void InfoXml_IsAtTheRoot_Utf8WithBom_CrLf_WithTheNinjaTraderExportVersion()
        {
            byte[] bytes = entries["Info.xml"];

            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            Assert.That(text, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"));
            Assert.That(Regex.IsMatch(text, "(?<!\r)\n"), Is.False, "every line ends with CRLF");
            XElement root = XDocument.Parse(text).Root;
            Assert.That(root.Name.LocalName, Is.EqualTo("NinjaTrader"));
            Assert.That(root.Element("Export")?.Element("Version")?.Value, Does.Match(@"^8\.1\.\d+\.\d+$"));
        }

        [Test]
        public void AdditionalReferences_ListsEachRuntimeAssemblyWithoutDll_AndEachIsAtTheRoot()
        {
            byte[] bytes = entries["AdditionalReferences.txt"];

            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no BOM");
            string text = Encoding.UTF8.GetString(bytes);
            Assert.That(text, Is.EqualTo(string.Join("", RuntimeAssemblies.Select(n => n + "\r\n"))));
            foreach (string name in RuntimeAssemblies)
                Assert.That(entries[name + ".dll"], Is.EqualTo(File.ReadAllBytes(Path.Combine(PackagingPaths.CoreBin, name + ".dll"))), name);
        }

        [Test]
        public void Sources_AreUnderTheirNinjaScriptFolders_WithBackslashEntryNames_ByteForByte()
        {
            string root = PackagingPaths.RepositoryRoot;
            var expected = new[] { "AddOns", "Strategies", "Indicators" }
                .Where(f => Directory.Exists(Path.Combine(root, f)))
                .SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories))
                .ToDictionary(p => Path.GetRelativePath(root, p).Replace('/', '\\'), File.ReadAllBytes);

            Assert.That(expected.Keys, Does.Contain(@"Indicators\PortfolioCorrelation.cs"));
            var sources = entries.Where(e => e.Key.EndsWith(".cs", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value);
            Assert.That(sources.Keys, Is.EquivalentTo(expected.Keys));
            foreach (KeyValuePair<string, byte[]> source in expected)
                Assert.That(sources[source.Key], Is.EqualTo(source.Value), source.Key);
        }

        [Test]
        public void Archive_ShipsSqliteNativeEngineForWindowsX64()
        {
            byte[] dll = entries["e_sqlite3.dll"];
            Assert.That(dll, Is.EqualTo(File.ReadAllBytes(Path.Combine(PackagingPaths.CoreBin, "e_sqlite3.dll"))));
            // A PE image: "MZ" header, and the PE header's machine field is AMD64 (0x8664).
            Assert.That(dll[0], Is.EqualTo((byte)'M'));
            Assert.That(dll[1], Is.EqualTo((byte)'Z'));
            int pe = BitConverter.ToInt32(dll, 0x3C);
            Assert.That(BitConverter.ToUInt16(dll, pe + 4), Is.EqualTo(0x8664));
        }

        [Test]
        public void Archive_HoldsNothingElse()
        {
            var allowed = new HashSet<string>(new[] { "Info.xml", "AdditionalReferences.txt", "e_sqlite3.dll" }.Concat(RuntimeAssemblies.Select(n => n + ".dll")));

            Assert.That(entries.Keys.Where(k => !allowed.Contains(k) && !k.EndsWith(".cs", StringComparison.Ordinal)), Is.Empty);
            Assert.That(entries.Keys.Where(k => k.Contains('/')), Is.Empty, "entry names use backslashes, as NinjaTrader's exporter writes them");
        }
    }
}
