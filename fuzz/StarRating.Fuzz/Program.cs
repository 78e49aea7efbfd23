using System.Reflection;
using SharpFuzz;
using StarRating.Engine;
using StarRating.Fuzz;

// Usage:
//   dotnet StarRating.Fuzz.dll TARGET                  under afl-fuzz (input on standard input); see fuzz/run.sh
//   dotnet StarRating.Fuzz.dll TARGET --repro FILE...  runs each file once and prints what escaped, for triage;
//                                                      use the uninstrumented build (fuzz/work/build)
//   dotnet StarRating.Fuzz.dll TARGET --describe FILE... one line per file: size, then per front end the diagnostic
//                                                      codes and whether it loaded, to pick corpus inputs to keep
//
// Nothing here may touch an instrumented assembly before Fuzzer.OutOfProcess.Run: SharpFuzz's fork server process
// never maps afl's coverage memory, so instrumented code run there writes through a null pointer.
string[] targets = ["rubric", "evidence", "template", "workbook"];
if (args.Length == 0 || !targets.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: StarRating.Fuzz {{{string.Join('|', targets)}}} [--repro FILE...]");
    return 2;
}

var target = args[0];
// The evidence target also prints every result it scores as the terminal summaries (TerminalTarget).
FuzzTargets.ResultChecks = TerminalTarget.Check;
var scratch = new Lazy<TemplateScratch>(() => new TemplateScratch(
    Directory.CreateTempSubdirectory("starrating-fuzz-template-").FullName, ScoreSample()));

try
{
    if (args.Length > 1 && args[1] == "--repro")
    {
        var failed = 0;
        foreach (var file in args.Skip(2))
        {
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(file), target == "template" ? scratch.Value : null);
                Console.WriteLine($"ok: {file}");
            }
            catch (Exception ex)
            {
                failed++;
                Console.WriteLine($"FINDING: {file}\n{ex}");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    if (args.Length > 1 && args[1] == "--describe")
    {
        foreach (var file in args.Skip(2))
        {
            Console.WriteLine($"{file}\t{new FileInfo(file).Length}\t{FuzzTargets.Describe(target, File.ReadAllBytes(file), target == "template" ? scratch.Value : null)}");
        }

        return 0;
    }

    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        FuzzTargets.Run(target, memory.ToArray(), target == "template" ? scratch.Value : null);
    });
    return 0;
}
finally
{
    if (scratch.IsValueCreated)
    {
        Directory.Delete(scratch.Value.Folder, recursive: true);
    }
}

static AuditResult ScoreSample()
{
    using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StarRating.Fuzz.sample.yaml")!;
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return AuditEngine.Default.Score(copy.ToArray(), "sample.yaml").GetValueOrThrow();
}
