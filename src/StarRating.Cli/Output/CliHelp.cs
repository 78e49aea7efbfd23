using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace StarRating.Cli.Output;

/// <summary>
/// <c>--help</c> in the user's language: the layout of System.CommandLine's help (description, usage, arguments,
/// options, commands), with every heading and description from the vocabulary (<c>cli.*</c>) instead of the
/// library's English resources. Syntax (option names, <c>&lt;FILE&gt;</c>) stays as typed.
/// </summary>
internal sealed class CliHelp(CliContext context) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var text = new StringWriter { NewLine = "\n" };
        if (!string.IsNullOrEmpty(command.Description))
        {
            text.Write(context.Text("cli.help.description") + "\n");
            foreach (var line in command.Description.Split('\n'))
            {
                text.Write("  " + line + "\n");
            }

            text.Write("\n");
        }

        text.Write(context.Text("cli.help.usage") + "\n");
        text.Write("  " + Usage(command) + "\n\n");

        var arguments = command.Arguments.Where(a => !a.Hidden).ToArray();
        if (arguments.Length > 0)
        {
            Section(text, context.Text("cli.help.arguments"), arguments.Select(a => (ArgumentLabel(a), Describe(a.Description, a.HasDefaultValue ? a.GetDefaultValue() : null))));
        }

        var options = command.Options.Concat(Ancestors(command).SelectMany(c => c.Options.Where(o => o.Recursive)))
            .Where(o => !o.Hidden)
            .Distinct()
            .ToArray();
        if (options.Length > 0)
        {
            Section(text, context.Text("cli.help.options"), options.Select(o => (Label(o), Describe(o.Description, o.HasDefaultValue ? o.GetDefaultValue() : null))));
        }

        var commands = command.Subcommands.Where(c => !c.Hidden).ToArray();
        if (commands.Length > 0)
        {
            Section(text, context.Text("cli.help.commands"), commands.Select(c => (CommandLabel(c), c.Description ?? "")));
        }

        parseResult.InvocationConfiguration.Output.Write(text.ToString());
        return ExitCodes.Success;
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    /// <summary>How an option is typed: <c>-r, --rubric &lt;FILE&gt;</c>.</summary>
    private static string Label(Option option)
    {
        if (option is HelpOption)
        {
            return "-?, -h, --help";
        }

        var names = option.Aliases.Where(a => !a.StartsWith('/')).OrderBy(a => a.Length).Append(option.Name);
        var label = string.Join(", ", names);
        return option.Arity.MaximumNumberOfValues > 0 ? label + " <" + (option.HelpName ?? option.Name.TrimStart('-')) + ">" : label;
    }

    private static string ArgumentLabel(Argument argument) => "<" + (argument.HelpName ?? argument.Name) + ">";

    private static string CommandLabel(Command command) =>
        string.Join(' ', new[] { command.Name }.Concat(command.Arguments.Where(a => !a.Hidden).Select(ArgumentLabel)));

    private string Usage(Command command)
    {
        var path = new[] { command }.Concat(Ancestors(command)).Reverse().Select(c => c.Name);
        var parts = new List<string> { string.Join(' ', path) };
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(ArgumentLabel));
        if (command.Subcommands.Count > 0)
        {
            parts.Add(context.Text("cli.help.usage_command"));
        }

        parts.Add(context.Text("cli.help.usage_options"));
        return string.Join(' ', parts);
    }

    private string Describe(string? description, object? defaultValue) =>
        (description ?? "") + (defaultValue is string value ? " " + context.Text("cli.help.default", ("value", value)) : "");

    private static void Section(StringWriter text, string title, IEnumerable<(string First, string Second)> rows)
    {
        var list = rows.ToArray();
        var width = list.Max(r => TextTable.Width(r.First));
        text.Write(title + "\n");
        foreach (var (first, second) in list)
        {
            text.Write(("  " + first + new string(' ', width - TextTable.Width(first)) + "  " + second).TrimEnd() + "\n");
        }

        text.Write("\n");
    }
}
