using System;
using System.IO;
using System.Text;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Reads a small data file as UTF-8 text, rejecting what is not text: a missing or empty file,
    /// NUL or other control bytes (binary files), UTF-16/32 byte-order marks and invalid UTF-8 sequences.
    /// Every message names the file and, where there is one, the line and byte offset.
    /// </summary>
    internal static class DataFileText
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Reads <paramref name="path"/>; <paramref name="what"/> describes the file in messages ("price file").</summary>
        public static string Read(string path, string what)
        {
            Guard.NotBlank(path, nameof(path));
            InputFile.CheckReadable(path, what);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is OutOfMemoryException)
            {
                throw new InvalidInputException($"{what} '{path}' cannot be read: {ex.Message}", ex);
            }
            return Decode(bytes, path, what);
        }

        private static bool HasLoneCr(string text)
        {
            for (int i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r', i + 1))
                if (i + 1 >= text.Length || text[i + 1] != '\n') return true;
            return false;
        }

        /// <summary>Decodes file bytes as strict UTF-8 (an optional UTF-8 BOM is dropped).</summary>
        public static string Decode(byte[] bytes, string source, string what)
        {
            if (bytes.Length == 0) throw new InvalidInputException($"{what} '{source}' is empty");
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
                throw new InvalidInputException($"{what} '{source}' is UTF-16 encoded; save it as UTF-8");
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int bad = FirstInvalidByte(bytes, start, out bool binary);
            if (bad >= 0)
            {
                int line = 1;
                for (int i = start; i < bad; i++) if (bytes[i] == (byte)'\n') line++;
                if (binary)
                    throw new InvalidInputException($"{what} '{source}' line {line}: binary content (byte 0x{bytes[bad]:X2} at offset {bad}); expected UTF-8 text");
                throw new InvalidInputException($"{what} '{source}' line {line}: invalid UTF-8 byte 0x{bytes[bad]:X2} at offset {bad}; expected UTF-8 text");
            }
            string text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            if (HasLoneCr(text)) text = text.Replace("\r\n", "\n").Replace('\r', '\n'); // classic Mac (CR-only) line endings
            if (IsBlank(text)) throw new InvalidInputException($"{what} '{source}' is empty");
            return text;
        }

        /// <summary>
        /// Offset of the first byte that is a control character other than tab/CR/LF (<paramref name="binary"/> true) or
        /// starts an invalid UTF-8 sequence (RFC 3629), or -1. Eight bytes at a time while they are plain printable
        /// ASCII (SWAR test: no high bit, no byte below 0x20, no 0x7F), byte by byte otherwise.
        /// </summary>
        private static int FirstInvalidByte(byte[] b, int start, out bool binary)
        {
            const ulong High = 0x8080808080808080UL, Ones = 0x0101010101010101UL;
            binary = false;
            int i = start;
            while (i < b.Length)
            {
                if (i + 8 <= b.Length)
                {
                    ulong w = BitConverter.ToUInt64(b, i);
                    ulong del = w ^ 0x7F7F7F7F7F7F7F7FUL;
                    ulong suspicious = (w & High) | ((w - 0x20 * Ones) & ~w & High) | ((del - Ones) & ~del & High);
                    if (suspicious == 0) { i += 8; continue; }
                }
                byte c = b[i];
                if (c < 0x80)
                {
                    if ((c < 0x20 && c != (byte)'\t' && c != (byte)'\r' && c != (byte)'\n') || c == 0x7F) { binary = true; return i; }
                    i++;
                    continue;
                }
                int len; int min;
                if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
                else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
                else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
                else return i;
                if (i + len > b.Length) return i;
                int cp = c & (0x7F >> len);
                for (int k = 1; k < len; k++)
                {
                    byte cc = b[i + k];
                    if ((cc & 0xC0) != 0x80) return i;
                    cp = (cp << 6) | (cc & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
                i += len;
            }
            return -1;
        }

        private static bool IsBlank(string s)
        {
            for (int i = 0; i < s.Length; i++) if (!char.IsWhiteSpace(s[i])) return false;
            return true;
        }
    }
}
