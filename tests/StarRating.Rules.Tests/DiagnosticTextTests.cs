using StarRating.Rules;

namespace StarRating.Rules.Tests;

/// <summary>Diagnostics carry their code and named arguments, and are worded in any language of the vocabulary.</summary>
public sealed class DiagnosticTextTests
{
    private static readonly SourceLocation At = new("audit.yaml", 3, 5);

    [Fact]
    public void Arguments_are_bound_by_name_in_any_order()
    {
        var d = DiagnosticCatalog.DuplicateKey.Create(At, ("line", 2), ("context", "company"), ("key", "name"));

        d.Arguments.Keys.Should().BeEquivalentTo("key", "context", "line");
        d.ToString().Should().Be("audit.yaml(3,5): error SR1103: key 'name' appears again in company (first at line 2)");
        d.Format(Language.Chinese, includeHint: true).Should().Be(
            "audit.yaml(3,5): error SR1103: company 中再次出现键 'name'（首次出现在第 2 行）\n    提示：请保留两项中的一项；同一映射中的键不能重复。");
    }

    [Fact]
    public void A_missing_unknown_or_repeated_argument_is_refused()
    {
        var missing = () => DiagnosticCatalog.DuplicateKey.Create(At, ("key", "name"), ("context", "company"));
        var unknown = () => DiagnosticCatalog.DuplicateKey.Create(At, ("key", "name"), ("context", "company"), ("line", 2), ("row", 3));
        var twice = () => DiagnosticCatalog.DuplicateKey.Create(At, ("key", "name"), ("key", "name"), ("line", 2));

        missing.Should().Throw<ArgumentException>().WithMessage("SR1103 takes the arguments (context, key, line)*");
        unknown.Should().Throw<ArgumentException>();
        twice.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Fragments_in_arguments_are_worded_in_the_reader_s_language()
    {
        var d = DiagnosticCatalog.WrongType.Create(At, ("key", "team"), ("expected", new Message("diagnostic.value.list")), ("actual", new Message("diagnostic.value.mapping")), ("doc", "docs/evidence-format.md"));

        d.Message.Should().Be("'team' must be a list, but is a mapping (key: value pairs)");
        d.MessageIn(Language.Chinese).Should().Be("'team' 应为列表，实际为映射（键：值）");
    }
}
