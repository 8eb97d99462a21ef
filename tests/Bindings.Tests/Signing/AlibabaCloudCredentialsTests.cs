using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using Bindings.Signing;

namespace Bindings.Tests.Signing;

public class AlibabaCloudCredentialsTests
{
    private const string Id = "LTAI5tExampleAccessKeyId";
    private const string Secret = "S3cr3t-Never-Print-Me-0123456789";
    private const string Token = "CAIS-sts-token-never-print-me";

    [Fact]
    public void Keeps_the_values_it_was_given()
    {
        var credentials = new AlibabaCloudCredentials(Id, Secret, Token);

        Assert.Equal(Id, credentials.AccessKeyId);
        Assert.Equal(Secret, credentials.AccessKeySecret);
        Assert.Equal(Token, credentials.SecurityToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_security_token_means_none(string? token)
    {
        Assert.Null(new AlibabaCloudCredentials(Id, Secret, token).SecurityToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t")]
    public void Rejects_an_empty_id_naming_the_parameter_without_the_secret(string? id)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new AlibabaCloudCredentials(id!, Secret));

        Assert.Equal("accessKeyId", error.ParamName);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t")]
    public void Rejects_an_empty_secret_naming_the_parameter(string? secret)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new AlibabaCloudCredentials(Id, secret!, Token));

        Assert.Equal("accessKeySecret", error.ParamName);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_all_three_variables()
    {
        var credentials = AlibabaCloudCredentials.FromEnvironment(Lookup(new()
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = Id,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = Secret,
            ["ALIBABA_CLOUD_SECURITY_TOKEN"] = Token,
        }));

        Assert.NotNull(credentials);
        Assert.Equal(Id, credentials.AccessKeyId);
        Assert.Equal(Secret, credentials.AccessKeySecret);
        Assert.Equal(Token, credentials.SecurityToken);
    }

    [Fact]
    public void Reads_a_permanent_key_pair_without_a_token()
    {
        var credentials = AlibabaCloudCredentials.FromEnvironment(Lookup(new()
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = Id,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = Secret,
        }));

        Assert.NotNull(credentials);
        Assert.Null(credentials.SecurityToken);
    }

    [Theory]
    [InlineData(null, Secret)]
    [InlineData(Id, null)]
    [InlineData("", Secret)]
    [InlineData(Id, "")]
    [InlineData(null, null)]
    public void Returns_null_when_the_id_or_the_secret_is_missing(string? id, string? secret)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = id,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = secret,
            ["ALIBABA_CLOUD_SECURITY_TOKEN"] = Token,
        };

        Assert.Null(AlibabaCloudCredentials.FromEnvironment(Lookup(variables)));
    }

    [Fact]
    public void Reads_the_process_environment_by_default()
    {
        // The process environment is shared by parallel tests, so it is read, never changed.
        var expected = AlibabaCloudCredentials.FromEnvironment(Environment.GetEnvironmentVariable);
        var actual = AlibabaCloudCredentials.FromEnvironment();

        Assert.Equal(expected?.AccessKeyId, actual?.AccessKeyId);
        Assert.Equal(expected?.SecurityToken, actual?.SecurityToken);
    }

    [Fact]
    public void ToString_masks_the_id_and_never_shows_the_secret_or_the_token()
    {
        var text = new AlibabaCloudCredentials(Id, Secret, Token).ToString();

        Assert.Equal("AlibabaCloudCredentials { AccessKeyId = LTAI***, SecurityToken = *** }", text);
        Assert.Equal(
            "AlibabaCloudCredentials { AccessKeyId = LTAI***, SecurityToken = none }",
            new AlibabaCloudCredentials(Id, Secret).ToString());
    }

    [Fact]
    public void A_short_id_is_hidden_entirely()
    {
        Assert.Equal("***", new AlibabaCloudCredentials("testid", "testsecret").MaskedAccessKeyId);
    }

    [Fact]
    public void Records_and_interpolation_that_contain_credentials_do_not_leak_them()
    {
        var credentials = new AlibabaCloudCredentials(Id, Secret, Token);
        var texts = new[] { new Holder(credentials).ToString(), $"using {credentials}", string.Format(null, "{0}", credentials) };

        foreach (var text in texts)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Id, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_debugger_shows_the_masked_form_and_hides_the_secret_members()
    {
        var type = typeof(AlibabaCloudCredentials);

        Assert.Equal("{ToString(),nq}", type.GetCustomAttribute<DebuggerDisplayAttribute>()?.Value);
        foreach (var name in new[] { nameof(AlibabaCloudCredentials.AccessKeySecret), nameof(AlibabaCloudCredentials.SecurityToken) })
        {
            var browsable = type.GetProperty(name)!.GetCustomAttribute<DebuggerBrowsableAttribute>();
            Assert.Equal(DebuggerBrowsableState.Never, browsable?.State);
        }
    }

    private static Func<string, string?> Lookup(Dictionary<string, string?> variables) =>
        name => variables.TryGetValue(name, out var value) ? value : null;

    private sealed record Holder(AlibabaCloudCredentials Credentials);
}
