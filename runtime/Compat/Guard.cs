using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Bindings.Compat;

/// <summary>
/// Argument checks for both targets: the <c>ThrowIf*</c> helpers of <see cref="ArgumentNullException"/>
/// and <see cref="ArgumentException"/> exist from .NET 6/7/8 on, not in netstandard2.0.
/// </summary>
/// <remarks>
/// On .NET the calls forward to the framework (same exceptions, same messages); elsewhere they
/// throw the same exception types with the same English messages.
/// </remarks>
internal static class Guard
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="argument"/> is null.</summary>
    public static void ThrowIfNull(
        [NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
#if NET
        ArgumentNullException.ThrowIfNull(argument, paramName);
#else
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
#endif
    }

    /// <summary>Throws when <paramref name="argument"/> is null, empty or only white space.</summary>
    public static void ThrowIfNullOrWhiteSpace(
        [NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
#if NET
        ArgumentException.ThrowIfNullOrWhiteSpace(argument, paramName);
#else
        ThrowIfNull(argument, paramName);
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException(
                "The value cannot be an empty string or composed entirely of whitespace.", paramName);
        }
#endif
    }

    /// <summary>Throws when <paramref name="argument"/> is null or empty.</summary>
    public static void ThrowIfNullOrEmpty(
        [NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
#if NET
        ArgumentException.ThrowIfNullOrEmpty(argument, paramName);
#else
        ThrowIfNull(argument, paramName);
        if (argument.Length == 0)
        {
            throw new ArgumentException("The value cannot be an empty string.", paramName);
        }
#endif
    }
}
