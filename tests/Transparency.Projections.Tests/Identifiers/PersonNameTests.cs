using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Tests.Identifiers;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("李小龙飞", "李***")]
    [InlineData(" 王五 ", "王*")]
    [InlineData("欧阳修", "欧阳*")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("司马光", "司马*")]
    [InlineData("诸葛亮", "诸葛*")]
    [InlineData("上官婉儿", "上官**")]
    [InlineData("司马", "司*")]
    [InlineData("阿依古丽·买买提", "阿***·***")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    [InlineData("𠮷大明", "𠮷**")]
    [InlineData("王𠮷", "王*")]
    [InlineData("John Smith", "J*** *****")]
    public void Keeps_the_surname_and_masks_each_other_character(string name, string masked)
    {
        Assert.Equal(masked, PersonName.Mask(name));
    }

    [Theory]
    [InlineData("张三", "张")]
    [InlineData("欧阳修", "欧阳")]
    [InlineData("慕容复", "慕容")]
    [InlineData("司马", "司")]
    [InlineData("马司令", "马")]
    public void Finds_single_and_compound_surnames(string name, string surname)
    {
        Assert.Equal(surname, PersonName.Surname(name));
    }

    [Theory]
    [InlineData("张三丰")]
    [InlineData("欧阳娜娜")]
    [InlineData("王")]
    [InlineData("阿依古丽·买买提")]
    public void Masking_twice_is_masking_once(string name)
    {
        var once = PersonName.Mask(name);

        Assert.Equal(once, PersonName.Mask(once));
    }

    [Fact]
    public void Masked_name_never_contains_the_given_name()
    {
        foreach (var name in new[] { "张三丰", "欧阳娜娜", "上官婉儿" })
        {
            var masked = PersonName.Mask(name);
            var given = name[PersonName.Surname(name).Length..];
            Assert.Equal(name.Length, masked.Length);
            Assert.StartsWith(PersonName.Surname(name), masked, StringComparison.Ordinal);
            Assert.DoesNotContain(given, masked, StringComparison.Ordinal);
        }
    }
}
