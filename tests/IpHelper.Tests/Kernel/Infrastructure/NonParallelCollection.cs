using Xunit;

namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>
/// Tests that measure the whole process (descriptor and thread counts) run in this collection,
/// after the parallel ones and alone, so other tests' commands and threads don't disturb them.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class NonParallelCollection;
