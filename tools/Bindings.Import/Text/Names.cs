using System.Text;

namespace Bindings.Import.Text;

/// <summary>C# names from wire names: identifiers, PascalCase, singular forms.</summary>
internal static class Names
{
    /// <summary>The C# keywords (a member or type cannot be named so without '@', which specs do not allow).</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || Keywords.Contains(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_') || c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A PascalCase C# identifier for a wire name: the letters and digits of each part between other
    /// characters, each part's first letter upper-cased (<c>key</c> is <c>Key</c>, <c>in-progress</c> is
    /// <c>InProgress</c>, <c>max_connections</c> is <c>MaxConnections</c>); a name that would start with
    /// a digit gets <paramref name="digitPrefix"/> (<c>1</c> is <c>Value1</c>).
    /// </summary>
    public static string ToPascal(string wireName, string digitPrefix = "Value")
    {
        var builder = new StringBuilder(wireName.Length);
        var upper = true;
        foreach (var c in wireName)
        {
            if (c <= 0x7F && char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length == 0)
        {
            return digitPrefix;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, digitPrefix);
        }

        return builder.ToString();
    }

    /// <summary>True when the wire name can be the C# name as it is: an identifier that starts upper-case.</summary>
    public static bool IsPascalIdentifier(string name) => IsIdentifier(name) && char.IsUpper(name[0]);

    /// <summary>
    /// The singular of an English plural in a list's name, for the name of its item shape:
    /// <c>AdvancedDataPolicies</c> is <c>AdvancedDataPolicy</c>, <c>Addresses</c> <c>Address</c>, <c>Items</c>
    /// <c>Item</c>; <c>Status</c>, <c>Address</c> and <c>Analysis</c> stay as they are.
    /// </summary>
    public static string Singular(string name)
    {
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 4)
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        foreach (var ending in new[] { "sses", "shes", "ches", "xes", "zes", "uses" })
        {
            if (name.EndsWith(ending, StringComparison.Ordinal) && name.Length > ending.Length + 1)
            {
                return name.Substring(0, name.Length - 2);
            }
        }

        if (name.EndsWith('s') && name.Length > 2
            && !name.EndsWith("ss", StringComparison.Ordinal)
            && !name.EndsWith("us", StringComparison.Ordinal)
            && !name.EndsWith("is", StringComparison.Ordinal)
            && !name.EndsWith("as", StringComparison.Ordinal))
        {
            return name.Substring(0, name.Length - 1);
        }

        return name;
    }
}
