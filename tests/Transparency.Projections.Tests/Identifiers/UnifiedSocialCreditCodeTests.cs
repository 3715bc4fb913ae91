using System.Text.Json;
using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Tests.Identifiers;

public sealed class UnifiedSocialCreditCodeTests
{
    // The worked example printed in GB 32100-2015 (an enterprise registered in Fuzhou, 350100).
    private const string StandardExample = "91350100M000100Y43";

    [Theory]
    [InlineData(StandardExample, '9', '1', "350100", "M000100Y4")]
    [InlineData("91350100m000100y43", '9', '1', "350100", "M000100Y4")]
    [InlineData(" 91350100M000100Y43 ", '9', '1', "350100", "M000100Y4")]
    // Constructed from the algorithm (organisation code of the standard's example, check recomputed):
    [InlineData("91100000M000100Y4U", '9', '1', "100000", "M000100Y4")]
    [InlineData("11100000M000100Y44", '1', '1', "100000", "M000100Y4")]
    public void Parses_valid_codes_into_their_parts(string input, char authority, char type, string division, string organisationCode)
    {
        var result = UnifiedSocialCreditCode.Parse(input);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var code = result.Value!;
        Assert.Equal(authority, code.RegistrationAuthority);
        Assert.Equal(type, code.OrganisationType);
        Assert.Equal(division, code.DivisionCode);
        Assert.Equal(organisationCode, code.OrganisationCode);
        Assert.Equal(input.Trim().ToUpperInvariant(), code.ToString());
    }

    [Theory]
    [InlineData(null, "uscc.empty")]
    [InlineData("  ", "uscc.empty")]
    [InlineData("91350100M000100Y4", "uscc.length")]
    [InlineData("91350100M000100Y433", "uscc.length")]
    [InlineData("91350100I000100Y43", "uscc.character")]
    [InlineData("91350100O000100Y43", "uscc.character")]
    [InlineData("91350100Z000100Y43", "uscc.character")]
    [InlineData("91350100S000100Y43", "uscc.character")]
    [InlineData("91350100V000100Y43", "uscc.character")]
    [InlineData("91350100-000100Y43", "uscc.character")]
    [InlineData("B1350100M000100Y43", "uscc.authority")]
    [InlineData("01350100M000100Y43", "uscc.authority")]
    [InlineData("94350100M000100Y4R", "uscc.organisation-type")]
    [InlineData("Y2350100M000100Y43", "uscc.organisation-type")]
    [InlineData("91000000M000100Y45", "uscc.division")]
    [InlineData("919901A0M000100Y43", "uscc.division")]
    [InlineData("91350100M000100Y56", "uscc.organisation-code.check")]
    [InlineData("91350100M000100Y44", "uscc.check-character")]
    [InlineData("91350100M000100Y4A", "uscc.check-character")]
    public void Rejects_malformed_codes_naming_what_is_wrong(string? input, string code)
    {
        var result = UnifiedSocialCreditCode.Parse(input);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.MessageEn));
    }

    [Fact]
    public void Character_error_names_position_and_character()
    {
        var error = UnifiedSocialCreditCode.Parse("91350100I000100Y43").Error!;

        Assert.Contains("Character 9 ", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("第 9 位", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains("'I'", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Catches_every_single_character_substitution()
    {
        // The weights 3^i mod 31 are all non-zero modulo a prime, so any one changed
        // character changes the weighted sum mod 31.
        for (var position = 0; position < 18; position++)
        {
            foreach (var replacement in UnifiedSocialCreditCode.Alphabet)
            {
                if (StandardExample[position] == replacement)
                {
                    continue;
                }

                var mutated = StandardExample[..position] + replacement + StandardExample[(position + 1)..];
                Assert.False(UnifiedSocialCreditCode.Parse(mutated).IsSuccess, $"position {position} -> {replacement}");
            }
        }
    }

    [Theory]
    [InlineData("M000100Y", '4')]
    [InlineData("00000000", '0')]
    public void Organisation_code_check_follows_gb_11714(string body, char check)
    {
        Assert.Equal(check, UnifiedSocialCreditCode.OrganisationCodeCheck(body));
    }

    [Fact]
    public void Organisation_code_check_writes_ten_as_x()
    {
        // 4 × 3 = 12 ≡ 1 (mod 11), so the check is 11 − 1 = 10, written X.
        Assert.Equal('X', UnifiedSocialCreditCode.OrganisationCodeCheck("40000000"));
    }

    private sealed record Holder(UnifiedSocialCreditCode Code);

    [Fact]
    public void Serialises_to_json_as_its_text_and_back()
    {
        var holder = new Holder(UnifiedSocialCreditCode.Parse(StandardExample).GetValueOrThrow());

        var json = JsonSerializer.Serialize(holder);

        Assert.Equal($$"""{"Code":"{{StandardExample}}"}""", json);
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json));
    }

    [Fact]
    public void TryParse_and_equality()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(StandardExample.ToLowerInvariant(), out var lower));
        Assert.Equal(UnifiedSocialCreditCode.Parse(StandardExample).Value, lower);
        Assert.False(UnifiedSocialCreditCode.TryParse("91350100M000100Y44", out _, out var error));
        Assert.Equal("uscc.check-character", error.Code);
    }
}
