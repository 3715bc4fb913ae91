using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Cases;

/// <summary>
/// A party as the public may see it. <see cref="PublicId"/> is the organisation's credit code
/// (public) or the masked resident ID (<c>3423011964****3224</c>); <see cref="DebtorKey"/> joins
/// one debtor across cases and courts without the full number: the credit code, or the keyed
/// hash of the resident ID.
/// </summary>
public sealed record PublicParty(PartyKind Kind, PartyRole Role, string Name, string PublicId, string DebtorKey);

/// <summary>
/// Turns ingested parties into public ones. Holds the secret match key, so the same person gets
/// the same <see cref="PublicParty.DebtorKey"/> in every case and nobody without the key can
/// enumerate resident IDs to reverse it.
/// </summary>
public sealed class PartyMasker
{
    private readonly byte[] _matchKey;

    public PartyMasker(ReadOnlySpan<byte> matchKey)
    {
        if (matchKey.Length < ResidentId.MinimumMatchKeyLength)
        {
            throw new ArgumentException($"The match key must be at least {ResidentId.MinimumMatchKeyLength} bytes.", nameof(matchKey));
        }
        _matchKey = matchKey.ToArray();
    }

    /// <summary>Shown in place of an ID that does not parse: nothing of an unchecked number is published.</summary>
    public const string UnreadableId = "******************";

    public PublicParty Mask(Party party)
    {
        var (publicId, key) = Identify(party.Kind, party.IdNumber);
        var name = party.Kind == PartyKind.Organisation ? party.Name : PersonName.Mask(party.Name);
        return new PublicParty(party.Kind, party.Role, name, publicId, key);
    }

    /// <summary>The debtor's public ID and key; the name is the caller's to decide (a listing publishes it in full).</summary>
    public (string PublicId, string DebtorKey) Identify(PartyKind kind, string idNumber)
    {
        if (kind == PartyKind.Organisation)
        {
            return UnifiedSocialCreditCode.TryParse(idNumber, out var code)
                ? (code.Value, "org:" + code.Value)
                : (UnreadableId, "org:unreadable:" + HashUnreadable(idNumber));
        }
        return ResidentId.TryParse(idNumber, out var id)
            ? (id.Masked, "person:" + id.MatchKey(_matchKey))
            : (UnreadableId, "person:unreadable:" + HashUnreadable(idNumber));
    }

    // An unparseable ID still needs a stable key so the same bad input groups together; the keyed
    // hash keeps even a malformed number unreadable.
    private string HashUnreadable(string idNumber) =>
        Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(_matchKey, System.Text.Encoding.UTF8.GetBytes(idNumber)));
}
