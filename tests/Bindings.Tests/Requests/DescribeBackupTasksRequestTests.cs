using System.Globalization;
using Bindings.Rds;
using Bindings.Tests.Support;

namespace Bindings.Tests.Requests;

/// <summary>The shipped request: its validation and the parameters it puts on the wire.</summary>
public class DescribeBackupTasksRequestTests
{
    [Fact]
    public void MissingDBInstanceIdIsRejectedByName()
    {
        var failure = Assert.Throws<RequestValidationException>(() => new DescribeBackupTasksRequest().Validate());
        Assert.Equal("DBInstanceId", failure.ParamName);
        Assert.Equal("DescribeBackupTasks", failure.Operation);
        Assert.Contains("required", failure.Problem);
    }

    [Fact]
    public void EmptyDBInstanceIdIsRejectedAsMissing()
        => Assert.Equal("DBInstanceId", Assert.Throws<RequestValidationException>(() => new DescribeBackupTasksRequest { DBInstanceId = "" }.Validate()).ParamName);

    [Theory]
    [InlineData(" ")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u3000")]
    public void BlankDBInstanceIdIsRejectedAsMissing(string blank)
    {
        var failure = Assert.Throws<RequestValidationException>(() => new DescribeBackupTasksRequest { DBInstanceId = blank }.Validate());
        Assert.Equal("DBInstanceId", failure.ParamName);
        Assert.Equal("is required", failure.Problem);
    }

    [Theory]
    [InlineData("rm-uf6wjk5\nxxxxxxx")]
    [InlineData("rm-uf6wjk5xxxxxxx\r\n")]
    [InlineData("rm-\u0000")]
    [InlineData("rm-\u001b[31m")]
    [InlineData("rm-\u007f")]
    [InlineData("rm-\u0085")]
    public void ControlCharactersInAnIdentifierAreRejected(string id)
    {
        var failure = Assert.Throws<RequestValidationException>(() => new DescribeBackupTasksRequest { DBInstanceId = id }.Validate());
        Assert.Equal("DBInstanceId", failure.ParamName);
        Assert.Equal("must not contain control characters", failure.Problem);
        Assert.DoesNotContain(id, failure.Message, StringComparison.Ordinal);
        var token = Assert.Throws<RequestValidationException>(() => new DescribeBackupTasksRequest { DBInstanceId = "rm-1", ClientToken = "a\tb" }.Validate());
        Assert.Equal("ClientToken", token.ParamName);
    }

    [Fact]
    public void ControlCharactersInOtherStringsAreNotIdentifiersAndPass()
        => new DescribeBackupTasksRequest { DBInstanceId = "rm-1", OwnerAccount = "line one\nline two" }.Validate();

    [Fact]
    public void AnEnumLeftAtDefaultIsRefusedAndNeverWrittenAsAnEmptyParameter()
    {
        var request = new DescribeBackupTasksRequest { DBInstanceId = "rm-1", BackupMode = default(BackupMode), BackupJobStatus = default(BackupJobStatus) };
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("BackupMode", failure.ParamName);
        Assert.Contains("unset value (default)", failure.Problem, StringComparison.Ordinal);

        // Written without Validate(): the parameter is left out, not sent as "BackupMode=".
        var parameters = new List<KeyValuePair<string, string>>();
        request.WriteParameters(parameters);
        Assert.DoesNotContain(parameters, p => p.Key is "BackupMode" or "BackupJobStatus");
        Assert.DoesNotContain(parameters, p => p.Value.Length == 0);

        // A value the spec does not list is a value: it is sent as given.
        request = new DescribeBackupTasksRequest { DBInstanceId = "rm-1", BackupMode = BackupMode.FromWireValue("Scheduled") };
        request.Validate();
        parameters.Clear();
        request.WriteParameters(parameters);
        Assert.Contains(new KeyValuePair<string, string>("BackupMode", "Scheduled"), parameters);
    }

    [Fact]
    public void ClientTokenOf65CharactersIsRejected()
    {
        var request = new DescribeBackupTasksRequest { DBInstanceId = "rm-1", ClientToken = new string('a', 65) };
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("ClientToken", failure.ParamName);
        Assert.Contains("64", failure.Problem);
    }

    [Fact]
    public void ClientTokenOf64CharactersIsAccepted()
        => new DescribeBackupTasksRequest { DBInstanceId = "rm-1", ClientToken = new string('a', 64) }.Validate();

    [Theory]
    [InlineData("tökén")]
    [InlineData("token\u00a0")]
    [InlineData("令牌")]
    public void NonAsciiClientTokenIsRejected(string token)
    {
        var request = new DescribeBackupTasksRequest { DBInstanceId = "rm-1", ClientToken = token };
        var failure = Assert.Throws<RequestValidationException>(request.Validate);
        Assert.Equal("ClientToken", failure.ParamName);
        Assert.Contains("ASCII", failure.Problem);
    }

    [Fact]
    public void ValidationMessageDoesNotQuoteTheToken()
    {
        var failure = Assert.Throws<RequestValidationException>(new DescribeBackupTasksRequest { DBInstanceId = "rm-1", ClientToken = "s3cr3t-" + new string('x', 64) }.Validate);
        Assert.DoesNotContain("s3cr3t", failure.Message);
    }

    [Fact]
    public void AValidRequestPasses()
        => new DescribeBackupTasksRequest { DBInstanceId = "rm-uf6wjk5xxxxxxx", ClientToken = "ETnLKlblzczshOTUbOCzxxxxxxx", BackupJobId = 4762614 }.Validate();

    [Fact]
    public void WriteParametersGivesActionVersionAndTheSetParametersInInvariantText()
    {
        using var culture = new CultureScope("de-DE");
        Assert.Equal(".", CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator);
        var request = new DescribeBackupTasksRequest
        {
            DBInstanceId = "rm-uf6wjk5xxxxxxx",
            BackupJobId = 4762614,
            BackupMode = BackupMode.Automated,
            BackupJobStatus = BackupJobStatus.Progressing,
            OwnerId = 1234567890123,
        };

        var parameters = new List<KeyValuePair<string, string>>();
        request.WriteParameters(parameters);

        Assert.Equal(
            new[]
            {
                Pair("Action", "DescribeBackupTasks"),
                Pair("Version", "2014-08-15"),
                Pair("DBInstanceId", "rm-uf6wjk5xxxxxxx"),
                Pair("BackupJobId", "4762614"),
                Pair("BackupMode", "Automated"),
                Pair("BackupJobStatus", "Progressing"),
                Pair("OwnerId", "1234567890123"),
            },
            parameters);
    }

    [Fact]
    public void NegativeNumbersUseTheAsciiMinusUnderEveryCulture()
    {
        // Swedish formats negative numbers with U+2212 MINUS SIGN.
        using var culture = new CultureScope("sv-SE");
        Assert.NotEqual("-5", (-5L).ToString(CultureInfo.CurrentCulture));
        var parameters = new Dictionary<string, string>();
        new DescribeBackupTasksRequest { DBInstanceId = "rm-1", BackupJobId = -5 }.WriteParameters(parameters);
        Assert.Equal("-5", parameters["BackupJobId"]);
    }

    [Fact]
    public void UnsetParametersAreOmittedAndFlagIsNeverSentUnlessSet()
    {
        var parameters = new Dictionary<string, string>();
        new DescribeBackupTasksRequest { DBInstanceId = "rm-1" }.WriteParameters(parameters);
        Assert.Equal(new[] { "Action", "Version", "DBInstanceId" }, parameters.Keys);
        Assert.DoesNotContain("Flag", parameters.Keys);
        Assert.DoesNotContain("ClientToken", parameters.Keys);
    }

    [Fact]
    public void FlagIsSentWhenTheCallerSetsIt()
    {
        var parameters = new Dictionary<string, string>();
        new DescribeBackupTasksRequest { DBInstanceId = "rm-1", Flag = "x" }.WriteParameters(parameters);
        Assert.Equal("x", parameters["Flag"]);
    }

    [Fact]
    public void UnknownEnumValueIsSentAsItsWireText()
    {
        var parameters = new Dictionary<string, string>();
        new DescribeBackupTasksRequest { DBInstanceId = "rm-1", BackupMode = BackupMode.FromWireValue("Scheduled") }.WriteParameters(parameters);
        Assert.Equal("Scheduled", parameters["BackupMode"]);
    }

    [Fact]
    public void TheRequestDescribesItsOperation()
    {
        IRpcRequest request = new DescribeBackupTasksRequest();
        Assert.Equal("DescribeBackupTasks", request.Action);
        Assert.Equal("2014-08-15", request.Version);
        Assert.True(request.IsReadOnly);
    }

    [Fact]
    public void WriteParametersRefusesNull()
        => Assert.Throws<ArgumentNullException>(() => new DescribeBackupTasksRequest().WriteParameters(null!));

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
