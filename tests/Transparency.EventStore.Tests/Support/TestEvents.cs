using System.Text.Json.Serialization;

namespace Transparency.EventStore.Tests.Support;

/// <summary>Money paid into an account stream; <c>Id</c> identifies the writer's attempt, so tests can tell events apart.</summary>
public sealed record Deposited(string Id, long AmountFen);

public sealed record Withdrawn(string Id, long AmountFen);

/// <summary>The first shape of Deposited, stored as test.deposited.v1: whole yuan, no id.</summary>
public sealed record DepositedV1(long AmountYuan);

public sealed record Noted(string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Deposited))]
[JsonSerializable(typeof(Withdrawn))]
[JsonSerializable(typeof(DepositedV1))]
[JsonSerializable(typeof(Noted))]
public sealed partial class TestEventsJsonContext : JsonSerializerContext;

public static class TestEvents
{
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register("test.deposited.v2", TestEventsJsonContext.Default.Deposited)
        .Register("test.withdrawn.v1", TestEventsJsonContext.Default.Withdrawn)
        .Register("test.noted.v1", TestEventsJsonContext.Default.Noted)
        .Upcast("test.deposited.v1", TestEventsJsonContext.Default.DepositedV1, old => new Deposited("v1", old.AmountYuan * 100));
}
