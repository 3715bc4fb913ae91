using Npgsql;

namespace Transparency.EventStore.Tests.Appending;

public sealed class EventStoreDataSourceTests
{
    [Fact]
    public void Pooled_connections_are_not_reset_and_statements_are_auto_prepared_by_default()
    {
        using var source = EventStoreDataSource.Create("Host=127.0.0.1;Port=55432;Username=postgres;Database=x");
        var settings = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal(32, settings.MaxAutoPrepare);
    }

    [Fact]
    public void What_the_connection_string_says_wins()
    {
        using var source = EventStoreDataSource.Create("Host=127.0.0.1;Database=x;No Reset On Close=false;Max Auto Prepare=0");
        var settings = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
    }
}
