using System.Collections.Generic;
using System.Text;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Gives each wire name a UTF-8 constant with a C# name from the type's <see cref="NameAllocator"/> (wire
/// names such as <c>Tag.1</c> and <c>Tag_1</c> read alike once made identifiers), and writes the
/// constants at the end of the type.
/// </summary>
internal sealed class Utf8NameTable
{
    private readonly string _prefix;
    private readonly NameAllocator _names;
    private readonly Dictionary<string, string> _properties = new(System.StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public Utf8NameTable(string prefix, NameAllocator names)
    {
        _prefix = prefix;
        _names = names;
    }

    public string this[string wireName]
    {
        get
        {
            if (_properties.TryGetValue(wireName, out var property))
            {
                return property;
            }

            var builder = new StringBuilder(_prefix);
            foreach (var c in wireName)
            {
                builder.Append(char.IsLetterOrDigit(c) && c < 128 ? c : '_');
            }

            var unique = _names.New(builder.ToString());
            _properties.Add(wireName, unique);
            _order.Add(wireName);
            return unique;
        }
    }

    public void Emit(SourceWriter writer)
    {
        foreach (var wireName in _order)
        {
            writer.Line();
            Utf8Bytes.Property(writer, _properties[wireName], wireName);
        }
    }
}
