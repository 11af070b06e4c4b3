using System.Text;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    public class DataFileTextTests
    {
        private static byte[] Bytes(string ascii, int at, params byte[] insert)
        {
            var a = Encoding.ASCII.GetBytes(ascii);
            var r = new byte[a.Length + insert.Length];
            System.Array.Copy(a, 0, r, 0, at);
            insert.CopyTo(r, at);
            System.Array.Copy(a, at, r, at + insert.Length, a.Length - at);
            return r;
        }

        private const string Text = "Date,A\n2024-01-02,1234567.125\n2024-01-03,1234568.5\n";

        [TestCase(0x00)]
        [TestCase(0x1B)]
        [TestCase(0x7F)]
        public void Decode_ControlByteMidLine_IsBinaryWithLineAndOffset(int b)
        {
            var bytes = Bytes(Text, 37, (byte)b);
            var ex = Assert.Throws<InvalidInputException>(() => DataFileText.Decode(bytes, "x.csv", "price file"));
            Assert.That(ex!.Message, Does.Contain("x.csv").And.Contain("line 3").And.Contain("binary").And.Contain($"0x{b:X2}").And.Contain("offset 37"));
        }

        [TestCase(new byte[] { 0xC0, 0xAF })]          // overlong '/'
        [TestCase(new byte[] { 0xED, 0xA0, 0x80 })]    // UTF-16 surrogate
        [TestCase(new byte[] { 0xE2, 0x82 })]          // truncated euro sign
        [TestCase(new byte[] { 0x80 })]                // lone continuation byte
        [TestCase(new byte[] { 0xF5, 0x80, 0x80, 0x80 })] // above U+10FFFF
        public void Decode_InvalidUtf8_NamesLineAndOffset(byte[] insert)
        {
            var bytes = Bytes(Text, 20, insert);
            var ex = Assert.Throws<InvalidInputException>(() => DataFileText.Decode(bytes, "x.csv", "price file"));
            Assert.That(ex!.Message, Does.Contain("x.csv").And.Contain("line 2").And.Contain("invalid UTF-8").And.Contain("offset 20"));
        }

        [Test]
        public void Decode_ValidMultibyteAndTabs_AreText()
        {
            var s = "Date,Zürich 🚀,€\tX\r\n2024-01-02,1,2\r\n";
            Assert.That(DataFileText.Decode(Encoding.UTF8.GetBytes(s), "x.csv", "price file"), Is.EqualTo(s));
        }
    }
}
