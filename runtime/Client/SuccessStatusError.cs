using System;
using System.Text.Json;
using System.Xml;

namespace Bindings.Client;

/// <summary>
/// Tells an Alibaba Cloud error document that came with a success status from the operation's response.
/// Gateways and throttling layers have answered HTTP 200 with <c>{"Code":"Throttling",...}</c> or an
/// <c>&lt;Error&gt;</c> document; read as a response, that is "zero backup tasks", and a watch would report
/// that every task has finished.
/// </summary>
internal static class SuccessStatusError
{
    /// <summary>
    /// True for a JSON object with <c>Code</c> and <c>Message</c> at the top level and no member of the
    /// operation's response other than <c>RequestId</c>, and for an XML document rooted at <c>Error</c>.
    /// </summary>
    /// <param name="body">The body as read.</param>
    /// <param name="length">Its length.</param>
    /// <param name="operation">The operation, which knows its response's members.</param>
    public static bool IsErrorDocument(byte[] body, int length, RpcOperation operation)
    {
        var start = ServiceErrorReader.ContentStart(body, length);
        if (start >= length)
        {
            return false;
        }

        return body[start] switch
        {
            (byte)'{' => IsJsonError(new ReadOnlySpan<byte>(body, start, length - start), operation),
            (byte)'<' => IsXmlError(body, start, length - start),
            _ => false,
        };
    }

    // Stops at the first member of the response: a real answer names one of its members early (Alibaba
    // writes RequestId and then the rest), so this reads a few tokens of a large document, not all of it.
    private static bool IsJsonError(ReadOnlySpan<byte> json, RpcOperation operation)
    {
        var hasCode = false;
        var hasMessage = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (name is null)
                {
                    return false;
                }

                if (name != "RequestId" && operation.IsResponseMember(name))
                {
                    return false;
                }

                hasCode |= name == "Code";
                hasMessage |= name == "Message";
                reader.Read();
                reader.Skip();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Malformed: not an error document; the parser says what is wrong with it.
            return false;
        }

        return hasCode && hasMessage;
    }

    private static bool IsXmlError(byte[] body, int start, int count)
    {
        try
        {
            using var reader = XmlReader.Create(new System.IO.MemoryStream(body, start, count, writable: false), ServiceErrorReader.XmlSettings());
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "Error";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
