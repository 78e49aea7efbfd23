using StarRating.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await StarRatingCli.RunAsync(args, Console.Out, Console.Error, isTerminal: !Console.IsErrorRedirected, messages: CliLanguage.FromEnvironment(), input: Console.In);
