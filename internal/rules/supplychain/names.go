package supplychain

import (
	"sort"
	"strings"
)

// networkCalls are the callables that open a connection or send a request.
// requests' and httpx's helpers are listed one by one: their modules also hold
// calls such as requests.packages.urllib3.disable_warnings() that send nothing.
var networkCalls = map[string]bool{
	"urllib.request.urlopen": true, "urllib.request.urlretrieve": true, "urllib.request.Request": true,
	"urllib.request.build_opener": true, "urllib.urlopen": true, "urllib.urlretrieve": true,
	"urllib2.urlopen": true, "urllib2.Request": true,
	"http.client.HTTPConnection": true, "http.client.HTTPSConnection": true,
	"httplib.HTTPConnection": true, "httplib.HTTPSConnection": true,
	"socket.socket": true, "socket.create_connection": true, "socket.gethostbyname": true,
	"ftplib.FTP": true, "ftplib.FTP_TLS": true, "smtplib.SMTP": true, "smtplib.SMTP_SSL": true,
	"telnetlib.Telnet": true, "xmlrpc.client.ServerProxy": true,
	"requests.get": true, "requests.post": true, "requests.put": true, "requests.patch": true,
	"requests.delete": true, "requests.head": true, "requests.options": true, "requests.request": true,
	"requests.Session": true, "requests.session": true,
	"requests.api.get": true, "requests.api.post": true, "requests.api.request": true,
	"httpx.get": true, "httpx.post": true, "httpx.put": true, "httpx.patch": true, "httpx.delete": true,
	"httpx.head": true, "httpx.request": true, "httpx.stream": true, "httpx.Client": true, "httpx.AsyncClient": true,
	"urllib3.PoolManager": true, "urllib3.ProxyManager": true, "urllib3.request": true,
	"urllib3.connection_from_url": true,
	"aiohttp.ClientSession":       true, "aiohttp.request": true, "pycurl.Curl": true,
	"websocket.create_connection": true, "websockets.connect": true,
	"discord_webhook.DiscordWebhook": true, "dhooks.Webhook": true,
}

// processCalls are the callables that run another program.
var processCalls = map[string]bool{
	"os.system": true, "os.popen": true, "os.startfile": true, "os.posix_spawn": true, "os.posix_spawnp": true,
	"os.execl": true, "os.execle": true, "os.execlp": true, "os.execlpe": true,
	"os.execv": true, "os.execve": true, "os.execvp": true, "os.execvpe": true,
	"os.spawnl": true, "os.spawnle": true, "os.spawnlp": true, "os.spawnlpe": true,
	"os.spawnv": true, "os.spawnve": true, "os.spawnvp": true, "os.spawnvpe": true,
	"subprocess.run": true, "subprocess.call": true, "subprocess.check_call": true,
	"subprocess.check_output": true, "subprocess.Popen": true, "subprocess.getoutput": true,
	"subprocess.getstatusoutput": true, "pty.spawn": true, "commands.getoutput": true,
	"commands.getstatusoutput": true, "platform.popen": true,
	"asyncio.create_subprocess_exec": true, "asyncio.create_subprocess_shell": true,
}

// execCalls run Python code given as data.
var execCalls = map[string]bool{
	"builtins.exec": true, "builtins.eval": true, "builtins.compile": true,
}

// decoderCalls undo an encoding or a compression: what hides a payload.
var decoderCalls = map[string]bool{
	"base64.b64decode": true, "base64.b32decode": true, "base64.b16decode": true, "base64.b85decode": true,
	"base64.a85decode": true, "base64.decodebytes": true, "base64.decodestring": true,
	"base64.urlsafe_b64decode": true, "base64.standard_b64decode": true, "base64.b32hexdecode": true,
	"zlib.decompress": true, "gzip.decompress": true, "bz2.decompress": true, "lzma.decompress": true,
	"marshal.loads": true, "codecs.decode": true, "binascii.a2b_base64": true, "binascii.unhexlify": true,
	"binascii.a2b_hex": true, "builtins.bytes.fromhex": true, "builtins.bytearray.fromhex": true,
	"zlib.decompressobj": true,
}

// decoderModules are the modules whose inline `__import__` marks a generated
// one-line unpacker.
var decoderModules = map[string]bool{
	"base64": true, "zlib": true, "marshal": true, "lzma": true, "bz2": true, "gzip": true,
	"codecs": true, "binascii": true,
}

// benignPrograms are the tools that setup scripts legitimately ask for
// versions and build flags; running them is not a sign of anything.
var benignPrograms = map[string]bool{
	"git": true, "hg": true, "svn": true, "pkg-config": true, "pkgconf": true, "cmake": true,
	"gcc": true, "cc": true, "clang": true, "nvcc": true, "xcrun": true, "uname": true, "sw_vers": true,
	"pg_config": true, "mysql_config": true, "llvm-config": true, "icu-config": true, "nproc": true,
	"make": true, "ninja": true, "brew": true, "where": true, "which": true, "lsb_release": true,
	"rustc": true, "cargo": true, "swig": true, "cython": true, "ldconfig": true, "hipcc": true,
	"nvidia-smi": true, "python-config": true, "python3-config": true, "sysctl": true,
	// Front-end builds of Jupyter extensions and web packages.
	"npm": true, "yarn": true, "jlpm": true, "pnpm": true, "node": true,
}

// alarmingPrograms are what a dropper runs: downloaders, shells, schedulers.
var alarmingPrograms = map[string]bool{
	"curl": true, "wget": true, "powershell": true, "powershell.exe": true, "pwsh": true,
	"bash": true, "sh": true, "zsh": true, "cmd": true, "cmd.exe": true, "certutil": true,
	"bitsadmin": true, "mshta": true, "rundll32": true, "regsvr32": true, "nohup": true,
	"chmod": true, "nc": true, "ncat": true, "netcat": true, "crontab": true, "schtasks": true,
	"start": true, "osascript": true, "/bin/sh": true, "/bin/bash": true,
}

// programName returns the program a command line starts, without its
// directory: "curl" for "/usr/bin/curl -s x".
func programName(cmd string) string {
	cmd = strings.TrimSpace(cmd)
	if i := strings.IndexAny(cmd, " \t"); i >= 0 {
		cmd = cmd[:i]
	}
	if i := strings.LastIndexAny(cmd, `/\`); i >= 0 && i+1 < len(cmd) {
		cmd = cmd[i+1:]
	}
	return strings.ToLower(cmd)
}

// tails returns the last dotted parts of the names in the maps, plus extra:
// the Callees of a rule that looks for those functions.
func tails(extra []string, maps ...map[string]bool) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, m := range maps {
		for qn := range m {
			add(qn[strings.LastIndexByte(qn, '.')+1:])
		}
	}
	for _, s := range extra {
		add(s)
	}
	sort.Strings(out)
	return out
}

// networkTails are the last names of networkCalls, a cheap first test.
var networkTails = func() map[string]bool {
	out := map[string]bool{}
	for _, t := range tails(nil, networkCalls) {
		out[t] = true
	}
	return out
}()

// networkModules are the top-level modules of networkCalls.
var networkModules = func() []string {
	seen := map[string]bool{}
	var out []string
	for qn := range networkCalls {
		top, _, _ := strings.Cut(qn, ".")
		if !seen[top] {
			seen[top] = true
			out = append(out, top)
		}
	}
	sort.Strings(out)
	return out
}()
