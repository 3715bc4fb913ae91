namespace Transparency.Projections.Calendar;

/// <summary>Dates in China time, which every enforcement date and deadline is counted in.</summary>
public static class ChinaCalendar
{
    // China Standard Time is UTC+8 all year round (no daylight saving since 1991).
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="from"/>. Counts Monday to
    /// Friday only: the State Council's yearly holiday and make-up-day calendar is not modelled,
    /// so around public holidays this is earlier than the legal date, never later.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }
        return d;
    }
}
