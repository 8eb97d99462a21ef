using System.CommandLine;
using Bindings.Client;

namespace Bindings.Cli;

/// <summary>The options both commands share.</summary>
internal sealed class CliOptions
{
    public Option<string?> Instance { get; } = new("--instance", "-i")
    {
        Description = "The DB instance ID, e.g. rm-uf6wjk5xxxxxxx (defaults to the stand-in's instance when it runs).",
    };

    public Option<string?> Region { get; } = new("--region", "-r")
    {
        Description = "The region ID, e.g. cn-hangzhou or ap-northeast-1; picks the regional endpoint.",
    };

    public Option<Uri?> Endpoint { get; } = new("--endpoint")
    {
        Description = "Any endpoint URL, e.g. http://127.0.0.1:5000 (wins over --region).",
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail(result, "--endpoint must be an absolute http or https URL"),
    };

    public Option<ResponseFormat> Format { get; } = new("--format", "-f")
    {
        Description = "The response format to request: json or xml.",
        DefaultValueFactory = _ => ResponseFormat.Json,
    };

    public Option<SignatureVersion> Signature { get; } = new("--signature", "-s")
    {
        Description = "The signature version: v1 (HMAC-SHA1 signed query) or v3 (ACS3-HMAC-SHA256 headers).",
        DefaultValueFactory = _ => SignatureVersion.V3,
        CustomParser = result => result.Tokens.Single().Value.ToLowerInvariant() switch
        {
            "v1" or "1" => SignatureVersion.V1,
            "v3" or "3" => SignatureVersion.V3,
            _ => Fail<SignatureVersion>(result, "--signature must be v1 or v3"),
        },
    };

    public Option<string?> JobStatus { get; } = new("--status")
    {
        Description = "Only tasks in this state: NoStart or Progressing (default: all).",
    };

    /// <summary>The options of a command that only needs to reach a service: where, and how to ask.</summary>
    public void AddConnectionTo(Command command)
    {
        command.Options.Add(Region);
        command.Options.Add(Endpoint);
        command.Options.Add(Format);
        command.Options.Add(Signature);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Instance);
        command.Options.Add(Region);
        command.Options.Add(Endpoint);
        command.Options.Add(Format);
        command.Options.Add(Signature);
        command.Options.Add(JobStatus);
    }

    public ConnectionSettings Read(ParseResult result) => new(
        result.GetValue(Instance),
        result.GetValue(Region),
        result.GetValue(Endpoint),
        result.GetValue(Format),
        result.GetValue(Signature),
        result.GetValue(JobStatus));

    private static T? Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }

    private static Uri? Fail(System.CommandLine.Parsing.ArgumentResult result, string message) => Fail<Uri>(result, message);
}

/// <summary>What the options say about where and how to call.</summary>
internal sealed record ConnectionSettings(
    string? Instance,
    string? Region,
    Uri? Endpoint,
    ResponseFormat Format,
    SignatureVersion Signature,
    string? JobStatus);
