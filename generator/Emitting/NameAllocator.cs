using System;
using System.Collections.Generic;
using System.Globalization;

namespace Bindings.Generator.Emitting;

/// <summary>
/// Hands out every name an emitter invents for a generated type (backing fields, helpers, constants,
/// locals, parameters) so that none can meet a name that comes from the spec, nor another invented one,
/// as Refit's <c>UniqueNameBuilder</c> does. Each generated type has one, seeded with the spec's names
/// and the type's fixed members (<see cref="TypeSurfaces"/>); a method's locals and parameters come from
/// a child scope, which sees the type's names and adds its own.
/// </summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly List<NameAllocator> _scopes = new();
    private readonly NameAllocator? _parent;

    public NameAllocator()
    {
    }

    private NameAllocator(NameAllocator parent) => _parent = parent;

    /// <summary>A new allocator with <paramref name="names"/> taken.</summary>
    public static NameAllocator Seeded(IEnumerable<string> names)
    {
        var allocator = new NameAllocator();
        foreach (var name in names)
        {
            allocator.Reserve(name);
        }

        return allocator;
    }

    /// <summary>Takes a name that must stay as it is: a spec's name, or a member every generated type of its kind has.</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>
    /// A scope for one method's parameters and locals: it avoids every name of this scope and its parents,
    /// and a name this scope takes later avoids the scope's names too, so that no local hides a member
    /// whatever the order in which they are named.
    /// </summary>
    public NameAllocator NewScope()
    {
        var scope = new NameAllocator(this);
        _scopes.Add(scope);
        return scope;
    }

    /// <summary>
    /// <paramref name="preferred"/> when no name of this scope or its parents is taken so, else the first of
    /// <c>preferred2</c>, <c>preferred3</c>, ... that is free; taken from then on. Always ends: each try is
    /// a new name, and only finitely many are taken.
    /// </summary>
    public string New(string preferred)
    {
        var name = preferred;
        for (var suffix = 2; IsTaken(name); suffix++)
        {
            name = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        return name;
    }

    private bool IsTaken(string name) => IsTakenHereOrBelow(name) || (_parent is not null && _parent.IsTakenHereOrAbove(name));

    private bool IsTakenHereOrAbove(string name) => _taken.Contains(name) || (_parent is not null && _parent.IsTakenHereOrAbove(name));

    private bool IsTakenHereOrBelow(string name)
    {
        if (_taken.Contains(name))
        {
            return true;
        }

        foreach (var scope in _scopes)
        {
            if (scope.IsTakenHereOrBelow(name))
            {
                return true;
            }
        }

        return false;
    }
}
