using Bindings.Import.Model;

namespace Bindings.Import.Planning;

/// <summary>
/// What the spec format says differently from the sources, done once before planning: a response
/// object with exactly one member that is a list (<c>{"Items": {"BackupJob": [...]}}</c>) is that list
/// with <c>itemName</c>; request parameters the official SDK never sends (<c>position='Host'</c>) are
/// left out, with a note.
/// </summary>
internal static class Normalizer
{
    public static void Normalize(ImportApi api)
    {
        foreach (var operation in api.Operations)
        {
            var host = operation.Request.Where(field => field.Position == "Host").ToList();
            foreach (var field in host)
            {
                operation.Request.Remove(field);
                api.Notes.Add(operation.Name + ".request." + field.WireName + ": position 'Host' is not sent by the official SDK; left out");
            }

            foreach (var field in operation.Response)
            {
                CollapseWrappers(field);
            }
        }
    }

    private static void CollapseWrappers(ImportField field)
    {
        if (field.Type is { Kind: ImportTypeKind.Structure, Fields: [{ Type.Kind: ImportTypeKind.List } only] })
        {
            field.Type = only.Type;
            field.ItemName = only.WireName;
            field.Description ??= only.Description;
            field.Example ??= only.Example;
        }

        var type = field.Type;
        while (type.Kind is ImportTypeKind.List or ImportTypeKind.Map)
        {
            type = type.Element!;
        }

        if (type.Fields is { } fields)
        {
            foreach (var member in fields)
            {
                CollapseWrappers(member);
            }
        }
    }
}
