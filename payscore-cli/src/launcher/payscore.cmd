@echo off
rem payscore: runs payscore-cli.jar, which sits next to this script. When the Java that runs it is the
rem one that built it, the class-data archive built with the jar (payscore.jsa) is used, which starts
rem the command faster; otherwise, or when the archive is missing, it is plain "java -jar", silently.
rem Java: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java.exe on the PATH.
setlocal
set "DIR=%~dp0"
set "JAVA="
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (for %%j in (java.exe) do set "JAVA=%%~$PATH:j")
if not defined JAVA (
  echo payscore: no java on the PATH: install JDK 17+ or set JAVA_HOME 1>&2
  exit /b 1
)
rem The home of that Java, and that of the Java that built payscore.jsa (filled in by the build).
for %%j in ("%JAVA%") do set "HOME_DIR=%%~dpj.."
for %%h in ("%HOME_DIR%") do set "HOME_DIR=%%~fh"
set "BUILT_WITH=@java.home@"
if not exist "%DIR%payscore.jsa" goto plain
if /i not "%HOME_DIR%"=="%BUILT_WITH%" goto plain
rem -Xshare:auto: an archive this JVM cannot use is ignored; the -Xlog options keep that quiet.
"%JAVA%" -XX:SharedArchiveFile="%DIR%payscore.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -jar "%DIR%payscore-cli.jar" %*
exit /b %ERRORLEVEL%
:plain
"%JAVA%" -jar "%DIR%payscore-cli.jar" %*
exit /b %ERRORLEVEL%
