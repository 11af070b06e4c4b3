using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>
    /// Stateful rebalancing triggers evaluated once per bar: drift bands per asset, calendar periods on traded sessions,
    /// VaR budget and volatility target, with hysteresis (re-arm below <c>ReArmFraction x band</c>), a cooldown in bars and a
    /// minimum trade value. O(N) per bar, no allocation after construction.
    /// </summary>
    public sealed class RebalanceTriggerEvaluator
    {
        private readonly RebalanceTriggerOptions _o;
        private readonly int _n;
        private readonly bool[] _absArmed, _relArmed, _absFired, _relFired;
        private readonly double[] _trades;
        private bool _varArmed = true, _volArmed = true, _calendarPending;
        private long _lastPeriod = long.MinValue;
        private int _barsSinceSignal = int.MaxValue;

        /// <summary>Creates the evaluator for <paramref name="assets"/> assets.</summary>
        public RebalanceTriggerEvaluator(int assets, RebalanceTriggerOptions options)
        {
            _n = Guard.Positive(assets, nameof(assets));
            _o = Guard.NotNull(options, nameof(options)).Clone();
            _o.Validate();
            _absArmed = Fill(true);
            _relArmed = Fill(true);
            _absFired = new bool[assets];
            _relFired = new bool[assets];
            _trades = new double[assets];
        }

        /// <summary>The settings in force (a copy).</summary>
        public RebalanceTriggerOptions Options => _o.Clone();

        /// <summary>Per asset: did its absolute band fire on the last <see cref="Evaluate"/>.</summary>
        public IReadOnlyList<bool> AbsoluteDriftFired => _absFired;

        /// <summary>Per asset: did its relative band fire on the last <see cref="Evaluate"/>.</summary>
        public IReadOnlyList<bool> RelativeDriftFired => _relFired;

        /// <summary>Weight changes <c>target - current</c> of the last signal (trades under the minimum set to 0).</summary>
        public IReadOnlyList<double> Trades => _trades;

        /// <summary>Reasons that fired on the last evaluation (whether or not a signal was emitted).</summary>
        public RebalanceReason LastFired { get; private set; }

        /// <summary>
        /// Evaluates one bar. <paramref name="session"/>: the trading session's date (calendar periods);
        /// <paramref name="weights"/>, <paramref name="targets"/>: fractions of <paramref name="portfolioValue"/> (currency);
        /// <paramref name="valueAtRisk"/>, <paramref name="volatility"/>: per period, NaN while not yet known (risk triggers idle).
        /// Returns the reasons of the rebalance signal, or <see cref="RebalanceReason.None"/> when no signal is due
        /// (nothing fired, cooling down, or every trade below the minimum). When a signal is returned, <see cref="Trades"/> holds it.
        /// </summary>
        public RebalanceReason Evaluate(DateTime session, IReadOnlyList<double> weights, IReadOnlyList<double> targets,
            double valueAtRisk, double volatility, double portfolioValue)
        {
            if (weights == null || weights.Count != _n) throw new ArgumentException($"weights must have {_n} elements", nameof(weights));
            if (targets == null || targets.Count != _n) throw new ArgumentException($"targets must have {_n} elements", nameof(targets));
            if (!(portfolioValue > 0)) throw new ArgumentOutOfRangeException(nameof(portfolioValue), $"portfolioValue must be > 0, got {Guard.Format(portfolioValue)}");
            if (_barsSinceSignal < int.MaxValue) _barsSinceSignal++;
            var fired = RebalanceReason.None;
            double reArm = _o.ReArmFraction;
            for (int i = 0; i < _n; i++)
            {
                double drift = Math.Abs(weights[i] - targets[i]);
                _absFired[i] = _relFired[i] = false;
                if (_o.AbsoluteBand is double ab)
                {
                    if (!_absArmed[i] && drift <= reArm * ab) _absArmed[i] = true;
                    if (_absArmed[i] && drift > ab) { _absFired[i] = true; fired |= RebalanceReason.AbsoluteDrift; }
                }
                if (_o.RelativeBand is double rb && targets[i] != 0)
                {
                    double rel = drift / Math.Abs(targets[i]);
                    if (!_relArmed[i] && rel <= reArm * rb) _relArmed[i] = true;
                    if (_relArmed[i] && rel > rb) { _relFired[i] = true; fired |= RebalanceReason.RelativeDrift; }
                }
            }
            if (_o.Calendar != CalendarFrequency.None)
            {
                long period = PeriodKey(session, _o.Calendar);
                if (_lastPeriod != long.MinValue && period != _lastPeriod) _calendarPending = true;
                _lastPeriod = period;
                if (_calendarPending) fired |= RebalanceReason.Calendar;
            }
            if (_o.VaRBudget is double vb && !double.IsNaN(valueAtRisk))
            {
                if (!_varArmed && valueAtRisk <= reArm * vb) _varArmed = true;
                if (_varArmed && valueAtRisk > vb) fired |= RebalanceReason.VaRBudget;
            }
            if (_o.VolatilityTarget is double vt && !double.IsNaN(volatility))
            {
                if (!_volArmed && volatility <= reArm * vt) _volArmed = true;
                if (_volArmed && volatility > vt) fired |= RebalanceReason.VolatilityTarget;
            }
            LastFired = fired;
            if (fired == RebalanceReason.None || _barsSinceSignal <= _o.CooldownBars) return RebalanceReason.None;

            // The triggers are consumed: disarm them until their measure falls back inside the hysteresis band.
            for (int i = 0; i < _n; i++)
            {
                if (_absFired[i]) _absArmed[i] = false;
                if (_relFired[i]) _relArmed[i] = false;
            }
            if ((fired & RebalanceReason.VaRBudget) != 0) _varArmed = false;
            if ((fired & RebalanceReason.VolatilityTarget) != 0) _volArmed = false;
            _calendarPending = false;

            double min = (double)_o.MinTradeValue;
            bool any = false;
            for (int i = 0; i < _n; i++)
            {
                double d = targets[i] - weights[i];
                if (Math.Abs(d) * portfolioValue < min || d == 0) d = 0;
                else any = true;
                _trades[i] = d;
            }
            if (!any) return RebalanceReason.None;
            _barsSinceSignal = 0;
            return fired;
        }

        /// <summary>Identifies the calendar period of <paramref name="session"/> (same key = same period).</summary>
        public static long PeriodKey(DateTime session, CalendarFrequency frequency)
        {
            var d = session.Date;
            switch (frequency)
            {
                case CalendarFrequency.Daily: return d.Ticks;
                case CalendarFrequency.Weekly: return d.AddDays(-(((int)d.DayOfWeek + 6) % 7)).Ticks;
                case CalendarFrequency.Monthly: return d.Year * 12L + d.Month;
                case CalendarFrequency.Quarterly: return d.Year * 4L + (d.Month - 1) / 3;
                default: return 0;
            }
        }

        private bool[] Fill(bool v)
        {
            var a = new bool[_n];
            for (int i = 0; i < _n; i++) a[i] = v;
            return a;
        }
    }
}
