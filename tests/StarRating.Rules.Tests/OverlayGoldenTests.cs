using System.Text;

namespace StarRating.Rules.Tests;

/// <summary>
/// Each file under Golden/rubric_overlay is loaded as a rubric file (most are overlays of the built-in rubric, some of each
/// other); its diagnostics — file, line, column, code, message and hint — and, when it loads, its identity and every
/// value an overlay set must match <c>NAME.expected.txt</c>. The files are read from the source folder, so relative
/// <c>extends</c> paths work; the folder and the repository root are replaced by placeholders in the output.
/// </summary>
public sealed class OverlayGoldenTests
{
    private static readonly string CaseFolder = Golden.Folder("Golden/rubric_overlay");

    public static TheoryData<string> Cases => Golden.Cases(CaseFolder, ".yaml");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_and_provenance_match_the_golden_file(string fileName)
    {
        var result = new RubricLoader().LoadFile(Path.Combine(CaseFolder, fileName));

        Golden.Check(Path.Combine(CaseFolder, Path.GetFileNameWithoutExtension(fileName) + ".expected.txt"), Render(result));
    }

    internal static string Render(LoadResult<Rubric> result)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            text.Append(diagnostic.Format(includeHint: true)).Append('\n');
        }

        if (result.Value is not { } rubric)
        {
            return Normalize(text.Append("not loaded\n").ToString());
        }

        text.Append("loaded: ").Append(rubric.Id).Append(' ').Append(rubric.Version).Append('\n');
        for (var layer = rubric.Base; layer is not null; layer = layer.Base)
        {
            text.Append("  base: ").Append(layer.Id).Append(' ').Append(layer.Version).Append(" (").Append(layer.SourceName).Append(")\n");
        }

        foreach (var origin in rubric.Origins.Where(o => o.Layer > 0))
        {
            var id = origin.Id.Length == 0 ? "" : " " + origin.Id;
            text.Append("  ").Append(origin.Part.ToString().ToLowerInvariant()).Append(id).Append(' ').Append(origin.Key)
                .Append(" <- ").Append(origin.Location).Append(" (layer ").Append(origin.Layer).Append(")\n");
        }

        return Normalize(text.ToString());
    }

    private static string Normalize(string text) =>
        text.Replace(CaseFolder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(RepoPaths.Root, "{root}", StringComparison.Ordinal);
}
