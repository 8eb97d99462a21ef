using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a product's client: one method per operation over <c>Bindings.Client.AlibabaCloudRpcClient</c>,
/// the spec's endpoints, and a dependency-injection shortcut. The parsers are passed as delegates to the
/// generated static methods, so nothing is found by reflection.
/// </summary>
internal static class ClientEmitter
{
    private const string Rpc = "global::Bindings.Client.AlibabaCloudRpcClient";
    private const string Options = "global::Bindings.Client.AlibabaCloudClientOptions";
    private const string HttpClient = "global::System.Net.Http.HttpClient";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(ClientUnit unit)
    {
        var name = unit.TypeName;

        // Every operation X adds XAsync; the other members' names are the client's fixed ones or invented here.
        var names = NameAllocator.Seeded(TypeSurfaces.Inherited
            .Add(name)
            .Add(TypeSurfaces.Client.Endpoint)
            .Add(TypeSurfaces.Client.Endpoints)
            .AddRange(unit.Operations.Select(operation => operation.Name + TypeSurfaces.Client.OperationSuffix)));
        var rpc = names.New("_rpc");
        var parsers = names.New("Parsers");
        var writer = EmitterHelpers.StartFile(unit, "The client of the " + unit.Product + " API, version " + unit.Version + ".");
        using (writer.Block("namespace " + unit.Namespace))
        {
            writer.Summary(unit.Description, "A client of the " + SourceWriter.Escape(unit.Product) + " API.");
            writer.Remarks(
                "API version <c>" + SourceWriter.Escape(unit.Version) + "</c>.",
                DescribeEndpoints(unit.Endpoints),
                "Every method validates its request before sending, signs each attempt afresh, retries throttling,",
                "5xx answers and timeouts when a repeat cannot apply the operation twice, and reports failures as",
                "<see cref=\"global::Bindings.Client.AlibabaCloudServiceException\"/> or",
                "<see cref=\"global::Bindings.Client.AlibabaCloudTransportException\"/>. Thread-safe.");
            writer.Line(EmitterHelpers.GeneratedCodeAttribute);
            using (writer.Block("public sealed partial class " + name))
            {
                writer.Line("private readonly " + Rpc + " " + rpc + ";");
                writer.Line();
                EmitConstructors(writer, name, rpc, names);
                EmitEndpoints(writer, unit.Endpoints);
                // The nested class's own names: a member may not be named like its class.
                var parserNames = NameAllocator.Seeded(TypeSurfaces.Inherited.Add(parsers));
                var parserFields = unit.Operations.ToDictionary(
                    operation => operation,
                    operation => (Json: parserNames.New(operation.Name + "Json"), Xml: parserNames.New(operation.Name + "Xml")));
                foreach (var operation in unit.Operations)
                {
                    EmitOperation(writer, unit.Namespace, operation, rpc, parsers, parserFields[operation], names.NewScope());
                }

                EmitParsers(writer, unit.Namespace, unit.Operations, parsers, parserFields);
            }

            writer.Line();
            EmitRegistration(writer, unit);
        }

        return writer.ToString();
    }

