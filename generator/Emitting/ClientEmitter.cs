using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Emits a product's client: an interface to mock it with, one method per operation (and one that also
/// returns the raw answer) over <c>Bindings.Client.AlibabaCloudRpcClient</c>, the operations'
/// descriptions, the spec's endpoints, and dependency-injection shortcuts. The client's own file holds
/// construction, the endpoints and registration; each operation's file adds its methods, its description
/// and its parsers to the client and the interface (both partial), so an edit to one operation re-emits
/// that file only. The parsers are passed as delegates to the generated static methods, so nothing is
/// found by reflection.
/// </summary>
internal static class ClientEmitter
{
    private const string Rpc = "global::Bindings.Client.AlibabaCloudRpcClient";
    private const string Options = "global::Bindings.Client.AlibabaCloudClientOptions";
    private const string Operation = "global::Bindings.Client.RpcOperation";
    private const string RawResponse = "global::Bindings.Client.AlibabaCloudResponse";
    private const string HttpClient = "global::System.Net.Http.HttpClient";
    private const string Token = "global::System.Threading.CancellationToken";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    private const string Registration = "global::Microsoft.Extensions.DependencyInjection.AlibabaCloudServiceCollectionExtensions";

    /// <summary>The client's own file: the interface's fixed part, construction, the endpoints, registration.</summary>
    public static string Emit(ClientUnit unit)
    {
        var name = unit.TypeName;
        var names = NameAllocator.Seeded(TypeSurfaces.Inherited.Add(name).Add(TypeSurfaces.Client.Endpoint).Add(TypeSurfaces.Client.Endpoints).Add(TypeSurfaces.Client.Rpc));
        var writer = EmitterHelpers.StartFile(unit, "The client of the " + unit.Product + " API, version " + unit.Version + "; each operation's file adds its methods.");
        using (writer.Block("namespace " + unit.Namespace))
        {
            EmitInterface(writer, unit);
            writer.Line();
            writer.Summary(unit.Description, "A client of the " + SourceWriter.Escape(unit.Product) + " API.");
            writer.Remarks(
                "API version <c>" + SourceWriter.Escape(unit.Version) + "</c>.",
                DescribeEndpoints(unit.Endpoints),
                "Every method validates its request before sending, signs each attempt afresh, retries what the",
                "service says it did not execute (throttling) for any operation, and 5xx answers and timeouts when a",
                "repeat cannot apply the operation twice, and reports failures as",
                "<see cref=\"global::Bindings.Client.AlibabaCloudServiceException\"/> or",
                "<see cref=\"global::Bindings.Client.AlibabaCloudTransportException\"/>. Thread-safe. Mock",
                "<see cref=\"" + TypeSurfaces.Client.InterfaceName(unit.Product) + "\"/> in tests.");
            writer.Line(EmitterHelpers.GeneratedCodeAttribute);
            using (writer.Block(unit.Accessibility + " sealed partial class " + name + " : " + TypeSurfaces.Client.InterfaceName(unit.Product)))
            {
                writer.Line("private readonly " + Rpc + " " + TypeSurfaces.Client.Rpc + ";");
                writer.Line();
                EmitConstructors(writer, name, TypeSurfaces.Client.Rpc, names);
                EmitEndpoints(writer, unit.Endpoints);
            }

            writer.Line();
            EmitRegistration(writer, unit);
        }

        return writer.ToString();
    }

