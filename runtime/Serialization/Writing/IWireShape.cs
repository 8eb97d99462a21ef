using System.ComponentModel;

namespace Bindings.Serialization;

/// <summary>
/// A generated structure that can be sent in a request: it hands each member that is set to a
/// <see cref="WireWriter"/>, which decides the wire form (flat parameters or JSON text).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWireShape
{
    /// <summary>Writes every member that is set, by wire name, in spec order.</summary>
    /// <param name="writer">Where the members go.</param>
    void WriteMembers(WireWriter writer);
}
