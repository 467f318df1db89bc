using IpHelper.Bench;

return args switch
{
    ["addresses"] => AddressTableBenchmark.Run(),
    _ => 0,
};
