; Windows installer for Hồ sơ sức khỏe đối tượng (facility-app + facility-admin).
;
; Per-machine install into Program Files, Start-menu and desktop shortcuts,
; an uninstaller registered in Add/Remove Programs, a version resource, and
; upgrade in place: a later installer finds the earlier one, asks for the
; running program to close, replaces the program folder and keeps the data.
;
; The records never live in the program folder: they are in each Windows
; account's %LOCALAPPDATA%\VNSocialCare\FacilityHealth (database, backups,
; logs), so installing, upgrading and uninstalling leave them alone. The
; uninstaller removes them only when the user ticks "also remove the records"
; (or passes /REMOVEDATA to a silent uninstall).
;
; Build (installer/build.ps1 on Windows; installer/build-windows.sh on Linux builds the real,
; compressed setup from the Windows one-folder app frozen under Wine; installer/build.sh on Linux
; only checks that the script compiles; makensis runs in this folder, so pass absolute paths):
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DDIST_DIR=dist\facility-app
;            -DOUTFILE=dist\FacilityHealth-Setup-0.1.0.exe installer\facility-app.nsi
; -DLINUX_CHECK: store files uncompressed (a quick compile: build.sh's script check, and the
; throw-away setups installer/wine-check.sh makes for its upgrade and its expected failures).

Unicode true
; a 64-bit setup for a 64-bit program (it also runs under Debian's wine64, which has no 32-bit part)
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WordFunc.nsh
!include WinVer.nsh
!include x64.nsh

!ifndef VERSION
  !error "Pass -DVERSION=x.y.z (the version in pyproject.toml)"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "../dist/facility-app"
!endif
!ifndef OUTFILE
  !define OUTFILE "../dist/FacilityHealth-Setup-${VERSION}.exe"
!endif
!if /FileExists "${DIST_DIR}\facility-app.exe"
!else
  !error "${DIST_DIR}\facility-app.exe not found: build the PyInstaller one-folder first"
!endif
!if /FileExists "${DIST_DIR}\facility-admin.exe"
!else
  !error "${DIST_DIR}\facility-admin.exe not found: build the PyInstaller one-folder first"
!endif

!define APP_NAME "Hồ sơ sức khỏe đối tượng"
!define COMPANY "VNSocialCare"
!define PRODUCT_KEY "FacilityHealth"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT_KEY}"
!define INSTALL_KEY "Software\${COMPANY}\${PRODUCT_KEY}"
!define DATA_SUBDIR "${COMPANY}\${PRODUCT_KEY}"  ; under each account's %LOCALAPPDATA% (platformdirs)
!define APP_EXE "facility-app.exe"
!define ADMIN_EXE "facility-admin.exe"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${COMPANY}\${PRODUCT_KEY}"
BrandingText "${APP_NAME} ${VERSION}"
!ifdef LINUX_CHECK
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

; --- version resource of setup.exe ------------------------------------------------------------
VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP_NAME} / Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

Var PREVIOUS_VERSION

