using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// Runs one template in a sandbox: strict variables, no relaxed member access, no reflection on .NET objects,
/// loop, recursion, output and time limits, includes only from the template's own set, and no functions that
/// evaluate text as code, read files, or read the clock or a random source. Every failure becomes a located
/// diagnostic; a report is returned only when the template ran to the end within every limit.
/// </summary>
internal static class Sandbox
{
    /// <summary>Builtins replaced by a function that refuses with SR4009, as (object, member) pairs; null object = top level.</summary>
    private static readonly (string? Object, string Member)[] Refused =
    [
        (null, "include_join"),
        ("object", "eval"),
        ("object", "eval_template"),
        ("date", "now"),
        ("date", "utc_now"),
        ("math", "random"),
    ];

    public static LoadResult<RenderedReport> Render(TemplateSet set, string name, ScriptObject model, ReportFormat format, ReportLimits limits, CancellationToken cancellationToken)
    {
        var (text, bag) = RenderText(set, name, model, format, limits, cancellationToken);
        return LoadResult.From(text is null ? null : RenderedReport.Of(text, format), bag);
    }

    /// <summary>Renders a template to text with the escaping of <paramref name="format"/>; null text and diagnostics on failure.</summary>
    public static (string? Text, DiagnosticBag Diagnostics) RenderText(TemplateSet set, string name, ScriptObject model, ReportFormat format, ReportLimits limits, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        var template = set.Find(name);
        if (template is null)
        {
            bag.Add(ReportDiagnostics.TemplateMissing, SourceLocation.WholeFile(name), ("name", name), ("folder", new Message("diagnostic.template_set")), ("available", string.Join(", ", set.Names)));
            return (null, bag);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        Func<string, string> escape = format switch
        {
            ReportFormat.Html => Escape.Html,
            ReportFormat.Docx => Escape.WordMarkup,
            _ => Escape.Markdown,
        };
        var context = new SandboxContext(CreateBuiltins(set), escape, limits)
        {
            CancellationToken = timeout.Token,
        };
        context.PushGlobal(model);
        var file = template.SourceFilePath ?? name;
        try
        {
            var text = template.Render(context);
            if (text.Length > limits.MaxOutputChars || context.OutputExceeded)
            {
                bag.Add(ReportDiagnostics.TemplateOutputLimit, SourceLocation.WholeFile(file), ("limit", limits.MaxOutputChars));
                return (null, bag);
            }

            return (text.Replace("\r\n", "\n", StringComparison.Ordinal), bag);
        }
        catch (ScriptAbortException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ScriptRuntimeException ex)
        {
            bag.Add(Classify(ex, file, limits, timeout.IsCancellationRequested));
        }
        catch (RegexMatchTimeoutException)
        {
            bag.Add(ReportDiagnostics.TemplateRegexTimeout, Locate(context.CurrentSpan, file), ("limit", (long)limits.RegexTimeout.TotalMilliseconds));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StackOverflowException)
        {
            // Anything else a template provokes inside Scriban (an overflow, a huge allocation...) is still the
            // template's failure: report it, never a stack trace.
            bag.Add(ReportDiagnostics.TemplateRuntime, Locate(context.CurrentSpan, file), ("detail", Describe(ex)));
        }

        return (null, bag);
    }

    /// <summary>
    /// What a foreign exception means, in our words: never its message, which under <c>UseSystemResourceKeys</c> is a
    /// resource key such as <c>Arg_OverflowException</c>, nor its type name.
    /// </summary>
    public static Message Describe(Exception ex) => new("diagnostic.template_failure." + ex switch
    {
        OverflowException => "overflow",
        DivideByZeroException => "division_by_zero",
        OutOfMemoryException or InsufficientExecutionStackException => "memory",
        InvalidCastException or FormatException => "wrong_type",
        IndexOutOfRangeException or ArgumentOutOfRangeException => "out_of_range",
        RegexParseException => "regex",
        ArgumentException or NullReferenceException or InvalidOperationException => "bad_arguments",
        _ => "other",
    });

    /// <summary>Converts a Scriban span (0-based) to a 1-based location in its template file.</summary>
    public static SourceLocation Locate(SourceSpan span, string fallbackFile)
    {
        var file = string.IsNullOrEmpty(span.FileName) ? fallbackFile : span.FileName;
        return span.Start.Line < 0 ? SourceLocation.WholeFile(file) : new SourceLocation(file, span.Start.Line + 1, span.Start.Column + 1);
    }

    private static Diagnostic Classify(ScriptRuntimeException ex, string file, ReportLimits limits, bool timedOut)
    {
        var location = Locate(ex.Span, file);
        var message = ex.OriginalMessage;
        if (ex.InnerException is RegexMatchTimeoutException || (ex is not ScriptAbortException && !timedOut && message.Contains("RegexMatchTimeout", StringComparison.Ordinal)))
        {
            // The limit that fired: the regular-expression limit, not the render's time limit.
            return ReportDiagnostics.TemplateRegexTimeout.Create(location, ("limit", (long)limits.RegexTimeout.TotalMilliseconds));
        }

        if (ex is ScriptAbortException || timedOut)
        {
            return ReportDiagnostics.TemplateTimeout.Create(location, ("limit", (long)limits.Timeout.TotalMilliseconds));
        }

        return ex switch
        {
            IncludeRefusedException refused => ReportDiagnostics.TemplateIncludeRefused.Create(location, ("name", refused.Name), ("available", refused.Available)),
            FunctionRefusedException refused => ReportDiagnostics.TemplateFunctionRefused.Create(location, ("name", refused.Name)),
            OutputLimitException => ReportDiagnostics.TemplateOutputLimit.Create(location, ("limit", limits.MaxOutputChars)),
            ScriptParserRuntimeException parser => ReportDiagnostics.TemplateSyntax.Create(location, ("detail", parser.OriginalMessage)),
            // Scriban 7.5 says so in words only: "Exceeding number of iteration limit", "Range expression exceeds
            // LoopLimit", "String multiplication exceeds LimitToString"... (checked by SandboxTests).
            _ when message.StartsWith("Exceeding number of iteration limit", StringComparison.Ordinal) || message.Contains("LoopLimit", StringComparison.Ordinal) =>
                ReportDiagnostics.TemplateLoopLimit.Create(location, ("limit", limits.LoopLimit)),
            _ when message.Contains("LimitToString", StringComparison.Ordinal) =>
                ReportDiagnostics.TemplateOutputLimit.Create(location, ("limit", limits.MaxOutputChars)),
            _ when message.StartsWith("Exceeding number of recursive depth limit", StringComparison.Ordinal) =>
                ReportDiagnostics.TemplateRecursionLimit.Create(location, ("limit", limits.RecursionLimit)),
            _ => ReportDiagnostics.TemplateRuntime.Create(location, ("detail", message)),
        };
    }

    private static ScriptObject CreateBuiltins(TemplateSet set)
    {
        // A deep copy of Scriban's builtins per render, so no template can change what another one sees.
        var builtins = new BuiltinFunctions();
        builtins.Remove("include");
        builtins.SetValue("include", new IncludeFunction(set), readOnly: true);
        foreach (var (owner, member) in Refused)
        {
            var target = owner is null ? builtins : builtins[owner] as ScriptObject;
            if (target is null)
            {
                continue;
            }

            var qualified = owner is null ? member : owner + "." + member;
            target.Remove(member);
            target.SetValue(member, new RefusedFunction(qualified), readOnly: true);
        }

        return builtins;
    }

    /// <summary>Text the template set produced itself (an include): written as it is, since its values were escaped when it ran.</summary>
    internal sealed class TemplateOutput(string text)
    {
        private readonly string text = text;

        public override string ToString() => text;
    }

    internal sealed class IncludeRefusedException(SourceSpan span, string name, string available)
        : ScriptRuntimeException(span, "include of '" + name + "' is refused")
    {
        public string Name { get; } = name;

        public string Available { get; } = available;
    }

    internal sealed class FunctionRefusedException(SourceSpan span, string name)
        : ScriptRuntimeException(span, "function '" + name + "' is refused")
    {
        public string Name { get; } = name;
    }

    internal sealed class OutputLimitException(SourceSpan span)
        : ScriptRuntimeException(span, "output limit exceeded");

    private sealed class SandboxContext : TemplateContext
    {
        /// <summary>Largest integer a template may make, in bits (4 096 bits, about 1 230 decimal digits).</summary>
        private const long MaxIntegerBits = 4_096;

        private readonly Func<string, string> escape;
        private readonly int maxOutput;
        private long written;

        public SandboxContext(ScriptObject builtins, Func<string, string> escape, ReportLimits limits)
            : base(builtins, StringComparer.Ordinal)
        {
            this.escape = escape;
            maxOutput = limits.MaxOutputChars;
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            EnableRelaxedTargetAccess = false;
            EnableRelaxedFunctionAccess = false;
            EnableRelaxedIndexerAccess = false;
            EnableNullIndexer = false;
            LoopLimit = limits.LoopLimit;
            LoopLimitQueryable = limits.LoopLimit;
            RecursiveLimit = limits.RecursionLimit;
            ObjectRecursionLimit = 20;
            LimitToString = limits.MaxOutputChars;
            RegexTimeOut = limits.RegexTimeout;
            NewLine = "\n";
            TemplateLoader = null;

            // Templates see plain view data (ScriptObject and ScriptArray); no member of any .NET object is readable.
            MemberFilter = _ => false;
        }

        public bool OutputExceeded => written > maxOutput;

        /// <summary>
        /// Refuses every value that is an integer of more than <see cref="MaxIntegerBits"/> bits, as soon as an expression
        /// produces it. Scriban lets arithmetic grow integers to about a million bits, and turning one into text (to write
        /// it, to pass it to a function, or inside one of Scriban's own error messages) takes seconds with no cancellation
        /// check, so one expression outran the time limit many times over (found by fuzzing, docs/fuzzing.md).
        /// </summary>
        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction = false)
        {
            var value = base.Evaluate(scriptNode, aliasReturnedFunction);
            if (value is BigInteger big && big.GetBitLength() > MaxIntegerBits)
            {
                throw new ScriptRuntimeException(scriptNode?.Span ?? CurrentSpan, $"the expression makes a number of {big.GetBitLength()} bits, more than the {MaxIntegerBits} bits allowed");
            }

            return value;
        }

        /// <summary>Every value a template writes is escaped for the output format; only the set's own includes pass as they are.</summary>
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is null)
            {
                return this;
            }

