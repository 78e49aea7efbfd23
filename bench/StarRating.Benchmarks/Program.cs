using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/StarRating.Benchmarks -- --filter '*'            (all, about 15 minutes)
// dotnet run -c Release --project bench/StarRating.Benchmarks -- --filter '*Render*'     (renders only)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
