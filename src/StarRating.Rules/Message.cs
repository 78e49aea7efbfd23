using System.Collections.ObjectModel;

namespace StarRating.Rules;

/// <summary>
/// A text not yet put into words: the key of a text in the vocabulary and its named arguments. The engine returns
/// messages (explanations, notices, reasons), not prose, so that every output words them the same way in the
/// reader's language: <see cref="ToString(Wording)"/>, or <see cref="Vocabulary.Format(Message, Wording)"/>.
/// </summary>
/// <remarks>
/// Argument values are texts (<see cref="string"/>, written as they are), numbers (<see cref="int"/>,
/// <see cref="long"/>, <see cref="decimal"/>: invariant, without trailing zeros), rubric texts
/// (<see cref="LocalizedText"/>: in the reader's language), other messages (worded in the same language) and lists
/// of these (joined with the language's list separator). See <c>docs/vocabulary.md</c>.
/// </remarks>
public sealed class Message
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = ReadOnlyDictionary<string, object?>.Empty;

    /// <summary>Creates a message.</summary>
    /// <param name="key">The key of the text, e.g. <c>explanation.partial</c>.</param>
    /// <param name="arguments">The named arguments its text uses.</param>
    public Message(string key, params (string Name, object? Value)[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(arguments);
        Key = key;
        if (arguments.Length == 0)
        {
            Arguments = NoArguments;
            return;
        }

        var values = new Dictionary<string, object?>(arguments.Length, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            values.Add(name, value);
        }

        Arguments = values.AsReadOnly();
    }

    /// <summary>The key of the text in the vocabulary.</summary>
    public string Key { get; }

    /// <summary>The named arguments.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>A text written by a person (an auditor's note, a reason), kept as written in every language.</summary>
    /// <param name="text">The text.</param>
    public static Message Verbatim(string text) => new("text.verbatim", ("text", text));

    /// <summary>The message in words.</summary>
    /// <param name="wording">Language and terminology.</param>
    public string ToString(Wording wording) => Vocabulary.Default.Format(this, wording);

    /// <summary>The message in Chinese with the default terminology.</summary>
    public override string ToString() => ToString(default);
}
