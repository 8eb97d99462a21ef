using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bindings.Generator.Tests;

/// <summary>
/// What issue 14 added to the format and the generator: <c>anonymous</c> and <c>retryableErrors</c> on
/// an operation, the client's interface, and <c>BindingsAccessibility</c> (the runtime's internal STS client).
/// </summary>
public class ClientOptionsTests
{
    private const string Spec = """
        product: Widgets
        version: "2020-01-01"
        endpoints:
          default: widgets.aliyuncs.com
        operations:
          CreateWidget:
            anonymous: true
            retryableErrors: [ConcurrentLimit, OperationDenied.Busy]
            request:
              Name: string
            response:
              RequestId: string
        """;

    private static GeneratorRun Run(string yaml, Dictionary<string, string>? global = null) =>
        GeneratorHarness.Run([GeneratorHarness.Spec("/specs/w.yaml", yaml)], options: new TestOptionsProvider(global));

    [Fact]
    public void AnonymousRetryableErrorsAndResponseMembersReachTheOperationsDescription()
    {
        var run = Run(Spec);

        Assert.Empty(run.Diagnostics);
        // The operation's file holds its part of the client: its methods and its description.
        var client = run.Source("Bindings.Widgets.CreateWidget.g.cs");
        Assert.Contains("\"Widgets\", \"CreateWidget\", idempotencyTokenParameter: null, anonymous: true, retryableErrorCodes: new string[] { \"ConcurrentLimit\", \"OperationDenied.Busy\" },", client);
        // The response's members, to tell an error document in a success status from a response.
        Assert.Contains("responseMembers: new string[] { \"RequestId\" });", client);
        Assert.Contains("<c>ConcurrentLimit</c>, <c>OperationDenied.Busy</c> (the service did not execute the call) is retried", client);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("    anonymous: maybe\n", "anonymous", 7, 16)]
    [InlineData("    retryableErrors: Throttling\n", "retryableErrors", 7, 22)]
    [InlineData("    retryableErrors: [\"not a code\"]\n", "retryableErrors", 7, 23)]
    public void AMisusedKeyIsBnd008AtItsValue(string line, string key, int atLine, int atColumn)
    {
        var yaml = "product: Widgets\nversion: \"2020-01-01\"\noperations:\n  CreateWidget:\n    response:\n      RequestId: string\n" + line;

        var diagnostic = Assert.Single(Run(yaml).Diagnostics, d => d.Id == "BND008");

        Assert.Contains("'" + key + "'", diagnostic.GetMessage());
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((atLine, atColumn), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void ACodeListedTwiceIsBnd004()
    {
        var yaml = "product: Widgets\nversion: \"2020-01-01\"\noperations:\n  CreateWidget:\n    retryableErrors: [Busy, Busy]\n";

        Assert.Single(Run(yaml).Diagnostics, d => d.Id == "BND004");
    }

    [Fact]
    public void TheClientImplementsItsInterfaceWithEveryOperationTwice()
    {
        var run = Run(Spec);

        // The interface is partial: the client's file declares it with Endpoint, each operation's file adds its two methods.
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("WidgetsClient.g.cs", StringComparison.Ordinal));
        var declared = Assert.Single(tree.GetRoot().DescendantNodes().OfType<InterfaceDeclarationSyntax>());
        Assert.Equal("IWidgetsClient", declared.Identifier.Text);
        var contract = run.Output.GetTypeByMetadataName("Bindings.Widgets.IWidgetsClient")!;
        Assert.Equal(
            ["CreateWidgetAsync", "CreateWidgetWithResponseAsync"],
            contract.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name).Order());
        Assert.Equal(["Endpoint"], contract.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        var client = run.Output.GetTypeByMetadataName("Bindings.Widgets.WidgetsClient")!;
        Assert.Contains(client.AllInterfaces, i => SymbolEqualityComparer.Default.Equals(i, contract));
        Assert.All(contract.GetMembers(), member => Assert.NotNull(client.FindImplementationForInterfaceMember(member)));
    }

    [Fact]
    public void BindingsAccessibilityInternalMakesEveryGeneratedTypeInternal()
    {
        var yaml = Spec + "\nenums:\n  Color:\n    values:\n      Red:\nshapes:\n  Part:\n    members:\n      Size: long\n";

        var run = Run(yaml, new() { ["build_property.BindingsAccessibility"] = "internal" });

        Assert.Empty(run.Diagnostics);
        var widgets = run.Output.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Bindings").GetNamespaceMembers().Single(n => n.Name == "Widgets");
        var types = widgets.GetTypeMembers();
        // The enum and its Kind, the shape, the request, the response, the client, its interface and its DI shortcut.
        Assert.Equal(8, types.Length);
        Assert.All(types, t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void AnotherAccessibilityIsBnd008()
    {
        var run = Run(Spec, new() { ["build_property.BindingsAccessibility"] = "protected" });

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "BND008");
        Assert.Contains("BindingsAccessibility", diagnostic.GetMessage());
        Assert.Contains("public or internal", diagnostic.GetMessage());
    }
}
