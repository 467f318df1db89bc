using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace IpHelper.Cli.Help;

/// <summary>
/// The Examples section of every command's --help: each command registers its example command lines
/// with <see cref="WithExamples{TCommand}"/>, and the help layout prints them after the options.
/// </summary>
internal static class CommandExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> s_examples = [];

    /// <summary>Registers the example command lines of <paramref name="command"/> (a trailing "# text" explains one).</summary>
    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples) where TCommand : Command
    {
        s_examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>The examples of <paramref name="command"/>, empty when it has none.</summary>
    public static IReadOnlyList<string> Of(Command command) => s_examples.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Adds the Examples section to the help of <paramref name="root"/> and every command under it.</summary>
    public static void AddToHelp(RootCommand root)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
            if (option.Action is HelpAction help) option.Action = new WithExamplesAction(help);
    }

    /// <summary>Writes the Examples section of <paramref name="command"/> (nothing when it has none).</summary>
    public static void Write(Command command, TextWriter output)
    {
        var examples = Of(command);
        if (examples.Count == 0) return;
        output.WriteLine("Examples:");
        var width = examples.Max(e => CommandPart(e).Length);
        foreach (var example in examples)
        {
            var comment = example.IndexOf(" # ", StringComparison.Ordinal);
            output.WriteLine(comment < 0 ? $"  {example}" : $"  {CommandPart(example).PadRight(width)}  {example[(comment + 1)..]}");
        }
        output.WriteLine();
    }

    private static string CommandPart(string example)
    {
        var comment = example.IndexOf(" # ", StringComparison.Ordinal);
        return comment < 0 ? example : example[..comment];
    }

    /// <summary>The standard help, then the command's examples.</summary>
    private sealed class WithExamplesAction(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var status = help.Invoke(parseResult);
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return status;
        }
    }
}
