using System;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Persistence.Records;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>
    /// Column encodings: decimals as invariant-culture TEXT (exact, scale kept: "1.50" stays "1.50"), instants as
    /// ISO-8601 UTC TEXT with 7 fractional digits (exact to the tick, sorts as time), dates as "yyyy-MM-dd", doubles as
    /// REAL (IEEE-754, exact) with NaN as NULL (SQLite cannot store NaN), enums by name.
    /// </summary>
    internal static class SqliteValues
    {
        private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        private const string DateFormat = "yyyy-MM-dd";

        public static string Instant(DateTime utc, string name)
            => StoreTime.RequireUtc(utc, name).ToString(InstantFormat, CultureInfo.InvariantCulture);

        public static string Date(DateTime date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

        public static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        public static object Real(double value) => double.IsNaN(value) ? (object)DBNull.Value : value;

        public static DateTime ReadInstant(SqliteDataReader r, int i)
        {
            string s = r.GetString(i);
            if (!DateTime.TryParseExact(s, InstantFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                throw Corrupt(r, i, s, "an ISO-8601 UTC time");
            return DateTime.SpecifyKind(t, DateTimeKind.Utc);
        }

        public static DateTime ReadDate(SqliteDataReader r, int i)
        {
            string s = r.GetString(i);
            if (!DateTime.TryParseExact(s, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw Corrupt(r, i, s, "a date yyyy-MM-dd");
            return DateTime.SpecifyKind(d, DateTimeKind.Unspecified);
        }

        public static decimal ReadMoney(SqliteDataReader r, int i)
        {
            string s = r.GetString(i);
            if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
                throw Corrupt(r, i, s, "a decimal number");
            return d;
        }

        public static double ReadReal(SqliteDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);

        public static string? ReadText(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

        public static T ReadEnum<T>(SqliteDataReader r, int i) where T : struct
        {
            string s = r.GetString(i);
            if (!Enum.TryParse(s, false, out T value) || !Enum.IsDefined(typeof(T), value) || !IsName(s))
                throw Corrupt(r, i, s, "a " + typeof(T).Name + " name");
            return value;
        }

        private static bool IsName(string s) => s.Length > 0 && char.IsLetter(s[0]);

        private static InvalidInputException Corrupt(SqliteDataReader r, int i, string value, string expected)
            => new InvalidInputException($"column '{r.GetName(i)}' holds '{value}', expected {expected}; the database was changed outside this program");
    }
}
