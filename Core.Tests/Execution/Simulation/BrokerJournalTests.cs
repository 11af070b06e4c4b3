using System;
using System.IO;
using System.Linq;
using System.Text;
using NinjaTraderPortfolio.Core.Execution;
using NUnit.Framework;
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

        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":10", "expected ','")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Hold\",\"quantity\":1,\"price\":10}", "side must be")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1.5,\"price\":10}", "quantity must be a whole number")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":0,\"price\":10}", "quantity must be a whole number > 0")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"price\":10}", "missing field \"quantity\"")]
        [TestCase("{\"clientOrderId\":\"x\",\"instrument\":\"NQ\",\"side\":\"Buy\",\"quantity\":1,\"price\":-1}", "price must be > 0")]
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
    }
}
