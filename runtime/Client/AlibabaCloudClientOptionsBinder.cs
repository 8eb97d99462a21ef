using System;
using System.Collections.Generic;
using System.Globalization;
using Bindings.Credentials;
using Bindings.Signing;
using Microsoft.Extensions.Configuration;

namespace Bindings.Client;

/// <summary>
/// Reads <see cref="AlibabaCloudClientOptions"/> from a configuration section (<c>appsettings.json</c>,
/// environment variables, user secrets) without reflection, so it works with trimming and native AOT.
/// A key it does not know (a typo such as <c>Regoin</c>) and a value that does not parse are errors,
/// with their configuration path, reported when the client is built or, in a host, when it starts.
/// </summary>
/// <remarks>
/// <para>Keys (case-insensitive, as configuration keys are): <c>RegionId</c>, <c>Endpoint</c>,
/// <c>UseVpcEndpoint</c>, <c>Format</c> (<c>Json</c>, <c>Xml</c>), <c>SignatureVersion</c> (<c>V1</c>,
/// <c>V3</c>), <c>HttpMethod</c> (<c>Get</c>, <c>Post</c>), <c>AttemptTimeout</c> and <c>Timeout</c>
/// (<c>00:00:30</c>, or <c>Infinite</c>), <c>UserAgent</c>; <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c>,
/// <c>Retry:MaxDelay</c>, <c>Retry:UseJitter</c>, <c>Retry:NotExecutedErrorCodes</c> (a list);
/// <c>Credentials:AccessKeyId</c>, <c>Credentials:AccessKeySecret</c> and <c>Credentials:SecurityToken</c>
/// (from a secret store, not a committed file), or <c>Credentials:Profile</c> (a profile of the
/// <c>aliyun</c> CLI's <c>config.json</c>); and on top of either, or of the default chain,
/// <c>Credentials:RoleArn</c> with <c>RoleSessionName</c>, <c>ExternalId</c>, <c>Policy</c>,
/// <c>DurationSeconds</c>, <c>StsRegionId</c> and <c>StsEndpoint</c>: the role to assume (another account).</para>
/// <example><code>
/// "Alibaba": { "Rds": { "Tokyo": { "RegionId": "ap-northeast-1", "Timeout": "00:00:20",
///   "Credentials": { "RoleArn": "acs:ram::123456789012****:role/rds-operator" } } } }
/// </code></example>
/// </remarks>
public static class AlibabaCloudClientOptionsBinder
{
    private static readonly string[] TopKeys =
    {
        "RegionId", "Endpoint", "UseVpcEndpoint", "Format", "SignatureVersion", "HttpMethod", "AttemptTimeout", "Timeout",
        "UserAgent", "Retry", "Credentials",
    };

    private static readonly string[] RetryKeys = { "MaxRetries", "BaseDelay", "MaxDelay", "UseJitter", "NotExecutedErrorCodes" };

    private static readonly string[] CredentialKeys =
    {
        "AccessKeyId", "AccessKeySecret", "SecurityToken", "Profile", "RoleArn", "RoleSessionName", "ExternalId", "Policy",
        "DurationSeconds", "StsRegionId", "StsEndpoint",
    };

    /// <summary>Sets the options from the section; what the section does not mention is left as it is.</summary>
    /// <param name="configuration">The section.</param>
    /// <param name="options">The options to set.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Bind(IConfiguration configuration, AlibabaCloudClientOptions options)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var reader = new Reader(options);
        reader.CheckKeys(configuration, TopKeys);
        reader.Text(configuration, "RegionId", value => options.RegionId = value);
        reader.Text(configuration, "Endpoint", value =>
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                options.Endpoint = uri;
                return true;
            }

