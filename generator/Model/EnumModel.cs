namespace Bindings.Generator.Model;

/// <summary>An enum as the spec declares it: the wire values the service is documented to send.</summary>
internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumValueModel> Values);

internal sealed record EnumValueModel(string Name, string WireValue, string? Description);
