using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// JSON result of <c>execute</c>: <c>{"executionId":..., "resumed":bool, "parents":[{"id","instrument","side","quantity",
    /// "filled","status","childOrders","averagePrice"}]}</c>; averagePrice is quantity-weighted over children (currency per unit).
    /// </summary>
    internal static class ExecuteOutput
    {
        public static void Write(TextWriter stdout, string executionId, IReadOnlyList<ScheduleExecutor> executors, bool resumed)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("executionId", executionId);
                w.WriteBoolean("resumed", resumed);
                w.WriteStartArray("parents");
                foreach (var e in executors)
                {
                    var children = e.Children;
                    long filled = children.Sum(c => (long)c.Filled);
                    double notional = children.Where(c => c.Filled > 0).Sum(c => c.Filled * c.AverageFillPrice);
                    w.WriteStartObject();
                    w.WriteString("id", e.Parent.Id);
                    w.WriteString("instrument", e.Parent.Instrument);
                    w.WriteString("side", e.Parent.Side.ToString());
                    w.WriteNumber("quantity", e.Parent.Quantity);
                    w.WriteNumber("filled", e.Filled);
                    w.WriteString("status", e.Status.ToString());
                    w.WriteNumber("childOrders", children.Count);
                    if (filled > 0) w.WriteNumber("averagePrice", notional / filled);
                    else w.WriteNull("averagePrice");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            stdout.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
        }
    }
}
