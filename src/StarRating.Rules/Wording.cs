namespace StarRating.Rules;

/// <summary>
/// How an output is worded: its language and its terminology. Every output takes its labels and sentences from the
/// vocabulary through a wording: <c>wording.Text("label.score")</c>, <c>wording.Format(message)</c>.
/// <c>default(Wording)</c> is Chinese with the audit terminology (审核).
/// </summary>
/// <param name="Language">The language.</param>
/// <param name="Terminology">审核 or 审查.</param>
public readonly record struct Wording(Language Language, Terminology Terminology = Terminology.Audit)
{
    /// <summary>Chinese, 审核.</summary>
    public static Wording Chinese => default;

    /// <summary>English.</summary>
    public static Wording English => new(Language.English);

    /// <summary>A text without arguments, e.g. a label.</summary>
    /// <param name="key">The key, e.g. <c>label.score</c>.</param>
    /// <exception cref="KeyNotFoundException">No language on the fallback chain has the key.</exception>
    public string Text(string key) => Vocabulary.Default.Format(key, this, null);

    /// <summary>A text with named arguments.</summary>
    /// <param name="key">The key.</param>
    /// <param name="arguments">The arguments its text uses.</param>
    public string Format(string key, params (string Name, object? Value)[] arguments) =>
        Vocabulary.Default.Format(new Message(key, arguments), this);

    /// <summary>A message in words.</summary>
    /// <param name="message">The message.</param>
    public string Format(Message message) => Vocabulary.Default.Format(message, this);
}
