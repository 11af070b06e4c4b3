using System;
using System.IO;
using System.Text;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    /// <summary>A scratch folder for files written by a test, deleted on dispose.</summary>
    internal sealed class TempFiles : IDisposable
    {
        public TempFiles()
        {
            Dir = Path.Combine(Path.GetTempPath(), "ntp-data-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Dir);
        }

        public string Dir { get; }

        public string Write(string name, string content)
        {
            string p = Path.Combine(Dir, name);
            File.WriteAllText(p, content, new UTF8Encoding(false));
            return p;
        }

        public string WriteBytes(string name, byte[] content)
        {
            string p = Path.Combine(Dir, name);
            File.WriteAllBytes(p, content);
            return p;
        }

        public void Dispose()
        {
            try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        }
    }
}
