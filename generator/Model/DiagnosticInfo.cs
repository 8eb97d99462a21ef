namespace Bindings.Generator.Model;

/// <summary>A diagnostic waiting to be reported: its descriptor's ID, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, SpecLocation Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, SpecLocation location, params string[] arguments)
        => new(id, location, arguments.ToEquatableArray());
}
