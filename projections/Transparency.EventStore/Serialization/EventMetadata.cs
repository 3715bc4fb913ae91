using System.Text.Json.Serialization;

namespace Transparency.EventStore;

/// <summary>Who wrote an event, for what, and under which request; stored beside every event.</summary>
/// <param name="Court">The court whose system appended it (a court code such as 川0104).</param>
/// <param name="Actor">The user or system account that appended it.</param>
/// <param name="CorrelationId">The request or process this event belongs to.</param>
/// <param name="CausationId">The message or event that caused it.</param>
/// <param name="IdempotencyKey">The writer's key for this append: a retry with the same key appends nothing.</param>
public sealed record EventMetadata(
    string? Court = null,
    string? Actor = null,
    string? CorrelationId = null,
    string? CausationId = null,
    string? IdempotencyKey = null)
{
    public static EventMetadata None { get; } = new();
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventMetadata))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
