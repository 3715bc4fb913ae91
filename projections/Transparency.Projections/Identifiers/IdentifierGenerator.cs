using System.Globalization;
using Transparency.Projections.Courts;

namespace Transparency.Projections.Identifiers;

/// <summary>
/// Valid identifiers for demo data, reproducible from a seeded <see cref="Random"/>. They
/// satisfy every rule the parsers check and use real division codes (those of the courts in
/// the <see cref="CourtDirectory"/>). A generated resident ID may by chance be a real
/// person's number, so treat generated ones exactly like real ones (masked when published).
/// </summary>
public static class IdentifierGenerator
{
    private static readonly DateOnly EarliestBirth = new(1940, 1, 1);
    private static readonly DateOnly LatestBirth = new(2005, 12, 31);

    /// <summary>A resident ID in a county of the directory, born 1940–2005 unless given.</summary>
    public static ResidentId ResidentId(Random random, DateOnly? birthDate = null, Sex? sex = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var region = RandomBasicDivision(random);
        var birth = birthDate ?? EarliestBirth.AddDays(random.Next(LatestBirth.DayNumber - EarliestBirth.DayNumber + 1));
        var wantMale = (sex ?? (random.Next(2) == 0 ? Sex.Female : Sex.Male)) == Sex.Male;
        // GB 11643-1999, 4.3.3: the sequence code is odd for men, even for women.
        var sequence = (random.Next(0, 500) * 2) + (wantMale ? 1 : 0);
        if (sequence == 0)
        {
            sequence = 2;
        }

        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        var number = first17 + Identifiers.ResidentId.CheckCharacter(first17);
        return Identifiers.ResidentId.Parse(number, DateOnly.MaxValue).GetValueOrThrow();
    }

    /// <summary>
    /// A unified social credit code registered in a county of the directory; an enterprise
    /// (authority 9, type 1) unless another authority and type are given.
    /// </summary>
    public static UnifiedSocialCreditCode UnifiedSocialCreditCode(Random random, char authority = '9', char organisationType = '1')
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!Identifiers.UnifiedSocialCreditCode.OrganisationTypesByAuthority.TryGetValue(authority, out var types)
            || !types.Contains(organisationType, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{authority}{organisationType} is not a registration authority and organisation type pair.", nameof(organisationType));
        }

        var body = new char[8];
        for (var i = 0; i < body.Length; i++)
        {
            // Mostly digits, as most organisation codes are; letters from the code's alphabet otherwise.
            body[i] = random.Next(4) == 0
                ? Identifiers.UnifiedSocialCreditCode.Alphabet[random.Next(10, Identifiers.UnifiedSocialCreditCode.Alphabet.Length)]
                : (char)('0' + random.Next(10));
        }

        var organisationCode = new string(body) + Identifiers.UnifiedSocialCreditCode.OrganisationCodeCheck(body);
        var first17 = $"{authority}{organisationType}{RandomBasicDivision(random)}{organisationCode}";
        var code = first17 + Identifiers.UnifiedSocialCreditCode.CheckCharacter(first17);
        return Identifiers.UnifiedSocialCreditCode.Parse(code).GetValueOrThrow();
    }

    private static readonly Lazy<string[]> BasicDivisions = new(() =>
        CourtDirectory.All.Where(c => c.Level == CourtLevel.Basic).Select(c => c.DivisionCode).ToArray());

    private static string RandomBasicDivision(Random random) =>
        BasicDivisions.Value[random.Next(BasicDivisions.Value.Length)];
}
