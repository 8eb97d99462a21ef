namespace Bindings.Cli;

/// <summary>What the program's exit code says, for scripts that run it.</summary>
internal static class ExitCodes
{
    /// <summary>Done: every task finished (watch) or the tasks were listed (describe).</summary>
    public const int Success = 0;

    /// <summary>A backup task failed.</summary>
    public const int TaskFailed = 1;

    /// <summary>The service answered with an error.</summary>
    public const int ServiceError = 2;

    /// <summary>No answer: the connection failed or timed out, or the answer could not be read.</summary>
    public const int TransportError = 3;

    /// <summary>watch gave up after --timeout with tasks still running.</summary>
    public const int TimedOut = 4;

    /// <summary>A source of credentials is set up but gives none (a broken profile, an STS or metadata service error).</summary>
    public const int CredentialsError = 5;

    /// <summary>The command line or the request is invalid (a missing instance, a bad option).</summary>
    public const int Usage = 64;
}
