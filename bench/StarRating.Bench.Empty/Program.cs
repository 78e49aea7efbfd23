// The cold-start baseline: what `dotnet new console` gives, published like the tool.
Console.WriteLine("Hello, World!");
