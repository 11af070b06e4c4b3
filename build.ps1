#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Build, test, package and deploy NinjaTrader Portfolio.
.DESCRIPTION
  Tasks:
    build    dotnet build of the whole solution (Release)
    test     dotnet test of the whole solution (Release)
    package  writes artifacts/NinjaTraderPortfolio.zip, a NinjaTrader 8 NinjaScript import archive, with the packager
             (Packaging/, ntpackage): Info.xml and AdditionalReferences.txt at the root, Core's net48 build and its
             dependencies (exactly the DLLs the compile check NinjaScript.Check compiled the scripts against) and the
             native e_sqlite3.dll at the root, the sources under AddOns\, Strategies\, Indicators\.
    deploy   copies the same DLLs and sources into NinjaTrader's Custom folder
             (Documents\NinjaTrader 8\bin\Custom on Windows, or -CustomFolder <path>). Add the DLL references in the
             NinjaScript Editor (right-click > References) and compile there (F5).
  The packager is plain .NET; the same without PowerShell:
    dotnet run --project Packaging -c Release -- package [--out FILE]
    dotnet run --project Packaging -c Release -- deploy --custom-folder DIR
  On Linux this script runs through the local PowerShell tool:
    dotnet tool restore
    dotnet tool run pwsh -NoProfile -File build.ps1 package
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
    [string]$OutputPath,
    [string]$CustomFolder
)

$ErrorActionPreference = 'Stop'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$solution = Join-Path $root 'NinjaTraderPortfolio.sln'
$packager = Join-Path $root 'Packaging/Packaging.csproj'

function Invoke-Dotnet {
    param([string[]]$Arguments)
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# Runs the packager (it builds the compile check first, whose net48 output holds the shipped DLLs).
function Invoke-Packager {
    param([string[]]$Arguments)
    $options = @($Arguments | Select-Object -Skip 1)
    Invoke-Dotnet (@('run', '--project', $packager, '-c', $Configuration, '--', $Arguments[0], '--configuration', $Configuration, '--root', $root) + $options)
}

switch ($Task) {
    'build'   { Invoke-Dotnet @('build', $solution, '-c', $Configuration) }
    'test'    { Invoke-Dotnet @('test', $solution, '-c', $Configuration) }
    'package' { if ($OutputPath) { Invoke-Packager @('package', '--out', [System.IO.Path]::GetFullPath($OutputPath)) } else { Invoke-Packager @('package') } }
    'deploy'  { if ($CustomFolder) { Invoke-Packager @('deploy', '--custom-folder', [System.IO.Path]::GetFullPath($CustomFolder)) } else { Invoke-Packager @('deploy') } }
}
