using RewardAnalytics.Functions;

// Usage: RewardAnalytics.ColdStart aggregate|finalize EVENT_FILE
// Constructs one entry point as Lambda would (settings from the environment, clients created), invokes it once and
// prints the response. benchmarks/cold-start.sh times the whole process from start to exit.
if (args.Length != 2 || args[0] is not ("aggregate" or "finalize"))
{
    Console.Error.WriteLine("usage: RewardAnalytics.ColdStart aggregate|finalize EVENT_FILE");
    return 2;
}

await using var input = File.OpenRead(args[1]);
await using var response = args[0] == "aggregate"
    ? await new StreamAggregator().HandleAsync(input)
    : await new DailyFinalizer().HandleAsync(input);
using var reader = new StreamReader(response);
Console.WriteLine(await reader.ReadToEndAsync());
return 0;
