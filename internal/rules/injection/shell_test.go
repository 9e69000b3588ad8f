package injection

import "testing"

func TestWildcardProgram(t *testing.T) {
	tests := []struct {
		cmd, want string
	}{
		{"tar czf out.tgz *", "tar"},
		{"cd /srv && tar czf out.tgz *", "tar"},
		{"sudo chown www:www *", "chown"},
		{"LC_ALL=C /bin/chmod 640 *.conf", "chmod"},
		{"rsync -a *.json host:/d", "rsync"},
		{"ls; chgrp staff *", "chgrp"},
		{"tar czf out.tgz -- *", ""},
		{"tar czf out.tgz ./*", ""},
		{"chmod 640 /etc/app/*.conf", ""},
		{"tar czf out.tgz '*.log'", ""},
		{"tar czf out.tgz --exclude=*.tmp data", ""},
		{"ls *", ""},
		{"tar czf out.tgz data", ""},
		{"echo tar *", ""},
	}
	for _, tt := range tests {
		if got := wildcardProgram(tt.cmd); got != tt.want {
			t.Errorf("wildcardProgram(%q) = %q, want %q", tt.cmd, got, tt.want)
		}
	}
}

func TestCommandFlag(t *testing.T) {
	tests := []struct {
		base, flag string
		want       bool
	}{
		{"sh", "-c", true},
		{"bash", "-lc", true},
		{"bash", "-xec", true},
		{"bash", "--login", false},
		{"bash", "-l", false},
		{"bash", "script.sh", false},
		{"cmd", "/C", true},
		{"cmd", "/k", true},
		{"cmd", "/q", false},
		{"powershell", "-Command", true},
		{"pwsh", "-c", true},
		{"pwsh", "-NoProfile", false},
		{"python3", "-c", false},
		{"gcc", "-c", false},
	}
	for _, tt := range tests {
		if got := commandFlag(tt.base, tt.flag); got != tt.want {
			t.Errorf("commandFlag(%q, %q) = %v, want %v", tt.base, tt.flag, got, tt.want)
		}
	}
}

func TestFullPath(t *testing.T) {
	tests := []struct {
		prog string
		want bool
	}{
		{"/usr/bin/git", true},
		{"./manage.py", true},
		{"../bin/tool", true},
		{`C:\Tools\7z.exe`, true},
		{`\\server\share\tool.exe`, true},
		{"~/bin/tool", true},
		{"$HOME/bin/tool", true},
		{"git", false},
		{"bin/tool", false},
		{"notepad.exe", false},
	}
	for _, tt := range tests {
		if got := fullPath(tt.prog); got != tt.want {
			t.Errorf("fullPath(%q) = %v, want %v", tt.prog, got, tt.want)
		}
	}
}
