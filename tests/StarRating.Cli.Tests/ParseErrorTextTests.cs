using StarRating.Cli.Output;
using StarRating.Rules;

namespace StarRating.Cli.Tests;

/// <summary>
/// Command-line mistakes are said in the message language: System.CommandLine words its errors in English, and
/// <see cref="ParseErrorText"/> says each known one again from the vocabulary. A Chinese user typing a wrong option
/// reads Chinese, and nobody reads a .NET type name.
/// </summary>
public sealed class ParseErrorTextTests
{
    private const string Evidence = "{root}/samples/01-five-star-appliance-maker.yaml";

    public static TheoryData<string[], string, string> Mistakes => new()
    {
        { ["score", Evidence, "--colour"], "无法识别的命令或参数 '--colour'。", "Unrecognized command or argument '--colour'." },
        { ["score", Evidence, "--format", "rtf"], "参数值 'rtf' 无效，只能是以下之一：'text'、'json'、'md'、'html'、'docx'、'pdf'、'xlsx'。", "Argument 'rtf' not recognized. Must be one of: 'text', 'json', 'md', 'html', 'docx', 'pdf', 'xlsx'." },
        { ["score"], "命令 'score' 缺少必需的参数。", "Required argument missing for command: 'score'." },
        { ["score", Evidence, "--format"], "选项 '--format' 缺少参数值。", "Required argument missing for option: '--format'." },
        { ["score", Evidence, "--format", "md", "--format", "html"], "选项 '--format' 只接受一个参数值，但给了 2 个。", "Option '--format' expects a single argument but 2 were provided." },
        { ["rubric"], "没有指定命令。", "Required command was not provided." },
        { ["@/nonexistent/args.rsp"], "无法读取响应文件 '/nonexistent/args.rsp'。", "Response file '/nonexistent/args.rsp' cannot be read." },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_command_line_mistake_is_worded_in_the_message_language(string[] args, string chinese, string english)
    {
        var zh = CliRunner.RunWithLocale("zh_CN.UTF-8", args);
        var en = CliRunner.Run(args);

        zh.ExitCode.Should().Be(2);
        en.ExitCode.Should().Be(2);
        zh.Error.Should().Contain("starrating: " + chinese).And.Contain("运行 'starrating --help' 查看用法。");
        en.Error.Should().Contain("starrating: " + english).And.Contain("Run 'starrating --help' for usage.");
    }

    [Theory]
    [InlineData("Cannot parse argument 'abc' for option '--jobs' as expected type 'System.Nullable`1[System.Int32]'.", "'abc' is not a valid value for option '--jobs'.")]
    [InlineData("Cannot parse argument 'x' for command 'score' as expected type 'System.Int32'. Did you mean one of the following?\n1\n2", "'x' is not a valid value for command 'score'.")]
    [InlineData("Cannot parse argument 'x' as expected type 'System.Int32'.", "'x' is not a valid value.")]
    [InlineData("Option '--rubric' is required.", "Option '--rubric' is required.")]
    [InlineData("Response file not found 'a.rsp'.", "Response file not found 'a.rsp'.")]
    [InlineData("'scroe' was not matched. Did you mean one of the following?\nscore", "'scroe' was not matched. Did you mean one of the following: score?")]
    [InlineData("Error reading response file 'a.rsp': IO_FileNotFound_FileName", "Response file 'a.rsp' cannot be read.")]
    [InlineData("--version option cannot be combined with other arguments.", "--version option cannot be combined with other arguments.")]
    public void Parser_wordings_the_tool_does_not_provoke_are_translated_too_and_name_no_type(string parser, string english)
    {
        ParseErrorText.Describe(parser, Wording.English).Should().Be(english);
        var chinese = ParseErrorText.Describe(parser, Wording.Chinese);
        chinese.Should().NotContain("System.").And.NotContain("Cannot").And.NotContain("IO_");
        chinese.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public void An_unknown_parser_wording_is_shown_as_written_with_controls_escaped()
    {
        ParseErrorText.Describe("Something new \u001b[2J", Wording.Chinese).Should().Be("Something new \\u001B[2J");
    }
}
