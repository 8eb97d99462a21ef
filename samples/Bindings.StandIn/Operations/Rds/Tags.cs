using System;
using System.Collections.Generic;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>What <c>TagResources</c> and <c>ListTagResources</c> share: the resource type and the tag list.</summary>
internal static class Tags
{
    /// <summary>The only resource type: an instance (<c>ALIYUN::RDS::INSTANCE</c> in answers).</summary>
    public const string ResourceType = "INSTANCE";

    public const string WireResourceType = "ALIYUN::RDS::INSTANCE";

    /// <summary>At most this many tags on one instance.</summary>
    public const int PerResourceLimit = 20;

    public static void CheckResourceType(StandInCall call)
    {
        if (!string.Equals(call.RequiredParameter("ResourceType"), ResourceType, StringComparison.OrdinalIgnoreCase))
        {
            throw new StandInException(StandInErrors.Rds.InvalidResourceType);
        }
    }

    /// <summary>
    /// <c>Tag.N.Key</c>/<c>Tag.N.Value</c> in index order. With <paramref name="valuesRequired"/> a blank
    /// value is refused; a blank key always is, and so is a key given twice.
    /// </summary>
    public static List<KeyValuePair<string, string?>> Read(StandInCall call, bool valuesRequired, StandInError tooMany)
    {
        var tags = new List<KeyValuePair<string, string?>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var list = call.RepeatListOfObjects("Tag");
        if (list.Count > 20)
        {
            throw new StandInException(tooMany);
        }

        foreach (var tag in list)
        {
            if (!tag.TryGetValue("Key", out var key) || string.IsNullOrWhiteSpace(key))
            {
                throw new StandInException(StandInErrors.Rds.InvalidTagKey);
            }

            tag.TryGetValue("Value", out var value);
            if (valuesRequired && string.IsNullOrWhiteSpace(value))
            {
                throw new StandInException(StandInErrors.Rds.InvalidTagValue);
            }

            if (!keys.Add(key))
            {
                throw new StandInException(StandInErrors.Rds.DuplicateTagKey);
            }

            tags.Add(new(key, value));
        }

        return tags;
    }

    /// <summary>The instance in the call's region, or <c>InvalidDBInstanceId.NotFound</c>.</summary>
    public static InstanceState Instance(StandInView view, string region, string id) =>
        view.Find(id) is { } instance && instance.Definition.RegionId == region
            ? instance
            : throw new StandInException(StandInErrors.InvalidDBInstanceIdNotFound);
}
