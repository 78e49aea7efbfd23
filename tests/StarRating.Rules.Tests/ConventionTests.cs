using System.Globalization;
using System.Text;

namespace StarRating.Rules.Tests;

/// <summary>
/// One vocabulary: no Chinese (CJK) text and no full-width punctuation in a string or character literal of the
/// product's C# code. Every word people read lives in the catalogue (src/StarRating.Rules/Vocabulary/*.yaml); rubric
/// texts live in the rubric. Comments may say anything. Escapes are decoded, so "\u5BA1" counts as 审.
/// </summary>
public sealed class ConventionTests
{
    private static readonly string SourceFolder = Path.Combine(RepoPaths.Root, "src");

    [Fact]
    public void No_Chinese_text_is_written_in_a_string_literal_of_the_product()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            foreach (var (line, literal) in CjkLiterals(File.ReadAllText(file)))
            {
                offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}({line}): {literal}");
            }
        }

        offenders.Should().BeEmpty("words people read belong in the vocabulary (docs/vocabulary.md), not in code");
    }

    [Theory]
    [InlineData("var x = \"审核\";", true)]
    [InlineData("var x = @\"报告\";", true)]
    [InlineData("var x = $\"{a}组长\";", true)]
    [InlineData("var x = \"\"\"\n  审查\n  \"\"\";", true)]
    [InlineData("var x = '审';", true)]
    [InlineData("var x = \"\\u5BA1\\u6838\";", true)]
    [InlineData("var x = \"a\\uFF0Cb\";", true)]
    [InlineData("var x = \"，\";", true)]
    [InlineData("// 审核\nvar x = \"audit\";", false)]
    [InlineData("/* \"审核\" */ var x = 1;", false)]
    [InlineData("/// <summary>审核组长</summary>\nvar x = \"lead\";", false)]
    [InlineData("var x = \"a // 审\";", true)]
    [InlineData("var x = \"≥ — · ★ ÷ ×\";", false)]
    public void The_check_finds_Chinese_in_every_kind_of_literal_and_nowhere_else(string source, bool found)
    {
        CjkLiterals(source).Any().Should().Be(found);
    }

    /// <summary>The string and character literals of C# source holding CJK or full-width characters, with their line.</summary>
    private static IEnumerable<(int Line, string Literal)> CjkLiterals(string source)
    {
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (c == '/' && At(source, i + 1) == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                line += source.AsSpan(i, end - i).Count('\n');
                i = end;
            }
            else if (c == '\'' )
            {
                var start = i++;
                while (i < source.Length && source[i] != '\'')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                i++;
                var text = Decode(source[(start + 1)..Math.Min(i - 1, source.Length)], escapes: true);
                if (HasCjk(text))
                {
                    yield return (line, source[start..Math.Min(i, source.Length)]);
                }
            }
            else if (c == '"' || ((c == '@' || c == '$') && (At(source, i + 1) == '"' || ((At(source, i + 1) is '@' or '$') && At(source, i + 2) == '"')))
                     || (c == '$' && At(source, i + 1) == '$'))
            {
                var start = i;
                var verbatim = false;
                while (source[i] is '@' or '$')
                {
                    verbatim |= source[i] == '@';
                    i++;
                }

                var quotes = 0;
                while (At(source, i + quotes) == '"')
                {
                    quotes++;
                }

                string content;
                if (quotes >= 3)
                {
                    // Raw string literal: ends at the same number of quotes.
                    var fence = new string('"', quotes);
                    var end = source.IndexOf(fence, i + quotes, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end;
                    content = source[(i + quotes)..end];
                    i = Math.Min(source.Length, end + quotes);
                }
                else
                {
                    i++;
                    var builder = new StringBuilder();
                    while (i < source.Length)
                    {
                        if (verbatim && source[i] == '"' && At(source, i + 1) == '"')
                        {
                            builder.Append('"');
                            i += 2;
                        }
                        else if (source[i] == '"')
                        {
                            i++;
                            break;
                        }
                        else if (!verbatim && source[i] == '\\' && i + 1 < source.Length)
                        {
                            builder.Append(source, i, 2);
                            i += 2;
                        }
                        else
                        {
                            builder.Append(source[i]);
                            i++;
                        }
                    }

                    content = Decode(builder.ToString(), escapes: !verbatim);
                }

                var literal = source[start..Math.Min(i, source.Length)];
                if (HasCjk(content))
                {
                    yield return (line, literal);
                }

                line += literal.Count(ch => ch == '\n');
            }
            else
            {
                i++;
            }
        }
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>Decodes \uXXXX, \UXXXXXXXX and \xH… escapes; other escapes are kept (they hold no CJK).</summary>
    private static string Decode(string text, bool escapes)
    {
        if (!escapes)
        {
            return text;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is 'u' or 'U' or 'x')
            {
                var length = text[i + 1] switch { 'u' => 4, 'U' => 8, _ => Math.Min(4, text.Length - i - 2) };
                var digits = text.Substring(i + 2, Math.Min(length, text.Length - i - 2));
                if (int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code <= 0x10FFFF)
                {
                    builder.Append(char.ConvertFromUtf32(code is >= 0xD800 and <= 0xDFFF ? 0xFFFD : code));
                    i += 1 + digits.Length;
                    continue;
                }
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    /// <summary>CJK ideographs, radicals, symbols and punctuation, kana, Hangul, compatibility forms, and full-width forms (U+FF00–U+FFEF).</summary>
    private static bool HasCjk(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is (>= 0x2E80 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
                or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
                or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF))
            {
                return true;
            }
        }

        return false;
    }
}
