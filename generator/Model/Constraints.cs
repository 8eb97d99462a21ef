namespace Bindings.Generator.Model;

/// <summary>What a request parameter's value must satisfy before anything is sent.</summary>
internal sealed record Constraints(int? MinLength, int? MaxLength, bool AsciiOnly, decimal? Minimum, decimal? Maximum)
{
    public static readonly Constraints None = new(null, null, false, null, null);

    public bool IsEmpty => this == None;
}
