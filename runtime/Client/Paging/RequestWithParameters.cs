using System;
using System.Collections.Generic;

namespace Bindings.Client;

/// <summary>
/// A request sent with some parameters replaced (the page number, the page token), so that a pager
/// never changes the caller's request object. A replacement goes where the request's spec puts that
/// parameter: the form body for a <c>position: body</c> one, else the query.
/// </summary>
internal sealed class RequestWithParameters : IRpcRequest, IRpcBodyParameters
{
    private readonly IRpcRequest _request;
    private readonly KeyValuePair<string, string>[] _replacements;

    public RequestWithParameters(IRpcRequest request, params KeyValuePair<string, string>[] replacements)
    {
        _request = request;
        _replacements = replacements;
    }

    public string Action => _request.Action;

    public string Version => _request.Version;

    public bool IsReadOnly => _request.IsReadOnly;

    public void Validate() => _request.Validate();

    public bool IsBodyParameter(string name) => _request is IRpcBodyParameters split && split.IsBodyParameter(name);

    public void WriteParameters(ICollection<KeyValuePair<string, string>> parameters) => WriteParameters(parameters, parameters);

    public void WriteParameters(ICollection<KeyValuePair<string, string>> query, ICollection<KeyValuePair<string, string>> body)
    {
        var writtenQuery = new List<KeyValuePair<string, string>>();
        var writtenBody = new List<KeyValuePair<string, string>>();
        RpcParameters.WriteSplit(_request, writtenQuery, writtenBody);
        AddUnreplaced(writtenQuery, query);
        AddUnreplaced(writtenBody, body);
        foreach (var replacement in _replacements)
        {
            (IsBodyParameter(replacement.Key) ? body : query).Add(replacement);
        }
    }

    private void AddUnreplaced(List<KeyValuePair<string, string>> written, ICollection<KeyValuePair<string, string>> destination)
    {
        foreach (var parameter in written)
        {
            if (Array.FindIndex(_replacements, r => r.Key == parameter.Key) < 0)
            {
                destination.Add(parameter);
            }
        }
    }
}
