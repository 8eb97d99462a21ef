using System.Globalization;
using System.Text;

namespace Bindings.Serialization;

/// <summary>
/// Compact JSON text exactly as JavaScript's <c>JSON.stringify</c> writes it, which is what the
/// official SDK sends for a <c>json</c>-style parameter: no white space, commas placed by the
/// builder, and <c>JSON.stringify</c>'s escaping (only <c>"</c>, <c>\</c>, control characters and lone
/// surrogates; <c>/</c>, non-ASCII and U+2028 stay as they are).
/// </summary>
internal sealed class JsonTextBuilder
{
    private readonly StringBuilder _text = new StringBuilder();
    private bool _needsComma;

    public void StartObject() => OpenValue('{');

    public void EndObject() => Close('}');

    public void StartArray() => OpenValue('[');

    public void EndArray() => Close(']');

    public void PropertyName(string name)
    {
        Comma();
        AppendString(name);
        _text.Append(':');
        _needsComma = false;
    }

    public void String(string value)
    {
        Comma();
        AppendString(value);
        _needsComma = true;
    }

    /// <summary>A literal already in JSON form: a number's text, <c>true</c>, <c>false</c>, <c>null</c>.</summary>
    public void Literal(string json)
    {
        Comma();
        _text.Append(json);
        _needsComma = true;
    }

    public void Null() => Literal("null");

    public override string ToString() => _text.ToString();

    private void OpenValue(char bracket)
    {
        Comma();
        _text.Append(bracket);
        _needsComma = false;
    }

    private void Close(char bracket)
    {
        _text.Append(bracket);
        _needsComma = true;
    }

    private void Comma()
    {
        if (_needsComma)
        {
            _text.Append(',');
        }
    }

    private void AppendString(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\b':
                    _text.Append("\\b");
                    break;
                case '\f':
                    _text.Append("\\f");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                default:
                    if (c < ' ' || IsLoneSurrogate(value, i))
                    {
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }

    private static bool IsLoneSurrogate(string value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }
}
