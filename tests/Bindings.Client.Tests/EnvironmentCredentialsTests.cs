using Bindings.Signing;

namespace Bindings.Client.Tests;

[CollectionDefinition(nameof(EnvironmentCredentialsTests), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

/// <summary>Credentials from the environment when the options name none. Changes process variables, so runs alone.</summary>
[Collection(nameof(EnvironmentCredentialsTests))]
public sealed class EnvironmentCredentialsTests : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    public EnvironmentCredentialsTests()
    {
        foreach (var name in new[] { AlibabaCloudCredentials.AccessKeyIdVariable, AlibabaCloudCredentials.AccessKeySecretVariable, AlibabaCloudCredentials.SecurityTokenVariable })
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public async Task WithoutCredentialsAnywhereTheCallFailsClearlyAndSendsNothing()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => o.Credentials = null);

        // An InvalidOperationException, as it always was; now naming every source of the chain.
        var error = await Assert.ThrowsAsync<Bindings.Credentials.AlibabaCloudCredentialsUnavailableException>(() => client.DescribeBackupTasksAsync(TestClients.Request()));
        Assert.IsAssignableFrom<InvalidOperationException>(error);

        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", error.Message);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET", error.Message);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task TheEnvironmentIsReadAtTheFirstCallNotBefore()
    {
        var handler = new FakeHttpHandler().Then(Bodies.Ok);
        var client = TestClients.Rds(handler, o => { o.Credentials = null; o.SignatureVersion = SignatureVersion.V1; });
        Environment.SetEnvironmentVariable(AlibabaCloudCredentials.AccessKeyIdVariable, "LTAI-from-environment");
        Environment.SetEnvironmentVariable(AlibabaCloudCredentials.AccessKeySecretVariable, TestClients.Secret);
        Environment.SetEnvironmentVariable(AlibabaCloudCredentials.SecurityTokenVariable, TestClients.StsToken);

        await client.DescribeBackupTasksAsync(TestClients.Request());

        var sent = handler.Requests[0];
        Assert.Equal("LTAI-from-environment", sent.Parameter("AccessKeyId"));
        Assert.Equal(TestClients.StsToken, sent.Parameter("SecurityToken"));
        Assert.True(RpcSignatureV1.Verify(sent.Method, sent.AllParameters, TestClients.Secret, out _));
    }
}
