using System;

namespace Bindings;

/// <summary>
/// A request that would be rejected by the service: a required parameter is missing or a value breaks a
/// documented constraint. Thrown before anything is sent.
/// </summary>
public sealed class RequestValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation, e.g. <c>DescribeBackupTasks</c>.</param>
    /// <param name="parameterName">The parameter's wire name.</param>
    /// <param name="problem">What is wrong, e.g. "is required".</param>
    public RequestValidationException(string operation, string parameterName, string problem)
        : base(operation + ": the parameter " + parameterName + " " + problem + ".", parameterName)
    {
        Operation = operation;
        Problem = problem;
    }

    /// <summary>The operation whose request was invalid.</summary>
    public string Operation { get; }

    /// <summary>What is wrong with the parameter named by <see cref="ArgumentException.ParamName"/>.</summary>
    public string Problem { get; }
}
