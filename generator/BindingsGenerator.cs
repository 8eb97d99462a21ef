using Microsoft.CodeAnalysis;

namespace Bindings.Generator;

[Generator(LanguageNames.CSharp)]
public sealed class BindingsGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
