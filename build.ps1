#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Build, test, package and deploy NinjaTrader Portfolio.
.DESCRIPTION
  Tasks:
    build    dotnet build of the whole solution (Release)
    test     dotnet test of the whole solution (Release)
  On Linux run it through the local PowerShell tool:
    dotnet tool restore
    dotnet tool run pwsh -NoProfile -File build.ps1 test
#>
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test')]
    [string]$Task = 'build',
    [string]$Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$solution = Join-Path $root 'NinjaTraderPortfolio.sln'

function Invoke-Dotnet {
    param([string[]]$Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

switch ($Task) {
    'build' { Invoke-Dotnet @('build', $solution, '-c', $Configuration) }
    'test'  { Invoke-Dotnet @('test', $solution, '-c', $Configuration) }
}
