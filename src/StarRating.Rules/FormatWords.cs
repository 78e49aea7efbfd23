namespace StarRating.Rules;

/// <summary>The words used for enum values in rubric and evidence files.</summary>
public static class FormatWords
{
    /// <summary>The file word for an evidence method: document, interview, observation or customer.</summary>
    /// <param name="method">The method.</param>
    public static string Of(EvidenceMethod method) => Documents.Words.Methods.TokenOf(method);

    /// <summary>The name of an evidence method, from the vocabulary (<c>method.document</c>, …).</summary>
    /// <param name="method">The method.</param>
    public static Message Describe(EvidenceMethod method) => new("method." + Of(method));
}
