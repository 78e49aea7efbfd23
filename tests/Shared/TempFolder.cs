namespace StarRating.Testing;

/// <summary>A fresh temporary folder, optionally with files in it, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(params (string Name, string Text)[] files)
    {
        Path = Directory.CreateTempSubdirectory("starrating-test-").FullName;
        foreach (var (name, text) in files)
        {
            System.IO.File.WriteAllText(File(name), text);
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
