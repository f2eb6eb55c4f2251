<#
.SYNOPSIS
  Builds the Windows installer: translations, the PyInstaller one-folder app
  (facility-app + facility-admin), its self-test, then the NSIS installer.

.DESCRIPTION
  Run from anywhere; paths are taken from this script's folder. Needs Python
  3.11 with the project installed (pip install ".[app,build]") and NSIS
  (makensis on PATH or in Program Files; `choco install nsis`).

  -InstallTest then proves the installer on this machine (CI does this on a
  throw-away Windows runner; it installs into Program Files and writes a test
  store into this account's data folder, so do not use it on a facility PC):
    1. silent install; files, Add/Remove Programs entry and shortcuts exist;
    2. the installed facility-app --self-test passes; facility-admin makes a
       store in the default data folder;
    3. silent upgrade in place while facility-app is running: it is closed,
       the files are replaced, the store is kept and still verifies;
    4. silent uninstall: program, entry and shortcuts gone, store kept;
    5. install again and uninstall with /REMOVEDATA: the store is gone.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\build.ps1
  pwsh installer/build.ps1 -Python python -InstallTest
#>
param(
    [string]$Python = "",
    [switch]$InstallTest
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root
if (-not $Python) {
    if (Test-Path ".venv\Scripts\python.exe") { $Python = (Resolve-Path ".venv\Scripts\python.exe").Path } else { $Python = "python" }
}

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed (exit $LASTEXITCODE)" }
}

function Assert-True([bool]$Condition, [string]$What) {
    if (-not $Condition) { throw "check failed: $What" }
    Write-Host "  ok: $What"
}

# Runs a program's --self-test with its output captured (facility-app is a windowed
# program: its stdout reaches us only through redirection or the report file).
function Invoke-SelfTest([string]$Exe) {
    $report = Join-Path $env:TEMP ("facility-selftest-" + [guid]::NewGuid() + ".txt")
    $env:FACILITY_APP_SELFTEST_REPORT = $report
    $env:QT_QPA_PLATFORM = "offscreen"
    try {
        $p = Start-Process -FilePath $Exe -ArgumentList "--self-test" -Wait -PassThru -NoNewWindow `
            -RedirectStandardOutput "$report.out" -RedirectStandardError "$report.err"
    } finally {
        Remove-Item Env:FACILITY_APP_SELFTEST_REPORT
        Remove-Item Env:QT_QPA_PLATFORM
    }
    if (Test-Path $report) { Get-Content $report -Encoding UTF8 | Write-Host } else { Get-Content "$report.out" | Write-Host }
    if ($p.ExitCode -ne 0) {
        Get-Content "$report.err" | Write-Host
        throw "self-test of $Exe failed (exit $($p.ExitCode))"
    }
}

$started = Get-Date
$version = & $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
$version4 = & $Python -c "import re, sys; n = [int(x) for x in re.findall(r'\d+', sys.argv[1])][:4]; print('.'.join(map(str, n + [0] * (4 - len(n)))))" $version
$dist = Join-Path $root "dist\facility-app"
$setup = Join-Path $root "dist\FacilityHealth-Setup-$version.exe"

Write-Host "== translations"
foreach ($ts in Get-ChildItem "translations\*.ts") {
    $qm = [System.IO.Path]::ChangeExtension($ts.FullName, ".qm")
    Invoke-Checked $Python @("-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()", "-silent", $ts.FullName, "-qm", $qm)
}

Write-Host "== pyinstaller: facility-app + facility-admin $version"
Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", (Join-Path $root "dist"),
    "--workpath", (Join-Path $root "build\pyinstaller"), "installer\facility-app.spec")
$files = Get-ChildItem $dist -Recurse -File
$sizeMb = [math]::Round(($files | Measure-Object Length -Sum).Sum / 1048576, 1)
Write-Host "one-folder size: $sizeMb MB, $($files.Count) files ($dist); frozen in $([int]((Get-Date) - $started).TotalSeconds) s"

Write-Host "== frozen self-test"
Invoke-SelfTest (Join-Path $dist "facility-app.exe")
Invoke-Checked (Join-Path $dist "facility-admin.exe") @("--version")

Write-Host "== installer (NSIS)"
$makensis = $null
$found = Get-Command makensis -ErrorAction SilentlyContinue
if ($found) { $makensis = $found.Source }
foreach ($candidate in @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe")) {
    if (-not $makensis -and (Test-Path $candidate)) { $makensis = $candidate }
}
if (-not $makensis) { throw "makensis not found: install NSIS (choco install nsis)" }
Invoke-Checked $makensis @("-V2", "-WX", "-INPUTCHARSET", "UTF8", "-DVERSION=$version", "-DVERSION4=$version4",
    "-DDIST_DIR=$dist", "-DOUTFILE=$setup", "installer\facility-app.nsi")
Write-Host "installer: $setup ($([math]::Round((Get-Item $setup).Length / 1048576, 1)) MB)"
Write-Host "build.ps1: built in $([int]((Get-Date) - $started).TotalSeconds) s"
if (-not $InstallTest) { exit 0 }

# --- install test (CI) -----------------------------------------------------------------------------
$appName = "Hồ sơ sức khỏe đối tượng"
$installDir = Join-Path $env:ProgramFiles "VNSocialCare\FacilityHealth"
$uninstallKey = "HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\FacilityHealth"
$startMenu = Join-Path $env:ProgramData "Microsoft\Windows\Start Menu\Programs\$appName"
$desktopLink = Join-Path $env:PUBLIC "Desktop\$appName.lnk"
$dataDir = Join-Path $env:LOCALAPPDATA "VNSocialCare\FacilityHealth"
$store = Join-Path $dataDir "facility.db"
if (Test-Path $dataDir) { throw "$dataDir exists already: run the install test on a clean machine only" }

function Install-Silently {
    $p = Start-Process -FilePath $setup -ArgumentList "/S" -Wait -PassThru
    if ($p.ExitCode -ne 0) { throw "silent install failed (exit $($p.ExitCode))" }
}

function Uninstall-Silently([string[]]$Extra = @()) {
    $p = Start-Process -FilePath (Join-Path $installDir "uninstall.exe") -ArgumentList (@("/S") + $Extra) -Wait -PassThru
    if ($p.ExitCode -ne 0) { throw "silent uninstall failed (exit $($p.ExitCode))" }
    # the uninstaller runs on from a copy in %TEMP%: wait for it to finish
    $deadline = (Get-Date).AddSeconds(180)
    while (((Test-Path $uninstallKey) -or (Test-Path (Join-Path $installDir "facility-app.exe"))) -and (Get-Date) -lt $deadline) {
        Start-Sleep -Seconds 1
    }
    Start-Sleep -Seconds 2
}

$env:FACILITY_APP_PASSPHRASE = "ci install check 2026"
$env:FACILITY_APP_ADMIN_PASSWORD = "admin-ci-2026"
$admin = Join-Path $installDir "facility-admin.exe"

Write-Host "== 1. silent install"
Install-Silently
foreach ($name in @("facility-app.exe", "facility-admin.exe", "uninstall.exe", "it-guide.md", "_internal")) {
    Assert-True (Test-Path (Join-Path $installDir $name)) "$installDir\$name installed"
}
Assert-True ((Get-ItemProperty $uninstallKey).DisplayVersion -eq $version) "Add/Remove Programs lists version $version"
Assert-True (Test-Path (Join-Path $startMenu "$appName.lnk")) "Start-menu shortcut"
Assert-True (Test-Path $desktopLink) "desktop shortcut"
$fileVersion = (Get-Item (Join-Path $installDir "facility-app.exe")).VersionInfo.ProductVersion
Assert-True ($fileVersion -eq $version) "facility-app.exe version resource says $version ($fileVersion)"

Write-Host "== 2. installed self-test, and a store in the default data folder"
Invoke-SelfTest (Join-Path $installDir "facility-app.exe")
Invoke-Checked $admin @("--version")
Invoke-Checked $admin @("--lang", "en", "init", "--facility-code", "TTBTXH-CI", "--facility-name", "Trung tâm kiểm tra cài đặt",
    "--facility-type", "social-assistance", "--admin-user", "admin")
Assert-True (Test-Path $store) "store created in $dataDir"
Invoke-Checked $admin @("--lang", "en", "verify")

Write-Host "== 3. upgrade in place while the program runs"
$env:QT_QPA_PLATFORM = "offscreen"
$running = Start-Process -FilePath (Join-Path $installDir "facility-app.exe") -PassThru
Remove-Item Env:QT_QPA_PLATFORM
Start-Sleep -Seconds 5
Assert-True (-not $running.HasExited) "facility-app is running before the upgrade"
Install-Silently
Assert-True $running.HasExited "the upgrade closed the running program"
Assert-True (Test-Path $store) "the store is kept by the upgrade"
Invoke-Checked $admin @("--lang", "en", "verify")
Invoke-SelfTest (Join-Path $installDir "facility-app.exe")

Write-Host "== 4. silent uninstall keeps the data"
Uninstall-Silently
Assert-True (-not (Test-Path (Join-Path $installDir "facility-app.exe"))) "program removed"
Assert-True (-not (Test-Path $uninstallKey)) "Add/Remove Programs entry removed"
Assert-True (-not (Test-Path $startMenu)) "Start-menu folder removed"
Assert-True (-not (Test-Path $desktopLink)) "desktop shortcut removed"
Assert-True (Test-Path $store) "the store is kept"
Invoke-Checked (Join-Path $dist "facility-admin.exe") @("--lang", "en", "verify")  # and still opens

Write-Host "== 5. uninstall with /REMOVEDATA removes the data"
Install-Silently
Uninstall-Silently @("/REMOVEDATA")
Assert-True (-not (Test-Path $dataDir)) "data folder removed"
Remove-Item Env:FACILITY_APP_PASSPHRASE
Remove-Item Env:FACILITY_APP_ADMIN_PASSWORD
Write-Host "build.ps1: install test passed in $([int]((Get-Date) - $started).TotalSeconds) s"
