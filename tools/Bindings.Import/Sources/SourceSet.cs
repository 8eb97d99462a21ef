using System.Text.Json;
using Bindings.Import.Merging;
using Bindings.Import.Model;
using Bindings.Import.Sources.ApiDocs;
using Bindings.Import.Sources.ApiInfo;
using Bindings.Import.Sources.Darabonba;
using Bindings.Import.Sources.OpenApiMeta;

namespace Bindings.Import.Sources;

/// <summary>
/// The source files of one import, recognised by their content: a Darabonba file (<c>main.dara</c>,
/// <c>main.tea</c>), the portal's <c>api-docs.json</c> (an object with <c>apis</c>), <c>api-info.json</c>
/// (an object with <c>apiDoc</c> or <c>endpoints</c> as a map), and an openapi-meta folder
/// (<c>metadatas/&lt;product&gt;/</c>, JSON files with <c>parameters</c>).
/// </summary>
internal sealed class SourceSet
{
    public ImportApi? Dara { get; private set; }

    /// <summary>main.tea beside main.dara: operation summaries and the endpoint product ID, which async main.dara lacks.</summary>
    public ImportApi? Tea { get; private set; }

    public ImportApi? ApiDocs { get; private set; }

    public ImportApi? ApiInfo { get; private set; }

    public Dictionary<string, HashSet<string>>? RepeatLists { get; private set; }

    /// <summary>The file names, in the order given, for the header of the written specs.</summary>
    public List<string> Names { get; } = new();

    public static SourceSet Load(IEnumerable<string> paths)
    {
        var set = new SourceSet();
        foreach (var path in paths)
        {
            set.Add(path);
        }

        return set;
    }

    public void Add(string path)
    {
        if (Directory.Exists(path))
        {
            RepeatLists = OpenApiMetaReader.ReadFolder(path);
            Names.Add(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) + "/");
            return;
        }

        if (!File.Exists(path))
        {
            throw new ImportException("No such source file or folder: " + path);
        }

        var text = File.ReadAllText(path);
        Names.Add(Path.GetFileName(path));
        if (!text.TrimStart().StartsWith('{'))
        {
            var read = ReadDara(path, text);
            if (read.IsTea && Tea is null && (Dara is null || !Dara.IsTea))
            {
                Tea = read;
            }
            else
            {
                Set(Dara, api => Dara = api, read, path);
            }

            return;
        }

        using (var document = ParseJson(path, text))
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("apis", out _))
            {
                Set(ApiDocs, api => ApiDocs = api, ApiDocsReader.Read(path, text), path);
                return;
            }

            if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("apiDoc", out _) || root.TryGetProperty("endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object))
            {
                Set(ApiInfo, api => ApiInfo = api, ApiInfoReader.Read(path, text), path);
                return;
            }
        }

        throw new ImportException(path + ": neither a Darabonba file, api-docs.json nor api-info.json");
    }

    public ImportApi Merge()
    {
        if (Dara is null && Tea is not null)
        {
            // main.tea alone: it is the model (without parameter positions).
            (Dara, Tea) = (Tea, null);
        }

        if (Dara is null && ApiDocs is null)
        {
            throw new ImportException("Give main.dara or api-docs.json: api-info.json and openapi-meta describe no operation by themselves.");
        }

        return SourceMerger.Merge(Dara, ApiDocs, ApiInfo, RepeatLists, Tea);
    }

    private static ImportApi ReadDara(string path, string text)
    {
        try
        {
            return DaraReader.Read(path, text);
        }
        catch (DaraSyntaxException exception)
        {
            throw new ImportException(exception.Message);
        }
    }

    private static JsonDocument ParseJson(string path, string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new ImportException(path + "(" + (exception.LineNumber + 1) + "): not valid JSON: " + exception.Message);
        }
    }

    private static void Set(ImportApi? current, Action<ImportApi> set, ImportApi value, string path)
    {
        if (current is not null)
        {
            throw new ImportException(path + ": a second source of the same kind; give one of each");
        }

        set(value);
    }
}

/// <summary>A problem with the command line or the sources: printed as it is, exit code 2.</summary>
internal sealed class ImportException : Exception
{
    public ImportException(string message)
        : base(message)
    {
    }
}
