using System.Text.Json;
using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Tests.Identifiers;

public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    // The worked example of GB 11643-1999 (Beijing Chaoyang, born 1949-12-31, woman, check X).
    private const string StandardExample = "11010519491231002X";

    // Built to mask exactly like the DOMAIN.md example 3423011964****3224 (check character computed by hand).
    private const string DomainLike = "342301196401183224";

    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(StandardExample, "1101051949****002X", "110105", 1949, Sex.Female)]
    [InlineData("11010519491231002x", "1101051949****002X", "110105", 1949, Sex.Female)]
    [InlineData(" 11010519491231002X ", "1101051949****002X", "110105", 1949, Sex.Female)]
    [InlineData(DomainLike, "3423011964****3224", "342301", 1964, Sex.Female)]
    public void Parses_valid_numbers_and_masks_month_and_day(string input, string masked, string region, int birthYear, Sex sex)
    {
        var result = ResidentId.Parse(input, Today);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var id = result.Value!;
        Assert.Equal(masked, id.Masked);
        Assert.Equal(region, id.RegionCode);
        Assert.Equal(birthYear, id.BirthYear);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(input.Trim().ToUpperInvariant(), id.RevealFullNumber());
    }

    [Theory]
    [InlineData(null, "resident-id.empty")]
    [InlineData("", "resident-id.empty")]
    [InlineData("11010519491231002", "resident-id.length")]
    [InlineData("11010519491231002X1", "resident-id.length")]
    [InlineData("110105491231002", "resident-id.length")]
    [InlineData("1101051949123100AX", "resident-id.characters")]
    [InlineData("11010519491231002Y", "resident-id.characters")]
    [InlineData("X10105194912310021", "resident-id.characters")]
    [InlineData("１１０１０５１９４９１２３１００２X", "resident-id.characters")]
    [InlineData("00010519491231002X", "resident-id.region")]
    [InlineData("99010519491231002X", "resident-id.region")]
    [InlineData("11010519490231002X", "resident-id.birth-date.invalid")]
    [InlineData("11010519491301002X", "resident-id.birth-date.invalid")]
    [InlineData("11010519490000002X", "resident-id.birth-date.invalid")]
    [InlineData("11010518991231002X", "resident-id.birth-date.range")]
    [InlineData("11010520250602002X", "resident-id.birth-date.range")]
    [InlineData("110105194912310021", "resident-id.check-character")]
    [InlineData("342301196401183225", "resident-id.check-character")]
    public void Rejects_malformed_numbers_without_repeating_them(string? input, string code)
    {
        var result = ResidentId.Parse(input, Today);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.MessageEn));
        if (!string.IsNullOrEmpty(input))
        {
            // Errors get logged; a near-valid number is still personal data.
            Assert.DoesNotContain(input.Trim()[..10], result.Error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Length_error_names_the_length_found()
    {
        var error = ResidentId.Parse("1101051949", Today).Error!;

        Assert.Contains("10", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_hong_kong_macao_and_taiwan_residence_permit_regions()
    {
        foreach (var region in new[] { "810000", "820000", "830000" })
        {
            var first17 = region + "19800101" + "001";
            var id = first17 + ResidentId.CheckCharacter(first17);
            Assert.True(ResidentId.Parse(id, Today).IsSuccess, region);
        }
    }

    [Fact]
    public void Catches_every_single_digit_substitution()
    {
        // ISO 7064 MOD 11-2 detects all single substitution errors.
        for (var position = 0; position < 18; position++)
        {
            foreach (var replacement in "0123456789X")
            {
                if (StandardExample[position] == replacement)
                {
                    continue;
                }

                var mutated = StandardExample[..position] + replacement + StandardExample[(position + 1)..];
                Assert.False(ResidentId.Parse(mutated, Today).IsSuccess, $"position {position} -> {replacement}");
            }
        }
    }

    [Fact]
    public void Never_shows_the_full_number_through_ToString_interpolation_or_records()
    {
        var id = ResidentId.Parse(StandardExample, Today).GetValueOrThrow();

        Assert.Equal("1101051949****002X", id.ToString());
        Assert.DoesNotContain(StandardExample, $"{id}", StringComparison.Ordinal);
        Assert.DoesNotContain(StandardExample, new { Person = id }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1231", id.ToString(), StringComparison.Ordinal);
    }

    private sealed record Holder(ResidentId Id);

    [Fact]
    public void Refuses_to_be_serialised_to_or_from_json()
    {
        var id = ResidentId.Parse(StandardExample, Today).GetValueOrThrow();

        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Holder(id)));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<Holder>($$"""{"Id":"{{StandardExample}}"}"""));
    }

    [Fact]
    public void Match_key_is_hmac_sha256_of_the_full_number()
    {
        var id = ResidentId.Parse(StandardExample, Today).GetValueOrThrow();

        // Computed independently: Python hmac.new(bytes(range(32)), b"11010519491231002X", sha256).hexdigest()
        Assert.Equal("a66755453b106dcea0cfa264214ae59ff1e8b067f3e5f3aa8085e1d8757880eb", id.MatchKey(Key));
    }

    [Fact]
    public void Match_key_is_the_same_for_the_same_person_and_differs_across_people_and_keys()
    {
        var upper = ResidentId.Parse(StandardExample, Today).GetValueOrThrow();
        var lower = ResidentId.Parse(StandardExample.ToLowerInvariant(), Today).GetValueOrThrow();
        var other = ResidentId.Parse(DomainLike, Today).GetValueOrThrow();
        var otherKey = Key.Select(b => (byte)(b ^ 0xFF)).ToArray();

        Assert.Equal(upper.MatchKey(Key), lower.MatchKey(Key));
        Assert.NotEqual(upper.MatchKey(Key), other.MatchKey(Key));
        Assert.NotEqual(upper.MatchKey(Key), upper.MatchKey(otherKey));
        Assert.DoesNotContain(StandardExample, upper.MatchKey(Key), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Match_key_refuses_a_short_key()
    {
        var id = ResidentId.Parse(StandardExample, Today).GetValueOrThrow();

        Assert.Throws<ArgumentException>(() => id.MatchKey(new byte[16]));
    }

    [Fact]
    public void Equal_numbers_are_equal_values()
    {
        var a = ResidentId.Parse(StandardExample, Today).GetValueOrThrow();
        var b = ResidentId.Parse(StandardExample.ToLowerInvariant(), Today).GetValueOrThrow();
        var c = ResidentId.Parse(DomainLike, Today).GetValueOrThrow();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void TryParse_reports_the_error()
    {
        Assert.True(ResidentId.TryParse(StandardExample, out var id));
        Assert.Equal("1101051949****002X", id.Masked);

        Assert.False(ResidentId.TryParse("110105194912310021", out _, out var error));
        Assert.Equal("resident-id.check-character", error.Code);
    }
}
