using System.Collections.Immutable;
using System.Linq;

namespace Bindings.Generator.Model;

/// <summary>How a request parameter that is not a single scalar goes on the wire (Alibaba's names).</summary>
internal enum WireStyle
{
    /// <summary>A scalar: one parameter, its own text.</summary>
    None,

    /// <summary><c>Tag.1.Key=a&amp;Tag.2.Key=b</c>, counting from 1: the default for lists.</summary>
    RepeatList,

    /// <summary><c>Config.Member=x</c>, <c>Map.key=x</c>: the default for shapes and maps.</summary>
    Flat,

    /// <summary>One parameter holding the JSON text of the value (<c>shrink='json'</c>): the only style of <c>any</c>.</summary>
    Json,

    /// <summary>One parameter, the elements joined with <c>,</c> (<c>shrink='simple'</c>).</summary>
    Simple,

    /// <summary>One parameter, the elements joined with a space.</summary>
    SpaceDelimited,

    /// <summary>One parameter, the elements joined with <c>|</c>.</summary>
    PipeDelimited,
}

/// <summary>
/// One style: its name in a spec (<c>style: repeatList</c>), what it may be used on, and for the joined
/// styles the separator the runtime's <c>RpcParameterWriter.Joined</c> takes. The spec reader, the resolver and
/// the request emitter take their behaviour from here; a test holds the names against the JSON schema.
/// </summary>
internal sealed record WireStyleInfo(string SpecName, WireStyle Style, bool OnLists, bool OnShapesAndMaps, bool ScalarItemsOnly, char? Separator);

internal static class WireStyles
{
    public static readonly ImmutableArray<WireStyleInfo> All = ImmutableArray.Create(
        new WireStyleInfo("repeatList", WireStyle.RepeatList, OnLists: true, OnShapesAndMaps: false, ScalarItemsOnly: false, null),
        new WireStyleInfo("flat", WireStyle.Flat, OnLists: false, OnShapesAndMaps: true, ScalarItemsOnly: false, null),
        new WireStyleInfo("json", WireStyle.Json, OnLists: true, OnShapesAndMaps: true, ScalarItemsOnly: false, null),
        new WireStyleInfo("simple", WireStyle.Simple, OnLists: true, OnShapesAndMaps: false, ScalarItemsOnly: true, ','),
        new WireStyleInfo("spaceDelimited", WireStyle.SpaceDelimited, OnLists: true, OnShapesAndMaps: false, ScalarItemsOnly: true, ' '),
        new WireStyleInfo("pipeDelimited", WireStyle.PipeDelimited, OnLists: true, OnShapesAndMaps: false, ScalarItemsOnly: true, '|'));

    public static readonly string SpecNames = string.Join(", ", All.Select(style => style.SpecName));

    public static WireStyleInfo? Find(string specName) => All.FirstOrDefault(style => style.SpecName == specName);

    public static WireStyleInfo Of(WireStyle style) => All.First(info => info.Style == style);
}

/// <summary>
/// The wire formats of <c>type: datetime</c> (<c>format: yyyy-MM-ddTHH:mmZ</c>), by the pattern Alibaba's
/// documentation writes, with the member of the runtime's <c>Bindings.Serialization.DateTimeWireFormat</c>
/// each stands for; a test holds them against the runtime's <c>DateTimeText.Pattern</c>.
/// </summary>
internal static class DateTimeFormats
{
    /// <summary>The format of a datetime without <c>format</c>: today's behaviour, ISO 8601 to the second.</summary>
    public const string Default = "Iso8601Seconds";

    public static readonly ImmutableArray<(string SpecName, string RuntimeName)> All = ImmutableArray.Create(
        ("yyyy-MM-ddTHH:mm:ssZ", Default),
        ("yyyy-MM-ddTHH:mmZ", "Iso8601Minutes"),
        ("yyyy-MM-dd HH:mm:ss", "SpaceSeparated"),
        ("unixSeconds", "UnixSeconds"),
        ("unixMilliseconds", "UnixMilliseconds"));

    public static readonly string SpecNames = string.Join(", ", All.Select(format => format.SpecName));

    /// <summary>The runtime's name of the format a spec names, or null.</summary>
    public static string? Find(string specName) => All.Where(format => format.SpecName == specName).Select(format => format.RuntimeName).FirstOrDefault();

    /// <summary>The C# expression of a format.</summary>
    public static string Expression(string? runtimeName) => "global::Bindings.Serialization.DateTimeWireFormat." + (runtimeName ?? Default);
}