    private static void EmitConstructors(SourceWriter writer, string name, string rpc, NameAllocator names)
    {
        var scope = names.NewScope();
        var httpClient = scope.New("httpClient");
        var options = scope.New("options");
        writer.Doc("Creates a client that sends with <paramref name=\"" + httpClient + "\"/>; the options are read now, once.");
        writer.Line("/// <param name=\"" + httpClient + "\">Sends the requests; the client does not dispose it.</param>");
        writer.Line("/// <param name=\"" + options + "\">Region or endpoint, credentials, format, signature, timeouts and retries.</param>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\">An argument is null.</exception>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">An option is out of range, or no endpoint fits.</exception>");
        using (writer.Block("public " + name + "(" + HttpClient + " " + httpClient + ", " + Options + " " + options + ")"))
        {
            writer.Line(rpc + " = new " + Rpc + "(" + httpClient + ", " + options + ", " + TypeSurfaces.Client.Endpoints + ");");
        }

        writer.Line();
        writer.Doc("Creates a client with the default options: the service's default host, and credentials from the environment.");
        writer.Line("/// <param name=\"" + httpClient + "\">Sends the requests; the client does not dispose it.</param>");
        writer.Line("public " + name + "(" + HttpClient + " " + httpClient + ")");
        writer.Indent().Line(": this(" + httpClient + ", new " + Options + "())").Outdent();
        writer.OpenBlock("").CloseBlock();
        writer.Line();
        writer.Doc("The address every request goes to: the options' endpoint, or a host of <see cref=\"" + TypeSurfaces.Client.Endpoints + "\"/>.");
        writer.Line("public global::System.Uri " + TypeSurfaces.Client.Endpoint + " => " + rpc + ".Endpoint;");
        writer.Line();
    }

    private static void EmitEndpoints(SourceWriter writer, EndpointsModel endpoints)
    {
        writer.Doc("The service's hosts, from the spec; <c>{regionId}</c> stands for the options' region.");
        writer.Line("public static global::Bindings.Client.ServiceEndpoints " + TypeSurfaces.Client.Endpoints + " { get; } = new global::Bindings.Client.ServiceEndpoints("
            + Literal(endpoints.Default) + ", " + Literal(endpoints.Regional) + ", " + Literal(endpoints.Vpc) + ");");
    }

    private static void EmitOperation(SourceWriter writer, string ns, ClientOperation operation, string rpc, string parsers, (string Json, string Xml) fields, NameAllocator scope)
    {
        var request = "global::" + ns + "." + operation.Name + TypeSurfaces.Request.TypeSuffix;
        var response = "global::" + ns + "." + operation.Name + TypeSurfaces.Client.ResponseSuffix;
        var requestParameter = scope.New("request");
        var cancellationToken = scope.New("cancellationToken");
        writer.Line();
        writer.Summary(operation.Description, "Calls " + operation.Name + ".");
        writer.Remarks(RetryRemarks(operation, ns));
        writer.Line("/// <param name=\"" + requestParameter + "\">The request; validated before anything is sent.</param>");
        writer.Line("/// <param name=\"" + cancellationToken + "\">Cancels the call, retries included.</param>");
        writer.Line("/// <returns>The response, read with the parser of the configured format.</returns>");
        writer.Line("/// <exception cref=\"global::Bindings.RequestValidationException\">A required parameter is missing or a value breaks a constraint; nothing was sent.</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.Client.AlibabaCloudServiceException\">The service answered with an error (after any retries).</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.Client.AlibabaCloudTransportException\">No answer: the connection failed or a timeout ran out (after any retries).</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.ResponseParseException\">The service's answer could not be read.</exception>");
        writer.Line("/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"" + cancellationToken + "\"/> was cancelled.</exception>");
        using (writer.Block("public global::System.Threading.Tasks.Task<" + response + "> " + operation.Name + TypeSurfaces.Client.OperationSuffix + "(" + request + " " + requestParameter + ", " + Token + " " + cancellationToken + " = default)"))
        {
            writer.Line("return " + rpc + ".SendAsync(" + requestParameter + ", " + Literal(operation.IdempotencyTokenWireName) + ", " + parsers + "." + fields.Json
                + ", " + parsers + "." + fields.Xml + ", " + cancellationToken + ");");
        }
    }

    private static string[] RetryRemarks(ClientOperation operation, string ns)
    {
        if (operation.IdempotencyTokenWireName is { } wire && operation.IdempotencyTokenProperty is { } property)
        {
            return new[]
            {
                (operation.ReadOnly ? "Read-only, and idempotent" : "Idempotent") + " through <c>" + SourceWriter.Escape(wire) + "</c>: when the request leaves",
                "<see cref=\"global::" + ns + "." + operation.Name + TypeSurfaces.Request.TypeSuffix + "." + property + "\"/> empty, the client sends a new token, the same on every",
                "retry of this call (the request object is not changed). Throttling, 5xx answers, timeouts and broken",
                "connections are retried.",
            };
        }

        return operation.ReadOnly
            ? new[] { "Read-only: throttling, 5xx answers, timeouts and broken connections are retried." }
            : new[]
            {
                "Not read-only and without an idempotency token: retried only when the connection could not be",
                "made, since any other repeat could apply the operation twice.",
            };
    }

    private static void EmitParsers(SourceWriter writer, string ns, EquatableArray<ClientOperation> operations, string parsers, Dictionary<ClientOperation, (string Json, string Xml)> fields)
    {
        writer.Line();
        writer.Line("// The generated parsers, as delegates made once.");
        using (writer.Block("private static class " + parsers))
        {
            foreach (var operation in operations)
            {
                var response = "global::" + ns + "." + operation.Name + TypeSurfaces.Client.ResponseSuffix;
                var type = "global::System.Func<global::System.IO.Stream, global::Bindings.ResponseParseOptions, " + Token
                    + ", global::System.Threading.Tasks.Task<" + response + ">>";
                writer.Line("internal static readonly " + type + " " + fields[operation].Json + " = " + response + "." + TypeSurfaces.Shape.ParseJsonAsync + ";");
                writer.Line("internal static readonly " + type + " " + fields[operation].Xml + " = " + response + "." + TypeSurfaces.Shape.ParseXmlAsync + ";");
            }
        }
    }

    private static void EmitRegistration(SourceWriter writer, ClientUnit unit)
    {
        var name = unit.TypeName;
        var client = "global::" + unit.Namespace + "." + name;
        writer.Doc("Registers <see cref=\"" + client + "\"/> with dependency injection and <c>IHttpClientFactory</c>.");
        writer.Line(EmitterHelpers.GeneratedCodeAttribute);
        using (writer.Block("public static class " + name + TypeSurfaces.Client.RegistrationSuffix))
        {
            writer.Doc("Registers <see cref=\"" + client + "\"/> as a typed <c>HttpClient</c> client named <c>" + unit.Namespace + "." + name
                + "</c>, with options of the same name.");
            writer.Line("/// <param name=\"services\">The service collection.</param>");
            writer.Line("/// <param name=\"configure\">Sets the client's options; may be null.</param>");
            writer.Line("/// <returns>The <c>HttpClient</c> builder, to add handlers or configure the primary handler.</returns>");
            using (writer.Block("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add" + name
                + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<" + Options + ">? configure = null)"))
            {
                writer.Line("return global::Microsoft.Extensions.DependencyInjection.AlibabaCloudServiceCollectionExtensions.AddAlibabaCloudClient(");
                writer.Indent();
                writer.Line("services, " + SourceWriter.Literal(unit.Namespace + "." + name) + ", (httpClient, options) => new " + client + "(httpClient, options), configure);");
                writer.Outdent();
            }
        }
    }

    private static string DescribeEndpoints(EndpointsModel endpoints)
    {
        var hosts = new List<string>();
        if (endpoints.Default is { } host)
        {
            hosts.Add("<c>" + SourceWriter.Escape(host) + "</c> by default");
        }

        if (endpoints.Regional is { } regional)
        {
            hosts.Add("<c>" + SourceWriter.Escape(regional) + "</c> for a region");
        }

        if (endpoints.Vpc is { } vpc)
        {
            hosts.Add("<c>" + SourceWriter.Escape(vpc) + "</c> inside a VPC");
        }

        return hosts.Count == 0
            ? "The spec names no host: set <see cref=\"global::Bindings.Client.AlibabaCloudClientOptions.Endpoint\"/>."
            : "Hosts: " + string.Join(", ", hosts) + "; the options' endpoint wins.";
    }

    private static string Literal(string? value) => value is null ? "null" : SourceWriter.Literal(value);
}
