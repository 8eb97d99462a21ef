using Bindings.Import.Model;

namespace Bindings.Import.Planning;

/// <summary>
/// What the spec format says differently from the sources, done once before planning: a response
/// object with exactly one member that is a list (<c>{"Items": {"BackupJob": [...]}}</c>) is that list
/// with <c>itemName</c>; request parameters the official SDK never sends (<c>position='Host'</c>) are
/// left out, with a note, and so are those named like a common parameter (<c>SecurityToken</c>, which 22
/// RDS operations declare): the client sends these itself, from its credentials and signer, and a spec
/// that declared one would be refused (BND011).
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

            var common = operation.Request.Where(field => Bindings.Generator.Model.CommonParameters.Names.Contains(field.WireName, StringComparer.Ordinal)).ToList();
            foreach (var field in common)
            {
                operation.Request.Remove(field);
                api.Notes.Add(operation.Name + ".request." + field.WireName + ": a common parameter, which the client sends itself; left out");
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
