using System;

namespace NinjaTraderPortfolio.Packaging
{
    /// <summary>The package cannot be made or deployed; the message names the file, folder or option.</summary>
    public sealed class PackagingException : Exception
    {
        /// <summary>Creates the exception with its message.</summary>
        public PackagingException(string message) : base(message) { }
    }
}
