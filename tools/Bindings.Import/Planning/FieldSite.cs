using Bindings.Import.Model;

namespace Bindings.Import.Planning;

/// <summary>
/// Where a field is: its operation, request or response, and its path of wire names
/// (<c>DescribeBackupTasks.response.Items.BackupStatus</c>: lists are passed through, so a member of
/// the items of <c>Items</c> is <c>Items.BackupStatus</c>). The overlay names fields by these paths.
/// </summary>
internal sealed record FieldSite(ImportOperation Operation, bool IsRequest, string Path, ImportField Field, FieldSite? Parent)
{
    public bool IsTopLevel => Parent is null;

    /// <summary>Every field of every operation, depth first, parents before their members.</summary>
    public static IEnumerable<FieldSite> All(ImportApi api)
    {
        foreach (var operation in api.Operations)
        {
            foreach (var site in Walk(operation, true, operation.Name + ".request", operation.Request, null))
            {
                yield return site;
            }

            foreach (var site in Walk(operation, false, operation.Name + ".response", operation.Response, null))
            {
                yield return site;
            }
        }
    }

    /// <summary>The structure a field holds, directly or as the element of its list or map.</summary>
    public static ImportType? StructureOf(ImportField field)
    {
        var type = field.Type;
        while (type.Kind is ImportTypeKind.List or ImportTypeKind.Map)
        {
            type = type.Element!;
        }

        return type.Kind == ImportTypeKind.Structure ? type : null;
    }

    private static IEnumerable<FieldSite> Walk(ImportOperation operation, bool isRequest, string prefix, IEnumerable<ImportField> fields, FieldSite? parent)
    {
        foreach (var field in fields)
        {
            var site = new FieldSite(operation, isRequest, prefix + "." + field.WireName, field, parent);
            yield return site;
            if (StructureOf(field) is { Fields: { } members })
            {
                foreach (var member in Walk(operation, isRequest, site.Path, members, site))
                {
                    yield return member;
                }
            }
        }
    }
}
