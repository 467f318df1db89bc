using System.IO.Compression;
using System.Xml.Linq;

namespace IpHelper.Tests.Release;

/// <summary>A .nupkg or .snupkg opened as the zip it is: its entries and its nuspec.</summary>
internal sealed class NuGetPackage : IDisposable
{
    private readonly ZipArchive _zip;

    /// <summary>Opens <paramref name="path"/>.</summary>
    public NuGetPackage(string path) => _zip = ZipFile.OpenRead(path);

    /// <summary>Every file in the package, with forward slashes.</summary>
    public IReadOnlyList<string> Entries => [.. _zip.Entries.Select(e => e.FullName)];

    /// <summary>The metadata element of the package's .nuspec.</summary>
    public XElement Metadata
    {
        get
        {
            var nuspec = _zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
            using var stream = nuspec.Open();
            return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }
    }

    /// <summary>The bytes of one entry.</summary>
    public byte[] Read(string entry)
    {
        using var stream = _zip.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The first child of <paramref name="parent"/> named <paramref name="localName"/>, in any XML namespace.</summary>
    public static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();
}
