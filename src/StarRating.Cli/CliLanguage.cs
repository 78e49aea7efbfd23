using StarRating.Rules;

namespace StarRating.Cli;

/// <summary>
/// Which language the tool speaks. Reports and summaries are Chinese unless <c>--lang</c> says otherwise (they are
/// documents for a Chinese certification, and the README promises Chinese output). Diagnostics, <c>--help</c> and
/// status lines follow <c>--lang</c> when given, else the locale: <c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c> in
/// that order; a Chinese locale gives Chinese, a locale in another language the vocabulary has gives that language,
/// any other language English; a locale that names no language (unset, <c>C</c>, <c>POSIX</c>) gives Chinese.
/// </summary>
public static class CliLanguage
{
    /// <summary>The message language for a locale, from the environment variables' values.</summary>
    /// <param name="lcAll">LC_ALL, or null.</param>
    /// <param name="lcMessages">LC_MESSAGES, or null.</param>
    /// <param name="lang">LANG, or null.</param>
    public static Language FromLocale(string? lcAll, string? lcMessages, string? lang) =>
        Language.FromLocale(lcAll, lcMessages, lang) is { } asked ? Supported(asked) : Language.Chinese;

    /// <summary>The message language of this process's environment.</summary>
    public static Language FromEnvironment() => FromLocale(
        Environment.GetEnvironmentVariable("LC_ALL"),
        Environment.GetEnvironmentVariable("LC_MESSAGES"),
        Environment.GetEnvironmentVariable("LANG"));

    /// <summary>The tags <c>--lang</c> accepts: the languages the vocabulary has files for.</summary>
    internal static string[] Tags => Vocabulary.Default.Languages.Select(l => l.Tag).ToArray();

    /// <summary>The value of <c>--lang</c> (or <c>-l</c>) in the arguments, read before parsing so that help and parse errors already use it.</summary>
    internal static Language? FromArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value = null;
            if ((arg == "--lang" || arg == "-l") && i + 1 < args.Count)
            {
                value = args[i + 1];
            }
            else if (arg.StartsWith("--lang=", StringComparison.Ordinal) || arg.StartsWith("--lang:", StringComparison.Ordinal))
            {
                value = arg[7..];
            }

            if (value is not null && Tags.Contains(value, StringComparer.Ordinal))
            {
                return Language.Parse(value);
            }
        }

        return null;
    }

    /// <summary>A language the vocabulary has, else English for a language it does not have.</summary>
    private static Language Supported(Language asked)
    {
        var served = Vocabulary.Default.Resolve(asked);
        return served.IsChinese && !asked.IsChinese ? Language.English : served;
    }
}
