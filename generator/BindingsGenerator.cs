using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Bindings.Generator.Emitting;
using Bindings.Generator.Model;
using Bindings.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bindings.Generator;

/// <summary>
/// Turns YAML specs of Alibaba Cloud RPC operations (AdditionalFiles ending in .yaml or .yml) into
/// request, response and enum types with JSON and XML parsers, and a client per product. The pipeline
/// holds no symbols or syntax: text, then an equatable model per file, a table of what all files declare,
/// each file resolved against its API's part of the table, then source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BindingsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each file is read on its own, without its MSBuild settings: a step that depends on one input only
        // stays short. The step has no tracking name, on purpose: when the driver records steps, Roslyn walks
        // the whole input graph of every output again on every run, with no memo, and files each named step it
        // meets in a dictionary by name. Every output depends on the table, so on every file's read: a name
        // here made each tracked run file outputs x files more steps, 7 of the 18 ms of a 400-operation
        // product's tracked rerun (bench/README.md, issue 9). Tests find a file's read below its FileInput step.
        var documents = context.AdditionalTextsProvider
            .Select(static (text, cancellationToken) => IsSpecPath(text.Path)
                ? SpecReader.Read(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty)
                : SpecDocument.NotASpec(text.Path));

        // The MSBuild settings: the namespace property, and the few files whose item metadata says something.
        // Files without metadata are filtered out before the Collect, so that the table, which every output
        // depends on, does not reach back through every file a second time when Roslyn records the steps.
        var fileSettings = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => ReadFileSettings(pair.Left, pair.Right))
            .Where(static file => file is not null)
            .Collect();
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => NonEmpty(options.GlobalOptions, "build_property.BindingsNamespace"))
            .Combine(fileSettings)
            .Select(static (pair, _) => new SpecSettings(pair.Left, pair.Right.Select(file => file!).OrderBy(file => file.FilePath, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.SpecSettings);

        var table = documents
            .Collect()
            .Combine(settings)
            .Select(static (pair, _) => DeclarationTableBuilder.Build(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.DeclarationTable);

        // A file with the declarations of its own API: a change elsewhere in the table leaves it equal.
        var fileInputs = documents
            .Combine(table)
            .Select(static (pair, _) => new FileInput(
                pair.Left,
                pair.Right.Settings.For(pair.Left.FilePath),
                pair.Right.Settings.NamespaceFor(pair.Left.FilePath),
                pair.Left.Api is { } api ? pair.Right.ApiOf(api) : null,
                pair.Right.WaiterShapesFor(pair.Left)))
            .WithTrackingName(TrackingNames.FileInput);

        var units = fileInputs
            .Select(static (input, _) => FileResolver.Resolve(input))
            .WithTrackingName(TrackingNames.ResolvedFile)
            .SelectMany(static (file, _) => file.Units)
            .WithTrackingName(TrackingNames.EmitUnit);

        var clients = table
            .SelectMany(static (all, _) => ClientUnits(all))
            .WithTrackingName(TrackingNames.ClientUnit);

        // One project-wide setting, joined to each unit only when it is emitted, so that the model and
        // the resolver never see it (and a change of it re-emits without re-reading any spec).
        var accessibility = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => NonEmpty(options.GlobalOptions, "build_property.BindingsAccessibility"));
        context.RegisterSourceOutput(accessibility, static (context, value) =>
        {
            if (value is not null && ReadAccessibility(value) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Diagnostics.InvalidValue, Location.None, "BindingsAccessibility", "public or internal"));
            }
        });

        context.RegisterSourceOutput(units.Combine(accessibility), static (context, pair) => Emit(context, pair.Left, pair.Right));
        context.RegisterSourceOutput(clients.Combine(accessibility), static (context, pair) => Emit(context, pair.Left, pair.Right));
    }

    /// <summary>The C# keyword for the MSBuild property <c>BindingsAccessibility</c>; null when it is neither value.</summary>
    private static string? ReadAccessibility(string? value) => value is null
        ? "public"
        : string.Equals(value, "public", StringComparison.OrdinalIgnoreCase) ? "public"
        : string.Equals(value, "internal", StringComparison.OrdinalIgnoreCase) ? "internal"
        : null;

    private static bool IsSpecPath(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's settings when its item metadata says something, else null (the default: a spec, no namespace).</summary>
    private static FileSettings? ReadFileSettings(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (!IsSpecPath(file.Path))
        {
            return null;
        }

        var fileOptions = options.GetOptions(file);
        var isSpec = !(fileOptions.TryGetValue("build_metadata.AdditionalFiles.BindingsSpec", out var spec) && string.Equals(spec, "false", StringComparison.OrdinalIgnoreCase));
        var ns = NonEmpty(fileOptions, "build_metadata.AdditionalFiles.BindingsNamespace");
        return isSpec && ns is null ? null : new FileSettings(file.Path, isSpec, ns);
    }

    private static string? NonEmpty(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static IEnumerable<ClientUnit> ClientUnits(DeclarationTable table)
    {
        foreach (var api in table.Apis)
        {
            if (api.HasClient && api.Find(TypeSurfaces.Client.TypeNames(api.Product)[0]) is { } declaration)
            {
                yield return new ClientUnit(api.Namespace, api.Product, api.Version, api.Description?.Value, api.Endpoints?.Value ?? EndpointsModel.None)
                {
                    HintSuffix = declaration.HintSuffix,
                };
            }
        }
    }

    private static void Emit(SourceProductionContext context, EmitUnit unit, string? accessibility)
    {
        unit = unit with { Accessibility = ReadAccessibility(accessibility) ?? "public" };
        try
        {
            switch (unit)
            {
                case FileDiagnostics file:
                    foreach (var diagnostic in file.Diagnostics)
                    {
                        context.ReportDiagnostic(Diagnostics.ToDiagnostic(diagnostic));
                    }

                    break;
                case EnumUnit enumUnit:
                    context.AddSource(unit.HintName, EnumEmitter.Emit(enumUnit));
                    break;
                case ShapeUnit shape:
                    context.AddSource(unit.HintName, ShapeEmitter.Emit(shape));
                    break;
                case OperationUnit operation:
                    context.AddSource(unit.HintName, OperationEmitter.Emit(operation));
                    break;
                case ClientUnit client:
                    context.AddSource(unit.HintName, ClientEmitter.Emit(client));
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, Location.None, unit.FileName + ": " + exception.Message));
        }
    }
}
