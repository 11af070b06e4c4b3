using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Risk;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>
    /// Bar-by-bar allocation monitor for a NinjaTrader strategy or AddOn. Each <see cref="OnBar(DateTime, double[], int[], decimal)"/>:
    /// (1) turns closes into simple returns and updates the rolling mean/covariance (<see cref="RollingMoments"/>),
    /// (2) computes weights <c>q_i p_i pointValue_i / portfolioValue</c>, (3) Gaussian VaR <c>-(w'mu + z sqrt(w'Sigma w))</c>
    /// and volatility per bar, (4) checks the limits, drift bands, calendar and risk budgets, and (5) raises typed events on
    /// <see cref="IAllocationListener"/> and a <see cref="RebalanceSignal"/> with its reasons. O(N^2) per bar, no allocation
    /// (after construction) unless input is invalid. Time comes only from the bars: no wall clock. Not thread-safe.
    /// </summary>
    public sealed class DynamicAllocationEngine
    {
        private readonly string[] _assets;
        private readonly double[] _targets, _pointValues, _prev, _ret, _weights, _sw, _mean;
        private readonly RollingMoments _moments;
        private readonly RebalanceTriggerEvaluator _triggers;
        private readonly AllocationLimits? _limits;
        private readonly LimitBreach[] _breaches;
        private bool[] _limitActive, _limitNow;
        private readonly bool[] _driftActive;
        private bool _varActive, _volActive, _hasPrev;
        private readonly double _z;
        private readonly int _minObs;
        private readonly RebalanceTriggerOptions _trig;
        private readonly IAllocationListener _listener;
        private DateTime _lastTime = DateTime.MinValue;

        /// <summary>Creates the engine; <paramref name="listener"/> may be null (query the properties instead).</summary>
        public DynamicAllocationEngine(DynamicAllocationOptions options, IAllocationListener? listener = null)
        {
            Guard.NotNull(options, nameof(options));
            Guard.NotEmpty(options.Instruments, nameof(options.Instruments));
            _assets = options.Instruments.ToArray();
            int n = _assets.Length;
            if (_assets.Distinct(StringComparer.Ordinal).Count() != n) throw new InvalidInputException("instrument names must be unique");
            Guard.Length(options.TargetWeights, n, nameof(options.TargetWeights));
            _targets = Guard.AllFinite(options.TargetWeights.ToArray(), nameof(options.TargetWeights));
            _pointValues = options.PointValues == null ? Enumerable.Repeat(1.0, n).ToArray() : options.PointValues.ToArray();
            if (_pointValues.Length != n) throw new ArgumentException($"PointValues must have {n} elements, got {_pointValues.Length}");
            for (int i = 0; i < n; i++) Guard.Positive(_pointValues[i], $"PointValues[{i}] ({_assets[i]})");
            _moments = new RollingMoments(n, options.Window, options.ResyncInterval);
            _minObs = Guard.InRange(options.MinObservations ?? options.Window, 2, options.Window, nameof(options.MinObservations));
            _z = Risk.ValueAtRisk.TailZ(options.Confidence);
            Confidence = options.Confidence;
            _trig = Guard.NotNull(options.Triggers, nameof(options.Triggers)).Clone();
            _triggers = new RebalanceTriggerEvaluator(n, _trig);
            _limits = options.Limits;
            if (_limits != null && !_limits.Assets.SequenceEqual(_assets, StringComparer.Ordinal))
                throw new InvalidInputException("limits must list the same instruments, in the same order, as the engine");
            _breaches = new LimitBreach[_limits?.MaxBreaches ?? 0];
            int slots = _limits == null ? 0 : 3 * n + _limits.Sectors.Count + 3;
            _limitActive = new bool[slots];
            _limitNow = new bool[slots];
            _driftActive = new bool[n];
            _prev = new double[n];
            _ret = new double[n];
            _weights = new double[n];
            _sw = new double[n];
            _mean = new double[n];
            _listener = listener ?? new AllocationListenerBase();
            ValueAtRisk = Volatility = MeanReturn = double.NaN;
        }

        /// <summary>Instrument names.</summary>
        public IReadOnlyList<string> Instruments => _assets;

        /// <summary>VaR confidence.</summary>
        public double Confidence { get; }

        /// <summary>Current weights (fractions of portfolio value), after the last bar.</summary>
        public IReadOnlyList<double> Weights => _weights;

        /// <summary>Target weights in force.</summary>
        public IReadOnlyList<double> TargetWeights => _targets;

        /// <summary>Rolling estimates (read-only use).</summary>
        public RollingMoments Moments => _moments;

        /// <summary>Bars processed.</summary>
        public long Bars { get; private set; }

        /// <summary>True once at least MinObservations returns are in the window (risk figures are defined).</summary>
        public bool IsWarm => _moments.Count >= _minObs;

        /// <summary>Gaussian VaR per bar of the current weights (fraction, positive = loss); NaN while warming up.</summary>
        public double ValueAtRisk { get; private set; }

        /// <summary>Volatility per bar of the current weights; NaN while warming up.</summary>
        public double Volatility { get; private set; }

        /// <summary>Mean return per bar of the current weights; NaN while warming up.</summary>
        public double MeanReturn { get; private set; }

        /// <summary>Replaces the target weights (e.g. after a new optimization). Length N, finite.</summary>
        public void SetTargets(IReadOnlyList<double> targets)
        {
            Guard.Length(targets, _assets.Length, nameof(targets));
            for (int i = 0; i < _targets.Length; i++)
                _targets[i] = Guard.Finite(targets[i], $"targets[{i}] ({_assets[i]})");
        }

        /// <summary>
        /// The next bar adds no return to the moments (its close is the first of a new series, e.g. the next futures
        /// contract after a roll, so the change from the previous close is not a return).
        /// </summary>
        public void SkipNextReturn() => _hasPrev = false;

        /// <summary>Processes one bar using the bar date as trading session. See the other overload.</summary>
        public RebalanceReason OnBar(DateTime time, double[] closes, int[] positions, decimal portfolioValue)
            => OnBar(time, time.Date, closes, positions, portfolioValue);

        /// <summary>
        /// Processes one bar. <paramref name="time"/>: bar time, strictly increasing; <paramref name="session"/>: its trading
        /// session date (NinjaTrader's session may start the evening before); <paramref name="closes"/>: last prices (&gt; 0);
        /// <paramref name="positions"/>: signed contracts/shares; <paramref name="portfolioValue"/>: account value in currency (&gt; 0).
        /// Returns the reasons of the rebalance signal raised on this bar, or <see cref="RebalanceReason.None"/>.
        /// </summary>
        public RebalanceReason OnBar(DateTime time, DateTime session, double[] closes, int[] positions, decimal portfolioValue)
        {
            int n = _assets.Length;
            Validate(time, closes, positions, portfolioValue);
            double value = (double)portfolioValue;
            if (_hasPrev)
            {
                for (int i = 0; i < n; i++) _ret[i] = closes[i] / _prev[i] - 1.0;
                _moments.Add(_ret);
            }
            Array.Copy(closes, _prev, n);
            _hasPrev = true;
            _lastTime = time;
            Bars++;

            double gross = 0;
            for (int i = 0; i < n; i++)
            {
                _weights[i] = positions[i] * closes[i] * _pointValues[i] / value;
                gross += Math.Abs(_weights[i]);
            }
            if (IsWarm)
            {
                double variance = _moments.CovarianceTimes(_weights, _sw);
                _moments.CopyMean(_mean);
                double mu = 0;
                for (int i = 0; i < n; i++) mu += _weights[i] * _mean[i];
                Volatility = Math.Sqrt(Math.Max(variance, 0));
                MeanReturn = mu;
                ValueAtRisk = -(mu + _z * Volatility);
            }

            if (_limits != null) CheckLimits(time, value);

            var reasons = _triggers.Evaluate(session, _weights, _targets, ValueAtRisk, Volatility, value);
            RaiseTriggerEvents(time);
            if (reasons != RebalanceReason.None)
                _listener.OnRebalanceSignal(new RebalanceSignal(time, reasons, _assets, _weights, _targets, _triggers.Trades, value));
            return reasons;
        }

        private void CheckLimits(DateTime time, double value)
        {
            int n = _assets.Length;
            int k = AllocationLimitChecker.CheckInto(_limits!, _weights, value, _breaches);
            Array.Clear(_limitNow, 0, _limitNow.Length);
            for (int b = 0; b < k; b++)
            {
                var br = _breaches[b];
                int slot;
                switch (br.Kind)
                {
                    case LimitKind.PositionMin: slot = br.Index; break;
                    case LimitKind.PositionMax: slot = n + br.Index; break;
                    case LimitKind.Notional: slot = 2 * n + br.Index; break;
                    case LimitKind.SectorCap: slot = 3 * n + br.Index; break;
                    case LimitKind.GrossLeverage: slot = 3 * n + _limits!.Sectors.Count; break;
                    case LimitKind.NetLeverageMax: slot = 3 * n + _limits!.Sectors.Count + 1; break;
                    default: slot = 3 * n + _limits!.Sectors.Count + 2; break;
                }
                _limitNow[slot] = true;
                if (!_limitActive[slot]) _listener.OnLimitBreach(new LimitBreachEvent(time, br));
            }
            var t = _limitActive;
            _limitActive = _limitNow;
            _limitNow = t;
        }

        private void RaiseTriggerEvents(DateTime time)
        {
            var abs = _triggers.AbsoluteDriftFired;
            var rel = _triggers.RelativeDriftFired;
            for (int i = 0; i < _assets.Length; i++)
            {
                bool fired = abs[i] || rel[i];
                if (fired && !_driftActive[i])
                {
                    var band = (abs[i] ? RebalanceReason.AbsoluteDrift : RebalanceReason.None) | (rel[i] ? RebalanceReason.RelativeDrift : RebalanceReason.None);
                    _listener.OnDriftBreach(new DriftBreachEvent(time, _assets[i], i, _weights[i], _targets[i], band));
                }
                _driftActive[i] = fired;
            }
            var last = _triggers.LastFired;
            bool varNow = (last & RebalanceReason.VaRBudget) != 0;
            if (varNow && !_varActive) _listener.OnRiskBreach(new RiskBreachEvent(time, RiskMeasure.ValueAtRisk, ValueAtRisk, _trig.VaRBudget ?? double.NaN));
            _varActive = varNow;
            bool volNow = (last & RebalanceReason.VolatilityTarget) != 0;
            if (volNow && !_volActive) _listener.OnRiskBreach(new RiskBreachEvent(time, RiskMeasure.Volatility, Volatility, _trig.VolatilityTarget ?? double.NaN));
            _volActive = volNow;
        }

        private void Validate(DateTime time, double[] closes, int[] positions, decimal portfolioValue)
        {
            int n = _assets.Length;
            if (closes == null || closes.Length != n) throw new ArgumentException($"closes must have {n} elements (one per instrument)", nameof(closes));
            if (positions == null || positions.Length != n) throw new ArgumentException($"positions must have {n} elements (one per instrument)", nameof(positions));
            if (time <= _lastTime && Bars > 0)
                throw new InvalidInputException($"bar time {Data.AssetFrame.FormatDate(time)} is not after the previous bar {Data.AssetFrame.FormatDate(_lastTime)}");
            for (int i = 0; i < n; i++)
            {
                double p = closes[i];
                if (double.IsNaN(p) || double.IsInfinity(p) || p <= 0)
                    throw new InvalidInputException($"price of '{_assets[i]}' must be a finite number > 0, got {Guard.Format(p)} at {Data.AssetFrame.FormatDate(time)}");
            }
            if (portfolioValue <= 0m)
                throw new InvalidInputException($"portfolio value must be > 0, got {portfolioValue} at {Data.AssetFrame.FormatDate(time)}");
        }
    }
}
