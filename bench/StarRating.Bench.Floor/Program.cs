using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using YamlDotNet.Core;

// The parse floor for `bench/run.sh`: the least work any YAML/JSON-reading tool must do on these files. Each file
// is read from disk, decoded as UTF-8 and run through the same parsers StarRating uses (YamlDotNet's event parser
// with comments skipped, Newtonsoft's JsonTextReader for .json) until the last event, on all cores like
// `starrating batch`. No tree, no checks, no scoring, no output.
if (args.Length is < 1 or > 2)
{
    Console.Error.Write("usage: StarRating.Bench.Floor FOLDER [JOBS]\n");
    return 2;
}

var jobs = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var clock = Stopwatch.StartNew();
var files = Directory.GetFiles(args[0])
    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)
    .ToArray();
long events = 0;
long bytes = 0;
Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
{
    var data = File.ReadAllBytes(files[i]);
    var text = Encoding.UTF8.GetString(data);
    var count = 0;
    if (files[i].EndsWith(".json", StringComparison.Ordinal))
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        while (reader.Read())
        {
            count++;
        }
    }
    else
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        while (parser.MoveNext())
        {
            count++;
        }
    }

    Interlocked.Add(ref events, count);
    Interlocked.Add(ref bytes, data.Length);
});

Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"parsed {files.Length} files ({bytes / 1024.0 / 1024.0:F1} MiB, {events} events) in {clock.Elapsed.TotalSeconds:F3} s\n"));
return 0;
