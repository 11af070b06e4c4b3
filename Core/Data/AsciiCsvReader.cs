using System;
using System.IO;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Fast path of <see cref="CsvFrameLoader"/> for the common wide CSV file: plain ASCII, LF or CRLF line endings, no blank
    /// line, no quotes, ISO dates in increasing order and plain decimal numbers. The file is streamed through a small buffer
    /// and parsed from its bytes (a large file in two halves on two threads, each streaming its own part), so neither the whole file nor a 2-byte-per-character copy of it is held in memory (on a
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
                Stream Open() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                using var stream = Open();
                return Read(stream, Open, BufferSize, path, kind, ParallelCells);
            }
            catch (Exception ex) when (ex is InvalidInputException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return null; // the general path reads the file again and says what is wrong
            }
        }

        /// <summary>
        /// Parses the CSV held in <paramref name="bytes"/> (for tests; <paramref name="bufferSize"/> exercises lines that
        /// cross buffer refills, <paramref name="parallelCells"/> the two-part read), or null where the general path must decide.
        /// </summary>
        internal static AssetFrame? TryParse(byte[] bytes, string source, FrameKind kind, int bufferSize = BufferSize, long parallelCells = ParallelCells)
        {
            try
            {
                Stream Open() => new MemoryStream(bytes, writable: false);
                using var stream = Open();
                return Read(stream, Open, bufferSize, source, kind, parallelCells);
            }
            catch (InvalidInputException)
            {
                return null;
            }
        }

        /// <summary>Cells (rows x assets) from which the second half of the file is parsed on a second thread.</summary>
        internal const long ParallelCells = 100_000;

        private static AssetFrame? Read(Stream stream, Func<Stream> open, int bufferSize, string source, FrameKind kind, long parallelCells)
        {
            var buffer = new byte[bufferSize];
            if (!CountLines(stream, buffer, out int lines, out long midOffset, out int midLine)) return null;
            var reader = new LineReader(stream, buffer, 0);
            if (!reader.Next(out int ls, out int le)) return null;
            string header = Ascii(reader.Buffer, ls, le);
            if (IsBlank(header)) return null;
            char sep = CsvFrameLoader.DetectSeparator(header, 0, header.Length, source, 1);
            string[] assets = CsvFrameLoader.ReadHeader(header, 0, header.Length, sep, source, 1);
            int n = assets.Length;
            int capacity = lines - 1;
            if (capacity < 2) return null;
            var rows = new Rows(capacity, n, (byte)sep, kind == FrameKind.Prices);

            // Large files: the lines from the one starting at midOffset (line midLine, data row midLine - 1) on a second thread.
            int split = midLine - 1;
            bool twoParts = midOffset > 0 && split > 0 && split < capacity && (long)capacity * n >= parallelCells && Environment.ProcessorCount > 1;
            if (!twoParts) return rows.Parse(reader, 0, capacity, long.MaxValue) ? rows.Frame(assets, kind, source) : null;
            var second = System.Threading.Tasks.Task.Run(() =>
            {
                try
                {
                    using var s2 = open();
                    return rows.Parse(new LineReader(s2, new byte[bufferSize], midOffset), split, capacity, long.MaxValue);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidInputException)
                {
                    return false;
                }
            });
            bool first = rows.Parse(reader, 0, split, midOffset);
            bool ok = second.Result;
            if (!first || !ok || !(rows.Dates[split] > rows.Dates[split - 1])) return null;
            return rows.Frame(assets, kind, source);
        }

        // The frame under construction; parts of it are filled by different threads (disjoint rows).
        private sealed class Rows
        {
            private readonly double[][] _cols;
            private readonly byte _sep;
            private readonly char _other;
            private readonly bool _prices;

            public Rows(int capacity, int n, byte sep, bool prices)
            {
                Dates = new DateTime[capacity];
                _cols = new double[n][];
                for (int j = 0; j < n; j++) _cols[j] = new double[capacity];
                _sep = sep;
                _other = sep == (byte)',' ? ';' : ',';
                _prices = prices;
            }

            public DateTime[] Dates { get; }

            public AssetFrame Frame(string[] assets, FrameKind kind, string source) => AssetFrame.Wrap(Dates, assets, _cols, kind, source);

            // Rows [first, end) from the reader's next lines, stopping before a line that starts at or after stopOffset;
            // false unless exactly those rows were read and every one is plain (dates increasing within the part).
            public bool Parse(LineReader reader, int first, int end, long stopOffset)
            {
                int n = _cols.Length, row = first;
                var dates = Dates;
                while (reader.Next(out int ls, out int le))
                {
                    if (reader.LineOffset >= stopOffset) break;
                    if (row >= end) return false;
                    var b = reader.Buffer;
                    int dateEnd = Array.IndexOf(b, _sep, ls, le - ls);
                    if (dateEnd < 0) return false;
                    string dateCell = Ascii(b, ls, dateEnd);
                    int cs = 0, ce = dateCell.Length;
                    TextLines.Trim(dateCell, ref cs, ref ce);
                    if (!CellParser.TryParseIsoTimestamp(dateCell, cs, ce, out DateTime date)) return false;
                    if (row > first && date <= dates[row - 1]) return false;
                    dates[row] = date;
                    int p = dateEnd, j = 0;
                    while (p < le)
                    {
                        if (j >= n) return false;
                        p++;
                        if (!CellParser.TryParseSimpleCell(b, ref p, le, _sep, out double v) && !TryParseOtherCell(b, ref p, le, _sep, _other, out v))
                            return false;
                        if (_prices && (v <= 0 || v > AssetFrame.MaxPrice)) return false;
                        _cols[j][row] = v;
                        j++;
                    }
                    if (j != n) return false;
                    row++;
                }
                return row == end;
            }
        }

        // Pass 1: the number of lines, whether every byte is printable ASCII, tab, LF or a CR right before an LF, and the
        // first line starting in the second half of the stream (offset and 0-based index; 0 and 0 when none).
        // Eight bytes at a time while none is a control character, DEL or above 0x7F (SWAR, as DataFileText).
        private static bool CountLines(Stream stream, byte[] b, out int lines, out long midOffset, out int midLine)
        {
            const ulong High = 0x8080808080808080UL, Ones = 0x0101010101010101UL;
            lines = 0;
            midOffset = 0;
            midLine = 0;
            long half = stream.Length / 2, total = 0;
            bool lastWasLf = false, pendingCr = false;
            int got;
            while ((got = stream.Read(b, 0, b.Length)) > 0)
            {
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
                    if (c == (byte)'\n')
                    {
                        lines++;
                        if (midOffset == 0 && total + i + 1 >= half)
                        {
                            midOffset = total + i + 1;
                            midLine = lines;
                        }
                    }
                    else if (c == (byte)'\r')
                    {
                        if (i + 1 < got) { if (b[i + 1] != (byte)'\n') return false; }
                        else pendingCr = true;
                    }
                    else if ((c < 0x20 && c != (byte)'\t') || c >= 0x7F) return false;
                    i++;
                }
                total += got;
                lastWasLf = b[got - 1] == (byte)'\n';
            }
            if (total == 0 || pendingCr) return false;
            if (!lastWasLf) lines++;
            if (midOffset >= total) { midOffset = 0; midLine = 0; }
            return true;
        }

        // Lines of a stream from a start offset through a refilled buffer (grown when one line is longer).
        private sealed class LineReader
        {
            private readonly Stream _stream;
            private byte[] _b;
            private int _pos, _len;
            private long _base; // stream offset of _b[0]

            public LineReader(Stream stream, byte[] buffer, long start)
            {
                _stream = stream;
                _b = buffer;
                stream.Position = start;
                _base = start;
                _len = Fill(stream, buffer, 0);
            }

            public byte[] Buffer => _b;

            /// <summary>Stream offset of the start of the line last returned.</summary>
            public long LineOffset { get; private set; }

            // Next line [ls, le) of Buffer (terminator removed); false at the end of the data.
            public bool Next(out int ls, out int le)
            {
                ls = le = 0;
                if (_pos >= _len)
                {
                    _base += _pos;
                    _len = Fill(_stream, _b, 0);
                    _pos = 0;
                    if (_len == 0) return false;
                }
                int nl = Array.IndexOf(_b, (byte)'\n', _pos, _len - _pos);
                while (nl < 0)
                {
                    int rest = _len - _pos;
                    if (_pos > 0) System.Buffer.BlockCopy(_b, _pos, _b, 0, rest);
                    else if (rest == _b.Length) Array.Resize(ref _b, _b.Length * 2);
                    _base += _pos;
                    _pos = 0;
                    int more = Fill(_stream, _b, rest);
                    _len = rest + more;
                    if (more == 0) { nl = _len; break; } // last line without terminator
                    nl = Array.IndexOf(_b, (byte)'\n', rest, more);
                }
                ls = _pos;
                le = nl > ls && _b[nl - 1] == (byte)'\r' ? nl - 1 : nl;
                LineOffset = _base + ls;
                _pos = nl + 1;
                return true;
            }
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
