using System.Globalization;
using Newtonsoft.Json;

namespace StarRating.Rules.Text;

/// <summary>
/// The one JSON writer setup of StarRating's JSON outputs: results and comparisons (StarRating.Reports), the batch
/// portfolio (the tool) and evidence files (StarRating.Engine). Newtonsoft.Json's <see cref="JsonTextWriter"/> (the
/// product's JSON library, whose writer works under Native AOT), two-space indentation, invariant culture, ISO dates,
/// default escaping, <c>\n</c> line breaks and a final line break: the same values always give the same bytes.
/// </summary>
/// <remarks>Public for StarRating's own layers, so that every JSON output is written alike.</remarks>
public static class JsonText
{
    /// <summary>Writes one JSON value (normally an object) with the shared setup.</summary>
    /// <param name="write">Writes the whole value, keys in a fixed order.</param>
    /// <returns>The JSON text, ending in a line break.</returns>
    public static string Write(Action<JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text)
        {
            CloseOutput = false,
            Formatting = Formatting.Indented,
            Indentation = 2,
            IndentChar = ' ',
            Culture = CultureInfo.InvariantCulture,
            StringEscapeHandling = StringEscapeHandling.Default,
            DateFormatHandling = DateFormatHandling.IsoDateFormat,
        })
        {
            write(json);
        }

        text.Write('\n');
        return text.ToString();
    }
}
