using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data.Json;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Session;

namespace NinjaTraderPortfolio.Simulation
{
    /// <summary>
    /// Append-only journal of the orders a simulated broker accepted: one JSON line per order (see
    /// <see cref="BrokerJournalEntry"/>), each written and flushed to disk (<c>FileStream.Flush(true)</c>, fsync) before the
    /// broker acknowledges it. Opening reloads every entry. A crash can tear only the last line (no final newline): that
    /// line was never acknowledged, so it is ignored and cut off; a defect anywhere else (bad JSON, missing field,
    /// duplicate client id, invalid UTF-8) is corruption and fails with <see cref="InvalidInputException"/> naming the line.
    /// A failed append (disk full) is cut back off before the exception propagates, so the order counts as never sent.
    /// </summary>
    public sealed class BrokerJournal : IDisposable
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private readonly FileStream _stream;
        private readonly FileLease _lease;
        private readonly List<BrokerJournalEntry> _entries = new List<BrokerJournalEntry>();
        private string? _broken;

        /// <summary>
        /// Opens (creating if missing) the journal at <paramref name="path"/> and loads its entries, holding its
        /// <see cref="FileLease"/> (one writer at a time, in any process; <paramref name="holder"/> names this one in the
        /// refusal a second writer gets). Special files (FIFO, device) and folders are refused before reading.
        /// </summary>
        public BrokerJournal(string path, string? holder = null)
        {
            Path = Guard.NotBlank(path, nameof(path));
            if (Directory.Exists(path)) throw new InvalidInputException($"broker journal '{path}' is a folder, not a file");
            if (InputFile.SpecialKind(path) is string kind) throw new InvalidInputException($"broker journal '{path}' is a {kind}, not a regular file");
            _lease = FileLease.Acquire(path, "broker journal", holder ?? "a simulated broker");
            try
            {
                _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                _lease.Dispose();
                throw new InvalidInputException($"broker journal '{path}' cannot be opened for appending: {ex.Message}", ex);
            }
            try
            {
                Load();
            }
            catch
            {
                _stream.Dispose();
                _lease.Dispose();
                throw;
            }
        }

        /// <summary>File path.</summary>
        public string Path { get; }

        /// <summary>Entries in file order (loaded plus appended).</summary>
        public IReadOnlyList<BrokerJournalEntry> Entries => _entries.AsReadOnly();

        /// <summary>True when opening found and cut off a torn final line.</summary>
        public bool RecoveredTornLine { get; private set; }

        /// <summary>Appends one entry and flushes it to disk before returning.</summary>
        public void Append(BrokerJournalEntry entry)
        {
            Guard.NotNull(entry, nameof(entry));
            if (_broken != null) throw new IOException($"broker journal '{Path}' is unusable after a failed write ({_broken}); reopen it");
            byte[] bytes = StrictUtf8.GetBytes(Format(entry) + "\n");
            long before = _stream.Seek(0, SeekOrigin.End);
            try
            {
                _stream.Write(bytes, 0, bytes.Length);
                _stream.Flush(true);
            }
            catch (IOException ex)
            {
                // Not acknowledged, so it must not count after a restart either: cut the partial line back off. If even
                // that fails the file's state is unknown, and every later append is refused.
                try
                {
                    _stream.SetLength(before);
                    _stream.Flush(true);
                }
                catch (IOException)
                {
                    _broken = ex.Message;
                }
                throw;
            }
            _entries.Add(entry);
        }

        /// <summary>The JSON line of an entry (without the newline), written by Core's <see cref="JsonTextWriter"/>.</summary>
        public static string Format(BrokerJournalEntry entry)
        {
            Guard.NotNull(entry, nameof(entry));
            return new JsonTextWriter()
                .String("clientOrderId", entry.ClientOrderId)
                .String("instrument", entry.Instrument)
                .String("side", entry.Side == OrderSide.Buy ? "Buy" : "Sell")
                .Number("quantity", entry.Quantity)
                .Number("price", entry.Price)
                .ToString();
        }

