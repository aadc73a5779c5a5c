using RewardAnalytics.Functions;

// Usage: RewardAnalytics.ColdStart aggregate EVENT_FILE
// Constructs the entry point as Lambda would (settings from the environment, clients created), invokes it once and
// prints the response. benchmarks/cold-start.sh times the whole process from start to exit.
if (args.Length != 2 || args[0] != "aggregate")
{
    Console.Error.WriteLine("usage: RewardAnalytics.ColdStart aggregate EVENT_FILE");
    return 2;
}

var handler = new StreamAggregator();
await using var input = File.OpenRead(args[1]);
await using var response = await handler.HandleAsync(input);
using var reader = new StreamReader(response);
Console.WriteLine(await reader.ReadToEndAsync());
return 0;
