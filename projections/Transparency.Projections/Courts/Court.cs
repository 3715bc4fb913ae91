namespace Transparency.Projections.Courts;

/// <summary>A people's court as the directory knows it.</summary>
/// <param name="Code">法院代字, 川0104.</param>
/// <param name="NameZh">Full name, 四川省成都市锦江区人民法院.</param>
/// <param name="NameEn">English name, Chengdu Jinjiang District People's Court.</param>
/// <param name="Parent">The court one level up; null for a high court.</param>
/// <param name="DivisionCode">The GB/T 2260 code of the division the court serves, 510104.</param>
public sealed record Court(
    CourtCode Code,
    string NameZh,
    string NameEn,
    CourtLevel Level,
    CourtCode? Parent,
    Province Province,
    string DivisionCode);
