#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Build, test, package and deploy NinjaTrader Portfolio.
.DESCRIPTION
  Tasks:
    build    dotnet build of the whole solution (Release)
    test     dotnet test of the whole solution (Release)
    package  writes artifacts/NinjaTraderPortfolio.zip, a NinjaTrader 8 NinjaScript import archive
             (Control Center > Tools > Import > NinjaScript Add-On): Info.xml and AdditionalReferences.txt at the
             root, the runtime DLLs (Core's netstandard2.0 build and its dependencies) at the root, and the sources
             under AddOns\, Strategies\, Indicators\ (entry names with backslashes, as NinjaTrader's exporter writes).
    deploy   copies the same DLLs and sources into NinjaTrader's Custom folder
             (Documents\NinjaTrader 8\bin\Custom on Windows, or -CustomFolder <path>). Add the DLL references in the
             NinjaScript Editor (right-click > References) and compile there (F5).
  On Linux run it through the local PowerShell tool:
    dotnet tool restore
    dotnet tool run pwsh -NoProfile -File build.ps1 package
.PARAMETER NoBuild
  package/deploy: do not publish Core; take the DLLs from -CoreBin instead.
.PARAMETER CoreBin
  package/deploy: folder holding the runtime DLLs listed in $RuntimeAssemblies (with -NoBuild).
.PARAMETER OutputPath
  package: where to write the archive (default artifacts/NinjaTraderPortfolio.zip).
.PARAMETER CustomFolder
  deploy: NinjaTrader's bin\Custom folder (default: Documents\NinjaTrader 8\bin\Custom, Windows only).
#>
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'package', 'deploy')]
    [string]$Task = 'build',
    [string]$Configuration = 'Release',
    [switch]$NoBuild,
    [string]$CoreBin,
    [string]$OutputPath,
    [string]$CustomFolder
)

$ErrorActionPreference = 'Stop'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$solution = Join-Path $root 'NinjaTraderPortfolio.sln'

# Assemblies NinjaTrader must reference at run time (one AdditionalReferences.txt line each, without .dll).
# Add any new runtime dependency of Core here; package fails if Core's publish output holds an unlisted DLL.
$RuntimeAssemblies = @(
    'NinjaTraderPortfolio.Core', 'MathNet.Numerics',
    # SQLite persistence (Microsoft.Data.Sqlite.Core + SQLitePCLRaw 3) and its netstandard2.0 support libraries
    'Microsoft.Data.Sqlite', 'SQLitePCLRaw.core', 'SQLitePCLRaw.batteries_v2', 'SQLitePCLRaw.provider.e_sqlite3',
    'System.Memory', 'System.Buffers', 'System.Runtime.CompilerServices.Unsafe', 'System.Numerics.Vectors')
# Native libraries shipped next to the DLLs (not references): SQLite's engine for Windows x64, which Core loads by
# full path from its own folder (Core/Persistence/README.md). Taken from the runtime folder when it has them, else
# from the restored NuGet package that Core/obj/project.assets.json names.
$NativeLibraries = @(@{ Name = 'e_sqlite3.dll'; Package = 'SQLite'; Path = 'runtimes/win-x64/native/e_sqlite3.dll' })
$ScriptFolders = @('AddOns', 'Strategies', 'Indicators')
# NinjaTrader version written into Info.xml (8.1.2 is the first release compiling NinjaScript with Roslyn, C# 8).
$NinjaTraderVersion = '8.1.2.1'

