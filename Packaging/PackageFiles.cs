using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NinjaTraderPortfolio.Packaging
{
    /// <summary>Collects the files of the package from the net48 runtime folder and the repository's script folders.</summary>
    public static class PackageFiles
    {
        /// <summary>
        /// The runtime DLLs (<see cref="PackageLayout.RuntimeAssemblies"/>), the native libraries and every script source.
        /// Throws <see cref="PackagingException"/> naming the file when one is missing, or when the listed assemblies
        /// differ from the closure of Core's references found in <paramref name="runtimeFolder"/>.
        /// </summary>
        /// <param name="runtimeFolder">Folder with Core's net48 build and its dependencies (NinjaScript.Check's output).</param>
        /// <param name="repositoryRoot">Folder holding AddOns/, Strategies/, Indicators/.</param>
        public static IReadOnlyList<PackageFile> Collect(string runtimeFolder, string repositoryRoot)
        {
            if (!Directory.Exists(runtimeFolder))
                throw new PackagingException($"runtime folder '{runtimeFolder}' does not exist (build NinjaScript.Check first: dotnet build NinjaScript.Check -c Release)");
            CheckClosure(runtimeFolder);
            var files = new List<PackageFile>();
            foreach (string name in PackageLayout.RuntimeAssemblies)
                files.Add(new PackageFile(name + ".dll", ReadRequired(Path.Combine(runtimeFolder, name + ".dll"))));
            foreach (string native in PackageLayout.NativeLibraries)
                files.Add(new PackageFile(native, ReadRequired(Path.Combine(runtimeFolder, native))));
            foreach (string folder in PackageLayout.ScriptFolders)
            {
                string dir = Path.Combine(repositoryRoot, folder);
                if (!Directory.Exists(dir)) continue;
                foreach (string source in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
                    files.Add(new PackageFile(Path.GetRelativePath(repositoryRoot, source).Replace('/', '\\'), File.ReadAllBytes(source)));
            }
            return files;
        }

        /// <summary>
        /// Names of the assemblies reachable from Core through references that resolve to a DLL in
        /// <paramref name="runtimeFolder"/> (references to anything else must be .NET Framework's own).
        /// </summary>
        public static IReadOnlySet<string> ReferenceClosure(string runtimeFolder)
        {
            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>();
            pending.Push(PackageLayout.EntryAssembly);
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                string path = Path.Combine(runtimeFolder, name + ".dll");
                if (!File.Exists(path) || !found.Add(name)) continue;
                using var pe = new PEReader(File.OpenRead(path));
                MetadataReader reader = pe.GetMetadataReader();
                foreach (AssemblyReferenceHandle handle in reader.AssemblyReferences)
                    pending.Push(reader.GetString(reader.GetAssemblyReference(handle).Name));
            }
            return found;
        }

        private static void CheckClosure(string runtimeFolder)
        {
            IReadOnlySet<string> closure = ReferenceClosure(runtimeFolder);
            if (!closure.Contains(PackageLayout.EntryAssembly))
                throw new PackagingException($"'{Path.Combine(runtimeFolder, PackageLayout.EntryAssembly + ".dll")}' not found (build NinjaScript.Check first)");
            var listed = new HashSet<string>(PackageLayout.RuntimeAssemblies, StringComparer.OrdinalIgnoreCase);
            string[] unlisted = closure.Where(n => !listed.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            if (unlisted.Length > 0)
                throw new PackagingException($"Core's references reach {string.Join(", ", unlisted.Select(n => n + ".dll"))} in '{runtimeFolder}', which PackageLayout.RuntimeAssemblies does not list");
            string[] unused = PackageLayout.RuntimeAssemblies.Where(n => !closure.Contains(n)).ToArray();
            if (unused.Length > 0)
                throw new PackagingException($"PackageLayout.RuntimeAssemblies lists {string.Join(", ", unused.Select(n => n + ".dll"))}, which Core's references in '{runtimeFolder}' do not reach");
        }

        private static byte[] ReadRequired(string path)
        {
            if (!File.Exists(path)) throw new PackagingException($"'{path}' not found (build NinjaScript.Check first: dotnet build NinjaScript.Check -c Release)");
            return File.ReadAllBytes(path);
        }
    }
}
