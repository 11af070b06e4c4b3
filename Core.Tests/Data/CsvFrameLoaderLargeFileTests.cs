using System;
using System.Globalization;
using System.Text;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    /// <summary>
    /// Files above the parallel threshold (here 300 rows x 400 assets = 120,000 cells) read their value cells on two threads:
    /// the frame must equal the BCL's parse of every cell, and errors must be those of a sequential read (earliest line first).
    /// </summary>
    public class CsvFrameLoaderLargeFileTests
    {
        private const int Rows = 300, Assets = 400;

        private static string[][] Cells(int seed)
        {
            var rng = new Random(seed);
            var cells = new string[Rows][];
            for (int r = 0; r < Rows; r++)
            {
                cells[r] = new string[Assets];
                for (int j = 0; j < Assets; j++) cells[r][j] = ((rng.NextDouble() - 0.5) * 0.1).ToString("R", CultureInfo.InvariantCulture);
            }
            return cells;
        }

        private static string Text(string[][] cells, Func<int, string>? date = null)
        {
            var sb = new StringBuilder("Date");
            for (int j = 0; j < Assets; j++) sb.Append(",A").Append(j);
            sb.Append('\n');
            for (int r = 0; r < Rows; r++)
            {
                sb.Append(date != null ? date(r) : new DateTime(2000, 1, 1).AddDays(r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var c in cells[r]) sb.Append(',').Append(c);
                sb.Append('\n');
            }
            return sb.ToString();
        }

        [Test]
        public void Parse_LargeFile_EqualsTheBclParseOfEveryCell()
        {
            var cells = Cells(11);
            var f = CsvFrameLoader.Parse(Text(cells), "big.csv", FrameKind.SimpleReturns);
            Assert.That(f.Rows, Is.EqualTo(Rows));
            for (int r = 0; r < Rows; r++)
                for (int j = 0; j < Assets; j++)
                    Assert.That(f.Columns[j][r], Is.EqualTo(double.Parse(cells[r][j], NumberStyles.Float, CultureInfo.InvariantCulture)));
            Assert.That(f.Dates[Rows - 1], Is.EqualTo(new DateTime(2000, 1, 1).AddDays(Rows - 1)));
        }

        [Test]
        public void Parse_LargeFileWithTwoBadCells_ReportsTheEarlierLine()
        {
            var cells = Cells(12);
            cells[250][7] = "x250";
            cells[40][300] = "x40";
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Parse(Text(cells), "big.csv", FrameKind.SimpleReturns));
            Assert.That(ex!.Message, Does.Contain("line 42").And.Contain("'A300'").And.Contain("'x40'"));
        }

        [Test]
        public void Parse_LargeFileWithBadCellBeforeUnsortedDate_ReportsTheCell()
        {
            var cells = Cells(13);
            cells[100][3] = "NaN";
            string Date(int r) => new DateTime(2000, 1, 1).AddDays(r == 200 ? 0 : r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Parse(Text(cells, Date), "big.csv", FrameKind.SimpleReturns));
            Assert.That(ex!.Message, Does.Contain("line 102").And.Contain("'A3'"));
        }

        [Test]
        public void Parse_LargeFileWithUnsortedDateBeforeBadCell_ReportsTheDate()
        {
            var cells = Cells(14);
            cells[250][3] = "oops";
            string Date(int r) => new DateTime(2000, 1, 1).AddDays(r == 200 ? 0 : r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Parse(Text(cells, Date), "big.csv", FrameKind.SimpleReturns));
            Assert.That(ex!.Message, Does.Contain("line 202").And.Contain("not sorted"));
        }
    }
}
