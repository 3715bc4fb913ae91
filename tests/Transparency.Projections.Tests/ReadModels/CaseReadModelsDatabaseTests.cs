using Transparency.EventStore;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.ChangeFeed;
using Transparency.Projections.Debtors;
using Transparency.Projections.Oversight;
using Transparency.Projections.ReadModels;
using Transparency.Projections.Sanctions;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.ReadModels;

/// <summary>
/// The read models on the real PostgreSQL: events decided and appended through the store, projected
/// inline, then read the way the API reads them.
/// </summary>
public sealed class CaseReadModelsDatabaseTests(ReadModelsDatabase db) : IClassFixture<ReadModelsDatabase>
{
    private const string Schema = "rm_cases";

    private PostgresEventStore Store(bool inline = true) => new(db.DataSource, new EventTypeRegistry().AddCaseEvents(),
        new EventStoreOptions(inline ? [new CaseReadModelsProjection(Masker)] : null, Notify: false));

    private static V1.CaseFiled FilingNumbered(int sequence, long claimed = 100_000_00) =>
        Filing(claimed) with { CaseNumber = $"（2024）川0104执{sequence}号" };

    private static async Task<string> AppendAsync(CaseStreams streams, string number, params ICaseEvent[] events)
    {
        var outcome = await streams.AppendAsync(number, events);
        Assert.True(outcome.IsAccepted, outcome.Decision.BrokenRule?.ToString());
        return number;
    }

    [Fact]
    public async Task The_next_event_reads_the_stored_state_with_its_lists_from_case_progress_and_refuses_to_fold_without_them()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var number = await AppendAsync(streams, "（2024）川0104执131号", FilingNumbered(131), new V1.OfficerAssigned(Day(2), "王法官", "J-17"));
        // The stored state leaves out what case_progress holds in the same shape.
        var state = (string)(await db.RowsAsync($"select convert_from(state, 'UTF8') as s from {Schema}.public_cases where case_number = $1", number))[0]["s"]!;
        Assert.DoesNotContain("\"timeline\"", state, StringComparison.Ordinal);
        Assert.DoesNotContain("\"parties\"", state, StringComparison.Ordinal);

