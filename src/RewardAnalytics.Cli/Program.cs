using System.Runtime.InteropServices;
using RewardAnalytics.Cli;

// SIGINT (Ctrl-C) and SIGTERM cancel the command, which stops what it started (emulators, npm ci) by process id and
// exits. Neither the source nor the registrations are ever disposed: a signal may arrive at any moment, a second one
// included (a terminal's Ctrl-C reaches 'dotnet run' and the CLI both), even while the process is ending.
var cancellation = new CancellationTokenSource();
var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
})).ToArray();
var exitCode = await new CliApp(Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System).RunAsync(args, cancellation.Token);
GC.KeepAlive(registrations);
return exitCode;
