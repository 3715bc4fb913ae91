namespace Transparency.Projections.Courts;

/// <summary>The three levels of local people's courts (Organic Law of the People's Courts, Art. 12).</summary>
public enum CourtLevel
{
    /// <summary>基层人民法院: county, county-level city or district.</summary>
    Basic,

    /// <summary>中级人民法院: prefecture-level division.</summary>
    Intermediate,

    /// <summary>高级人民法院: province.</summary>
    High,
}
