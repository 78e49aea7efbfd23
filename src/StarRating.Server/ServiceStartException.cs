namespace StarRating.Server;

/// <summary>A coded reason the service or a command cannot start (a <see cref="ServiceText"/> entry).</summary>
public sealed class ServiceStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The <see cref="ServiceText"/> code.</param>
    /// <param name="arguments">Its named arguments.</param>
    public ServiceStartException(string code, params (string Name, object? Value)[] arguments)
        : base(code)
    {
        Code = code;
        Arguments = arguments;
    }

    /// <summary>The code.</summary>
    public string Code { get; }

    /// <summary>The named arguments.</summary>
    public IReadOnlyList<(string Name, object? Value)> Arguments { get; }

    /// <summary>The message in both languages.</summary>
    public string Describe() => Code + ": " + ServiceText.Both(Code, [.. Arguments]);

    /// <summary>The code and the text in one language: "SR5501: …".</summary>
    /// <param name="language">The reader's language.</param>
    public string Describe(Rules.Language language) => Code + ": " + ServiceText.Format(Code, language, [.. Arguments]);
}
