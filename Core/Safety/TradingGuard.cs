using System;
using System.Globalization;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// Pre-trade checks shared by the CLI, the AddOn and the strategy. Order of checks: kill switch, malformed order, live
    /// account without opt-in, stale price, per-order quantity and notional, participation, daily quantity and notional,
    /// risk limit; the first that fails is reported (<see cref="GuardDecision.RefusedBy"/>). Daily usage counts what
    /// <see cref="TryCommit"/> allowed (plus <see cref="RecordUsage"/> seeding after a restart) per UTC day of the clock.
    /// Thread-safe.
    /// </summary>
    public sealed class TradingGuard
    {
        private readonly object _gate = new object();
        private readonly TradingLimits _limits;
        private readonly IClock _clock;
        private readonly KillSwitch? _killSwitch;
        private readonly IRiskLimitCheck? _risk;
        private DateTime _day;
        private long _dayQuantity;
        private decimal _dayNotional;

        /// <summary>Creates the guard over <paramref name="limits"/> (valid by construction: each was checked where the user entered it).</summary>
        public TradingGuard(TradingLimits limits, IClock clock, KillSwitch? killSwitch = null, IRiskLimitCheck? riskLimit = null)
        {
            _limits = Guard.NotNull(limits, nameof(limits));
            _clock = Guard.NotNull(clock, nameof(clock));
            _killSwitch = killSwitch;
            _risk = riskLimit;
            _day = _clock.UtcNow.Date;
        }

        /// <summary>The limits in force.</summary>
        public TradingLimits Limits => _limits;

        /// <summary>Quantity allowed so far today (UTC), whole units.</summary>
        public long DailyQuantityUsed { get { lock (_gate) { Roll(); return _dayQuantity; } } }

        /// <summary>Notional allowed so far today (UTC), currency.</summary>
        public decimal DailyNotionalUsed { get { lock (_gate) { Roll(); return _dayNotional; } } }

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
                if (d.IsAllowed)
                {
                    _dayQuantity += Math.Abs(intent.Quantity);
                    _dayNotional += intent.Notional;
                }
                return d;
            }
        }

        /// <summary>Counts usage that happened before this guard existed (e.g. orders sent today before a restart).</summary>
        public void RecordUsage(long quantity, decimal notional)
        {
            if (quantity < 0 || notional < 0) throw new ArgumentOutOfRangeException(nameof(quantity), $"usage must be >= 0, got quantity {quantity}, notional {notional}");
            lock (_gate)
            {
                Roll();
                _dayQuantity += quantity;
                _dayNotional += notional;
            }
        }

        private void Roll()
        {
            DateTime today = _clock.UtcNow.Date;
            if (today == _day) return;
            _day = today;
            _dayQuantity = 0;
            _dayNotional = 0;
        }

        private GuardDecision Evaluate(OrderIntent o, long quantity, decimal notional)
        {
            var inv = CultureInfo.InvariantCulture;
            Roll();
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
            if (_dayQuantity + quantity > _limits.MaxDailyQuantity)
                return GuardDecision.Refuse(GuardKind.DailyQuantity, $"order of {quantity} '{o.Instrument}' would bring today's quantity to {_dayQuantity + quantity}, above the maximum daily quantity {_limits.MaxDailyQuantity}");
            if (_dayNotional + notional > _limits.MaxDailyNotional)
                return GuardDecision.Refuse(GuardKind.DailyNotional, $"order of '{o.Instrument}' would bring today's notional to {(_dayNotional + notional).ToString(inv)}, above the maximum daily notional {_limits.MaxDailyNotional.Value.ToString(inv)}");
            string? breach = _risk?.Breach(o);
            if (breach != null) return GuardDecision.Refuse(GuardKind.RiskLimit, breach);
            return GuardDecision.Allowed;
        }
    }
}
