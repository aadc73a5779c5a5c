using RewardAnalytics.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C: cancel, so running commands stop their emulators by process id and exit.
    e.Cancel = true;
    cancellation.Cancel();
};
return await new CliApp(Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System).RunAsync(args, cancellation.Token);
