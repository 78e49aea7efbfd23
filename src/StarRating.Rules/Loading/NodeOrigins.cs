using StarRating.Rules.Documents;

namespace StarRating.Rules.Loading;

/// <summary>
/// Which file each node of a merged rubric tree was written in. An overlay's tree is its base's tree with the
/// overlay's nodes spliced in, so a diagnostic about any node can name the file and line the user must edit.
/// Layer 0 is the plain rubric at the bottom of the chain (every node not listed here belongs to it); each overlay
/// adds one layer. Also kept: the overlay nodes that changed a container's children (a removal, a move) — the
/// "touches" that explain a broken sum — and display paths for entries written in overlays.
/// </summary>
internal sealed class NodeOrigins
{
    private readonly Dictionary<DocNode, int> layers;
    private readonly Dictionary<DocNode, List<DocNode>> touches;
    private readonly Dictionary<DocNode, string> paths;
    private readonly List<Removal> removals;
    private readonly List<string> files;

    public NodeOrigins(string baseFile)
    {
        layers = new(ReferenceEqualityComparer.Instance);
        touches = new(ReferenceEqualityComparer.Instance);
        paths = new(ReferenceEqualityComparer.Instance);
        removals = [];
        files = [baseFile];
    }

    private NodeOrigins(NodeOrigins other)
    {
        layers = new(other.layers, ReferenceEqualityComparer.Instance);
        touches = new(ReferenceEqualityComparer.Instance);
        foreach (var (node, list) in other.touches)
        {
            touches[node] = [.. list];
        }

        paths = new(other.paths, ReferenceEqualityComparer.Instance);
        removals = [.. other.removals];
        files = [.. other.files];
    }

    /// <summary>The file of each layer, the plain base first.</summary>
    public IReadOnlyList<string> Files => files;

    /// <summary>The layer the next overlay's nodes get.</summary>
    public int TopLayer => files.Count - 1;

    /// <summary>Entries removed by overlays, in the order removed.</summary>
    public IReadOnlyList<Removal> Removals => removals;

    /// <summary>A copy with one more layer on top, for the next overlay of a chain (the copy is then changed, never this).</summary>
    public NodeOrigins WithLayer(string file)
    {
        var copy = new NodeOrigins(this);
        copy.files.Add(file);
        return copy;
    }

    public string FileOf(DocNode node) => files[LayerOf(node)];

    public int LayerOf(DocNode node) => layers.TryGetValue(node, out var layer) ? layer : 0;

    /// <summary>Assigns <paramref name="node"/> and everything below it to <paramref name="layer"/>.</summary>
    public void MarkTree(DocNode node, int layer)
    {
        layers[node] = layer;
        switch (node)
        {
            case DocMapping map:
                foreach (var entry in map.Entries)
                {
                    layers[entry.Key] = layer;
                    MarkTree(entry.Value, layer);
                }

                break;
            case DocSequence sequence:
                foreach (var item in sequence.Items)
                {
                    MarkTree(item, layer);
                }

                break;
        }
    }

    /// <summary>Assigns one node (not its children) to a layer: for containers rebuilt by the merge.</summary>
    public void Mark(DocNode node, int layer) => layers[node] = layer;

    /// <summary>Records that <paramref name="marker"/> (an overlay node) changed the children of <paramref name="container"/>.</summary>
    public void Touch(DocNode container, DocNode marker)
    {
        if (!touches.TryGetValue(container, out var list))
        {
            touches[container] = list = [];
        }

        list.Add(marker);
    }

    public IReadOnlyList<DocNode> TouchesOf(DocNode container) =>
        touches.TryGetValue(container, out var list) ? list : [];

    /// <summary>Carries the touches of a container over to the container rebuilt from it.</summary>
    public void MoveTouches(DocNode from, DocNode to)
    {
        if (touches.Remove(from, out var list))
        {
            touches[to] = list;
        }
    }

    public void SetPath(DocNode node, string path) => paths[node] = path;

    public string? PathOf(DocNode node) => paths.GetValueOrDefault(node);

    public void AddRemoval(RubricPart part, string id, DocNode marker) => removals.Add(new Removal(part, id, marker));

    /// <summary>The removal of an entry with this id (the latest), or null.</summary>
    public Removal? FindRemoval(RubricPart part, string id) =>
        removals.LastOrDefault(r => r.Part == part && string.Equals(r.Id, id, StringComparison.Ordinal));

    internal sealed record Removal(RubricPart Part, string Id, DocNode Marker);
}
