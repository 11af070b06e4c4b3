using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Execution;

namespace NinjaTraderPortfolio.Simulation
{
    /// <summary>
    /// Writes and strictly parses one flat JSON object per line (string and number values only), enough for the broker
    /// journal without a JSON dependency in the netstandard2.0 Core. Numbers are kept as their invariant text.
    /// </summary>
    internal static class FlatJson
    {
        public static string Write(IEnumerable<KeyValuePair<string, string>> strings, IEnumerable<KeyValuePair<string, string>> numbers)
        {
            var sb = new StringBuilder("{");
            bool first = true;
            foreach (var kv in strings)
            {
                if (!first) sb.Append(',');
                first = false;
                AppendString(sb, kv.Key).Append(':');
                AppendString(sb, kv.Value);
            }
            foreach (var kv in numbers)
            {
                if (!first) sb.Append(',');
                first = false;
                AppendString(sb, kv.Key).Append(':').Append(kv.Value);
            }
            return sb.Append('}').ToString();
        }

        /// <summary>Parses <paramref name="line"/>; throws <see cref="FormatException"/> describing the first defect.</summary>
        public static Dictionary<string, string> Parse(string line)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            int i = 0;
            SkipWs(line, ref i);
            Expect(line, ref i, '{');
            SkipWs(line, ref i);
            if (Peek(line, i) == '}') { i++; }
            else
            {
                while (true)
                {
                    SkipWs(line, ref i);
                    string key = ReadString(line, ref i);
                    SkipWs(line, ref i);
                    Expect(line, ref i, ':');
                    SkipWs(line, ref i);
                    string value = Peek(line, i) == '"' ? ReadString(line, ref i) : ReadNumber(line, ref i);
                    if (map.ContainsKey(key)) throw new FormatException($"key \"{key}\" appears twice");
                    map[key] = value;
                    SkipWs(line, ref i);
                    char c = Peek(line, i);
                    if (c == ',') { i++; continue; }
                    if (c == '}') { i++; break; }
                    throw new FormatException($"expected ',' or '}}' at column {i + 1}");
                }
            }
            SkipWs(line, ref i);
            if (i != line.Length) throw new FormatException($"unexpected text after the object at column {i + 1}");
            return map;
        }

        private static StringBuilder AppendString(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"');
        }

        private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

        private static void SkipWs(string s, ref int i) { while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) i++; }

        private static void Expect(string s, ref int i, char c)
        {
            if (Peek(s, i) != c) throw new FormatException($"expected '{c}' at column {i + 1}");
            i++;
        }

        private static string ReadString(string s, ref int i)
        {
            Expect(s, ref i, '"');
            var sb = new StringBuilder();
            while (true)
            {
                if (i >= s.Length) throw new FormatException("unterminated string");
                char c = s[i++];
                if (c == '"') return sb.ToString();
                if (c < 0x20) throw new FormatException($"control character in a string at column {i}");
                if (c != '\\') { sb.Append(c); continue; }
                char e = Peek(s, i++);
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        if (i + 4 > s.Length || !int.TryParse(s.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                            throw new FormatException($"bad \\u escape at column {i}");
                        sb.Append((char)code);
                        i += 4;
                        break;
                    default: throw new FormatException($"bad escape at column {i}");
                }
            }
        }

        private static string ReadNumber(string s, ref int i)
        {
            int start = i;
            if (Peek(s, i) == '-') i++;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.' || s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-')) i++;
            string text = s.Substring(start, i - start);
            if (text.Length == 0 || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw new FormatException($"expected a string or number at column {start + 1}");
            return text;
        }
    }
}
