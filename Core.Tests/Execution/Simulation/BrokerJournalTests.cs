using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Simulation
{
    public sealed class BrokerJournalTests
    {
        private string _dir = null!;

        [SetUp]
        public void SetUp() { _dir = Path.Combine(Path.GetTempPath(), "ntp-journal-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(_dir); }

        [TearDown]
        public void TearDown() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

        private string PathOf(string name) => Path.Combine(_dir, name);

        [Test]
        public void Append_WritesOneJsonLinePerOrder_InTheDocumentedFormat()
        {
            string p = PathOf("j.jsonl");
            using (var j = new BrokerJournal(p))
            {
                j.Append(new BrokerJournalEntry("p1-0-0", "ES 12-25", OrderSide.Buy, 3, 4321.25m));
                j.Append(new BrokerJournalEntry("p1-1-0", "Say \"hi\"\\", OrderSide.Sell, 7, 0.0001m));
            }
            var lines = File.ReadAllLines(p);
            Assert.That(lines, Is.EqualTo(new[]
            {
                "{\"clientOrderId\":\"p1-0-0\",\"instrument\":\"ES 12-25\",\"side\":\"Buy\",\"quantity\":3,\"price\":4321.25}",
                "{\"clientOrderId\":\"p1-1-0\",\"instrument\":\"Say \\\"hi\\\"\\\\\",\"side\":\"Sell\",\"quantity\":7,\"price\":0.0001}",
            }));
            // Standard JSON readers agree with our strict reader.
            var doc = System.Text.Json.JsonDocument.Parse(lines[1]).RootElement;
            Assert.That(doc.GetProperty("instrument").GetString(), Is.EqualTo("Say \"hi\"\\"));
            Assert.That(doc.GetProperty("quantity").GetInt32(), Is.EqualTo(7));
        }

        [Test]
        public void Open_ReloadsEveryEntry()
        {
            string p = PathOf("j.jsonl");
            using (var j = new BrokerJournal(p))
                for (int i = 0; i < 5; i++) j.Append(new BrokerJournalEntry($"p-{i}-0", "NQ", OrderSide.Buy, i + 1, 10m + i));
            using var again = new BrokerJournal(p);
            Assert.That(again.Entries.Select(e => e.ClientOrderId), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"p-{i}-0")));
            Assert.That(again.Entries.Select(e => e.Quantity), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(again.Entries.Select(e => e.Price), Is.EqualTo(new[] { 10m, 11m, 12m, 13m, 14m }));
            Assert.That(again.RecoveredTornLine, Is.False);
        }

        [TestCase("{\"clientOrderId\":\"p-9-0\",\"instr")]
        [TestCase("{\"clientOrderId\":\"p-9-0\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":10}")] // complete JSON, newline missing
        [TestCase("\u00ff\u00fe")]
        public void Open_TornLastLine_IsIgnoredAndCutSoTheNextAppendStartsCleanly(string torn)
        {
            string p = PathOf("j.jsonl");
            using (var j = new BrokerJournal(p)) j.Append(new BrokerJournalEntry("p-0-0", "NQ", OrderSide.Buy, 1, 10m));
            File.AppendAllText(p, torn, Encoding.Latin1);
            using (var j = new BrokerJournal(p))
            {
                Assert.That(j.RecoveredTornLine, Is.True);
                Assert.That(j.Entries.Select(e => e.ClientOrderId), Is.EqualTo(new[] { "p-0-0" }));
                j.Append(new BrokerJournalEntry("p-1-0", "NQ", OrderSide.Sell, 2, 11m));
            }
            using var again = new BrokerJournal(p);
            Assert.That(again.Entries.Select(e => e.ClientOrderId), Is.EqualTo(new[] { "p-0-0", "p-1-0" }));
        }

        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":10", "invalid JSON at column 76: unexpected end of text inside an object")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Hold\",\"quantity\":1,\"price\":10}", "side must be")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1.5,\"price\":10}", "quantity must be a whole number")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":0,\"price\":10}", "quantity must be a whole number > 0")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"price\":10}", "missing field \"quantity\"")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":-1}", "price must be > 0")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":\"1\",\"price\":10}", "quantity must be a whole number > 0, got \"1\"")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":7,\"side\":\"Buy\",\"quantity\":1,\"price\":10}", "instrument must be a string, got 7")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":-0}", "price must be > 0, got -0")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":010}", "leading zeros")]
        [TestCase("[1]", "a JSON object was expected, got [...]")]
        [TestCase("", "empty line")]
        [TestCase("{\"clientOrderId\":\"p-0-0\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":10}", "appears twice")]
        public void Open_CorruptionBeforeTheLastLine_IsRefusedNamingTheLine(string bad, string expected)
        {
            string p = PathOf("j.jsonl");
            using (var j = new BrokerJournal(p)) j.Append(new BrokerJournalEntry("p-0-0", "NQ", OrderSide.Buy, 1, 10m));
            File.AppendAllText(p, bad + "\n{\"clientOrderId\":\"p-2-0\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":10}\n");
            var ex = Assert.Throws<InvalidInputException>(() => new BrokerJournal(p).Dispose())!;
            Assert.That(ex.Message, Does.Contain("line 2").And.Contain(expected).And.Contain(p));
        }

        [Test]
        public void Open_InvalidUtf8InAWholeLine_IsCorruption()
        {
            string p = PathOf("j.jsonl");
            File.WriteAllBytes(p, new byte[] { 0xC3, 0x28, (byte)'\n' });
            var ex = Assert.Throws<InvalidInputException>(() => new BrokerJournal(p).Dispose())!;
            Assert.That(ex.Message, Does.Contain("line 1").And.Contain("UTF-8"));
        }

        // A journal written before the two JSON codecs became one (References/Execution/README.md says how the fixture was
        // made): every line still reads, to the exact decimal, and is written back byte for byte.
        [Test]
        public void Open_JournalWrittenInTheV1Format_ReadsEveryEntryAndWritesEachLineBackIdentically()
        {
            string fixture = ReferenceData.PathOf("broker_journal_v1.jsonl");
            string p = PathOf("old.jsonl");
            File.Copy(fixture, p);
            using var j = new BrokerJournal(p);
            Assert.That(j.RecoveredTornLine, Is.False);
            Assert.That(j.Entries.Select(e => e.ClientOrderId), Is.EqualTo(Enumerable.Range(0, 6).Select(i => $"p1-{i}-0")));
            Assert.That(j.Entries[1].Instrument, Is.EqualTo("Say \"hi\"\\ and C:\\path/x"));
            Assert.That(j.Entries[2].Instrument, Is.EqualTo("tab\there\u0001ctl \u00e9\u20ac"));
            Assert.That(j.Entries[2].Quantity, Is.EqualTo(int.MaxValue));
            Assert.That(j.Entries.Select(e => e.Price), Is.EqualTo(new[]
            {
                4321.25m, 0.0001m, decimal.MaxValue, 0.0000000000000000000000000001m, 4321.2500m, 12345678901234567.890123456789m,
            }));
            Assert.That(j.Entries[4].Price.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("4321.2500"), "the scale survives");
            Assert.That(j.Entries[1].Side, Is.EqualTo(OrderSide.Sell));
            var lines = File.ReadAllText(fixture, Encoding.UTF8).Split('\n').Where(l => l.Length > 0).ToArray();
            Assert.That(j.Entries.Select(BrokerJournal.Format), Is.EqualTo(lines));
            Assert.That(string.Concat(j.Entries.Select(e => BrokerJournal.Format(e) + "\n")), Is.EqualTo(File.ReadAllText(fixture, Encoding.UTF8)));
        }

        // Seeded random entries (any char up to U+FFFF except lone surrogates, decimals of every scale and sign of the
        // exponent) survive Format -> Parse unchanged, and System.Text.Json reads the same strings and numbers.
        [Test]
        public void FormatThenParse_RoundTripsRandomEntriesExactly()
        {
            var rng = new Random(20261205);
            for (int n = 0; n < 500; n++)
            {
                string id = RandomText(rng) + "x";
                string instrument = RandomText(rng) + "y";
                decimal price = new decimal(rng.Next(1, int.MaxValue), rng.Next(), rng.Next(0, 1 << 20), false, (byte)rng.Next(0, 29));
                var entry = new BrokerJournalEntry(id, instrument, rng.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell, rng.Next(1, int.MaxValue), price);
                string line = BrokerJournal.Format(entry);
                var back = BrokerJournal.Parse(line);
                Assert.That(back, Is.EqualTo(entry), line);
                Assert.That(back.Price.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(price.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var doc = System.Text.Json.JsonDocument.Parse(line).RootElement;
                Assert.That(doc.GetProperty("instrument").GetString(), Is.EqualTo(instrument));
                Assert.That(doc.GetProperty("price").GetDecimal(), Is.EqualTo(price));
            }
        }

        // Numbers other writers may produce: exponents and negative zero parse to the decimal they denote.
        [TestCase("4.32125E3", "4321.25")]
        [TestCase("4.32125e+3", "4321.25")]
        [TestCase("432125e-2", "4321.25")]
        [TestCase("1E-28", "0.0000000000000000000000000001")]
        public void Parse_PriceWithAnExponent_IsTheExactDecimal(string text, string expected)
        {
            var e = BrokerJournal.Parse("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":" + text + "}");
            Assert.That(e.Price, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Test]
        public void EntriesWithEqualFields_AreEqual_AndDifferInAnyField()
        {
            var a = new BrokerJournalEntry("p-0-0", "NQ", OrderSide.Buy, 1, 10m);
            Assert.That(new BrokerJournalEntry("p-0-0", "NQ", OrderSide.Buy, 1, 10m), Is.EqualTo(a));
            Assert.That(new BrokerJournalEntry("p-0-0", "NQ", OrderSide.Buy, 1, 10.00m), Is.EqualTo(a), "decimal equality ignores scale");
            Assert.That(new BrokerJournalEntry("p-0-0", "NQ", OrderSide.Sell, 1, 10m), Is.Not.EqualTo(a));
            Assert.That(new BrokerJournalEntry("p-0-0", "NQ", OrderSide.Buy, 2, 10m), Is.Not.EqualTo(a));
        }

        [Test]
        public void Constructor_StillValidates_WithTheSameMessages()
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BrokerJournalEntry("p", "NQ", OrderSide.Buy, 0, 10m))!;
            Assert.That(ex.ParamName, Is.EqualTo("quantity"));
            Assert.Throws<ArgumentException>(() => new BrokerJournalEntry(" ", "NQ", OrderSide.Buy, 1, 10m));
        }

        private static string RandomText(Random rng)
        {
            var sb = new StringBuilder();
            int len = rng.Next(0, 12);
            for (int i = 0; i < len; i++)
            {
                int kind = rng.Next(4);
                char c = kind == 0 ? (char)rng.Next(0, 0x20) : kind == 1 ? "\"\\/"[rng.Next(3)] : kind == 2 ? (char)rng.Next(0x20, 0x7F) : (char)rng.Next(0xA0, 0xD800);
                sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
