using System;

namespace NinjaTraderPortfolio.Core.Persistence
{
    /// <summary>
    /// A unit of work on a <see cref="IPortfolioStore"/>: writes made through it become visible and durable together at
    /// <see cref="Commit"/>; disposing it without committing (an exception, a crash) discards them all. Use it from one
    /// thread; while it is open, other writers wait for it (the store's busy timeout).
    /// </summary>
    public interface IPortfolioTransaction : IPortfolioWriter, IDisposable
    {
        /// <summary>Makes every write of this transaction durable. The transaction cannot be used afterwards.</summary>
        void Commit();

        /// <summary>Discards every write of this transaction (also what Dispose does when not committed).</summary>
        void Rollback();
    }
}
