namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Walks the lines of a text without allocating: each call yields [Start, End) of the next line with the
    /// line terminator (LF or CRLF) removed, and its 1-based line number.
    /// </summary>
    internal struct TextLines
    {
        private readonly string _text;
        private int _pos;

        public TextLines(string text)
        {
            _text = text;
            _pos = 0;
            LineNumber = 0;
            Start = End = 0;
        }

        /// <summary>1-based number of the current line.</summary>
        public int LineNumber { get; private set; }

        /// <summary>Start index of the current line.</summary>
        public int Start { get; private set; }

        /// <summary>End index (exclusive) of the current line, terminator removed.</summary>
        public int End { get; private set; }

        /// <summary>Moves to the next line; false at the end of the text.</summary>
        public bool Next()
        {
            if (_pos >= _text.Length) return false;
            int nl = _text.IndexOf('\n', _pos);
            int end = nl < 0 ? _text.Length : nl;
            Start = _pos;
            End = end > Start && _text[end - 1] == '\r' ? end - 1 : end;
            _pos = nl < 0 ? _text.Length : nl + 1;
            LineNumber++;
            return true;
        }

        /// <summary>True when the current line holds only whitespace.</summary>
        public bool IsBlank
        {
            get
            {
                for (int i = Start; i < End; i++) if (!char.IsWhiteSpace(_text[i])) return false;
                return true;
            }
        }

        /// <summary>Number of lines left after the current one (upper bound on data rows; exact when none is blank).</summary>
        public int CountRemaining()
        {
            int n = 0, i = _pos;
            while ((i = _text.IndexOf('\n', i)) >= 0) { n++; i++; }
            return _pos < _text.Length && _text[_text.Length - 1] != '\n' ? n + 1 : n;
        }

        /// <summary>Trims spaces, tabs and one pair of surrounding double quotes from s[start, end).</summary>
        public static void Trim(string s, ref int start, ref int end)
        {
            while (start < end && (s[start] == ' ' || s[start] == '\t')) start++;
            while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t')) end--;
            if (end - start >= 2 && s[start] == '"' && s[end - 1] == '"')
            {
                start++; end--;
                while (start < end && s[start] == ' ') start++;
                while (end > start && s[end - 1] == ' ') end--;
            }
        }

        /// <summary>Short display form of a cell for messages (at most 40 characters).</summary>
        public static string Show(string s, int start, int end)
            => end - start <= 40 ? s.Substring(start, end - start) : s.Substring(start, 37) + "...";
    }
}
