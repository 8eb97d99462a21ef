namespace Bindings.Benchmarks.Payloads;

/// <summary>The payloads every parser benchmark runs over.</summary>
public enum PayloadSize
{
    /// <summary>The documented example: one job, indented as on the reference page.</summary>
    Documented,

    /// <summary>100 generated jobs.</summary>
    Jobs100,

    /// <summary>10,000 generated jobs.</summary>
    Jobs10000,
}
