using StarRating.Rules;

namespace StarRating.Workbook;

/// <summary>Engine messages (explanations, notices, reasons) and vocabulary words as a workbook cell shows them.</summary>
internal static class MessageWords
{
    /// <summary>The message worded in <paramref name="language"/> (default terminology).</summary>
    public static string Get(this Message message, Language language) => message.ToString(new Wording(language));

    /// <summary>The message in Chinese and English, for the words a workbook shows and reads in both.</summary>
    public static LocalizedText Both(this Message message) => new(message.ToString(Wording.Chinese), message.ToString(Wording.English));
}
