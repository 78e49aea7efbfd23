using System.Collections;
using System.Globalization;
using System.Text;

namespace StarRating.Rules;

/// <summary>
/// One text of a catalogue, parsed: literal text, <c>{name}</c> arguments, <c>{@key}</c> references to other texts,
/// and <c>{name, plural, one {…} other {…}}</c> / <c>{name, select, a {…} other {…}}</c> choices (with <c>#</c> for
/// the number inside a plural). <c>{{</c> and <c>}}</c> are literal braces outside choices; inside a choice's branch
/// braces are always syntax. The syntax is documented in <c>docs/vocabulary.md</c>.
/// </summary>
internal sealed class CatalogueText
{
    private readonly Node[] nodes;

    private CatalogueText(string source, Node[] nodes)
    {
        Source = source;
        this.nodes = nodes;
        var arguments = new SortedSet<string>(StringComparer.Ordinal);
        var references = new SortedSet<string>(StringComparer.Ordinal);
        Collect(nodes, arguments, references);
        Arguments = arguments.ToArray();
        References = references.ToArray();
    }

    /// <summary>The text as written in the catalogue.</summary>
    public string Source { get; }

    /// <summary>The argument names the text uses directly (choices included), in ordinal order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The keys of the texts it references, in ordinal order.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Parses a text; a syntax error throws <see cref="FormatException"/> naming the position.</summary>
    public static CatalogueText Parse(string source)
    {
        var parser = new Parser(source);
        var nodes = parser.ParseSequence(inBranch: false, inPlural: false);
        return new CatalogueText(source, nodes);
    }

    public void Write(StringBuilder output, FormatContext context) => Write(output, nodes, context, null);

    private static void Write(StringBuilder output, Node[] nodes, FormatContext context, object? number)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Literal literal:
                    output.Append(literal.Text);
                    break;
                case NumberSign:
                    output.Append(context.FormatValue(number));
                    break;
                case Argument argument:
                    output.Append(context.FormatValue(context.Get(argument.Name)));
                    break;
                case Reference reference:
                    context.WriteReference(output, reference.Key);
                    break;
                case Choice choice:
                    var value = context.Get(choice.Name);
                    var branch = choice.IsPlural ? SelectPlural(choice, value, context.PluralRule) : SelectWord(choice, value);
                    Write(output, branch, context, choice.IsPlural ? value : number);
                    break;
            }
        }
    }

    private static Node[] SelectPlural(Choice choice, object? value, PluralRule rule)
    {
        var number = ToDecimal(value);
        foreach (var (selector, body) in choice.Branches)
        {
            if (selector[0] == '=' && number is { } n && decimal.TryParse(selector.AsSpan(1), NumberStyles.Number, CultureInfo.InvariantCulture, out var exact) && n == exact)
            {
                return body;
            }
        }

        var category = rule == PluralRule.One && number == 1m ? "one" : "other";
        return choice.Find(category) ?? choice.Find("other")!;
    }

    private static Node[] SelectWord(Choice choice, object? value)
    {
        var word = value switch
        {
            null => "",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return choice.Find(word) ?? choice.Find("other")!;
    }

    private static decimal? ToDecimal(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static void Collect(IEnumerable<Node> nodes, ISet<string> arguments, ISet<string> references)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Argument a:
                    arguments.Add(a.Name);
                    break;
                case Reference r:
                    references.Add(r.Key);
                    break;
                case Choice c:
                    arguments.Add(c.Name);
                    foreach (var (_, body) in c.Branches)
                    {
                        Collect(body, arguments, references);
                    }

                    break;
            }
        }
    }

    private abstract record Node;

    private sealed record Literal(string Text) : Node;

    private sealed record NumberSign : Node;

    private sealed record Argument(string Name) : Node;

    private sealed record Reference(string Key) : Node;

    private sealed record Choice(string Name, bool IsPlural, IReadOnlyList<(string Selector, Node[] Body)> Branches) : Node
    {
        public Node[]? Find(string selector)
        {
            foreach (var (s, body) in Branches)
            {
                if (string.Equals(s, selector, StringComparison.Ordinal))
                {
                    return body;
                }
            }

            return null;
        }
    }

    private sealed class Parser(string text)
    {
        private int position;

        public Node[] ParseSequence(bool inBranch, bool inPlural)
        {
            var nodes = new List<Node>();
            var literal = new StringBuilder();
            void Flush()
            {
                if (literal.Length > 0)
                {
                    nodes.Add(new Literal(literal.ToString()));
                    literal.Clear();
                }
            }

            while (position < text.Length)
            {
                var c = text[position];
                if (!inBranch && (c == '{' || c == '}') && position + 1 < text.Length && text[position + 1] == c)
                {
                    literal.Append(c);
                    position += 2;
                }
                else if (c == '{')
                {
                    Flush();
                    nodes.Add(ParsePlaceholder());
                }
                else if (c == '}')
                {
                    if (inBranch)
                    {
                        break;
                    }

                    throw Error("a '}' without its '{' (write '}}' for a literal brace)");
                }
                else if (c == '#' && inPlural)
                {
                    Flush();
                    nodes.Add(new NumberSign());
                    position++;
                }
                else
                {
                    literal.Append(c);
                    position++;
                }
            }

            Flush();
            return nodes.ToArray();
        }

        private Node ParsePlaceholder()
        {
            position++; // '{'
            SkipSpaces();
            if (Peek() == '@')
            {
                position++;
                var key = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
                if (key.Length == 0)
                {
                    throw Error("a reference needs a key: {@group.key}");
                }

                SkipSpaces();
                Expect('}');
                return new Reference(key);
            }

            var name = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_');
            if (name.Length == 0 || char.IsAsciiDigit(name[0]))
            {
                throw Error("a placeholder needs a name: {name}");
            }

            SkipSpaces();
            if (Peek() == '}')
            {
                position++;
                return new Argument(name);
            }

            Expect(',');
            SkipSpaces();
            var kind = ReadWhile(char.IsAsciiLetter);
            if (kind is not ("plural" or "select"))
            {
                throw Error($"'{kind}' is not a choice: write {{{name}, plural, …}} or {{{name}, select, …}}");
            }

            SkipSpaces();
            Expect(',');
            var branches = new List<(string, Node[])>();
            while (true)
            {
                SkipSpaces();
                if (Peek() == '}')
                {
                    position++;
                    break;
                }

                var selector = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '_' or '-' or '.');
                if (selector.Length == 0)
                {
                    throw Error("a branch needs a selector such as one, other, =0 or a word");
                }

                SkipSpaces();
                Expect('{');
                var body = ParseSequence(inBranch: true, inPlural: kind == "plural");
                Expect('}');
                branches.Add((selector, body));
            }

            if (!branches.Any(b => b.Item1 == "other"))
            {
                throw Error($"the choice on '{name}' needs an 'other' branch");
            }

            return new Choice(name, kind == "plural", branches);
        }

        private char Peek() => position < text.Length ? text[position] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error($"'{c}' expected");
            }

            position++;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private string ReadWhile(Func<char, bool> accept)
        {
            var start = position;
            while (position < text.Length && accept(text[position]))
            {
                position++;
            }

            return text[start..position];
        }

        private FormatException Error(string what) =>
            new(string.Create(CultureInfo.InvariantCulture, $"{what}, at character {position + 1} of \"{text}\""));
    }
}

