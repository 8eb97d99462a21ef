using System;
using System.Collections.Generic;
using System.Threading;
using Bindings.Credentials;
using Bindings.Signing;
using Microsoft.Extensions.Logging;

namespace Bindings.Client;

/// <summary>
/// How a client reaches the service: where, as whom, in which format, how it signs, and how long and
/// how often it tries. A client reads these once, when it is constructed; later changes do not affect it.
/// </summary>
/// <remarks>
/// Defaults: JSON responses, signature V3, POST with a form body, 30 seconds per attempt and 100
/// seconds in all, 3 retries with exponential backoff and jitter from 0.5 seconds up to 10 seconds.
/// The object holds credentials; its <see cref="object.ToString"/> is the type's name only.
/// </remarks>
public sealed class AlibabaCloudClientOptions
{
    /// <summary>The default <see cref="AttemptTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="Timeout"/>: 100 seconds, like <c>HttpClient.Timeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The region, for example <c>cn-hangzhou</c> or <c>ap-northeast-1</c>: picks the regional host of
    /// the service (<c>rds.ap-northeast-1.aliyuncs.com</c>). Ignored when <see cref="Endpoint"/> is set;
    /// when neither is set the service's default host is used.
    /// </summary>
    public string? RegionId { get; set; }

    /// <summary>
    /// The service's address, overriding the region: <c>https://rds.aliyuncs.com</c>, or any
    /// <c>http</c>/<c>https</c> URL such as <c>http://127.0.0.1:5000</c> for a local stand-in. It must
    /// not have a path (other than <c>/</c>), a query or a fragment: every RPC call goes to <c>/</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Use the service's VPC host for <see cref="RegionId"/> (<c>rds-vpc.{regionId}.aliyuncs.com</c>).</summary>
    public bool UseVpcEndpoint { get; set; }

    /// <summary>
    /// Fixed credentials, used as they are (the chain's "explicit credentials"). When null, the
    /// <see cref="CredentialsProvider"/> is asked at every attempt.
    /// </summary>
    public AlibabaCloudCredentials? Credentials { get; set; }

    /// <summary>
    /// Where credentials come from when <see cref="Credentials"/> is null. When this is null too, the
    /// default chain (<see cref="DefaultCredentialsProvider"/>: environment variables, OIDC role
    /// federation, the <c>aliyun</c> CLI's profile, <c>~/.alibabacloud/credentials.ini</c>, the ECS
    /// instance's RAM role, a credentials URI) is made once for this options object and shared by every
    /// client built from it. A call that finds none fails with an <see cref="AlibabaCloudCredentialsException"/>.
    /// </summary>
    public IAlibabaCloudCredentialsProvider? CredentialsProvider { get; set; }

    /// <summary>The response format. Default <see cref="ResponseFormat.Json"/>.</summary>
    public ResponseFormat Format { get; set; } = ResponseFormat.Json;

    /// <summary>
    /// The signature version. Default <see cref="Client.SignatureVersion.V3"/>, what the current
    /// official SDKs send: SHA-256 instead of SHA-1, and the signature in a header.
    /// </summary>
    public SignatureVersion SignatureVersion { get; set; } = SignatureVersion.V3;

    /// <summary>The HTTP method. Default <see cref="RpcHttpMethod.Post"/> with a form body.</summary>
    public RpcHttpMethod HttpMethod { get; set; } = RpcHttpMethod.Post;

    /// <summary>
    /// How long one attempt (sending, and reading the whole response) may take before it counts as a
    /// timeout, which is retried like a transient failure. Default 30 seconds;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. At least 10 milliseconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// How long a call may take in all, retries and their delays included. Default 100 seconds;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. At least 10 milliseconds.
    /// </summary>
    /// <remarks>
    /// The <c>HttpClient</c>'s own <c>Timeout</c> still applies to each attempt; the client registered
    /// with dependency injection has it turned off, so that these two settings rule.
    /// </remarks>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>When and how often a failed attempt is retried.</summary>
    public AlibabaCloudRetryOptions Retry { get; set; } = new AlibabaCloudRetryOptions();

    /// <summary>The <c>User-Agent</c> header; null for <see cref="DefaultUserAgent"/>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The <c>User-Agent</c> sent when <see cref="UserAgent"/> is null.</summary>
    public const string DefaultUserAgent = "Bindings.Client/1.0";

    /// <summary>Limits for the response parsers. Default <see cref="ResponseParseOptions.Default"/>.</summary>
    public ResponseParseOptions ParseOptions { get; set; } = ResponseParseOptions.Default;

    /// <summary>
    /// Where the client logs attempts and retries (category <c>Bindings.Client.AlibabaCloudRpcClient</c>);
    /// null for no logging. Logs name the operation, the host, status codes, error codes and request
    /// IDs: never parameters, credentials or signatures.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for timestamps, timeouts and retry delays; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    private IAlibabaCloudCredentialsProvider? _sharedProvider;

    /// <summary>What <see cref="AlibabaCloudClientOptionsBinder"/> could not read; reported by validation.</summary>
    internal List<string>? BindingErrors { get; set; }

    /// <summary>Builds the provider the configuration described (a role to assume, a CLI profile), once, with these options' logger.</summary>
    internal Func<AlibabaCloudClientOptions, IAlibabaCloudCredentialsProvider>? CredentialsFactory { get; set; }

    /// <summary>
    /// The provider a client built from these options uses: explicit credentials, the configured
    /// provider, or one made once for these options and shared by their clients (what configuration
    /// described, else the default chain).
    /// </summary>
    internal IAlibabaCloudCredentialsProvider ResolveCredentialsProvider()
    {
        if (Credentials is { } fixedCredentials)
        {
            return new StaticCredentialsProvider(fixedCredentials);
        }

        if (CredentialsProvider is { } provider)
        {
            return provider;
        }

        if (Volatile.Read(ref _sharedProvider) is { } shared)
        {
            return shared;
        }

        var created = CredentialsFactory?.Invoke(this)
            ?? new DefaultCredentialsProvider(new DefaultCredentialsProviderOptions { LoggerFactory = LoggerFactory, TimeProvider = TimeProvider });
        return Interlocked.CompareExchange(ref _sharedProvider, created, null) ?? created;
    }
}
