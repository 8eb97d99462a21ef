using System;
using System.Collections.Generic;

namespace Bindings.Client;

/// <summary>
/// A request sent with some parameters replaced (the page number, the page token), so that a pager
/// never changes the caller's request object.
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

    public bool HasBodyParameters => _request is IRpcBodyParameters { HasBodyParameters: true };

    public void Validate() => _request.Validate();

    public void WriteParameters(ICollection<KeyValuePair<string, string>> parameters)
    {
        var written = new List<KeyValuePair<string, string>>();
        _request.WriteParameters(written);
        foreach (var parameter in written)
        {
            if (Array.FindIndex(_replacements, r => r.Key == parameter.Key) < 0)
            {
                parameters.Add(parameter);
            }
        }

        foreach (var replacement in _replacements)
        {
            parameters.Add(replacement);
        }
    }
}
