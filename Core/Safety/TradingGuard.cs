using System;
using System.Globalization;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// Pre-trade checks shared by the CLI, the AddOn and the strategy. Order of checks: kill switch, malformed order, live
    /// account without opt-in, stale price, per-order quantity and notional, participation, daily quantity and notional
    /// (account-wide, then of the order's instrument), risk limit; the first that fails is reported (<see cref="GuardDecision.RefusedBy"/>). Daily usage counts what
    /// <see cref="TryCommit"/> allowed (plus <see cref="RecordUsage(long, decimal)"/> seeding after a restart) per UTC day of the
    /// clock, in a <see cref="DailyUsage"/> (the guard's own, or one shared by several guards).
    /// Thread-safe.
    /// </summary>
    public sealed class TradingGuard
    {
        private readonly object _gate;
        private readonly TradingLimits _limits;
        private readonly IClock _clock;
        private readonly KillSwitch? _killSwitch;
        private readonly IRiskLimitCheck? _risk;
        private readonly DailyUsage _usage;

        /// <summary>
        /// Creates the guard over <paramref name="limits"/> (valid by construction: each was checked where the user entered
        /// it). <paramref name="usage"/>: the day's tallies to judge and count against, shared with other guards (its clock
        /// sets the day boundary); null = the guard's own, on <paramref name="clock"/>.
        /// </summary>
        public TradingGuard(TradingLimits limits, IClock clock, KillSwitch? killSwitch = null, IRiskLimitCheck? riskLimit = null, DailyUsage? usage = null)
        {
            _limits = Guard.NotNull(limits, nameof(limits));
            _clock = Guard.NotNull(clock, nameof(clock));
            _killSwitch = killSwitch;
            _risk = riskLimit;
            _usage = usage ?? new DailyUsage(clock);
            _gate = _usage.Gate;
        }

        /// <summary>The day's tallies this guard counts into (account-wide and per instrument).</summary>
        public DailyUsage Usage => _usage;

        /// <summary>The limits in force.</summary>
        public TradingLimits Limits => _limits;

        /// <summary>Quantity allowed so far today (UTC), whole units.</summary>
        public long DailyQuantityUsed => _usage.QuantityToday;

        /// <summary>Notional allowed so far today (UTC), currency.</summary>
        public decimal DailyNotionalUsed => _usage.NotionalToday;

        /// <summary>Judges <paramref name="intent"/> without counting it.</summary>
        public GuardDecision Check(OrderIntent intent)
        {
            lock (_gate) return Evaluate(intent, Guard.NotNull(intent, nameof(intent)).Quantity, intent.Notional);
        }

        /// <summary>Judges <paramref name="intent"/> and, when allowed, counts it towards today's usage (atomically).</summary>
        public GuardDecision TryCommit(OrderIntent intent)
        {
            Guard.NotNull(intent, nameof(intent));
            lock (_gate)
            {
                var d = Evaluate(intent, intent.Quantity, intent.Notional);
                if (d.IsAllowed) _usage.Add(intent.Instrument, Math.Abs(intent.Quantity), intent.Notional);
                return d;
            }
        }

        /// <summary>Counts usage that happened before this guard existed (e.g. orders sent today before a restart), account-wide only.</summary>
        public void RecordUsage(long quantity, decimal notional) => Record(null, quantity, notional);

        /// <summary>As <see cref="RecordUsage(long, decimal)"/>, also counted towards <paramref name="instrument"/>'s own daily caps.</summary>
        public void RecordUsage(string instrument, long quantity, decimal notional) => Record(Guard.NotBlank(instrument, nameof(instrument)), quantity, notional);

        private void Record(string? instrument, long quantity, decimal notional)
        {
            if (quantity < 0 || notional < 0) throw new ArgumentOutOfRangeException(nameof(quantity), $"usage must be >= 0, got quantity {quantity}, notional {notional}");
            lock (_gate)
            {
                _usage.Roll();
                _usage.Add(instrument, quantity, notional);
            }
        }

        private GuardDecision Evaluate(OrderIntent o, long quantity, decimal notional)
        {
            var inv = CultureInfo.InvariantCulture;
            _usage.Roll();
            if (_killSwitch != null && _killSwitch.IsTripped)
                return GuardDecision.Refuse(GuardKind.KillSwitch, $"kill switch tripped ({_killSwitch.Reason}); no order for '{o.Instrument}' is sent");
            if (o.Instrument.Trim().Length == 0) return GuardDecision.Refuse(GuardKind.InvalidOrder, "order has no instrument");
            if (quantity <= 0) return GuardDecision.Refuse(GuardKind.InvalidOrder, $"quantity of '{o.Instrument}' must be > 0, got {quantity}");
            if (o.Price <= 0) return GuardDecision.Refuse(GuardKind.InvalidOrder, $"price of '{o.Instrument}' must be > 0, got {o.Price.ToString(inv)}");
            if (o.PointValue <= 0) return GuardDecision.Refuse(GuardKind.InvalidOrder, $"point value of '{o.Instrument}' must be > 0, got {o.PointValue.ToString(inv)}");
            if (!_limits.AllowLiveAccounts && !AccountClassifier.IsSimulation(o.Account))
                return GuardDecision.Refuse(GuardKind.LiveAccount,
                    $"account '{o.Account}' is not a simulation account (Sim..., Playback..., Backtest); live trading needs the explicit opt-in");
            if (_limits.MaxPriceAge.HasValue)
            {
                TimeSpan age = _clock.UtcNow - o.PriceTimeUtc;
                if (age > _limits.MaxPriceAge.Value || age < -_limits.MaxPriceAge.Value)
                    return GuardDecision.Refuse(GuardKind.StalePrice,
                        $"price of '{o.Instrument}' is from {o.PriceTimeUtc.ToString("O", inv)}, {age.TotalSeconds.ToString("0.###", inv)} s from now; the maximum age is {_limits.MaxPriceAge.Value.TotalSeconds.ToString("0.###", inv)} s");
            }
            if (quantity > _limits.MaxOrderQuantity)
                return GuardDecision.Refuse(GuardKind.OrderQuantity, $"order of {quantity} '{o.Instrument}' exceeds the maximum order quantity {_limits.MaxOrderQuantity}");
            if (notional > _limits.MaxOrderNotional)
                return GuardDecision.Refuse(GuardKind.OrderNotional, $"order notional {notional.ToString(inv)} of '{o.Instrument}' exceeds the maximum order notional {_limits.MaxOrderNotional.Value.ToString(inv)}");
            if (_limits.MaxParticipation.HasValue)
            {
                if (!(o.MarketVolume > 0))
                    return GuardDecision.Refuse(GuardKind.Participation, $"no market volume known for '{o.Instrument}' to check the maximum participation {Guard.Format(_limits.MaxParticipation.Value)}");
                double rate = quantity / o.MarketVolume!.Value;
                if (rate > _limits.MaxParticipation.Value)
                    return GuardDecision.Refuse(GuardKind.Participation,
                        $"order of {quantity} '{o.Instrument}' is {Guard.Format(rate)} of market volume {Guard.Format(o.MarketVolume.Value)}; the maximum participation is {Guard.Format(_limits.MaxParticipation.Value)}");
            }
            if (_usage.Quantity + quantity > _limits.MaxDailyQuantity)
                return GuardDecision.Refuse(GuardKind.DailyQuantity, $"order of {quantity} '{o.Instrument}' would bring today's quantity to {_usage.Quantity + quantity}, above the maximum daily quantity {_limits.MaxDailyQuantity}");
            if (_usage.Notional + notional > _limits.MaxDailyNotional)
                return GuardDecision.Refuse(GuardKind.DailyNotional, $"order of '{o.Instrument}' would bring today's notional to {(_usage.Notional + notional).ToString(inv)}, above the maximum daily notional {_limits.MaxDailyNotional.Value.ToString(inv)}");
            var mine = _usage.Of(o.Instrument);
            if (mine.Quantity + quantity > _limits.MaxDailyQuantityPerInstrument)
                return GuardDecision.Refuse(GuardKind.DailyQuantity,
                    $"order of {quantity} '{o.Instrument}' would bring today's quantity of '{o.Instrument}' to {mine.Quantity + quantity}, above the maximum daily quantity per instrument {_limits.MaxDailyQuantityPerInstrument}");
            if (mine.Notional + notional > _limits.MaxDailyNotionalPerInstrument)
                return GuardDecision.Refuse(GuardKind.DailyNotional,
                    $"order of '{o.Instrument}' would bring today's notional of '{o.Instrument}' to {(mine.Notional + notional).ToString(inv)}, above the maximum daily notional per instrument {_limits.MaxDailyNotionalPerInstrument.Value.ToString(inv)}");
            string? breach = _risk?.Breach(o);
            if (breach != null) return GuardDecision.Refuse(GuardKind.RiskLimit, breach);
            return GuardDecision.Allowed;
        }
    }
}
