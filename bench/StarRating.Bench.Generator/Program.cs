using System.Globalization;
using StarRating.Bench.Generator;

// starrating-bench-gen --count N --out DIR [--seed S] [--json-every K]
// Writes N valid evidence files (every K-th one as JSON) with a fixed seed: the same arguments always give the
// same bytes, so benchmark runs on different days and machines read the same input.
var count = 10_000;
var output = "bench-data";
var seed = 27922;
var jsonEvery = 10;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count" or "-n":
            count = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--out" or "-o":
            output = args[++i];
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--json-every":
            jsonEvery = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.Write($"usage: StarRating.Bench.Generator [--count N] [--out DIR] [--seed S] [--json-every K]\nunknown argument: {args[i]}\n");
            return 2;
    }
}

Directory.CreateDirectory(output);
var width = Math.Max(6, count.ToString(CultureInfo.InvariantCulture).Length);
long bytes = 0;
var generator = new AuditGenerator(StarRating.Rules.Rubric.Default);
Parallel.For(0, count, i =>
{
    var audit = generator.Create(seed, i);
    var json = jsonEvery > 0 && i % jsonEvery == jsonEvery - 1;
    var name = "audit-" + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') + (json ? ".json" : ".yaml");
    var content = json ? Emit.Json(audit) : Emit.Yaml(audit, i + 1);
    File.WriteAllBytes(Path.Combine(output, name), content);
    Interlocked.Add(ref bytes, content.Length);
});

Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"wrote {count} audits ({bytes / 1024.0 / 1024.0:F1} MiB, seed {seed}) to {output}\n"));
return 0;
