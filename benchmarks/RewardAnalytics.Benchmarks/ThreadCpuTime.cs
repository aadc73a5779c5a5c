using System.Globalization;
using System.Runtime.InteropServices;

namespace RewardAnalytics.Benchmarks;

/// <summary>
/// Times <see cref="ParseFoldBenchmarks"/> by the calling thread's CPU time (<c>CLOCK_THREAD_CPUTIME_ID</c>), which does
/// not count the time the thread waits for a core, so figures taken on a shared, loaded machine stay comparable.
/// Reports the median of <c>rounds</c> rounds of <c>operations</c> calls each, per record, and the bytes allocated.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static void Run(int rounds, int operations)
    {
        var benchmarks = new ParseFoldBenchmarks();
        benchmarks.Setup();
        // Warm up long enough for tiered compilation to reach its optimized code (a few seconds of calls).
        var warmup = System.Diagnostics.Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(3))
        {
            benchmarks.ProjectParser();
            benchmarks.TokenizeOnly();
        }

        var parser = new List<double>();
        var floor = new List<double>();
        var allocated = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Now();
            for (var i = 0; i < operations; i++)
            {
                benchmarks.ProjectParser();
            }

            parser.Add(PerRecord(Now() - start, operations));
            allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)operations / ParseFoldBenchmarks.Records);
            start = Now();
            for (var i = 0; i < operations; i++)
            {
                benchmarks.TokenizeOnly();
            }

            floor.Add(PerRecord(Now() - start, operations));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[figures] parse_fold_cpu_ns_per_record={Median(parser):0} floor_cpu_ns_per_record={Median(floor):0} " +
            $"records_per_cpu_second={1e9 / Median(parser):0} allocated_bytes_per_record={Median(allocated):0.00} " +
            $"rounds={rounds} operations={operations} load={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine("parser rounds (ns/record): " + string.Join(' ', parser.Select(p => p.ToString("0", CultureInfo.InvariantCulture))));
    }

    private static double PerRecord(long nanoseconds, int operations) => nanoseconds / (double)operations / ParseFoldBenchmarks.Records;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static long Now()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: the CPU-time mode needs Linux.");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, which the project does not allow.
    [DllImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
