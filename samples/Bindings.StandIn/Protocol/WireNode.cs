using System.Collections.Generic;

namespace Bindings.StandIn.Protocol;

/// <summary>
/// A response body before it is written as JSON or XML. An array written as XML becomes a run of
/// elements named after the member that holds it (<c>Items.BackupJob</c> → repeated <c>&lt;BackupJob&gt;</c>).
/// </summary>
internal abstract record WireNode;

/// <summary>A string (quoted in JSON).</summary>
internal sealed record WireText(string Value) : WireNode;

/// <summary>An integer (a bare number in JSON).</summary>
internal sealed record WireNumber(long Value) : WireNode;

/// <summary>An object whose members keep their order.</summary>
internal sealed record WireObject(IReadOnlyList<KeyValuePair<string, WireNode>> Members) : WireNode
{
    public WireObject(params KeyValuePair<string, WireNode>[] members) : this((IReadOnlyList<KeyValuePair<string, WireNode>>)members)
    {
    }
}

/// <summary>A list.</summary>
internal sealed record WireArray(IReadOnlyList<WireNode> Items) : WireNode;
