namespace StarRating.Engine;

/// <summary>How serious a nonconformity is.</summary>
public enum NonconformityGrade
{
    /// <summary>严重不符合项 (<c>major</c>).</summary>
    Major = 0,

    /// <summary>一般不符合项 (<c>minor</c>).</summary>
    Minor = 1,

    /// <summary>观察项: a remark or opportunity for improvement (<c>observation</c>).</summary>
    Observation = 2,
}
