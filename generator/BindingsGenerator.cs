using System;
using System.IO;
using System.Threading;
using Bindings.Generator.Emitting;
using Bindings.Generator.Model;
using Bindings.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bindings.Generator;

/// <summary>
/// Turns YAML specs of Alibaba Cloud RPC operations (AdditionalFiles ending in .yaml or .yml) into
/// request, response and enum types with JSON and XML parsers. The pipeline holds no symbols or syntax:
/// text, then an equatable model per file, then resolved units, then source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BindingsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Where(static text => IsSpecPath(text.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .WithTrackingName(TrackingNames.SpecInput);

        // No Select(input => input!) for the compiler's sake: every node is work for the driver on every
        // run, per file, and (with step tracking) is walked again for every output.
        var documents = inputs
            .Select(static (input, _) => SpecReader.Read(input!.FilePath, input.Text, input.NamespaceOverride))
            .WithTrackingName(TrackingNames.SpecDocument);

        context.RegisterSourceOutput(documents.Select(static (document, _) => document.Diagnostics), ReportDiagnostics);

        var resolved = documents
            .Collect()
            .Select(static (all, _) => ApiResolver.Resolve(all))
            .WithTrackingName(TrackingNames.ResolvedSpecs);

        context.RegisterSourceOutput(resolved.Select(static (specs, _) => specs.Diagnostics), ReportDiagnostics);

        var units = resolved
            .SelectMany(static (specs, _) => specs.Units)
            .WithTrackingName(TrackingNames.EmitUnit);

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

        context.RegisterSourceOutput(units.Combine(accessibility), static (context, pair) =>
            Emit(context, pair.Left with { Accessibility = ReadAccessibility(pair.Right) ?? "public" }));
    }

    /// <summary>The C# keyword for the MSBuild property <c>BindingsAccessibility</c>; null when it is neither value.</summary>
    private static string? ReadAccessibility(string? value) => value is null
        ? "public"
        : string.Equals(value, "public", StringComparison.OrdinalIgnoreCase) ? "public"
        : string.Equals(value, "internal", StringComparison.OrdinalIgnoreCase) ? "internal"
        : null;

    private static bool IsSpecPath(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static SpecInput? ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        if (fileOptions.TryGetValue("build_metadata.AdditionalFiles.BindingsSpec", out var isSpec)
            && string.Equals(isSpec, "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var namespaceOverride = NonEmpty(fileOptions, "build_metadata.AdditionalFiles.BindingsNamespace")
            ?? NonEmpty(options.GlobalOptions, "build_property.BindingsNamespace");
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecInput(file.Path, text, namespaceOverride);
    }

    private static string? NonEmpty(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(Diagnostics.ToDiagnostic(diagnostic));
        }
    }

    private static void Emit(SourceProductionContext context, EmitUnit unit)
    {
        var hint = unit.HintName;
        try
        {
            switch (unit)
            {
                case EnumUnit enumUnit:
                    context.AddSource(hint, EnumEmitter.Emit(enumUnit));
                    break;
                case ShapeUnit shape:
                    context.AddSource(hint, ShapeEmitter.Emit(shape));
                    break;
                case RequestUnit request:
                    context.AddSource(hint, RequestEmitter.Emit(request));
                    break;
                case ClientUnit client:
                    context.AddSource(hint, ClientEmitter.Emit(client));
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, Location.None, unit.TypeName + ": " + exception.Message));
        }
    }
}
