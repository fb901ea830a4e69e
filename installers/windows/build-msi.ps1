<#
.SYNOPSIS
  Builds RouteBench-<version>.msi: the workbench with its own trimmed Java runtime, a Start menu
  entry, a desktop shortcut and the .routebench file type.

.DESCRIPTION
  Run it on Windows (jpackage only builds installers for the OS it runs on) from any folder:
    powershell -ExecutionPolicy Bypass -File installers\windows\build-msi.ps1 [-OutputDir DIR]
  Needs JAVA_HOME pointing at a JDK 21+ (it has jpackage) and the WiX Toolset on PATH
  (WiX 3.x; JDK 22+ also accepts WiX 4 or 5). The installer is unsigned: sign it with your code
  signing certificate (signtool) before handing it out.
#>
param(
  [string]$OutputDir = (Join-Path $PSScriptRoot 'target')
)
$ErrorActionPreference = 'Stop'

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
if (-not $env:JAVA_HOME -or -not (Test-Path (Join-Path $env:JAVA_HOME 'bin\jpackage.exe'))) {
  throw 'Set JAVA_HOME to a JDK 21 or newer (one that has bin\jpackage.exe).'
}
$Bin = Join-Path $env:JAVA_HOME 'bin'

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
  & $Program @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$Program failed with exit code $LASTEXITCODE" }
}

Write-Host 'Building the application...'
Push-Location $Root
try {
  Invoke-Checked (Join-Path $Root 'mvnw.cmd') @('-q', '-B', '-DskipTests', '-Dspotless.check.skip=true', 'package')
} finally {
  Pop-Location
}
$App = Join-Path $Root 'app\target'

$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("routebench-msi-" + [guid]::NewGuid())
$Staging = Join-Path $Work 'input'
New-Item -ItemType Directory -Path $Staging | Out-Null
try {
  Copy-Item (Join-Path $App 'routebench.jar') $Staging
  Copy-Item (Join-Path $App 'lib') $Staging -Recurse

  # jpackage wants a purely numeric version: 0.1.0-SNAPSHOT becomes 0.1.0.
  Push-Location $Work
  try {
    Invoke-Checked (Join-Path $Bin 'jar.exe') @('xf', (Join-Path $App 'routebench.jar'), 'META-INF/MANIFEST.MF')
  } finally {
    Pop-Location
  }
  $Manifest = Get-Content (Join-Path $Work 'META-INF\MANIFEST.MF')
  $Version = ($Manifest | Select-String '^Implementation-Version:\s*([0-9.]+)').Matches[0].Groups[1].Value

  # JavaFX travels in lib\ (on the class path), so the runtime needs only JDK modules. Reflection
  # and service loading hide two from jdeps: TLS for remote routers and legacy charsets.
  $Jars = @((Join-Path $Staging 'routebench.jar')) + (Get-ChildItem (Join-Path $Staging 'lib') -Filter *.jar | ForEach-Object FullName)
  $Modules = (& (Join-Path $Bin 'jdeps.exe') --ignore-missing-deps --print-module-deps --multi-release 21 @Jars)
  if ($LASTEXITCODE -ne 0) { throw 'jdeps failed' }
  $Modules = "$Modules,jdk.crypto.ec,jdk.charsets"
  Write-Host "Runtime modules: $Modules"
  $Runtime = Join-Path $Work 'runtime'
  # Never --strip-native-commands: RouteBench starts the runtime's bin\java.exe to load a GGUF file
  # for the first time in a separate process (FirstLoadCheck), and refuses to load without it.
  Invoke-Checked (Join-Path $Bin 'jlink.exe') @('--add-modules', $Modules, '--strip-debug', '--no-header-files', '--no-man-pages', '--output', $Runtime)

  # The same options ./routebench passes: JavaFX loads native code and (JDK 24+) uses Unsafe.
  $JavaOptions = @('--java-options', '--enable-native-access=ALL-UNNAMED')
  $Major = [int]((& (Join-Path $Bin 'java.exe') -XshowSettings:properties -version 2>&1 | Select-String 'java.specification.version = (\d+)').Matches[0].Groups[1].Value)
  if ($Major -ge 24) { $JavaOptions += @('--java-options', '--sun-misc-unsafe-memory-access=allow') }

  New-Item -ItemType Directory -Force -Path $OutputDir | Out-Null
  Invoke-Checked (Join-Path $Bin 'jpackage.exe') (@(
    '--type', 'msi',
    '--name', 'RouteBench',
    '--app-version', $Version,
    '--vendor', 'RouteBench',
    '--description', 'Workbench for preference-aligned LLM routing policies (Arch-Router)',
    '--input', $Staging,
    '--main-jar', 'routebench.jar',
    '--main-class', 'io.routebench.app.Main',
    '--runtime-image', $Runtime,
    '--icon', (Join-Path $PSScriptRoot 'routebench.ico'),
    '--file-associations', (Join-Path $Root 'installers\routebench-workspace.properties'),
    '--win-menu', '--win-menu-group', 'RouteBench',
    '--win-shortcut', '--win-dir-chooser',
    # Fixed, so that a newer installer upgrades an installed RouteBench instead of adding a second.
    '--win-upgrade-uuid', '6f1c9e0a-4b7d-4f0e-9a53-2d8e7c41b2a5',
    '--dest', $OutputDir
  ) + $JavaOptions)
  Write-Host "Built: $(Get-ChildItem $OutputDir -Filter 'RouteBench-*.msi' | Select-Object -First 1 -ExpandProperty FullName)"
} finally {
  Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
