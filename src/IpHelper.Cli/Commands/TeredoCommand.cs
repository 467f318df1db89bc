using System.CommandLine;
using IpHelper.Cli.Help;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper teredo`: the Teredo client's UDP port (GetTeredoPort).</summary>
internal static class TeredoCommand
{
    public static Command Create()
    {
        var command = new Command("teredo", "The UDP port of the Teredo client, miredo on Linux (GetTeredoPort). NotReady (21) when no Teredo client runs.");
        command.WithExamples("iphelper teredo", "iphelper teredo --json  # {\"Port\": 3544}");
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
