using System.Collections.Generic;
using System.Linq;
using Bindings.StandIn.State;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>ListTagResources</c>: the tags of the given instances (<c>ResourceId.N</c>) or of the
/// instances that carry every given tag (<c>Tag.N</c>; a tag without a value matches any value),
/// one <c>TagResource</c> per instance and tag, 50 at a time with <c>NextToken</c>.
/// </summary>
internal sealed class ListTagResources : RdsOperation
{
    private const int PageSize = 50;

    public override string Action => "ListTagResources";

    public override StandInReply Handle(StandInCall call, StandInView view)
    {
        var region = call.RequiredParameter("RegionId");
        Tags.CheckResourceType(call);
        var ids = call.RepeatList("ResourceId");
        if (ids.Count > 50)
        {
            throw new StandInException(StandInErrors.Rds.ListNumberExceedResourceIds);
        }

        var tags = Tags.Read(call, valuesRequired: false, StandInErrors.Rds.ListNumberExceedTags);
        if (ids.Count == 0 && tags.Count == 0)
        {
            throw new StandInException(StandInErrors.Rds.BothEmptyTagsAndResources);
        }

        var offset = NextTokens.Read(call, Action);
        CheckOwnerIds(call);
        var wanted = ids.ToHashSet();
        var pairs = view.Instances
            .Where(i => i.Definition.RegionId == region
                && (wanted.Count == 0 || wanted.Contains(i.Id))
                && tags.All(t => i.Tags.TryGetValue(t.Key, out var value) && (string.IsNullOrEmpty(t.Value) || value == t.Value)))
            .SelectMany(static i => i.Tags.Select(t => (Instance: i.Id, t.Key, t.Value)))
            .ToList();

        var page = pairs.Skip(offset).Take(PageSize).Select(static p => (StandInValue)new StandInObject
        {
            { "ResourceId", p.Instance },
            { "ResourceType", Tags.WireResourceType },
            { "TagKey", p.Key },
            { "TagValue", p.Value },
        });
        var body = new StandInObject { { "TagResources", new StandInObject { { "TagResource", new StandInArray(page) } } } };
        if (offset + PageSize < pairs.Count)
        {
            body.Add("NextToken", NextTokens.For(Action, offset + PageSize));
        }

        return body;
    }
}
