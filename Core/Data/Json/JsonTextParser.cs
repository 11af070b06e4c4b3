using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NinjaTraderPortfolio.Core.Data.Json
{
    /// <summary>
    /// Core's one strict JSON (RFC 8259) reader, for configuration files and the simulated broker's journal, so that Core
    /// reads JSON inside NinjaTrader (.NET Framework 4.8) without System.Text.Json. Rejects trailing commas, comments,
    /// duplicate keys, leading zeros, bare words and text after the value; errors (<see cref="JsonSyntaxException"/>) name
    /// the line and column. Numbers keep their text, so decimals parse exactly. Nesting depth is capped at 64.
    /// <see cref="JsonTextWriter"/> is the matching writer.
    /// </summary>
    public static class JsonTextParser
    {
        private const int MaxDepth = 64;

        /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> (file name) prefixes error messages.</summary>
        public static JsonNode Parse(string text, string source = "json")
        {
            Guard.NotNull(text, nameof(text));
            var p = new Reader(text, source);
            p.SkipSpace();
            var root = p.Value("$", 0);
            p.SkipSpace();
            if (!p.End) throw p.Error("unexpected text after the JSON value");
            return root;
        }

        private sealed class Reader
        {
            private readonly string _s;
            private readonly string _source;
            private int _i, _line = 1, _lineStart;

            public Reader(string s, string source)
            {
                _s = s;
                _source = source;
                if (_s.Length > 0 && _s[0] == '\uFEFF') _i = 1;
            }

            public bool End => _i >= _s.Length;

            public JsonSyntaxException Error(string what) => new JsonSyntaxException(_source, _line, _i - _lineStart + 1, what);

            public void SkipSpace()
            {
                while (_i < _s.Length)
                {
                    char c = _s[_i];
                    if (c == '\n') { _i++; _line++; _lineStart = _i; }
                    else if (c == ' ' || c == '\t' || c == '\r') _i++;
                    else break;
                }
            }

            public JsonNode Value(string path, int depth)
            {
                if (depth > MaxDepth) throw Error($"nesting deeper than {MaxDepth}");
                if (End) throw Error("unexpected end of text, a value was expected");
                char c = _s[_i];
                int line = _line;
                switch (c)
                {
                    case '{': return Object(path, depth);
                    case '[': return Array(path, depth);
                    case '"': return new JsonNode(JsonKind.String, path, line, String());
                    case 't': Word("true"); return new JsonNode(JsonKind.Boolean, path, line, "true");
                    case 'f': Word("false"); return new JsonNode(JsonKind.Boolean, path, line, "false");
                    case 'n': Word("null"); return new JsonNode(JsonKind.Null, path, line);
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return new JsonNode(JsonKind.Number, path, line, Number());
                        throw Error($"unexpected character '{c}'");
                }
            }

            private JsonNode Object(string path, int depth)
            {
                int line = _line;
                _i++;
                var members = new List<KeyValuePair<string, JsonNode>>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                SkipSpace();
                if (!End && _s[_i] == '}') { _i++; return new JsonNode(JsonKind.Object, path, line, members: members); }
                while (true)
                {
                    SkipSpace();
                    if (End || _s[_i] != '"') throw Error("a member name in double quotes was expected");
                    string key = String();
                    if (!seen.Add(key)) throw Error($"duplicate member \"{key}\"");
                    SkipSpace();
                    if (End || _s[_i] != ':') throw Error($"':' expected after member name \"{key}\"");
                    _i++;
                    SkipSpace();
                    members.Add(new KeyValuePair<string, JsonNode>(key, Value(path + "." + key, depth + 1)));
                    SkipSpace();
                    if (End) throw Error("unexpected end of text inside an object");
                    if (_s[_i] == ',') { _i++; continue; }
                    if (_s[_i] == '}') { _i++; return new JsonNode(JsonKind.Object, path, line, members: members); }
                    throw Error("',' or '}' expected");
                }
            }

            private JsonNode Array(string path, int depth)
            {
                int line = _line;
                _i++;
                var items = new List<JsonNode>();
                SkipSpace();
                if (!End && _s[_i] == ']') { _i++; return new JsonNode(JsonKind.Array, path, line, items: items); }
                while (true)
                {
                    SkipSpace();
                    items.Add(Value(path + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]", depth + 1));
                    SkipSpace();
                    if (End) throw Error("unexpected end of text inside an array");
                    if (_s[_i] == ',') { _i++; continue; }
                    if (_s[_i] == ']') { _i++; return new JsonNode(JsonKind.Array, path, line, items: items); }
                    throw Error("',' or ']' expected");
                }
            }

            private void Word(string w)
            {
                if (string.CompareOrdinal(_s, _i, w, 0, w.Length) != 0) throw Error($"unexpected word (expected {w})");
                _i += w.Length;
            }

            // number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT )
            private string Number()
            {
                int start = _i;
                if (_s[_i] == '-') _i++;
                if (End || !Digit(_s[_i])) throw Error("digit expected in number");
                if (_s[_i] == '0') { _i++; if (!End && Digit(_s[_i])) throw Error("leading zeros are not allowed in numbers"); }
                else while (!End && Digit(_s[_i])) _i++;
                if (!End && _s[_i] == '.')
                {
                    _i++;
                    if (End || !Digit(_s[_i])) throw Error("digit expected after the decimal point");
                    while (!End && Digit(_s[_i])) _i++;
                }
                if (!End && (_s[_i] == 'e' || _s[_i] == 'E'))
                {
                    _i++;
                    if (!End && (_s[_i] == '+' || _s[_i] == '-')) _i++;
                    if (End || !Digit(_s[_i])) throw Error("digit expected in the exponent");
                    while (!End && Digit(_s[_i])) _i++;
                }
                return _s.Substring(start, _i - start);
            }

            private static bool Digit(char c) => c >= '0' && c <= '9';

            private string String()
            {
                _i++;
                var sb = new StringBuilder();
                while (true)
                {
                    if (End) throw Error("unterminated string");
                    char c = _s[_i++];
                    if (c == '"') return sb.ToString();
                    if (c < 0x20) throw Error("control character inside a string (escape it)");
                    if (c != '\\') { sb.Append(c); continue; }
                    if (End) throw Error("unterminated escape");
                    char e = _s[_i++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (_i + 4 > _s.Length || !int.TryParse(_s.Substring(_i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                                throw Error("\\u needs four hex digits");
                            sb.Append((char)code);
                            _i += 4;
                            break;
                        default: throw Error($"unknown escape '\\{e}'");
                    }
                }
            }
        }
    }
}