    /// <summary>
    /// An operation's methods, description and parsers, as parts of the client interface and class in the
    /// operation's file. Their names are the operation's (<c>XAsync</c> and <c>XWithResponseAsync</c>, and
    /// the fields <c>XOperation</c>, <c>XJson</c>, <c>XXml</c>): different from every other operation's
    /// fields (a method named alike is another overload) and from the client's own, whatever the spec
    /// calls things.
    /// </summary>
    public static void EmitOperationPart(SourceWriter writer, OperationUnit unit, ClientOperation operation)
    {
        var names = NameAllocator.Seeded(TypeSurfaces.Inherited
            .Add(unit.ClientName)
            .Add(TypeSurfaces.Client.Endpoint)
            .Add(TypeSurfaces.Client.Endpoints)
            .Add(TypeSurfaces.Client.Rpc)
            .Add(operation.Name + TypeSurfaces.Client.OperationSuffix)
            .Add(operation.Name + TypeSurfaces.Client.WithResponseSuffix));
        var description = names.New(operation.Name + "Operation");
        var json = names.New(operation.Name + "Json");
        var xml = names.New(operation.Name + "Xml");
        var scope = names.NewScope();
        var (request, token) = (scope.New("request"), scope.New("cancellationToken"));
        writer.Line("// The " + operation.Name + " methods of the client's interface.");
        using (writer.Block("partial interface " + TypeSurfaces.Client.InterfaceName(unit.Product)))
        {
            foreach (var withResponse in new[] { false, true })
            {
                if (withResponse)
                {
                    writer.Line();
                }

                OperationDocumentation(writer, unit.Namespace, operation, withResponse, request, token);
                EmitterHelpers.Obsolete(writer, operation.Deprecated);
                writer.Line(Signature(unit.Namespace, operation, withResponse, request, token) + ";");
            }
        }

        writer.Line();
        writer.Line("// The " + operation.Name + " methods of the client.");
        using (writer.Block("partial class " + unit.ClientName))
        {
            foreach (var withResponse in new[] { false, true })
            {
                if (withResponse)
                {
                    writer.Line();
                }

                writer.Line("/// <inheritdoc/>");
                EmitterHelpers.Obsolete(writer, operation.Deprecated);
                using (writer.Block("public " + Signature(unit.Namespace, operation, withResponse, request, token)))
                {
                    writer.Line("return " + TypeSurfaces.Client.Rpc + "." + (withResponse ? "SendWithResponseAsync" : "SendAsync") + "(" + request + ", " + description
                        + ", " + json + ", " + xml + ", " + token + ");");
                }
            }

            var codes = operation.RetryableErrors.IsEmpty
                ? "null"
                : "new string[] { " + string.Join(", ", operation.RetryableErrors.Select(SourceWriter.Literal)) + " }";
            writer.Line();
            // The response's member names tell an error document that came with a success status from a response.
            writer.Line("// What the runtime needs to know of the operation, made once.");
            writer.Line("private static readonly " + Operation + " " + description + " = new " + Operation + "(");
            writer.Indent();
            writer.Line(SourceWriter.Literal(unit.Product) + ", " + SourceWriter.Literal(operation.Name) + ", idempotencyTokenParameter: "
                + Literal(operation.IdempotencyTokenWireName) + ", anonymous: " + (operation.Anonymous ? "true" : "false")
                + ", retryableErrorCodes: " + codes + ",");
            writer.Line("responseMembers: new string[] { " + string.Join(", ", unit.Response.Members.Select(member => SourceWriter.Literal(member.WireName))) + " });");
            writer.Outdent();
            var response = "global::" + unit.Namespace + "." + operation.Name + TypeSurfaces.Client.ResponseSuffix;
            var type = "global::System.Func<global::System.IO.Stream, global::Bindings.ResponseParseOptions, " + Token
                + ", " + Task + "<" + response + ">>";
            writer.Line();
            writer.Line("// The generated parsers, as delegates made once.");
            writer.Line("private static readonly " + type + " " + json + " = " + response + "." + TypeSurfaces.Shape.ParseJsonAsync + ";");
            writer.Line();
            writer.Line("private static readonly " + type + " " + xml + " = " + response + "." + TypeSurfaces.Shape.ParseXmlAsync + ";");
            if (operation.Pagination is { } pagination)
            {
                PagerAndWaiterEmitter.EmitPagers(writer, unit.Namespace, operation.Name, pagination,
                    (page, pageToken) => TypeSurfaces.Client.Rpc + ".SendAsync(" + page + ", " + description + ", " + json + ", " + xml + ", " + pageToken + ")", scope);
            }

            foreach (var waiter in operation.Waiters)
            {
                PagerAndWaiterEmitter.EmitWaiter(writer, unit.Namespace, operation.Name, waiter, TypeSurfaces.Client.Rpc,
                    (waitRequest, pollToken) => operation.Name + TypeSurfaces.Client.OperationSuffix + "(" + waitRequest + ", " + pollToken + ")", scope);
            }
        }
    }

    private static void EmitInterface(SourceWriter writer, ClientUnit unit)
    {
        writer.Doc("The operations of <see cref=\"" + unit.TypeName + "\"/>, to mock in tests or to decorate; each operation's file adds its methods.");
        writer.Line(EmitterHelpers.GeneratedCodeAttribute);
        using (writer.Block(unit.Accessibility + " partial interface " + TypeSurfaces.Client.InterfaceName(unit.Product)))
        {
            writer.Doc("The address every request goes to.");
            writer.Line("global::System.Uri " + TypeSurfaces.Client.Endpoint + " { get; }");
        }
    }

