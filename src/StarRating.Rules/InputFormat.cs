namespace StarRating.Rules;

/// <summary>
/// The syntax of an input given as bytes or a stream, where no file name can tell it (a request body, a blob).
/// Methods that take only a name choose JSON for a name ending in <c>.json</c> and YAML otherwise.
/// </summary>
public enum InputFormat
{
    /// <summary>YAML 1.2 (the format of the samples and the built-in rubrics).</summary>
    Yaml,

    /// <summary>JSON.</summary>
    Json,
}
