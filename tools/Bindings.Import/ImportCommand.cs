using System.Diagnostics;
using System.Text;
using Bindings.Import.Drift;
using Bindings.Import.Model;
using Bindings.Import.Overlay;
using Bindings.Import.Planning;
using Bindings.Import.Sources;
using Bindings.Import.Specs;
using Bindings.Import.Yaml;

namespace Bindings.Import;

/// <summary><c>bindings import</c>: read the sources, plan, build, apply the overlay, then write or check.</summary>
internal static class ImportCommand
{
    /// <summary>The line every written spec carries; a file with it is one the importer keeps up to date.</summary>
    public const string Marker = "Imported by bindings import";

    public const string DefaultOverlayName = "import-overlay.yaml";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(ImportOptions options, TextWriter output, TextWriter error)
    {
        var started = Stopwatch.StartNew();
        var outDirectory = Path.GetFullPath(options.Out!);
        var result = Import(options, outDirectory, Existing(outDirectory, options, error));
        if (options.Notes)
        {
            foreach (var note in result.Notes)
            {
                output.WriteLine("note: " + note);
            }
        }

        foreach (var warning in result.Warnings)
        {
            error.WriteLine("warning: " + warning);
        }

        if (options.Check)
        {
            var existing = Existing(outDirectory, options, error);
            var operations = options.Operations ?? existing.Operations;
            var report = DriftReport.Compare(SpecSurface.Of(existing.Documents.Values), SpecSurface.Of(result.Documents.Files().Select(file => file.Document)), operations);
            report.WriteTo(output);
            var notImported = result.Api.Operations.Count(operation => !operations.Contains(operation.Name));
            if (notImported > 0)
            {
                output.WriteLine(notImported + " operation(s) of the source are not in the specs (not checked).");
            }

            return report.HasDrift || result.Warnings.Count > 0 ? 1 : 0;
        }

        var refused = HandWrittenInTheWay(result.Documents, Existing(outDirectory, options, error), options.Force);
        if (refused.Count > 0)
        {
            foreach (var reason in refused)
            {
                error.WriteLine("bindings import: " + reason);
            }

            error.WriteLine("bindings import: nothing written. Put what those files decide in the overlay (--check lists how they differ from the source), then replace them with --force, or leave their operations out with --operations.");
            return 3;
        }

        Directory.CreateDirectory(outDirectory);
        int written = 0, unchanged = 0;
        foreach (var (file, document) in result.Documents.Files())
        {
            var path = Path.Combine(outDirectory, file);
            var text = result.Documents.Render(document);
            if (File.Exists(path) && File.ReadAllText(path) == text)
            {
                unchanged++;
                continue;
            }

            File.WriteAllText(path, text, Utf8);
            written++;
        }

        output.WriteLine($"{result.Documents.OperationFiles.Count} operation(s) and {result.Documents.SharedFileName} in {options.Out}: {written} written, {unchanged} unchanged, {result.Notes.Count} note(s){(options.Notes ? "" : " (--notes lists them)")}, {started.ElapsedMilliseconds} ms");
        return 0;
    }

    /// <summary>
    /// Why the import may not write: a file it would write is a hand-written spec (no <see cref="Marker"/>
    /// line), unless <paramref name="force"/>; or an operation it would write is declared by another file
    /// of the folder (two declarations of one operation would not build), always.
    /// </summary>
    private static List<string> HandWrittenInTheWay(SpecDocuments documents, ExistingSpecs existing, bool force)
    {
        var reasons = new List<string>();
        var written = documents.Files().Select(file => file.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in written.Where(file => existing.HandWritten.Contains(file) && !force).Order(StringComparer.Ordinal))
        {
            reasons.Add(file + " is a hand-written spec (it has no '" + Marker + "' line): the import would replace it");
        }

        foreach (var (file, document) in documents.Files())
        {
            foreach (var operation in document.Map("operations")?.Keys ?? Enumerable.Empty<string>())
            {
                if (existing.OperationFiles.TryGetValue(operation, out var declaredIn) && declaredIn != file && !written.Contains(declaredIn))
                {
                    reasons.Add(operation + " is declared in " + declaredIn + ": the import would declare it again in " + file);
                }
            }
        }

        return reasons;
    }

    /// <summary>What an import makes of the sources, in memory.</summary>
    internal sealed record ImportResult(ImportApi Api, SpecDocuments Documents, List<string> Notes, List<string> Warnings);

    /// <summary>
    /// The specs already in the output folder: their documents by file name, their operations (and those
    /// in imported files), the files without the <see cref="Marker"/> line, and which file declares each operation.
    /// </summary>
    internal sealed record ExistingSpecs(
        Dictionary<string, YamlMap> Documents,
        List<string> Operations,
        List<string> Imported,
        HashSet<string> HandWritten,
        Dictionary<string, string> OperationFiles);