            var text = textAsObject is TemplateOutput own ? own.ToString() : escape(ObjectToString(textAsObject) ?? string.Empty);
            written += text.Length;
            if (written > maxOutput)
            {
                // Stop now rather than run on while Scriban silently drops the rest.
                throw new OutputLimitException(span);
            }

            Write(text);
            return this;
        }
    }

    /// <summary><c>include "name"</c>: renders another template of the same set, and nothing else.</summary>
    private sealed class IncludeFunction(TemplateSet set) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 1;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(object);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            var name = arguments.Count == 0 ? string.Empty : context.ObjectToString(arguments[0]) ?? string.Empty;
            var template = IsPlainName(name) ? set.Find(name) : null;
            if (template is null)
            {
                throw new IncludeRefusedException(span, name, string.Join(", ", set.Names));
            }

            return new TemplateOutput(context.RenderTemplate(template, arguments, callerContext ?? context.CurrentNode));
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        public ScriptParameterInfo GetParameterInfo(int index) =>
            index == 0 ? new ScriptParameterInfo(typeof(string), "template_name") : new ScriptParameterInfo(typeof(object), "value");

        // A template name, never a path: no separators, no parent references, no drive or scheme.
        private static bool IsPlainName(string name) =>
            name.Length is > 0 and <= 128 && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && name != "." && name != "..";
    }

    private sealed class RefusedFunction(string name) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 0;

        public int ParameterCount => 0;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(object);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            throw new FunctionRefusedException(callerContext?.Span ?? context.CurrentSpan, name);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            throw new FunctionRefusedException(callerContext?.Span ?? context.CurrentSpan, name);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");
    }
}

