using System;
using System.ComponentModel;
using System.Text.Json;
using System.Xml;

namespace Bindings.Serialization;

/// <summary>
/// Reads one JSON value for a generated reader (the value of a map entry): null when the document says
/// <c>null</c>. The reader is on the value's first token; afterwards on its last.
/// </summary>
/// <typeparam name="T">What is read: <c>int?</c>, <c>string?</c>, a generated structure.</typeparam>
/// <param name="reader">The reader.</param>
/// <param name="utf8Json">The whole document, for values kept as raw text.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json);

/// <summary>
/// Reads one XML element's value for a generated reader (the value of a map entry), and moves past the
/// element: null for <c>xsi:nil</c>.
/// </summary>
/// <typeparam name="T">What is read: <c>int?</c>, <c>string?</c>, a generated structure.</typeparam>
/// <param name="reader">The reader, on the element's start tag.</param>
/// <param name="options">The depth limit.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T XmlValueReader<T>(XmlReader reader, ResponseParseOptions options);
