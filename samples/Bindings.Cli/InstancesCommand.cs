using System.CommandLine;
using System.Text;
using System.Text.Json;
using Bindings.Client;
using Bindings.Rds;
using Spectre.Console;

namespace Bindings.Cli;

/// <summary><c>instances list [--tag key=value]...</c>: the RDS instances of a region (<c>DescribeDBInstances</c>), one page or every page.</summary>
internal static class InstancesCommand
{
    /// <summary>The service takes at most five tags in one request.</summary>
    private const int MaxTags = 5;

    public static Command Create(CliOptions options, IAnsiConsole console, Func<string, string?> environment)
    {
        var paging = new PagedOptions();
        var tags = new Option<KeyValuePair<string, string>[]>("--tag")
        {
            Description = $"Only instances with this tag, key=value; repeat it for more (every one must match, at most {MaxTags}).",
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = ParseTags,
        };
        var raw = CliOptions.Raw();
        var list = new Command("list", "List the instances of a region (--region, or the stand-in's).");
        options.AddConnectionTo(list);
        paging.AddTo(list);
        list.Options.Add(tags);
        list.Options.Add(raw);
        list.SetAction((result, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = options.Read(result);
            await using var connection = await ServiceConnection.OpenAsync(settings, console, environment, instanceRequiredBy: null, cancellationToken, keepRawBody: result.GetValue(raw));
            var region = connection.RegionId ?? throw new RequestValidationException("DescribeDBInstances", "RegionId", "is required: pass --region");
            var request = new DescribeDBInstancesRequest
            {
                RegionId = region,
                Tags = TagsJson(result.GetValue(tags) ?? []),
                PageNumber = result.GetValue(paging.Page),
                PageSize = result.GetValue(paging.PageSize),
            };
            return await paging.ShowAsync(
                result,
                connection,
                console,
                result.GetValue(raw),
                () => connection.Client.DescribeDBInstancesAsync(request, cancellationToken),
                () => connection.Client.DescribeDBInstancesPagesAsync(request, cancellationToken),
                static page => page.Items,
                page => Display.PageLine(page.PageNumber ?? request.PageNumber, page.Items.Count, page.TotalRecordCount, "instances"),
                instances => Render(console, region, instances),
                "instances");
        }));

        var command = new Command("instances", "The RDS instances of a region.");
        command.Subcommands.Add(list);
        return command;
    }

    /// <summary>Every <c>--tag key=value</c>: each key once, at most <see cref="MaxTags"/>.</summary>
    private static KeyValuePair<string, string>[] ParseTags(System.CommandLine.Parsing.ArgumentResult result)
    {
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var token in result.Tokens)
        {
            var equals = token.Value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                result.AddError($"--tag must be key=value, not '{token.Value}'");
                return [];
            }

            var key = token.Value[..equals];
            if (tags.Exists(t => t.Key == key))
            {
                result.AddError($"--tag: the key '{key}' twice (an instance has one value per key)");
                return [];
            }

            tags.Add(KeyValuePair.Create(key, token.Value[(equals + 1)..]));
        }

        if (tags.Count > MaxTags)
        {
            result.AddError($"--tag: at most {MaxTags} tags in one request");
            return [];
        }

        return [.. tags];
    }

    /// <summary>The form the service takes: <c>{"key1":"value1","key2":"value2"}</c>, JSON-escaped; null without tags.</summary>
    internal static string? TagsJson(IReadOnlyCollection<KeyValuePair<string, string>> tags)
    {
        if (tags.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in tags)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Render(IAnsiConsole console, string region, IReadOnlyCollection<DBInstance> instances)
    {
        if (instances.Count == 0)
        {
            console.MarkupLine($"No instances in {Markup.Escape(region)}.");
            return;
        }

        var table = new Table().Title($"Instances in {Markup.Escape(region)}")
            .AddColumns("Instance", "Description", "Engine", "Class", "Status", "Zone", "Created");
        foreach (var instance in instances)
        {
            table.AddRow(
                Display.Text(instance.DBInstanceId),
                Display.Text(instance.DBInstanceDescription),
                Display.Text(string.Join(" ", new[] { instance.Engine, instance.EngineVersion }.Where(static p => !string.IsNullOrEmpty(p)))),
                Display.Text(instance.DBInstanceClass),
                Display.Text(instance.DBInstanceStatus),
                Display.Text(instance.ZoneId),
                Display.Time(instance.CreateTime));
        }

        console.Write(table);
    }
}
