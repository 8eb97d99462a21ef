using System;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary><c>DescribeDBInstanceAttribute</c>: the details of one instance (or several, IDs separated by commas).</summary>
internal sealed class DescribeDBInstanceAttribute : RdsOperation
{
    private static readonly string[] TrueFalse = ["True", "False"];

    public override string Action => "DescribeDBInstanceAttribute";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        var ids = call.RequiredParameter("DBInstanceId").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var expired = OneOf(call, "Expired", TrueFalse, StandInErrors.Rds.InvalidExpired);
        CheckOwnerIds(call);
        var items = new StandInArray();
        foreach (var id in ids)
        {
            var instance = view.Find(id) ?? throw new StandInException(StandInErrors.InvalidDBInstanceIdNotFound);
            if (expired != "True")
            {
                items.Add(InstanceWire.Attribute(instance, view.Now));
            }
        }

        return new StandInObject { { "Items", new StandInObject { { "DBInstanceAttribute", items } } } };
    }
}
