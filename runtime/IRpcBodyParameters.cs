using System.Collections.Generic;

namespace Bindings;

/// <summary>
/// A generated request with parameters whose spec says <c>position: body</c>. The official SDK sends
/// them in the form body and the others in the URL query, so a client sends such a request as POST when
/// one of them is set, whatever method it is configured for, with each parameter where the spec puts it.
/// </summary>
public interface IRpcBodyParameters
{
    /// <summary>
    /// Adds <c>Action</c>, <c>Version</c> and every query parameter that is set to <paramref name="query"/>,
    /// and every <c>position: body</c> parameter that is set to <paramref name="body"/>, by wire name, with
    /// its invariant-culture text, as the official SDK splits them (<see cref="IRpcRequest.WriteParameters"/>
    /// writes them all into one collection).
    /// </summary>
    /// <param name="query">Where the parameters of the URL query go.</param>
    /// <param name="body">Where the parameters of the form body go.</param>
    void WriteParameters(ICollection<KeyValuePair<string, string>> query, ICollection<KeyValuePair<string, string>> body);

    /// <summary>
    /// True when <paramref name="name"/> is the wire name of a <c>position: body</c> parameter: where a
    /// pager puts a page parameter (or a client an idempotency token) that the request left unset.
    /// </summary>
    /// <param name="name">A top-level parameter's wire name.</param>
    bool IsBodyParameter(string name);
}
