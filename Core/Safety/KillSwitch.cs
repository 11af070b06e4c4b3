using System;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// Stops trading: once tripped, <see cref="TradingGuard"/> refuses every order (<see cref="GuardKind.KillSwitch"/>) and
    /// the <see cref="Tripped"/> handlers run once, which is where executors cancel their working orders
    /// (<c>ScheduleExecutor.CancelAll</c>) and loops stop. It stays tripped until <see cref="Reset"/>.
    /// </summary>
    public sealed class KillSwitch
    {
        private readonly object _gate = new object();
        private string? _reason;

        /// <summary>Raised once per trip, with the reason, on the tripping thread.</summary>
        public event EventHandler<string>? Tripped;

        /// <summary>True once tripped.</summary>
        public bool IsTripped { get { lock (_gate) return _reason != null; } }

        /// <summary>Why it was tripped (null when not).</summary>
        public string? Reason { get { lock (_gate) return _reason; } }

        /// <summary>Trips the switch; later calls while tripped do nothing. Returns true for the call that tripped it.</summary>
        public bool Trip(string reason)
        {
            Guard.NotBlank(reason, nameof(reason));
            lock (_gate)
            {
                if (_reason != null) return false;
                _reason = reason;
            }
            Tripped?.Invoke(this, reason);
            return true;
        }

        /// <summary>Re-arms trading after an operator has checked the account.</summary>
        public void Reset() { lock (_gate) _reason = null; }
    }
}
