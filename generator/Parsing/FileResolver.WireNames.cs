using System;
using System.Collections.Generic;
using System.Linq;
using Bindings.Generator.Model;

namespace Bindings.Generator.Parsing;

/// <summary>
/// The checks that keep every name a request writes unique on the wire, across the URL query and the
/// form body together (the service reads them as one set): no common parameter, and no parameter whose
/// name another one writes when it flattens (<c>Tag</c> as a repeat list writes <c>Tag.1</c>).
/// Two parameters of one wire name are already a duplicate YAML key (BND004).
/// </summary>
internal sealed partial class FileResolver
{
    private void CheckRequestWireNames(string operation, EquatableArray<DeclaredMember> declared, EquatableArray<MemberModel> resolved)
    {
        foreach (var member in declared)
        {
            if (CommonParameters.Names.Contains(member.WireName, StringComparer.Ordinal))
            {
                Report(Diagnostics.ReservedName, member.WireNameLocation, member.WireName, "a request parameter of " + operation,
                    "the client sends it as a common parameter; leave it out of the spec");
            }
        }

        foreach (var flattened in resolved.Where(parameter => parameter.Style is WireStyle.RepeatList or WireStyle.Flat))
        {
            var prefix = flattened.WireName + ".";
            foreach (var other in resolved)
            {
                if (other.WireName.StartsWith(prefix, StringComparison.Ordinal)
                    && declared.FirstOrDefault(member => member.WireName == other.WireName) is { } clash)
                {
                    Report(Diagnostics.ReservedName, clash.WireNameLocation, other.WireName, "a request parameter of " + operation,
                        "'" + flattened.WireName + "' (" + WireStyles.Of(flattened.Style).SpecName + ") writes that name too; rename one of them");
                }
            }
        }
    }
}
