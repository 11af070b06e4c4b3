using System.Linq;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Portfolio.Config
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
            var ex = Assert.Throws<InvalidInputException>(() => JsonTextParser.Parse(text, "cfg.json"));
            Assert.That(ex!.Message, Does.StartWith("cfg.json: invalid JSON at ").And.Contain(where).And.Contain(what));
        }

        [Test]
        public void DeepNesting_IsRejected()
        {
            string text = new string('[', 100) + new string(']', 100);
            var ex = Assert.Throws<InvalidInputException>(() => JsonTextParser.Parse(text));
            Assert.That(ex!.Message, Does.Contain("nesting deeper than 64"));
        }
    }
}
