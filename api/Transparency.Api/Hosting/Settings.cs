namespace Transparency.Api.Hosting;

/// <summary>Where the services are, read from the environment the scripts set (scripts/env.sh).</summary>
public sealed record Settings(string PostgresConnectionString, string? RedisEndpoint, byte[] MatchKey)
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=postgres;Database=transparency";
    public const string DefaultRedis = "127.0.0.1:56379";

    /// <summary>
    /// TRANSPARENCY_PG, TRANSPARENCY_REDIS (off runs without Redis) and the match key that turns a
    /// resident ID into a keyed hash: TRANSPARENCY_MATCH_KEY (base64) or TRANSPARENCY_MATCH_KEY_FILE
    /// (scripts/env.sh makes one under .data/ on first use). The key is a secret: with it, a hash can
    /// be checked against guessed ID numbers.
    /// </summary>
    public static Settings FromEnvironment()
    {
        var pg = Environment.GetEnvironmentVariable("TRANSPARENCY_PG");
        var redis = Environment.GetEnvironmentVariable("TRANSPARENCY_REDIS");
        return new Settings(
            string.IsNullOrWhiteSpace(pg) ? DefaultPostgres : pg,
            redis switch
            {
                null or "" => DefaultRedis,
                "off" or "none" => null,
                _ => redis,
            },
            ReadMatchKey());
    }

    private static byte[] ReadMatchKey()
    {
        var inline = Environment.GetEnvironmentVariable("TRANSPARENCY_MATCH_KEY");
        if (!string.IsNullOrWhiteSpace(inline))
            return Convert.FromBase64String(inline.Trim());
        var file = Environment.GetEnvironmentVariable("TRANSPARENCY_MATCH_KEY_FILE");
        if (!string.IsNullOrWhiteSpace(file) && File.Exists(file))
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        throw new InvalidOperationException(
            "No match key: set TRANSPARENCY_MATCH_KEY (base64, 32 bytes) or TRANSPARENCY_MATCH_KEY_FILE; scripts/env.sh sets one up under .data/.");
    }
}
