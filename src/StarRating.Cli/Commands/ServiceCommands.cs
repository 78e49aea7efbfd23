using System.CommandLine;
using StarRating.Server;

namespace StarRating.Cli.Commands;

/// <summary>serve, user add, token create and backup: the audit service (docs/service.md) and its administration.</summary>
internal static class ServiceCommands
{
    public static Command Serve(CliContext context)
    {
        var (data, db) = StoreOptions();
        var urls = new Option<string>("--urls") { Description = "Where to listen (';'-separated URLs).", DefaultValueFactory = _ => ServiceOptions.DefaultUrls, HelpName = "URL" };
        var command = new Command("serve", "Run the audit service: HTTP API over SQLite (./starrating-data) or PostgreSQL (--db).") { data, db, urls };
        command.SetAction(async (parse, ct) =>
        {
            if (Options(context, parse, data, db) is not { } options)
            {
                return ExitCodes.InvalidInput;
            }

            return await Run(context, () => ServiceHost.RunAsync(options with { Urls = parse.GetValue(urls)! }, context.Out, ct)).ConfigureAwait(false);
        });
        return command;
    }

    public static Command User(CliContext context)
    {
        var (data, db) = StoreOptions();
        var name = new Argument<string>("name") { Description = "The user name (letters, digits, . _ - @)." };
        var role = new Option<string>("--role") { Description = "admin, lead, auditor or viewer.", Required = true, HelpName = "ROLE" };
        role.AcceptOnlyFromAmong("admin", "lead", "auditor", "viewer");
        var company = new Option<long?>("--company") { Description = "For a viewer: the id of the company whose final reports they may read.", HelpName = "ID" };
        var add = new Command("add", "Create a user. The password is read from standard input (never from the command line).") { name, role, company, data, db };
        add.SetAction(async (parse, ct) =>
        {
            if (Options(context, parse, data, db) is not { } options)
            {
                return ExitCodes.InvalidInput;
            }

            var password = context.In.ReadLine()?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                context.Error.Write("SR5504: " + ServiceText.Both("SR5504") + "\n");
                return ExitCodes.InvalidInput;
            }

            var userName = parse.GetValue(name)!;
            var userRole = parse.GetValue(role)!;
            return await Run(context, async () =>
            {
                await ServiceAdmin.AddUserAsync(options, userName, userRole, parse.GetValue(company), password, ct).ConfigureAwait(false);
                context.Error.Write(ServiceText.Both("SR5514", ("name", userName), ("role", userRole)) + "\n");
            }).ConfigureAwait(false);
        });
        return new Command("user", "Manage the service's users.") { add };
    }

    public static Command Token(CliContext context)
    {
        var (data, db) = StoreOptions();
        var user = new Argument<string>("user") { Description = "The user the token acts as." };
        var tokenName = new Option<string?>("--name") { Description = "What the token is for (e.g. crm).", HelpName = "NAME" };
        var create = new Command("create", "Create an API token (Authorization: Bearer TOKEN); printed once, stored hashed.") { user, tokenName, data, db };
        create.SetAction(async (parse, ct) =>
        {
            if (Options(context, parse, data, db) is not { } options)
            {
                return ExitCodes.InvalidInput;
            }

            return await Run(context, async () =>
            {
                var token = await ServiceAdmin.CreateTokenAsync(options, parse.GetValue(user)!, parse.GetValue(tokenName), ct).ConfigureAwait(false);
                context.Error.Write(ServiceText.Both("SR5515") + "\n");
                context.Out.Write(token + "\n");
            }).ConfigureAwait(false);
        });
        return new Command("token", "Manage API tokens.") { create };
    }

    public static Command Backup(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "The data folder.", DefaultValueFactory = _ => ServiceOptions.DefaultDataFolder, HelpName = "DIR" };
        var output = new Option<string>("--output", "-o") { Description = "The backup file to write (must not exist).", Required = true, HelpName = "FILE" };
        var command = new Command("backup", "Back up the SQLite store while the service runs (PostgreSQL: use pg_dump, see docs/service.md).") { data, output };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            return await Run(context, () =>
            {
                var bytes = ServiceAdmin.Backup(parse.GetValue(data)!, file);
                context.Error.Write(ServiceText.Both("SR5516", ("file", file), ("bytes", bytes)) + "\n");
                return Task.CompletedTask;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static (Option<string?> Data, Option<string?> Db) StoreOptions() =>
    (
        new Option<string?>("--data") { Description = "Data folder for the SQLite store and attachments (default ./" + ServiceOptions.DefaultDataFolder + ").", HelpName = "DIR" },
        new Option<string?>("--db") { Description = "PostgreSQL connection string (Host=…;Database=…;Username=…) instead of SQLite.", HelpName = "CONNECTION" }
    );

    private static ServiceOptions? Options(CliContext context, ParseResult parse, Option<string?> data, Option<string?> db)
    {
        var folder = parse.GetValue(data);
        var connection = parse.GetValue(db);
        if (folder is not null && connection is not null)
        {
            context.Error.Write("SR5510: " + ServiceText.Both("SR5510") + "\n");
            return null;
        }

        return new ServiceOptions { DataFolder = folder ?? ServiceOptions.DefaultDataFolder, PostgresConnection = connection };
    }

    private static async Task<int> Run(CliContext context, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (ServiceStartException ex)
        {
            context.Error.Write("starrating: " + ex.Describe() + "\n");
            return ExitCodes.InvalidInput;
        }
    }
}
