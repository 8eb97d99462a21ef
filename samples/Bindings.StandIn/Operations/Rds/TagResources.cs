using System.Collections.Generic;
using System.Linq;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>TagResources</c>: adds tags (or changes their values) on up to 50 instances of a region, all
/// or none; an instance may carry at most 20 tags.
/// </summary>
internal sealed class TagResources : RdsOperation
{
    public override string Action => "TagResources";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        var region = call.RequiredParameter("RegionId");
        Tags.CheckResourceType(call);
        var ids = call.RepeatList("ResourceId");
        if (ids.Count == 0)
        {
            throw new StandInException(StandInErrors.Rds.MissingResourceIds);
        }

        if (ids.Count > 50)
        {
            throw new StandInException(StandInErrors.Rds.NumberExceedResourceIds);
        }

        var tags = Tags.Read(call, valuesRequired: true, StandInErrors.Rds.NumberExceedTags);
        CheckOwnerIds(call);
        var instances = ids.Distinct().Select(id => Tags.Instance(view, region, id)).ToList();
        foreach (var instance in instances)
        {
            var after = new HashSet<string>(instance.Tags.Keys);
            after.UnionWith(tags.Select(static t => t.Key));
            if (after.Count > Tags.PerResourceLimit)
            {
                throw new StandInException(StandInErrors.Rds.TagQuotaExceed);
            }
        }

        foreach (var instance in instances)
        {
            foreach (var (key, value) in tags)
            {
                instance.Tags[key] = value!;
            }
        }

        return new StandInObject();
    }
}
