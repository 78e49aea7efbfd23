using System.Globalization;

namespace StarRating.Rules;

/// <summary>How an entry or a value differs between two rubrics.</summary>
public enum RubricChangeKind
{
    /// <summary>The entry exists only in the later rubric.</summary>
    Added = 0,

    /// <summary>The entry exists only in the earlier rubric.</summary>
    Removed = 1,

    /// <summary>A value of the entry differs.</summary>
    Changed = 2,

    /// <summary>The entry belongs to another parent (an indicator to another category, an item to another indicator).</summary>
    Moved = 3,
}