; --- pages -------------------------------------------------------------------------------------
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${INSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "$(FINISH_TITLE)"
!define MUI_FINISHPAGE_TEXT "$(FINISH_TEXT)"
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(FINISH_RUN)"
!define MUI_FINISHPAGE_RUN_FUNCTION RunAsDesktopUser
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "$(UN_COMPONENTS_TOP)"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"  ; first = default (also for /S)
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

; --- texts in both languages -------------------------------------------------------------------
LangString NEED_WIN10 ${LANG_VIETNAMESE} "Chương trình cần Windows 10 (bản 1809 trở lên) hoặc Windows 11, loại 64-bit."
LangString NEED_WIN10 ${LANG_ENGLISH} "This program needs 64-bit Windows 10 (version 1809 or later) or Windows 11."
LangString UPGRADE ${LANG_VIETNAMESE} "Máy này đã cài phiên bản $PREVIOUS_VERSION. Trình cài đặt sẽ nâng cấp lên ${VERSION} tại chỗ; hồ sơ, bản sao lưu và nhật ký được giữ nguyên."
LangString UPGRADE ${LANG_ENGLISH} "Version $PREVIOUS_VERSION is installed. Setup will upgrade it to ${VERSION} in place; records, backups and logs are kept."
LangString DOWNGRADE ${LANG_VIETNAMESE} "Máy này đã có phiên bản mới hơn ($PREVIOUS_VERSION). Hồ sơ do bản mới hơn ghi có thể không mở được bằng bản ${VERSION}. Vẫn cài bản cũ hơn?"
LangString DOWNGRADE ${LANG_ENGLISH} "A newer version ($PREVIOUS_VERSION) is installed. Records written by it may not open with ${VERSION}. Install the older version anyway?"
LangString CLOSE_APP ${LANG_VIETNAMESE} "Chương trình đang chạy. Hãy lưu công việc và đóng chương trình (cả cửa sổ facility-admin), rồi bấm Thử lại."
LangString CLOSE_APP ${LANG_ENGLISH} "The program is running. Save your work and close it (and any facility-admin window), then press Retry."
LangString FINISH_TITLE ${LANG_VIETNAMESE} "Đã cài xong ${APP_NAME}"
LangString FINISH_TITLE ${LANG_ENGLISH} "${APP_NAME} is installed"
LangString FINISH_TEXT ${LANG_VIETNAMESE} "Lần chạy đầu tiên, chương trình mở trình thiết lập: mã và tên cơ sở, mật khẩu kho dữ liệu, tài khoản quản trị đầu tiên, địa chỉ máy chủ tỉnh (nếu có).$\r$\n$\r$\nGhi mật khẩu kho dữ liệu ra giấy, niêm phong và giao Giám đốc giữ: mất mật khẩu này thì không ai mở lại được hồ sơ.$\r$\n$\r$\nHướng dẫn cho cán bộ CNTT: menu Start > ${APP_NAME}."
LangString FINISH_TEXT ${LANG_ENGLISH} "On first start the program opens the set-up wizard: facility code and name, the store passphrase, the first admin account, the provincial server address (if any).$\r$\n$\r$\nWrite the store passphrase down, seal it in an envelope and give it to the director: without it nobody can open the records again.$\r$\n$\r$\nIT officer's guide: Start menu > ${APP_NAME}."
LangString FINISH_RUN ${LANG_VIETNAMESE} "Mở chương trình ngay"
LangString FINISH_RUN ${LANG_ENGLISH} "Start the program now"
LangString UN_COMPONENTS_TOP ${LANG_VIETNAMESE} "Hồ sơ, bản sao lưu và nhật ký được GIỮ LẠI, trừ khi bạn đánh dấu ô xóa dữ liệu bên dưới."
LangString UN_COMPONENTS_TOP ${LANG_ENGLISH} "Records, backups and logs are KEPT unless you tick the data removal box below."
LangString UNSEC_APP ${LANG_VIETNAMESE} "Chương trình"
LangString UNSEC_APP ${LANG_ENGLISH} "Program"
LangString UNSEC_DATA ${LANG_VIETNAMESE} "Xóa cả hồ sơ, bản sao lưu và nhật ký"
LangString UNSEC_DATA ${LANG_ENGLISH} "Also remove the records, backups and logs"
LangString UNSEC_APP_DESC ${LANG_VIETNAMESE} "Gỡ chương trình và lối tắt. Dữ liệu không bị động đến."
LangString UNSEC_APP_DESC ${LANG_ENGLISH} "Removes the program and its shortcuts. Data is not touched."
LangString UNSEC_DATA_DESC ${LANG_VIETNAMESE} "Xóa vĩnh viễn kho hồ sơ mã hóa, các bản sao lưu tự động và nhật ký của mọi tài khoản Windows trên máy này. Bản sao lưu đã chép ra nơi khác không bị xóa."
LangString UNSEC_DATA_DESC ${LANG_ENGLISH} "Permanently deletes the encrypted record store, its automatic backups and the logs of every Windows account on this PC. Backups copied elsewhere are not deleted."
LangString CONFIRM_DATA ${LANG_VIETNAMESE} "Xóa vĩnh viễn toàn bộ hồ sơ trên máy này? Không thể hoàn tác. Hãy chắc chắn đã có bản sao lưu ở nơi khác."
LangString CONFIRM_DATA ${LANG_ENGLISH} "Permanently delete all records on this PC? This cannot be undone. Make sure a backup exists elsewhere."
LangString SC_ADMIN ${LANG_VIETNAMESE} "facility-admin (dòng lệnh)"
LangString SC_ADMIN ${LANG_ENGLISH} "facility-admin (command line)"

; --- shared helpers ----------------------------------------------------------------------------
; Waits until neither program runs: asks the user (Retry/Cancel); a silent
; install or uninstall asks them to close, then ends them.
!macro DEFINE_CLOSE_APP un
Function ${un}CloseApp
  StrCpy $R1 0
  retry:
    StrCpy $R0 ""
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${APP_EXE}" a
      ${If} ${Errors}
        StrCpy $R0 "${APP_EXE}"
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${ADMIN_EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${ADMIN_EXE}" a
      ${If} ${Errors}
        StrCpy $R0 "$R0 ${ADMIN_EXE}"
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} $R0 == ""
      Return
    ${EndIf}
    ${If} ${Silent}
      IntOp $R1 $R1 + 1
      ${If} $R1 > 5
        Abort
      ${EndIf}
      ${If} $R1 < 3
        nsExec::Exec 'taskkill /IM ${APP_EXE}'  ; asks the window to close
      ${Else}
        nsExec::Exec 'taskkill /F /IM ${APP_EXE}'
        Pop $0
        nsExec::Exec 'taskkill /F /IM ${ADMIN_EXE}'
      ${EndIf}
      Pop $0
      Sleep 2000
      Goto retry
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CLOSE_APP)" IDRETRY retry
    Abort