        await AppendAsync(streams, number, new V1.EnforcementNoticeServed(Day(3)));
        var progress = Assert.Single(await db.RowsAsync($"select timeline::text as t, parties::text as p from {Schema}.case_progress where case_number = $1", number));
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse((string)progress["t"]!).RootElement.GetArrayLength());
        Assert.Contains("张**", (string)progress["p"]!, StringComparison.Ordinal);

        await db.ScalarAsync<long>($"with d as (delete from {Schema}.case_progress where case_number = $1 returning 1) select count(*) from d", number);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => streams.AppendAsync(number, [new V1.EnforcementNoticeServed(Day(4))]));
        Assert.Contains("rebuild projection 'cases'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3L, await db.ScalarAsync<long>($"select version from {Schema}.public_cases where case_number = $1", number));
    }

    [Fact]
    public async Task A_case_page_shows_progress_amounts_and_masked_parties()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var number = await AppendAsync(streams, "（2024）川0104执101号", FilingNumbered(101), new V1.OfficerAssigned(Day(2), "王法官", "J-17"),
            new V1.EnforcementNoticeServed(Day(3)));
        await AppendAsync(streams, number,
            new V1.AssetSeized(Day(12), "A1", AssetKind.RealEstate, "锦江区某路**号房产", 80_000_00, Day(12).AddYears(3)),
            new V1.FundsReceived(Day(40), 30_000_00), new V1.FundsDisbursed(Day(45), 30_000_00));

        var row = Assert.Single(await db.RowsAsync($"select * from {Schema}.case_progress_now where case_number = $1", number));
        Assert.Equal("Enforcing", row["stage"]);
        Assert.Equal((100_000_00L, 30_000_00L, 30_000_00L, 70_000_00L, 80_000_00L),
            ((long)row["amount_claimed"]!, (long)row["received"]!, (long)row["disbursed"]!, (long)row["outstanding"]!, (long)row["active_seized_value"]!));
        Assert.Equal(ChinaToday().DayNumber - FiledOn.DayNumber, (int)row["days_since_filing"]!);
        // Filed in March 2024 and still open: the six months are long past.
        Assert.Equal("Overdue", row["deadline_status"]);
        Assert.Contains("\"name\":\"张**\"", (string)row["parties"]!, StringComparison.Ordinal);
        Assert.Contains(PersonIdMasked, (string)row["parties"]!, StringComparison.Ordinal);
        Assert.Contains("锦江区某路**号房产", (string)row["active_seizures"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_page_is_read_back_with_todays_status()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var recent = ChinaToday().AddDays(-10);
        var number = await AppendAsync(streams, "（2026）川0104执109号",
            Filing() with { CaseNumber = "（2026）川0104执109号", On = recent }, new V1.CaseSuspended(recent.AddDays(1), "执行异议"));

        var page = await CaseProgressQueries.FindAsync(db.DataSource, number);

        Assert.NotNull(page);
        Assert.Equal((10, DeadlineStatus.Suspended, CaseStage.Suspended), (page.DaysSinceFiling, page.DeadlineStatus, page.Progress.Stage));
        Assert.Equal(["case.filed", "case.suspended"], page.Progress.Timeline.Select(t => t.Milestone));
        Assert.Equal("张**", page.Progress.Parties.Single(p => p.PublicId == PersonIdMasked).Name);
        Assert.Null(await CaseProgressQueries.FindAsync(db.DataSource, "（2026）川0104执999999号"));
    }

    [Fact]
    public async Task A_debtor_profile_gathers_cases_and_sanctions_across_courts()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var chengdu = await AppendAsync(streams, "（2024）川0104执110号", FilingNumbered(110),
            new V1.DebtorListed(Day(30), "S1", Person, ListingGround.ViolatesPropertyReporting, "D1", Day(30).AddYears(2), "支付", Performance.NotPerformed));
        var zhengzhou = await AppendAsync(streams, "（2024）豫0102执111号",
            Filing(claimed: 20_000_00) with { CaseNumber = "（2024）豫0102执111号", CourtCode = "豫0102" });
        var key = Masker.Identify(PartyKind.NaturalPerson, PersonId).DebtorKey;

        var profile = await DebtorQueries.ProfileAsync(db.DataSource, key);

        Assert.NotNull(profile);
        Assert.Contains(chengdu, profile.Cases.Select(c => c.CaseNumber));
        Assert.Contains(zhengzhou, profile.Cases.Select(c => c.CaseNumber));
        Assert.True(profile.Summary.Courts >= 2);
        Assert.Equal("张三丰", profile.Summary.Name); // on the public list now, so named in full
        Assert.Equal(PersonIdMasked, profile.Summary.PublicId);
        Assert.Contains(profile.Sanctions, e => e.SanctionId == "S1" && e.CaseNumber == chengdu);
        Assert.DoesNotContain(PersonId, System.Text.Json.JsonSerializer.Serialize(profile.Summary, ReadModelJsonContext.Default.DebtorSummary),
            StringComparison.Ordinal);

        var found = await DebtorQueries.FindAsync(db.DataSource, PersonIdMasked, "张三丰");
        Assert.Equal([key], found.Select(d => d.DebtorKey));
        Assert.Empty(await DebtorQueries.FindAsync(db.DataSource, PersonIdMasked, "王五"));
        Assert.Equal(["org:91410100MA4456706A"], (await DebtorQueries.FindAsync(db.DataSource, "91410100MA4456706A")).Select(d => d.DebtorKey));
    }

    [Fact]
    public async Task The_public_list_pages_newest_first_without_exit_bans()
    {
        // 豫0103 (Zhengzhou Erqi) is used by no other test of this class.
        var streams = new CaseStreams(Store(), TimeProvider.System);
        for (var i = 1; i <= 3; i++)
        {
            var number = $"（2024）豫0103执{i}号";
            await AppendAsync(streams, number, Filing() with { CaseNumber = number, CourtCode = "豫0103" },
                new V1.DebtorListed(Day(10 * i), "S1", Firm, ListingGround.ViolatesPropertyReporting, "D", Day(10 * i).AddYears(2), "支付", Performance.NotPerformed),
                new V1.ExitBanned(Day(10 * i), "X1", Person, "D"));
        }
        await AppendAsync(streams, "（2024）豫0103执1号", new V1.SanctionLifted(Day(50), "S1", LiftReason.Performed));
        var filter = new SanctionFilter(CourtCode: "豫0103");

        var first = await SanctionPages.PageAsync(db.DataSource, 2, null, filter);
        Assert.Equal(["（2024）豫0103执3号", "（2024）豫0103执2号"], first.Entries.Select(e => e.CaseNumber));
        Assert.True(first.HasNextPage);
        Assert.True(SanctionCursor.TryParse(first.EndCursor.ToString(), out var cursor));

        var second = await SanctionPages.PageAsync(db.DataSource, 2, cursor, filter);
        Assert.Equal(["（2024）豫0103执1号"], second.Entries.Select(e => e.CaseNumber));
        Assert.False(second.HasNextPage);

        var active = await SanctionPages.PageAsync(db.DataSource, 10, null, filter with { ActiveOnly = true, Kind = SanctionKind.DishonestList });
        Assert.Equal(2, active.Entries.Count);
        Assert.All(active.Entries, e => Assert.True(e.IsPublic));
    }

    [Fact]
    public async Task A_credit_check_answers_for_the_day_asked_and_shows_repairs()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var number = await AppendAsync(streams, "（2024）豫0105执20号", Filing() with { CaseNumber = "（2024）豫0105执20号", CourtCode = "豫0105" },
            new V1.DebtorListed(Day(10), "S1", Person, ListingGround.ViolatesPropertyReporting, "D", Day(10).AddYears(2), "支付", Performance.NotPerformed),
            new V1.FundsReceived(Day(30), 100_000_00),
            new V1.SanctionLifted(Day(31), "S1", LiftReason.Performed),
            new V1.CreditRepaired(Day(32), "S1", "豫0105修1号"));
        var key = Masker.Identify(PartyKind.NaturalPerson, PersonId).DebtorKey;

        var listed = await CreditChecks.CheckAsync(db.DataSource, key, Day(20));
        Assert.True(listed.IsListed);
        Assert.Contains(listed.InForce, e => e.CaseNumber == number);
        Assert.DoesNotContain(listed.Repairs, r => r.CaseNumber == number);

        var repaired = await CreditChecks.CheckAsync(db.DataSource, key, Day(40));
        Assert.DoesNotContain(repaired.InForce, e => e.CaseNumber == number);
        Assert.Equal("豫0105修1号", Assert.Single(repaired.Repairs, r => r.CaseNumber == number).NoticeNumber);
    }

    private static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_rejected_milestone_appends_nothing_and_names_the_rule()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var number = await AppendAsync(streams, "（2024）川0104执102号", FilingNumbered(102));

        var outcome = await streams.AppendAsync(number, [new V1.FundsReceived(Day(5), 100), new V1.SeizureLifted(Day(6), "NOPE", "x")]);

        Assert.False(outcome.IsAccepted);
        Assert.Equal("seizure.not_found", outcome.Decision.BrokenRule!.Code);
        Assert.Null(outcome.Appended);
        Assert.Equal(1L, (await streams.LoadAsync(number)).Version);
        Assert.Equal(0L, await db.ScalarAsync<long>($"select received from {Schema}.case_progress where case_number = $1", number));
    }

    [Fact]
    public async Task No_table_of_the_read_models_holds_a_full_resident_id()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var number = await AppendAsync(streams, "（2024）川0104执103号", [.. Started().Skip(1).Prepend(FilingNumbered(103))]);
        await AppendAsync(streams, number,
            new V1.DebtorListed(Day(30), "S1", Person, ListingGround.ViolatesPropertyReporting, "D1", Day(30).AddYears(2), "支付", Performance.NotPerformed),
            new V1.ConsumptionRestricted(Day(30), "R1", Person, "D2"),
            new V1.ExitBanned(Day(31), "X1", Person, "D3"),
            new V1.FundsReceived(Day(40), 100_000_00),
            new V1.SanctionLifted(Day(41), "S1", LiftReason.Performed),
            new V1.CreditRepaired(Day(42), "S1", "修复1号"));

        var tables = await db.RowsAsync("select table_name from information_schema.tables where table_schema = $1", Schema);
        Assert.True(tables.Count >= 9, "every read model table and view is checked");
        foreach (var table in tables.Select(t => (string)t["table_name"]!))
        {
            var rows = await db.ScalarAsync<long>($"select count(*) from {Schema}.\"{table}\" x where x::text like '%' || $1 || '%'", PersonId);
            Assert.True(rows == 0, $"{table} holds a full resident ID");
        }
        var notice = Assert.Single(await db.RowsAsync($"select * from {Schema}.repair_notices where case_number = $1", number));
        Assert.Equal(("修复1号", "张**", PersonIdMasked, "Performed", Day(30)),
            ((string)notice["notice_number"]!, (string)notice["debtor_name"]!, (string)notice["debtor_public_id"]!, (string)notice["lift_reason"]!,
             (DateOnly)notice["listed_on"]!));
        // The exit ban is kept for the parties but is not in the public list.
        var published = await db.RowsAsync($"select sanction_id, debtor_name from {Schema}.public_sanction_entries where case_number = $1 order by sanction_id", number);
        Assert.Equal([("R1", "张三丰"), ("S1", "张**")], published.Select(r => ((string)r["sanction_id"]!, (string)r["debtor_name"]!)));
        Assert.Equal(3L, await db.ScalarAsync<long>(
            $"select count(*) from {Schema}.sanction_entries where case_number = $1 and debtor_public_id = $2", number, PersonIdMasked));
    }

    [Fact]
    public async Task Was_a_debtor_listed_on_a_day_is_answered_for_before_between_and_after()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var listed = new DateOnly(2024, 4, 1);
        var lifted = new DateOnly(2024, 6, 1);
        var relisted = new DateOnly(2024, 9, 1);
        var number = await AppendAsync(streams, "（2024）川0104执104号", FilingNumbered(104),
            new V1.DebtorListed(listed, "S1", Firm, ListingGround.ViolatesPropertyReporting, "D1", listed.AddYears(2), "支付", Performance.NotPerformed));
        await AppendAsync(streams, number, new V1.SanctionLifted(lifted, "S1", LiftReason.ErrorCorrected));
        await AppendAsync(streams, number,
            new V1.DebtorListed(relisted, "S2", Firm, ListingGround.ViolatesConsumptionRestriction, "D2", relisted.AddYears(2), "支付", Performance.NotPerformed));

        const string key = "org:91410100MA4456706A";
        // Other tests of this class list the same firm in other cases; this one asks about its own.
        async Task<string[]> On(DateOnly d) =>
            (await SanctionQueries.InForceOnAsync(db.DataSource, key, d)).Where(e => e.CaseNumber == number).Select(e => e.SanctionId).ToArray();

        Assert.Empty(await On(listed.AddDays(-1)));
        Assert.Equal(["S1"], await On(listed));
        Assert.Equal(["S1"], await On(lifted.AddDays(-1)));
        Assert.Empty(await On(lifted));
        Assert.Empty(await On(relisted.AddDays(-1)));
        Assert.Equal(["S2"], await On(relisted));

        var history = (await SanctionQueries.HistoryAsync(db.DataSource, key)).Where(e => e.CaseNumber == number).ToList();
        Assert.Equal(["S1", "S2"], history.Select(e => e.SanctionId));
        Assert.Equal(("郑州某某贸易有限公司", (DateOnly?)lifted, (LiftReason?)LiftReason.ErrorCorrected),
            (history[0].DebtorName, history[0].LiftedOn, history[0].LiftReason));
        Assert.Equal(["imposed", "lifted"], history[0].History.Select(h => h.Change));
    }

    [Fact]
    public async Task Oversight_flags_appear_from_their_due_day_without_a_new_event()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var termEnd = new DateOnly(2025, 3, 13);
        var number = await AppendAsync(streams, "（2024）川0104执105号", FilingNumbered(105),
            new V1.AssetSeized(new DateOnly(2024, 3, 13), "B1", AssetKind.BankFunds, "某银行账户", 1_000_00, termEnd));

        async Task<string[]> FlagsOn(DateOnly d) =>
            (await OversightQueries.RaisedOnAsync(db.DataSource, d)).Where(r => r.CaseNumber == number).Select(r => r.Flag + ":" + r.Subject).ToArray();

        Assert.Empty(await FlagsOn(FiledOn.AddMonths(6)));
        Assert.Equal(["period_exceeded:"], await FlagsOn(FiledOn.AddMonths(6).AddDays(1)));
        Assert.Equal(["period_exceeded:", "seizure_expired:B1"], await FlagsOn(termEnd.AddDays(1)));

        // The view compares with today's date in China: both dates are long past.
        var today = await db.RowsAsync($"select flag from {Schema}.oversight_flags where case_number = $1 order by flag", number);
        Assert.Equal(["period_exceeded", "seizure_expired"], today.Select(r => (string)r["flag"]!));

        await AppendAsync(streams, number, new V1.SeizureLifted(termEnd, "B1", "期满解除"));
        Assert.Equal(["period_exceeded:"], await FlagsOn(termEnd.AddDays(1)));
    }

    [Fact]
    public async Task The_change_feed_lists_public_changes_in_store_order_with_the_event_position_as_cursor()
    {
        var store = Store();
        var streams = new CaseStreams(store, TimeProvider.System);
        var number = await AppendAsync(streams, "（2024）川0104执106号", FilingNumbered(106), new V1.ExitBanned(Day(5), "X1", Firm, "D3"));
        await AppendAsync(streams, number, new V1.FundsReceived(Day(6), 5_00));

        var changes = (await ChangeFeedQueries.AfterAsync(db.DataSource, GlobalPosition.Start, 10_000)).Where(c => c.CaseNumber == number).ToList();
        Assert.Equal(["case.filed", "case.funds_received"], changes.Select(c => c.Milestone));
        Assert.Equal("执行款到位 ¥5.00", changes[1].Summary);

        var events = await store.ReadStreamAsync(CaseStreams.StreamId(number));
        Assert.Equal([events[0].Position, events[2].Position], changes.Select(c => c.Position));
        Assert.True(GlobalPosition.TryParse(changes[0].Cursor, out var cursor));
        Assert.Equal(["case.funds_received"], (await ChangeFeedQueries.AfterAsync(db.DataSource, cursor, 10_000))
            .Where(c => c.CaseNumber == number).Select(c => c.Milestone));
    }

    [Fact]
    public async Task Court_statistics_count_filings_conclusions_and_money_per_month()
    {
        var streams = new CaseStreams(Store(), TimeProvider.System);
        var court = "川0104";
        await AppendAsync(streams, "（2023）川0104执107号", Filing() with { CaseNumber = "（2023）川0104执107号", On = new DateOnly(2023, 5, 10) },
            new V1.FundsReceived(new DateOnly(2023, 6, 2), 100_000_00),
            new V1.FundsDisbursed(new DateOnly(2023, 6, 20), 60_000_00),
            new V1.CaseConcluded(new DateOnly(2023, 6, 30), ConclusionMethod.Completed, 100_000_00, 0));

        var june = Assert.Single(await db.RowsAsync(
            $"select * from {Schema}.court_statistics where court_code = $1 and month = $2", court, new DateOnly(2023, 6, 1)));
        Assert.Equal((0L, 1L, 1L, 100_000_00L, 60_000_00L),
            ((long)june["filed"]!, (long)june["concluded"]!, (long)june["completed"]!, (long)june["received"]!, (long)june["disbursed"]!));
        Assert.Equal(51.0, (double)june["median_days_to_conclusion"]!);
        await AppendAsync(streams, "（2019）川0104执112号", Filing() with { CaseNumber = "（2019）川0104执112号", On = new DateOnly(2019, 1, 10) },
            new V1.DebtorListed(new DateOnly(2019, 2, 1), "S1", Firm, ListingGround.ViolatesPropertyReporting, "D1", new DateOnly(2021, 2, 1), "支付",
                Performance.NotPerformed),
            new V1.FundsReceived(new DateOnly(2019, 9, 5), 1_00));
        var january = Assert.Single(await db.RowsAsync(
            $"select open_past_period, active_listings from {Schema}.court_statistics where court_code = $1 and month = $2", court, new DateOnly(2019, 1, 1)));
        Assert.Equal((0L, 0L), ((long)january["open_past_period"]!, (long)january["active_listings"]!));
        var september = Assert.Single(await db.RowsAsync(
            $"select open_past_period, active_listings from {Schema}.court_statistics where court_code = $1 and month = $2", court, new DateOnly(2019, 9, 1)));
        Assert.Equal((1L, 1L), ((long)september["open_past_period"]!, (long)september["active_listings"]!));

        var may = Assert.Single(await db.RowsAsync(
            $"select filed from {Schema}.court_statistics where court_code = $1 and month = $2", court, new DateOnly(2023, 5, 1)));
        Assert.Equal(1L, (long)may["filed"]!);
    }

    [Fact]
    public async Task The_daemon_projects_the_same_rows_and_a_rebuild_reproduces_them()
    {
        var store = Store(inline: false);
        var streams = new CaseStreams(store, TimeProvider.System);
        var number = await AppendAsync(streams, "（2024）川0104执108号", FilingNumbered(108), new V1.OfficerAssigned(Day(1), "王法官", "J"),
            new V1.DebtorListed(Day(30), "S1", Person, ListingGround.ViolatesPropertyReporting, "D1", Day(30).AddYears(2), "支付", Performance.NotPerformed));
        await AppendAsync(streams, number, new V1.FundsReceived(Day(40), 1_000_00));

        var daemon = new ProjectionDaemon(db.DataSource, store.Registry, [new CaseReadModelsProjection(Masker)], new DaemonOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            StandbyInterval = TimeSpan.FromMilliseconds(50),
            LeaderCheckInterval = TimeSpan.FromMilliseconds(100),
        });
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => daemon.RunAsync(stop.Token));
        try
        {
            var snapshot = $"select convert_from(state, 'UTF8') as state from {Schema}.public_cases where case_number = $1 and version = 4";
            await WaitAsync(async () => await db.ScalarAsync<bool>($"select to_regclass('{Schema}.public_cases') is not null")
                && (await db.RowsAsync(snapshot, number)).Count == 1);
            var projected = (string)(await db.RowsAsync(snapshot, number))[0]["state"]!;
            Assert.Contains("张三丰", projected, StringComparison.Ordinal);

            await daemon.RebuildAsync(CaseReadModelsProjection.ProjectionName);
            await WaitAsync(async () => (await db.RowsAsync(snapshot, number)).Count == 1);
            Assert.Equal(projected, (string)(await db.RowsAsync(snapshot, number))[0]["state"]!);
            Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from {Schema}.sanction_entries where case_number = $1", number));
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the daemon did not catch up within 20 s");
            await Task.Delay(50);
        }
    }
}
