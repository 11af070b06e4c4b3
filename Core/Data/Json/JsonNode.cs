using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Data.Json
{
    /// <summary>Kind of a <see cref="JsonNode"/>.</summary>
    public enum JsonKind
    {
        /// <summary>{ ... }</summary>
        Object,
        /// <summary>[ ... ]</summary>
        Array,
        /// <summary>"..."</summary>
        String,
        /// <summary>A number (kept as its text so decimals stay exact).</summary>
        Number,
        /// <summary>true or false.</summary>
        Boolean,
        /// <summary>null.</summary>
        Null,
    }

    /// <summary>
    /// A parsed JSON value with its path (<c>portfolios[1].instruments[0].pointValue</c>) and line for messages. Object members
    /// keep their file order. Numbers keep their text: <see cref="Text"/> parses exactly as decimal or double.
    /// </summary>
    public sealed class JsonNode
    {
        internal JsonNode(JsonKind kind, string path, int line, string? text = null, List<KeyValuePair<string, JsonNode>>? members = null, List<JsonNode>? items = null)
        {
            Kind = kind; Path = path; Line = line; Text = text;
            Members = members ?? new List<KeyValuePair<string, JsonNode>>();
            Items = items ?? new List<JsonNode>();
        }

        /// <summary>What the value is.</summary>
        public JsonKind Kind { get; }
        /// <summary>Where it is: <c>$</c> for the root, then <c>.name</c> and <c>[index]</c> steps.</summary>
        public string Path { get; }
        /// <summary>1-based line of the value's first character.</summary>
        public int Line { get; }
        /// <summary>String content, number text, "true"/"false"; null for objects, arrays and null.</summary>
        public string? Text { get; }
        /// <summary>Object members in file order (empty otherwise).</summary>
        public IReadOnlyList<KeyValuePair<string, JsonNode>> Members { get; }
        /// <summary>Array items (empty otherwise).</summary>
        public IReadOnlyList<JsonNode> Items { get; }

        /// <summary>The member named <paramref name="name"/>, or null.</summary>
        public JsonNode? Get(string name)
        {
            foreach (var m in Members) if (string.Equals(m.Key, name, StringComparison.Ordinal)) return m.Value;
            return null;
        }

        /// <summary>The value as it would appear in a message: strings quoted, containers abbreviated.</summary>
        public string Display()
        {
            switch (Kind)
            {
                case JsonKind.String: return "\"" + Text + "\"";
                case JsonKind.Object: return "{...}";
                case JsonKind.Array: return "[...]";
                case JsonKind.Null: return "null";
                default: return Text ?? "";
            }
        }
    }
}
