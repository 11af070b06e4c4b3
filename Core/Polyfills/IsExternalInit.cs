#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Marker the C# compiler needs for <c>init</c> accessors and positional records; .NET 5+ has it, net48 and
    /// netstandard2.0 do not. Internal, so it never clashes with another assembly's copy.
    /// </summary>
    internal static class IsExternalInit
    {
    }
}
#endif
