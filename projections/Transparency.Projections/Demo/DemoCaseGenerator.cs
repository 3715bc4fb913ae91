using Transparency.Projections.Calendar;
using Transparency.Projections.Cases;
using Transparency.Projections.Courts;
using Transparency.Projections.Identifiers;
using static Transparency.Projections.Cases.CaseEvents;

namespace Transparency.Projections.Demo;

/// <summary>
/// Generates realistic enforcement cases for demos and benchmarks, reproducibly from a seed: the
/// same seed and day give the same cases and events. Every event goes through
/// <see cref="CaseDecider"/> as it is generated, exactly as ingest would check it; a rejected one
/// is a bug here and throws. Cases stream out one at a time, so a million of them need no more
/// memory than one.
/// </summary>
public sealed class DemoCaseGenerator
{
    /// <summary>How far back filings go: about three years.</summary>
    public const int HistoryDays = 3 * 365;

    // Per mille of cases given a lapse; each of the six lapses gets an equal share.
    private const int LapsePerMille = 48;

    private static readonly (DemoCourse Course, int Weight)[] CourseWeights =
    [
        (DemoCourse.TerminatedForNow, 40), (DemoCourse.FullyPerformed, 20), (DemoCourse.PartlyPerformed, 6),
        (DemoCourse.Settled, 8), (DemoCourse.Resumed, 5), (DemoCourse.Terminated, 2), (DemoCourse.TransferredToBankruptcy, 1),
        (DemoCourse.Dismissed, 1), (DemoCourse.StillOpen, 12),
    ];

    private static readonly InquiryChannel[] Channels =
        [InquiryChannel.Bank, InquiryChannel.RealEstate, InquiryChannel.Vehicle, InquiryChannel.Securities, InquiryChannel.Equity, InquiryChannel.OnlinePayment];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly Court[] _courts;
    private readonly int[] _courtWeights;
    private readonly int _courtWeightTotal;
    private readonly Dictionary<(string Court, int Year, EnforcementType Type), long> _sequences = [];
    private readonly Dictionary<(string Court, int Year), int> _repairNotices = [];
    private readonly Dictionary<(string Court, int Officer), (string Name, string Id)> _officers = [];
    // Repeat debtors: a few respondents come back in a later case, as they do in real lists.
    private readonly Party?[] _recentDebtors = new Party?[512];
    private int _recentDebtorCount;

    public DemoCaseGenerator(int seed, DateOnly today)
    {
        _random = new Random(seed);
        _today = today;
        _courts = [.. CourtDirectory.All];
        // Most enforcement is filed at basic courts; intermediate courts take the large claims, the high courts few.
        _courtWeights = _courts.Select(c => c.Level switch
        {
            CourtLevel.Basic => 20,
            CourtLevel.Intermediate => 4,
            _ => 1,
        }).ToArray();
        _courtWeightTotal = _courtWeights.Sum();
    }

    /// <summary>The day the data is generated for: nothing is dated after it.</summary>
    public DateOnly Today => _today;

