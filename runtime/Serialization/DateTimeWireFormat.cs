namespace Bindings.Serialization;

/// <summary>
/// How a date and time is written on the wire. A spec names it with <c>format</c> on a
/// <c>datetime</c> member, by the pattern Alibaba's documentation uses.
/// </summary>
public enum DateTimeWireFormat
{
    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC (the default). Read from any ISO 8601 form.</summary>
    Iso8601Seconds,

    /// <summary><c>yyyy-MM-ddTHH:mmZ</c>, UTC. Read from any ISO 8601 form (the service documents minutes and sends seconds).</summary>
    Iso8601Minutes,

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, no offset on the wire: written in UTC, read as <c>+00:00</c>.</summary>
    SpaceSeparated,

    /// <summary>Seconds since 1970-01-01T00:00:00Z, an integer.</summary>
    UnixSeconds,

    /// <summary>Milliseconds since 1970-01-01T00:00:00Z, an integer.</summary>
    UnixMilliseconds,
}