    private static string Signature(string ns, ClientOperation operation, bool withResponse, string request, string token)
    {
        var response = "global::" + ns + "." + operation.Name + TypeSurfaces.Client.ResponseSuffix;
        var returns = withResponse ? Task + "<" + RawResponse + "<" + response + ">>" : Task + "<" + response + ">";
        return returns + " " + operation.Name + (withResponse ? TypeSurfaces.Client.WithResponseSuffix : TypeSurfaces.Client.OperationSuffix)
            + "(global::" + ns + "." + operation.Name + TypeSurfaces.Request.TypeSuffix + " " + request + ", " + Token + " " + token + " = default)";
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
        writer.Doc("Creates a client with the default options: the service's default host, and credentials from the default chain.");
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
        var hosts = Literal(endpoints.Default) + ", " + Literal(endpoints.Regional) + ", " + Literal(endpoints.Vpc);
        if (endpoints.Regions.IsEmpty)
        {
            writer.Line("public static global::Bindings.Client.ServiceEndpoints " + TypeSurfaces.Client.Endpoints + " { get; } = new global::Bindings.Client.ServiceEndpoints(" + hosts + ");");
            return;
        }

        // The region map goes first, for every network, as the official SDK's getEndpoint uses its @endpointMap.
        writer.Line("public static global::Bindings.Client.ServiceEndpoints " + TypeSurfaces.Client.Endpoints + " { get; } = new global::Bindings.Client.ServiceEndpoints(");
        writer.Indent();
        writer.Line(hosts + ",");
        writer.Line("new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal)");
        writer.OpenBlock(string.Empty);
        foreach (var region in endpoints.Regions)
        {
            writer.Line("[" + SourceWriter.Literal(region.Region) + "] = " + SourceWriter.Literal(region.Host) + ",");
        }

        writer.CloseBlock(");");
        writer.Outdent();
    }

    private static void OperationDocumentation(SourceWriter writer, string ns, ClientOperation operation, bool withResponse, string request, string token)
    {
        writer.Summary(operation.Description, "Calls " + operation.Name + ".");
        var remarks = new List<string>(RetryRemarks(operation, ns));
        if (operation.Anonymous)
        {
            remarks.Add("Anonymous: sent unsigned, without an AccessKey (the request carries its own proof).");
        }

        if (withResponse)
        {
            remarks.Add("Returns the parsed response with the HTTP status, the headers and the request ID of the answer.");
        }

        writer.Remarks(remarks.ToArray());
        writer.Line("/// <param name=\"" + request + "\">The request; validated before anything is sent.</param>");
        writer.Line("/// <param name=\"" + token + "\">Cancels the call, retries included.</param>");
        writer.Line(withResponse
            ? "/// <returns>The response, read with the parser of the configured format, and the raw answer's status and headers.</returns>"
            : "/// <returns>The response, read with the parser of the configured format.</returns>");
        writer.Line("/// <exception cref=\"global::Bindings.RequestValidationException\">A required parameter is missing or a value breaks a constraint; nothing was sent.</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.Client.AlibabaCloudServiceException\">The service answered with an error (after any retries).</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.Client.AlibabaCloudTransportException\">No answer: the connection failed or a timeout ran out (after any retries).</exception>");
        writer.Line("/// <exception cref=\"global::Bindings.ResponseParseException\">The service's answer could not be read.</exception>");
        if (!operation.Anonymous)
        {
            writer.Line("/// <exception cref=\"global::Bindings.Credentials.AlibabaCloudCredentialsException\">No credentials could be found or refreshed.</exception>");
        }

        writer.Line("/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"" + token + "\"/> was cancelled.</exception>");
    }

    private static IEnumerable<string> RetryRemarks(ClientOperation operation, string ns)
    {
        var codes = operation.RetryableErrors.IsEmpty
            ? string.Empty
            : ", and " + string.Join(", ", operation.RetryableErrors.Select(code => "<c>" + SourceWriter.Escape(code) + "</c>"));
        var notExecuted = "Throttling" + codes + " (the service did not execute the call) is retried;";
        if (operation.IdempotencyTokenWireName is { } wire && operation.IdempotencyTokenProperty is { } property)
        {
            return new[]
            {
                (operation.ReadOnly ? "Read-only, and idempotent" : "Idempotent") + " through <c>" + SourceWriter.Escape(wire) + "</c>: when the request leaves",
                "<see cref=\"global::" + ns + "." + operation.Name + TypeSurfaces.Request.TypeSuffix + "." + property + "\"/> empty, the client sends a new token, the same on every",
                "retry of this call (the request object is not changed).",
                notExecuted,
                "5xx answers, timeouts and broken connections are retried too.",
            };
        }

        return operation.ReadOnly
            ? new[] { "Read-only.", notExecuted, "5xx answers, timeouts and broken connections are retried too." }
            : new[]
            {
                "Not read-only and without an idempotency token.",
                notExecuted,
                "other failures are retried only when the connection could not be made, since any other repeat",
                "could apply the operation twice.",
            };
    }

