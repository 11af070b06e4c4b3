namespace NinjaTraderPortfolio.Core.Data.Json
{
    /// <summary>
    /// Text that is not valid JSON (<see cref="JsonTextParser"/>). The message reads
    /// "<c>source: invalid JSON at line L, column C: problem</c>"; the parts are also given separately so that a caller
    /// reading one JSON value per line (the broker journal) can name its own line.
    /// </summary>
    public sealed class JsonSyntaxException : InvalidInputException
    {
        /// <summary>Creates the error for <paramref name="problem"/> at 1-based <paramref name="line"/> and <paramref name="column"/>.</summary>
        public JsonSyntaxException(string source, int line, int column, string problem)
            : base($"{source}: invalid JSON at line {line}, column {column}: {problem}")
        {
            Line = line;
            Column = column;
            Problem = problem;
        }

        /// <summary>1-based line of the defect in the parsed text.</summary>
        public int Line { get; }
        /// <summary>1-based column of the defect within that line.</summary>
        public int Column { get; }
        /// <summary>What is wrong, e.g. "',' or '}' expected".</summary>
        public string Problem { get; }
    }
}
