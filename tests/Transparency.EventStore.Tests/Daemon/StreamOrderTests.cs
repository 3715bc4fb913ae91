namespace Transparency.EventStore.Tests.Daemon;

public sealed class StreamOrderTests
{
    [Fact]
    public void Consecutive_versions_are_applied_where_they_stand_and_applied_ones_are_skipped()
    {
        var plan = StreamOrder.Plan([("a", 3), ("b", 1), ("a", 4), ("a", 2)], new Dictionary<string, long> { ["a"] = 2 });

        Assert.Equal([StreamOrder.Step.Apply, StreamOrder.Step.Apply, StreamOrder.Step.Apply, StreamOrder.Step.Skip], plan.Steps);
        Assert.Empty(plan.Gaps);
        Assert.Equal(4, plan.NewVersions["a"]);
        Assert.Equal(1, plan.NewVersions["b"]);
    }

    [Fact]
    public void A_later_version_met_first_reads_the_stream_from_the_store_up_to_the_last_version_in_the_batch()
    {
        // An older transaction wrote a:3, a newer one a:2 (it waited on the stream's row), so a:3 comes first.
        var plan = StreamOrder.Plan([("a", 3), ("b", 1), ("a", 2), ("a", 5)], new Dictionary<string, long> { ["a"] = 1 });

        Assert.Equal([StreamOrder.Step.ApplyStreamFromStore, StreamOrder.Step.Apply, StreamOrder.Step.Skip, StreamOrder.Step.Skip], plan.Steps);
        Assert.Equal([new StreamOrder.Gap("a", 1, 5)], plan.Gaps);
        Assert.Equal(5, plan.NewVersions["a"]);
    }

    [Fact]
    public void A_batch_wholly_applied_before_changes_nothing()
    {
        var plan = StreamOrder.Plan([("a", 1), ("a", 2)], new Dictionary<string, long> { ["a"] = 2 });

        Assert.All(plan.Steps, s => Assert.Equal(StreamOrder.Step.Skip, s));
        Assert.Empty(plan.NewVersions);
    }

    [Theory]
    [InlineData(new long[] { 2, 3, 4 }, 1, 4, true)]
    [InlineData(new long[] { 2, 4 }, 1, 4, false)]
    [InlineData(new long[] { }, 1, 2, false)]
    public void A_range_read_from_the_store_must_be_contiguous(long[] versions, long after, long through, bool contiguous) =>
        Assert.Equal(contiguous, StreamOrder.IsContiguous(versions, after, through));
}