function Invoke-Dotnet {
    param([string[]]$Arguments)
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# Returns the folder holding the runtime DLLs (Core's netstandard2.0 publish output, or -CoreBin).
function Get-RuntimeFolder {
    if ($NoBuild) {
        if (-not $CoreBin) { throw '-NoBuild needs -CoreBin <folder with the runtime DLLs>' }
        return (Resolve-Path $CoreBin).Path
    }
    $publishDir = Join-Path $root 'artifacts/core'
    if (Test-Path $publishDir) { Remove-Item $publishDir -Recurse -Force }
    Invoke-Dotnet @('publish', (Join-Path $root 'Core/Core.csproj'), '-c', $Configuration, '-o', $publishDir, '--nologo')
    $unlisted = Get-ChildItem $publishDir -Filter '*.dll' | Where-Object { $RuntimeAssemblies -notcontains $_.BaseName }
    if ($unlisted) {
        throw "Core's publish output holds DLLs not listed in `$RuntimeAssemblies: $($unlisted.Name -join ', ')"
    }
    # The simulated broker (Simulation/, CLI and tests only) never ships into NinjaTrader: Core must not reference it.
    if (Test-Path (Join-Path $publishDir 'NinjaTraderPortfolio.Simulation.dll')) { throw 'Core must not reference NinjaTraderPortfolio.Simulation' }
    return $publishDir
}

# Full path of a native library: in the runtime folder, else in the NuGet package restored for Core.
function Find-NativeLibrary {
    param([string]$RuntimeFolder, [hashtable]$Native)
    $local = Join-Path $RuntimeFolder $Native.Name
    if (Test-Path $local) { return $local }
    $assetsFile = Join-Path $root 'Core/obj/project.assets.json'
    if (-not (Test-Path $assetsFile)) { throw "native '$($Native.Name)': restore Core first ($assetsFile is missing)" }
    $assets = Get-Content $assetsFile -Raw | ConvertFrom-Json -AsHashtable
    $library = $assets['libraries'].Keys | Where-Object { $_ -like "$($Native.Package)/*" } | Select-Object -First 1
    if (-not $library) { throw "native '$($Native.Name)': package '$($Native.Package)' is not among Core's restored packages" }
    foreach ($folder in $assets['packageFolders'].Keys) {
        $candidate = Join-Path (Join-Path $folder $assets['libraries'][$library]['path']) $Native.Path
        if (Test-Path $candidate) { return $candidate }
    }
    throw "native '$($Native.Name)' not found in the NuGet package $library"
}

# Every file of the package: @{ Entry = 'Indicators\X.cs'; Bytes = [byte[]] }.
function Get-PackageFiles {
    param([string]$RuntimeFolder)
    $files = [System.Collections.Generic.List[object]]::new()
    foreach ($name in $RuntimeAssemblies) {
        $dll = Join-Path $RuntimeFolder "$name.dll"
        if (-not (Test-Path $dll)) { throw "runtime assembly '$name.dll' not found in $RuntimeFolder" }
        $files.Add(@{ Entry = "$name.dll"; Bytes = [System.IO.File]::ReadAllBytes($dll) })
    }
    foreach ($native in $NativeLibraries) {
        $files.Add(@{ Entry = $native.Name; Bytes = [System.IO.File]::ReadAllBytes((Find-NativeLibrary -RuntimeFolder $RuntimeFolder -Native $native)) })
    }
    foreach ($folder in $ScriptFolders) {
        $dir = Join-Path $root $folder
        if (-not (Test-Path $dir)) { continue }
        foreach ($source in Get-ChildItem $dir -Filter '*.cs' -Recurse -File | Sort-Object FullName) {
            $relative = [System.IO.Path]::GetRelativePath($root, $source.FullName) -replace '/', '\'
            $files.Add(@{ Entry = $relative; Bytes = [System.IO.File]::ReadAllBytes($source.FullName) })
        }
    }
    return $files
}

function New-Package {
    $runtimeFolder = Get-RuntimeFolder
    $zipPath = if ($OutputPath) { [System.IO.Path]::GetFullPath($OutputPath) } else { Join-Path $root 'artifacts/NinjaTraderPortfolio.zip' }
    New-Item -ItemType Directory -Force -Path (Split-Path $zipPath) | Out-Null
    if (Test-Path $zipPath) { Remove-Item $zipPath -Force }

    $utf8Bom = [System.Text.UTF8Encoding]::new($true)
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $crlf = "`r`n"
    $info = @(
        '<?xml version="1.0" encoding="utf-8"?>',
        '<NinjaTrader>',
        '  <Export>',
        "    <Version>$NinjaTraderVersion</Version>",
        '  </Export>',
        '</NinjaTrader>'
    ) -join $crlf
    $infoBytes = $utf8Bom.GetPreamble() + $utf8.GetBytes($info + $crlf)
    $referencesBytes = $utf8.GetBytes((($RuntimeAssemblies | ForEach-Object { $_ + $crlf }) -join ''))

    $entries = [System.Collections.Generic.List[object]]::new()
    $entries.Add(@{ Entry = 'Info.xml'; Bytes = $infoBytes })
    $entries.Add(@{ Entry = 'AdditionalReferences.txt'; Bytes = $referencesBytes })
    $entries.AddRange([object[]](Get-PackageFiles -RuntimeFolder $runtimeFolder))

    $stream = [System.IO.File]::Open($zipPath, [System.IO.FileMode]::CreateNew)
    $zip = [System.IO.Compression.ZipArchive]::new($stream, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($file in $entries) {
            $entry = $zip.CreateEntry($file.Entry, [System.IO.Compression.CompressionLevel]::Optimal)
            $out = $entry.Open()
            try { $out.Write([byte[]]$file.Bytes, 0, $file.Bytes.Length) } finally { $out.Dispose() }
        }
    }
    finally {
        $zip.Dispose()
        $stream.Dispose()
    }
    Write-Host "package: $zipPath ($($entries.Count) entries)"
}

function Invoke-Deploy {
    $target = $CustomFolder
    if (-not $target) {
        if (-not $IsWindows) {
            throw 'deploy: NinjaTrader 8 runs on Windows only; pass -CustomFolder <NinjaTrader bin\Custom folder> to deploy elsewhere'
        }
        $target = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'NinjaTrader 8\bin\Custom'
    }
    if (-not (Test-Path $target)) { throw "deploy: NinjaTrader's Custom folder '$target' does not exist" }
    foreach ($file in Get-PackageFiles -RuntimeFolder (Get-RuntimeFolder)) {
        $path = Join-Path $target ($file.Entry -replace '\\', [System.IO.Path]::DirectorySeparatorChar)
        New-Item -ItemType Directory -Force -Path (Split-Path $path) | Out-Null
        [System.IO.File]::WriteAllBytes($path, [byte[]]$file.Bytes)
    }
    Write-Host "deploy: copied to $target. In the NinjaScript Editor add references to $($RuntimeAssemblies -join ', ') and compile (F5)."
}

switch ($Task) {
    'build'   { Invoke-Dotnet @('build', $solution, '-c', $Configuration) }
    'test'    { Invoke-Dotnet @('test', $solution, '-c', $Configuration) }
    'package' { New-Package }
    'deploy'  { Invoke-Deploy }
}
