using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bindings.Serialization;

/// <summary>
/// Re-writes JSON text as JavaScript would after <c>JSON.parse</c> then <c>JSON.stringify</c>, which is
/// what the official SDK sends for an <c>any</c> value: no white space, strings re-escaped, numbers
/// read as doubles and printed by <c>Number::toString</c> (<c>1.0</c> is <c>1</c>).
/// </summary>
internal static class JsonNormalizer
{
    public static void Write(JsonTextBuilder json, string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 64 });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    json.StartObject();
                    break;
                case JsonTokenType.EndObject:
                    json.EndObject();
                    break;
                case JsonTokenType.StartArray:
                    json.StartArray();
                    break;
                case JsonTokenType.EndArray:
                    json.EndArray();
                    break;
                case JsonTokenType.PropertyName:
                    json.PropertyName(reader.GetString()!);
                    break;
                case JsonTokenType.String:
                    json.String(reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    var number = double.Parse(WireText.FromUtf8(reader.ValueSpan), NumberStyles.Float, CultureInfo.InvariantCulture);
                    json.Literal(JsNumberText.IsJsonNull(number) ? "null" : JsNumberText.Format(number));
                    break;
                case JsonTokenType.True:
                    json.Literal("true");
                    break;
                case JsonTokenType.False:
                    json.Literal("false");
                    break;
                default:
                    json.Null();
                    break;
            }
        }
    }
}
