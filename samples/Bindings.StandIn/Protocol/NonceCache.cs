using System;
using System.Collections.Generic;

namespace Bindings.StandIn.Protocol;

/// <summary>
/// Remembers the nonces of accepted requests for as long as their timestamps could still pass the
/// clock-skew check, so that a replay is caught and the memory stays bounded.
/// </summary>
internal sealed class NonceCache
{
    private readonly object _gate = new();
    private readonly Dictionary<(string AccessKeyId, string Nonce), DateTimeOffset> _seen = [];
    private readonly Queue<((string AccessKeyId, string Nonce) Key, DateTimeOffset ForgetAt)> _expiry = new();
    private readonly TimeSpan _retention;

    public NonceCache(TimeSpan maxClockSkew)
    {
        // A request is accepted while |timestamp - now| <= skew, so a nonce must be kept for
        // twice the skew: a timestamp skew ahead is still valid skew after "now" passes it.
        _retention = maxClockSkew * 2 + TimeSpan.FromMinutes(1);
    }

    /// <summary>Records the nonce; false when it was seen already.</summary>
    public bool TryUse(string accessKeyId, string nonce, DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_expiry.TryPeek(out var oldest) && oldest.ForgetAt <= now)
            {
                _expiry.Dequeue();
                if (_seen.TryGetValue(oldest.Key, out var forgetAt) && forgetAt == oldest.ForgetAt)
                {
                    _seen.Remove(oldest.Key);
                }
            }

            var key = (accessKeyId, nonce);
            if (_seen.ContainsKey(key))
            {
                return false;
            }

            var forget = now + _retention;
            _seen.Add(key, forget);
            _expiry.Enqueue((key, forget));
            return true;
        }
    }
}
