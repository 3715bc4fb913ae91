namespace Transparency.Projections.Cases;

/// <summary>
/// The period within which a case should be concluded.
/// SPC Provisions on Time Limits for Handling Enforcement Cases (法发〔2006〕35号), Art. 1: six months
/// from filing; three months for non-litigation cases (非诉执行); suspension does not count.
/// </summary>
public static class EnforcementPeriod
{
    public static DateOnly Deadline(DateOnly filedOn, bool nonLitigation) =>
        filedOn.AddMonths(nonLitigation ? 3 : 6);

    /// <summary>The deadline pushed back by the days the case stood suspended.</summary>
    public static DateOnly AfterSuspension(DateOnly deadline, DateOnly suspendedOn, DateOnly resumedOn) =>
        deadline.AddDays(Math.Max(0, resumedOn.DayNumber - suspendedOn.DayNumber));
}

/// <summary>
/// Longest term of one seizure, by what is seized. SPC Interpretation of the Civil Procedure Law
/// (法释〔2022〕11号), Art. 485: bank deposits ≤ 1 year, movables ≤ 2 years, real estate and other
/// property rights ≤ 3 years; a renewal may again run at most as long.
/// </summary>
public static class SeizureTerm
{
    public static int MaxYears(AssetKind kind) => kind switch
    {
        AssetKind.BankFunds => 1,
        AssetKind.Movable or AssetKind.Vehicle => 2,
        _ => 3,
    };

    public static DateOnly LatestEnd(AssetKind kind, DateOnly start) => start.AddYears(MaxYears(kind));
}
