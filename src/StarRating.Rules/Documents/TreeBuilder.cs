namespace StarRating.Rules.Documents;

/// <summary>
/// Builds a <see cref="DocNode"/> tree from a stream of parse events without recursion, enforcing the depth,
/// node-count and value-length limits as it goes: the first limit reached stops the read, so hostile input
/// costs no more than the limit allows.
/// </summary>
internal sealed class TreeBuilder(string file, InputLimits limits, DiagnosticBag bag)
{
    private readonly Stack<Frame> stack = new();
    private readonly Dictionary<string, (DocNode Node, int Size, int Depth)> anchors = new(StringComparer.Ordinal);
    private int nodeCount;

    public DocNode? Root { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>The innermost mapping or list not yet closed, or null.</summary>
    public DocNode? OpenContainer => stack.Count > 0 ? stack.Peek().Node : null;

    public bool StartMapping(Mark start, bool isFlow = false) => Open(new DocMapping(start, isFlow), start);

    public bool StartSequence(Mark start) => Open(new DocSequence(start), start);

    public void End()
    {
        var frame = stack.Pop();
        var depth = frame.ChildDepth + 1;
        if (frame.Anchor is not null)
        {
            anchors[frame.Anchor] = (frame.Node, nodeCount - frame.CountBefore, depth);
        }

        if (stack.Count == 0)
        {
            Root = frame.Node;
        }
        else
        {
            stack.Peek().ChildDepth = Math.Max(stack.Peek().ChildDepth, depth);
        }
    }

    /// <summary>Names the mapping or list just opened as an anchor (&amp;name): recorded, with its size, when it closes.</summary>
    public void AnchorOpen(string name) => stack.Peek().Anchor = name;

    /// <summary>Names the scalar just added as an anchor.</summary>
    public void AnchorScalar(string name, DocScalar scalar) => anchors[name] = (scalar, 1, 0);

    /// <summary>
    /// An alias (*name): the anchored value is used again, shared, and counted again in full against the node and depth
    /// limits, as if written out. So tools that write anchors for shared values (PyYAML) are read, and an alias bomb
    /// stops at the node limit after a few aliases, in microseconds and without expanding anything.
    /// </summary>
    public bool Alias(string name, Mark at)
    {
        if (!anchors.TryGetValue(name, out var anchored))
        {
            // Unknown, or an anchor whose value is still open (an alias inside its own anchor).
            return Fail(DiagnosticCatalog.AnchorOrAlias, at, ("alias", "*" + name));
        }

        nodeCount += anchored.Size - 1;
        if (!Count(at))
        {
            return false;
        }

        if (stack.Count + anchored.Depth > limits.MaxDepth)
        {
            return Fail(DiagnosticCatalog.NestingTooDeep, at, ("limit", limits.MaxDepth));
        }

        if (anchored.Node is DocScalar scalar)
        {
            nodeCount--;
            return Scalar(new DocScalar(at, scalar.Value, scalar.IsQuoted, scalar.IsNull));
        }

        if (stack.Count == 0)
        {
            Root = anchored.Node;
            return true;
        }

        var parent = stack.Peek();
        parent.ChildDepth = Math.Max(parent.ChildDepth, anchored.Depth);
        if (parent.Node is DocMapping mapping)
        {
            if (parent.PendingKey is null)
            {
                return Fail(DiagnosticCatalog.ComplexKey, at);
            }

            mapping.Add(parent.PendingKey, anchored.Node);
            parent.PendingKey = null;
        }
        else
        {
            ((DocSequence)parent.Node).Add(anchored.Node);
        }

        return true;
    }

    public bool Scalar(DocScalar scalar, bool isKey = false)
    {
        if (!Count(scalar.Start))
        {
            return false;
        }

        if (scalar.Value.Length > limits.MaxScalarLength)
        {
            return Fail(DiagnosticCatalog.ValueTooLong, scalar.Start, ("length", scalar.Value.Length), ("limit", limits.MaxScalarLength));
        }

        // The raw text was checked before parsing; escapes (YAML "\e", "\0", "\x85", "\u202E"; JSON "\u001b") decode
        // into characters it never saw, so every decoded key and value is checked again, at the scalar.
        var key = isKey || (stack.Count > 0 && stack.Peek() is { Node: DocMapping, PendingKey: null });
        if (Text.DisplayText.FirstUnsafe(scalar.Value, allowLineBreaks: !key) is { } unsafeCharacter)
        {
            return Text.DisplayText.IsBidiControl(unsafeCharacter)
                ? Fail(DiagnosticCatalog.BidiCharacter, scalar.Start, ("codePoint", Text.DisplayText.CodePoint(unsafeCharacter)))
                : Fail(DiagnosticCatalog.EscapedControlCharacter, scalar.Start, ("place", key ? "key" : "value"), ("codePoint", Text.DisplayText.CodePoint(unsafeCharacter)));
        }

        if (stack.Count == 0)
        {
            Root = scalar;
            return true;
        }

        var frame = stack.Peek();
        if (frame.Node is DocMapping mapping)
        {
            if (frame.PendingKey is null)
            {
                frame.PendingKey = scalar;
            }
            else
            {
                mapping.Add(frame.PendingKey, scalar);
                frame.PendingKey = null;
            }
        }
        else
        {
            ((DocSequence)frame.Node).Add(scalar);
        }

        return true;
    }

    public bool Fail(DiagnosticDescriptor descriptor, Mark at, params (string Name, object? Value)[] arguments)
    {
        bag.Add(descriptor, at.In(file), arguments);
        Failed = true;
        return false;
    }

    private bool Open(DocNode node, Mark start)
    {
        if (!Count(start))
        {
            return false;
        }

        if (stack.Count >= limits.MaxDepth)
        {
            return Fail(DiagnosticCatalog.NestingTooDeep, start, ("limit", limits.MaxDepth));
        }

        if (stack.Count > 0)
        {
            var parent = stack.Peek();
            if (parent.Node is DocMapping mapping)
            {
                if (parent.PendingKey is null)
                {
                    return Fail(DiagnosticCatalog.ComplexKey, start);
                }

                mapping.Add(parent.PendingKey, node);
                parent.PendingKey = null;
            }
            else
            {
                ((DocSequence)parent.Node).Add(node);
            }
        }

        stack.Push(new Frame(node) { CountBefore = nodeCount - 1 });
        return true;
    }

    private bool Count(Mark at)
    {
        if (++nodeCount > limits.MaxNodes)
        {
            return Fail(DiagnosticCatalog.TooManyNodes, at, ("limit", limits.MaxNodes));
        }

        return true;
    }

    private sealed class Frame(DocNode node)
    {
        public DocNode Node { get; } = node;

        public DocScalar? PendingKey { get; set; }

        /// <summary>Nodes counted before this one opened, so that its expanded size is known when it closes.</summary>
        public int CountBefore { get; init; }

        /// <summary>The deepest nesting among its children so far.</summary>
        public int ChildDepth { get; set; }

        public string? Anchor { get; set; }
    }
}