        /// <summary>
        /// Parses one journal line with Core's <see cref="JsonTextParser"/>; throws <see cref="FormatException"/> describing
        /// the defect. Members other than the five are ignored; the three names must be strings and the two amounts numbers.
        /// </summary>
        public static BrokerJournalEntry Parse(string line)
        {
            Guard.NotNull(line, nameof(line));
            JsonNode root;
            try
            {
                root = JsonTextParser.Parse(line, "journal line");
            }
            catch (JsonSyntaxException ex)
            {
                throw new FormatException($"invalid JSON at column {ex.Column}: {ex.Problem}", ex);
            }
            if (root.Kind != JsonKind.Object) throw new FormatException($"a JSON object was expected, got {root.Display()}");
            string id = Text(root, "clientOrderId");
            string instrument = Text(root, "instrument");
            string sideText = Text(root, "side");
            OrderSide side = sideText == "Buy" ? OrderSide.Buy : sideText == "Sell" ? OrderSide.Sell
                : throw new FormatException($"side must be \"Buy\" or \"Sell\", got \"{sideText}\"");
            var q = Field(root, "quantity");
            if (q.Kind != JsonKind.Number || !int.TryParse(q.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int quantity) || quantity <= 0)
                throw new FormatException($"quantity must be a whole number > 0, got {q.Display()}");
            var p = Field(root, "price");
            if (p.Kind != JsonKind.Number || !decimal.TryParse(p.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal price) || price <= 0)
                throw new FormatException($"price must be > 0, got {p.Display()}");
            if (id.Trim().Length == 0 || instrument.Trim().Length == 0) throw new FormatException("clientOrderId and instrument must not be blank");
            return new BrokerJournalEntry(id, instrument, side, quantity, price);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _stream.Dispose();
            _lease.Dispose();
        }

        private static JsonNode Field(JsonNode root, string key)
            => root.Get(key) ?? throw new FormatException($"missing field \"{key}\"");

        private static string Text(JsonNode root, string key)
        {
            var node = Field(root, key);
            return node.Kind == JsonKind.String ? node.Text! : throw new FormatException($"{key} must be a string, got {node.Display()}");
        }

        private void Load()
        {
            long length = _stream.Length;
            var bytes = new byte[length];
            _stream.Seek(0, SeekOrigin.Begin);
            int read = 0;
            while (read < length)
            {
                int n = _stream.Read(bytes, read, (int)(length - read));
                if (n <= 0) throw new IOException($"broker journal '{Path}' shrank while being read");
                read += n;
            }
            int lastNewline = Array.LastIndexOf(bytes, (byte)'\n');
            int complete = lastNewline + 1; // bytes [0, complete) are whole lines
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int lineStart = 0, lineNo = 0;
            while (lineStart < complete)
            {
                int end = Array.IndexOf(bytes, (byte)'\n', lineStart);
                lineNo++;
                string text;
                try
                {
                    text = StrictUtf8.GetString(bytes, lineStart, end - lineStart);
                }
                catch (DecoderFallbackException)
                {
                    throw Corrupt(lineNo, "not valid UTF-8 text");
                }
                lineStart = end + 1;
                if (text.Trim().Length == 0) throw Corrupt(lineNo, "empty line");
                BrokerJournalEntry entry;
                try
                {
                    entry = Parse(text);
                }
                catch (FormatException ex)
                {
                    throw Corrupt(lineNo, ex.Message);
                }
                if (!seen.Add(entry.ClientOrderId)) throw Corrupt(lineNo, $"client order id '{entry.ClientOrderId}' appears twice");
                _entries.Add(entry);
            }
            if (complete < length)
            {
                // Torn tail from a crash mid-append: never acknowledged, so dropped; cut it so the next append starts a clean line.
                RecoveredTornLine = true;
                _stream.SetLength(complete);
                _stream.Flush(true);
            }
        }

        private InvalidInputException Corrupt(int line, string what)
            => new InvalidInputException($"broker journal '{Path}' is corrupt at line {line}: {what} (only a torn last line is tolerated)");
    }
}