/// <summary>How a language forms plurals: the plural categories its texts may use besides exact <c>=N</c> branches.</summary>
internal enum PluralRule
{
    /// <summary>No plural forms (Chinese): every number takes <c>other</c>.</summary>
    None = 0,

    /// <summary><c>one</c> for exactly 1 (1, 1.0), <c>other</c> for every other number (English).</summary>
    One = 1,
}

/// <summary>What a text needs while it is written: the arguments, the wording, and the way back to the vocabulary.</summary>
internal sealed class FormatContext(Vocabulary vocabulary, Wording wording, string key, IReadOnlyDictionary<string, object?>? arguments, PluralRule pluralRule, int depth)
{
    public PluralRule PluralRule { get; } = pluralRule;

    public object? Get(string name)
    {
        if (arguments is not null && arguments.TryGetValue(name, out var value))
        {
            return value;
        }

        if (name == "terminology")
        {
            return wording.Terminology == Terminology.Review ? "review" : "audit";
        }

        throw new InvalidOperationException($"The text '{key}' ({wording.Language}) needs the argument '{name}', which was not given.");
    }

    public void WriteReference(StringBuilder output, string referenced) =>
        output.Append(vocabulary.FormatAt(referenced, wording, arguments, depth + 1));

    public string FormatValue(object? value) => value switch
    {
        null => "",
        string s => s,
        Message m => vocabulary.FormatAt(m.Key, wording, m.Arguments, depth + 1),
        LocalizedText t => t.Get(wording.Language),
        decimal d => Numbers.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(vocabulary.FormatAt("format.list_separator", wording, null, depth + 1), list.Cast<object?>().Select(FormatValue)),
        _ => value.ToString() ?? "",
    };
}
