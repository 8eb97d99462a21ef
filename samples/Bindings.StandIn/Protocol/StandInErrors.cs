namespace Bindings.StandIn;

/// <summary>An error answer: HTTP status, <c>Code</c> and <c>Message</c> as the service sends them.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Code">The error code, for example <c>MissingParameter</c>.</param>
/// <param name="Message">The message, worded like the service's.</param>
public sealed record StandInError(int StatusCode, string Code, string Message);

/// <summary>
/// The error codes the stand-in answers with, with the status codes and messages of the real
/// service (Alibaba Cloud's API gateway and RDS).
/// </summary>
public static class StandInErrors
{
    /// <summary>The prefix of every <c>SignatureDoesNotMatch</c> message; the server's string to sign follows it directly.</summary>
    public const string SignatureDoesNotMatchPrefix =
        "Specified signature is not matched with our calculation. server string to sign is:";

    /// <summary>A required parameter (operation or common) is missing: 400.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The error.</returns>
    public static StandInError MissingParameter(string name) =>
        new(400, "MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    /// <summary>
    /// A common parameter (or its V3 header) is missing: 400, <c>Missing{Name}</c> as the API
    /// gateway names them, for example <c>MissingSignatureNonce</c>.
    /// </summary>
    /// <param name="name">The common parameter's name, for example <c>SignatureNonce</c>.</param>
    /// <param name="wireName">What the request should have carried, for example <c>x-acs-signature-nonce</c>; defaults to <paramref name="name"/>.</param>
    /// <returns>The error.</returns>
    public static StandInError MissingCommonParameter(string name, string? wireName = null) =>
        new(400, "Missing" + name, $"{wireName ?? name} is mandatory for this action.");

    /// <summary><c>Format</c> is neither <c>JSON</c> nor <c>XML</c>: 400 (answered in XML).</summary>
    public static StandInError InvalidParameterFormat { get; } =
        new(400, "InvalidParameter.Format", "Specified parameter Format is not valid.");

    /// <summary>A parameter's value is not valid: 400.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The error.</returns>
    public static StandInError InvalidParameter(string name) =>
        new(400, "InvalidParameter", $"The specified parameter \"{name}\" is not valid.");

    /// <summary>The AccessKey ID is unknown: 404.</summary>
    public static StandInError InvalidAccessKeyIdNotFound { get; } =
        new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    /// <summary>The signature is wrong: 400 (documented 403), with the server's string to sign.</summary>
    /// <param name="serverStringToSign">The string the stand-in signed.</param>
    /// <returns>The error.</returns>
    public static StandInError SignatureDoesNotMatch(string serverStringToSign) =>
        new(400, "SignatureDoesNotMatch", SignatureDoesNotMatchPrefix + serverStringToSign);

    /// <summary>The signature is missing or malformed (V1 without <c>Signature</c>, a V3 <c>Authorization</c> that does not parse): 400.</summary>
    public static StandInError IncompleteSignature { get; } =
        new(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");

    /// <summary><c>SignatureMethod</c> is not <c>HMAC-SHA1</c>: 400.</summary>
    public static StandInError InvalidSignatureMethod { get; } =
        new(400, "InvalidSignatureMethod", "Specified signature method is not supported.");

    /// <summary>The timestamp is not in the <c>yyyy-MM-ddTHH:mm:ssZ</c> format: 400.</summary>
    /// <param name="name"><c>Timestamp</c> (V1) or <c>x-acs-date</c> (V3).</param>
    /// <returns>The error.</returns>
    public static StandInError IllegalTimestamp(string name) =>
        new(400, "IllegalTimestamp", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    /// <summary>The timestamp is more than 15 minutes from the server's clock: 400.</summary>
    public static StandInError InvalidTimeStampExpired { get; } =
        new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    /// <summary>The nonce was seen before: 400.</summary>
    public static StandInError SignatureNonceUsed { get; } =
        new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    /// <summary>An STS AccessKey came without its security token: 400.</summary>
    public static StandInError MissingSecurityToken { get; } =
        new(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");

    /// <summary>The STS token has expired: 400.</summary>
    public static StandInError InvalidSecurityTokenExpired { get; } =
        new(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");

    /// <summary>The STS token belongs to another AccessKey: 400.</summary>
    public static StandInError InvalidSecurityTokenMismatchWithAccessKey { get; } =
        new(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");

    /// <summary>The STS token is not one the stand-in issued: 400.</summary>
    public static StandInError InvalidSecurityTokenMalformed { get; } =
        new(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.");

    /// <summary>The <c>Action</c> is not an operation of the product: 404.</summary>
    public static StandInError InvalidActionNotFound { get; } =
        new(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");

    /// <summary>The <c>Version</c> is not <c>2014-08-15</c>: 400.</summary>
    public static StandInError InvalidVersion { get; } =
        new(400, "InvalidVersion", "Specified parameter Version is not valid.");

    /// <summary>A method other than GET or POST: 400.</summary>
    public static StandInError UnsupportedHttpMethod { get; } =
        new(400, "UnsupportedHTTPMethod", "This http method is not supported.");

    /// <summary>The instance does not exist: 400.</summary>
    public static StandInError InvalidDBInstanceIdNotFound { get; } =
        new(400, "InvalidDBInstanceId.NotFound", "Specified instance does not exist or not support.");

    /// <summary>Throttled (fault injection): 400, retryable.</summary>
    public static StandInError Throttling { get; } =
        new(400, "Throttling", "Request was denied due to request throttling.");

    /// <summary>A server failure (fault injection): 500.</summary>
    public static StandInError InternalError { get; } =
        new(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");

    /// <summary>A temporary failure (fault injection): 503.</summary>
    public static StandInError ServiceUnavailable { get; } =
        new(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    /// <summary>
    /// The codes the RDS operations answer with, as documented in each operation's <c>errorCodes</c>
    /// of the OpenAPI description (RDS 2014-08-15): status, code and message as written there.
    /// </summary>
    public static class Rds
    {
        /// <summary>CreateBackup: <c>BackupMethod</c> is not Logical, Physical or Snapshot.</summary>
        public static StandInError InvalidBackupMethod { get; } =
            new(400, "InvalidBackupMethod.ValueNotSupport", "The specified  parameter \"BackupMethod\" is not valid.");

        /// <summary>CreateBackup: <c>BackupType</c> is not Auto or FullBackup.</summary>
        public static StandInError BackupTypeNotSupport { get; } = new(400, "BackupType.NotSupport", "the specified backup type not support");

        /// <summary>CreateBackup: a <c>DBName</c> that is not a database name.</summary>
        public static StandInError InvalidDBNameFormat { get; } = new(400, "InvalidDBName.Format", "Specified DB name is not valid.");

        /// <summary>CreateBackup: a backup started by CreateBackup is still running on the instance.</summary>
        public static StandInError BackupJobExists { get; } =
            new(400, "BackupJobExists", "A backup job already exists in the specified DB instance.");

        /// <summary>The instance is not running (for example still being created).</summary>
        public static StandInError IncorrectDBInstanceState { get; } =
            new(403, "IncorrectDBInstanceState", "Current DB instance state does not support this operation.");

        /// <summary>DescribeBackups: <c>PageNumber</c> is not a positive integer.</summary>
        public static StandInError InvalidPageNumbers { get; } = new(400, "InvalidPageNumbers.Malformed", "Specified page number is not valid.");

        /// <summary>DescribeBackups: <c>PageSize</c> outside 30 to 1000.</summary>
        public static StandInError InvalidMaxRecordsPerPage { get; } =
            new(403, "InvalidMaxRecordsPerPage.Malformed", "Specified record number is not valid.");

        /// <summary>DescribeBackups, DescribeBinlogFiles: <c>StartTime</c> not in the documented format.</summary>
        public static StandInError InvalidStartTimeFormat { get; } = new(400, "InvalidStartTime.Format", "Specified start time is not valid.");

        /// <summary>DescribeBackups, DescribeBinlogFiles: <c>EndTime</c> not in the documented format.</summary>
        public static StandInError InvalidEndTimeFormat { get; } = new(400, "InvalidEndTime.Format", "Specified end time is not valid.");

        /// <summary>DescribeBackups, DescribeBinlogFiles: <c>EndTime</c> not after <c>StartTime</c>.</summary>
        public static StandInError InvalidParameterCombination { get; } =
            new(400, "InvalidParameterCombination", "The end time must be greater than the start time");

        /// <summary>DescribeLogBackupFiles, DescribeBinlogFiles: a parameter in the wrong format.</summary>
        public static StandInError InvalidParametersFormat { get; } = new(400, "InvalidParameters.Format", "Specified parameter is not valid.");

        /// <summary>DeleteBackup: a <c>BackupId</c> that is not a set of the instance (or was deleted, or expired).</summary>
        public static StandInError InvalidBackupSetIdNotFound { get; } =
            new(404, "InvalidBackupSetID.NotFound", "Specified backup set ID does not exist.");

        /// <summary>DeleteBackup: an automated set within the retention period (<c>StoreStatus</c> <c>Disabled</c>).</summary>
        public static StandInError BackupSetDeleteNotSupport { get; } =
            new(403, "OperationDenied.BackupSetDeleteNotSupport", "The Specified backup does not support this operation.");

        /// <summary>DeleteBackup: more than 100 IDs.</summary>
        public static StandInError DeleteBackupSetNumExceed { get; } =
            new(400, "DeleteBackupSetNumExceed", "Delete backup set number is more than 100.");

        /// <summary>ModifyBackupPolicy: <c>BackupRetentionPeriod</c> (or <c>LogBackupRetentionPeriod</c>) outside 7 to 730 days.</summary>
        public static StandInError InvalidBackupRetentionPeriod { get; } =
            new(400, "InvalidBackupRetentionPeriod.Malformed", "The specified backup retention period is invalid.");

        /// <summary>ModifyBackupPolicy: <c>PreferredBackupTime</c> not <c>HH:mmZ-HH:mmZ</c> (documented for CreateBackup).</summary>
        public static StandInError InvalidPreferredBackupTime { get; } =
            new(400, "InvalidPreferredBackupTime.Format", "Specified preferred backup time is not valid.");

        /// <summary>ModifyBackupPolicy: <c>PreferredBackupPeriod</c> not two or more days of the week (the code CreateDdrInstance documents).</summary>
        public static StandInError InvalidPreferredBackupPeriod { get; } =
            new(400, "InvalidPreferredBackupPeriod.Malformed", "Specified backup period is not valid.");

        /// <summary>ModifyBackupPolicy: <c>LogBackupFrequency</c> other than <c>LogInterval</c>.</summary>
        public static StandInError InvalidLogBackupFrequency { get; } =
            new(400, "InvalidLogBackupFrequency.Malformed", "Invalid log backup frequency.");

        /// <summary>ModifyBackupPolicy: an archive (cold) retention value outside its documented range.</summary>
        public static StandInError InvalidColdRetention { get; } = new(400, "InvalidColdRetention.Format", "Invalid cold retention format.");

        /// <summary>ModifyBackupPolicy: <c>BackupMethod</c> back from Snapshot to Physical.</summary>
        public static StandInError SwitchSnapshotToPhysical { get; } =
            new(403, "OperationDenied.SwitchSnapshotToPhysical", "Only physical backup to snapshot backup is supported.");

        /// <summary>TagResources: more than 20 tags in one request.</summary>
        public static StandInError NumberExceedTags { get; } =
            new(400, "NumberExceed.Tags", "The maximum number of Tags is exceeded. The maximum value is 20.");

        /// <summary>TagResources: more than 50 resources in one request.</summary>
        public static StandInError NumberExceedResourceIds { get; } =
            new(400, "NumberExceed.ResourceIds", "The maximum number of ResourceIds is exceeded. The maximum value is 50.");

        /// <summary>TagResources: no <c>ResourceId.N</c>.</summary>
        public static StandInError MissingResourceIds { get; } = new(400, "MissingParameter", "The parameter - ResourceIds.N should not be null");

        /// <summary>TagResources: a blank <c>Tag.N.Key</c>.</summary>
        public static StandInError InvalidTagKey { get; } = new(400, "InvalidTagKey.Malformed", "The Tag.N.Key parameter is blank");

        /// <summary>TagResources: a blank <c>Tag.N.Value</c>.</summary>
        public static StandInError InvalidTagValue { get; } = new(400, "InvalidTagValue.Malformed", "The Tag.N.Value parameter is blank");

        /// <summary>TagResources: the same key twice.</summary>
        public static StandInError DuplicateTagKey { get; } = new(400, "Duplicate.TagKey", "The Tag.N.Key contain duplicate key.");

        /// <summary>TagResources: the resource would have more than 20 tags.</summary>
        public static StandInError TagQuotaExceed { get; } = new(400, "OperationDenied.QuotaExceed", "The maximum number of Tags is exceeded.");

        /// <summary>TagResources, ListTagResources: <c>ResourceType</c> is not <c>INSTANCE</c>.</summary>
        public static StandInError InvalidResourceType { get; } = new(400, "InvalidParameter.ResourceType", "The parameter ResourceType is invalid.");

        /// <summary>ListTagResources: neither <c>ResourceId.N</c> nor <c>Tag.N</c>.</summary>
        public static StandInError BothEmptyTagsAndResources { get; } =
            new(400, "BothEmpty.TagsAndResources", "The specified Tags and ResourcesIds are not allow to both empty.");

        /// <summary>ListTagResources: more than 20 tags.</summary>
        public static StandInError ListNumberExceedTags { get; } = new(400, "NumberExceed.Tags", "The number of Tags parameter is exceed, Valid : 20");

        /// <summary>ListTagResources: more than 50 resources.</summary>
        public static StandInError ListNumberExceedResourceIds { get; } =
            new(400, "NumberExceed.ResourceIds", "The number of ResourceIds parameter is exceed , Valid : 50");

        /// <summary>DescribeDBInstances, ListTagResources: a <c>NextToken</c> the stand-in did not hand out.</summary>
        public static StandInError InvalidNextToken { get; } = new(400, "Invalid.NextToken", "The parameter NextToken is invalid.");

        /// <summary>DescribeDBInstances: <c>DBInstanceType</c> not Primary, Readonly, Guard or Temp.</summary>
        public static StandInError InvalidDBInstanceType { get; } =
            new(400, "InvalidDBInstanceType.ValueNotSupport", "The specified  parameter DBInstanceType is not valid.");

        /// <summary>DescribeDBInstances, DescribeDBInstanceAttribute: <c>Expired</c> not True or False.</summary>
        public static StandInError InvalidExpired { get; } = new(400, "InvalidExpired.Format", "The instance expiration status parameter is incorrect.");

        /// <summary>CreateDBInstance: an <c>EngineVersion</c> the engine does not have.</summary>
        public static StandInError InvalidEngineVersion { get; } =
            new(400, "InvalidEngineVersion.Malformed", "The specified parameter EngineVersion is not valid.");

        /// <summary>CreateDBInstance: a <c>DBInstanceClass</c> that is not an instance type.</summary>
        public static StandInError InvalidDBInstanceClass { get; } =
            new(400, "InvalidDBInstanceClass.Malformed", "The specified parameter DBInstanceClass is not valid.");

        /// <summary>CreateDBInstance: a <c>SecurityIPList</c> that is not IP addresses or CIDR blocks.</summary>
        public static StandInError InvalidSecurityIPList { get; } =
            new(400, "InvalidSecurityIPList.Format", "The specified parameter securityIPList is not valid.");

        /// <summary>CreateDBInstance: a <c>Port</c> outside the engine's range.</summary>
        public static StandInError InvalidPort { get; } = new(400, "InvalidPort.Malformed", "Specified port is not valid.");

        /// <summary>CreateDBInstance: the stand-in holds its maximum of instances (1000).</summary>
        public static StandInError InsufficientResourceCapacity { get; } =
            new(404, "InsufficientResourceCapacity", "The target availability zone does not have sufficient resources.");

        /// <summary>CreateDBInstance: a <c>ServerlessConfig</c> whose <c>MinCapacity</c> is not positive or exceeds <c>MaxCapacity</c>.</summary>
        public static StandInError InvalidMinCapacity { get; } =
            new(400, "InvalidParameter.MinCapacity", "The specified parameter 'MinCapacity' is not valid.");
    }
}
