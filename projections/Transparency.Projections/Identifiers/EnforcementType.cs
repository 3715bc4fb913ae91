namespace Transparency.Projections.Identifiers;

/// <summary>
/// 类型代字 of enforcement cases (SPC 2015 rules on case numbers, annex: enforcement case
/// types). The code is what appears in the case number.
/// </summary>
public enum EnforcementType
{
    /// <summary>执: first enforcement (首次执行).</summary>
    First,

    /// <summary>执恢: resumed enforcement (恢复执行).</summary>
    Resumed,

    /// <summary>执保: property preservation (财产保全执行).</summary>
    Preservation,

    /// <summary>执异: objection to enforcement (执行异议).</summary>
    Objection,

    /// <summary>执复: review of an objection ruling (执行复议).</summary>
    Review,

    /// <summary>执监: enforcement supervision (执行监督).</summary>
    Supervision,

    /// <summary>执协: coordination between courts (执行协调).</summary>
    Coordination,

    /// <summary>执他: other enforcement matters (其他执行).</summary>
    Other,
}

public static class EnforcementTypeCodes
{
    // Longest first, so that a reader matching prefixes takes 执恢 before 执.
    private static readonly (string Code, EnforcementType Type)[] Table =
    [
        ("执恢", EnforcementType.Resumed),
        ("执保", EnforcementType.Preservation),
        ("执异", EnforcementType.Objection),
        ("执复", EnforcementType.Review),
        ("执监", EnforcementType.Supervision),
        ("执协", EnforcementType.Coordination),
        ("执他", EnforcementType.Other),
        ("执", EnforcementType.First),
    ];

    /// <summary>The code as printed in a case number: 执, 执恢, ...</summary>
    public static string ToCode(this EnforcementType type) =>
        Table.First(t => t.Type == type).Code;

    public static EnforcementType? FromCode(string code) =>
        Table.Where(t => t.Code == code).Select(t => (EnforcementType?)t.Type).FirstOrDefault();

    /// <summary>Every code, longest first.</summary>
    public static IReadOnlyList<string> AllCodes { get; } = Table.Select(t => t.Code).ToArray();
}
