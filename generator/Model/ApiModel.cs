namespace Bindings.Generator.Model;

/// <summary>The API a spec file belongs to: files with the same product and version form one API.</summary>
internal sealed record ApiModel(string Product, string Version, string Namespace, string? Description, EndpointsModel Endpoints);

/// <summary>Host names of the service; the templates hold <c>{regionId}</c>.</summary>
internal sealed record EndpointsModel(string? Default, string? Regional, string? Vpc)
{
    public static readonly EndpointsModel None = new(null, null, null);
}
