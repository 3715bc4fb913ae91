using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Tests.Identifiers;

public sealed class IdentifierClockTests
{
    private static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public void The_system_clock_gives_todays_date_in_China_also_when_read_again_at_once()
    {
        var before = ChinaToday();
        var first = IdentifierClock.Today(TimeProvider.System);
        var second = IdentifierClock.Today(TimeProvider.System);
        var after = ChinaToday();

        // Midnight may pass between the readings; the cached date is at most a second old.
        Assert.InRange(first, before.AddDays(-1), after);
        Assert.InRange(second, first, after);
    }

    [Fact]
    public void Any_other_clock_is_read_every_time()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 3, 1, 15, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 1), IdentifierClock.Today(clock));
        clock.Now = clock.Now.AddSeconds(1);
        // 16:00 UTC is midnight in China (UTC+8).
        Assert.Equal(new DateOnly(2026, 3, 2), IdentifierClock.Today(clock));
    }

    private sealed class SteppedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
