using Transparency.Projections.Courts;
using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Tests.Identifiers;

public sealed class IdentifierGeneratorTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void Generated_resident_ids_are_valid_and_in_directory_regions()
    {
        var random = new Random(7);
        var regions = CourtDirectory.All.Select(c => c.DivisionCode).ToHashSet();

        for (var i = 0; i < 2000; i++)
        {
            var id = IdentifierGenerator.ResidentId(random);
            var reparsed = ResidentId.Parse(id.RevealFullNumber(), Today);
            Assert.True(reparsed.IsSuccess, reparsed.Error?.ToString());
            Assert.Contains(id.RegionCode, regions);
            Assert.InRange(id.BirthYear, 1940, 2005);
        }
    }

    [Fact]
    public void Resident_id_generator_honours_birth_date_and_sex()
    {
        var random = new Random(11);

        var man = IdentifierGenerator.ResidentId(random, new DateOnly(1970, 3, 9), Sex.Male);
        var woman = IdentifierGenerator.ResidentId(random, new DateOnly(1988, 12, 30), Sex.Female);

        Assert.Equal(Sex.Male, man.Sex);
        Assert.Equal("19700309", man.RevealFullNumber()[6..14]);
        Assert.Equal(Sex.Female, woman.Sex);
        Assert.Equal("19881230", woman.RevealFullNumber()[6..14]);
    }

    [Fact]
    public void Same_seed_gives_the_same_identifiers()
    {
        var a = new Random(42);
        var b = new Random(42);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(IdentifierGenerator.ResidentId(a), IdentifierGenerator.ResidentId(b));
            Assert.Equal(IdentifierGenerator.UnifiedSocialCreditCode(a), IdentifierGenerator.UnifiedSocialCreditCode(b));
        }
    }

    [Fact]
    public void Different_seeds_give_different_identifiers()
    {
        var fromA = Enumerable.Range(0, 20).Select(_ => IdentifierGenerator.UnifiedSocialCreditCode(new Random(1))).Distinct().Count();
        var a = new Random(1);
        var b = new Random(2);

        Assert.Equal(1, fromA);
        Assert.NotEqual(IdentifierGenerator.UnifiedSocialCreditCode(a), IdentifierGenerator.UnifiedSocialCreditCode(b));
    }

    [Fact]
    public void Generated_credit_codes_are_valid()
    {
        var random = new Random(3);

        for (var i = 0; i < 2000; i++)
        {
            var code = IdentifierGenerator.UnifiedSocialCreditCode(random);
            var reparsed = UnifiedSocialCreditCode.Parse(code.Value);
            Assert.True(reparsed.IsSuccess, reparsed.Error?.ToString());
            Assert.Equal('9', code.RegistrationAuthority);
            Assert.Equal('1', code.OrganisationType);
        }
    }

    [Theory]
    [InlineData('9', '2')]
    [InlineData('5', '3')]
    [InlineData('1', '1')]
    [InlineData('Y', '1')]
    public void Credit_code_generator_honours_authority_and_type(char authority, char type)
    {
        var code = IdentifierGenerator.UnifiedSocialCreditCode(new Random(5), authority, type);

        Assert.Equal(authority, code.RegistrationAuthority);
        Assert.Equal(type, code.OrganisationType);
    }

    [Theory]
    [InlineData('9', '9')]
    [InlineData('B', '1')]
    public void Credit_code_generator_refuses_unknown_authority_and_type(char authority, char type)
    {
        Assert.Throws<ArgumentException>(() => IdentifierGenerator.UnifiedSocialCreditCode(new Random(5), authority, type));
    }
}
