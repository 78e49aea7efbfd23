using System.Reflection;
using PublicApiGenerator;

namespace StarRating.Testing;

/// <summary>Writes an assembly's public surface to text and compares it with the approved file kept in the repo.</summary>
internal static class PublicApi
{
    public static void Approve(Assembly assembly, string approvedFile)
    {
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        });
        Golden.Check(approvedFile, api.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }
}
