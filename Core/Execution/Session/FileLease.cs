using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace NinjaTraderPortfolio.Core.Execution.Session
{
    /// <summary>
    /// An exclusive, crash-safe lease on a file used by one execution at a time (the execution store, a broker journal):
    /// an operating-system lock on a byte range of the side file "&lt;path&gt;.lock", which also holds a line naming the
    /// holder (process id, machine, start time, what it runs). The operating system releases the lock when the holder
    /// exits in any way (SIGKILL included), so a stale lease never blocks a restart. A second holder, in this process or
    /// another, is refused at once with <see cref="LeaseHeldException"/> naming the holder. The side file stays after
    /// release (deleting it could let two processes lock two different files); it is harmless to delete when no
    /// execution runs.
    /// </summary>
    public sealed class FileLease : IDisposable
    {
        // Far beyond any content, so the holder line stays readable while the range is locked (Windows locks are mandatory).
        private const long LockOffset = 1L << 40;
        private static readonly Dictionary<string, string> HeldHere = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly FileStream _stream;
        private int _released;

        private FileLease(string lockPath, FileStream stream) { LockPath = lockPath; _stream = stream; }

        /// <summary>The side file holding the lock and the holder line.</summary>
        public string LockPath { get; }

        /// <summary>
        /// Takes the lease on <paramref name="path"/> for <paramref name="holder"/> (e.g. "execution 'x1'"). Throws
        /// <see cref="LeaseHeldException"/> naming the current holder when another holds it, and
        /// <see cref="InvalidInputException"/> when the side file cannot be created (read-only folder, not a file).
        /// <paramref name="what"/> names the file in messages (e.g. "execution store"); <paramref name="createFolder"/> creates a
        /// missing folder (as the SQLite store does for its file) instead of refusing it.
        /// </summary>
        public static FileLease Acquire(string path, string what, string holder, bool createFolder = false)
        {
            Guard.NotBlank(path, nameof(path));
            string lockPath = Path.GetFullPath(path) + ".lock";
            lock (HeldHere)
            {
                if (HeldHere.TryGetValue(lockPath, out string? here))
                    throw new LeaseHeldException($"{what} '{path}' is in use by {here} (this process); one execution at a time per {what}: wait for it to finish (or stop it), then run again");
                FileStream stream;
                string line;
                try
                {
                    string? folder = Path.GetDirectoryName(lockPath);
                    if (createFolder && !string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
                    stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
                {
                    throw new InvalidInputException($"{what} '{path}': its lock file '{lockPath}' cannot be opened ({e.Message})", e);
                }
                try
                {
                    try
                    {
                        stream.Lock(LockOffset, 1);
                    }
                    catch (IOException)
                    {
                        string current = ReadHolder(stream);
                        throw new LeaseHeldException($"{what} '{path}' is in use by {(current.Length > 0 ? current : "another process")}; one execution at a time per {what}: wait for it to finish (or stop it), then run again");
                    }
                    line = string.Format(CultureInfo.InvariantCulture, "process {0} on {1}, since {2:yyyy-MM-dd'T'HH:mm:ss'Z'}, {3}\n",
                        System.Diagnostics.Process.GetCurrentProcess().Id, Environment.MachineName, DateTime.UtcNow, holder);
                    byte[] bytes = Encoding.UTF8.GetBytes(line);
                    stream.SetLength(0);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(); // no fsync: the holder line is advice, the lock itself is the kernel's
                }
                catch (IOException e)
                {
                    stream.Dispose();
                    throw new InvalidInputException($"{what} '{path}': its lock file '{lockPath}' cannot be written ({e.Message})", e);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
                HeldHere[lockPath] = line.Trim();
                return new FileLease(lockPath, stream);
            }
        }

        /// <summary>Releases the lease (the side file stays).</summary>
        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref _released, 1) != 0) return;
            lock (HeldHere)
            {
                try { _stream.Unlock(LockOffset, 1); } catch (IOException) { }
                _stream.Dispose();
                HeldHere.Remove(LockPath);
            }
        }

        private static string ReadHolder(FileStream stream)
        {
            try
            {
                stream.Seek(0, SeekOrigin.Begin);
                var buffer = new byte[512];
                int n = stream.Read(buffer, 0, buffer.Length);
                return Encoding.UTF8.GetString(buffer, 0, Math.Max(0, n)).Trim();
            }
            catch (IOException)
            {
                return "";
            }
        }
    }

    /// <summary>Another execution holds the store or journal (exit 3 in the CLI); the message names the holder.</summary>
    public sealed class LeaseHeldException : InfeasibleException
    {
        /// <summary>Creates the error.</summary>
        public LeaseHeldException(string message) : base(message) { }
    }
}