    private static void EmitRegistration(SourceWriter writer, ClientUnit unit)
    {
        var name = unit.TypeName;
        var contract = "global::" + unit.Namespace + "." + TypeSurfaces.Client.InterfaceName(unit.Product);
        var full = unit.Namespace + "." + name;
        var client = "global::" + full;
        writer.Doc("Registers <see cref=\"" + client + "\"/> with dependency injection and <c>IHttpClientFactory</c>.");
        writer.Line(EmitterHelpers.GeneratedCodeAttribute);
        using (writer.Block(unit.Accessibility + " static class " + name + TypeSurfaces.Client.RegistrationSuffix))
        {
            EmitAdd(writer, unit,
                "Registers <see cref=\"" + client + "\"/> and <see cref=\"" + contract + "\"/> as a typed <c>HttpClient</c> client named <c>"
                    + full + "</c>, with options of the same name, checked at start-up.",
                new[] { ("configure", "Sets the client's options; may be null.") },
                "global::System.Action<" + Options + ">? configure = null",
                "null",
                "configure");
            writer.Line();
            EmitAdd(writer, unit,
                "Registers a named <see cref=\"" + contract + "\"/> (another region or account): resolve it with"
                    + " <c>[FromKeyedServices(name)]</c> or <see cref=\"global::Bindings.Client.IAlibabaCloudClientFactory{TClient}\"/>.",
                new[] { ("name", "The client's name; its options are named <c>" + full + ":</c> and the name."), ("configure", "Sets the client's options; may be null.") },
                "string name, global::System.Action<" + Options + ">? configure = null",
                "name",
                "configure");
            writer.Line();
            EmitAdd(writer, unit,
                "Registers a named <see cref=\"" + contract + "\"/> whose options are read from configuration"
                    + " (<c>appsettings.json</c>): unknown keys and bad values fail at start-up.",
                new[]
                {
                    ("name", "The client's name."),
                    ("configuration", "The section that holds the options, e.g. <c>RegionId</c>, <c>Timeout</c>, <c>Retry:MaxRetries</c>."),
                },
                "string name, global::Microsoft.Extensions.Configuration.IConfiguration configuration",
                "name",
                "configuration");
        }
    }

    /// <summary>One <c>Add{Client}</c> overload, forwarding to the runtime's registration.</summary>
    private static void EmitAdd(
        SourceWriter writer, ClientUnit unit, string summary, (string Name, string Doc)[] parameters, string parameterList, string nameArgument, string lastArgument)
    {
        var name = unit.TypeName;
        var client = "global::" + unit.Namespace + "." + name;
        writer.Doc(summary);
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        foreach (var (parameter, doc) in parameters)
        {
            writer.Line("/// <param name=\"" + parameter + "\">" + doc + "</param>");
        }

        writer.Line("/// <returns>The <c>HttpClient</c> builder, to add handlers or configure the primary handler.</returns>");
        using (writer.Block("public static " + Builder + " Add" + name + "(this " + Services + " services, " + parameterList + ")"))
        {
            writer.Line("return " + Registration + ".AddAlibabaCloudClient<global::" + unit.Namespace + "." + TypeSurfaces.Client.InterfaceName(unit.Product) + ", " + client + ">(");
            writer.Indent().Line("services, " + SourceWriter.Literal(unit.Namespace + "." + name) + ", " + nameArgument + ", " + client + "." + TypeSurfaces.Client.Endpoints + ", "
                + "(httpClient, options) => new " + client + "(httpClient, options), " + lastArgument + ");").Outdent();
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

        if (!endpoints.Regions.IsEmpty)
        {
            hosts.Insert(0, "the host of the region in the spec's map of " + endpoints.Regions.Count + " regions (for every network, as the official SDK)");
        }

        return hosts.Count == 0
            ? "The spec names no host: set <see cref=\"global::Bindings.Client.AlibabaCloudClientOptions.Endpoint\"/>."
            : "Hosts: " + string.Join(", ", hosts) + "; the options' endpoint wins.";
    }

    private static string Literal(string? value) => value is null ? "null" : SourceWriter.Literal(value);
}
