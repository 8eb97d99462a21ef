using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Bindings.Client;

/// <summary>
/// Checks one named client's options the way the client will when it is built (ranges, endpoint,
/// region), plus what the configuration reader could not read, so that <c>ValidateOnStart</c> reports
/// every mistake when the host starts.
/// </summary>
internal sealed class AlibabaCloudClientOptionsValidator : IValidateOptions<AlibabaCloudClientOptions>
{
    private readonly string _name;
    private readonly ServiceEndpoints _endpoints;

    public AlibabaCloudClientOptionsValidator(string name, ServiceEndpoints endpoints)
    {
        _name = name;
        _endpoints = endpoints;
    }

    public ValidateOptionsResult Validate(string? name, AlibabaCloudClientOptions options)
    {
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.BindingErrors is { } errors)
        {
            failures.AddRange(errors);
        }

        try
        {
            OptionsValidation.Validate(options);
            _endpoints.Resolve(options);
        }
        catch (ArgumentException exception)
        {
            failures.Add(exception.Message);
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.ConvertAll(failure => "Alibaba Cloud client options '" + _name + "': " + failure));
    }
}