            return false;
        }, "an absolute URL");
        reader.Boolean(configuration, "UseVpcEndpoint", value => options.UseVpcEndpoint = value);
        reader.Choice(configuration, "Format", new[] { ("Json", ResponseFormat.Json), ("Xml", ResponseFormat.Xml) }, value => options.Format = value);
        reader.Choice(configuration, "SignatureVersion", new[] { ("V1", SignatureVersion.V1), ("V3", SignatureVersion.V3) }, value => options.SignatureVersion = value);
        reader.Choice(configuration, "HttpMethod", new[] { ("Get", RpcHttpMethod.Get), ("Post", RpcHttpMethod.Post) }, value => options.HttpMethod = value);
        reader.Duration(configuration, "AttemptTimeout", value => options.AttemptTimeout = value);
        reader.Duration(configuration, "Timeout", value => options.Timeout = value);
        reader.Text(configuration, "UserAgent", value => options.UserAgent = value);

        var retry = configuration.GetSection("Retry");
        if (retry.Exists())
        {
            reader.CheckKeys(retry, RetryKeys);
            var target = options.Retry ??= new AlibabaCloudRetryOptions();
            reader.Integer(retry, "MaxRetries", value => target.MaxRetries = value);
            reader.Duration(retry, "BaseDelay", value => target.BaseDelay = value);
            reader.Duration(retry, "MaxDelay", value => target.MaxDelay = value);
            reader.Boolean(retry, "UseJitter", value => target.UseJitter = value);
            var codes = retry.GetSection("NotExecutedErrorCodes");
            foreach (var code in codes.GetChildren())
            {
                if (!string.IsNullOrWhiteSpace(code.Value))
                {
                    target.NotExecutedErrorCodes.Add(code.Value!.Trim());
                }
            }
        }

        var credentials = configuration.GetSection("Credentials");
        if (credentials.Exists())
        {
            reader.CheckKeys(credentials, CredentialKeys);
            BindCredentials(reader, credentials, options);
        }

        options.BindingErrors = reader.Errors.Count == 0 ? null : reader.Errors;
    }

    private static void BindCredentials(Reader reader, IConfigurationSection section, AlibabaCloudClientOptions options)
    {
        string? id = null, secret = null, token = null, profile = null, roleArn = null, sessionName = null, externalId = null, policy = null, stsRegion = null;
        int? duration = null;
        Uri? stsEndpoint = null;
        reader.Text(section, "StsEndpoint", value => Uri.TryCreate(value, UriKind.Absolute, out stsEndpoint), "an absolute URL");
        reader.Text(section, "AccessKeyId", value => id = value);
        reader.Text(section, "AccessKeySecret", value => secret = value);
        reader.Text(section, "SecurityToken", value => token = value);
        reader.Text(section, "Profile", value => profile = value);
        reader.Text(section, "RoleArn", value => roleArn = value);
        reader.Text(section, "RoleSessionName", value => sessionName = value);
        reader.Text(section, "ExternalId", value => externalId = value);
        reader.Text(section, "Policy", value => policy = value);
        reader.Text(section, "StsRegionId", value => stsRegion = value);
        reader.Integer(section, "DurationSeconds", value => duration = value);

        if ((id is null) != (secret is null))
        {
            // Which one is missing, never a value.
            reader.Errors.Add(section.Path + ": AccessKeyId and AccessKeySecret go together; only " + (id is null ? "AccessKeySecret" : "AccessKeyId") + " is set.");
            return;
        }

        if (id is not null && profile is not null)
        {
            reader.Errors.Add(section.Path + ": set either AccessKeyId and AccessKeySecret or Profile, not both.");
            return;
        }

        if (id is not null)
        {
            options.Credentials = roleArn is null ? new AlibabaCloudCredentials(id, secret!, token) : null;
        }

        if (roleArn is null && id is not null)
        {
            return;
        }

        var fixedSource = id is null ? null : new AlibabaCloudCredentials(id, secret!, token);
        options.CredentialsFactory = built =>
        {
            IAlibabaCloudCredentialsProvider source = fixedSource is not null
                ? new StaticCredentialsProvider(fixedSource)
                : profile is not null
                    ? new CliProfileCredentialsProvider(new CliProfileCredentialsProviderOptions
                    {
                        ProfileName = profile, LoggerFactory = built.LoggerFactory, TimeProvider = built.TimeProvider,
                    })
                    : new DefaultCredentialsProvider(new DefaultCredentialsProviderOptions { LoggerFactory = built.LoggerFactory, TimeProvider = built.TimeProvider });
            if (roleArn is null)
            {
                return source;
            }

            return new RamRoleArnCredentialsProvider(new RamRoleArnCredentialsProviderOptions
            {
                SourceProvider = source,
                RoleArn = roleArn,
                RoleSessionName = sessionName,
                ExternalId = externalId,
                Policy = policy,
                DurationSeconds = duration ?? StsCredentialsProviderOptions.DefaultDurationSeconds,
                StsRegionId = stsRegion,
                StsEndpoint = stsEndpoint,
                LoggerFactory = built.LoggerFactory,
                TimeProvider = built.TimeProvider,
            });
        };
    }

    /// <summary>Reads values and keeps the errors, each with its configuration path and never the value (it may be a secret).</summary>
    private sealed class Reader
    {
        public Reader(AlibabaCloudClientOptions options) => Errors = options.BindingErrors is { } earlier ? new List<string>(earlier) : new List<string>();

        public List<string> Errors { get; }

        public void CheckKeys(IConfiguration section, string[] known)
        {
            foreach (var child in section.GetChildren())
            {
                if (Array.FindIndex(known, key => string.Equals(key, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
                {
                    Errors.Add(child.Path + " is not an option (known here: " + string.Join(", ", known) + ").");
                }
            }
        }

        public void Text(IConfiguration section, string key, Action<string> set) => Text(section, key, value =>
        {
            set(value);
            return true;
        }, "text");

        public void Text(IConfiguration section, string key, Func<string, bool> set, string expected)
        {
            if (Value(section, key, out var path) is { } value && !set(value))
            {
                Errors.Add(path + " must be " + expected + ".");
            }
        }

        public void Boolean(IConfiguration section, string key, Action<bool> set) => Text(section, key, value =>
        {
            if (bool.TryParse(value, out var parsed))
            {
                set(parsed);
                return true;
            }

            return false;
        }, "true or false");

        public void Integer(IConfiguration section, string key, Action<int> set) => Text(section, key, value =>
        {
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                set(parsed);
                return true;
            }

            return false;
        }, "a whole number");

        public void Duration(IConfiguration section, string key, Action<TimeSpan> set) => Text(section, key, value =>
        {
            if (string.Equals(value, "Infinite", StringComparison.OrdinalIgnoreCase))
            {
                set(System.Threading.Timeout.InfiniteTimeSpan);
                return true;
            }

            // hh:mm:ss, with days and fractions as TimeSpan writes them; a bare number would be days.
            if (value.IndexOf(':') > 0 && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed))
            {
                set(parsed);
                return true;
            }

            return false;
        }, "a time span like 00:00:30, or Infinite");

        public void Choice<T>(IConfiguration section, string key, (string Name, T Value)[] choices, Action<T> set) => Text(section, key, value =>
        {
            foreach (var (name, choice) in choices)
            {
                if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
                {
                    set(choice);
                    return true;
                }
            }

            return false;
        }, "one of " + string.Join(", ", Array.ConvertAll(choices, choice => choice.Name)));

        private static string? Value(IConfiguration section, string key, out string path)
        {
            var child = section.GetSection(key);
            path = child.Path;
            return string.IsNullOrWhiteSpace(child.Value) ? null : child.Value!.Trim();
        }
    }
}
