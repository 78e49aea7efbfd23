using System.Diagnostics;
using System.Text;

namespace StarRating.Cli.Tests;

/// <summary>
/// Runs only where packages can be restored. Set STARRATING_SKIP_PACKAGING=1 to skip offline; CI runs them.
/// </summary>
public sealed class PackagingFactAttribute : FactAttribute
{
    public PackagingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("STARRATING_SKIP_PACKAGING") == "1")
        {
            Skip = "STARRATING_SKIP_PACKAGING=1 (packaging tests need the NuGet registry)";
        }
    }
}

/// <summary>
/// Packs the repository once (from a copy, so the working tree's build output is untouched) into a temporary
/// feed shared by the packaging tests. Restores use a private package cache so a stale 0.1.0 from an earlier
/// run can never stand in for the package just built.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private readonly Lazy<string> installedTool;

    public PackedFeed()
    {
        installedTool = new Lazy<string>(Install);
        Root = Directory.CreateTempSubdirectory("starrating-pack-").FullName;
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "nuget-packages");
        var copy = Path.Combine(Root, "repo");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "README.md" })
        {
            CopyFile(Path.Combine(RepoPaths.Root, file), Path.Combine(copy, file));
        }

        CopyFolder(Path.Combine(RepoPaths.Root, "src"), Path.Combine(copy, "src"));
        CopyFolder(Path.Combine(RepoPaths.Root, "rules"), Path.Combine(copy, "rules"));
        foreach (var project in new[] { "StarRating.Rules", "StarRating.Engine", "StarRating.Reports", "StarRating.Cli" })
        {
            Dotnet.Run(copy, Packages, "pack", $"src/{project}/{project}.csproj", "-c", "Release", "-o", Feed).ShouldSucceed();
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    /// <summary>The installed <c>starrating</c> command (installed on first use, like a user does, from the feed).</summary>
    public string Tool => installedTool.Value;

    private string Install()
    {
        var tools = Path.Combine(Root, "tools");
        Dotnet.Run(Root, Packages, "tool", "install", "--tool-path", tools, "--add-source", Feed, "StarRating.Tool", "--version", "0.1.0").ShouldSucceed();
        return Path.Combine(tools, "starrating");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            CopyFile(file, Path.Combine(to, relative));
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}

internal sealed record ProcessRun(int ExitCode, string Out, string Error)
{
    public string Output => Out + Error;

    public void ShouldSucceed() => ExitCode.Should().Be(0, Output);
}

internal static class Dotnet
{
    public static ProcessRun Run(string workingDirectory, string packages, params string[] args) =>
        Exec("dotnet", workingDirectory, packages, args);

    public static ProcessRun Exec(string program, string workingDirectory, string packages, params string[] args) =>
        ExecWithLocale(program, workingDirectory, packages, null, args);

    /// <summary>Runs a program; <paramref name="locale"/>, when given, is its LC_ALL (the language of its messages).</summary>
    public static ProcessRun ExecWithLocale(string program, string workingDirectory, string packages, string? locale, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NUGET_PACKAGES"] = packages;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (locale is not null)
        {
            start.Environment["LC_ALL"] = locale;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ProcessRun(process.ExitCode, stdout, stderr.Result);
    }
}

public sealed class PackagingTests(PackedFeed packed) : IClassFixture<PackedFeed>
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");

    [PackagingFact]
    public void Packs_every_library_and_the_tool_with_readme_docs_and_symbols()
    {
        var packages = Directory.GetFiles(packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        packages.Should().Equal(
            "StarRating.Engine.0.1.0.nupkg", "StarRating.Engine.0.1.0.snupkg",
            "StarRating.Reports.0.1.0.nupkg", "StarRating.Reports.0.1.0.snupkg",
            "StarRating.Rules.0.1.0.nupkg", "StarRating.Rules.0.1.0.snupkg",
            "StarRating.Tool.0.1.0.nupkg",
            "StarRating.Tool.any.0.1.0.nupkg", "StarRating.Tool.any.0.1.0.snupkg",
            "StarRating.Tool.linux-x64.0.1.0.nupkg");
        using var rules = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packed.Feed, "StarRating.Rules.0.1.0.nupkg"));
        rules.Entries.Select(e => e.FullName).Should().Contain(["README.md", "lib/net10.0/StarRating.Rules.dll", "lib/net10.0/StarRating.Rules.xml"]);
        rules.GetEntry("README.md")!.Length.Should().BeGreaterThan(1000, "the package page shows the README");
    }

    [PackagingFact]
    public void The_tool_ships_as_a_pointer_package_with_a_native_linux_x64_build_and_a_portable_fallback()
    {
        using var pointer = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packed.Feed, "StarRating.Tool.0.1.0.nupkg"));
        using var linux = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packed.Feed, "StarRating.Tool.linux-x64.0.1.0.nupkg"));
        using var portable = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packed.Feed, "StarRating.Tool.any.0.1.0.nupkg"));

        pointer.Entries.Select(e => e.FullName).Should().NotContain(name => name.EndsWith(".dll", StringComparison.Ordinal));
        ReadSettings(pointer).Should().Contain("\"linux-x64\"").And.Contain("\"any\"");

        // Native AOT: one executable, no assemblies, no runtime, no debug files.
        var native = linux.Entries.Select(e => e.FullName).Where(name => name.StartsWith("tools/", StringComparison.Ordinal)).ToList();
        // The executable, and SQLite's native library for the audit service (`serve`), which loads it from beside the executable.
        native.Should().BeEquivalentTo("tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/StarRating.Cli", "tools/any/linux-x64/libe_sqlite3.so");
        using (var executable = linux.GetEntry("tools/any/linux-x64/StarRating.Cli")!.Open())
        {
            var magic = new byte[4];
            executable.ReadExactly(magic);
            magic.Should().Equal([0x7F, (byte)'E', (byte)'L', (byte)'F']);
        }

        portable.Entries.Select(e => e.FullName).Should().Contain(
            ["tools/net10.0/any/StarRating.Cli.dll", "tools/net10.0/any/StarRating.Rules.dll", "tools/net10.0/any/YamlDotNet.dll"]);
    }

    private static string ReadSettings(System.IO.Compression.ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    [PackagingFact]
    public void The_tool_installs_and_scores_a_sample()
    {
        var version = Dotnet.Exec(packed.Tool, packed.Root, packed.Packages, "--version");
        var score = Dotnet.Exec(packed.Tool, packed.Root, packed.Packages, "score", Sample, "--lang", "en");

        version.ShouldSucceed();
        version.Output.Trim().Should().Be("0.1.0");
        score.ShouldSucceed();
        score.Output.Should().Contain("Score 97.8 / 100    Recommended rating Five-star ★★★★★");
    }

    /// <summary>
    /// The installed tool is the native (AOT) build on linux-x64, compiled apart from the JIT build the other tests
    /// run in-process: every CLI golden case must come out of it byte for byte the same.
    /// </summary>
    [PackagingFact]
    public void The_installed_tool_gives_the_golden_output_of_every_cli_case()
    {
        var folder = Golden.Folder("Golden/cli");
        var cases = Directory.GetFiles(folder, "*.args").Order(StringComparer.Ordinal).ToList();
        var mismatches = new List<string>();

        foreach (var file in cases)
        {
            var @case = CliCase.Read(file);
            var args = @case.Args.Select(CliRunner.ExpandRoot).ToArray();
            var run = Dotnet.ExecWithLocale(packed.Tool, RepoPaths.Root, packed.Packages, @case.Locale, args);
            var text = $"exit {run.ExitCode}\n--- stdout\n{CliRunner.Normalize(run.Out)}--- stderr\n{CliRunner.Normalize(run.Error)}";
            var expected = File.ReadAllText(Path.ChangeExtension(file, null) + ".expected.txt");
            if (text != expected)
            {
                mismatches.Add($"{Path.GetFileName(file)}:\n{text}");
            }
        }

        cases.Should().HaveCountGreaterThan(20);
        mismatches.Should().BeEmpty();
    }

    [PackagingFact]
    public void An_application_referencing_only_the_reports_package_scores_and_renders_with_no_file_on_disk()
    {
        var app = Consumer("consumer", """
            using StarRating.Engine;
            using StarRating.Reports;
            using StarRating.Rules;

            var result = AuditEngine.Default.ScoreFile(args[0]).GetValueOrThrow();
            var html = ReportRenderer.Default.Render(result, ReportFormat.Html, Language.English).GetValueOrThrow();
            File.WriteAllText(args[1], html.Content);
            Console.WriteLine($"{result.Score} {result.Tier.Id} {Rubric.Default.Items.Count}");
            """);
        var output = Path.Combine(app, "report.html");

        var run = Dotnet.Run(app, packed.Packages, "run", "--", Sample, output);

        run.ShouldSucceed();
        run.Output.Should().Contain("97.8 five-star 54");
        File.ReadAllText(output).Should().StartWith("<!DOCTYPE html>").And.Contain("浙江栖溪厨卫电器股份有限公司");
    }

    /// <summary>
    /// Every C# snippet of the README compiles, as written, against the packed packages, and runs: the first one scores
    /// a sample saved as audit.yaml (the name the snippet uses) and prints its score and tier.
    /// </summary>
    [PackagingFact]
    public void The_readme_csharp_snippets_compile_and_run_against_the_packages()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var snippets = System.Text.RegularExpressions.Regex.Matches(readme, "```csharp\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToArray();
        snippets.Should().NotBeEmpty("the README shows the library in C#");

        for (var i = 0; i < snippets.Length; i++)
        {
            var app = Consumer($"readme-snippet-{i}", snippets[i]);
            File.Copy(Sample, Path.Combine(app, "audit.yaml"));

            var run = Dotnet.Run(app, packed.Packages, "run");

            run.ShouldSucceed();
            if (i == 0)
            {
                run.Out.Should().Contain("97.8 五星级");
            }
        }
    }

    /// <summary>A console application referencing the packed StarRating.Reports package (and so the others), from the feed only.</summary>
    private string Consumer(string name, string program)
    {
        var app = Path.Combine(packed.Root, name);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, name + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StarRating.Reports" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{packed.Feed}" />
              </packageSources>
            </configuration>
            """);
        return app;
    }
}
