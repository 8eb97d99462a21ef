// Parses the documented examples of DescribeBackupTasks with the types generated from specs/ and
// checks the values; exits with 1 on the first run of mismatches, so that a CI script can tell.
using System.Diagnostics;
using System.Text;
using Bindings;
using Bindings.Rds;

// With --endpoint URL [--instance ID]: call that endpoint (credentials from the environment) and
// print the report; the consumer's test project runs the NativeAOT build like this against the stand-in.
if (args.Length >= 2 && args[0] == "--endpoint")
{
    var client = new RdsClient(new System.Net.Http.HttpClient(), new Bindings.Client.AlibabaCloudClientOptions { Endpoint = new Uri(args[1]) });
    var report = new Consumer.App.BackupReport(client);
    Console.WriteLine(await report.SummarizeAsync(args.Length >= 4 && args[2] == "--instance" ? args[3] : "rm-uf6wjk5xxxxxxx"));
    try
    {
        Console.WriteLine("regions: " + string.Join(",", await report.RegionsAsync()));
    }
    catch (Bindings.Client.AlibabaCloudServiceException exception) when (exception.Code == "InvalidAction.NotFound")
    {
        // A stand-in that was not taught this app's own operation says so, as the service would.
        Console.WriteLine("regions: not answered (InvalidAction.NotFound)");
    }

    return 0;
}

var started = Stopwatch.GetTimestamp();
var passed = 0;
var failed = 0;

void Check(string what, bool condition)
{
    if (condition)
    {
        passed++;
        Console.WriteLine("ok    " + what);
    }
    else
    {
        failed++;
        Console.WriteLine("FAIL  " + what);
    }
}

void CheckDocumentedValues(string source, DescribeBackupTasksResponse response)
{
    Check(source + ": RequestId", response.RequestId == "90496720-2319-42A8-87CD-FCE4DF95EBED");
    Check(source + ": one backup job", response.Items.Count == 1);
    if (response.Items.Count != 1)
    {
        return;
    }

    var job = response.Items[0];
    Check(source + ": JobMode", job.JobMode == BackupMode.Automated && job.JobMode?.Kind == BackupModeKind.Automated);
    Check(source + ": BackupProgressStatus", job.BackupProgressStatus == BackupProgressStatus.NoStart);
    Check(source + ": TaskAction", job.TaskAction == TaskAction.NormalBackupTask);
    Check(source + ": BackupStatus", job.BackupStatus == BackupStatus.NoStart);
    Check(source + ": BackupJobId", job.BackupJobId == 4762614L);
    Check(source + ": absent members are null", job.BackupId is null && job.Process is null);
    Check(source + ": no unknown members", job.UnknownMembers.Count == 0 && response.UnknownMembers.Count == 0);
}

const string Json = """
    {
      "Items": {
        "BackupJob": [
          {
            "JobMode": "Automated",
            "BackupProgressStatus": "NoStart",
            "TaskAction": "NormalBackupTask",
            "BackupStatus": "NoStart",
            "BackupJobId": 4762614
          }
        ]
      },
      "RequestId": "90496720-2319-42A8-87CD-FCE4DF95EBED"
    }
    """;

const string Xml = """
    <DescribeBackupTasksResponse>
      <Items>
        <BackupJob>
          <JobMode>Automated</JobMode>
          <BackupProgressStatus>NoStart</BackupProgressStatus>
          <TaskAction>NormalBackupTask</TaskAction>
          <BackupStatus>NoStart</BackupStatus>
          <BackupJobId>4762614</BackupJobId>
        </BackupJob>
      </Items>
      <RequestId>90496720-2319-42A8-87CD-FCE4DF95EBED</RequestId>
    </DescribeBackupTasksResponse>
    """;

try
{
    var fromJson = DescribeBackupTasksResponse.ParseJson(Encoding.UTF8.GetBytes(Json));
    var fromXml = DescribeBackupTasksResponse.ParseXml(Xml);
    CheckDocumentedValues("JSON", fromJson);
    CheckDocumentedValues("XML", fromXml);
    Check("JSON and XML give equal objects", fromJson.Equals(fromXml));
    Check("JSON stream", fromJson.Equals(DescribeBackupTasksResponse.ParseJson(new MemoryStream(Encoding.UTF8.GetBytes(Json)))));
    Check("XML stream, async", fromJson.Equals(await DescribeBackupTasksResponse.ParseXmlAsync(new MemoryStream(Encoding.UTF8.GetBytes(Xml)))));

    try
    {
        DescribeBackupTasksResponse.ParseJson("{\"Items\":{\"BackupJob\":[{\"BackupJobId\":\"x\"}]}}");
        Check("a bad value throws ResponseParseException", false);
    }
    catch (ResponseParseException exception)
    {
        Check("a bad value throws ResponseParseException with its path", exception.Path == "Items.BackupJob[0].BackupJobId");
    }

    IRpcRequest request = new DescribeBackupTasksRequest { DBInstanceId = "rm-uf6wjk5xxxxxxx", BackupMode = BackupMode.Automated };
    request.Validate();
    var parameters = new List<KeyValuePair<string, string>>();
    request.WriteParameters(parameters);
    var written = string.Join("&", parameters.Select(pair => pair.Key + "=" + pair.Value));
    Check("request parameters", written == "Action=DescribeBackupTasks&Version=2014-08-15&DBInstanceId=rm-uf6wjk5xxxxxxx&BackupMode=Automated");

    try
    {
        new DescribeBackupTasksRequest().Validate();
        Check("a missing required parameter throws", false);
    }
    catch (RequestValidationException exception)
    {
        Check("a missing required parameter throws", exception.ParamName == "DBInstanceId");
    }
}
catch (Exception exception)
{
    failed++;
    Console.WriteLine("FAIL  unexpected " + exception);
}

var elapsed = Stopwatch.GetElapsedTime(started);
Console.WriteLine($"consumer checks: {passed} ok, {failed} failed; Main took {elapsed.TotalMilliseconds:F1} ms");
return failed == 0 ? 0 : 1;
