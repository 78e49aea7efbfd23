using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>Where a nonconformity stands in its corrective-action cycle.</summary>
public enum CorrectionStatus
{
    /// <summary>Raised; no correction yet (the default).</summary>
    Open = 0,

    /// <summary>The company reports it corrected; not yet verified by the audit team.</summary>
    Corrected = 1,

    /// <summary>The correction's effectiveness was verified by the audit team.</summary>
    Verified = 2,
}
