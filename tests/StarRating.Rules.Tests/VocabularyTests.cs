using System.Text.RegularExpressions;
using StarRating.Rules;

namespace StarRating.Rules.Tests;

/// <summary>
/// The vocabulary: every catalogue file reads and every text parses, the shipped languages have the same keys,
/// references resolve without cycles, labels take no arguments, and the syntax (plurals, choices, references,
/// terminology) words texts as documented in docs/vocabulary.md.
/// </summary>
public sealed partial class VocabularyTests
{
    private static readonly Vocabulary Words = Vocabulary.Default;

    [Fact]
    public void Chinese_and_English_are_shipped_and_Chinese_comes_first()
    {
        Words.Languages.Select(l => l.Tag).Should().Equal("zh", "en");
    }

    [Fact]
    public void Every_text_of_every_language_parses()
    {
        var failures = new List<string>();
        foreach (var language in Words.Languages)
        {
            foreach (var key in Words.Keys)
            {
                try
                {
                    _ = Words.ArgumentsOf(key, language);
                }
                catch (FormatException ex)
                {
                    failures.Add($"{language}: {key}: {ex.Message}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public void Every_shipped_language_has_exactly_the_keys_of_the_Chinese_catalogue()
    {
        foreach (var language in Words.Languages.Where(l => !l.IsChinese))
        {
            Words.Keys.Where(k => Words.Source(k, language) is null).Should().BeEmpty($"{language} should have every text");
        }

        // And no key the Chinese catalogue lacks: parse the English file's keys from its source.
        var english = EnglishKeys();
        english.Except(Words.Keys).Should().BeEmpty("every English key should exist in zh.yaml");
    }

    [Fact]
    public void References_name_existing_texts_and_never_loop()
    {
        foreach (var language in Words.Languages)
        {
            foreach (var key in Words.Keys)
            {
                foreach (var reference in References(Words.Source(key, language)!))
                {
                    Words.Contains(reference).Should().BeTrue($"{language} {key} references {reference}");
                }

                // ArgumentsOf walks references to a bounded depth; a cycle would show as unbounded growth of nothing,
                // so check by wording every argument-free text: a cycle throws.
                if (Words.ArgumentsOf(key, language).Count == 0)
                {
                    var wording = new Wording(language);
                    var act = () => wording.Text(key);
                    act.Should().NotThrow($"{language} {key} should word without arguments");
                }
            }
        }
    }

    [Fact]
    public void Labels_take_no_arguments_so_templates_can_read_them_as_t_KEY()
    {
        foreach (var language in Words.Languages)
        {
            foreach (var key in Words.Keys.Where(k => k.StartsWith("label.", StringComparison.Ordinal)))
            {
                Words.ArgumentsOf(key, language).Should().BeEmpty($"{language} {key} is a label");
            }
        }

        Words.Texts("label", Wording.English)["score"].Should().Be("Score");
        Words.Texts("label", Wording.Chinese)["score"].Should().Be("评价得分");
    }

    [Theory]
    [InlineData(1, "1 point")]
    [InlineData(2, "2 points")]
    [InlineData(0, "0 points")]
    public void English_plurals_follow_the_number(int points, string expected)
    {
        var text = Wording.English.Format("explanation.conforming", ("points", (decimal)points));

        text.Should().Be($"Conforming: full {expected}.");
    }

    [Fact]
    public void Decimal_one_is_singular_and_one_and_a_half_is_plural()
    {
        Wording.English.Format("explanation.nonconforming", ("points", 1.0m)).Should().Be("Nonconforming: 1 point lost.");
        Wording.English.Format("explanation.nonconforming", ("points", 1.5m)).Should().Be("Nonconforming: 1.5 points lost.");
        Wording.Chinese.Format("explanation.nonconforming", ("points", 1m)).Should().Be("不符合：失 1 分。");
    }

    [Fact]
    public void Exact_branches_win_over_plural_categories()
    {
        var vocabulary = Vocabulary.FromTexts(new Dictionary<string, string>
        {
            ["zh"] = "meta:\n  plural: none\nt: \"{n, plural, =0 {无} other {# 个}}\"\n",
            ["en"] = "meta:\n  plural: one\nt: \"{n, plural, =0 {none} one {# item} other {# items}}\"\n",
        });

        vocabulary.Format("t", Wording.English, Args(("n", 0))).Should().Be("none");
        vocabulary.Format("t", Wording.English, Args(("n", 1))).Should().Be("1 item");
        vocabulary.Format("t", Wording.English, Args(("n", 7))).Should().Be("7 items");
        vocabulary.Format("t", Wording.Chinese, Args(("n", 1))).Should().Be("1 个");
        vocabulary.Format("t", Wording.Chinese, Args(("n", 0))).Should().Be("无");
    }

    [Fact]
    public void Select_picks_the_branch_of_the_word_or_other()
    {
        Wording.English.Format("notice.mock", ("kind", "self")).Should().Contain("a self-assessment");
        Wording.English.Format("notice.mock", ("kind", "mock")).Should().Contain("a mock audit");
    }

    [Fact]
    public void Literal_braces_are_doubled_outside_choices()
    {
        var vocabulary = Vocabulary.FromTexts(new Dictionary<string, string> { ["zh"] = "t: \"{{ size: {n} }}\"\n" });

        vocabulary.Format("t", Wording.Chinese, Args(("n", 3))).Should().Be("{ size: 3 }");
    }

    [Theory]
    [InlineData("\"{n\"", "',' expected")]
    [InlineData("\"}\"", "a '}' without its '{'")]
    [InlineData("\"{n, plural, one {x}}\"", "needs an 'other' branch")]
    [InlineData("\"{n, choose, other {x}}\"", "is not a choice")]
    [InlineData("\"{@}\"", "a reference needs a key")]
    public void A_broken_text_is_refused_with_its_position(string text, string expected)
    {
        var vocabulary = Vocabulary.FromTexts(new Dictionary<string, string> { ["zh"] = "t: " + text + "\n" });

        var act = () => vocabulary.Format("t", Wording.Chinese, Args(("n", 1)));

        act.Should().Throw<FormatException>().WithMessage("*" + expected + "*");
    }

    [Fact]
    public void A_missing_argument_is_an_error_not_an_empty_text()
    {
        var act = () => Wording.English.Format("explanation.conforming");

        act.Should().Throw<InvalidOperationException>().WithMessage("*'explanation.conforming'*'points'*");
    }

    [Fact]
    public void Arguments_are_worded_by_type()
    {
        var vocabulary = Vocabulary.FromTexts(new Dictionary<string, string>
        {
            ["zh"] = "format:\n  list_separator: 、\nt: \"{a}|{b}|{c}|{d}|{e}\"\ninner: 内\n",
            ["en"] = "format:\n  list_separator: \", \"\nt: \"{a}|{b}|{c}|{d}|{e}\"\ninner: in\n",
        });
        var args = Args(("a", 1.50m), ("b", new LocalizedText("中", "mid")), ("c", new[] { "x", "y" }), ("d", 42), ("e", null));

        vocabulary.Format("t", Wording.Chinese, args).Should().Be("1.5|中|x、y|42|");
        vocabulary.Format("t", Wording.English, args).Should().Be("1.5|mid|x, y|42|");
    }

    [Fact]
    public void A_text_missing_in_a_language_comes_from_the_next_on_its_fallback_chain()
    {
        var vocabulary = Vocabulary.FromTexts(new Dictionary<string, string>
        {
            ["zh"] = "a: 甲\nb: 乙\n",
            ["en"] = "a: A\n",
        });

        vocabulary.Format("a", new Wording(Language.Parse("en-GB")), null).Should().Be("A");
        vocabulary.Format("b", Wording.English, null).Should().Be("乙");
        vocabulary.Resolve(Language.Parse("fr")).Should().Be(Language.Chinese);
    }

    [Fact]
    public void The_terminology_changes_the_Chinese_words_only()
    {
        var review = new Wording(Language.Chinese, Terminology.Review);

        review.Text("label.sig_lead").Should().Be("审查组长");
        review.Text("label.report_title").Should().Be("商品售后服务评价审查报告");
        review.Text("audit_kind.surveillance").Should().Be("监督审查");
        Wording.Chinese.Text("label.sig_lead").Should().Be("审核组长");
        new Wording(Language.English, Terminology.Review).Text("label.sig_lead").Should().Be("Lead auditor");
    }

    [Fact]
    public void No_Chinese_label_says_shen_he_where_the_terminology_should_choose()
    {
        // 审核 may appear in the catalogue only inside the term group: every other text reaches it through {@term.*}.
        var offenders = Words.Keys
            .Where(k => !k.StartsWith("term.", StringComparison.Ordinal) && !k.StartsWith("evidence_words.", StringComparison.Ordinal))
            .Where(k => k != "cli.option.terminology") // explains the choice, so it names both words
            .Where(k => Words.Source(k, Language.Chinese)!.Contains("审核", StringComparison.Ordinal))
            .ToArray();

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void The_pseudo_language_wraps_every_text()
    {
        var pseudo = new Wording(Language.Parse(Vocabulary.PseudoLanguageTag));

        pseudo.Text("label.score").Should().Be("⟦Score⟧");
        pseudo.Format("explanation.by_indicator", ("indicator", "5.1.1"), ("explanation", new Message("explanation.conforming", ("points", 2m))))
            .Should().Be("⟦(By the finding for indicator 5.1.1) ⟦Conforming: full 2 points.⟧⟧");
    }

    [Theory]
    [InlineData("zh_CN.UTF-8", null, null, "zh-CN")]
    [InlineData(null, null, "en_US.UTF-8", "en-US")]
    [InlineData("", "de_DE.UTF-8", "zh_CN.UTF-8", "de-DE")]
    [InlineData("C.UTF-8", null, "en_US.UTF-8", null)]
    [InlineData(null, null, "POSIX", null)]
    [InlineData(null, null, null, null)]
    public void Locales_name_a_language_by_POSIX_precedence(string? lcAll, string? lcMessages, string? lang, string? expected)
    {
        Language.FromLocale(lcAll, lcMessages, lang)?.Tag.Should().Be(expected);
        if (expected is null)
        {
            Language.FromLocale(lcAll, lcMessages, lang).Should().BeNull();
        }
    }

    [Fact]
    public void Language_tags_are_normalised_and_default_is_Chinese()
    {
        Language.Parse("EN").Should().Be(Language.English);
        Language.Parse("zh_hans_cn").Tag.Should().Be("zh-Hans-CN");
        Language.Parse("zh").Should().Be(default(Language));
        Language.Parse("en-GB").FallbackChain.Select(l => l.Tag).Should().Equal("en-GB", "en", "zh");
        Language.TryParse("中文", out _).Should().BeFalse();
        new LocalizedText("甲", "A").Get(Language.Parse("en-GB")).Should().Be("A");
        new LocalizedText("甲").Get(Language.English).Should().Be("甲");
    }

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => a.Value);

    private static IEnumerable<string> References(string text) => ReferencePattern().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The keys of en.yaml, read by indentation (two spaces per level), comments skipped.</summary>
    private static List<string> EnglishKeys()
    {
        var path = Path.Combine(RepoPaths.Root, "src", "StarRating.Rules", "Vocabulary", "en.yaml");
        var keys = new List<string>();
        var stack = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            var match = KeyLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var level = match.Groups[1].Value.Length / 2;
            stack.RemoveRange(level, stack.Count - level);
            stack.Add(match.Groups[2].Value);
            if (match.Groups[3].Value.Trim().Length > 0)
            {
                keys.Add(string.Join('.', stack));
            }
        }

        return keys;
    }

    [GeneratedRegex(@"\{\s*@([A-Za-z0-9_.-]+)\s*\}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^( *)([A-Za-z0-9_-]+):(.*)$")]
    private static partial Regex KeyLine();
}
