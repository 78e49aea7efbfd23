using System.Text;

namespace StarRating.Cli.Commands;

/// <summary>
/// What a command writes: text (a summary, Markdown, HTML, JSON, YAML), which may go to standard output, or a
/// binary document (Word, PDF, a workbook), which only goes to a file. <see cref="CommonOptions.Emit"/> writes both.
/// </summary>
internal sealed class OutputContent
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly byte[]? binary;

    private OutputContent(string text, byte[]? binary, string format)
    {
        Text = text;
        this.binary = binary;
        Format = format;
    }

    /// <summary>The text; empty for a binary document.</summary>
    public string Text { get; }

    /// <summary>The format name (<c>docx</c>, <c>pdf</c>, <c>xlsx</c> for binary documents), used in messages.</summary>
    public string Format { get; }

    /// <summary>True for a binary document, which cannot be written to the terminal.</summary>
    public bool IsBinary => binary is not null;

    /// <summary>The bytes to write: the document, or the text as UTF-8 without a byte-order mark.</summary>
    public byte[] Bytes => binary ?? Utf8.GetBytes(Text);

    public static OutputContent OfText(string text, string format = "text") => new(text, null, format);

    public static OutputContent OfBinary(byte[] bytes, string format) => new(string.Empty, bytes, format);
}