    public static ImportResult Import(ImportOptions options, string outDirectory, ExistingSpecs existing)
    {
        var sources = SourceSet.Load(options.Sources);
        var api = sources.Merge();
        if (!Text.Names.IsIdentifier(api.Product) && api.Product.Length > 0)
        {
            // ocr-api: the spec's product is OcrApi (OcrApiClient), the hosts stay ocr-api.<region>.aliyuncs.com.
            api.Notes.Add("the product code '" + api.Code + "' is not a C# identifier: the specs name the product " + Text.Names.ToPascal(api.Code));
            api.Product = Text.Names.ToPascal(api.Code);
        }

        if (!Text.Names.IsIdentifier(api.Product) || !System.Text.RegularExpressions.Regex.IsMatch(api.Version, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
        {
            throw new ImportException("The source names the product '" + api.Product + "' and the version '" + api.Version + "': a spec needs a C# identifier and a date YYYY-MM-DD");
        }

        Normalizer.Normalize(api);
        var overlayPath = options.Overlay ?? Path.Combine(outDirectory, DefaultOverlayName);
        var overlay = File.Exists(overlayPath) ? ImportOverlay.Load(overlayPath)
            : options.Overlay is not null ? throw new ImportException("No such overlay: " + options.Overlay)
            : ImportOverlay.Empty;

        var warnings = new List<string>();
        var catalog = Catalog.Build(api, overlay.Pins(), warnings);
        var wanted = new List<string>();
        if (options.Check)
        {
            wanted.AddRange(options.Operations ?? existing.Operations);
        }
        else
        {
            wanted.AddRange(options.Operations ?? api.Operations.Select(operation => operation.Name));
            wanted.AddRange(existing.Imported);
        }

        var unknown = (options.Operations ?? new List<string>()).Where(name => api.Find(name) is null).ToList();
        if (unknown.Count > 0 && !options.Check)
        {
            throw new ImportException("The source has no operation " + string.Join(", ", unknown));
        }

        foreach (var gone in existing.Imported.Where(name => api.Find(name) is null).Distinct(StringComparer.Ordinal))
        {
            warnings.Add(gone + " was imported before, but the source no longer has it: its file is left as it is, and may use shapes or enums the shared file no longer declares (delete it, or keep it as a hand-written spec)");
        }

        var overlayName = overlay == ImportOverlay.Empty ? DefaultOverlayName : Path.GetFileName(overlay.File);
        var header = new[]
        {
            "yaml-language-server: $schema=" + options.Schema,
            "",
            Marker + " from " + string.Join(", ", sources.Names) + ".",
            "Do not edit: put corrections in " + overlayName + ", which the importer applies on every run.",
        };

        var notes = new List<string>(api.Notes)
        {
            catalog.Shapes.Sum(shape => shape.Sites.Count) + " structures in the source are " + catalog.Shapes.Count + " shapes; "
                + catalog.Enums.Count(plan => !plan.Pinned) + " enums by the rule, " + catalog.Enums.Count(plan => plan.Pinned) + " by the overlay",
        };
        var documents = SpecBuilder.Build(api, catalog, wanted.Distinct(StringComparer.Ordinal).ToList(), header, notes);
        OverlayApplier.Apply(overlay, documents, api, warnings);
        return new ImportResult(api, documents, notes, warnings);
    }

    /// <summary>Reads the spec files of the folder (not the overlay); a file that is not a spec is skipped with a warning.</summary>
    public static ExistingSpecs Existing(string directory, ImportOptions options, TextWriter error)
    {
        var documents = new Dictionary<string, YamlMap>(StringComparer.Ordinal);
        var operations = new List<string>();
        var imported = new List<string>();
        var handWritten = new HashSet<string>(StringComparer.Ordinal);
        var operationFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var existing = new ExistingSpecs(documents, operations, imported, handWritten, operationFiles);
        if (!Directory.Exists(directory))
        {
            return existing;
        }

        var overlay = options.Overlay is null ? Path.Combine(directory, DefaultOverlayName) : Path.GetFullPath(options.Overlay);
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal))
        {
            if (string.Equals(Path.GetFullPath(path), overlay, StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(path);
            YamlMap document;
            try
            {
                document = YamlReader.Read(path, text);
            }
            catch (YamlFormatException exception)
            {
                error.WriteLine("warning: " + exception.Message + " (not read)");
                continue;
            }

            if (!document.ContainsKey("product"))
            {
                continue;
            }

            var file = Path.GetFileName(path);
            var isImported = text.Contains(Marker, StringComparison.Ordinal);
            documents[file] = document;
            if (!isImported)
            {
                handWritten.Add(file);
            }

            foreach (var name in document.Map("operations")?.Keys ?? Enumerable.Empty<string>())
            {
                operations.Add(name);
                operationFiles.TryAdd(name, file);
                if (isImported)
                {
                    imported.Add(name);
                }
            }
        }

        return existing;
    }
}
