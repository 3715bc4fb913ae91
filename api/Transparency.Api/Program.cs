using System.CommandLine;
using Transparency.Api.Hosting;

// One binary: the API host (`serve`, the default) and the admin commands around the store.
var root = new RootCommand("Sunshine Enforcement Transparency · 阳光执行公开: the API host and its admin commands.");
foreach (var command in AdminCommands.All())
    root.Subcommands.Add(command);

// With no command, serve: `dotnet Transparency.Api.dll --urls ...` behaves like an ordinary ASP.NET host.
var parse = args.Length == 0 || args[0].StartsWith("--urls", StringComparison.Ordinal)
    ? root.Parse(["serve", .. args])
    : root.Parse(args);
return await parse.InvokeAsync();