    /// <summary>Exactly <paramref name="count"/> cases (streams), in the order they are generated.</summary>
    public IEnumerable<DemoCase> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var produced = 0;
        while (produced < count)
        {
            foreach (var c in Next(count - produced))
            {
                yield return c;
                produced++;
            }
        }
    }

    private IEnumerable<DemoCase> Next(int room)
    {
        if (_random.Next(1000) < LapsePerMille)
        {
            var lapse = (DemoLapse)(1 + _random.Next(6));
            return [Lapsed(lapse)];
        }
        var course = Pick(CourseWeights);
        if (course == DemoCourse.Resumed && room < 2)
        {
            course = DemoCourse.TerminatedForNow;
        }
        return course switch
        {
            DemoCourse.FullyPerformed => [Performed(Start(course, DemoLapse.None, 0, HistoryDays), fully: true)],
            DemoCourse.PartlyPerformed => [Performed(Start(course, DemoLapse.None, 0, HistoryDays), fully: false)],
            DemoCourse.Settled => [Settled(Start(course, DemoLapse.None, 0, HistoryDays))],
            DemoCourse.TerminatedForNow => [TerminatedForNow(Start(course, DemoLapse.None, 0, HistoryDays))],
            DemoCourse.Resumed => ResumedPair(),
            DemoCourse.Terminated => [Terminated(Start(course, DemoLapse.None, 0, HistoryDays))],
            DemoCourse.TransferredToBankruptcy => [Bankruptcy(Start(course, DemoLapse.None, 0, HistoryDays, organisationDebtor: true))],
            DemoCourse.Dismissed => [Dismissed(Start(course, DemoLapse.None, 0, HistoryDays))],
            _ => [StillOpen(Start(course, DemoLapse.None, 0, 150))],
        };
    }

    private DemoCase Lapsed(DemoLapse lapse)
    {
        switch (lapse)
        {
            case DemoLapse.PeriodExceeded:
            {
                var s = Start(DemoCourse.StillOpen, lapse, 200, 900);
                s.AutoExtend = false;
                Restrict(s);
                return s.Finish();
            }
            case DemoLapse.OverSeizure:
            {
                var s = Start(DemoCourse.StillOpen, lapse, 20, 150);
                s.Advance(5, 30);
                // 超标的查封: a flat worth several times the debt, with money and cheaper assets available.
                Seize(s, AssetKind.RealEstate, s.State.Outstanding * Between(25, 40) / 10);
                return s.Finish();
            }
            case DemoLapse.FundsNotDisbursed:
            {
                var s = Start(DemoCourse.StillOpen, lapse, 70, 170);
                var receivedOn = _today.AddDays(-Between(35, 55));
                s.Day = receivedOn > s.Day ? receivedOn : s.Day;
                s.Add(new V1.FundsReceived(s.Day, Math.Max(100, s.State.Outstanding * Between(20, 60) / 100)));
                return s.Finish();
            }
            case DemoLapse.ListingNotDeleted:
                return Performed(Start(DemoCourse.FullyPerformed, lapse, 120, HistoryDays), fully: true);
            case DemoLapse.SeizureExpired:
                return TerminatedForNow(Start(DemoCourse.TerminatedForNow, lapse, 500, HistoryDays));
            default:
                return TerminatedForNow(Start(DemoCourse.TerminatedForNow, DemoLapse.NoInquiryAfterTermination, 400, HistoryDays));
        }
    }

    // ---------------------------------------------------------------- courses

    private DemoCase Performed(CaseScript s, bool fully)
    {
        if (Chance(30))
        {
            Restrict(s);
        }
        if (s.Lapse == DemoLapse.ListingNotDeleted || Chance(12))
        {
            s.Advance(5, 30);
            List(s, s.Respondents[0], Chance(50) ? ListingGround.RefusesDespiteAbility : ListingGround.ViolatesPropertyReporting);
        }
        var variant = _random.Next(10);
        if (variant >= 8)
        {
            Auction(s);
        }
        else if (variant >= 5)
        {
            FreezeAndDeduct(s);
        }
        if (fully)
        {
            PayVoluntarily(s, Between(1, 3));
        }
        else if (s.State.Received == 0)
        {
            PayVoluntarily(s, 1, fraction: Between(20, 80));
        }
        s.Advance(3, 20);
        var remainderWaived = s.State.Outstanding > 0;
        s.Add(new V1.CaseConcluded(s.Day, ConclusionMethod.Completed, s.State.Received, s.State.Outstanding));
        CloseOut(s, remainderWaived ? LiftReason.ApplicantRequest : LiftReason.Performed);
        return s.Finish();
    }

    private DemoCase Settled(CaseScript s)
    {
        if (Chance(30))
        {
            Restrict(s);
        }
        s.Advance(10, 60);
        var instalments = Between(2, 6);
        var each = Math.Max(100, s.State.Outstanding / instalments);
        s.PerformedReason = LiftReason.SettlementPerformed;
        s.Add(new V1.SettlementReached(s.Day, $"双方自愿达成和解：被执行人分{instalments}期履行，每期{Labels.Yuan(each)}"));
        var broken = Chance(20);
        var paid = broken ? Between(1, instalments - 1) : instalments;
        for (var i = 0; i < paid && s.State.Outstanding > 0; i++)
        {
            s.Advance(25, 35);
            var amount = i == instalments - 1 ? s.State.Outstanding : Math.Min(each, s.State.Outstanding);
            Receive(s, amount);
        }
        if (broken)
        {
            // SPC rules on listing, Art. 1(6): refusing without reason to perform a settlement agreement.
            s.Advance(10, 40);
            List(s, s.Respondents[0], ListingGround.BreaksSettlement);
            return TerminatedForNowTail(s);
        }
        s.Advance(3, 20);
        s.Add(new V1.CaseConcluded(s.Day, ConclusionMethod.Completed, s.State.Received, s.State.Outstanding));
        CloseOut(s, LiftReason.SettlementPerformed);
        return s.Finish();
    }

    private DemoCase TerminatedForNow(CaseScript s)
    {
        ConcludeForNow(s);
        PostTermination(s, performedOn: null);
        return s.Finish();
    }

    private DemoCase TerminatedForNowTail(CaseScript s)
    {
        if (!s.State.Sanctions.Values.Any(x => x.Kind == SanctionKind.ConsumptionRestriction))
        {
            Restrict(s);
        }
        s.Advance(20, 60);
        Inquire(s, hits: 0);
        ConcludeTerminatedForNow(s);
        PostTermination(s, performedOn: null);
        return s.Finish();
    }

    /// <summary>The steps before 终本: restriction order, list check, inquiry again, applicant heard (法〔2016〕373号, Art. 1).</summary>
    private void ConcludeForNow(CaseScript s)
    {
        Restrict(s);
        foreach (var debtor in s.Respondents.Where(_ => Chance(60)))
        {
            List(s, debtor, PickGround());
        }
        foreach (var person in s.Respondents.Where(p => p.Kind == PartyKind.NaturalPerson && Chance(6)))
        {
            s.Advance(1, 10);
            s.Add(new V1.ExitBanned(s.Day, "X" + (s.State.Sanctions.Count + 1), AsDebtor(person), s.Number));
        }
        if (s.Lapse == DemoLapse.SeizureExpired || Chance(25))
        {
            // An account with next to nothing in it stays frozen after 终本, and must be renewed each year.
            s.Advance(1, 15);
            Seize(s, AssetKind.BankFunds, Math.Min(Between(1, 50_000), Math.Max(1, s.State.Outstanding / 2)));
        }
        if (Chance(5))
        {
            s.Advance(5, 20);
            s.Add(new V1.RewardNoticePublished(s.Day, Math.Max(100_000, s.State.Outstanding / 10 / 100 * 100), "被执行人名下房产、车辆、存款、股权等财产线索"));
        }
        s.Advance(20, 60);
        Inquire(s, hits: 0);
        ConcludeTerminatedForNow(s);
    }

    private void ConcludeTerminatedForNow(CaseScript s)
    {
        // 法〔2016〕373号, Art. 1: not before three months from filing.
        var earliest = s.State.FiledOn.AddMonths(3).AddDays(Between(0, 60));
        s.Day = earliest > s.Day.AddDays(5) ? earliest : s.Day.AddDays(Between(5, 30));
        s.Add(new V1.CaseConcluded(s.Day, ConclusionMethod.TerminatedForNow, s.State.Received, s.State.Outstanding,
            ApplicantInterviewed: true, ListingConsidered: true));
    }

    /// <summary>
    /// After 终本 the court keeps watch until today: an online inquiry every four to six months
    /// (法〔2016〕373号, Art. 9), freezes renewed before their term ends, listings deleted when their
    /// period ends or after two empty inquiries (SPC rules on listing, Art. 10), and everything lifted
    /// once a resumed case has been performed.
    /// </summary>
    private void PostTermination(CaseScript s, DateOnly? performedOn)
    {
        if (!s.State.IsClosed)
        {
            return;
        }
        var inquiryOn = s.Lapse == DemoLapse.NoInquiryAfterTermination ? DateOnly.MaxValue : s.Day.AddDays(Between(100, 170));
        var renewals = s.Lapse != DemoLapse.SeizureExpired;
        DateOnly? liftAllOn = performedOn?.AddDays(Between(1, 3));
        DateOnly? emptyLiftOn = null;
        var empties = 0;
        while (true)
        {
            var renewal = renewals
                ? s.State.Seizures.Values.Where(z => z.IsActive).OrderBy(z => z.TermEnd).ThenBy(z => z.AssetId, StringComparer.Ordinal).FirstOrDefault()
                : null;
            var renewOn = renewal?.TermEnd.AddDays(-10);
            var expiring = s.State.Sanctions.Values.Where(x => x.IsActive && x.Kind == SanctionKind.DishonestList && x.PeriodEnd is not null)
                .OrderBy(x => x.PeriodEnd).ThenBy(x => x.SanctionId, StringComparer.Ordinal).FirstOrDefault();
            var expiryOn = expiring?.PeriodEnd!.Value.AddDays(1);

            var next = Min(inquiryOn, renewOn, expiryOn, emptyLiftOn, liftAllOn);
            if (next > _today)
            {
                return;
            }
            s.Day = next > s.Day ? next : s.Day;
            if (liftAllOn == next)
            {
                LiftAll(s, LiftReason.Performed, repairShare: 60);
                liftAllOn = null;
            }
            else if (emptyLiftOn == next)
            {
                foreach (var listing in s.State.Sanctions.Values.Where(x => x.IsActive && x.Kind == SanctionKind.DishonestList).ToList())
                {
                    s.Add(new V1.SanctionLifted(s.Day, listing.SanctionId, LiftReason.CaseClosed));
                }
                emptyLiftOn = null;
            }
            else if (expiryOn == next)
            {
                s.Add(new V1.SanctionLifted(s.Day, expiring!.SanctionId, LiftReason.PeriodExpired));
            }
            else if (renewOn == next)
            {
                s.Add(new V1.SeizureRenewed(s.Day, renewal!.AssetId, SeizureTerm.LatestEnd(renewal.Kind, renewal.TermEnd)));
            }
            else
            {
                var hits = Chance(70) ? 0 : 1;
                Inquire(s, hits);
                empties += hits == 0 ? 1 : 0;
                if (empties == 2 && s.State.Sanctions.Values.Any(x => x.IsActive && x.Kind == SanctionKind.DishonestList))
                {
                    emptyLiftOn = ChinaCalendar.AddWorkingDays(s.Day, Between(1, 2));
                }
                inquiryOn = s.Day.AddDays(Between(100, 170));
            }
        }
    }

    private IEnumerable<DemoCase> ResumedPair()
    {
        var earlier = Start(DemoCourse.TerminatedForNow, DemoLapse.None, 550, HistoryDays);
        ConcludeForNow(earlier);
        if (earlier.State.Conclusion is not { } ended || ended.On.AddDays(300) > _today)
        {
            PostTermination(earlier, performedOn: null);
            return [earlier.Finish()];
        }
        // A new lead (a flat bought under a relative's name, an inheritance): the applicant applies to resume.
        var filedOn = ended.On.AddDays(Between(60, 240));
        var resumed = Start(DemoCourse.Resumed, DemoLapse.None, _today.DayNumber - filedOn.DayNumber, _today.DayNumber - filedOn.DayNumber,
            like: earlier);
        Auction(resumed);
        if (Chance(60))
        {
            PayVoluntarily(resumed, 1);
        }
        resumed.Advance(3, 20);
        var waived = resumed.State.Outstanding > 0;
        resumed.Add(new V1.CaseConcluded(resumed.Day, ConclusionMethod.Completed, resumed.State.Received, resumed.State.Outstanding));
        CloseOut(resumed, waived ? LiftReason.ApplicantRequest : LiftReason.Performed);
        PostTermination(earlier, resumed.State.IsClosed && !waived ? resumed.Day : null);
        return [earlier.Finish(), resumed.Finish()];
    }

    private DemoCase Terminated(CaseScript s)
    {
        if (Chance(50))
        {
            Restrict(s);
        }
        s.Advance(30, 120);
        s.Add(new V1.CaseConcluded(s.Day, ConclusionMethod.Terminated, s.State.Received, s.State.Outstanding));
        CloseOut(s, LiftReason.CaseClosed);
        return s.Finish();
    }

    private DemoCase Bankruptcy(CaseScript s)
    {
        Restrict(s);
        s.Advance(30, 90);
        s.Add(new V1.CaseSuspended(s.Day, "被执行人不能清偿到期债务，经申请执行人同意移送破产审查"));
        s.Advance(10, 40);
        var court = CourtDirectory.Find(s.Court.Parent ?? s.Court.Code) ?? s.Court;
        s.Add(new V1.TransferredToBankruptcy(s.Day, court.NameZh));
        CloseOut(s, LiftReason.CaseClosed);
        return s.Finish();
    }

    private DemoCase Dismissed(CaseScript s)
    {
        s.Advance(10, 60);
        var method = Chance(50) ? ConclusionMethod.NotEnforced : ConclusionMethod.Cancelled;
        s.Add(new V1.CaseConcluded(s.Day, method, s.State.Received, s.State.Outstanding));
        CloseOut(s, LiftReason.CaseClosed);
        return s.Finish();
    }

    private DemoCase StillOpen(CaseScript s)
    {
        if (Chance(15))
        {
            s.Advance(5, 30);
            s.Add(new V1.CaseSuspended(s.Day, Chance(50) ? "案外人对执行标的提出书面异议" : "申请执行人申请暂缓执行"));
            if (Chance(50))
            {
                s.Advance(20, 60);
                s.Add(new V1.CaseResumed(s.Day, "中止执行的情形消失"));
            }
            else
            {
                return s.Finish();
            }
        }
        // The course it is on; the clock stops most of these before they end.
        return _random.Next(3) switch
        {
            0 => Performed(s, fully: true),
            1 => Settled(s),
            _ => TerminatedForNow(s),
        };
    }

    // ---------------------------------------------------------------- steps

    private static void Restrict(CaseScript s)
    {
        foreach (var debtor in s.Respondents)
        {
            if (s.State.Sanctions.Values.Any(x => x.IsActive && x.Kind == SanctionKind.ConsumptionRestriction && x.Debtor.IdNumber == debtor.IdNumber))
            {
                continue;
            }
            s.Advance(1, 10);
            // 限制消费令 carries the case number as its document number.
            s.Add(new V1.ConsumptionRestricted(s.Day, "R" + (s.State.Sanctions.Count + 1), AsDebtor(debtor), s.Number));
        }
    }

    private static void List(CaseScript s, Party debtor, ListingGround ground)
    {
        if (s.State.Sanctions.Values.Any(x => x.IsActive && x.Kind == SanctionKind.DishonestList && x.Debtor.IdNumber == debtor.IdNumber))
        {
            return;
        }
        s.Advance(1, 10);
        // SPC rules on listing, Art. 2: grounds (2)–(6) list for two years; ground (1) runs until performance.
        DateOnly? periodEnd = ground == ListingGround.RefusesDespiteAbility ? null : s.Day.AddYears(2);
        s.Add(new V1.DebtorListed(s.Day, "L" + (s.State.Sanctions.Count + 1), AsDebtor(debtor), ground, s.Number, periodEnd,
            $"给付申请执行人{Labels.Yuan(s.State.AmountClaimed)}及迟延履行期间的债务利息", Performance.NotPerformed));
    }

    private ListingGround PickGround() => _random.Next(100) switch
    {
        < 40 => ListingGround.ViolatesPropertyReporting,
        < 70 => ListingGround.RefusesDespiteAbility,
        < 82 => ListingGround.ViolatesConsumptionRestriction,
        < 92 => ListingGround.EvadesEnforcement,
        _ => ListingGround.ObstructsEnforcement,
    };

    private static void Inquire(CaseScript s, int hits)
    {
        var results = Channels.Select(c => new ChannelResult(c, hits > 0 && c == InquiryChannel.Bank ? hits : 0)).ToList();
        s.Add(new V1.PropertyInquiryCompleted(s.Day, results));
    }

    private string Seize(CaseScript s, AssetKind kind, long value)
    {
        var assetId = "A" + (s.State.Seizures.Count + 1);
        var description = kind switch
        {
            AssetKind.BankFunds => $"{DemoNames.BankShortName(_random)}账户（尾号{Between(0, 9999):D4}）内存款",
            AssetKind.RealEstate => $"位于{DemoNames.City(s.Court)}市{DemoNames.Locality(s.Court)}的住宅一套，建筑面积{Between(55, 160)}平方米（不动产权证号已隐去）",
            AssetKind.Vehicle => $"{s.Court.Province.CourtAbbreviation}{(char)('A' + _random.Next(12))}****{Between(0, 9)}号小型轿车",
            AssetKind.Equity => $"被执行人持有的{DemoNames.Company(_random, s.Court)}{Between(5, 60)}%股权",
            _ => "被执行人名下动产",
        };
        // SPC Interpretation of the Civil Procedure Law, Art. 485: seized for the longest lawful term.
        s.Add(new V1.AssetSeized(s.Day, assetId, kind, description, value, SeizureTerm.LatestEnd(kind, s.Day)));
        return assetId;
    }

    /// <summary>Freezes an account and deducts from it (划扣); the freeze is then lifted.</summary>
    private void FreezeAndDeduct(CaseScript s)
    {
        s.Advance(2, 20);
        var amount = Math.Max(100, s.State.Outstanding * Between(30, 100) / 100);
        var assetId = Seize(s, AssetKind.BankFunds, amount);
        s.Advance(3, 20);
        Receive(s, amount, lift: assetId);
    }

    /// <summary>Seize, value, auction (once more after a failed round, at a lower price), sell, receive, pay out.</summary>
    private void Auction(CaseScript s)
    {
        var outstanding = s.State.Outstanding;
        // Valued at most 1.45 times what is owed: seizing well above the debt is an oversight flag.
        var cap = outstanding * 145 / 100;
        var kind = _random.Next(10) switch
        {
            < 6 => AssetKind.RealEstate,
            < 9 => AssetKind.Vehicle,
            _ => AssetKind.Equity,
        };
        s.Advance(5, 30);
        var assetId = Seize(s, kind, Math.Min(cap, outstanding * Between(60, 140) / 100));
        s.Advance(20, 60);
        var price = Math.Min(cap, outstanding * Between(60, 140) / 100);
        s.Add(new V1.AssetValued(s.Day, assetId, price));
        s.Advance(10, 40);
        var starting = price * 70 / 100;
        s.Add(new V1.AuctionListed(s.Day, assetId, starting));
        if (Chance(35))
        {
            s.Advance(30, 35);
            s.Add(new V1.AuctionFailed(s.Day, assetId, starting));
            s.Advance(15, 30);
            starting = starting * 80 / 100;
            s.Add(new V1.AuctionListed(s.Day, assetId, starting));
        }
        s.Advance(30, 35);
        var sold = starting * Between(100, 130) / 100;
        s.Add(new V1.AuctionSold(s.Day, assetId, sold));
        s.Advance(5, 25);
        // What the sale brings beyond the debt goes back to the debtor, not into the case.
        Receive(s, Math.Min(sold, s.State.Outstanding));
    }

    private void PayVoluntarily(CaseScript s, int instalments, int fraction = 100)
    {
        var total = s.State.Outstanding * fraction / 100;
        for (var i = 0; i < instalments && total > 0; i++)
        {
            s.Advance(5, 45);
            var amount = i == instalments - 1 ? total : total / (instalments - i);
            if (amount <= 0)
            {
                continue;
            }
            Receive(s, amount);
            total -= amount;
        }
    }

    /// <summary>Money comes in and, unless the case is the lapse, goes out to the applicant within the 30 days.</summary>
    private void Receive(CaseScript s, long amount, string? lift = null)
    {
        if (amount <= 0 || !s.Add(new V1.FundsReceived(s.Day, amount)))
        {
            return;
        }
        if (lift is not null)
        {
            s.Add(new V1.SeizureLifted(s.Day, lift, "已扣划，解除冻结"));
        }
        if (s.State.Outstanding == 0)
        {
            // Paid in full is a deletion ground (SPC rules on listing, Art. 10(1)): delete within 3 working days.
            s.Day = ChinaCalendar.AddWorkingDays(s.Day, Between(0, 1));
            LiftAll(s, s.PerformedReason, repairShare: 50);
        }
        s.Advance(3, 25);
        s.Add(new V1.FundsDisbursed(s.Day, s.State.Received - s.State.Disbursed));
    }

    /// <summary>After conclusion: every sanction lifted within the 3 working days, seizures released, listings sometimes repaired.</summary>
    private void CloseOut(CaseScript s, LiftReason reason)
    {
        if (!s.State.IsClosed)
        {
            return;
        }
        s.Day = ChinaCalendar.AddWorkingDays(s.Day, Between(0, 2));
        LiftAll(s, reason, repairShare: 50);
    }

    private void LiftAll(CaseScript s, LiftReason reason, int repairShare)
    {
        foreach (var seizure in s.State.Seizures.Values.Where(z => z.IsActive).OrderBy(z => z.AssetId, StringComparer.Ordinal).ToList())
        {
            s.Add(new V1.SeizureLifted(s.Day, seizure.AssetId, "案件执行完毕，解除查封"));
        }
        foreach (var sanction in s.State.Sanctions.Values.Where(x => x.IsActive).OrderBy(x => x.SanctionId, StringComparer.Ordinal).ToList())
        {
            if (s.Lapse == DemoLapse.ListingNotDeleted && sanction.Kind == SanctionKind.DishonestList)
            {
                continue;
            }
            s.Add(new V1.SanctionLifted(s.Day, sanction.SanctionId, reason));
            if (sanction.Kind == SanctionKind.DishonestList && Chance(repairShare))
            {
                var year = s.Day.Year;
                var key = (s.Court.Code.ToString(), year);
                var n = _repairNotices.GetValueOrDefault(key) + 1;
                _repairNotices[key] = n;
                s.Add(new V1.CreditRepaired(s.Day, sanction.SanctionId, $"{s.Court.Code}信修〔{year}〕{n}号"));
            }
        }
    }

    // ---------------------------------------------------------------- the filing

    private CaseScript Start(DemoCourse course, DemoLapse lapse, int minDaysAgo, int maxDaysAgo, bool organisationDebtor = false,
        CaseScript? like = null)
    {
        var filedOn = _today.AddDays(-Between(minDaysAgo, maxDaysAgo));
        var court = like?.Court ?? PickCourt();
        var type = like is null ? EnforcementType.First : EnforcementType.Resumed;
        var number = NextNumber(court, filedOn.Year, type);
        List<Party> parties;
        BasisDocument basis;
        long claimed;
        var nonLitigation = false;
        if (like is not null)
        {
            parties = [.. like.State.Parties];
            basis = like.Basis;
            claimed = like.State.Conclusion?.UnperformedAmount is > 0 and var left ? left : like.State.AmountClaimed;
        }
        else
        {
            parties = [.. Applicants(court), .. Respondents(court, filedOn, organisationDebtor)];
            nonLitigation = Chance(5);
            (basis, claimed) = Basis(court, filedOn, nonLitigation);
        }

        var s = new CaseScript(_today, number, court, basis, course, lapse) { Day = filedOn, Rng = _random };
        s.Add(new V1.CaseFiled(filedOn, number, court.Code.ToString(), parties, basis, claimed, nonLitigation, like?.Number));
        var (officer, officerId) = Officer(court);
        s.Advance(0, 6);
        s.Add(new V1.OfficerAssigned(s.Day, officer, officerId));
        s.Advance(0, 3);
        s.Add(new V1.EnforcementNoticeServed(s.Day));
        s.Advance(1, 15);
        Inquire(s, hits: like is null ? (Chance(40) ? Between(1, 3) : 0) : 1);
        return s;
    }

    private IEnumerable<Party> Applicants(Court court)
    {
        var count = Chance(85) ? 1 : 2;
        for (var i = 0; i < count; i++)
        {
            yield return _random.Next(100) switch
            {
                < 20 => new Party(PartyKind.Organisation, PartyRole.Applicant, DemoNames.BankBranch(_random, court),
                    IdentifierGenerator.UnifiedSocialCreditCode(_random).Value),
                < 50 => new Party(PartyKind.Organisation, PartyRole.Applicant, DemoNames.Company(_random, court),
                    IdentifierGenerator.UnifiedSocialCreditCode(_random).Value),
                _ => new Party(PartyKind.NaturalPerson, PartyRole.Applicant, DemoNames.Person(_random), PersonId(_today)),
            };
        }
    }

    private IEnumerable<Party> Respondents(Court court, DateOnly filedOn, bool organisationFirst)
    {
        var count = _random.Next(100) switch
        {
            < 70 => 1,
            < 95 => 2,
            _ => 3,
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            Party party;
            if (!organisationFirst && _recentDebtorCount > 0 && Chance(5))
            {
                party = _recentDebtors[_random.Next(Math.Min(_recentDebtorCount, _recentDebtors.Length))]!;
            }
            else if ((organisationFirst && i == 0) || Chance(35))
            {
                party = new Party(PartyKind.Organisation, PartyRole.Respondent, DemoNames.Company(_random, court),
                    IdentifierGenerator.UnifiedSocialCreditCode(_random).Value);
            }
            else
            {
                party = new Party(PartyKind.NaturalPerson, PartyRole.Respondent, DemoNames.Person(_random), PersonId(filedOn));
            }
            if (!seen.Add(party.IdNumber))
            {
                continue;
            }
            _recentDebtors[_recentDebtorCount++ % _recentDebtors.Length] = party;
            yield return party;
        }
    }

    /// <summary>An adult's resident ID: born 1950 up to 20 years before <paramref name="asOf"/>.</summary>
    private string PersonId(DateOnly asOf)
    {
        var earliest = new DateOnly(1950, 1, 1);
        var latest = asOf.AddYears(-20);
        var birth = earliest.AddDays(_random.Next(latest.DayNumber - earliest.DayNumber));
        return IdentifierGenerator.ResidentId(_random, birth).RevealFullNumber();
    }

    /// <summary>执行依据 and the amount it orders: mostly civil judgments and mediation, some arbitral awards and notarised deeds.</summary>
    private (BasisDocument, long) Basis(Court court, DateOnly filedOn, bool nonLitigation)
    {
        var year = filedOn.AddDays(-Between(60, 500)).Year;
        // Log-uniform from 3,000 to 3,000,000 yuan: many small debts, a long tail of large ones.
        var yuan = Math.Exp(Math.Log(3_000) + (_random.NextDouble() * (Math.Log(3_000_000) - Math.Log(3_000))));
        if (court.Level != CourtLevel.Basic)
        {
            yuan *= 10;
        }
        var claimed = (long)(yuan * 100) / 100 * 100 + _random.Next(100);
        var city = DemoNames.City(court);
        if (nonLitigation)
        {
            return (new BasisDocument($"{city[..1]}市监罚〔{year}〕{Between(1, 999)}号", $"{city}市市场监督管理局"), claimed / 20 + 100);
        }
        var document = _random.Next(100) switch
        {
            < 60 => new BasisDocument($"（{year}）{court.Code}民初{Between(100, 20000)}号", court.NameZh),
            < 75 => new BasisDocument($"（{year}）{court.Code}民调{Between(10, 3000)}号", court.NameZh),
            < 85 => new BasisDocument($"（{year}）{city[..1]}仲案字第{Between(1, 2000)}号", $"{city}仲裁委员会"),
            < 92 => new BasisDocument($"（{year}）{court.Province.CourtAbbreviation}{city[..1]}证执字第{Between(1, 999)}号", $"{court.Province.NameZh}{city}公证处"),
            _ => new BasisDocument($"（{year}）{court.Code}民终{Between(10, 3000)}号", court.NameZh),
        };
        return (document, claimed);
    }

    private string NextNumber(Court court, int year, EnforcementType type)
    {
        var key = (court.Code.ToString(), year, type);
        var next = _sequences.TryGetValue(key, out var last) ? last + Between(1, 3) : Between(1, 200);
        _sequences[key] = next;
        return CaseNumber.Create(year, court.Code, type, next).ToString();
    }

    /// <summary>Each court has a dozen officers, the same ones across its cases.</summary>
    private (string Name, string Id) Officer(Court court)
    {
        var index = _random.Next(12);
        var key = (court.Code.ToString(), index);
        if (!_officers.TryGetValue(key, out var officer))
        {
            // Seeded by the court and the officer's number alone, so an officer keeps the name whatever the seed.
            var named = new Random((int.Parse(court.DivisionCode, System.Globalization.CultureInfo.InvariantCulture) * 16) + index);
            officer = (DemoNames.Person(named), $"{court.Code}-J{index + 1:D2}");
            _officers[key] = officer;
        }
        return officer;
    }

    private Court PickCourt()
    {
        var pick = _random.Next(_courtWeightTotal);
        for (var i = 0; i < _courts.Length; i++)
        {
            if (pick < _courtWeights[i])
            {
                return _courts[i];
            }
            pick -= _courtWeights[i];
        }
        return _courts[^1];
    }

    private T Pick<T>((T Value, int Weight)[] table)
    {
        var pick = _random.Next(table.Sum(t => t.Weight));
        foreach (var (value, weight) in table)
        {
            if (pick < weight)
            {
                return value;
            }
            pick -= weight;
        }
        return table[^1].Value;
    }

    private static Debtor AsDebtor(Party p) => new(p.Kind, p.Name, p.IdNumber);

    private bool Chance(int percent) => _random.Next(100) < percent;

    private int Between(int min, int max) => min >= max ? min : _random.Next(min, max + 1);

    private static DateOnly Min(params DateOnly?[] days) => days.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(DateOnly.MaxValue).Min();

    /// <summary>One case being written: its state as the decider sees it, and a clock that stops at today.</summary>
    private sealed class CaseScript(DateOnly today, string number, Court court, BasisDocument basis, DemoCourse course, DemoLapse lapse)
    {
        private readonly List<ICaseEvent> _events = [];
        private Random? _random;

        public string Number { get; } = number;
        public Court Court { get; } = court;
        public BasisDocument Basis { get; } = basis;
        public DemoLapse Lapse { get; } = lapse;
        public CaseState State { get; private set; } = CaseState.Initial;
        public DateOnly Day { get; set; }

        /// <summary>When the clock stops an open case past its period, an approved extension is on record (unless that is the lapse).</summary>
        public bool AutoExtend { get; set; } = true;

        /// <summary>Why sanctions are lifted once the claim is paid.</summary>
        public LiftReason PerformedReason { get; set; } = LiftReason.Performed;

        /// <summary>The next event would be after today: nothing more happens to this case.</summary>
        public bool Stopped { get; private set; }

        public IReadOnlyList<Party> Respondents => [.. State.Parties.Where(p => p.Role == PartyRole.Respondent)];

        public void Advance(int minDays, int maxDays) => Day = Day.AddDays(minDays >= maxDays ? minDays : Rng.Next(minDays, maxDays + 1));

        // Steps draw from the generator's sequence through Advance; bound by the generator when the script starts.
        public Random Rng
        {
            get => _random ?? throw new InvalidOperationException("no random source");
            set => _random = value;
        }

        /// <summary>Decides and applies the event; false (and the case stops) when it would be after today.</summary>
        public bool Add(ICaseEvent e)
        {
            if (Stopped || e.On > today)
            {
                Stopped = true;
                return false;
            }
            var decision = CaseDecider.Decide(State, e, today);
            if (!decision.IsAccepted)
            {
                throw new InvalidOperationException(
                    $"demo data broke a rule: {e.GetType().Name} on {e.On} for {Number}: {decision.BrokenRule} ({decision.Detail})");
            }
            State = decision.State;
            _events.Add(e);
            return true;
        }

        public DemoCase Finish()
        {
            var lastDay = _events[^1].On;
            if (AutoExtend && !State.IsClosed && State.Stage != CaseStage.Suspended && State.Deadline < today)
            {
                // 法发〔2006〕35号, Art. 1: the president may approve a longer period; the clock runs from there.
                var on = State.Deadline.AddDays(-7) > lastDay ? State.Deadline.AddDays(-7) : lastDay;
                var e = new V1.PeriodExtended(on, today.AddDays(Rng.Next(30, 120)), "经本院院长批准延长执行期限");
                Stopped = false;
                Add(e);
            }
            return new DemoCase(Number, Court.Code.ToString(), course, Lapse, _events);
        }
    }
}
