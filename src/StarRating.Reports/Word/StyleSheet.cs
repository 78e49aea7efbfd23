using System.Collections.Concurrent;
using System.Xml.Linq;
using StarRating.Rules.Packaging;

namespace StarRating.Reports.Word;

/// <summary>
/// The styles part of one document: the built-in styles, or a reference document's styles with the built-in ones
/// it lacks added. Resolves the style names templates use (case-insensitive, as Word shows them) to style ids.
/// </summary>
internal sealed class StyleSheet
{
    private static readonly XNamespace W = DocxStyles.W;
    private static readonly ConcurrentDictionary<string, byte[]> BuiltInParts = new(StringComparer.Ordinal);

    private readonly XDocument? reference;
    private readonly Dictionary<(string Type, string Name), string> ids = [];
    private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);
    private readonly string language;

    public StyleSheet(XDocument? referenceStyles, string language)
    {
        this.language = language;
        if (referenceStyles?.Root is { } root && root.Name == W + "styles")
        {
            reference = new XDocument(referenceStyles);
            foreach (var style in reference.Root!.Elements(W + "style"))
            {
                var type = style.Attribute(W + "type")?.Value ?? "paragraph";
                var id = style.Attribute(W + "styleId")?.Value;
                var name = style.Element(W + "name")?.Attribute(W + "val")?.Value;
                if (id is null)
                {
                    continue;
                }

                usedIds.Add(id);
                if (name is not null)
                {
                    ids.TryAdd((type, name.ToUpperInvariant()), id);
                }
            }
        }
        else
        {
            foreach (var (name, type, id, _) in DocxStyles.BuiltIn)
            {
                ids[(type, name.ToUpperInvariant())] = id;
                usedIds.Add(id);
            }
        }
    }

    /// <summary>The style id for a name, adding the built-in definition to a reference document's styles when missing; null when unknown.</summary>
    public string? Resolve(string name, string type)
    {
        if (ids.TryGetValue((type, name.ToUpperInvariant()), out var id))
        {
            return id;
        }

        var builtIn = DocxStyles.BuiltIn.FirstOrDefault(s => s.Type == type && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (reference is null || builtIn.Element is null)
        {
            return null;
        }

        // Add the built-in style under a free id, with its basedOn and next styles resolved in the reference's terms.
        id = usedIds.Contains(builtIn.Id) ? "StarRating" + builtIn.Id : builtIn.Id;
        ids[(type, name.ToUpperInvariant())] = id;
        usedIds.Add(id);
        var element = new XElement(builtIn.Element);
        element.SetAttributeValue(W + "styleId", id);
        element.Attribute(W + "default")?.Remove();
        foreach (var link in new[] { "basedOn", "next" })
        {
            if (element.Element(W + link) is { } linked)
            {
                var target = DocxStyles.BuiltIn.First(s => s.Id == linked.Attribute(W + "val")!.Value);
                var resolved = Resolve(target.Name, target.Type);
                if (resolved is null)
                {
                    linked.Remove();
                }
                else
                {
                    linked.SetAttributeValue(W + "val", resolved);
                }
            }
        }

        reference.Root!.Add(element);
        return id;
    }

    /// <summary>The styles part.</summary>
    public byte[] ToBytes()
    {
        if (reference is not null)
        {
            return OpcPackageWriter.Xml(w => reference.Root!.WriteTo(w));
        }

        return BuiltInParts.GetOrAdd(language, lang => OpcPackageWriter.Xml(w =>
        {
            var styles = new XElement(W + "styles",
                new XAttribute(XNamespace.Xmlns + "w", W.NamespaceName),
                DocxStyles.DocDefaults(lang),
                DocxStyles.BuiltIn.Select(s => s.Element));
            styles.WriteTo(w);
        }));
    }

    /// <summary>The names a template may use for a type, for the hint of SR4101.</summary>
    public string Available(string type) =>
        string.Join(", ", DocxStyles.BuiltIn.Where(s => s.Type == type).Select(s => s.Name));
}
