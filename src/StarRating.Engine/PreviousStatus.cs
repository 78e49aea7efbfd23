namespace StarRating.Engine;

/// <summary>What became of a previous audit's nonconformity by this audit.</summary>
public enum PreviousStatus
{
    /// <summary>The item conforms now (or, not re-assessed, its correction was verified).</summary>
    Closed = 0,

    /// <summary>The same item is graded again: a repeat finding.</summary>
    Repeated = 1,

    /// <summary>Not re-assessed and not verified closed, or still open past its due date.</summary>
    Open = 2,
}
