namespace StarRating.Rules.Documents;

/// <summary>
/// Builds a <see cref="DocNode"/> tree from a stream of parse events without recursion, enforcing the depth,
/// node-count and value-length limits as it goes: the first limit reached stops the read, so hostile input
/// costs no more than the limit allows.
/// </summary>
internal sealed class TreeBuilder(string file, InputLimits limits, DiagnosticBag bag)
{
    private readonly Stack<Frame> stack = new();
    private int nodeCount;

    public DocNode? Root { get; private set; }

    public bool Failed { get; private set; }

    public bool StartMapping(Mark start) => Open(new DocMapping(start), start);

    public bool StartSequence(Mark start) => Open(new DocSequence(start), start);

    public void End()
    {
        var frame = stack.Pop();
        if (stack.Count == 0)
        {
            Root = frame.Node;
        }
    }

    public bool Scalar(DocScalar scalar, bool isKey = false)
    {
        if (!Count(scalar.Start))
        {
            return false;
        }

        if (scalar.Value.Length > limits.MaxScalarLength)
        {
            return Fail(DiagnosticCatalog.ValueTooLong, scalar.Start, scalar.Value.Length, limits.MaxScalarLength);
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

        _ = isKey;
        return true;
    }

    public bool Fail(DiagnosticDescriptor descriptor, Mark at, params object?[] arguments)
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
            return Fail(DiagnosticCatalog.NestingTooDeep, start, limits.MaxDepth);
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

        stack.Push(new Frame(node));
        return true;
    }

    private bool Count(Mark at)
    {
        if (++nodeCount > limits.MaxNodes)
        {
            return Fail(DiagnosticCatalog.TooManyNodes, at, limits.MaxNodes);
        }

        return true;
    }

    private sealed class Frame(DocNode node)
    {
        public DocNode Node { get; } = node;

        public DocScalar? PendingKey { get; set; }
    }
}
