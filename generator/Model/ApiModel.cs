namespace Bindings.Generator.Model;

/// <summary>The API a spec file belongs to: files with the same product and version form one API.</summary>
internal sealed record ApiModel(string Product, string Version, string Namespace, string? Description, EndpointsModel Endpoints);

/// <summary>Host names of the service; the templates hold <c>{regionId}</c>.
/// <see cref="Regions"/> is the official SDK's map from region ID to host, used before the templates.</summary>
internal sealed record EndpointsModel(string? Default, string? Regional, string? Vpc, EquatableArray<RegionEndpoint> Regions = default)
{
    public static readonly EndpointsModel None = new(null, null, null);
}

/// <summary>One entry of the region map: <c>cn-hangzhou: rds.aliyuncs.com</c>.</summary>
internal sealed record RegionEndpoint(string Region, string Host);
