using System;
using System.Collections.Generic;
using System.Globalization;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// One RDS operation the stand-in answers from its state. <see cref="Handle"/> runs under the state's
/// lock after the common checks have passed; it reads its parameters from the call, checks them as
/// the service documents, and refuses with the documented codes by throwing <see cref="StandInException"/>.
/// </summary>
internal abstract class RdsOperation
{
    public const string ApiVersion = "2014-08-15";

    public abstract string Action { get; }

    public abstract StandInReply Handle(StandInCall call, StandInView view);

    /// <summary>The instance named by <c>DBInstanceId</c> (required).</summary>
    protected static InstanceState Instance(StandInCall call, StandInView view) =>
        view.Find(call.RequiredParameter("DBInstanceId")) ?? throw new StandInException(StandInErrors.InvalidDBInstanceIdNotFound);

    /// <summary>An optional parameter that must be one of the documented values.</summary>
    protected static string? OneOf(StandInCall call, string name, IReadOnlyCollection<string> values, StandInError? error = null)
    {
        var value = call.Parameter(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var allowed in values)
        {
            if (string.Equals(allowed, value, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new StandInException(error ?? StandInErrors.InvalidParameter(name));
    }

    /// <summary>An optional integer within the documented bounds.</summary>
    protected static int? Int32(StandInCall call, string name, int minimum, int maximum, StandInError? error = null)
    {
        var text = call.Parameter(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new StandInException(error ?? StandInErrors.InvalidParameter(name));
    }

    /// <summary>The account-scoping parameters every RDS operation takes: numbers when present.</summary>
    protected static void CheckOwnerIds(StandInCall call)
    {
        foreach (var name in new[] { "OwnerId", "ResourceOwnerId" })
        {
            if (call.Parameter(name) is { Length: > 0 } id && !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new StandInException(StandInErrors.InvalidParameter(name));
            }
        }
    }

    /// <summary>A <c>ClientToken</c>: ASCII, at most 64 characters.</summary>
    protected static void CheckClientToken(StandInCall call)
    {
        if (call.Parameter("ClientToken") is { } token && (token.Length > 64 || !System.Text.Ascii.IsValid(token)))
        {
            throw new StandInException(StandInErrors.InvalidParameter("ClientToken"));
        }
    }
}
