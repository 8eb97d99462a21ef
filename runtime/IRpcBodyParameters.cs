namespace Bindings;

/// <summary>
/// A generated request with parameters whose spec says <c>position: body</c>: they must travel in the
/// form body, never in the URL, so a client configured for GET sends such a request as POST.
/// </summary>
public interface IRpcBodyParameters
{
    /// <summary>True when at least one parameter that must travel in the body is set.</summary>
    bool HasBodyParameters { get; }
}
