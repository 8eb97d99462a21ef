using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Bindings.Serialization;

/// <summary>
/// What generated JSON parsers call: one forward pass over <see cref="Utf8JsonReader"/>, lenient where
/// the service is known to be inconsistent (numbers sent as strings and the reverse, empty strings for
/// absent numbers, <c>null</c>), strict everywhere else, and never throwing anything but
/// <see cref="ResponseParseException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonParsing
{
    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

    private static ReadOnlySpan<byte> TrueText => new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };

    private static ReadOnlySpan<byte> FalseText => new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };

    /// <summary>Removes a UTF-8 byte order mark, which <see cref="Utf8JsonReader"/> does not accept.</summary>
    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> utf8Json)
        => utf8Json.StartsWith(Utf8Bom) ? utf8Json.Slice(Utf8Bom.Length) : utf8Json;

    /// <summary>Creates the reader for a whole document, with the depth and size limits of <paramref name="options"/>.</summary>
    public static Utf8JsonReader CreateReader(ReadOnlySpan<byte> utf8Json, ResponseParseOptions options)
    {
        if (options.MaxDocumentSize > 0 && utf8Json.Length > options.MaxDocumentSize)
        {
            throw StreamBuffering.TooLarge(options, WireFormat.Json);
        }

        return new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = options.MaxDepth });
    }

    /// <summary>Moves to the document's first token.</summary>
    public static void ReadDocumentStart(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ResponseParseException(WireFormat.Json, "the document is empty");
        }
    }

    /// <summary>Checks that nothing but white space follows the document's value.</summary>
    public static void ReadDocumentEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new ResponseParseException(WireFormat.Json, "unexpected content after the end of the document").At(null, null, reader.TokenStartIndex);
        }
    }

    /// <summary>True for the exceptions a JSON read can raise on bad input; generated readers catch only these.</summary>
    public static bool IsReadError(Exception exception)
        => exception is ResponseParseException or JsonException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>The documented exception for one that <see cref="IsReadError"/> accepted.</summary>
    public static ResponseParseException AsParseError(Exception exception) => exception switch
    {
        ResponseParseException parse => parse,
        JsonException json => new ResponseParseException(WireFormat.Json, DescribeReaderError(json), json)
            .At(json.LineNumber + 1, json.BytePositionInLine + 1),
        _ => new ResponseParseException(WireFormat.Json, exception.Message, exception),
    };

    /// <summary>
    /// Completes the exception at the entry point: the type being parsed, and the line and position
    /// worked out from the byte offset when the reader did not give them.
    /// </summary>
    public static ResponseParseException Fail(Exception exception, ReadOnlySpan<byte> utf8Json, string typeName)
    {
        var failure = AsParseError(exception);
        if (failure.LineNumber is null && failure.ByteOffset is { } offset && offset <= utf8Json.Length)
        {
            var before = utf8Json.Slice(0, (int)offset);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < before.Length; i++)
            {
                if (before[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            failure.At(line, offset - lineStart + 1);
        }

        return failure.ForType(typeName);
    }

    /// <summary>
    /// Expects the start of an object. Returns false for <c>null</c>, which stands for an absent value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        return reader.TokenType == JsonTokenType.Null ? false : throw Unexpected(ref reader, "an object");
    }

    /// <summary>
    /// Moves to the next property of the current object and returns true with the reader on its name,
    /// or false at the end of the object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>The current property's name as UTF-8, unescaped; allocates only for escaped names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader)
        => reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan;

    private static byte[] Unescaped(ref Utf8JsonReader reader) => Encoding.UTF8.GetBytes(GetString(ref reader));

    /// <summary>
    /// The name of a property the spec does not describe, as a string. Short ASCII names are kept in a
    /// small shared cache, because responses repeat the same unknown field in every item of a list: the
    /// name is then allocated once, not once per item. The cache has a fixed size (a hostile document
    /// cannot grow it) and needs no lock: a slot holds a whole string or another one, never a torn one.
    /// </summary>
    public static string MemberName(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty || utf8.Length > MemberNameCacheMaxLength)
        {
            return DecodeName(utf8);
        }

        var hash = 5381u;
        foreach (var b in utf8)
        {
            if (b >= 0x80)
            {
                return DecodeName(utf8);
            }

            hash = unchecked((hash * 33) ^ b);
        }

        ref var slot = ref MemberNameCache[hash % (uint)MemberNameCache.Length];
        var cached = slot;
        if (cached is not null && IsSameAscii(cached, utf8))
        {
            return cached;
        }

        var name = WireText.FromUtf8(utf8);
        slot = name;
        return name;
    }

    // A name the spec does not know is decoded to be kept: its bytes must be UTF-8, as a string value's are.
    private static string DecodeName(ReadOnlySpan<byte> utf8)
        => Utf8Validation.IndexOfInvalid(utf8) < 0 ? WireText.FromUtf8(utf8) : throw new ResponseParseException(WireFormat.Json, Utf8Validation.Reason);

    private const int MemberNameCacheMaxLength = 48;

    private static readonly string?[] MemberNameCache = new string?[128];

    private static bool IsSameAscii(string text, ReadOnlySpan<byte> ascii)
    {
        if (text.Length != ascii.Length)
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            if (text[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// For a generated object reader: true when the current property is the member <paramref name="wireName"/>,
    /// and then with <paramref name="current"/> set to the member's name (for the path of an error) and
    /// the reader on the member's value.
    /// </summary>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="name">The property name read (<see cref="PropertyName"/>).</param>
    /// <param name="wireName">The member's wire name as UTF-8.</param>
    /// <param name="member">The member's wire name.</param>
    /// <param name="current">The reader's record of the member being read.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> wireName, string member, ref string current)
    {
        if (!name.SequenceEqual(wireName))
        {
            return false;
        }

        current = member;
        reader.Read();
        return true;
    }

    /// <summary>Moves from a property name to its value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MoveToValue(ref Utf8JsonReader reader) => reader.Read();

    /// <summary>
    /// For a generated object reader: keeps the current property, which the spec does not describe, with
    /// its raw text. The reader is on the property name; afterwards on the value's last token, with
    /// <paramref name="current"/> naming the property (for the path of an error).
    /// </summary>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="utf8Json">The whole document.</param>
    /// <param name="name">The property name read (<see cref="PropertyName"/>).</param>
    /// <param name="prefix">What the kept name starts with (<c>"Items."</c> inside a list's wrapper), or null.</param>
    /// <param name="current">The reader's record of the member being read.</param>
    /// <param name="unknownMembers">The members kept so far.</param>
    public static void KeepUnknown(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json, scoped ReadOnlySpan<byte> name, string? prefix, ref string current, ref ListBuilder<UnknownMember> unknownMembers)
    {
        current = MemberName(name);
        reader.Read();
        unknownMembers.Add(ReadUnknown(ref reader, utf8Json, prefix is null ? current : prefix + current));
    }

    /// <summary>
    /// Keeps a property the spec does not describe: the reader is on its value; afterwards on the value's last token.
    /// </summary>
    public static void KeepUnknown(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json, string name, ref ListBuilder<UnknownMember> unknownMembers)
        => unknownMembers.Add(ReadUnknown(ref reader, utf8Json, name));

    /// <summary>
    /// Keeps a property the spec does not describe: the reader is on its value; afterwards on the value's last token.
    /// </summary>
    public static void KeepUnknown(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json, string name, ref List<UnknownMember>? unknownMembers)
        => (unknownMembers ??= new List<UnknownMember>()).Add(ReadUnknown(ref reader, utf8Json, name));

    private static UnknownMember ReadUnknown(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json, string name)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        var slice = utf8Json.Slice(start, end - start);
        var invalid = Utf8Validation.IndexOfInvalid(slice);
        if (invalid >= 0)
        {
            throw new ResponseParseException(WireFormat.Json, Utf8Validation.Reason).At(null, null, start + invalid);
        }

        var raw = WireText.FromUtf8(slice);
        return new UnknownMember(name, raw, WireFormat.Json);
    }

    /// <summary>
    /// Reads the text of an enum value: false for <c>null</c> and for an empty string, which stands for
    /// "not set" on some endpoints.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetToken(ref Utf8JsonReader reader, out ReadOnlySpan<byte> utf8)
    {
        // Nearly always an unescaped string: its bytes are the value.
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            utf8 = CheckUtf8(ref reader, reader.ValueSpan);
        }
        else if (!TryGetScalarUtf8(ref reader, out utf8))
        {
            return false;
        }

        // White space around a token is not part of it, in XML as in JSON: " Automated " is Automated.
        utf8 = WireText.TrimWhiteSpace(utf8);
        return utf8.Length > 0;
    }

    /// <summary>
    /// Reads a generated enum from its wire text: null for <c>null</c> and for an empty string, which
    /// stands for "not set" on some endpoints; a value the spec does not list is kept.
    /// </summary>
    /// <remarks>
    /// Not inlined: a copy of it for each enum type reads that type's values, and a structure with several
    /// enum members had spent the JIT's inlining budget on them, leaving the calls that every member makes
    /// (<see cref="NextProperty"/>, <see cref="EnterMember"/>) uninlined.
    /// </remarks>
    /// <typeparam name="T">The generated enum struct.</typeparam>
    public static T? ReadEnum<T>(ref Utf8JsonReader reader)
        where T : struct, IWireEnum<T>
        => TryGetToken(ref reader, out var utf8) ? default(T).FromUtf8(utf8) : null;

    /// <summary>
    /// The exception for a member that the document gives twice, with the reader on the second one's value:
    /// either value could be the one meant, so keeping one would silently lose the other.
    /// </summary>
    public static ResponseParseException Duplicate(ref Utf8JsonReader reader)
        => new ResponseParseException(WireFormat.Json, DuplicateReason).At(null, null, reader.TokenStartIndex);

    internal const string DuplicateReason = "the member is given twice; either value could be the one meant, so neither is taken";

    /// <summary>
    /// Reads a scalar's text as UTF-8: a string's unescaped bytes, a number's literal text, <c>true</c> or
    /// <c>false</c>. Returns false for <c>null</c>.
    /// </summary>
    public static bool TryGetScalarUtf8(ref Utf8JsonReader reader, out ReadOnlySpan<byte> utf8)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                utf8 = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(GetString(ref reader)) : CheckUtf8(ref reader, reader.ValueSpan);
                return true;
            case JsonTokenType.Number:
                utf8 = reader.ValueSpan;
                return true;
            case JsonTokenType.True:
                utf8 = TrueText;
                return true;
            case JsonTokenType.False:
                utf8 = FalseText;
                return true;
            case JsonTokenType.Null:
                utf8 = default;
                return false;
            default:
                throw Unexpected(ref reader, "a string, a number or a boolean");
        }
    }

    /// <summary>Reads a string; a number or a boolean is kept as its literal text (culture plays no part).</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                // Nearly always ASCII and unescaped: widened to UTF-16 directly, without the reader's general
                // UTF-8 transcoder (which counts, validates and then decodes: most of what a string costs).
                return !reader.ValueIsEscaped && !reader.HasValueSequence && Utf8Validation.IsAscii(reader.ValueSpan)
                    ? WireText.FromAscii(reader.ValueSpan)
                    : GetString(ref reader);
            case JsonTokenType.Null:
                return null;
            default:
                return TryGetScalarUtf8(ref reader, out var utf8) ? WireText.FromUtf8(utf8) : null;
        }
    }

    /// <summary>Reads a 32-bit integer from a number or a numeric string; an empty string is absent.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return number;
        }

        if (!TryGetText(ref reader, "a 32-bit integer", out var utf8))
        {
            return null;
        }

        return Utf8Parser.TryParse(utf8, out int value, out var consumed) && consumed == utf8.Length
            ? value
            : (int)Integral(ref reader, utf8, int.MinValue, int.MaxValue, "a 32-bit integer");
    }

    /// <summary>Reads a 64-bit integer from a number or a numeric string; an empty string is absent.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        if (!TryGetText(ref reader, "a 64-bit integer", out var utf8))
        {
            return null;
        }

        return Utf8Parser.TryParse(utf8, out long value, out var consumed) && consumed == utf8.Length
            ? value
            : Integral(ref reader, utf8, long.MinValue, long.MaxValue, "a 64-bit integer");
    }

    // The slow path of the integer readers: 4762614.0 is the integer 4762614; anything else is refused
    // with the true reason (a fraction, out of range, not a number).
    private static long Integral(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> utf8, long min, long max, string expected)
    {
        var found = WireText.ParseIntegralDecimal(WireText.FromUtf8(utf8), min, max, out var value);
        if (found == IntegerText.Integer)
        {
            return value;
        }

        var kind = reader.TokenType == JsonTokenType.Number ? " characters)" : " bytes)";
        throw new ResponseParseException(WireFormat.Json, "expected " + expected + ", found " + WireText.Describe(found)
                + " (" + utf8.Length.ToString(CultureInfo.InvariantCulture) + kind)
            .At(null, null, reader.TokenStartIndex);
    }

    /// <summary>Reads a decimal from a number or a numeric string; an empty string is absent.</summary>
    public static decimal? ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // A number token is never escaped; most are plain digits, which need no general parser.
            if (!reader.HasValueSequence && WireText.TryParsePlainDecimal(reader.ValueSpan, out var plain))
            {
                return plain;
            }

            return reader.TryGetDecimal(out var number) ? number : throw Invalid(ref reader, "a decimal number");
        }

        if (!TryGetText(ref reader, "a decimal number", out var utf8))
        {
            return null;
        }

        return WireText.TryParseDecimal(utf8, out var value) ? value : throw Invalid(ref reader, "a decimal number");
    }

    /// <summary>Reads a double from a number or a numeric string; an empty string is absent.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out var number) ? number : throw Invalid(ref reader, "a number");
        }

        if (!TryGetText(ref reader, "a number", out var utf8))
        {
            return null;
        }

        return WireText.TryParseDouble(utf8, out var value) ? value : throw Invalid(ref reader, "a number");
    }

    /// <summary>Reads a boolean from <c>true</c>/<c>false</c>, their string forms (any case), or 0 and 1.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
        }

        if (!TryGetText(ref reader, "a boolean", out var utf8))
        {
            return null;
        }

        return WireText.TryParseBoolean(utf8, out var value) ? value : throw Invalid(ref reader, "a boolean");
    }

    /// <summary>Reads an ISO 8601 date and time; a value without an offset is taken as UTC.</summary>
    public static DateTimeOffset? ReadDateTime(ref Utf8JsonReader reader)
    {
        if (!TryGetText(ref reader, "a date and time", out var utf8))
        {
            return null;
        }

        return WireText.TryParseDateTime(utf8, out var value) ? value : throw Invalid(ref reader, "an ISO 8601 date and time");
    }

    /// <summary>
    /// Reads a date and time in a wire format: ISO 8601 text, <c>yyyy-MM-dd HH:mm:ss</c>, or a Unix time
    /// as a number or a numeric string. Null for <c>null</c> and an empty string.
    /// </summary>
    public static DateTimeOffset? ReadDateTime(ref Utf8JsonReader reader, DateTimeWireFormat format)
    {
        if (!TryGetText(ref reader, "a date and time", out var utf8))
        {
            return null;
        }

        return DateTimeText.TryParse(utf8, format, out var value) ? value : throw Invalid(ref reader, DateTimeText.Expected(format));
    }

    /// <summary>
    /// Reads a value of type <c>any</c> as its JSON text, exactly as it stands in the document; null for
    /// <c>null</c>. The reader is on the value; afterwards on its last token.
    /// </summary>
    public static RawValue? ReadRaw(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return RawValue.FromResponse(WireText.FromUtf8(utf8Json.Slice(start, (int)reader.BytesConsumed - start)), WireFormat.Json);
    }

    /// <summary>
    /// Reads a member of <c>type: map</c> whose values are of a reference type: a JSON object, its entries in
    /// the order sent, keys as written (escapes decoded). Null for <c>null</c> or <c>""</c> (absent, as for a
    /// list). An entry whose value is <c>null</c> carries nothing and is skipped, as a list skips a null item;
    /// a key given twice is refused, as a member given twice is. The reader is on the value; afterwards on
    /// its last token.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="utf8Json">The whole document.</param>
    /// <param name="readValue">Reads one value.</param>
    public static IReadOnlyDictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json, JsonValueReader<T?> readValue)
        where T : class
        => ReadEntries<T?, T, ReferenceMapValue<T>>(ref reader, utf8Json, readValue);

    /// <summary>As <see cref="ReadMap{T}"/>, for values of a value type (read as <c>T?</c>).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="utf8Json">The whole document.</param>
    /// <param name="readValue">Reads one value.</param>
    public static IReadOnlyDictionary<string, T>? ReadValueMap<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json, JsonValueReader<T?> readValue)
        where T : struct
        => ReadEntries<T?, T, NullableMapValue<T>>(ref reader, utf8Json, readValue);

    private static IReadOnlyDictionary<string, T>? ReadEntries<TRead, T, TValue>(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json, JsonValueReader<TRead> readValue)
        where TValue : struct, IMapValue<TRead, T>
    {
        if (IsAbsentList(ref reader))
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = default(OrderedMapBuilder<T>);
        var key = string.Empty;
        try
        {
            // key names the entry being read, for the path of an error (Data.key); it is cleared between entries.
            for (; NextProperty(ref reader); key = string.Empty)
            {
                key = MemberName(PropertyName(ref reader));
                reader.Read();
                if (map.Contains(key))
                {
                    throw Duplicate(ref reader);
                }

                if (default(TValue).TryGet(readValue(ref reader, utf8Json), out var value))
                {
                    map.Add(key, value);
                }
            }
        }
        catch (Exception exception) when (IsReadError(exception))
        {
            throw AsParseError(exception).Within(key);
        }

        return map.ToMap();
    }

    /// <summary>
    /// For members that hold lists: true with the reader on the first item's token when the value is an
    /// array; false when it is a single value (a list of one), which the caller reads as the only item.
    /// </summary>
    public static bool StartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        reader.Read();
        return true;
    }

    /// <summary>Inside an array, true while the reader is on an item, false at the array's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InArray(ref Utf8JsonReader reader) => reader.TokenType != JsonTokenType.EndArray;

    /// <summary>Moves past the current item (already read) to the next item or the array's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NextItem(ref Utf8JsonReader reader) => reader.Read();

    /// <summary>
    /// True when a list's value stands for "no items": <c>null</c> or an empty string, which some
    /// endpoints send for an empty list.
    /// </summary>
    public static bool IsAbsentList(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null
           || (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length == 0);

    /// <summary>An exception for a token of the wrong kind.</summary>
    public static ResponseParseException Unexpected(ref Utf8JsonReader reader, string expected)
        => new ResponseParseException(WireFormat.Json, "expected " + expected + ", found " + Describe(reader.TokenType))
            .At(null, null, reader.TokenStartIndex);

    private static bool TryGetText(ref Utf8JsonReader reader, string expected, out ReadOnlySpan<byte> utf8)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                utf8 = default;
                return false;
            case JsonTokenType.String:
                utf8 = WireText.TrimWhiteSpace(reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(GetString(ref reader)) : CheckUtf8(ref reader, reader.ValueSpan));
                return utf8.Length > 0;
            case JsonTokenType.Number:
                utf8 = reader.ValueSpan;
                return true;
            default:
                throw Unexpected(ref reader, expected);
        }
    }

    // Utf8JsonReader checks a string's UTF-8 only when it decodes it: the bytes of a string read as a token
    // (an enum value, a number sent as a string) are checked here, with the same reason as a decoded one's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> CheckUtf8(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
        => Utf8Validation.IsAscii(utf8) || Utf8Validation.IndexOfInvalid(utf8) < 0 ? utf8 : throw InvalidUtf8(ref reader);

    private static ResponseParseException InvalidUtf8(ref Utf8JsonReader reader)
        => new ResponseParseException(WireFormat.Json, Utf8Validation.Reason).At(null, null, reader.TokenStartIndex);

    // Utf8JsonReader checks a string's UTF-8 only when it is decoded, and then throws without a position.
    private static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new ResponseParseException(WireFormat.Json, Utf8Validation.Reason, exception)
                .At(null, null, reader.TokenStartIndex);
        }
    }

    private static ResponseParseException Invalid(ref Utf8JsonReader reader, string expected)
    {
        var length = reader.ValueSpan.Length;
        var what = reader.TokenType == JsonTokenType.Number
            ? "a number out of its range (" + length.ToString(CultureInfo.InvariantCulture) + " characters)"
            : "a string that is not one (" + length.ToString(CultureInfo.InvariantCulture) + " bytes)";
        return new ResponseParseException(WireFormat.Json, "expected " + expected + ", found " + what)
            .At(null, null, reader.TokenStartIndex);
    }

    private static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject or JsonTokenType.EndArray => "the end of the enclosing value",
        JsonTokenType.PropertyName => "a property name",
        _ => "nothing",
    };

    // The reader's own messages quote what it found: keep the start of each quote, never a whole value.
    private static string DescribeReaderError(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "malformed JSON: " + ReaderMessages.Shorten(cut > 0 ? message.Substring(0, cut) : message);
    }
}
