using Npgsql;
using Transparency.Api.Caching;
using Transparency.Api.Health;
using Transparency.EventStore;

namespace Transparency.Api.Hosting;

/// <summary>The web host: services registered once here, endpoints mapped per capability.</summary>
public static class ApiHost
{
    public static async Task<int> RunAsync(string urls, bool runDaemon, CancellationToken ct)
    {
        var app = Build([], urls, runDaemon);
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var composition = app.Services.GetRequiredService<StoreComposition>();
        var applied = await Migrator.MigrateAsync(db, composition.MigrationAssemblies, ct);
        if (applied.Count > 0)
            app.Logger.LogInformation("applied {Count} migrations", applied.Count);
        await app.RunAsync(ct);
        return 0;
    }

    public static WebApplication Build(string[] args, string? urls = null, bool runDaemon = true, Settings? settings = null)
    {
        // Content root is the binary's folder, so appsettings.json applies wherever the host is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (urls is not null)
            builder.WebHost.UseUrls(urls);
        builder.Services.AddTransparency(settings ?? Settings.FromEnvironment(), runDaemon);
        var app = builder.Build();
        app.MapHealth();
        return app;
    }

    public static IServiceCollection AddTransparency(this IServiceCollection services, Settings settings, bool runDaemon)
    {
        var composition = Composition.Create(settings);
        services.AddSingleton(settings);
        services.AddSingleton(composition);
        services.AddSingleton(_ => EventStoreDataSource.Create(settings.PostgresConnectionString));
        services.AddSingleton(sp => new ProjectionDaemon(
            sp.GetRequiredService<NpgsqlDataSource>(), composition.Registry, composition.Projections,
            logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<ProjectionDaemon>()));
        // Redis is optional: without an endpoint the API runs on in-memory caches alone.
        if (settings.RedisEndpoint is { } redis)
            services.AddSingleton(new RedisClient(redis));
        if (runDaemon)
            services.AddHostedService<ProjectionDaemonService>();
        return services;
    }
}
