using BenchmarkDotNet.Running;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Performance benchmarks (BenchmarkDotNet). Run all:
    /// <c>dotnet run -c Release --project Benchmarks -- --filter '*'</c>; one class: <c>--filter '*DynamicAllocationEngine*'</c>.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point: hands the command line to BenchmarkDotNet's switcher.</summary>
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
