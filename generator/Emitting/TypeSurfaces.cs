using System.Collections.Immutable;

namespace Bindings.Generator.Emitting;

/// <summary>
/// The members each kind of generated type exposes under fixed names, because users, other generated
/// types or the runtime call them by name. The emitters write these names from here, and the spec reader
/// refuses a spec name that is one of them (BND011): what is declared here is all a spec cannot use.
/// Every other name an emitter writes comes from a <see cref="NameAllocator"/> and gives way to the spec.
/// </summary>
internal static class TypeSurfaces
{
    /// <summary>What every type inherits from <c>object</c>: a member of the same name would hide it (CS0108).</summary>
    public static readonly ImmutableArray<string> Inherited = ImmutableArray.Create(
        "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString");

    /// <summary>
    /// What a C# enum inherits from <c>System.Enum</c> on any target framework, and <c>value__</c>, the name
    /// of its underlying field (CS0076): no value of the generated kind enum may be named so.
    /// </summary>
    public static readonly ImmutableArray<string> InheritedByEnums = Inherited.AddRange(new[]
    {
        "CompareTo", "Format", "GetName", "GetNames", "GetNamesAsUnderlyingType", "GetTypeCode", "GetUnderlyingType",
        "GetValues", "GetValuesAsUnderlyingType", "HasFlag", "IsDefined", "Parse", "ToObject", "TryFormat", "TryParse", "value__",
    });

    /// <summary>
    /// The namespaces and types generated code names (<c>global::Bindings.Serialization.JsonParsing</c>,
    /// <c>global::Bindings.UnknownMember</c>, <c>global::System.Array</c>, ...). A spec's namespace may not
    /// be one of them, or (where marked) inside one: its types could hide the runtime's, and a namespace
    /// named like a type makes the type unreachable.
    /// </summary>
    public static readonly ImmutableArray<(string Name, bool WithChildren, string Owner)> ForeignNames = ImmutableArray.Create(
        ("Bindings", false, "the Bindings runtime's namespace"),
        ("Bindings.Client", true, "the Bindings runtime's namespace"),
        ("Bindings.Compat", true, "the Bindings runtime's namespace"),
        ("Bindings.Serialization", true, "the Bindings runtime's namespace"),
        ("Bindings.Signing", true, "the Bindings runtime's namespace"),
        ("Bindings.IRpcRequest", true, "a type of the Bindings runtime"),
        ("Bindings.IRpcBodyParameters", true, "a type of the Bindings runtime"),
        ("Bindings.RequestValidationException", true, "a type of the Bindings runtime"),
        ("Bindings.ResponseParseException", true, "a type of the Bindings runtime"),
        ("Bindings.ResponseParseOptions", true, "a type of the Bindings runtime"),
        ("Bindings.UnknownMember", true, "a type of the Bindings runtime"),
        ("Bindings.WireFormat", true, "a type of the Bindings runtime"),
        ("Microsoft", true, "Microsoft's namespace"),
        ("System", true, "the framework's namespace"));

    /// <summary>A response or structure: its parse entry points, the readers other structures call, the unknown members.</summary>
    public static class Shape
    {
        public const string ParseJson = nameof(ParseJson);
        public const string ParseJsonAsync = nameof(ParseJsonAsync);
        public const string ParseXml = nameof(ParseXml);
        public const string ParseXmlAsync = nameof(ParseXmlAsync);

        /// <summary>Reads one object; called by the structures that hold this one.</summary>
        public const string ReadJson = nameof(ReadJson);

        /// <summary>Reads one element; called by the structures that hold this one.</summary>
        public const string ReadXml = nameof(ReadXml);

        public const string UnknownMembers = nameof(UnknownMembers);

        public static readonly ImmutableArray<string> Members = Inherited.AddRange(new[]
        {
            ParseJson, ParseJsonAsync, ParseXml, ParseXmlAsync, ReadJson, ReadXml, UnknownMembers,
        });
    }

    /// <summary>An enum struct: its kind, wire value and factories; and the value its kind enum keeps for what the spec does not list.</summary>
    public static class Enum
    {
        public const string Kind = nameof(Kind);
        public const string IsKnown = nameof(IsKnown);
        public const string WireValue = nameof(WireValue);
        public const string FromWireValue = nameof(FromWireValue);
        public const string FromUtf8 = nameof(FromUtf8);

        /// <summary>The member of the kind enum for a value the spec does not list.</summary>
        public const string Unknown = nameof(Unknown);

        /// <summary>The generated kind enum of enum <c>X</c> is <c>XKind</c>.</summary>
        public const string KindSuffix = "Kind";

        /// <summary>What a value cannot be named: it is a static property of the struct and a member of the kind enum.</summary>
        public static readonly ImmutableArray<string> Members = InheritedByEnums.AddRange(new[]
        {
            Kind, IsKnown, WireValue, FromWireValue, FromUtf8, Unknown,
        });
    }

    /// <summary>A request: its validation and its wire parameters (<c>IRpcRequest</c>'s members are implemented explicitly).</summary>
    public static class Request
    {
        public const string Validate = nameof(Validate);
        public const string WriteParameters = nameof(WriteParameters);

        /// <summary>The request type of operation <c>X</c> is <c>XRequest</c>.</summary>
        public const string TypeSuffix = nameof(Request);

        public static readonly ImmutableArray<string> Members = Inherited.AddRange(new[] { Validate, WriteParameters });
    }

    /// <summary>The names a product's client and an operation add to it.</summary>
    public static class Client
    {
        public const string Endpoint = nameof(Endpoint);
        public const string Endpoints = nameof(Endpoints);

        /// <summary>
        /// The client's sender, which every operation's method (each in its own file) calls. No spec name
        /// can meet it: what an operation adds ends in Async, Operation, Json or Xml.
        /// </summary>
        public const string Rpc = "_rpc";

        /// <summary>The client of product <c>P</c> is <c>PClient</c>.</summary>
        public const string TypeSuffix = nameof(Client);

        /// <summary>Registers the client of product <c>P</c>: <c>PClientServiceCollectionExtensions.AddPClient</c>.</summary>
        public const string RegistrationSuffix = "ServiceCollectionExtensions";

        /// <summary>The method of operation <c>X</c> is <c>XAsync</c>.</summary>
        public const string OperationSuffix = "Async";

        /// <summary>The method of operation <c>X</c> that returns the raw answer too is <c>XWithResponseAsync</c>.</summary>
        public const string WithResponseSuffix = "WithResponseAsync";

        /// <summary>The interface of the client of product <c>P</c> is <c>IPClient</c>.</summary>
        public const string InterfacePrefix = "I";

        /// <summary>The response type of operation <c>X</c> is <c>XResponse</c>.</summary>
        public const string ResponseSuffix = "Response";

        /// <summary>
        /// The types the client of product <c>P</c> declares: <c>PClient</c> (first: it names the client's
        /// file), <c>PClientServiceCollectionExtensions</c> and <c>IPClient</c>.
        /// </summary>
        public static ImmutableArray<string> TypeNames(string product)
        {
            var client = product + TypeSuffix;
            return ImmutableArray.Create(client, client + RegistrationSuffix, InterfaceName(product));
        }

        /// <summary>The interface of the client of product <c>P</c>: <c>IPClient</c>.</summary>
        public static string InterfaceName(string product) => InterfacePrefix + product + TypeSuffix;
    }
}
