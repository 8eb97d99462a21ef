using System;
using System.Collections.Generic;

namespace Bindings.Client;

/// <summary>
/// One call's operation parameters, split as the official SDK splits them: the URL query
/// (<c>Action</c>, <c>Version</c> and the <c>position: query</c> parameters) and the form body (the
/// <c>position: body</c> ones). Fixed once per call; every attempt signs and sends the same.
/// </summary>
internal sealed class RpcParameters
{
    private RpcParameters(List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> body)
    {
        Query = query;
        Body = body;
    }

    /// <summary>The parameters that go in the URL query (of a GET, everything goes there).</summary>
    public List<KeyValuePair<string, string>> Query { get; }

    /// <summary>The parameters that go in the form body; when there is one, the request is a POST.</summary>
    public List<KeyValuePair<string, string>> Body { get; }

    /// <summary>Every parameter, query first: what V1 signs, and what is redacted from errors.</summary>
    public IEnumerable<KeyValuePair<string, string>> All
    {
        get
        {
            foreach (var parameter in Query)
            {
                yield return parameter;
            }

            foreach (var parameter in Body)
            {
                yield return parameter;
            }
        }
    }

    /// <summary>Writes a request's parameters where its spec puts them.</summary>
    /// <exception cref="ArgumentException">The request wrote one name into both the query and the body.</exception>
    public static RpcParameters Write(IRpcRequest request)
    {
        var query = new List<KeyValuePair<string, string>>();
        var body = new List<KeyValuePair<string, string>>();
        WriteSplit(request, query, body);
        ThrowIfInBoth(query, body, request.Action);
        return new RpcParameters(query, body);
    }

    /// <summary>Writes a request's parameters into the query and the body, as its spec splits them (a request without body parameters writes the query only).</summary>
    internal static void WriteSplit(IRpcRequest request, ICollection<KeyValuePair<string, string>> query, ICollection<KeyValuePair<string, string>> body)
    {
        if (request is IRpcBodyParameters split)
        {
            split.WriteParameters(query, body);
        }
        else
        {
            request.WriteParameters(query);
        }
    }

    /// <summary>
    /// Sets the idempotency token unless the request set one: in the body when the spec puts it there
    /// (<see cref="IRpcBodyParameters.IsBodyParameter"/>), else in the query.
    /// </summary>
    public void EnsureIdempotencyToken(IRpcRequest request, string name)
    {
        if (IdempotencyToken.Replace(Body, name) || IdempotencyToken.Replace(Query, name))
        {
            return;
        }

        (request is IRpcBodyParameters split && split.IsBodyParameter(name) ? Body : Query)
            .Add(new KeyValuePair<string, string>(name, IdempotencyToken.Create()));
    }

    // The service merges the query and the body: a name in both would be read as it chooses, and signed twice.
    private static void ThrowIfInBoth(List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> body, string action)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in query)
        {
            names.Add(parameter.Key);
        }

        foreach (var parameter in body)
        {
            if (names.Contains(parameter.Key))
            {
                throw new ArgumentException(
                    "The request of " + action + " writes the parameter '" + parameter.Key + "' into both the query and the body.", "request");
            }
        }
    }
}
