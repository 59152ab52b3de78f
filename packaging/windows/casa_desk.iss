; Inno Setup script of the casa_desk installer for the office PCs (Windows 10/11, 64-bit).
;
; Built by .github/workflows/windows.yml after tools/build_bundle.py has made the same
; one-folder PyInstaller bundle as `make dist` on Linux (packaging/casa_desk.spec):
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\casa_desk.iss
; Output: dist\casa-desk-<version>-setup.exe. It cannot be built or run on the Linux
; machines this project is developed on (docs/install.md).
;
; - The office's program only: the bundle carries no hub (head office installs the Python
;   package, docs/deploy.md), and `casa-desk hub` says so in one line.
; - Per-machine install in Program Files (administrator rights), Start-menu entry, icon.
; - One data folder per PC, C:\ProgramData\AlerMilano\casa_desk, shared by the Windows
;   accounts of the desk's operators (each logs in to casa_desk with their own user), named
;   to the program through the machine-wide CASA_DESK_HOME variable (casa_desk/paths.py).
;   Uninstalling removes the program and the variable, never that folder: the office's
;   store and its backups stay until someone deletes them on purpose.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\casa-desk"
#endif
#define DataDir "{commonappdata}\AlerMilano\casa_desk"

[Setup]
AppId={{6C1B8E2A-4F1D-4C5B-9A57-3E0D2B7C9A41}
AppName=casa_desk
AppVersion={#AppVersion}
AppVerName=casa_desk {#AppVersion}
AppPublisher=Aler Milano
AppComments=Lo sportello dei presidi C.A.S.A. di Aler Milano
DefaultDirName={autopf}\casa_desk
DefaultGroupName=casa_desk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=casa-desk.ico
UninstallDisplayIcon={app}\casa-desk.exe
UninstallDisplayName=casa_desk
OutputDir=..\..\dist
OutputBaseFilename=casa-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The machine-wide CASA_DESK_HOME reaches programs started after setup.
ChangesEnvironment=yes
; An upgrade closes a running casa_desk first (its store migrates at the next start,
; after an automatic backup).
CloseApplications=yes

[Languages]
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Dirs]
; Operators' accounts may create and change the store there; never removed by uninstall.
Name: "{#DataDir}"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole program folder: no module of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\casa_desk"; Filename: "{app}\casa-desk.exe"; WorkingDir: "{#DataDir}"; Comment: "Sportello C.A.S.A."
Name: "{autodesktop}\casa_desk"; Filename: "{app}\casa-desk.exe"; WorkingDir: "{#DataDir}"; Tasks: desktopicon

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "CASA_DESK_HOME"; ValueData: "{#DataDir}"; Flags: uninsdeletevalue
