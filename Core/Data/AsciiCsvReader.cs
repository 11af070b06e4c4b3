using System;
using System.IO;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Fast path of <see cref="CsvFrameLoader"/> for the common wide CSV file: plain ASCII, LF or CRLF line endings, no blank
    /// line, no quotes, ISO dates in increasing order and plain decimal numbers. The file is streamed through a small buffer
    /// and parsed from its bytes, so neither the whole file nor a 2-byte-per-character copy of it is held in memory (on a
    /// 13 MB file that is 40 MB less to allocate and fault in). Anything else (including every input error) returns null,
    /// and the caller reads the file the general way, which produces the frame or the error message: the fast path never
    /// decides an error and, where it succeeds, yields bit-for-bit the frame of <see cref="CsvFrameLoader.Parse"/>.
    /// </summary>
    internal static class AsciiCsvReader
    {
        /// <summary>Read buffer, bytes (grown when one line is longer).</summary>
        internal const int BufferSize = 1 << 18;

        private const string What = "price file";

        /// <summary>The frame of <paramref name="path"/> read as <paramref name="kind"/>, or null to take the general path.</summary>
        public static AssetFrame? TryLoad(string path, FrameKind kind)
        {
            if (string.IsNullOrWhiteSpace(path) || path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return null;
            try
            {
                InputFile.CheckReadable(path, What);
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                var buffer = new byte[BufferSize];
                if (!CountLines(stream, buffer, out int lines)) return null;
                stream.Position = 0;
                return Parse(stream, buffer, lines, path, kind);
            }
            catch (Exception ex) when (ex is InvalidInputException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return null; // the general path reads the file again and says what is wrong
            }
        }

        /// <summary>
        /// Parses the CSV held in <paramref name="bytes"/> (for tests; <paramref name="bufferSize"/> exercises lines that
        /// cross buffer refills), or null where the general path must decide.
        /// </summary>
        internal static AssetFrame? TryParse(byte[] bytes, string source, FrameKind kind, int bufferSize = BufferSize)
        {
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                var buffer = new byte[bufferSize];
                if (!CountLines(stream, buffer, out int lines)) return null;
                stream.Position = 0;
                return Parse(stream, buffer, lines, source, kind);
            }
            catch (InvalidInputException)
            {
                return null;
            }
        }

        // Pass 1: the number of lines, and whether every byte is printable ASCII, tab, LF or a CR right before an LF.
        // Eight bytes at a time while none is a control character, DEL or above 0x7F (SWAR, as DataFileText).
        private static bool CountLines(Stream stream, byte[] b, out int lines)
        {
            const ulong High = 0x8080808080808080UL, Ones = 0x0101010101010101UL;
            lines = 0;
            long total = 0;
            bool lastWasLf = false, pendingCr = false;
            int got;
            while ((got = stream.Read(b, 0, b.Length)) > 0)
            {
                total += got;
                int i = 0;
                if (pendingCr)
                {
                    if (b[0] != (byte)'\n') return false;
                    pendingCr = false;
                }
                while (i < got)
                {
                    if (i + 8 <= got)
                    {
                        ulong w = BitConverter.ToUInt64(b, i);
                        ulong del = w ^ 0x7F7F7F7F7F7F7F7FUL;
                        if (((w & High) | ((w - 0x20 * Ones) & ~w & High) | ((del - Ones) & ~del & High)) == 0) { i += 8; continue; }
                    }
                    byte c = b[i];
                    if (c == (byte)'\n') lines++;
                    else if (c == (byte)'\r')
                    {
                        if (i + 1 < got) { if (b[i + 1] != (byte)'\n') return false; }
                        else pendingCr = true;
                    }
                    else if ((c < 0x20 && c != (byte)'\t') || c >= 0x7F) return false;
                    i++;
                }
                lastWasLf = b[got - 1] == (byte)'\n';
            }
            if (total == 0 || pendingCr) return false;
            if (!lastWasLf) lines++;
            return true;
        }

        // Pass 2: header, then each line's date and value cells straight from the bytes.
        private static AssetFrame? Parse(Stream stream, byte[] b, int lineCount, string source, FrameKind kind)
        {
            int len = Fill(stream, b, 0);
            int pos = 0;
            if (!NextLine(stream, ref b, ref pos, ref len, out int ls, out int le)) return null;
            string header = Ascii(b, ls, le);
            if (IsBlank(header)) return null;
            char sep = CsvFrameLoader.DetectSeparator(header, 0, header.Length, source, 1);
            string[] assets = CsvFrameLoader.ReadHeader(header, 0, header.Length, sep, source, 1);
            int n = assets.Length;
            int capacity = lineCount - 1;
            if (capacity < 2) return null;
            var dates = new DateTime[capacity];
            var cols = new double[n][];
            for (int j = 0; j < n; j++) cols[j] = new double[capacity];
            bool prices = kind == FrameKind.Prices;
            byte bsep = (byte)sep;
            char other = sep == ',' ? ';' : ',';
            int rows = 0;
            while (NextLine(stream, ref b, ref pos, ref len, out ls, out le))
            {
                if (rows >= capacity) return null;
                int dateEnd = Array.IndexOf(b, bsep, ls, le - ls);
                if (dateEnd < 0) return null;
                string dateCell = Ascii(b, ls, dateEnd);
                int cs = 0, ce = dateCell.Length;
                TextLines.Trim(dateCell, ref cs, ref ce);
                if (!CellParser.TryParseIsoTimestamp(dateCell, cs, ce, out DateTime date)) return null;
                if (rows > 0 && date <= dates[rows - 1]) return null;
                dates[rows] = date;
                int p = dateEnd, j = 0;
                while (p < le)
                {
                    if (j >= n) return null;
                    p++;
                    if (!CellParser.TryParseSimpleCell(b, ref p, le, bsep, out double v) && !TryParseOtherCell(b, ref p, le, bsep, other, out v))
                        return null;
                    if (prices && (v <= 0 || v > AssetFrame.MaxPrice)) return null;
                    cols[j][rows] = v;
                    j++;
                }
                if (j != n) return null;
                rows++;
            }
            if (rows != capacity) return null;
            return AssetFrame.Wrap(dates, assets, cols, kind, source);
        }

        // A cell the fused parser does not take (an exponent, more digits): the general number parser on the trimmed cell, as
        // CsvFrameLoader does; false for what would be an error there (empty, other separator, not a finite number).
        private static bool TryParseOtherCell(byte[] b, ref int pos, int le, byte sep, char other, out double value)
        {
            value = 0;
            int end = Array.IndexOf(b, sep, pos, le - pos);
            if (end < 0) end = le;
            string cell = Ascii(b, pos, end);
            int cs = 0, ce = cell.Length;
            TextLines.Trim(cell, ref cs, ref ce);
            if (cs == ce || cell.IndexOf(other) >= 0) return false;
            if (!CellParser.TryParseDouble(cell, cs, ce, out value) || double.IsNaN(value) || double.IsInfinity(value)) return false;
            pos = end;
            return true;
        }

        // Next line [ls, le) (terminator removed) in b, refilling from stream; false at the end of the data.
        private static bool NextLine(Stream stream, ref byte[] b, ref int pos, ref int len, out int ls, out int le)
        {
            ls = le = 0;
            if (pos >= len)
            {
                len = Fill(stream, b, 0);
                pos = 0;
                if (len == 0) return false;
            }
            int nl = Array.IndexOf(b, (byte)'\n', pos, len - pos);
            while (nl < 0)
            {
                int rest = len - pos;
                if (pos > 0) Buffer.BlockCopy(b, pos, b, 0, rest);
                else if (rest == b.Length) Array.Resize(ref b, b.Length * 2);
                pos = 0;
                int more = Fill(stream, b, rest);
                len = rest + more;
                if (more == 0) { nl = len; break; } // last line without terminator
                nl = Array.IndexOf(b, (byte)'\n', rest, more);
            }
            ls = pos;
            le = nl > ls && b[nl - 1] == (byte)'\r' ? nl - 1 : nl;
            pos = nl + 1;
            return true;
        }

        // Reads until b is full from offset or the stream ends; the number of bytes read.
        private static int Fill(Stream stream, byte[] b, int offset)
        {
            int total = 0, got;
            while (offset + total < b.Length && (got = stream.Read(b, offset + total, b.Length - offset - total)) > 0) total += got;
            return total;
        }

        private static string Ascii(byte[] b, int start, int end)
        {
            var chars = new char[end - start];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)b[start + i];
            return new string(chars);
        }

        private static bool IsBlank(string s)
        {
            for (int i = 0; i < s.Length; i++) if (s[i] != ' ' && s[i] != '\t') return false;
            return true;
        }
    }
}
