using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Packaging
{
    /// <summary>
    /// Reads the metadata of every DLL in the import archive and checks that .NET Framework 4.8 (NinjaTrader 8's runtime)
    /// binds every assembly reference without binding redirects, which a package cannot add to NinjaTrader.exe.config:
    /// a strong-named reference binds only to that exact version, so each must be a shipped DLL of the same name, version
    /// and public key token, or one of the framework's own assemblies (top level or Facades, from the
    /// Microsoft.NETFramework.ReferenceAssemblies.net48 package) whose version is at least the referenced one (the
    /// framework unifies lower versions of its own assemblies).
    /// </summary>
    [TestFixture]
    public class AssemblyReferenceTests
    {
        private string workDir;
        private Dictionary<string, AssemblyIdentity> shipped;
        private Dictionary<string, List<AssemblyName>> references;
        private Dictionary<string, HashSet<string>> publicTypes;
        private Dictionary<string, string> targetFrameworks;
        private Dictionary<string, AssemblyIdentity> framework;
        private List<string> nativeEntries;

        [OneTimeSetUp]
        public void ReadArchive()
        {
            workDir = Path.Combine(Path.GetTempPath(), "ntp-metadata-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(workDir);
            string zipPath = Path.Combine(workDir, "NinjaTraderPortfolio.zip");
            var output = new StringWriter();
            int exitCode = NinjaTraderPortfolio.Packaging.Program.Run(new[] { "package", "--bin", PackagingPaths.CoreBin, "--out", zipPath }, output, output, PackagingPaths.RepositoryRoot);
            Assert.That(exitCode, Is.Zero, output.ToString());

            shipped = new Dictionary<string, AssemblyIdentity>(StringComparer.OrdinalIgnoreCase);
            references = new Dictionary<string, List<AssemblyName>>(StringComparer.OrdinalIgnoreCase);
            publicTypes = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            targetFrameworks = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            nativeEntries = new List<string>();
            foreach (KeyValuePair<string, byte[]> entry in PackageTests.ReadEntries(zipPath).Where(e => e.Key.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                using var pe = new PEReader(ImmutableArray.Create(entry.Value));
                if (!pe.HasMetadata) { nativeEntries.Add(entry.Key); continue; }
                MetadataReader reader = pe.GetMetadataReader();
                AssemblyName name = reader.GetAssemblyDefinition().GetAssemblyName();
                shipped[name.Name!] = new AssemblyIdentity(name);
                references[name.Name!] = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
                publicTypes[name.Name!] = PublicTypes(reader);
                targetFrameworks[name.Name!] = TargetFramework(reader);
            }

            framework = new Dictionary<string, AssemblyIdentity>(StringComparer.OrdinalIgnoreCase);
            string net48 = PackagingPaths.Net48ReferenceAssemblies;
            foreach (string path in Directory.EnumerateFiles(net48, "*.dll").Concat(Directory.EnumerateFiles(Path.Combine(net48, "Facades"), "*.dll")))
            {
                using var pe = new PEReader(File.OpenRead(path));
                if (!pe.HasMetadata) continue;
                MetadataReader reader = pe.GetMetadataReader();
                if (!reader.IsAssembly) continue;
                AssemblyName name = reader.GetAssemblyDefinition().GetAssemblyName();
                framework[name.Name!] = new AssemblyIdentity(name);
            }
        }

        [OneTimeTearDown]
        public void Clean() => Directory.Delete(workDir, recursive: true);

        [Test]
        public void Core_InTheArchive_IsTheNetFramework48Build()
        {
            Assert.That(targetFrameworks["NinjaTraderPortfolio.Core"], Is.EqualTo(".NETFramework,Version=v4.8"));
        }

        [Test]
        public void EveryReferenceOfEveryShippedDll_IsAShippedDllOfTheSameVersion_OrAFrameworkAssembly()
        {
            Assert.That(framework.Keys, Does.Contain("mscorlib").And.Contain("netstandard"), "the net48 reference assemblies were read");
            Assert.That(shipped.Keys, Does.Contain("Microsoft.Data.Sqlite").And.Contain("SQLitePCLRaw.core"), "the archive's DLLs were read");
            var unresolved = new List<string>();
            foreach (KeyValuePair<string, List<AssemblyName>> assembly in references)
            {
                foreach (AssemblyName reference in assembly.Value)
                {
                    var wanted = new AssemblyIdentity(reference);
                    if (shipped.TryGetValue(reference.Name!, out AssemblyIdentity ship))
                    {
                        if (ship.Version != wanted.Version || ship.Token != wanted.Token)
                            unresolved.Add($"{assembly.Key} references {wanted}, the archive ships {ship}");
                    }
                    else if (framework.TryGetValue(reference.Name!, out AssemblyIdentity fx))
                    {
                        if (fx.Version < wanted.Version || fx.Token != wanted.Token)
                            unresolved.Add($"{assembly.Key} references {wanted}, .NET Framework 4.8 has {fx}");
                    }
                    else
                    {
                        unresolved.Add($"{assembly.Key} references {wanted}, which is neither shipped nor part of .NET Framework 4.8");
                    }
                }
            }

            Assert.That(unresolved, Is.Empty);
        }

        [Test]
        public void NoShippedDll_IsAlsoAFrameworkAssembly()
        {
            // A shipped copy of a framework assembly would compete with the framework's (or lose to the GAC unnoticed).
            Assert.That(shipped.Keys.Where(framework.ContainsKey), Is.Empty);
        }

        [Test]
        public void NoShippedDll_DefinesAPublicTypeThatNetFramework48AlsoDefines()
        {
            // The netstandard2.0 System.Numerics.Vectors defines Vector2..Matrix4x4, which System.Numerics.dll of .NET
            // Framework also has: a script importing System.Numerics would see both (CS0433). The net46 build forwards them.
            HashSet<string> frameworkTypes = FrameworkPublicTypes();
            var clashes = publicTypes.SelectMany(a => a.Value.Where(frameworkTypes.Contains).Select(t => a.Key + ": " + t)).ToList();

            Assert.That(frameworkTypes, Does.Contain("System.Numerics.Vector2"), "the framework's types were read");
            Assert.That(clashes, Is.Empty);
        }

        [Test]
        public void TheOnlyNativeDll_IsSqlite()
        {
            Assert.That(nativeEntries, Is.EqualTo(new[] { "e_sqlite3.dll" }));
        }

        private HashSet<string> FrameworkPublicTypes()
        {
            var types = new HashSet<string>(StringComparer.Ordinal);
            foreach (string path in Directory.EnumerateFiles(PackagingPaths.Net48ReferenceAssemblies, "*.dll"))
            {
                using var pe = new PEReader(File.OpenRead(path));
                if (!pe.HasMetadata) continue;
                types.UnionWith(PublicTypes(pe.GetMetadataReader()));
            }
            return types;
        }

        private static HashSet<string> PublicTypes(MetadataReader reader)
        {
            var types = new HashSet<string>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public) continue;
                types.Add(reader.GetString(type.Namespace) + "." + reader.GetString(type.Name));
            }
            return types;
        }

        private static string TargetFramework(MetadataReader reader)
        {
            foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                MemberReference ctor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (ctor.Parent.Kind != HandleKind.TypeReference) continue;
                if (reader.GetString(reader.GetTypeReference((TypeReferenceHandle)ctor.Parent).Name) != "TargetFrameworkAttribute") continue;
                BlobReader value = reader.GetBlobReader(attribute.Value);
                value.ReadUInt16(); // prolog 0x0001
                return value.ReadSerializedString() ?? "";
            }
            return "";
        }

        private readonly struct AssemblyIdentity
        {
            public AssemblyIdentity(AssemblyName name)
            {
                Name = name.Name!;
                Version = name.Version ?? new Version(0, 0, 0, 0);
                Token = Convert.ToHexString(name.GetPublicKeyToken() ?? Array.Empty<byte>()).ToLowerInvariant();
            }

            public string Name { get; }
            public Version Version { get; }
            public string Token { get; }

            public override string ToString() => $"{Name} {Version} (token {(Token.Length == 0 ? "none" : Token)})";
        }
    }
}
