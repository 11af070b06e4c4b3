using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Execution.Sizing
{
    /// <summary>
    /// Exchange rates into one account currency: <see cref="Rate"/>(c) is account-currency units per unit of currency c
    /// (EUR 1.08 for a USD account). The account currency itself is 1. Currency codes are compared case-insensitively.
    /// </summary>
    public sealed class FxRates
    {
        private readonly Dictionary<string, decimal> _rates;

        /// <summary>Creates the table; every rate must be &gt; 0; a rate given for the account currency must be 1.</summary>
        public FxRates(string accountCurrency, IReadOnlyDictionary<string, decimal>? rates = null)
        {
            AccountCurrency = Guard.NotBlank(accountCurrency, nameof(accountCurrency)).Trim().ToUpperInvariant();
            _rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            if (rates != null)
                foreach (var kv in rates)
                {
                    string c = Guard.NotBlank(kv.Key, "currency").Trim().ToUpperInvariant();
                    if (kv.Value <= 0) throw new InvalidInputException($"FX rate of {c} must be > 0, got {kv.Value}");
                    if (c == AccountCurrency && kv.Value != 1m) throw new InvalidInputException($"FX rate of the account currency {c} must be 1, got {kv.Value}");
                    _rates[c] = kv.Value;
                }
            _rates[AccountCurrency] = 1m;
        }

        /// <summary>The account currency (upper case), e.g. "USD".</summary>
        public string AccountCurrency { get; }

        /// <summary>Currencies with a rate, account currency included.</summary>
        public IReadOnlyList<string> Currencies => _rates.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

        /// <summary>Account-currency units per unit of <paramref name="currency"/>; null or empty means the account currency.
        /// Throws <see cref="InvalidInputException"/> naming the currency when no rate is known.</summary>
        public decimal Rate(string? currency)
        {
            if (string.IsNullOrWhiteSpace(currency)) return 1m;
            if (_rates.TryGetValue(currency!.Trim(), out var r)) return r;
            throw new InvalidInputException($"no FX rate for currency '{currency}' into the account currency {AccountCurrency}; give one (CSV 'Currency,Rate')");
        }

        /// <summary>Converts an amount in <paramref name="currency"/> into the account currency.</summary>
        public decimal ToAccount(decimal amount, string? currency) => amount * Rate(currency);
    }
}
