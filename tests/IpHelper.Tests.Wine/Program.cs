using IpHelper.Tests.Wine;

// Under Wine: every probe line on stdout, for the test to compare with the Linux backend's.
WineProbe.Run(Console.Out);
return 0;
