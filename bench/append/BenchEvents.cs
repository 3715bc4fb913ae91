using System.Text.Json.Serialization;
using Transparency.EventStore;

namespace Transparency.Bench.Append;

/// <summary>An event of about the size the domain stores (~315 bytes of JSON, as in BENCHMARKS.md).</summary>
public sealed record FundsReceived(string CaseNumber, string Court, long AmountFen, DateOnly ReceivedOn, string Payer,
    string Channel, string Reference, string Note);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FundsReceived))]
public sealed partial class BenchJsonContext : JsonSerializerContext;

public static class BenchEvents
{
    public const string StoredName = "bench.funds-received.v1";

    public static EventTypeRegistry Registry() =>
        new EventTypeRegistry().Register(StoredName, BenchJsonContext.Default.FundsReceived);

    public static FundsReceived Make(long n) => new(
        CaseNumber: $"（2024）川0104执{n % 100000:D5}号",
        Court: "四川省成都市锦江区人民法院",
        AmountFen: 1000 + n % 9_000_000,
        ReceivedOn: new DateOnly(2024, 1, 1).AddDays((int)(n % 365)),
        Payer: "成都某某商贸有限公司",
        Channel: "bank-transfer",
        Reference: $"TX{n:D12}",
        Note: "执行款到账，待发放给申请执行人");
}
