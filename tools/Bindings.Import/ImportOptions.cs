namespace Bindings.Import;

/// <summary>The command line of <c>bindings import</c>.</summary>
internal sealed class ImportOptions
{
    public const string Usage = """
        Usage: bindings import <source>... --out <folder> [options]

        Turns Alibaba Cloud's machine-readable description of an API into Bindings spec files: one per
        operation and one shared file (enums, shared shapes, endpoints). Sources, recognised by content:
          main.dara (or main.tea)   the Darabonba model, aliyun/alibabacloud-sdk <product>-<version>/async/main.dara
          api-docs.json             the OpenAPI portal's description (dew-serverless/acs-metadata)
          api-info.json             the endpoint map and the deprecated operations
          <folder>                  openapi-meta's metadatas/<product>/ (RepeatList marks, a cross-check)

        Options:
          --out <folder>            where the specs are (written, or compared with --check)
          --operations A,B,...      only these operations (the ones imported before are kept up to date too)
          --overlay <file>          the human decisions (default: <out>/import-overlay.yaml when it exists)
          --schema <path>           the $schema line's path (default: ../bindings-spec.schema.json)
          --check                   write nothing; list per operation what the source added, removed or
                                    retyped compared with the specs; exit 1 when anything differs
          --notes                   print every note (what the importer left out or chose, and why)
          --force                   replace hand-written spec files of the same name (without it they are
                                    never overwritten: the import writes nothing and exits 3)

        Exit codes: 0 done (no drift), 1 drift (--check), 2 a source or the overlay cannot be read,
        3 hand-written specs in the way (nothing written), 64 usage.
        """;

    public List<string> Sources { get; } = new();

    public string? Out { get; set; }

    public List<string>? Operations { get; set; }

    public string? Overlay { get; set; }

    public string Schema { get; set; } = "../bindings-spec.schema.json";

    public bool Check { get; set; }

    public bool Notes { get; set; }

    public bool Force { get; set; }

    /// <summary>The options, or the reason they are not usable.</summary>
    public static (ImportOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new ImportOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--out":
                    options.Out = Value() ?? (string?)null;
                    if (options.Out is null)
                    {
                        return (null, "--out needs a folder");
                    }

                    break;
                case "--operations":
                    var list = Value();
                    if (list is null)
                    {
                        return (null, "--operations needs a comma-separated list of operation names");
                    }

                    options.Operations = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    break;
                case "--overlay":
                    options.Overlay = Value();
                    if (options.Overlay is null)
                    {
                        return (null, "--overlay needs a file");
                    }

                    break;
                case "--schema":
                    options.Schema = Value() ?? "";
                    if (options.Schema.Length == 0)
                    {
                        return (null, "--schema needs a path");
                    }

                    break;
                case "--check":
                    options.Check = true;
                    break;
                case "--notes":
                    options.Notes = true;
                    break;
                case "--force":
                    options.Force = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        return (null, "unknown option " + arg);
                    }

                    options.Sources.Add(arg);
                    break;
            }
        }

        if (options.Sources.Count == 0)
        {
            return (null, "no source given (main.dara or api-docs.json)");
        }

        if (options.Out is null)
        {
            return (null, "--out is required");
        }

        return (options, null);
    }
}
