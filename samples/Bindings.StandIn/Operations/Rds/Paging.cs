using System;
using System.Collections.Generic;
using System.Linq;

namespace Bindings.StandIn.Operations.Rds;

/// <summary>
/// <c>PageNumber</c>/<c>PageSize</c> paging as each operation documents it: pages are numbered from 1,
/// a size outside the documented bounds is refused with the operation's code, a page past the
/// last is empty (with the true <c>TotalRecordCount</c>).
/// </summary>
/// <param name="DefaultSize">The size when <c>PageSize</c> is absent.</param>
/// <param name="MinSize">The smallest documented size.</param>
/// <param name="MaxSize">The largest documented size.</param>
/// <param name="MinNumber">The smallest accepted <c>PageNumber</c> (DescribeDBInstances documents 0, read as 1).</param>
/// <param name="MaxNumber">The largest accepted <c>PageNumber</c>.</param>
/// <param name="SizeError">The refusal of a bad <c>PageSize</c>.</param>
/// <param name="NumberError">The refusal of a bad <c>PageNumber</c>.</param>
internal sealed record Paging(
    int DefaultSize, int MinSize, int MaxSize, int MinNumber, int MaxNumber, StandInError SizeError, StandInError NumberError)
{
    /// <summary>Reads <c>PageNumber</c> and <c>PageSize</c> of the call.</summary>
    public Page Read(StandInCall call)
    {
        var number = ReadInt(call, "PageNumber", MinNumber, MaxNumber, NumberError) ?? 1;
        var size = ReadInt(call, "PageSize", MinSize, MaxSize, SizeError) ?? DefaultSize;
        return new Page(Math.Max(number, 1), size);
    }

    private static int? ReadInt(StandInCall call, string name, int minimum, int maximum, StandInError error)
    {
        var text = call.Parameter(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= minimum && value <= maximum
            ? value
            : throw new StandInException(error);
    }
}

/// <summary>One page: its number (from 1) and size.</summary>
internal readonly record struct Page(int Number, int Size)
{
    /// <summary>The items of this page of <paramref name="all"/>.</summary>
    public List<T> Of<T>(IReadOnlyList<T> all)
    {
        var skip = (long)(Number - 1) * Size;
        return skip >= all.Count ? [] : all.Skip((int)skip).Take(Size).ToList();
    }
}
