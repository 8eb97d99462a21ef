using System;
using System.Globalization;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>NextToken</c>s: opaque to the client, they carry the offset of the next item and a check, so
/// that a token the stand-in never handed out is refused (<c>Invalid.NextToken</c>).
/// </summary>
internal static class NextTokens
{
    public static string For(string action, int offset) =>
        offset.ToString("x", CultureInfo.InvariantCulture) + "o" + Check(action, offset);

    public static int Read(StandInCall call, string action)
    {
        var token = call.Parameter("NextToken");
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        var split = token.IndexOf('o', StringComparison.Ordinal);
        return split > 0
            && int.TryParse(token.AsSpan(0, split), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var offset)
            && offset >= 0
            && token[(split + 1)..] == Check(action, offset)
            ? offset
            : throw new StandInException(StandInErrors.Rds.InvalidNextToken);
    }

    private static string Check(string action, int offset) =>
        ((uint)StandInState.StableHash(action + "#" + offset.ToString(CultureInfo.InvariantCulture))).ToString("x8", CultureInfo.InvariantCulture);
}
