using System.Linq;
using NinjaTraderPortfolio.Core.Data.Json;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data.Json
{
    /// <summary>Core's strict JSON parser on RFC 8259 examples and malformed text.</summary>
    public sealed class JsonTextParserTests
    {
        // RFC 8259 section 13, first example (abridged): nested objects, arrays, numbers, booleans.
        [Test]
        public void RfcExample_ParsesWithPathsAndExactNumberText()
        {
            const string text = "{\n  \"Image\": {\n    \"Width\":  800,\n    \"Height\": 600,\n    \"Title\":  \"View from 15th Floor\",\n" +
                "    \"Thumbnail\": { \"Url\": \"http://www.example.com/image/481989943\", \"Height\": 125, \"Width\": 100 },\n" +
                "    \"Animated\" : false,\n    \"IDs\": [116, 943, 234, 38793]\n  }\n}";
            var root = JsonTextParser.Parse(text);
            var image = root.Get("Image")!;
            Assert.That(image.Get("Width")!.Text, Is.EqualTo("800"));
            Assert.That(image.Get("Title")!.Text, Is.EqualTo("View from 15th Floor"));
            Assert.That(image.Get("Animated")!.Kind, Is.EqualTo(JsonKind.Boolean));
            var ids = image.Get("IDs")!;
            Assert.That(ids.Items.Select(i => i.Text), Is.EqualTo(new[] { "116", "943", "234", "38793" }));
            Assert.That(ids.Items[3].Path, Is.EqualTo("$.Image.IDs[3]"));
            Assert.That(ids.Line, Is.EqualTo(8));
            Assert.That(image.Members.Select(m => m.Key), Is.EqualTo(new[] { "Width", "Height", "Title", "Thumbnail", "Animated", "IDs" }));
        }

        [Test]
        public void Escapes_AndNumbers_AreDecoded()
        {
            var root = JsonTextParser.Parse("[\"a\\\"b\\\\c\\/d\\n\\u00e9\", -0.5e-3, 0, 1E+2, null, true]");
            Assert.That(root.Items[0].Text, Is.EqualTo("a\"b\\c/d\n\u00e9"));
            Assert.That(root.Items[1].Text, Is.EqualTo("-0.5e-3"));
            Assert.That(root.Items[2].Text, Is.EqualTo("0"));
            Assert.That(root.Items[3].Text, Is.EqualTo("1E+2"));
            Assert.That(root.Items[4].Kind, Is.EqualTo(JsonKind.Null));
            Assert.That(root.Items[5].Text, Is.EqualTo("true"));
        }

        [TestCase("{\"a\": 1,}", "line 1", "member name")]
        [TestCase("[1, 2,]", "line 1", "unexpected character ']'")]
        [TestCase("{\"a\": 01}", "column 8", "leading zeros")]
        [TestCase("{\"a\": 1, \"a\": 2}", "line 1", "duplicate member \"a\"")]
        [TestCase("{\"a\": tru}", "line 1", "expected true")]
        [TestCase("{\"a\": 1} x", "line 1", "after the JSON value")]
        [TestCase("{\n\"a\": \"x\n\"}", "line 2", "control character")]
        [TestCase("// c\n{}", "line 1", "unexpected character '/'")]
        [TestCase("{\"a\": 1.}", "line 1", "after the decimal point")]
        [TestCase("{\"a\": \"\\q\"}", "line 1", "unknown escape")]
        [TestCase("", "line 1", "unexpected end")]
        [TestCase("{\"a\": [1, 2}", "line 1", "',' or ']' expected")]
        public void MalformedText_IsRejected_NamingLineAndProblem(string text, string where, string what)
        {
            var ex = Assert.Throws<JsonSyntaxException>(() => JsonTextParser.Parse(text, "cfg.json"));
            Assert.That(ex!.Message, Does.StartWith("cfg.json: invalid JSON at ").And.Contain(where).And.Contain(what));
            Assert.That(ex, Is.InstanceOf<InvalidInputException>(), "the CLI maps it to exit code 2 like any bad input");
            Assert.That(ex.Message, Does.Contain($"line {ex.Line}, column {ex.Column}: {ex.Problem}"));
        }

        // Numbers as the broker journal and other writers produce them: the text is kept, so decimals parse exactly
        // (System.Decimal's own parser is the reference), including exponents, negative zero and 28-29 digit values.
        [TestCase("-0", "0")]
        [TestCase("-0.0", "0.0")]
        [TestCase("-0e0", "0")]
        [TestCase("1E+2", "100")]
        [TestCase("4.32125e3", "4321.25")]
        [TestCase("79228162514264337593543950335", "79228162514264337593543950335")]
        [TestCase("-79228162514264337593543950335", "-79228162514264337593543950335")]
        [TestCase("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
        [TestCase("12345678901234567.890123456789", "12345678901234567.890123456789")]
        [TestCase("4321.2500", "4321.2500")]
        public void Numbers_KeepTheirText_AndParseToTheExactDecimal(string text, string expected)
        {
            var node = JsonTextParser.Parse("{\"v\":" + text + "}").Get("v")!;
            Assert.That(node.Kind, Is.EqualTo(JsonKind.Number));
            Assert.That(node.Text, Is.EqualTo(text));
            decimal value = decimal.Parse(node.Text!, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            decimal reference = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(value, Is.EqualTo(reference));
            Assert.That(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(reference.ToString(System.Globalization.CultureInfo.InvariantCulture)), "same scale");
        }

        [Test]
        public void NegativeZero_AsDouble_KeepsItsSign()
        {
            string text = JsonTextParser.Parse("[-0.0]").Items[0].Text!;
            double d = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(d, Is.EqualTo(0.0));
            Assert.That(double.IsNegative(d), Is.True);
        }

        // The writer's strings read back through the parser unchanged, and System.Text.Json reads the same text.
        [Test]
        public void Writer_Strings_RoundTripThroughTheParser_OnSeededRandomText()
        {
            var rng = new System.Random(8259);
            for (int n = 0; n < 300; n++)
            {
                var sb = new System.Text.StringBuilder();
                int len = rng.Next(0, 16);
                for (int i = 0; i < len; i++)
                    sb.Append(rng.Next(3) == 0 ? (char)rng.Next(0, 0x20) : rng.Next(2) == 0 ? "\"\\/"[rng.Next(3)] : (char)rng.Next(0x20, 0xD800));
                string s = sb.ToString();
                decimal m = new decimal(rng.Next(), rng.Next(), rng.Next(), rng.Next(2) == 0, (byte)rng.Next(0, 29));
                string json = new JsonTextWriter().String("s", s).Number("m", m).Number("i", rng.Next(int.MinValue, int.MaxValue)).ToString();
                var root = JsonTextParser.Parse(json);
                Assert.That(root.Get("s")!.Text, Is.EqualTo(s), json);
                Assert.That(root.Get("m")!.Text, Is.EqualTo(m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("s").GetString(), Is.EqualTo(s));
            }
        }

        [Test]
        public void Writer_EscapesOnlyQuoteBackslashAndControlCharacters()
        {
            string json = new JsonTextWriter().String("a\"b", "x\\y/\u0001\t\u00e9").Number("n", 3).Number("d", -0.50m).ToString();
            Assert.That(json, Is.EqualTo("{\"a\\\"b\":\"x\\\\y/\\u0001\\u0009\u00e9\",\"n\":3,\"d\":-0.50}"));
            Assert.That(new JsonTextWriter().ToString(), Is.EqualTo("{}"));
        }

        [Test]
        public void DeepNesting_IsRejected()
        {
            string text = new string('[', 100) + new string(']', 100);
            var ex = Assert.Throws<JsonSyntaxException>(() => JsonTextParser.Parse(text));
            Assert.That(ex!.Message, Does.Contain("nesting deeper than 64"));
        }
    }
}
