using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Bindings.Benchmarks.Alternatives;

/// <summary>
/// A minimal re-creation, written here, of how the official Alibaba Cloud .NET SDK (the Tea-based
/// one) reads a response: the body is read into a string, Newtonsoft.Json turns it into nested
/// <c>Dictionary&lt;string, object&gt;</c> and <c>List&lt;object&gt;</c>, and a reflection-based
/// mapper (Tea's <c>TeaModel.ToObject&lt;T&gt;</c>) walks the model's properties, finds each one's wire
/// name in its <c>[NameInMap]</c> attribute and converts the dictionary value to the property type.
/// Not the SDK's code: the SDK is not served here. Unlike the SDK, conversions use the invariant
/// culture, so that this path returns the right answer under any locale.
/// </summary>
public static class SdkStyleJson
{
    /// <summary>Parses UTF-8 JSON the official SDK's way.</summary>
    public static T? Parse<T>(byte[] utf8Json)
        where T : class
    {
        var body = Encoding.UTF8.GetString(utf8Json);
        var map = ReadAsDictionary(body);
        return map is null ? null : (T?)ToObject(typeof(T), map);
    }

    /// <summary>Newtonsoft into dictionaries and lists all the way down.</summary>
    public static Dictionary<string, object?>? ReadAsDictionary(string body)
    {
        var top = JsonConvert.DeserializeObject<Dictionary<string, object?>>(body);
        if (top is null)
        {
            return null;
        }

        var result = new Dictionary<string, object?>(top.Count);
        foreach (var pair in top)
        {
            result[pair.Key] = Plain(pair.Value);
        }

        return result;
    }

    private static object? Plain(object? value) => value switch
    {
        JObject obj => obj.Properties().ToDictionary(property => property.Name, property => Plain(property.Value)),
        JArray array => array.Select(Plain).ToList(),
        JValue scalar => scalar.Value,
        _ => value,
    };

    /// <summary>Maps a dictionary onto a model by reflection, property by property.</summary>
    public static object ToObject(Type type, IDictionary<string, object?> map)
    {
        var result = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<NameInMapAttribute>()?.Name ?? property.Name;
            if (!map.TryGetValue(name, out var value) || value is null)
            {
                continue;
            }

            property.SetValue(result, Convert(property.PropertyType, value));
        }

        return result;
    }

    private static object? Convert(Type type, object value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is IDictionary<string, object?> nested)
        {
            return ToObject(target, nested);
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            var itemType = target.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(target)!;
            foreach (var item in value as IEnumerable<object?> ?? new[] { value })
            {
                if (item is not null)
                {
                    list.Add(Convert(itemType, item));
                }
            }

            return list;
        }

        if (target.IsEnum)
        {
            return Enum.Parse(target, System.Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }

        if (target == typeof(string))
        {
            return System.Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        if (target == typeof(decimal) && value is string decimalText)
        {
            return decimal.Parse(decimalText, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
