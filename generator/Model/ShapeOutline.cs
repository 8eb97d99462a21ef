namespace Bindings.Generator.Model;

/// <summary>
/// A shape's members as a waiter's path walks them (wire name, property name, type), without descriptions
/// or positions: what a file needs of a shape that another file declares, so that editing that shape's
/// descriptions leaves the waiter's file cached.
/// </summary>
internal sealed record ShapeOutline(string Product, string Version, string OwnerFile, string Name, EquatableArray<MemberOutline> Members);

/// <summary>One member of a <see cref="ShapeOutline"/>: its wire and property names and its type as written.</summary>
internal sealed record MemberOutline(string WireName, string PropertyName, string TypeName, string? ItemTypeName);
