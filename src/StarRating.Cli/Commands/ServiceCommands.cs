using System.CommandLine;
using StarRating.Server;

namespace StarRating.Cli.Commands;

/// <summary>serve, user add, token create and backup: the audit service (docs/service.md) and its administration.</summary>
internal static class ServiceCommands
{
    public static Command Serve(CliContext context)
    {
        var (data, db) = StoreOptions(context);
        var urls = new Option<string>("--urls") { Description = context.Text("cli.option.service_urls"), DefaultValueFactory = _ => ServiceOptions.DefaultUrls, HelpName = "URL" };
        var command = new Command("serve", context.Text("cli.command.service_serve")) { data, db, urls };
        command.SetAction(async (parse, ct) =>
        {
            if (Options(context, parse, data, db) is not { } options)
            {
                return ExitCodes.InvalidInput;
            }

            return await Run(context, () => ServiceHost.RunAsync(options with { Urls = parse.GetValue(urls)!, Messages = context.Messages }, context.Out, ct)).ConfigureAwait(false);
        });
        return command;
    }

    public static Command User(CliContext context)
    {
        var (data, db) = StoreOptions(context);
        var name = new Argument<string>("name") { Description = context.Text("cli.argument.service_user_name") };
        var role = new Option<string>("--role") { Description = context.Text("cli.option.service_user_role"), Required = true, HelpName = "ROLE" };
        role.AcceptOnlyFromAmong("admin", "lead", "auditor", "viewer");
        var company = new Option<long?>("--company") { Description = context.Text("cli.option.service_user_company"), HelpName = "ID" };
        var add = new Command("add", context.Text("cli.command.service_user_add")) { name, role, company, data, db };
        add.SetAction(async (parse, ct) =>
        {
            if (Options(context, parse, data, db) is not { } options)
            {
                return ExitCodes.InvalidInput;
            }

            var password = context.In.ReadLine()?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                context.Error.Write("SR5504: " + ServiceText.Format("SR5504", context.Messages) + "\n");
                return ExitCodes.InvalidInput;
            }

            var userName = parse.GetValue(name)!;
            var userRole = parse.GetValue(role)!;
            return await Run(context, async () =>
            {
                await ServiceAdmin.AddUserAsync(options, userName, userRole, parse.GetValue(company), password, ct).ConfigureAwait(false);
                context.Error.Write(ServiceText.Format("SR5514", context.Messages, ("name", userName), ("role", userRole)) + "\n");
            }).ConfigureAwait(false);
        });
        return new Command("user", context.Text("cli.command.service_user")) { add };
    }

    public static Command Token(CliContext context)
    {
        var (data, db) = StoreOptions(context);
        var user = new Argument<string>("user") { Description = context.Text("cli.argument.service_token_user") };
        var tokenName = new Option<string?>("--name") { Description = context.Text("cli.option.service_token_name"), HelpName = "NAME" };
        var create = new Command("create", context.Text("cli.command.service_token_create")) { user, tokenName, data, db };
        create.SetAction(async (parse, ct) =>
        {
            if (Options(context, parse, data, db) is not { } options)
            {
                return ExitCodes.InvalidInput;
            }

            return await Run(context, async () =>
            {
                var token = await ServiceAdmin.CreateTokenAsync(options, parse.GetValue(user)!, parse.GetValue(tokenName), ct).ConfigureAwait(false);
                context.Error.Write(ServiceText.Format("SR5515", context.Messages) + "\n");
                context.Out.Write(token + "\n");
            }).ConfigureAwait(false);
        });
        return new Command("token", context.Text("cli.command.service_token")) { create };
    }

    public static Command Backup(CliContext context)
    {
        var data = new Option<string>("--data") { Description = context.Text("cli.option.service_backup_data"), DefaultValueFactory = _ => ServiceOptions.DefaultDataFolder, HelpName = "DIR" };
        var output = new Option<string>("--output", "-o") { Description = context.Text("cli.option.service_backup_output"), Required = true, HelpName = "FILE" };
        var command = new Command("backup", context.Text("cli.command.service_backup")) { data, output };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            return await Run(context, () =>
            {
                var bytes = ServiceAdmin.Backup(parse.GetValue(data)!, file);
                context.Error.Write(ServiceText.Format("SR5516", context.Messages, ("file", file), ("bytes", bytes)) + "\n");
                return Task.CompletedTask;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static (Option<string?> Data, Option<string?> Db) StoreOptions(CliContext context) =>
    (
        new Option<string?>("--data") { Description = context.Text("cli.option.service_data"), HelpName = "DIR" },
        new Option<string?>("--db") { Description = context.Text("cli.option.service_db"), HelpName = "CONNECTION" }
    );

    private static ServiceOptions? Options(CliContext context, ParseResult parse, Option<string?> data, Option<string?> db)
    {
        var folder = parse.GetValue(data);
        var connection = parse.GetValue(db);
        if (folder is not null && connection is not null)
        {
            context.Error.Write("SR5510: " + ServiceText.Format("SR5510", context.Messages) + "\n");
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
            context.Error.Write("starrating: " + ex.Describe(context.Messages) + "\n");
            return ExitCodes.InvalidInput;
        }
    }
}
