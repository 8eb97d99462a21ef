using System.CommandLine;
using Bindings.Client;
using Bindings.Credentials;
using Bindings.Signing;
using Bindings.StandIn;
using Bindings.StandIn.Credentials;
using Bindings.Sts;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary>
/// <c>whoami</c>: which identity the program's credentials are (STS <c>GetCallerIdentity</c>) and which
/// source of the chain they came from. Without credentials, against a local STS stand-in.
/// </summary>
internal static class WhoAmICommand
{
    public static Command Create(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var command = new Command("whoami", "Show whose credentials the program uses (STS GetCallerIdentity) and where they come from.");
        options.AddConnectionTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            var found = await CredentialSources.ResolveAsync(environment, cancellationToken);
            IAlibabaCloudCredentialsProvider provider;
            StsStandIn? standIn = null;
            var endpoint = settings.Endpoint;
            if (found is { } chain)
            {
                provider = chain.Provider;
            }
            else
            {
                standIn = await StsStandIn.StartAsync(cancellationToken: cancellationToken);
                provider = new StaticCredentialsProvider(new AlibabaCloudCredentials(StandInAccount.Default.AccessKeyId, StandInAccount.Default.AccessKeySecret));
                endpoint ??= standIn.BaseAddress;
                console.Profile.Out.Writer.WriteLine($"No Alibaba Cloud credentials in the environment: using the local STS stand-in at {endpoint}");
            }

            try
            {
                using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
                var client = new StsClient(http, new AlibabaCloudClientOptions
                {
                    CredentialsProvider = provider,
                    Endpoint = endpoint,
                    RegionId = settings.Region,
                    Format = settings.Format,
                    SignatureVersion = settings.Signature,
                });
                var credentials = await provider.GetCredentialsAsync(cancellationToken);
                var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
                Render(console, identity, credentials);
                return ExitCodes.Success;
            }
            finally
            {
                if (standIn is not null)
                {
                    await standIn.DisposeAsync();
                }
            }
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, GetCallerIdentityResponse identity, AlibabaCloudCredentials credentials)
    {
        var table = new Table().HideHeaders().AddColumns("Field", "Value");
        void Row(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                // Text, not markup: an ARN's "acs:ram::" would be read as the :ram: emoji.
                table.AddRow(new Text(name), new Text(value));
            }
        }

        Row("Account", identity.AccountId);
        Row("Identity type", identity.IdentityType?.WireValue);
        Row("ARN", identity.Arn);
        Row("Principal ID", identity.PrincipalId);
        Row("User ID", identity.UserId);
        Row("Role ID", identity.RoleId);
        // Where the credentials came from and which key signed: never the secret or the token.
        Row("Credentials from", credentials.ProviderName);
        Row("AccessKey ID", credentials.MaskedAccessKeyId);
        Row("Expires", credentials.Expiration is { } expiration ? AlibabaTimestamp.ToWireFormat(expiration) : "never");
        console.Write(table);
        console.MarkupLine($"[grey]RequestId {Markup.Escape(identity.RequestId ?? "-")}[/]");
    }
}
