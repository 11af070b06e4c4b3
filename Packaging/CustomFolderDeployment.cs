using System.Collections.Generic;
using System.IO;

namespace NinjaTraderPortfolio.Packaging
{
    /// <summary>Copies the package files into NinjaTrader's Custom folder (DLLs at its root, sources in their folders).</summary>
    public static class CustomFolderDeployment
    {
        /// <summary>Copies <paramref name="files"/> into <paramref name="customFolder"/>, which must exist.</summary>
        public static void Deploy(string customFolder, IReadOnlyList<PackageFile> files)
        {
            if (!Directory.Exists(customFolder)) throw new PackagingException($"deploy: NinjaTrader's Custom folder '{customFolder}' does not exist");
            foreach (PackageFile file in files)
            {
                string path = Path.Combine(customFolder, file.Entry.Replace('\\', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Bytes);
            }
        }
    }
}
