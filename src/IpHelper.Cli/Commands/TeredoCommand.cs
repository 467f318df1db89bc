using System.CommandLine;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper teredo`: the Teredo client's UDP port (GetTeredoPort).</summary>
internal static class TeredoCommand
{
    public static Command Create()
    {
        var command = new Command("teredo", "The UDP port of the Teredo client, miredo on Linux (GetTeredoPort).\nExample: iphelper teredo --json");
        CommandRunner.SetAction(command, parse =>
        {
            CommandRunner.Check(NetIo.GetTeredoPort(out var port));
            if (parse.GetValue(GlobalOptions.Json))
            {
                using var json = new Output.JsonOutput();
                json.Writer.WriteStartObject();
                json.Writer.WriteNumber("Port", port);
                json.Writer.WriteEndObject();
            }
            else Console.WriteLine($"Teredo port : {port}");
            return 0;
        });
        return command;
    }
}
