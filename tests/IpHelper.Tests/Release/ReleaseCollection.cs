using Xunit;

namespace IpHelper.Tests.Release;

/// <summary>
/// The packaging and NativeAOT tests: they share one <see cref="ReleaseBuild"/>, so each build runs once,
/// and run one class at a time, so their builds never compete with each other for the two cores.
/// </summary>
[CollectionDefinition]
public sealed class ReleaseCollection : ICollectionFixture<ReleaseBuild>;
