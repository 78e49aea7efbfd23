namespace StarRating.Workbook;

/// <summary>
/// Resource limits for reading workbooks, checked before and while a part is unpacked, so a hostile file is refused
/// quickly and in little memory. The defaults fit a filled 54-item audit workbook (about 40 KB, unpacking to about
/// 300 KB) many times over.
/// </summary>
public sealed record WorkbookLimits
{
    /// <summary>The defaults described on each property.</summary>
    public static WorkbookLimits Default { get; } = new();

    /// <summary>Largest .xlsx file accepted, in bytes. Default 16 MiB.</summary>
    public long MaxFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most bytes all parts may unpack to together (as declared, and as actually read). Default 64 MiB.</summary>
    public long MaxUnpackedBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Highest compression ratio of a part larger than 1 MiB unpacked. Default 100 (real sheets: under 30).</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Most parts (files) in the package. Default 1,000.</summary>
    public int MaxParts { get; init; } = 1_000;

    /// <summary>Most sheets in the workbook. Default 64.</summary>
    public int MaxSheets { get; init; } = 64;

    /// <summary>Highest row number holding a value on a sheet that is read. Default 20,000.</summary>
    public int MaxRows { get; init; } = 20_000;

    /// <summary>Highest column number holding a value on a sheet that is read. Default 256 (column IV).</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Most cells holding a value or formula on the sheets that are read. Default 500,000.</summary>
    public int MaxCells { get; init; } = 500_000;

    /// <summary>Most entries in the shared string table. Default 500,000.</summary>
    public int MaxSharedStrings { get; init; } = 500_000;

    /// <summary>Most characters in the shared string table altogether. Default 16,000,000.</summary>
    public long MaxSharedStringChars { get; init; } = 16_000_000;
}
