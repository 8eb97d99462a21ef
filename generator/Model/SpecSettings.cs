namespace Bindings.Generator.Model;

/// <summary>What MSBuild says about one spec file: whether it is a spec at all, and a namespace for its types.</summary>
internal sealed record FileSettings(string FilePath, bool IsSpec, string? Namespace)
{
    public static FileSettings Default(string filePath) => new(filePath, true, null);
}

/// <summary>
/// The MSBuild settings of all spec files, read in one step: the <c>BindingsNamespace</c> property, and the
/// files whose item metadata says something (<c>BindingsSpec="false"</c>, <c>BindingsNamespace</c>). Files
/// without metadata are left out, so the value stays the same when a spec's text changes.
/// </summary>
internal sealed record SpecSettings(string? GlobalNamespace, EquatableArray<FileSettings> Files)
{
    public FileSettings For(string filePath)
    {
        foreach (var file in Files)
        {
            if (file.FilePath == filePath)
            {
                return file;
            }
        }

        return FileSettings.Default(filePath);
    }

    /// <summary>The namespace MSBuild gives the file's types, if any: its own metadata, else the property.</summary>
    public string? NamespaceFor(string filePath) => For(filePath).Namespace ?? GlobalNamespace;
}