FunctionEnd
!macroend
!insertmacro DEFINE_CLOSE_APP ""
!insertmacro DEFINE_CLOSE_APP "un."

; --- install -----------------------------------------------------------------------------------
Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_WIN10)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ${IfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  ReadRegStr $PREVIOUS_VERSION HKLM "${UNINST_KEY}" "DisplayVersion"
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $PREVIOUS_VERSION != ""
    ${If} $0 != ""
      StrCpy $INSTDIR $0  ; upgrade in place
    ${EndIf}
    ${VersionCompare} "${VERSION}" "$PREVIOUS_VERSION" $1  ; 0 same, 1 this is newer, 2 this is older
    ${If} $1 == 2
      MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(DOWNGRADE)" /SD IDNO IDYES +2
      Abort
    ${Else}
      MessageBox MB_OK|MB_ICONINFORMATION "$(UPGRADE)" /SD IDOK
    ${EndIf}
  ${EndIf}
FunctionEnd

Function SkipDirectoryOnUpgrade
  ${If} $PREVIOUS_VERSION != ""
    Abort  ; the folder of the earlier install is kept
  ${EndIf}
FunctionEnd

Function RunAsDesktopUser
  ; not elevated: the data folder must belong to the person at the desk, not to the installer
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\${APP_EXE}"'
FunctionEnd

Section "-program" SEC_PROGRAM
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  Call CloseApp
  ; An upgrade replaces the whole program folder (a stale module or migration
  ; must not survive); the records are elsewhere and stay untouched.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${ADMIN_EXE}"
  File /r "${DIST_DIR}\*"
  File "/oname=it-guide.md" "../docs/it-guide.md"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(SC_ADMIN).lnk" "$SYSDIR\cmd.exe" '/k cd /d "$INSTDIR" && ${ADMIN_EXE} --help'
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Kiểm tra cài đặt (self-test).lnk" "$SYSDIR\cmd.exe" '/k start "" /wait "$INSTDIR\${APP_EXE}" --self-test'
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Hướng dẫn CNTT (IT guide).lnk" "$WINDIR\notepad.exe" '"$INSTDIR\it-guide.md"'
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt (uninstall).lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${INSTALL_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${INSTALL_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; --- uninstall ---------------------------------------------------------------------------------
Section "un.$(UNSEC_APP)" UNSEC_APP
  SectionIn RO
  SetShellVarContext all
  Call un.CloseApp
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${ADMIN_EXE}"
  Delete "$INSTDIR\it-guide.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: never a recursive delete of a folder the user chose
  RMDir "$INSTDIR\.."
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${INSTALL_KEY}"
SectionEnd

; Every account's %LOCALAPPDATA%\VNSocialCare\FacilityHealth (records, backups, logs).
Function un.RemoveDataOfEveryAccount
  StrCpy $R0 0
  loop:
    EnumRegKey $R1 HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList" $R0
    StrCmp $R1 "" done
    IntOp $R0 $R0 + 1
    ReadRegStr $R2 HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\$R1" "ProfileImagePath"
    StrCmp $R2 "" loop
    ExpandEnvStrings $R2 $R2
    ${If} ${FileExists} "$R2\AppData\Local\${DATA_SUBDIR}\*.*"
      RMDir /r "$R2\AppData\Local\${DATA_SUBDIR}"
      RMDir "$R2\AppData\Local\${COMPANY}"
    ${EndIf}
    Goto loop
  done:
FunctionEnd

Section /o "un.$(UNSEC_DATA)" UNSEC_DATA
  ${IfNot} ${Silent}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(CONFIRM_DATA)" IDYES +2
    Return
  ${EndIf}
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${DATA_SUBDIR}"
  RMDir "$LOCALAPPDATA\${COMPANY}"
  DeleteRegKey HKCU "Software\${COMPANY}\${PRODUCT_KEY}"  ; the language choice (QSettings)
  Call un.RemoveDataOfEveryAccount
  SetShellVarContext all
SectionEnd

; after the sections: it selects the data section for /REMOVEDATA
Function un.onInit
  SetRegView 64
  SetShellVarContext all
  !insertmacro MUI_UNGETLANGUAGE
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UNSEC_DATA}
  ${EndIf}
FunctionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UNSEC_APP} "$(UNSEC_APP_DESC)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UNSEC_DATA} "$(UNSEC_DATA_DESC)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
