using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace NinjaTraderPortfolio.Core
{
    /// <summary>
    /// Checks a path before it is read whole: it must exist, be a regular file (a folder, FIFO, character or block device
    /// or socket is refused before opening it, so a FIFO without a writer cannot hang the program and /dev/zero cannot
    /// exhaust memory) and hold at most <see cref="MaxBytes"/>. Messages name the file.
    /// </summary>
    public static class InputFile
    {
        /// <summary>Largest file read whole, bytes (1 GiB; a year of minute bars for 100 instruments is ~300 MB).</summary>
        public const long MaxBytes = 1L << 30;

        /// <summary>Throws <see cref="InvalidInputException"/> naming <paramref name="path"/> unless it is a readable-size regular file; <paramref name="what"/> names it ("orders file").</summary>
        public static void CheckReadable(string path, string what)
        {
            Guard.NotBlank(path, nameof(path));
            if (Directory.Exists(path)) throw new InvalidInputException($"{what} '{path}' is a directory, not a file");
            string? kind = SpecialKind(path);
            if (kind != null) throw new InvalidInputException($"{what} '{path}' is a {kind}, not a regular file; refused before reading");
            if (!File.Exists(path)) throw new InvalidInputException($"{what} '{path}' does not exist");
            long length = new FileInfo(path).Length;
            if (length > MaxBytes)
                throw new InvalidInputException($"{what} '{path}' holds {length.ToString(CultureInfo.InvariantCulture)} bytes, more than the {MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes read into memory at once; split it");
        }

        /// <summary>"FIFO", "character device", "block device" or "socket" for such a path (Linux/macOS), else null (also on Windows and for missing paths).</summary>
        public static string? SpecialKind(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
            int mode;
            try
            {
                var buffer = new byte[512]; // the runtime's FileStatus is far smaller; Flags then Mode are its first two ints
                if (SystemNativeStat(path, buffer) != 0) return null;
                mode = BitConverter.ToInt32(buffer, 4);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return null; // not on .NET (Core) for Unix: nothing to detect with
            }
            switch (mode & 0xF000)
            {
                case 0x1000: return "FIFO";
                case 0x2000: return "character device";
                case 0x6000: return "block device";
                case 0xC000: return "socket";
                default: return null;
            }
        }

        // stat(2) through the runtime's own shim (System.Native), which has one struct layout on every Unix.
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
        private static extern int SystemNativeStat(string path, byte[] buffer);
    }
}