/// <summary>Escaping of values written by templates.</summary>
internal static class Escape
{
    /// <summary>HTML text and attribute values: &amp; &lt; &gt; &quot; &#39;. Nothing else changes, so CJK text stays readable.</summary>
    public static string Html(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// The Word markup (docs/reports.md): <c>&amp; &lt; &gt; &quot; &#39;</c> become entities, so a value stays text in
    /// element content and attribute values alike; a line break becomes U+2028, which the markup reader turns into a
    /// line break in text and a space in attributes (in markup, a newline is the template's layout, and an element
    /// would break an attribute), a tab a space; control and bidirectional-formatting characters, which would hide or
    /// reorder text in the document, become U+FFFD.
    /// </summary>
    public static string WordMarkup(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\n' or '\r': builder.Append(Word.WordText.ValueLineBreak); break;
                case '\t': builder.Append(' '); break;
                default:
                    if (char.IsSurrogatePair(text, i))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        builder.Append(Word.WordText.IsUnsafe(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Markdown: a backslash before the characters that start markup or raw HTML (so a value stays text and
    /// cannot open a link, an emphasis or an HTML tag), and line breaks as <c>&lt;br&gt;</c>, so the line breaks
    /// people wrote (a conclusion, a note) are kept and a value still cannot end a table row or a list item.
    /// </summary>
    public static string Markdown(string text)
    {
        const string special = "\\`*_[]<>|#&!~";
        if (text.AsSpan().IndexOfAny(special + "\r\n") < 0)
        {
            return text;
        }

        // A block scalar's final line break ends the text; it is not a line of its own.
        text = text.TrimEnd('\r', '\n');

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                continue;
            }

            if (c == '\n')
            {
                builder.Append("<br>");
                continue;
            }

            if (special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
