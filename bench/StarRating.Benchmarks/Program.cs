using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/StarRating.Benchmarks -- --filter '*'            (all, a few minutes)
// dotnet run -c Release --project bench/StarRating.Benchmarks -- --filter '*Render*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
