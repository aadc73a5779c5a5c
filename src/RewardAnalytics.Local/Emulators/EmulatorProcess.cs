using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RewardAnalytics.Local.Emulators;

/// <summary>One emulator (a node process) bound to 127.0.0.1 on a free port, stopped by its process id.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _workingDirectory;
    private readonly string _script;
    private readonly Func<int, IEnumerable<string>> _arguments;

    private EmulatorProcess(string name, Process process, int port, string workingDirectory, string script, Func<int, IEnumerable<string>> arguments)
    {
        Name = name;
        _process = process;
        Port = port;
        _workingDirectory = workingDirectory;
        _script = script;
        _arguments = arguments;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The preload, beside the emulators' package.json, that makes an emulator exit when this process ends.</summary>
    public const string ExitWithParentScript = "exit-with-parent.js";
    private const string ExitWithParentVariable = "REWARD_ANALYTICS_EXIT_WITH_PARENT_STDIN";

    public string Name { get; }
    public int Port { get; }
    public int ProcessId => _process.Id;
    public string Endpoint => $"http://127.0.0.1:{Port}";
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString().Trim();
            }
        }
    }

    public static EmulatorProcess Start(string name, string workingDirectory, string script, Func<int, IEnumerable<string>> arguments) =>
        Start(name, workingDirectory, script, arguments, FreePort());

    /// <summary>
    /// Kills this emulator by its process id and starts it again with the same arguments on the same port (so on the
    /// same data directory): what an emulator crash and its supervisor's restart look like to the clients.
    /// </summary>
    public EmulatorProcess Restart()
    {
        Dispose();
        return Start(Name, _workingDirectory, _script, _arguments, Port);
    }

    private static EmulatorProcess Start(string name, string workingDirectory, string script, Func<int, IEnumerable<string>> arguments, int port)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The emulator dies with this process, kill -9 included: the preload exits when its stdin (whose write end only
        // this process holds) reaches end of input, or when the emulator is re-parented.
        var preload = Path.Combine(workingDirectory, ExitWithParentScript);
        if (File.Exists(preload))
        {
            start.ArgumentList.Add("--require");
            start.ArgumentList.Add(preload);
            start.Environment[ExitWithParentVariable] = "1";
        }

        start.ArgumentList.Add(script);
        foreach (var argument in arguments(port))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start) ?? throw new LocalAwsException($"{name} could not be started.");
            return new EmulatorProcess(name, process, port, workingDirectory, script, arguments);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LocalAwsException("node was not found on PATH: install Node.js 20 or newer to run the local emulators.", ex);
        }
    }

    /// <summary>Waits until the port accepts connections; fails with the emulator's own output if it exits first.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new LocalAwsException($"{Name} exited with code {_process.ExitCode} before it answered on {Endpoint}: {Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new LocalAwsException($"{Name} did not answer on {Endpoint} within {timeout.TotalSeconds:0} s: {Output}", ex);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 16_384)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
