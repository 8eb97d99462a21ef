using Bindings.Import.Model;
using Bindings.Import.Text;

namespace Bindings.Import.Planning;

/// <summary>
/// When a string field becomes an enum without a human deciding it (the overlay decides everything
/// else). The rule, also in the tool's README: the model declares the field's type an enum (a Darabonba
/// <c>enum</c>, which some products have); or the set is closed when two independent sources agree on
/// it. api-docs.json declares the field's values (<c>enum</c>), main.dara's description lists its valid
/// values as a bullet list of bold values, and the two are the same set; there are at least two values,
/// none empty, and no two that differ only in case (a service that takes <c>IPv4</c> and <c>ipv4</c> is
/// case-insensitive, and an enum would make it look otherwise). A bullet list alone, or an api-docs
/// list alone, leaves the field a string with the values in its description.
/// </summary>
internal static class EnumRule
{
    public static IReadOnlyList<(string Value, string? Description)>? ClosedValues(ImportField field)
    {
        if (field.Type.Kind == ImportTypeKind.String && field.DeclaredEnum is { Values.Count: > 0 } own
            && own.Values.Select(value => value.Value).Distinct(StringComparer.Ordinal).Count() == own.Values.Count)
        {
            // The model declares the type an enum: its author closed the set.
            return own.Values;
        }

        if (field.Type.Kind != ImportTypeKind.String || field.EnumValues is not { Count: >= 2 } declared)
        {
            return null;
        }

        if (declared.Any(value => value.Length == 0) || declared.Distinct(StringComparer.OrdinalIgnoreCase).Count() != declared.Count)
        {
            return null;
        }

        if (MarkdownText.ValueList(field.Description) is not { } listed
            || !listed.Select(item => item.Value).ToHashSet(StringComparer.Ordinal).SetEquals(declared))
        {
            return null;
        }

        var descriptions = listed.GroupBy(item => item.Value, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Description, StringComparer.Ordinal);
        return declared.Select(value => (value, descriptions[value])).ToList();
    }
}
