using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core
{
    /// <summary>
    /// The one place for argument checks. Every failure names the argument, the value and what is allowed,
    /// and NaN is always rejected where a finite number is required.
    /// </summary>
    public static class Guard
    {
        /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
        public static T NotNull<T>(T? value, string name) where T : class
            => value ?? throw new ArgumentNullException(name, $"{name} must not be null");

        /// <summary>Requires a finite number (not NaN, not infinite).</summary>
        public static double Finite(double value, string name)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, got {Format(value)}");
            return value;
        }

        /// <summary>Requires a finite number strictly greater than zero.</summary>
        public static double Positive(double value, string name)
        {
            Finite(value, name);
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0, got {Format(value)}");
            return value;
        }

        /// <summary>Requires a finite number greater than or equal to zero.</summary>
        public static double NonNegative(double value, string name)
        {
            Finite(value, name);
            if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0, got {Format(value)}");
            return value;
        }

        /// <summary>Requires an integer strictly greater than zero.</summary>
        public static int Positive(int value, string name)
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0, got {value}");
            return value;
        }

        /// <summary>Requires an integer greater than or equal to zero.</summary>
        public static int NonNegative(int value, string name)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0, got {value}");
            return value;
        }

        /// <summary>Requires a decimal strictly greater than zero (money, quantities).</summary>
        public static decimal Positive(decimal value, string name)
        {
            if (value <= 0m) throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0, got {value.ToString(CultureInfo.InvariantCulture)}");
            return value;
        }

        /// <summary>Requires a decimal greater than or equal to zero.</summary>
        public static decimal NonNegative(decimal value, string name)
        {
            if (value < 0m) throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0, got {value.ToString(CultureInfo.InvariantCulture)}");
            return value;
        }

        /// <summary>Requires a finite number in the closed interval [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static double InRange(double value, double min, double max, string name)
        {
            Finite(value, name);
            if (value < min || value > max)
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{Format(min)}, {Format(max)}], got {Format(value)}");
            return value;
        }

        /// <summary>Requires a finite number in the open interval (<paramref name="min"/>, <paramref name="max"/>).</summary>
        public static double InOpenRange(double value, double min, double max, string name)
        {
            Finite(value, name);
            if (value <= min || value >= max)
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be in ({Format(min)}, {Format(max)}), got {Format(value)}");
            return value;
        }

        /// <summary>Requires an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static int InRange(int value, int min, int max, string name)
        {
            if (value < min || value > max)
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}], got {value}");
            return value;
        }

        /// <summary>Requires every element finite; the message names the first bad index.</summary>
        public static double[] AllFinite(double[] values, string name)
        {
            NotNull(values, name);
            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i]) || double.IsInfinity(values[i]))
                    throw new ArgumentException($"{name}[{i}] must be a finite number, got {Format(values[i])}", name);
            }
            return values;
        }

        /// <summary>Requires a collection with exactly <paramref name="expected"/> elements.</summary>
        public static void Length<T>(IReadOnlyCollection<T> values, int expected, string name)
        {
            NotNull(values, name);
            if (values.Count != expected)
                throw new ArgumentException($"{name} must have {expected} elements, got {values.Count}", name);
        }

        /// <summary>Requires a non-empty collection.</summary>
        public static void NotEmpty<T>(IReadOnlyCollection<T> values, string name)
        {
            NotNull(values, name);
            if (values.Count == 0) throw new ArgumentException($"{name} must not be empty", name);
        }

        /// <summary>Requires a square matrix of size <paramref name="n"/> with finite entries.</summary>
        public static double[,] SquareFinite(double[,] matrix, int n, string name)
        {
            NotNull(matrix, name);
            if (matrix.GetLength(0) != n || matrix.GetLength(1) != n)
                throw new ArgumentException($"{name} must be {n}x{n}, got {matrix.GetLength(0)}x{matrix.GetLength(1)}", name);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (double.IsNaN(matrix[i, j]) || double.IsInfinity(matrix[i, j]))
                        throw new ArgumentException($"{name}[{i},{j}] must be a finite number, got {Format(matrix[i, j])}", name);
            return matrix;
        }

        /// <summary>Requires a non-empty, non-whitespace string.</summary>
        public static string NotBlank(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} must not be empty", name);
            return value!;
        }

        /// <summary>Formats a number for messages with the invariant culture ("0.1", "NaN").</summary>
        public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
    }
}
