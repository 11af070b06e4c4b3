using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace NinjaTraderPortfolio.Packaging
{
    /// <summary>
    /// Writes the NinjaScript import archive (Control Center > Tools > Import > NinjaScript Add-On): Info.xml (UTF-8 with
    /// BOM, CRLF, as NinjaTrader's exporter writes it) and AdditionalReferences.txt (one assembly name a line, without
    /// .dll, as the Help Guide's "Distribution procedure" page says) at the root, then the package files.
    /// </summary>
    public static class ImportArchive
    {
        private const string Crlf = "\r\n";

        /// <summary>Info.xml bytes for <see cref="PackageLayout.NinjaTraderVersion"/>.</summary>
        public static byte[] InfoXml()
        {
            string text = string.Join(Crlf, new[]
            {
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<NinjaTrader>", "  <Export>",
                "    <Version>" + PackageLayout.NinjaTraderVersion + "</Version>", "  </Export>", "</NinjaTrader>",
            }) + Crlf;
            return new UTF8Encoding(true).GetPreamble().Concat(new UTF8Encoding(false).GetBytes(text)).ToArray();
        }

        /// <summary>AdditionalReferences.txt bytes: the runtime assemblies, CRLF after each, no BOM.</summary>
        public static byte[] AdditionalReferences() =>
            new UTF8Encoding(false).GetBytes(string.Concat(PackageLayout.RuntimeAssemblies.Select(n => n + Crlf)));

        /// <summary>Writes the archive to <paramref name="zipPath"/> (replaced if present); returns its entry count.</summary>
        public static int Write(string zipPath, IReadOnlyList<PackageFile> files)
        {
            string full = Path.GetFullPath(zipPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (File.Exists(full)) File.Delete(full);
            var entries = new List<PackageFile>
            {
                new PackageFile("Info.xml", InfoXml()),
                new PackageFile("AdditionalReferences.txt", AdditionalReferences()),
            };
            entries.AddRange(files);
            using (FileStream stream = new FileStream(full, FileMode.CreateNew))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (PackageFile file in entries)
                {
                    using Stream output = zip.CreateEntry(file.Entry, CompressionLevel.Optimal).Open();
                    output.Write(file.Bytes, 0, file.Bytes.Length);
                }
            }
            return entries.Count;
        }
    }
}
